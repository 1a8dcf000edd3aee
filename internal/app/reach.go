package app

import (
	"context"
	"slices"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
)

// ReachKind tells how far an actor's view of others' records reaches for
// one action, from narrowest to widest.
type ReachKind int

// Reaches, from narrowest to widest.
const (
	ReachNone     ReachKind = iota // nothing: no employee record and no grant
	ReachOwn                       // their own records
	ReachLine                      // their own and those of everyone below them in the line
	ReachOPD                       // one or several OPDs (and their own line)
	ReachInstansi                  // the whole instansi
)

// Reach is how far an actor reaches for an action: their own line, one
// or several OPDs, or the whole instansi. Monitoring, needs and every
// summary ask it once and filter by it, so that who sees which rows is
// decided in one place.
type Reach struct {
	Kind       ReachKind
	InstansiID string
	// EmployeeIDs are the actor's own employee and everyone below them in
	// the line (empty for an actor without an employee record, and for
	// ReachInstansi, which holds everyone).
	EmployeeIDs []string
	// OPDIDs are the OPDs an OPD-scoped grant names (ReachOPD only).
	OPDIDs []string
}

// Whole reports whether the reach is the whole instansi.
func (r Reach) Whole() bool { return r.Kind == ReachInstansi }

// HasOPD reports whether every record of an OPD is within reach: the
// whole instansi, or an OPD a grant names.
func (r Reach) HasOPD(opdID string) bool {
	return r.Whole() || (opdID != "" && slices.Contains(r.OPDIDs, opdID))
}

// HasEmployee reports whether the records of an employee are within
// reach: the instansi, the employee's line, or opdID (the OPD the record
// belongs to, which callers pass as the record has it) named by a grant.
func (r Reach) HasEmployee(employeeID, opdID string) bool {
	return r.HasOPD(opdID) || (employeeID != "" && slices.Contains(r.EmployeeIDs, employeeID))
}

// Reach answers how far actor reaches for action: the widest scope their
// roles grant (authz), with their own reporting line below it. A
// supervisor reaches their line, an OPD admin their OPDs (and their own
// line, when they have one), BKPSDM, leaders and auditors the instansi.
// Whoever has an employee record reaches at least their own records and
// their line, whatever the grant: a summary meant for administrators asks
// for Kind >= ReachOPD.
func (a *App) Reach(ctx context.Context, actor model.Actor, action authz.Action) (Reach, error) {
	r := Reach{InstansiID: actor.InstansiID}
	switch authz.Widest(actor, action) {
	case authz.ScopeInstansi:
		r.Kind = ReachInstansi
		return r, nil
	case authz.ScopeOPD:
		r.Kind, r.OPDIDs = ReachOPD, authz.OPDs(actor, action)
	}
	if actor.EmployeeID == "" {
		return r, nil
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return r, err
	}
	below := chart.Below(actor.EmployeeID)
	r.EmployeeIDs = append([]string{actor.EmployeeID}, below...)
	if r.Kind == ReachNone {
		r.Kind = ReachOwn
		if len(below) > 0 {
			r.Kind = ReachLine
		}
	}
	return r, nil
}
