package authz

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

func TestNeedPermissions(t *testing.T) {
	asn := model.Actor{InstansiID: "i1", EmployeeID: "e1", Roles: []model.RoleGrant{{Role: model.RoleASN}}}
	sup := model.Actor{InstansiID: "i1", EmployeeID: "e2", Roles: []model.RoleGrant{{Role: model.RoleASN}, {Role: model.RoleSupervisor}}}
	opd := model.Actor{InstansiID: "i1", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: "opdA"}}}
	leader := model.Actor{InstansiID: "i1", Roles: []model.RoleGrant{{Role: model.RoleLeader}}}
	auditor := model.Actor{InstansiID: "i1", Roles: []model.RoleGrant{{Role: model.RoleAuditor}}}
	own := Target{InstansiID: "i1", EmployeeID: "e1", OPDID: "opdA"}
	other := Target{InstansiID: "i1", EmployeeID: "e9", OPDID: "opdB"}
	cases := []struct {
		name   string
		actor  model.Actor
		action Action
		target Target
		want   bool
	}{
		{"an ASN reads their own", asn, ReadNeeds, own, true},
		{"an ASN does not read a colleague's", asn, ReadNeeds, other, false},
		{"an ASN does not address", asn, AddressNeeds, own, false},
		{"a supervisor reads the line's", sup, ReadNeeds, Target{InstansiID: "i1", EmployeeID: "e1", InTeam: true}, true},
		{"a supervisor does not read outside the line", sup, ReadNeeds, other, false},
		{"a supervisor does not address", sup, AddressNeeds, Target{InstansiID: "i1", OPDID: "opdA"}, false},
		{"an OPD admin reads their OPD's", opd, ReadNeeds, own, true},
		{"an OPD admin addresses their OPD's", opd, AddressNeeds, Target{InstansiID: "i1", OPDID: "opdA"}, true},
		{"an OPD admin does not address another OPD's", opd, AddressNeeds, Target{InstansiID: "i1", OPDID: "opdB"}, false},
		{"a leader addresses any OPD's", leader, AddressNeeds, Target{InstansiID: "i1", OPDID: "opdB"}, true},
		{"a leader does not cross instansi", leader, ReadNeeds, Target{InstansiID: "i2", OPDID: "opdB"}, false},
		{"an auditor reads", auditor, ReadNeeds, other, true},
		{"an auditor does not address", auditor, AddressNeeds, Target{InstansiID: "i1", OPDID: "opdB"}, false},
	}
	for _, c := range cases {
		if got := Can(c.actor, c.action, c.target); got != c.want {
			t.Errorf("%s: Can = %v, want %v", c.name, got, c.want)
		}
	}
	if Widest(opd, ReadNeeds) != ScopeOPD || Widest(sup, ReadNeeds) != ScopeTeam || Widest(leader, ReadNeeds) != ScopeInstansi {
		t.Error("the widest scopes of ReadNeeds are wrong")
	}
}
