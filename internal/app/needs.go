package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Development needs and resource constraints (domain decision 12). An ASN
// records what holds their own work back; a supervisor records it for
// someone in their line, and confirms or closes what their line records.
// OPD admins see and address their OPD's confirmed needs, BKPSDM and
// leaders the whole instansi's, and all of them see the counts by OPD and
// kind.

// NeedRights tells what the actor may do with one need now.
type NeedRights struct {
	Confirm, Close, Address bool
}

// NeedView is a need as the actor reads it, with the steps they may take
// on it now.
type NeedView struct {
	model.Need
	Can NeedRights
}

// NeedList is a page of needs as the actor reads them.
type NeedList struct {
	Items      []NeedView
	NextCursor string // empty on the last page
	Total      int    // the needs listed on all pages
}

// needTotal is how many needs filter f selects on all pages, page being
// the one it read: counted only when there is more than that page.
func (a *App) needTotal(ctx context.Context, f store.NeedFilter, page model.NeedPage) (int, error) {
	if f.Cursor == "" && page.NextCursor == "" {
		return len(page.Items), nil
	}
	counts, err := a.store.NeedCounts(ctx, f)
	n := 0
	for _, c := range counts {
		n += c.N
	}
	return n, err
}

// NeedsRights tells what the pages of needs offer the actor.
type NeedsRights struct {
	Record     bool // record a need of their own (they have an employee record)
	RecordLine bool // record one for someone they rate
	Summary    bool // the counts by OPD and kind
	AllOPDs    bool // the summary of every OPD, not only their own
}

// NeedsAccess is what the pages of needs offer the actor, from their
// reach: the rights, the people they may record for and the OPDs a list
// may be filtered by.
type NeedsAccess struct {
	Can  NeedsRights
	Team []model.Employee // whom they rate, by name: the form for their line offers them
	OPDs []model.Unit     // the OPDs within reach, by name
}

// NeedsAccess answers what the pages of needs offer the actor.
func (a *App) NeedsAccess(ctx context.Context, actor model.Actor) (NeedsAccess, error) {
	reach, err := a.Reach(ctx, actor, authz.ReadNeeds)
	if err != nil {
		return NeedsAccess{}, err
	}
	out := NeedsAccess{Can: NeedsRights{Summary: maySummariseNeeds(reach), AllOPDs: reach.Whole()}}
	if out.Can.Record, err = a.CanRecordNeed(ctx, actor, actor.EmployeeID); err != nil {
		return out, err
	}
	if out.Team, err = a.Team(ctx, actor); err != nil {
		return out, err
	}
	slices.SortFunc(out.Team, func(x, y model.Employee) int { return strings.Compare(x.Name, y.Name) })
	out.Can.RecordLine = len(out.Team) > 0
	if reach.Kind >= ReachOPD {
		units, err := a.Units(ctx, actor)
		if err != nil {
			return out, err
		}
		for _, u := range units {
			if u.OPDID == u.ID && reach.HasOPD(u.ID) {
				out.OPDs = append(out.OPDs, u)
			}
		}
		slices.SortFunc(out.OPDs, func(x, y model.Unit) int { return strings.Compare(x.Name, y.Name) })
	}
	return out, nil
}

// maySummariseNeeds reports whether a reach sees the counts by OPD: an
// OPD's or the instansi's.
func maySummariseNeeds(r Reach) bool { return r.Kind >= ReachOPD }

// Any reports whether the actor may take any step.
func (r NeedRights) Any() bool { return r.Confirm || r.Close || r.Address }

// mayStep reports whether actor may take step act on needs like n at
// all, whatever their status: those above the employee in the line
// confirm and close; admins and leaders whose scope holds the need's OPD
// address.
func mayStep(actor model.Actor, chart *model.OrgChart, n model.Need, act model.NeedAction) bool {
	if n.InstansiID != actor.InstansiID {
		return false
	}
	if act == model.NeedAddress {
		return authz.Can(actor, authz.AddressNeeds, authz.Target{InstansiID: n.InstansiID, OPDID: n.OPDID})
	}
	return actor.EmployeeID != "" && chart.InLine(actor.EmployeeID, n.EmployeeID)
}

