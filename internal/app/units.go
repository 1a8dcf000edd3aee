package app

import (
	"context"
	"fmt"
	"slices"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Units returns the unit tree of the actor's instansi, flat, in display
// order; ParentID links it. The list is cached until the organisation
// changes; callers must not modify it.
func (a *App) Units(ctx context.Context, actor model.Actor) ([]model.Unit, error) {
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: actor.InstansiID}) {
		return nil, forbidden("units")
	}
	return a.unitsOf(ctx, actor.InstansiID)
}

// unitsOf returns an instansi's units from the cache, reading them again
// only when the organisation changed (one small query to learn that).
func (a *App) unitsOf(ctx context.Context, instansiID string) ([]model.Unit, error) {
	v, err := a.store.OrgVersion(ctx, instansiID)
	if err != nil {
		return nil, err
	}
	return a.unitsAt(ctx, instansiID, v)
}

// unitsAt returns the units of the organisation at version v, from the
// cache when it holds that version.
func (a *App) unitsAt(ctx context.Context, instansiID string, v int64) ([]model.Unit, error) {
	a.orgMu.Lock()
	c, ok := a.units[instansiID]
	a.orgMu.Unlock()
	if ok && c.version == v {
		return c.units, nil
	}
	units, err := a.store.Units(ctx, instansiID)
	if err != nil {
		return nil, err
	}
	a.orgMu.Lock()
	a.units[instansiID] = cachedUnits{version: v, units: units}
	a.orgMu.Unlock()
	return units, nil
}

// Unit returns one unit of the actor's instansi.
func (a *App) Unit(ctx context.Context, actor model.Actor, id string) (model.Unit, error) {
	u, err := a.store.Unit(ctx, id)
	if err != nil {
		return u, err
	}
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: u.InstansiID}) {
		return model.Unit{}, fmt.Errorf("unit %s: %w", id, model.ErrNotFound)
	}
	return u, nil
}

// UnitNode is a unit in the tree with what the unit pages show beside it:
// its head, its people and its sub-units.
type UnitNode struct {
	model.Unit
	// HeadID is the employee holding the unit's head position today for
	// its staff ("" when vacant): a Plt or Plh before the definitive
	// holder (model.OrgChart.Holder); Head is that employee.
	HeadID string
	Head   *model.Employee
	// Heads is who holds the head position today, definitive first, then
	// acting, each marked (see UnitHolder): the first UnitHolderPreview of
	// them; HeadCount counts them all (PostHolders lists them all).
	Heads     []UnitHolder
	HeadCount int
	// Own counts the active employees placed in the unit itself; Employees
	// adds those of every sub-unit.
	Own       int
	Employees int
	Parent    *UnitNode
	Children  []*UnitNode
}

// UnitTree is the unit tree of an instansi: the roots, every unit in
// display order, and each unit by id.
type UnitTree struct {
	Roots []*UnitNode
	All   []*UnitNode
	ByID  map[string]*UnitNode
}

// UnitTree returns the actor's instansi's unit tree with the heads' names
// and the employee counts, loaded together.
func (a *App) UnitTree(ctx context.Context, actor model.Actor) (UnitTree, error) {
	units, err := a.Units(ctx, actor)
	if err != nil {
		return UnitTree{}, err
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return UnitTree{}, err
	}
	t, err := a.unitTree(ctx, actor.InstansiID, units, chart)
	if err != nil {
		return t, err
	}
	heads, err := a.store.Holdings(ctx, actor.InstansiID, model.HoldingFilter{HeadsOnly: true}, a.Today(ctx, actor.InstansiID))
	if err != nil {
		return t, err
	}
	byPost := holdersByPost(heads)
	for _, n := range t.All {
		n.Heads, n.HeadCount = preview(byPost[n.HeadPositionID])
	}
	return t, nil
}

// UnitHolderPreview is how many holders of one post the unit pages and
// their API answers carry: a functional post held by hundreds of teachers
// shows the first of them, how many there are, and a way to the rest
// (PostHolders), never all of them at once and never a silent cut.
const UnitHolderPreview = 10

