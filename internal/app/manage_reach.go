package app

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// An administrator changes the organisation only within their reach
// (authz.ManageEmployees through Reach): an OPD admin their OPD, BKPSDM
// the instansi. Managing the employee is not enough: the post a placement
// names, and the people an override names as raters, must be within reach
// too, or an OPD admin could make their own staff Plt of another OPD's
// head post and so give them that OPD's records.

// manageScope is how far an actor manages the organisation: their reach
// and, unless it is the whole instansi, the OPD of every unit.
type manageScope struct {
	reach Reach
	units map[string]model.Unit // by id; nil for the whole instansi
}

// manageScope answers how far actor manages employees, positions and
// raters.
func (a *App) manageScope(ctx context.Context, actor model.Actor) (manageScope, error) {
	r, err := a.Reach(ctx, actor, authz.ManageEmployees)
	if err != nil || r.Whole() {
		return manageScope{reach: r}, err
	}
	_, list, err := a.org(ctx, actor.InstansiID)
	if err != nil {
		return manageScope{}, err
	}
	m := manageScope{reach: r, units: make(map[string]model.Unit, len(list))}
	for _, u := range list {
		m.units[u.ID] = u
	}
	return m, nil
}

// hasUnit reports whether a unit's OPD is within reach.
func (m manageScope) hasUnit(unitID string) bool {
	return m.reach.Whole() || m.reach.HasOPD(m.units[unitID].OPDID)
}

// opdName is the name of the OPD a unit belongs to.
func (m manageScope) opdName(unitID string) string {
	u := m.units[unitID]
	if opd, ok := m.units[u.OPDID]; ok {
		return opd.Name
	}
	return u.Name
}

// refusePositionOutside refuses, as a field error on field, a post outside
// the OPDs the actor manages, naming the post and the OPD it belongs to.
func (m manageScope) refusePositionOutside(pos model.Position, field string) error {
	if m.hasUnit(pos.UnitID) {
		return nil
	}
	return model.Invalid(field, "invalid.placement.position.reach", pos.Name, m.opdName(pos.UnitID))
}

// placementRights tells, for each placement of an employee the actor
// manages, whether they may end it: its post must be within their reach
// too (a Plt that BKPSDM gave in another OPD is ended by BKPSDM).
// EndPlacement asks it for the one placement it ends.
func (a *App) placementRights(ctx context.Context, m manageScope, pls []model.Placement) (map[string]bool, error) {
	can := make(map[string]bool, len(pls))
	var ids []string
	for _, pl := range pls {
		ids = append(ids, pl.PositionID)
	}
	units := map[string]string{}
	if !m.reach.Whole() {
		var err error
		if units, err = a.store.PositionUnits(ctx, ids); err != nil {
			return nil, err
		}
	}
	for _, pl := range pls {
		can[pl.ID] = m.hasUnit(units[pl.PositionID])
	}
	return can, nil
}

// raterOutside returns the field of the first person an override names
// outside the actor's reach, and that person; "" when both are within.
// PermenPANRB 6/2022 makes the pejabat penilai the superior; naming
// someone of another OPD instead is a decision across OPDs (an
// assignment, a secondment) that BKPSDM makes. An atasan outside the OPD
// is accepted when it is the one Kinerja derives from the rater anyway
// (the Kadis's own rater, the Wali Kota). people holds the people named.
func (m manageScope) raterOutside(chart *model.OrgChart, people map[string]model.Employee, o model.RaterOverride) (string, model.Employee) {
	if m.reach.Whole() {
		return "", model.Employee{}
	}
	for _, p := range []struct{ field, id string }{{"rater_id", o.RaterID}, {"upper_rater_id", o.UpperRaterID}} {
		if p.id == "" {
			continue
		}
		if p.field == "upper_rater_id" && (p.id == chart.Rater(o.RaterID) || p.id == o.RaterID) {
			continue
		}
		if e := people[p.id]; !m.hasUnit(e.UnitID) {
			return p.field, e
		}
	}
	return "", model.Employee{}
}

// overrideOutside is raterOutside for one override, reading what it needs.
func (a *App) overrideOutside(ctx context.Context, actor model.Actor, o model.RaterOverride) (string, model.Employee, error) {
	m, err := a.manageScope(ctx, actor)
	if err != nil || m.reach.Whole() {
		return "", model.Employee{}, err
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return "", model.Employee{}, err
	}
	people, err := a.store.EmployeesByID(ctx, []string{o.RaterID, o.UpperRaterID})
	if err != nil {
		return "", model.Employee{}, err
	}
	field, who := m.raterOutside(chart, people, o)
	return field, who, nil
}

// refuseSecondHolder refuses, as a field error on field, a definitive
// placement of employeeID from start in a post that one person holds
// (model.OneHolder) while someone else holds it then or later. The
// previous holder's placement is not ended on their behalf: a new SK for
// the post does not say where its holder goes, and ending it silently
// would leave that person without a post. The message names the holder;
// their placement is ended (or they are moved) on their page first.
func refuseSecondHolder(ctx context.Context, tx *store.Tx, pos model.Position, employeeID string, start model.Date, field string) error {
	leads, err := tx.PositionLeads(ctx, pos.ID)
	if err != nil {
		return err
	}
	if !model.OneHolder(pos, leads) {
		return nil
	}
	holders, err := tx.DefinitiveHolders(ctx, pos.ID, start, employeeID)
	if err != nil || len(holders) == 0 {
		return err
	}
	return model.Invalid(field, "invalid.placement.position.held", pos.Name, holders[0].FullName())
}