// needRights tells what actor may do with n in its present status.
func needRights(actor model.Actor, chart *model.OrgChart, n model.Need) NeedRights {
	may := func(act model.NeedAction) bool {
		_, err := model.NextNeedStatus(n.Status, act)
		return err == nil && mayStep(actor, chart, n, act)
	}
	return NeedRights{Confirm: may(model.NeedConfirm), Close: may(model.NeedClose), Address: may(model.NeedAddress)}
}

// CanRecordNeed reports whether actor may record a need for employeeID:
// their own, or that of someone in their line.
func (a *App) CanRecordNeed(ctx context.Context, actor model.Actor, employeeID string) (bool, error) {
	if actor.EmployeeID == "" || employeeID == "" {
		return false, nil
	}
	if employeeID == actor.EmployeeID {
		return true, nil
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return false, err
	}
	return chart.InLine(actor.EmployeeID, employeeID), nil
}

// RecordNeed records a need for n.EmployeeID (the actor's own when
// empty) and answers it with what the actor may do next. One the ASN
// records is open and waits for their supervisor; one a supervisor
// records for their line is confirmed at once. The RHK,
// when named, must be of the employee's own SKP. The supervisor, or the
// employee, is told.
func (a *App) RecordNeed(ctx context.Context, actor model.Actor, n model.Need) (NeedView, error) {
	if n.EmployeeID == "" {
		n.EmployeeID = actor.EmployeeID
	}
	if n.EmployeeID == "" {
		return NeedView{Need: n}, model.Invalid("employee_id", "invalid.need.employee.pick")
	}
	e, err := a.store.Employee(ctx, n.EmployeeID)
	if err != nil || e.InstansiID != actor.InstansiID {
		return NeedView{Need: n}, fmt.Errorf("employee %s: %w", n.EmployeeID, model.ErrNotFound)
	}
	if err := a.refuseClosed(ctx, e); err != nil {
		return NeedView{Need: n}, err
	}
	ok, err := a.CanRecordNeed(ctx, actor, e.ID)
	if err != nil {
		return NeedView{Need: n}, err
	}
	if !ok {
		return NeedView{Need: n}, forbidden("record a need for someone outside one's line")
	}
	n.InstansiID, n.Year, n.ReportedBy, n.Status = e.InstansiID, a.Today(ctx, actor.InstansiID).Time().Year(), actor.UserID, model.NeedOpen
	n.ConfirmedBy, n.ClosedBy, n.AddressedBy, n.ClosedNote, n.ActionNote = "", "", "", "", ""
	var v model.ValidationError
	if err := n.Validate(); err != nil {
		v = *err.(*model.ValidationError)
	}
	if e.UnitID == "" {
		v.Add("employee_id", "invalid.field.employee.noposition")
	} else {
		u, err := a.store.Unit(ctx, e.UnitID)
		if err != nil {
			return NeedView{Need: n}, err
		}
		n.UnitID, n.OPDID = u.ID, u.OPDID
	}
	if n.RHKID != "" {
		if err := a.checkNeedRHK(ctx, e.ID, n.RHKID); err != nil {
			v.AddErr("rhk_id", err)
		}
	}
	if err := v.Err(); err != nil {
		return NeedView{Need: n}, err
	}
	chart, err := a.OrgChart(ctx, e.InstansiID)
	if err != nil {
		return NeedView{Need: n}, err
	}
	if e.ID != actor.EmployeeID {
		n.Status, n.ConfirmedBy = model.NeedConfirmed, actor.UserID
	}
	what := needWords(n.Category)
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if n, err = tx.CreateNeed(ctx, n); err != nil {
			return err
		}
		note := model.Notification{InstansiID: n.InstansiID, Kind: "need.recorded", Link: "/kebutuhan/" + n.ID}
		if n.Status == model.NeedOpen {
			note.EmployeeID = chart.Rater(e.ID)
			note.Args = []string{e.FullName(), what, n.Title, n.Description}
		} else {
			note.EmployeeID, note.Variant = e.ID, "yours"
			note.Args = []string{actor.Name, what, n.Title, n.Description}
		}
		return tx.Notify(ctx, note)
	})
	if err != nil {
		return NeedView{}, err
	}
	return NeedView{Need: n, Can: needRights(actor, chart, n)}, nil
}