// preview is the first UnitHolderPreview of hs and how many hs holds.
func preview(hs []UnitHolder) ([]UnitHolder, int) {
	if len(hs) > UnitHolderPreview {
		return hs[:UnitHolderPreview:UnitHolderPreview], len(hs)
	}
	return hs, len(hs)
}

// UnitHolder is one person holding a post today, as the unit pages list
// them: definitive holders first, then the Plt, then the Plh. Acting says,
// for a Plt or Plh, "Plt. sejak 2 Januari 2026" (and until when, when the
// end is set); its Key is "" for a definitive holder.
type UnitHolder struct {
	PlacementID string // the holding's placement; a page of holders goes on after it
	EmployeeID  string
	Name        string // with titles
	NIP         string
	Kind        model.PlacementKind
	Start, End  model.Date
	Acting      model.Message
}

// holdersByPost groups holdings (in the order the store gives them) by
// position, each marked.
func holdersByPost(list []model.Holding) map[string][]UnitHolder {
	out := map[string][]UnitHolder{}
	for _, h := range list {
		u := UnitHolder{PlacementID: h.ID, EmployeeID: h.EmployeeID, Name: h.Holder, NIP: h.NIP, Kind: h.Kind, Start: h.Start, End: h.End}
		if h.Kind != model.PlacementDefinitif {
			if h.End != "" {
				u.Acting = model.Msg("holder.acting.until", h.Kind.Abbrev(), model.DateLabel(h.Start), model.DateLabel(h.End))
			} else {
				u.Acting = model.Msg("holder.acting", h.Kind.Abbrev(), model.DateLabel(h.Start))
			}
		}
		out[h.PositionID] = append(out[h.PositionID], u)
	}
	return out
}

// unitTree builds the tree of units, with the employee holding each
// head post for its staff.
func (a *App) unitTree(ctx context.Context, instansiID string, units []model.Unit, chart *model.OrgChart) (UnitTree, error) {
	counts, err := a.store.UnitEmployeeCounts(ctx, instansiID)
	if err != nil {
		return UnitTree{}, err
	}
	var ids []string
	for _, un := range units {
		if h := chart.Holder(un.HeadPositionID); h != "" {
			ids = append(ids, h)
		}
	}
	people, err := a.store.EmployeesByID(ctx, ids)
	if err != nil {
		return UnitTree{}, err
	}
	t := UnitTree{ByID: make(map[string]*UnitNode, len(units)), All: make([]*UnitNode, 0, len(units))}
	for _, un := range units {
		n := &UnitNode{Unit: un, HeadID: chart.Holder(un.HeadPositionID), Own: counts[un.ID], Employees: counts[un.ID]}
		if h, ok := people[n.HeadID]; ok && n.HeadID != "" {
			n.Head = &h
		}
		t.ByID[un.ID] = n
		t.All = append(t.All, n)
	}
	for _, n := range t.All {
		if p, ok := t.ByID[n.ParentID]; ok {
			n.Parent = p
			p.Children = append(p.Children, n)
		} else {
			t.Roots = append(t.Roots, n)
		}
	}
	var total func(n *UnitNode) int
	total = func(n *UnitNode) int {
		for _, c := range n.Children {
			n.Employees += total(c)
		}
		return n.Employees
	}
	for _, n := range t.Roots {
		total(n)
	}
	return t, nil
}

// PositionHolder is a position of a unit with who holds it today
// (Holders, definitive first, then acting, each marked: the first
// UnitHolderPreview of them, HolderCount counting them all); HolderID is
// the one who holds it for its staff (model.OrgChart.Holder), "" when
// vacant.
type PositionHolder struct {
	model.Position
	HolderID    string
	Holders     []UnitHolder
	HolderCount int
}

// UnitDetail is one unit's page: the unit in its tree and its positions
// with their holders.
type UnitDetail struct {
	*UnitNode
	Positions []PositionHolder
}

