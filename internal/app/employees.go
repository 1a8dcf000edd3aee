package app

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
)

// DirectoryEntry is an employee as the directory shows them, with their
// derived pejabat penilai.
type DirectoryEntry struct {
	model.Employee
	RaterID string
	// MergedIntoID is the record kept, for a record merged into another
	// (the list says "merged", not "inactive": no employment ended).
	MergedIntoID string
	// Can holds what the actor may do with the employee from a list:
	// place them and name a substitute rater (ManageAccount is known
	// only on the employee's own record).
	Can EmployeeRights
}

// DirectoryPage is a page of the directory.
type DirectoryPage struct {
	Items      []DirectoryEntry
	NextCursor string
	Total      int // the people the filter matches on all pages
}

// Directory lists employees of the actor's instansi by name. Everyone signed
// in may read names, positions and units.
func (a *App) Directory(ctx context.Context, actor model.Actor, f model.EmployeeFilter) (DirectoryPage, error) {
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: actor.InstansiID}) {
		return DirectoryPage{}, forbidden("directory")
	}
	f.InstansiID = actor.InstansiID
	if f.UnitID != "" {
		if _, err := a.Unit(ctx, actor, f.UnitID); err != nil {
			return DirectoryPage{}, model.Invalid("unit", "invalid.field.unit.notfound")
		}
	}
	page, err := a.store.Employees(ctx, f)
	if err != nil {
		return DirectoryPage{}, err
	}
	total, err := a.employeeTotal(ctx, f, page)
	if err != nil {
		return DirectoryPage{}, err
	}
	chart, units, err := a.org(ctx, actor.InstansiID)
	if err != nil {
		return DirectoryPage{}, err
	}
	var opdOf map[string]string // the OPD of each unit, for those who manage any employee
	if authz.Widest(actor, authz.ManageEmployees) > authz.ScopeNone {
		opdOf = make(map[string]string, len(units))
		for _, u := range units {
			opdOf[u.ID] = u.OPDID
		}
	}
	var inactive []string
	for _, e := range page.Items {
		if !e.Active {
			inactive = append(inactive, e.ID)
		}
	}
	merged, err := a.store.MergedIntoOf(ctx, inactive)
	if err != nil {
		return DirectoryPage{}, err
	}
	out := DirectoryPage{NextCursor: page.NextCursor, Total: total, Items: make([]DirectoryEntry, len(page.Items))}
	for i, e := range page.Items {
		// Nothing is done any more with a record merged or a person no
		// longer employed (refuseClosed).
		manage := e.Active && opdOf != nil && mayManage(actor, targetOf(actor, chart, e, opdOf[e.UnitID]))
		out.Items[i] = DirectoryEntry{Employee: e, RaterID: chart.Rater(e.ID), MergedIntoID: merged[e.ID],
			Can: EmployeeRights{Place: manage, OverrideRater: manage}}
	}
	return out, nil
}

// Team lists the employees the actor rates directly.
func (a *App) Team(ctx context.Context, actor model.Actor) ([]model.Employee, error) {
	if actor.EmployeeID == "" {
		return nil, nil
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	ids := chart.Team(actor.EmployeeID)
	if len(ids) == 0 {
		return nil, nil
	}
	return a.allEmployees(ctx, model.EmployeeFilter{InstansiID: actor.InstansiID, IDs: ids})
}

// EmployeeTeam lists, by name, the people employee id rates directly
// today, to whoever may read the directory.
func (a *App) EmployeeTeam(ctx context.Context, actor model.Actor, id string) ([]model.Employee, error) {
	e, err := a.store.Employee(ctx, id)
	if err != nil {
		return nil, err
	}
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: e.InstansiID}) {
		return nil, fmt.Errorf("employee %s: %w", id, model.ErrNotFound)
	}
	chart, err := a.OrgChart(ctx, e.InstansiID)
	if err != nil {
		return nil, err
	}
	team := chart.Team(e.ID)
	if len(team) == 0 {
		return nil, nil
	}
	return a.allEmployees(ctx, model.EmployeeFilter{InstansiID: e.InstansiID, IDs: team})
}

// allEmployees reads every page of the employees a filter selects, by
// name: for lists shown whole (a supervisor's team), which must not stop
// at one page.
func (a *App) allEmployees(ctx context.Context, f model.EmployeeFilter) ([]model.Employee, error) {
	var out []model.Employee
	f.Limit = 200
	for {
		page, err := a.store.Employees(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Items...)
		if f.Cursor = page.NextCursor; f.Cursor == "" {
			return out, nil
		}
	}
}

