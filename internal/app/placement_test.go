package app_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// TestNobodyRatesThemselves checks that no override and no placement makes
// a person their own pejabat penilai or atasan pejabat penilai, directly or
// through a cycle, and that ordinary ones still go through.
func TestNobodyRatesThemselves(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		refused := func(what string, err error, field, key, name string) {
			t.Helper()
			var v *model.ValidationError
			if !errors.As(err, &v) || v.Fields[field] != key {
				t.Errorf("%s: %v, want %s on %s", what, err, key, field)
				return
			}
			if m := v.Message(field); len(m.Args) != 1 || m.Args[0] != name {
				t.Errorf("%s: message args %v, want %s", what, m.Args, name)
			}
		}
		override := func(who, rater, upper string) (model.RaterOverride, error) {
			return e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: who, RaterID: rater, UpperRaterID: upper,
				Start: "2026-02-01", Reason: "Penugasan khusus"})
		}

		_, err := override(e.o.Staff1.ID, e.o.Kabid.ID, e.o.Staff1.ID)
		refused("own atasan", err, "upper_rater_id", "invalid.rater.selfrating.upper", e.o.Staff1.Name)
		_, err = override(e.o.Staff1.ID, e.o.Staff1.ID, "")
		var v *model.ValidationError
		if !errors.As(err, &v) || v.Fields["rater_id"] == "" {
			t.Errorf("own rater: %v", err)
		}
		_, err = override(e.o.Kadis.ID, e.o.WaliKota.ID, e.o.Staff1.ID)
		refused("an atasan whom one rates", err, "upper_rater_id", "invalid.rater.selfrating.upper", e.o.Kadis.Name)
		_, err = override(e.o.Kabid.ID, e.o.Staff1.ID, "")
		refused("a rater whom one rates", err, "rater_id", "invalid.rater.selfrating", e.o.Kabid.Name)

		// A cycle of two through overrides: the nurse is rated by Staff3,
		// then Staff3 would be rated by the nurse.
		if _, err := override(e.o.Nurse.ID, e.o.Staff3.ID, ""); err != nil {
			t.Fatalf("an ordinary override: %v", err)
		}
		_, err = override(e.o.Staff3.ID, e.o.Nurse.ID, e.o.Kadis.ID)
		refused("a cycle of two", err, "rater_id", "invalid.rater.selfrating", e.o.Staff3.Name)
		if list, _ := e.a.RaterOverrides(ctx, e.admin, e.o.Staff3.ID); len(list) != 0 {
			t.Errorf("a refused override was stored: %v", list)
		}

		// A Plt of the vacant head post above their own bidang: Staff1 would
		// rate the Kabid, who rates Staff1.
		pls, err := s.Placements(ctx, e.o.Kadis.ID)
		if err != nil || len(pls) != 1 {
			t.Fatalf("Kadis's placements: %v, %v", pls, err)
		}
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Kadis.ID, pls[0].ID, "2026-01-31"); err != nil {
			t.Fatal(err)
		}
		_, err = e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosKadis.ID,
			Kind: model.PlacementPlt, Start: "2026-02-01"})
		refused("a Plt two posts above", err, "position_id", "invalid.rater.selfrating", e.o.Staff1.Name)
		_, err = e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionCode: "KOMINFO-KADIS",
			Kind: model.PlacementPlh, Start: "2026-03-02"})
		refused("a Plh by code", err, "position_code", "invalid.rater.selfrating", e.o.Staff1.Name)
		if pls, _ := s.Placements(ctx, e.o.Staff1.ID); len(pls) != 1 {
			t.Errorf("a refused placement was stored: %v", pls)
		}

		// The Kabid as Plt of the head post above her is ordinary.
		if _, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosKadis.ID,
			Kind: model.PlacementPlt, Start: "2026-02-01"}); err != nil {
			t.Fatalf("an ordinary Plt: %v", err)
		}
		chart, _ := e.a.OrgChart(ctx, e.o.Instansi.ID)
		if chart.Rater(e.o.Staff1.ID) != e.o.Kabid.ID || chart.Rater(e.o.Staff3.ID) != e.o.Kabid.ID || chart.UpperRater(e.o.Staff1.ID) != e.o.WaliKota.ID {
			t.Errorf("after the Plt: Staff1 rated by %s (atasan %s), Staff3 by %s", chart.Rater(e.o.Staff1.ID),
				chart.UpperRater(e.o.Staff1.ID), chart.Rater(e.o.Staff3.ID))
		}
		if len(chart.SelfRatings()) != 0 {
			t.Errorf("the chart holds self-ratings: %v", chart.SelfRatings())
		}
	})
}

