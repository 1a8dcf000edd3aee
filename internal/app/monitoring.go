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

// FillingCounts counts employees by the state of their SKP, as e-Kinerja's
// monitoring dashboard does.
type FillingCounts struct {
	NotStarted, Draft, Submitted, Returned, Approved, Total int
}

func (c *FillingCounts) add(s model.SKPStatus) {
	c.Total++
	switch s {
	case "":
		c.NotStarted++
	case model.SKPDraft:
		c.Draft++
	case model.SKPSubmitted:
		c.Submitted++
	case model.SKPReturned:
		c.Returned++
	case model.SKPApproved:
		c.Approved++
	}
}

// Behind is how many have not yet an approved SKP.
func (c FillingCounts) Behind() int { return c.Total - c.Approved }

// FillingLine is one OPD (or unit) of the dashboard.
type FillingLine struct {
	Unit   model.Unit
	Counts FillingCounts
}

// Filling is the planning progress of a year.
type Filling struct {
	Year  int
	Total FillingCounts
	Lines []FillingLine // per OPD, or per unit when an OPD is chosen
}

// SKPFilling reports, per OPD (or per unit of one OPD), how many employees
// have not started their SKP, have a draft, wait for approval, were
// returned, or are approved. BKPSDM and leaders see every OPD, an OPD
// admin their own.
func (a *App) SKPFilling(ctx context.Context, actor model.Actor, year int, opdID string) (Filling, error) {
	reach, err := a.Reach(ctx, actor, authz.MonitorSKP)
	if err != nil {
		return Filling{}, err
	}
	if reach.Kind < ReachOPD {
		return Filling{}, forbidden("SKP monitoring")
	}
	if !reach.Whole() {
		if opdID == "" && len(reach.OPDIDs) == 1 {
			opdID = reach.OPDIDs[0]
		}
		if !reach.HasOPD(opdID) {
			return Filling{}, forbidden("SKP monitoring of another OPD")
		}
	}
	units, err := a.Units(ctx, actor)
	if err != nil {
		return Filling{}, err
	}
	byID := map[string]model.Unit{}
	for _, u := range units {
		byID[u.ID] = u
	}
	if opdID != "" {
		if u, ok := byID[opdID]; !ok || u.OPDID != u.ID {
			return Filling{}, model.Invalid("opd", "invalid.field.opd.notfound")
		}
	}
	rows, err := a.store.Filling(ctx, actor.InstansiID, year)
	if err != nil {
		return Filling{}, err
	}
	f := Filling{Year: year}
	lines := map[string]*FillingLine{}
	for _, r := range rows {
		if opdID != "" && r.OPDID != opdID {
			continue
		}
		key := fillingLine(r, opdID)
		l := lines[key]
		if l == nil {
			l = &FillingLine{Unit: byID[key]}
			lines[key] = l
		}
		l.Counts.add(r.Status)
		f.Total.add(r.Status)
	}
	for _, l := range lines {
		f.Lines = append(f.Lines, *l)
	}
	// Those furthest behind first, then by name.
	slices.SortFunc(f.Lines, func(x, y FillingLine) int {
		bx, by := float64(x.Counts.Behind())/float64(x.Counts.Total), float64(y.Counts.Behind())/float64(y.Counts.Total)
		if bx != by {
			if bx > by {
				return -1
			}
			return 1
		}
		return strings.Compare(x.Unit.Name, y.Unit.Name)
	})
	return f, nil
}

// fillingLine is the line of the dashboard an employee's row is counted
// on: their OPD on the instansi's view (opdID ""), their own unit on an
// OPD's view; a unit directly under the pemda root is its own line. The
// drill-down (BehindInUnit) lists a line's people by the same rule, so
// that a line's count and its list agree.
func fillingLine(r store.FillingRow, opdID string) string {
	key := r.OPDID
	if opdID != "" {
		key = r.UnitID
	}
	if key == "" {
		key = r.UnitID // a unit directly under the pemda root
	}
	return key
}

