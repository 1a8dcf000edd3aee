package app

import (
	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Menu is which of the instansi-wide rooms the actor may enter: the
// header's links and the beranda's administration box follow it.
type Menu struct {
	Import  bool // import employees (an OPD or the whole instansi)
	Audit   bool // read the audit log
	Monitor bool // follow SKP progress across an OPD or more
	Year    bool // open performance years and periods
	// Needs: record one's own needs and constraints (anyone with an
	// employee record) or read those of an OPD or more.
	Needs bool
	// Coaching: one's own coaching sessions, those one holds for one's
	// team, or those of an OPD or more one follows.
	Coaching bool
	// UnitPerformance: read the capaian kinerja organisasi of an OPD or
	// more by a role; those who set or recommend it by their post are
	// told by MayReadUnitPerformance.
	UnitPerformance bool
	// Penilaian: one's own results and, for a rater, the assessments
	// they rate; anyone with an employee record.
	Penilaian bool
	// Accounts: create the accounts of employees, issue their activation
	// and reset links, grant roles (an OPD admin for their OPD).
	Accounts bool
	// SignInLimits: see and lift the sign-in limits of the accounts one
	// runs (administrators of accounts, OPD administrators).
	SignInLimits bool
}

// Menu returns what the actor may enter, by the same rules the rooms
// enforce.
func (a *App) Menu(actor model.Actor) Menu {
	_, importErr := importScope(actor)
	return Menu{
		Import:          importErr == nil,
		Audit:           mayReadAudit(actor),
		Monitor:         authz.Widest(actor, authz.MonitorSKP) >= authz.ScopeOPD,
		Year:            authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID}),
		Needs:           actor.EmployeeID != "" || authz.Widest(actor, authz.ReadNeeds) >= authz.ScopeOPD,
		Coaching:        actor.EmployeeID != "" || authz.Widest(actor, authz.ReadSKP) >= authz.ScopeOPD,
		UnitPerformance: authz.Widest(actor, authz.ReadUnitPerformance) >= authz.ScopeOPD,
		Penilaian:       actor.EmployeeID != "",
		Accounts:        authz.Widest(actor, authz.ManageAccounts) >= authz.ScopeOPD,
		SignInLimits:    mayLiftHolds(actor),
	}
}
