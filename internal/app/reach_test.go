package app_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestReach: one answer to "how far does this actor reach" for an action,
// from their own records to the whole instansi.
func TestReach(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, _ := needsEnv(t, s)
		ctx := context.Background()
		reach := func(name string, action authz.Action) app.Reach {
			t.Helper()
			actor := e.admin
			if name != "admin" {
				actor = who[name]
			}
			r, err := e.a.Reach(ctx, actor, action)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}

		staff := reach("staff1", authz.ReadNeeds)
		if staff.Kind != app.ReachOwn || !slices.Equal(staff.EmployeeIDs, []string{e.o.Staff1.ID}) ||
			!staff.HasEmployee(e.o.Staff1.ID, e.o.Kominfo.ID) || staff.HasEmployee(e.o.Staff2.ID, e.o.Kominfo.ID) || staff.HasOPD(e.o.Kominfo.ID) {
			t.Errorf("an ASN's reach = %+v", staff)
		}
		kabid := reach("kabid", authz.ReadNeeds)
		if kabid.Kind != app.ReachLine || !kabid.HasEmployee(e.o.Staff1.ID, "") || !kabid.HasEmployee(e.o.Staff2.ID, "") ||
			!kabid.HasEmployee(e.o.Kabid.ID, "") || kabid.HasEmployee(e.o.Kadis.ID, "") || kabid.HasEmployee(e.o.Nurse.ID, e.o.Dinkes.ID) {
			t.Errorf("a supervisor's reach = %+v", kabid)
		}
		kadis := reach("kadis", authz.ReadNeeds)
		if !kadis.HasEmployee(e.o.Staff1.ID, "") || kadis.Whole() {
			t.Errorf("the reach of the Kabid's supervisor = %+v", kadis)
		}
		opd := reach("opd-kominfo", authz.ReadNeeds)
		if opd.Kind != app.ReachOPD || !slices.Equal(opd.OPDIDs, []string{e.o.Kominfo.ID}) || !opd.HasOPD(e.o.Kominfo.ID) ||
			opd.HasOPD(e.o.Dinkes.ID) || opd.HasOPD("") || !opd.HasEmployee(e.o.Staff1.ID, e.o.Kominfo.ID) || opd.HasEmployee(e.o.Nurse.ID, e.o.Dinkes.ID) {
			t.Errorf("an OPD admin's reach = %+v", opd)
		}
		for _, name := range []string{"leader", "admin"} {
			if r := reach(name, authz.ReadNeeds); !r.Whole() || !r.HasOPD(e.o.Dinkes.ID) || !r.HasEmployee(e.o.Nurse.ID, "") {
				t.Errorf("%s's reach = %+v", name, r)
			}
		}
		// Monitoring: a supervisor reaches only their line, which is less
		// than the dashboard asks for; the OPD admin their OPD.
		if r := reach("kabid", authz.MonitorSKP); r.Kind >= app.ReachOPD || r.HasOPD(e.o.Kominfo.ID) {
			t.Errorf("a supervisor's monitoring reach = %+v", r)
		}
		if r := reach("opd-kominfo", authz.MonitorSKP); r.Kind != app.ReachOPD || !r.HasOPD(e.o.Kominfo.ID) {
			t.Errorf("an OPD admin's monitoring reach = %+v", r)
		}
	})
}