// EmployeeDetail is one employee's page. Full is true when the actor may
// read the whole record (their own, their team's, or as an admin); otherwise
// the personal fields are blanked and Placements is empty. Can says what the
// actor may do with the employee now.
type EmployeeDetail struct {
	Employee   model.Employee
	Full       bool
	Can        EmployeeRights
	Rater      *model.Employee
	UpperRater *model.Employee
	// RaterTitle and UpperRaterTitle name the post through which each
	// rates the employee, as documents name it: "Plt. Sekretaris" for
	// one who rates as Plt or Plh, else their own position's name.
	RaterTitle, UpperRaterTitle string
	Placements                  []model.Placement
	// CanEndPlacement tells, by placement id, whether the actor may end
	// it: they manage the employee and its post is within their reach.
	CanEndPlacement map[string]bool
	// CanCancelPlacement tells, by placement id, whether the actor may
	// cancel it (CancelPlacement): they may end it and it has not started.
	CanCancelPlacement map[string]bool
	Team               []model.Employee
	Account            *model.User
	Employment         EmploymentView // the end of employment, the NIP history, a merge
	// Reassess lists, to those who place the employee, the periodic
	// assessments a back-dated transfer left outside their SKP's days:
	// they are rated again on the SKP in force in their period.
	Reassess []AssessmentItem
}

// Employee returns one employee as the actor may see them.
func (a *App) Employee(ctx context.Context, actor model.Actor, id string) (EmployeeDetail, error) {
	e, err := a.store.Employee(ctx, id)
	if err != nil {
		return EmployeeDetail{}, err
	}
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: e.InstansiID}) {
		return EmployeeDetail{}, fmt.Errorf("employee %s: %w", id, model.ErrNotFound)
	}
	chart, err := a.OrgChart(ctx, e.InstansiID)
	if err != nil {
		return EmployeeDetail{}, err
	}
	target, err := a.employeeTarget(ctx, actor, chart, e)
	if err != nil {
		return EmployeeDetail{}, err
	}
	d := EmployeeDetail{Employee: e}
	d.Full = authz.Can(actor, authz.ReadEmployeeRecord, target)
	// A record merged or a person no longer employed is placed, given a
	// substitute rater or an account no more (refuseClosed): ending
	// their employment, cancelling that end and merging are
	// employmentOf's.
	manage := e.Active && mayManage(actor, target)
	d.Can.Place, d.Can.OverrideRater = manage, manage
	ids := []string{}
	if r := chart.Rater(e.ID); r != "" {
		ids = append(ids, r)
	}
	if r := chart.UpperRater(e.ID); r != "" {
		ids = append(ids, r)
	}
	people, err := a.store.EmployeesByID(ctx, ids)
	if err != nil {
		return d, err
	}
	if r, ok := people[chart.Rater(e.ID)]; ok {
		d.Rater = &r
	}
	if r, ok := people[chart.UpperRater(e.ID)]; ok {
		d.UpperRater = &r
	}
	if d.RaterTitle, d.UpperRaterTitle, err = a.raterTitles(ctx, chart, e.ID, d.Rater, d.UpperRater); err != nil {
		return d, err
	}
	if team := chart.Team(e.ID); len(team) > 0 {
		if d.Team, err = a.allEmployees(ctx, model.EmployeeFilter{InstansiID: e.InstansiID, IDs: team}); err != nil {
			return d, err
		}
	}
	if d.Full {
		// The history, with the placements cancelled (they hold nothing
		// and can be neither ended nor cancelled again).
		if d.Placements, err = a.store.PlacementHistory(ctx, e.ID); err != nil {
			return d, err
		}
		if manage {
			scope, err := a.manageScope(ctx, actor)
			if err != nil {
				return d, err
			}
			if d.CanEndPlacement, err = a.placementRights(ctx, scope, d.Placements); err != nil {
				return d, err
			}
			d.CanCancelPlacement = map[string]bool{}
			today := a.Today(ctx, e.InstansiID)
			for _, pl := range d.Placements {
				if pl.Cancelled {
					d.CanEndPlacement[pl.ID] = false
				}
				d.CanCancelPlacement[pl.ID] = d.CanEndPlacement[pl.ID] && pl.Start > today
			}
			if d.Reassess, err = a.assessmentsOutsideSKP(ctx, e); err != nil {
				return d, err
			}
		}
		if u, err := a.store.UserByEmployee(ctx, e.ID); err == nil {
			d.Account = &u
			d.Can.ManageAccount = mayManageAccount(actor, u)
		}
	} else {
		d.Employee.BirthDate, d.Employee.Email, d.Employee.Phone, d.Employee.Gender = "", "", "", ""
	}
	return d, a.employmentOf(ctx, actor, &d, target)
}

// raterTitles names the posts through which rater and upper rate employee
// id (see EmployeeDetail.RaterTitle): an acting post as "Plt. …" or
// "Plh. …"; a definitive one, or a rater an override names, by their own
// position.
func (a *App) raterTitles(ctx context.Context, chart *model.OrgChart, id string, rater, upper *model.Employee) (string, string, error) {
	var rt, ut string
	if rater == nil {
		return rt, ut, nil
	}
	rt = rater.PositionName
	if upper != nil {
		ut = upper.PositionName
	}
	through, kind := chart.RaterPostOn(id, "")
	var err error
	if rt, err = a.actingTitle(ctx, through, kind, rt); err != nil || upper == nil || through == "" {
		return rt, ut, err
	}
	if o := chart.UpperRater(id); o != chart.RaterOn(rater.ID, through) && o != rater.ID {
		return rt, ut, nil // named by an override
	}
	post, kind := chart.RaterPostOn(rater.ID, through)
	ut, err = a.actingTitle(ctx, post, kind, ut)
	return rt, ut, err
}