// TestEndingDoesNotCloseACycle checks that ending a placement or an
// override is refused when the raters that apply again would make someone
// assess themselves.
func TestEndingDoesNotCloseACycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		// Staff3 stands in as Plh for the Kabid, who is away: Staff1 is
		// rated by Staff3 for the term, with the Kadis as atasan. The
		// Kabid, on a special assignment, is rated by Staff1.
		plh, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosKabid.ID,
			Kind: model.PlacementPlh, Start: "2026-02-01"})
		if err != nil {
			t.Fatal(err)
		}
		o, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Kabid.ID, RaterID: e.o.Staff1.ID,
			UpperRaterID: e.o.WaliKota.ID, Start: "2026-02-01", Reason: "Penugasan khusus"})
		if err != nil {
			t.Fatalf("override for the Kabid: %v", err)
		}

		// Without the Plh, Staff1 would be rated by the Kabid, who is rated by Staff1.
		err = e.a.EndPlacement(ctx, e.admin, e.o.Staff3.ID, plh.ID, "2026-03-01")
		var v *model.ValidationError
		if !errors.As(err, &v) || v.Fields["end"] != "invalid.rater.selfrating" {
			t.Fatalf("ending the Plh: %v", err)
		}
		chart, _ := e.a.OrgChart(ctx, e.o.Instansi.ID)
		if chart.Rater(e.o.Staff1.ID) != e.o.Staff3.ID {
			t.Errorf("the refused end was written: Staff1 rated by %s", chart.Rater(e.o.Staff1.ID))
		}
		if err := e.a.EndRaterOverride(ctx, e.admin, e.o.Kabid.ID, o.ID, "2026-03-01"); err != nil {
			t.Fatalf("ending the Kabid's override: %v", err)
		}
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Staff3.ID, plh.ID, "2026-03-01"); err != nil {
			t.Fatalf("ending the Plh once the override ended: %v", err)
		}
		chart, _ = e.a.OrgChart(ctx, e.o.Instansi.ID)
		if chart.Rater(e.o.Staff1.ID) != e.o.Kabid.ID || len(chart.SelfRatings()) != 0 {
			t.Errorf("after the ends: Staff1 rated by %s, self-ratings %v", chart.Rater(e.o.Staff1.ID), chart.SelfRatings())
		}
	})
}

// TestImportDoesNotMakeSelfRating checks that an import moving someone is
// refused when the move makes someone assess themselves.
func TestImportDoesNotMakeSelfRating(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		// The Kabid is rated by the wali kota and the Kadis by Staff1, by way of the Kabid.
		for _, o := range []model.RaterOverride{{EmployeeID: e.o.Kabid.ID, RaterID: e.o.WaliKota.ID},
			{EmployeeID: e.o.Kadis.ID, RaterID: e.o.Staff1.ID, UpperRaterID: e.o.WaliKota.ID}} {
			o.Start, o.Reason = "2026-02-01", "Penugasan khusus"
			if _, err := e.a.OverrideRater(ctx, e.admin, o); err != nil {
				t.Fatal(err)
			}
		}
		// Moved under the vacant Sekretaris post, Staff1 would be rated by the Kadis.
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPStaff1 + ";Andi Pratama;KOMINFO-SEK;KOMINFO-ADM\n"
		// The preview says so before the admin applies it, and writes nothing.
		rep, err := e.a.ImportEmployees(ctx, e.admin, "pindah.csv", []byte(file), false)
		if err != nil || rep.Blocked.Key != "import.blocked.selfrating" || rep.Updated != 1 {
			t.Fatalf("preview: blocked %+v, updated %d, %v", rep.Blocked, rep.Updated, err)
		}
		if emp, _ := s.Employee(ctx, e.o.Staff1.ID); emp.PositionID != e.o.PosStaff.ID {
			t.Errorf("the preview moved Staff1 to %s", emp.PositionID)
		}
		_, err = e.a.ImportEmployees(ctx, e.admin, "pindah.csv", []byte(file), true)
		var v *model.ValidationError
		if !errors.As(err, &v) || v.Fields["file"] != "import.blocked.selfrating" {
			t.Fatalf("import: %v", err)
		}
		if emp, _ := s.Employee(ctx, e.o.Staff1.ID); emp.PositionID != e.o.PosStaff.ID {
			t.Errorf("the refused import moved Staff1 to %s", emp.PositionID)
		}
	})
}

// A change checked on its first day is checked on every later day the
// organisation changes while it is in force: a substitute rater from
// April that is harmless alone and one from today that is harmless today
// would together make the Kabid rate herself through two others in April.
func TestNoSelfRatingThroughALaterChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		if _, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Kabid.ID, RaterID: e.o.Staff3.ID,
			Start: "2026-04-01", Reason: "Penugasan khusus"}); err != nil {
			t.Fatal(err)
		}
		var v *model.ValidationError
		_, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Staff3.ID, RaterID: e.o.Staff1.ID,
			Start: "2026-03-02", Reason: "Pendampingan"})
		if !errors.As(err, &v) || v.Fields["rater_id"] == "" {
			t.Fatalf("a substitute rater that closes a cycle in April: %v", err)
		}
		if list, err := e.a.RaterOverrides(ctx, e.admin, e.o.Staff3.ID); err != nil || len(list) != 0 {
			t.Errorf("the refused override was kept: %+v, %v", list, err)
		}
		// Ending before April, it never meets the other one.
		if _, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Staff3.ID, RaterID: e.o.Staff1.ID,
			Start: "2026-03-02", End: "2026-03-31", Reason: "Pendampingan"}); err != nil {
			t.Errorf("the same substitute until March: %v", err)
		}
	})
}

