package app_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestEmployeeRightsAgreeWithTheActions checks that what the employee page
// offers is what the guarded actions allow, for every reader and employee.
func TestEmployeeRightsAgreeWithTheActions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := e.a.CreateUser(ctx, sys, app.NewUser{Username: "admin.kominfo", Password: "rahasia-opd1",
			Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin}}, UnitCode: "KOMINFO"}); err != nil {
			t.Fatal(err)
		}
		readers := map[string]model.Actor{
			"staff1": e.login(t, storetest.NIPStaff1, "rahasia-staf1"),
			"kabid":  e.login(t, storetest.NIPKabid, "rahasia-kabid"),
			"opd":    e.login(t, "admin.kominfo", "rahasia-opd1"),
			"admin":  e.admin,
		}
		var placeable int
		for name, actor := range readers {
			for _, id := range []string{e.o.Staff1.ID, e.o.Staff2.ID, e.o.Kabid.ID, e.o.Nurse.ID} {
				rec, err := e.a.EmployeeRecord(ctx, actor, id)
				if err != nil {
					t.Fatalf("%s reads %s: %v", name, id, err)
				}
				_, err = e.a.RaterOverrides(ctx, actor, id)
				if rec.Can.OverrideRater != (err == nil) || rec.Can.Place != rec.Can.OverrideRater {
					t.Errorf("%s on %s: can %+v, but reading the overrides gives %v", name, id, rec.Can, err)
				}
				if rec.Can.Place {
					placeable++
				}
				if !rec.Can.OverrideRater && rec.Overrides != nil {
					t.Errorf("%s on %s: overrides shown without the right", name, id)
				}
				if rec.Account != nil && rec.Account.ID != actor.UserID {
					_, err := e.a.Sessions(ctx, actor, rec.Account.ID)
					if rec.Can.ManageAccount != (err == nil) {
						t.Errorf("%s on %s: can manage account %v, but listing its sessions gives %v", name, id, rec.Can.ManageAccount, err)
					}
				}
				if !rec.Can.ManageAccount && len(rec.Sessions) > 0 {
					t.Errorf("%s on %s: sessions shown without the right", name, id)
				}
			}
		}
		// The directory's rights are the record's.
		for name, actor := range readers {
			page, err := e.a.Directory(ctx, actor, model.EmployeeFilter{Limit: 200})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range page.Items {
				rec, err := e.a.EmployeeRecord(ctx, actor, it.ID)
				if err != nil {
					t.Fatal(err)
				}
				if it.Can.Place != rec.Can.Place || it.Can.OverrideRater != rec.Can.OverrideRater {
					t.Errorf("%s on %s: directory can %+v, record can %+v", name, it.Name, it.Can, rec.Can)
				}
			}
		}
		// The OPD admin manages Kominfo only; the BKPSDM admin everyone.
		if opd, _ := e.a.EmployeeRecord(ctx, readers["opd"], e.o.Nurse.ID); opd.Can.Place {
			t.Error("the Kominfo admin may place a nurse")
		}
		if adm, _ := e.a.EmployeeRecord(ctx, e.admin, e.o.Staff1.ID); !adm.Can.Place || !adm.Can.ManageAccount || len(adm.Sessions) == 0 {
			t.Errorf("the BKPSDM admin on staff1: %+v, %d sessions", adm.Can, len(adm.Sessions))
		}
		if placeable == 0 {
			t.Error("nobody may place anyone")
		}
	})
}

// TestUnitTreeAndHome checks the counts the unit pages and the beranda show.
func TestUnitTreeAndHome(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		tree, err := e.a.UnitTree(ctx, e.admin)
		if err != nil {
			t.Fatal(err)
		}
		var sum func(n *app.UnitNode) int
		sum = func(n *app.UnitNode) int {
			total := n.Own
			for _, c := range n.Children {
				total += sum(c)
			}
			return total
		}
		all := 0
		for _, n := range tree.All {
			if n.Employees != sum(n) {
				t.Errorf("%s: %d employees, its units hold %d", n.Name, n.Employees, sum(n))
			}
			if n.Parent == nil {
				all += n.Employees
			}
		}
		kominfo := tree.ByID[e.o.Kominfo.ID]
		if kominfo == nil || kominfo.Head == nil || kominfo.Head.ID != e.o.Kadis.ID || kominfo.HeadID != e.o.Kadis.ID {
			t.Errorf("Kominfo's head = %+v", kominfo)
		}
		d, err := e.a.UnitDetail(ctx, e.admin, e.o.Sekretariat.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Parent == nil || d.Parent.ID != e.o.Kominfo.ID || len(d.Positions) == 0 {
			t.Errorf("Sekretariat: parent %v, %d positions", d.Parent, len(d.Positions))
		}
		if _, err := e.a.UnitDetail(ctx, e.admin, "nope"); !app.IsNotFound(err) {
			t.Errorf("an unknown unit: %v", err)
		}

		home, err := e.a.Home(ctx, e.admin)
		if err != nil {
			t.Fatal(err)
		}
		if !home.Admin || home.Units != len(tree.All) || home.Employees != all || home.Detail != nil {
			t.Errorf("admin's home: admin %v, %d units (want %d), %d employees (want %d)", home.Admin, home.Units, len(tree.All), home.Employees, all)
		}
		staff, err := e.a.Home(ctx, e.login(t, storetest.NIPStaff1, "rahasia-staf1"))
		if err != nil {
			t.Fatal(err)
		}
		if staff.Admin || staff.Detail == nil || staff.Detail.Employee.ID != e.o.Staff1.ID || staff.Year != 2026 {
			t.Errorf("staff's home: %+v", staff)
		}
	})
}

// Every page of the directory says how many people the search matches on
// all its pages: the number the pages hold together, whatever the filter.
func TestDirectoryTotalIsTheWholeList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		actor := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		for _, f := range []model.EmployeeFilter{{}, {UnitID: e.o.Aplikasi.ID}, {ActiveOnly: true}, {InactiveOnly: true}, {Query: "a"}, {Query: "tidak-ada-nama-ini"}} {
			f.Limit = 2
			var seen, pages int
			var totals []int
			for {
				page, err := e.a.Directory(ctx, actor, f)
				if err != nil {
					t.Fatal(err)
				}
				seen, pages, totals = seen+len(page.Items), pages+1, append(totals, page.Total)
				if page.NextCursor == "" {
					break
				}
				f.Cursor = page.NextCursor
			}
			for _, n := range totals {
				if n != seen {
					t.Errorf("filter %+v: totals %v over %d pages, the pages hold %d", f, totals, pages, seen)
					break
				}
			}
		}
		all, err := e.a.Directory(ctx, actor, model.EmployeeFilter{Limit: 2})
		if err != nil || all.NextCursor == "" || all.Total <= 2 {
			t.Errorf("the fixture fits on one page of 2 (total %d, %v): the test proves nothing", all.Total, err)
		}
	})
}