// actingTitle is "Plt. <post>" or "Plh. <post>" for a post held as such,
// else own (the holder's own position).
func (a *App) actingTitle(ctx context.Context, post string, kind model.PlacementKind, own string) (string, error) {
	if post == "" || kind == model.PlacementDefinitif || kind == "" {
		return own, nil
	}
	p, err := a.store.Position(ctx, post)
	if err != nil {
		return own, err
	}
	return model.ActingTitle(kind, p.Name), nil
}

// EmployeeRights are what an actor may do with an employee now: place them
// in a position (or end a placement), name a substitute pejabat penilai,
// and run their account (see and end its sessions).
type EmployeeRights struct {
	Place         bool
	OverrideRater bool
	ManageAccount bool
	// EndEmployment, CancelEnd and Merge: see employmentOf.
	EndEmployment bool
	CancelEnd     bool
	Merge         bool
}

// OverrideView is a substitute rater with the names of the people named.
type OverrideView struct {
	model.RaterOverride
	Rater, Upper string
	// CanEnd: the actor may end it (EndRaterOverride asks the same): its
	// raters are within their reach.
	CanEnd bool
}

// EmployeeRecord is the employee page of someone who may manage the
// employee: the detail, the substitute raters (when Can.OverrideRater) and
// the account's active sessions (when Can.ManageAccount).
type EmployeeRecord struct {
	EmployeeDetail
	Overrides []OverrideView
	Sessions  []SessionView
}

// EmployeeRecord returns one employee as their page shows them to the
// actor, with what an administrator manages there.
func (a *App) EmployeeRecord(ctx context.Context, actor model.Actor, id string) (EmployeeRecord, error) {
	d, err := a.Employee(ctx, actor, id)
	if err != nil {
		return EmployeeRecord{}, err
	}
	rec := EmployeeRecord{EmployeeDetail: d}
	if d.Can.OverrideRater {
		list, err := a.store.RaterOverrides(ctx, d.Employee.ID)
		if err != nil {
			return rec, err
		}
		if rec.Overrides, err = a.overrideViews(ctx, actor, list); err != nil {
			return rec, err
		}
	}
	if d.Can.ManageAccount {
		if rec.Sessions, err = a.Sessions(ctx, actor, d.Account.ID); err != nil {
			return rec, err
		}
	}
	return rec, nil
}

// overrideViews names the people of overrides the actor manages and says
// which of them the actor may end.
func (a *App) overrideViews(ctx context.Context, actor model.Actor, list []model.RaterOverride) ([]OverrideView, error) {
	var ids []string
	for _, o := range list {
		ids = append(ids, o.RaterID)
		if o.UpperRaterID != "" {
			ids = append(ids, o.UpperRaterID)
		}
	}
	people, err := a.store.EmployeesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	scope, err := a.manageScope(ctx, actor)
	if err != nil {
		return nil, err
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	var out []OverrideView
	for _, o := range list {
		field, _ := scope.raterOutside(chart, people, o)
		out = append(out, OverrideView{RaterOverride: o, Rater: people[o.RaterID].FullName(),
			Upper: people[o.UpperRaterID].FullName(), CanEnd: field == ""})
	}
	return out, nil
}

// employeeTarget gathers the facts authz needs about an employee.
func (a *App) employeeTarget(ctx context.Context, actor model.Actor, chart *model.OrgChart, e model.Employee) (authz.Target, error) {
	opd, err := a.reachOPD(ctx, e, func(id string) (string, error) {
		u, err := a.store.Unit(ctx, id)
		return u.OPDID, err
	})
	if err != nil {
		return authz.Target{}, err
	}
	return targetOf(actor, chart, e, opd), nil
}

// reachOPD is the OPD reach counts an employee in: their unit's; for
// someone whose employment ended, the OPD they left (the end in force),
// whose admin keeps access. One rule for reading the employee and for
// their account (accounts.go); unitOPD gives a unit's OPD.
func (a *App) reachOPD(ctx context.Context, e model.Employee, unitOPD func(unitID string) (string, error)) (string, error) {
	switch {
	case e.UnitID != "":
		return unitOPD(e.UnitID)
	case !e.Active && e.ID != "":
		return a.formerOPD(ctx, e.ID)
	}
	return "", nil
}

// targetOf is the authz target of an employee whose unit belongs to opd.
func targetOf(actor model.Actor, chart *model.OrgChart, e model.Employee, opd string) authz.Target {
	t := authz.Target{InstansiID: e.InstansiID, EmployeeID: e.ID, OPDID: opd}
	if actor.EmployeeID != "" {
		t.InTeam = chart.InLine(actor.EmployeeID, e.ID)
	}
	return t
}

// employeeTotal is how many people filter f matches on all pages, page
// being the one it read: counted only when there is more than that page.
func (a *App) employeeTotal(ctx context.Context, f model.EmployeeFilter, page model.EmployeePage) (int, error) {
	if f.Cursor == "" && page.NextCursor == "" {
		return len(page.Items), nil
	}
	return a.store.EmployeeCount(ctx, f)
}
