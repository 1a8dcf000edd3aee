package authz

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

func TestCan(t *testing.T) {
	asn := model.Actor{InstansiID: "i1", EmployeeID: "e1", Roles: []model.RoleGrant{{Role: model.RoleASN}}}
	sup := model.Actor{InstansiID: "i1", EmployeeID: "e2", Roles: []model.RoleGrant{{Role: model.RoleASN}, {Role: model.RoleSupervisor}}}
	opd := model.Actor{InstansiID: "i1", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: "opdA"}}}
	bkpsdm := model.Actor{InstansiID: "i1", Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
	auditor := model.Actor{InstansiID: "i1", Roles: []model.RoleGrant{{Role: model.RoleAuditor}}}
	nobody := model.Actor{InstansiID: "i1"}

	cases := []struct {
		name   string
		actor  model.Actor
		action Action
		target Target
		want   bool
	}{
		{"asn reads own record", asn, ReadEmployeeRecord, Target{InstansiID: "i1", EmployeeID: "e1"}, true},
		{"asn cannot read a colleague", asn, ReadEmployeeRecord, Target{InstansiID: "i1", EmployeeID: "e9"}, false},
		{"asn reads the directory", asn, ReadDirectory, Target{InstansiID: "i1"}, true},
		{"asn cannot import", asn, ImportEmployees, Target{}, false},
		{"asn cannot read audit", asn, ReadAudit, Target{}, false},
		{"supervisor reads the team", sup, ReadEmployeeRecord, Target{InstansiID: "i1", EmployeeID: "e1", InTeam: true}, true},
		{"supervisor cannot read outside the team", sup, ReadEmployeeRecord, Target{InstansiID: "i1", EmployeeID: "e9"}, false},
		{"opd admin manages their OPD", opd, ManageEmployees, Target{InstansiID: "i1", OPDID: "opdA"}, true},
		{"opd admin cannot manage another OPD", opd, ManageEmployees, Target{InstansiID: "i1", OPDID: "opdB"}, false},
		{"opd admin cannot manage users", opd, ManageUsers, Target{}, false},
		{"bkpsdm manages anyone", bkpsdm, ManageEmployees, Target{InstansiID: "i1", OPDID: "opdB"}, true},
		{"bkpsdm cannot cross instansi", bkpsdm, ManageEmployees, Target{InstansiID: "i2"}, false},
		{"auditor reads audit", auditor, ReadAudit, Target{}, true},
		{"auditor cannot import", auditor, ImportEmployees, Target{}, false},
		{"no role, no directory", nobody, ReadDirectory, Target{InstansiID: "i1"}, false},
		{"system does anything", model.SystemActor("i1", "cli"), ManageUsers, Target{InstansiID: "i1"}, true},
	}
	for _, c := range cases {
		if got := Can(c.actor, c.action, c.target); got != c.want {
			t.Errorf("%s: Can = %v, want %v", c.name, got, c.want)
		}
	}
	if Widest(opd, ImportEmployees) != ScopeOPD || Widest(asn, ImportEmployees) != ScopeNone {
		t.Error("Widest is wrong")
	}
	if got := OPDs(opd, ManageEmployees); len(got) != 1 || got[0] != "opdA" {
		t.Errorf("OPDs = %v", got)
	}
}
