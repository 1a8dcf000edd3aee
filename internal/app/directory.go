package app

import (
	"context"
	"fmt"

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
	v, err := a.Store.OrgVersion(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	a.orgMu.Lock()
	c, ok := a.units[actor.InstansiID]
	a.orgMu.Unlock()
	if ok && c.version == v {
		return c.units, nil
	}
	units, err := a.Store.Units(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	a.orgMu.Lock()
	a.units[actor.InstansiID] = cachedUnits{version: v, units: units}
	a.orgMu.Unlock()
	return units, nil
}

// Unit returns one unit of the actor's instansi.
func (a *App) Unit(ctx context.Context, actor model.Actor, id string) (model.Unit, error) {
	u, err := a.Store.Unit(ctx, id)
	if err != nil {
		return u, err
	}
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: u.InstansiID}) {
		return model.Unit{}, fmt.Errorf("unit %s: %w", id, model.ErrNotFound)
	}
	return u, nil
}

// DirectoryEntry is an employee as the directory shows them, with their
// derived pejabat penilai.
type DirectoryEntry struct {
	model.Employee
	RaterID string
}

// DirectoryPage is a page of the directory.
type DirectoryPage struct {
	Items      []DirectoryEntry
	NextCursor string
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
	page, err := a.Store.Employees(ctx, f)
	if err != nil {
		return DirectoryPage{}, err
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return DirectoryPage{}, err
	}
	out := DirectoryPage{NextCursor: page.NextCursor, Items: make([]DirectoryEntry, len(page.Items))}
	for i, e := range page.Items {
		out.Items[i] = DirectoryEntry{Employee: e, RaterID: chart.Rater(e.ID)}
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
	page, err := a.Store.Employees(ctx, model.EmployeeFilter{InstansiID: actor.InstansiID, IDs: ids, Limit: 200})
	return page.Items, err
}

// EmployeeDetail is one employee's page. Full is true when the actor may
// read the whole record (their own, their team's, or as an admin); otherwise
// the personal fields are blanked and Placements is empty.
type EmployeeDetail struct {
	Employee   model.Employee
	Full       bool
	CanManage  bool
	Rater      *model.Employee
	UpperRater *model.Employee
	Placements []model.Placement
	Team       []model.Employee
	Account    *model.User
}

// Employee returns one employee as the actor may see them.
func (a *App) Employee(ctx context.Context, actor model.Actor, id string) (EmployeeDetail, error) {
	e, err := a.Store.Employee(ctx, id)
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
	d.CanManage = authz.Can(actor, authz.ManageEmployees, target)
	ids := []string{}
	if r := chart.Rater(e.ID); r != "" {
		ids = append(ids, r)
	}
	if r := chart.UpperRater(e.ID); r != "" {
		ids = append(ids, r)
	}
	people, err := a.Store.EmployeesByID(ctx, ids)
	if err != nil {
		return d, err
	}
	if r, ok := people[chart.Rater(e.ID)]; ok {
		d.Rater = &r
	}
	if r, ok := people[chart.UpperRater(e.ID)]; ok {
		d.UpperRater = &r
	}
	if team := chart.Team(e.ID); len(team) > 0 {
		page, err := a.Store.Employees(ctx, model.EmployeeFilter{InstansiID: e.InstansiID, IDs: team, Limit: 200})
		if err != nil {
			return d, err
		}
		d.Team = page.Items
	}
	if d.Full {
		if d.Placements, err = a.Store.Placements(ctx, e.ID); err != nil {
			return d, err
		}
		if u, err := a.Store.UserByEmployee(ctx, e.ID); err == nil {
			d.Account = &u
		}
	} else {
		d.Employee.BirthDate, d.Employee.Email, d.Employee.Phone, d.Employee.Gender = "", "", "", ""
	}
	return d, nil
}

// employeeTarget gathers the facts authz needs about an employee.
func (a *App) employeeTarget(ctx context.Context, actor model.Actor, chart *model.OrgChart, e model.Employee) (authz.Target, error) {
	t := authz.Target{InstansiID: e.InstansiID, EmployeeID: e.ID}
	if actor.EmployeeID != "" {
		t.InTeam = chart.InLine(actor.EmployeeID, e.ID)
	}
	if e.UnitID != "" {
		u, err := a.Store.Unit(ctx, e.UnitID)
		if err != nil {
			return t, err
		}
		t.OPDID = u.OPDID
	}
	return t, nil
}