// BehindInUnit lists the employees counted on a unit's line of the
// filling dashboard as its OPD's view shows it (the people placed in that
// unit itself, not in the units below), whose SKP is not approved yet, with
// its status ("" when not started), for the drill-down. Those counted are
// the active employees in a position, not pejabat negara (store.Filling),
// each with the SKP of the year that a transfer has not closed.
func (a *App) BehindInUnit(ctx context.Context, actor model.Actor, year int, unitID string) ([]model.Employee, map[string]model.SKPStatus, error) {
	u, err := a.Unit(ctx, actor, unitID)
	if err != nil {
		return nil, nil, err
	}
	reach, err := a.Reach(ctx, actor, authz.MonitorSKP)
	if err != nil {
		return nil, nil, err
	}
	if reach.Kind < ReachOPD || !reach.HasOPD(u.OPDID) {
		return nil, nil, forbidden("SKP monitoring of another OPD")
	}
	rows, err := a.store.Filling(ctx, actor.InstansiID, year)
	if err != nil {
		return nil, nil, err
	}
	// The line is the one on the unit's OPD's view, where the web links
	// the drill-down from: an OPD's own line there is the people placed
	// in the OPD's own unit, not in the units below it, which have lines
	// of their own.
	view := u.OPDID
	status := map[string]model.SKPStatus{}
	ids := []string{}
	for _, r := range rows {
		if (view == "" || r.OPDID == view) && fillingLine(r, view) == unitID && r.Status != model.SKPApproved {
			status[r.EmployeeID] = r.Status
			ids = append(ids, r.EmployeeID)
		}
	}
	if len(ids) == 0 {
		return nil, status, nil
	}
	// Every page of them, by name: a school office or a puskesmas may
	// hold more than one page.
	out, err := a.allEmployees(ctx, model.EmployeeFilter{InstansiID: actor.InstansiID, IDs: ids})
	return out, status, err
}

// RemindBehind sends an in-app reminder to every employee BehindInUnit
// lists; it returns how many.
func (a *App) RemindBehind(ctx context.Context, actor model.Actor, year int, unitID string) (int, error) {
	people, status, err := a.BehindInUnit(ctx, actor, year, unitID)
	if err != nil {
		return 0, err
	}
	if u, err := a.Unit(ctx, actor, unitID); err != nil || !mayRemind(actor, u) {
		return 0, forbidden("remind those behind on their SKP")
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		for _, e := range people {
			state := string(status[e.ID])
			if state == "" {
				state = "none"
			}
			if err := tx.Notify(ctx, model.Notification{InstansiID: actor.InstansiID, EmployeeID: e.ID, Kind: "skp.reminder", Variant: state,
				Args: []string{fmt.Sprint(year)}, Link: "/skp"}); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, "skp.remind", "unit", unitID, nil, map[string]any{"year": year, "employees": len(people)})
	})
	return len(people), err
}

// BehindView is the drill-down of the filling dashboard: the employees
// counted on a unit's line whose SKP for the year is not approved
// (BehindInUnit), and whether the actor may remind them.
type BehindView struct {
	Unit   model.Unit
	Year   int
	People []BehindItem
	Can    BehindRights
}

// BehindItem is one employee behind, with the status of their SKP (""
// when they have not started one).
type BehindItem struct {
	Employee model.Employee
	Status   model.SKPStatus
}

// BehindRights is what the actor may do for those behind.
type BehindRights struct {
	Remind bool // send each an in-app reminder (RemindBehind)
}

// mayRemind is the rule for reminding the people of unit u behind on
// their SKP: those who monitor the OPD and may write (not the auditors,
// who read the dashboard only).
func mayRemind(actor model.Actor, u model.Unit) bool {
	return authz.Can(actor, authz.RemindSKP, authz.Target{InstansiID: u.InstansiID, OPDID: u.OPDID})
}

// Behind loads the drill-down for a unit; those who may read it and
// remind (mayRemind) may remind the people in it, as RemindBehind checks.
func (a *App) Behind(ctx context.Context, actor model.Actor, year int, unitID string) (BehindView, error) {
	people, status, err := a.BehindInUnit(ctx, actor, year, unitID)
	if err != nil {
		return BehindView{}, err
	}
	u, err := a.Unit(ctx, actor, unitID)
	if err != nil {
		return BehindView{}, err
	}
	v := BehindView{Unit: u, Year: year, Can: BehindRights{Remind: len(people) > 0 && mayRemind(actor, u)}}
	for _, e := range people {
		v.People = append(v.People, BehindItem{Employee: e, Status: status[e.ID]})
	}
	return v, nil
}