// needWords names a category in the words of a notification: a catalog
// key the notification translates.
func needWords(c model.NeedCategory) string {
	if c == model.NeedCategoryNeed {
		return "notif.word.need"
	}
	return "notif.word.constraint"
}

// checkNeedRHK checks that rhkID is an RHK of one of the employee's SKP.
func (a *App) checkNeedRHK(ctx context.Context, employeeID, rhkID string) error {
	r, err := a.store.RHKByID(ctx, rhkID)
	if err != nil {
		return model.Msg("invalid.field.rhk.notfound")
	}
	s, err := a.store.SKP(ctx, r.SKPID)
	if err != nil || s.EmployeeID != employeeID {
		return model.Msg("invalid.need.rhk.foreign")
	}
	return nil
}

// NeedRHKOptions returns the RHK of the employee's SKP for the current
// year, which a need may name; the employee themselves or someone above
// them in the line may ask.
func (a *App) NeedRHKOptions(ctx context.Context, actor model.Actor, employeeID string) ([]model.RHK, error) {
	ok, err := a.CanRecordNeed(ctx, actor, employeeID)
	if err != nil || !ok {
		return nil, err
	}
	skps, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: actor.InstansiID, EmployeeIDs: []string{employeeID}, Year: a.Today(ctx, actor.InstansiID).Time().Year()})
	if err != nil {
		return nil, err
	}
	for _, s := range skps {
		if s.Status == model.SKPClosed || s.Acting != "" { // the definitive post's, as progress
			continue
		}
		full, err := a.store.SKP(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		return full.RHK, nil
	}
	return nil, nil
}

// Need returns one need, with what the actor may do with it, to those who
// may read it: the employee, those above them in the line, and the admins
// and leaders whose scope holds its OPD.
func (a *App) Need(ctx context.Context, actor model.Actor, id string) (NeedView, error) {
	n, chart, err := a.need(ctx, actor, id)
	if err != nil {
		return NeedView{}, err
	}
	return NeedView{Need: n, Can: needRights(actor, chart, n)}, nil
}

// needViews gives each need of a list what the actor may do with it.
func (a *App) needViews(ctx context.Context, actor model.Actor, list []model.Need) ([]NeedView, error) {
	out := make([]NeedView, 0, len(list))
	if len(list) == 0 {
		return out, nil
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	for _, n := range list {
		out = append(out, NeedView{Need: n, Can: needRights(actor, chart, n)})
	}
	return out, nil
}

// need reads a need the actor's reach holds; others are told it does not
// exist.
func (a *App) need(ctx context.Context, actor model.Actor, id string) (model.Need, *model.OrgChart, error) {
	n, err := a.store.Need(ctx, id)
	if err != nil {
		return n, nil, err
	}
	reach, err := a.Reach(ctx, actor, authz.ReadNeeds)
	if err != nil {
		return n, nil, err
	}
	if n.InstansiID != actor.InstansiID || !reach.HasEmployee(n.EmployeeID, n.OPDID) {
		return model.Need{}, nil, fmt.Errorf("need %s: %w", id, model.ErrNotFound)
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return n, nil, err
	}
	return n, chart, nil
}

// ConfirmNeed confirms an open need read at version: the actor is above
// the employee in the line. The employee is told.
func (a *App) ConfirmNeed(ctx context.Context, actor model.Actor, id string, version int) (NeedView, error) {
	return a.moveNeed(ctx, actor, id, version, model.NeedConfirm, "", "")
}

// CloseNeed closes an open or confirmed need with the reason why: the
// actor is above the employee in the line. The employee is told.
func (a *App) CloseNeed(ctx context.Context, actor model.Actor, id string, version int, note string) (NeedView, error) {
	return a.moveNeed(ctx, actor, id, version, model.NeedClose, "note", note)
}

// AddressNeed records what was done about a confirmed need: the actor may
// address the needs of its OPD. The employee and their supervisor are
// told.
func (a *App) AddressNeed(ctx context.Context, actor model.Actor, id string, version int, action string) (NeedView, error) {
	return a.moveNeed(ctx, actor, id, version, model.NeedAddress, "action", action)
}

// moveNeed takes one step and answers the need with what the actor may
// do next. Who may not take it at all is refused; a stale version or a
// step the status does not allow is the store's conflict.
// field names the step's text when it needs one ("" when it takes none),
// checked once the actor may take the step.
func (a *App) moveNeed(ctx context.Context, actor model.Actor, id string, version int, act model.NeedAction, field, note string) (NeedView, error) {
	n, chart, err := a.need(ctx, actor, id)
	if err != nil {
		return NeedView{}, err
	}
	if !mayStep(actor, chart, n, act) {
		return NeedView{}, forbidden(fmt.Sprintf("%s need %s", act, id))
	}
	if field != "" {
		if note, err = model.CheckNeedNote(field, note); err != nil {
			return NeedView{}, err
		}
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if n, err = tx.MoveNeed(ctx, n.ID, version, act, actor.UserID, note); err != nil {
			return err
		}
		msg := model.Notification{InstansiID: n.InstansiID, EmployeeID: n.EmployeeID, Kind: "need." + string(act),
			Args: []string{actor.Name, needWords(n.Category), n.Title, note}, Link: "/kebutuhan/" + n.ID}
		if n.EmployeeID != actor.EmployeeID {
			if err := tx.Notify(ctx, msg); err != nil {
				return err
			}
		}
		// What was done is news to the supervisor who confirmed it too.
		if rater := chart.Rater(n.EmployeeID); act == model.NeedAddress && rater != "" && rater != actor.EmployeeID {
			msg.EmployeeID, msg.Variant = rater, "rater"
			msg.Args = []string{actor.Name, needWords(n.Category), n.EmployeeName, n.Title, note}
			return tx.Notify(ctx, msg)
		}
		return nil
	})
	if err != nil {
		return NeedView{}, err
	}
	return NeedView{Need: n, Can: needRights(actor, chart, n)}, nil
}

