// Package authz decides who may do what. One table lists the permissions of
// each role; Can is the one check every entry point calls. Scoping (an OPD
// admin to their OPD, a supervisor to their team) is given by the caller as
// facts about the target, so this package does no I/O.
package authz

import "github.com/kinerja-id/kinerja/internal/model"

// Action is something an actor may want to do.
type Action string

// Actions checked across Kinerja.
const (
	ReadDirectory      Action = "directory.read"       // names, positions, units of everyone in the instansi
	ReadEmployeeRecord Action = "employee.read_record" // the full record of one employee
	ManageEmployees    Action = "employee.manage"      // create, update, place employees
	ImportEmployees    Action = "employee.import"
	ReadAudit          Action = "audit.read"
	ManageUsers        Action = "user.manage" // accounts, roles, passwords, others' sessions
	// ManageAccounts runs the accounts of employees from the web and the
	// API: create one, issue an activation or reset link, grant roles.
	// An OPD admin does it for their OPD's employees; which roles each may
	// grant is app's rule (app/accounts.go).
	ManageAccounts Action = "account.manage"
	ManageUnits    Action = "unit.manage"
	ManagePeriods  Action = "period.manage" // open a performance year, adjust, close and lock periods
	ReadSKP        Action = "skp.read"      // an SKP: the owner's, their line's, an admin's
	MonitorSKP     Action = "skp.monitor"   // the filling dashboard and the reports: reading only
	RemindSKP      Action = "skp.remind"    // remind those behind on their SKP (a write: auditors read only)
	ManagePK       Action = "pk.manage"     // a unit's Perjanjian Kinerja (its head may too)
	ReadNeeds      Action = "need.read"     // development needs and resource constraints, and their counts
	AddressNeeds   Action = "need.address"  // record what was done about a confirmed need
)

// Capaian kinerja organisasi. Who sets it and which unit heads recommend
// follow from the organisation and the instansi's settings (app decides
// that); the table holds only the roles: who reads every OPD's capaian
// with its recommendations, and who records BKPSDM's own recommendation
// (BKPSDM administrators; the other sources are app's rule).
const (
	ReadUnitPerformance      Action = "unit_performance.read"
	RecommendUnitPerformance Action = "unit_performance.recommend"
)

// CalibrateAssessments moves ratings on an OPD's calibration screen and
// finalises an OPD's period, overriding a broken curve with a reason:
// BKPSDM (the OPD's head may calibrate too, which app decides from the
// org chart).
const CalibrateAssessments Action = "assessment.calibrate"

// MergeEmployees merges two records of one person into one: BKPSDM only.
const MergeEmployees Action = "employee.merge"

// Scope tells how far a role's permission reaches.
type Scope int

// Scopes, from narrowest to widest.
const (
	ScopeNone     Scope = iota
	ScopeSelf           // the actor's own records
	ScopeTeam           // the actor and the people they rate (and below)
	ScopeOPD            // the OPD the grant names
	ScopeInstansi       // the whole instansi
)

