package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestPlacementsAndOverrides(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := e.a.CreateUser(ctx, sys, app.NewUser{Username: "admin.kominfo", Password: "rahasia-opd1",
			Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Kominfo.ID}}}); err != nil {
			t.Fatal(err)
		}
		opd := e.login(t, "admin.kominfo", "rahasia-opd1")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")

		// Kabid becomes Plt Sekretaris: Staff3 is now rated by Kabid.
		plt := model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt, Start: "2026-02-01", Decree: "821/12/BKPSDM/2026"}
		if _, err := e.a.PlaceEmployee(ctx, staff, plt); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN placed someone: %v", err)
		}
		placed, err := e.a.PlaceEmployee(ctx, opd, plt)
		if err != nil {
			t.Fatal(err)
		}
		chart, _ := e.a.OrgChart(ctx, e.o.Instansi.ID)
		if chart.Rater(e.o.Staff3.ID) != e.o.Kabid.ID {
			t.Errorf("after the Plt, Staff3's rater = %s", chart.Rater(e.o.Staff3.ID))
		}
		if err := e.a.EndPlacement(ctx, opd, placed.EmployeeID, placed.ID, "2026-02-28"); err != nil {
			t.Fatal(err)
		}
		chart, _ = e.a.OrgChart(ctx, e.o.Instansi.ID) // today is 2026-03-02
		if chart.Rater(e.o.Staff3.ID) != e.o.Kadis.ID {
			t.Errorf("after the Plt ended, Staff3's rater = %s", chart.Rater(e.o.Staff3.ID))
		}

		// The Kominfo admin may not touch Dinkes; the BKPSDM admin may.
		o := model.RaterOverride{EmployeeID: e.o.Nurse.ID, RaterID: e.o.Kadis.ID, Start: "2026-01-01", Reason: "Ditugaskan di Kominfo"}
		if _, err := e.a.OverrideRater(ctx, opd, o); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an OPD admin overrode another OPD: %v", err)
		}
		var v *model.ValidationError
		bad := o
		bad.Reason = " "
		if _, err := e.a.OverrideRater(ctx, e.admin, bad); !errors.As(err, &v) {
			t.Errorf("an override without a reason: %v", err)
		}
		bad = o
		bad.RaterID = "nobody"
		if _, err := e.a.OverrideRater(ctx, e.admin, bad); !errors.As(err, &v) {
			t.Errorf("an override to an unknown rater: %v", err)
		}
		made, err := e.a.OverrideRater(ctx, e.admin, o)
		if err != nil {
			t.Fatal(err)
		}
		chart, _ = e.a.OrgChart(ctx, e.o.Instansi.ID)
		if chart.Rater(e.o.Nurse.ID) != e.o.Kadis.ID {
			t.Errorf("override not in force: %s", chart.Rater(e.o.Nurse.ID))
		}
		kadisTeam := chart.Team(e.o.Kadis.ID)
		if !contains(kadisTeam, e.o.Nurse.ID) {
			t.Errorf("Kadis's team lacks the nurse: %v", kadisTeam)
		}
		list, err := e.a.RaterOverrides(ctx, e.admin, e.o.Nurse.ID)
		if err != nil || len(list) != 1 {
			t.Fatalf("overrides = %v, %v", list, err)
		}
		if err := e.a.EndRaterOverride(ctx, e.admin, e.o.Nurse.ID, made.ID, "2026-03-01"); err != nil {
			t.Fatal(err)
		}
		chart, _ = e.a.OrgChart(ctx, e.o.Instansi.ID)
		if chart.Rater(e.o.Nurse.ID) != e.o.Kadinkes.ID {
			t.Errorf("after the override ended, rater = %s", chart.Rater(e.o.Nurse.ID))
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "employee", EntityID: e.o.Nurse.ID})
		if len(entries) < 3 || entries[0].Action != "rater_override.end" || entries[0].ActorName != "Admin BKPSDM" {
			t.Errorf("audit = %+v", entries[0])
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestPlacementAndOverrideByCode checks the requests people make with a
// position's code and a rater's NIP, as the web form and the API send them.
func TestPlacementAndOverrideByCode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		var v *model.ValidationError
		if _, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Kabid.ID, PositionCode: "NOPE", Kind: model.PlacementPlt, Start: "2026-02-01"}); !errors.As(err, &v) || v.Fields["position_code"] == "" {
			t.Errorf("unknown code: %v", err)
		}
		if _, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Kabid.ID, Kind: model.PlacementPlt, Start: "2026-02-01"}); !errors.As(err, &v) || v.Fields["position_id"] == "" {
			t.Errorf("no position: %v", err)
		}
		pl, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Kabid.ID, PositionCode: " KOMINFO-SEKR ", Kind: model.PlacementPlt, Start: "2026-02-01", Decree: " 821/1 "})
		if err != nil || pl.PositionID != e.o.PosSekr.ID || pl.Decree != "821/1" {
			t.Fatalf("place by code: %+v, %v", pl, err)
		}
		if _, err := e.a.SubstituteRater(ctx, e.admin, app.RaterOverrideRequest{EmployeeID: e.o.Nurse.ID, RaterNIP: "199901012020011999", Start: "2026-01-01", Reason: "x"}); !errors.As(err, &v) || v.Fields["rater_id"] == "" {
			t.Errorf("unknown NIP: %v", err)
		}
		o, err := e.a.SubstituteRater(ctx, e.admin, app.RaterOverrideRequest{EmployeeID: e.o.Nurse.ID, RaterNIP: storetest.NIPKadis, Start: "2026-01-01", Reason: " Penugasan "})
		if err != nil || o.RaterID != e.o.Kadis.ID || o.Reason != "Penugasan" {
			t.Fatalf("override by NIP: %+v, %v", o, err)
		}
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Staff1.ID, pl.ID, "2026-03-01"); !app.IsNotFound(err) {
			t.Errorf("ending Kabid's placement as Staff1's: %v", err)
		}
	})
}