// NeedQuery selects needs to list.
type NeedQuery struct {
	Year       int // 0: every year
	OPDID      string
	UnitID     string // this unit and the units below it
	UnitOnly   bool   // only UnitID itself
	EmployeeID string
	Category   model.NeedCategory
	Kind       model.NeedKind
	Statuses   []model.NeedStatus
	Cursor     string
	Limit      int
	// Outstanding first: open, then confirmed, then the rest, newest first
	// within each.
	Ranked bool
}

// Needs lists the needs the actor may read that q selects, newest first:
// their own and their line's, their OPD's for an OPD admin, every one for
// BKPSDM, leaders and auditors.
func (a *App) Needs(ctx context.Context, actor model.Actor, q NeedQuery) (NeedList, error) {
	reach, err := a.Reach(ctx, actor, authz.ReadNeeds)
	if err != nil {
		return NeedList{}, err
	}
	var v model.ValidationError
	if q.Kind != "" && !q.Kind.Valid() {
		v.Add("kind", "invalid.need.kind.unknown")
	}
	if q.Category != "" && !q.Category.Valid() {
		v.Add("category", "invalid.field.category")
	}
	for _, s := range q.Statuses {
		if !s.Valid() {
			v.Add("status", "invalid.field.status")
		}
	}
	f := store.NeedFilter{InstansiID: actor.InstansiID, Scope: needScope(reach), Year: q.Year, OPDID: q.OPDID, EmployeeID: q.EmployeeID,
		Category: q.Category, Kind: q.Kind, Statuses: q.Statuses, Cursor: q.Cursor, Limit: q.Limit, OrderByRank: q.Ranked}
	if q.UnitID != "" || q.OPDID != "" {
		units, err := a.Units(ctx, actor)
		if err != nil {
			return NeedList{}, err
		}
		if q.OPDID != "" && !slices.ContainsFunc(units, func(u model.Unit) bool { return u.ID == q.OPDID }) {
			v.Add("opd", "invalid.field.opd.notfound")
		}
		if q.UnitID != "" {
			if f.UnitIDs = subtree(units, q.UnitID); f.UnitIDs == nil {
				v.Add("unit", "invalid.field.unit.notfound")
			} else if q.UnitOnly {
				f.UnitIDs = f.UnitIDs[:1]
			}
		}
	}
	if q.Cursor != "" {
		// A cursor is the id of a need the list gave; any other would
		// answer the first page again.
		ok, err := a.store.NeedInScope(ctx, f, q.Cursor)
		if err != nil {
			return NeedList{}, err
		}
		if !ok {
			v.Add("cursor", "invalid.cursor.next")
		}
	}
	if err := v.Err(); err != nil {
		return NeedList{}, err
	}
	page, err := a.store.Needs(ctx, f)
	if err != nil {
		return NeedList{}, err
	}
	total, err := a.needTotal(ctx, f, page)
	if err != nil {
		return NeedList{}, err
	}
	items, err := a.needViews(ctx, actor, page.Items)
	return NeedList{Items: items, NextCursor: page.NextCursor, Total: total}, err
}