// UnitDetail returns one unit of the actor's instansi as its page shows it.
func (a *App) UnitDetail(ctx context.Context, actor model.Actor, id string) (UnitDetail, error) {
	units, err := a.Units(ctx, actor)
	if err != nil {
		return UnitDetail{}, err
	}
	if !slices.ContainsFunc(units, func(u model.Unit) bool { return u.ID == id }) {
		return UnitDetail{}, fmt.Errorf("unit %s: %w", id, model.ErrNotFound)
	}
	positions, err := a.store.Positions(ctx, actor.InstansiID, id)
	if err != nil {
		return UnitDetail{}, err
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return UnitDetail{}, err
	}
	tree, err := a.unitTree(ctx, actor.InstansiID, units, chart)
	if err != nil {
		return UnitDetail{}, err
	}
	holdings, err := a.store.Holdings(ctx, actor.InstansiID, model.HoldingFilter{UnitID: id}, a.Today(ctx, actor.InstansiID))
	if err != nil {
		return UnitDetail{}, err
	}
	byPost := holdersByPost(holdings)
	d := UnitDetail{UnitNode: tree.ByID[id], Positions: make([]PositionHolder, 0, len(positions))}
	for _, p := range positions {
		ph := PositionHolder{Position: p, HolderID: chart.Holder(p.ID)}
		ph.Holders, ph.HolderCount = preview(byPost[p.ID])
		d.Positions = append(d.Positions, ph)
	}
	// The head post is one of the unit's own (store.Units).
	d.Heads, d.HeadCount = preview(byPost[d.HeadPositionID])
	return d, nil
}

// PostHoldersQuery pages the holders of a post: Cursor is the placement
// of the last holder of the page before ("" for the first), Limit the
// page size.
type PostHoldersQuery struct {
	Cursor string
	Limit  int
}

// PostHolders is one page of the people holding a post of a unit today,
// in the unit page's order (definitive, then Plt, then Plh, each in the
// order they started), with how many hold it in all.
type PostHolders struct {
	Unit     model.Unit
	Position model.Position
	Items    []UnitHolder
	Next     string // the cursor of the next page; "" on the last
	Total    int
}

// PostHolders returns a page of the holders of position positionID of
// unit unitID, to whoever may read the unit tree. A position of another
// unit is not found; a cursor that names no holder of the post is a 422.
func (a *App) PostHolders(ctx context.Context, actor model.Actor, unitID, positionID string, q PostHoldersQuery) (PostHolders, error) {
	u, err := a.Unit(ctx, actor, unitID)
	if err != nil {
		return PostHolders{}, err
	}
	positions, err := a.store.Positions(ctx, actor.InstansiID, unitID)
	if err != nil {
		return PostHolders{}, err
	}
	i := slices.IndexFunc(positions, func(p model.Position) bool { return p.ID == positionID })
	if i < 0 {
		return PostHolders{}, fmt.Errorf("position %s of unit %s: %w", positionID, unitID, model.ErrNotFound)
	}
	// The holders of one post are read whole: even a functional post of a
	// large instansi holds a few thousand at most, and their order
	// (definitive first) is not one a key can resume.
	holdings, err := a.store.Holdings(ctx, actor.InstansiID, model.HoldingFilter{PositionID: positionID}, a.Today(ctx, actor.InstansiID))
	if err != nil {
		return PostHolders{}, err
	}
	all := holdersByPost(holdings)[positionID]
	start := 0
	if q.Cursor != "" {
		at := slices.IndexFunc(all, func(h UnitHolder) bool { return h.PlacementID == q.Cursor })
		if at < 0 {
			return PostHolders{}, model.Invalid("cursor", "invalid.cursor.restart")
		}
		start = at + 1
	}
	limit := q.Limit
	if limit < 1 {
		limit = 50
	}
	end := min(len(all), start+limit)
	out := PostHolders{Unit: u, Position: positions[i], Items: all[start:end], Total: len(all)}
	if end < len(all) {
		out.Next = all[end-1].PlacementID
	}
	return out, nil
}
