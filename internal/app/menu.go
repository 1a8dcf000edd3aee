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
	Needs   bool // read the needs and constraints of an OPD or more
	// UnitPerformance: read the capaian kinerja organisasi of an OPD or
	// more by a role; those who set or recommend it by their post are
	// told by MayReadUnitPerformance.
	UnitPerformance bool
	// Penilaian: one's own results and, for a rater, the assessments
	// they rate; anyone with an employee record.
	Penilaian bool
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
		Needs:           authz.Widest(actor, authz.ReadNeeds) >= authz.ScopeOPD,
		UnitPerformance: authz.Widest(actor, authz.ReadUnitPerformance) >= authz.ScopeOPD,
		Penilaian:       actor.EmployeeID != "",
		SignInLimits:    mayLiftHolds(actor),
	}
}