// LineNeeds lists the needs of those below the actor in the line (not the
// actor's own), open first, then confirmed, then the rest, newest first
// within each: the supervisor's worklist, limit needs after the one named
// by cursor (the NextCursor of the page before; "" for the first page).
// A cursor that names no need of the line is refused (field "cursor").
func (a *App) LineNeeds(ctx context.Context, actor model.Actor, year, limit int, cursor string) (NeedList, error) {
	if actor.EmployeeID == "" {
		return NeedList{}, nil
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return NeedList{}, err
	}
	line := chart.Below(actor.EmployeeID)
	if len(line) == 0 {
		return NeedList{}, nil
	}
	f := store.NeedFilter{InstansiID: actor.InstansiID, Scope: &store.NeedScope{EmployeeIDs: line},
		Year: year, Limit: limit, OrderByRank: true, Cursor: cursor}
	if cursor != "" {
		ok, err := a.store.NeedInScope(ctx, f, cursor)
		if err != nil {
			return NeedList{}, err
		}
		if !ok {
			return NeedList{}, model.Invalid("cursor", "invalid.cursor.next")
		}
	}
	page, err := a.store.Needs(ctx, f)
	if err != nil {
		return NeedList{}, err
	}
	total, err := a.needTotal(ctx, f, page)
	if err != nil {
		return NeedList{}, err
	}
	items, err := a.needViews(ctx, actor, page.Items)
	return NeedList{Items: items, NextCursor: page.NextCursor, Total: total}, err
}

// needScope turns a reach into the store's filter: nil for the whole
// instansi, else the needs of the reach's employees and OPDs.
func needScope(r Reach) *store.NeedScope {
	if r.Whole() {
		return nil
	}
	return &store.NeedScope{EmployeeIDs: r.EmployeeIDs, OPDIDs: r.OPDIDs}
}

// subtree returns the id of unit id and of every unit below it, or nil
// when there is no such unit.
func subtree(units []model.Unit, id string) []string {
	children := map[string][]string{}
	found := false
	for _, u := range units {
		children[u.ParentID] = append(children[u.ParentID], u.ID)
		found = found || u.ID == id
	}
	if !found {
		return nil
	}
	out := []string{id}
	for i := 0; i < len(out); i++ {
		out = append(out, children[out[i]]...)
	}
	return out
}

// NeedCounts counts needs by status.
type NeedCounts struct {
	Open, Confirmed, Addressed, Closed int
}

func (c *NeedCounts) add(s model.NeedStatus, n int) {
	switch s {
	case model.NeedOpen:
		c.Open += n
	case model.NeedConfirmed:
		c.Confirmed += n
	case model.NeedAddressed:
		c.Addressed += n
	case model.NeedClosed:
		c.Closed += n
	}
}

// Outstanding is how many still wait for something to be done: open or
// confirmed.
func (c NeedCounts) Outstanding() int { return c.Open + c.Confirmed }

// Total counts every status.
func (c NeedCounts) Total() int { return c.Open + c.Confirmed + c.Addressed + c.Closed }

// Of returns the count of one status, or of "outstanding" or "all".
func (c NeedCounts) Of(status string) int {
	switch status {
	case string(model.NeedOpen):
		return c.Open
	case string(model.NeedConfirmed):
		return c.Confirmed
	case string(model.NeedAddressed):
		return c.Addressed
	case string(model.NeedClosed):
		return c.Closed
	case "all":
		return c.Total()
	}
	return c.Outstanding()
}