// A placement date before 1950 or more than a year after the instansi's
// today is a typo: refused on every path, naming the bounds.
func TestPlacementDatesArePlausible(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		var v *model.ValidationError
		for _, c := range []struct {
			field      string
			start, end model.Date
		}{
			{"start", "1949-12-31", ""},
			{"start", "0202-03-01", ""},
			{"start", "2027-03-03", ""},
			{"end", "2026-03-02", "2207-03-01"},
		} {
			_, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosSekr.ID,
				Kind: model.PlacementPlh, Start: c.start, End: c.end})
			if !errors.As(err, &v) || v.Fields[c.field] != "invalid.placement.date.range" ||
				v.Args[c.field][1] != model.EarliestPlacement || v.Args[c.field][2] != model.Date("2027-03-02") {
				t.Errorf("a placement from %s to %q: %v", c.start, c.end, err)
			}
		}
		if hist, _ := s.Placements(ctx, e.o.Staff3.ID); len(hist) != 1 {
			t.Fatalf("a refused placement was written: %+v", hist)
		}
		pl, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementPlh, Start: "2027-03-02"})
		if err != nil {
			t.Fatalf("a Plh from a year after today: %v", err)
		}
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Staff3.ID, pl.ID, "2207-03-31"); !errors.As(err, &v) || v.Fields["end"] != "invalid.placement.date.range" {
			t.Errorf("ending a placement in 2207: %v", err)
		}
		file := "NIP;NAMA;STATUS;GOLONGAN;UNOR_ID;JABATAN_NAMA;TMT_JABATAN\n" + storetest.NIPStaff3 +
			";Rudi Hartono;PNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama;30-06-1949\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "tmt.csv", []byte(file), false)
		if err != nil || rep.Rejected != 1 || !strings.Contains(rep.Rows[0].Reason, "1 Januari 1950") {
			t.Errorf("an import with TMT 1949: %+v, %v", rep, err)
		}
	})
}

// One acting holder on a post at a time, never on one's own post, and a
// definitive holder of a head post only once its Plt has ended: who rates
// the post's staff is never in doubt. The import refuses the same row.
func TestOneActingHolderAtATime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		place := func(who, pos string, kind model.PlacementKind, start model.Date) (model.Placement, error) {
			return e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: who, PositionID: pos, Kind: kind, Start: start, Decree: "800/1/2026"})
		}
		key := func(err error) string {
			var v *model.ValidationError
			if !errors.As(err, &v) {
				return fmt.Sprint(err)
			}
			return v.Fields["position_id"]
		}
		// The vacant Sekretaris post gets a Plt.
		plt, err := place(e.o.Kabid.ID, e.o.PosSekr.ID, model.PlacementPlt, "2026-02-01")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := place(e.o.Kadinkes.ID, e.o.PosSekr.ID, model.PlacementPlt, "2026-03-01"); key(err) != "invalid.placement.acting.held" {
			t.Errorf("a second Plt: %v", err)
		}
		if _, err := place(e.o.Staff3.ID, e.o.PosSekr.ID, model.PlacementPlh, "2026-03-01"); key(err) != "invalid.placement.acting.held" {
			t.Errorf("a Plh beside the Plt: %v", err)
		}
		if _, err := place(e.o.Kadis.ID, e.o.PosKadis.ID, model.PlacementPlt, "2026-03-01"); key(err) != "invalid.placement.acting.own" {
			t.Errorf("a Plt of one's own post: %v", err)
		}
		if _, err := place(e.o.Staff3.ID, e.o.PosSekr.ID, model.PlacementDefinitif, "2026-03-01"); key(err) != "invalid.placement.acting.first" {
			t.Errorf("a definitive Sekretaris while the Plt acts: %v", err)
		}
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPStaff3 + ";Staf Tiga;KOMINFO-SEK;KOMINFO-SEKR\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "sekretaris.csv", []byte(file), false)
		if err != nil || rep.Rejected != 1 || rep.Rows[0].Why.Key != "invalid.placement.acting.first" {
			t.Errorf("the import of a definitive Sekretaris while the Plt acts: %+v, %v", rep.Rows, err)
		}
		// Once the Plt has ended, the definitive holder and a new Plh after are fine.
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Kabid.ID, plt.ID, "2026-02-28"); err != nil {
			t.Fatal(err)
		}
		if _, err := place(e.o.Staff3.ID, e.o.PosSekr.ID, model.PlacementDefinitif, "2026-03-01"); err != nil {
			t.Errorf("the definitive Sekretaris after the Plt ended: %v", err)
		}
	})
}