// table lists what each role may do and how far.
var table = map[model.Role]map[Action]Scope{
	model.RoleASN: {
		ReadDirectory:      ScopeInstansi,
		ReadEmployeeRecord: ScopeSelf,
		ReadSKP:            ScopeSelf,
		ReadNeeds:          ScopeSelf,
	},
	model.RoleSupervisor: {
		ReadDirectory:      ScopeInstansi,
		ReadEmployeeRecord: ScopeTeam,
		ReadSKP:            ScopeTeam,
		ReadNeeds:          ScopeTeam,
	},
	model.RoleOPDAdmin: {
		ReadDirectory:       ScopeInstansi,
		ReadEmployeeRecord:  ScopeOPD,
		ManageEmployees:     ScopeOPD,
		ImportEmployees:     ScopeOPD,
		ReadSKP:             ScopeOPD,
		MonitorSKP:          ScopeOPD,
		RemindSKP:           ScopeOPD,
		ManagePK:            ScopeOPD,
		ReadNeeds:           ScopeOPD,
		AddressNeeds:        ScopeOPD,
		ReadUnitPerformance: ScopeOPD,
		ManageAccounts:      ScopeOPD,
	},
	model.RoleBKPSDMAdmin: {
		ReadDirectory:            ScopeInstansi,
		ReadEmployeeRecord:       ScopeInstansi,
		ManageEmployees:          ScopeInstansi,
		ImportEmployees:          ScopeInstansi,
		ReadAudit:                ScopeInstansi,
		ManageUsers:              ScopeInstansi,
		ManageAccounts:           ScopeInstansi,
		ManageUnits:              ScopeInstansi,
		ManagePeriods:            ScopeInstansi,
		ReadSKP:                  ScopeInstansi,
		MonitorSKP:               ScopeInstansi,
		RemindSKP:                ScopeInstansi,
		ManagePK:                 ScopeInstansi,
		ReadNeeds:                ScopeInstansi,
		AddressNeeds:             ScopeInstansi,
		MergeEmployees:           ScopeInstansi,
		CalibrateAssessments:     ScopeInstansi,
		ReadUnitPerformance:      ScopeInstansi,
		RecommendUnitPerformance: ScopeInstansi,
	},
	model.RoleLeader: {
		ReadDirectory:       ScopeInstansi,
		ReadEmployeeRecord:  ScopeInstansi,
		ReadSKP:             ScopeInstansi,
		MonitorSKP:          ScopeInstansi,
		RemindSKP:           ScopeInstansi,
		ReadNeeds:           ScopeInstansi,
		AddressNeeds:        ScopeInstansi,
		ReadUnitPerformance: ScopeInstansi,
	},
	model.RoleAuditor: {
		ReadDirectory:       ScopeInstansi,
		ReadEmployeeRecord:  ScopeInstansi,
		ReadAudit:           ScopeInstansi,
		ReadSKP:             ScopeInstansi,
		MonitorSKP:          ScopeInstansi, // the filling dashboard and the reports, read only
		ReadNeeds:           ScopeInstansi,
		ReadUnitPerformance: ScopeInstansi,
	},
	model.RoleSystemAdmin: {
		ReadDirectory:       ScopeInstansi,
		ReadEmployeeRecord:  ScopeInstansi,
		ManageEmployees:     ScopeInstansi,
		ImportEmployees:     ScopeInstansi,
		ReadAudit:           ScopeInstansi,
		ManageUsers:         ScopeInstansi,
		ManageAccounts:      ScopeInstansi,
		ManageUnits:         ScopeInstansi,
		ManagePeriods:       ScopeInstansi,
		ReadSKP:             ScopeInstansi,
		MonitorSKP:          ScopeInstansi,
		RemindSKP:           ScopeInstansi,
		ManagePK:            ScopeInstansi,
		ReadNeeds:           ScopeInstansi,
		ReadUnitPerformance: ScopeInstansi,
	},
}

// Target describes what an action is aimed at. Leave a field empty when it
// does not apply; an empty Target means the action as a whole (a menu).
type Target struct {
	InstansiID string
	EmployeeID string // the employee the record belongs to
	OPDID      string // the OPD the record belongs to
	InTeam     bool   // the employee is in the actor's reporting line
}

// Can reports whether actor may do action on target.
func Can(actor model.Actor, action Action, t Target) bool {
	if actor.System {
		return true
	}
	if t.InstansiID != "" && t.InstansiID != actor.InstansiID {
		return false
	}
	whole := t == (Target{}) || t == (Target{InstansiID: t.InstansiID})
	for _, g := range actor.Roles {
		scope := table[g.Role][action]
		switch scope {
		case ScopeInstansi:
			return true
		case ScopeOPD:
			if whole || (t.OPDID != "" && t.OPDID == g.UnitID) {
				return true
			}
		case ScopeTeam:
			if whole || (t.EmployeeID != "" && (t.EmployeeID == actor.EmployeeID || t.InTeam)) {
				return true
			}
		case ScopeSelf:
			if whole || (t.EmployeeID != "" && t.EmployeeID == actor.EmployeeID) {
				return true
			}
		}
	}
	return false
}

// Widest returns the widest scope the actor has for action.
func Widest(actor model.Actor, action Action) Scope {
	if actor.System {
		return ScopeInstansi
	}
	best := ScopeNone
	for _, g := range actor.Roles {
		if s := table[g.Role][action]; s > best {
			best = s
		}
	}
	return best
}

// OPDs returns the OPDs an actor's OPD-scoped grants name for action.
func OPDs(actor model.Actor, action Action) []string {
	var out []string
	for _, g := range actor.Roles {
		if table[g.Role][action] == ScopeOPD && g.UnitID != "" {
			out = append(out, g.UnitID)
		}
	}
	return out
}