// NeedLine is one OPD (or one unit of an OPD) of the summary.
type NeedLine struct {
	Unit   model.Unit // zero for the total
	Counts NeedCounts
	ByKind map[model.NeedKind]NeedCounts
}

func (l *NeedLine) add(k model.NeedKind, s model.NeedStatus, n int) {
	if l.ByKind == nil {
		l.ByKind = map[model.NeedKind]NeedCounts{}
	}
	c := l.ByKind[k]
	c.add(s, n)
	l.ByKind[k] = c
	l.Counts.add(s, n)
}

// Kind returns the counts of one kind (zero when there are none).
func (l NeedLine) Kind(k model.NeedKind) NeedCounts { return l.ByKind[k] }

// NeedSummary counts a year's needs by OPD and kind, or by unit and kind
// within one OPD.
type NeedSummary struct {
	Year     int
	OPD      *model.Unit // set when the lines are the units of one OPD
	Category model.NeedCategory
	Kinds    []model.NeedKind // the kinds counted, in display order
	Total    NeedLine
	Lines    []NeedLine // most outstanding first
}

// NeedSummary counts the needs recorded in year by OPD and kind (of one
// category when given), each by status, or by unit within one OPD. BKPSDM,
// leaders and auditors see every OPD; an OPD admin their own.
func (a *App) NeedSummary(ctx context.Context, actor model.Actor, year int, opdID string, category model.NeedCategory) (NeedSummary, error) {
	reach, err := a.Reach(ctx, actor, authz.ReadNeeds)
	if err != nil {
		return NeedSummary{}, err
	}
	if !maySummariseNeeds(reach) {
		return NeedSummary{}, forbidden("the summary of needs")
	}
	if !reach.Whole() {
		if opdID == "" && len(reach.OPDIDs) > 0 {
			opdID = reach.OPDIDs[0] // an OPD admin sees the units of their OPD
		}
		if !reach.HasOPD(opdID) {
			return NeedSummary{}, forbidden("the summary of needs of another OPD")
		}
	}
	var v model.ValidationError
	if category != "" && !category.Valid() {
		v.Add("category", "invalid.field.category")
	}
	if year < model.FirstYear || year > model.LastYear {
		v.Add("year", "invalid.field.year", model.FirstYear, model.LastYear)
	}
	units, err := a.Units(ctx, actor)
	if err != nil {
		return NeedSummary{}, err
	}
	byID := map[string]model.Unit{}
	for _, u := range units {
		byID[u.ID] = u
	}
	sum := NeedSummary{Year: year, Category: category, Kinds: model.NeedKinds}
	if category != "" {
		sum.Kinds = category.Kinds()
	}
	if opdID != "" {
		u, ok := byID[opdID]
		if !ok || u.OPDID != u.ID {
			v.Add("opd", "invalid.field.opd.notfound")
		}
		sum.OPD = &u
	}
	if err := v.Err(); err != nil {
		return NeedSummary{}, err
	}
	rows, err := a.store.NeedCounts(ctx, store.NeedFilter{InstansiID: actor.InstansiID, Year: year, OPDID: opdID, Category: category})
	if err != nil {
		return NeedSummary{}, err
	}
	lines := map[string]*NeedLine{}
	for _, r := range rows {
		key := r.OPDID
		if opdID != "" || key == "" {
			key = r.UnitID // units of the OPD, or a unit directly under the pemda root
		}
		l := lines[key]
		if l == nil {
			l = &NeedLine{Unit: byID[key]}
			if l.Unit.ID == "" {
				l.Unit = model.Unit{ID: key, Name: "—"}
			}
			lines[key] = l
		}
		l.add(r.Kind, r.Status, r.N)
		sum.Total.add(r.Kind, r.Status, r.N)
	}
	for _, l := range lines {
		sum.Lines = append(sum.Lines, *l)
	}
	slices.SortFunc(sum.Lines, func(x, y NeedLine) int {
		if d := y.Counts.Outstanding() - x.Counts.Outstanding(); d != 0 {
			return d
		}
		if d := y.Counts.Total() - x.Counts.Total(); d != 0 {
			return d
		}
		return strings.Compare(x.Unit.Name, y.Unit.Name)
	})
	return sum, nil
}
