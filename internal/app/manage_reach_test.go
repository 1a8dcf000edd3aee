package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// opdAdmin signs in an OPD admin of Kominfo.
func opdAdmin(t *testing.T, e env) model.Actor {
	t.Helper()
	sys := model.SystemActor(e.o.Instansi.ID, "test")
	if _, err := e.a.CreateUser(context.Background(), sys, app.NewUser{Username: "admin.kominfo", Password: "rahasia-opd1",
		Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Kominfo.ID}}}); err != nil {
		t.Fatal(err)
	}
	return e.login(t, "admin.kominfo", "rahasia-opd1")
}

// fieldKey is the message key a validation error holds for field, or "".
func fieldKey(err error, field string) string {
	var v *model.ValidationError
	if !errors.As(err, &v) {
		return ""
	}
	return v.Fields[field]
}

// An OPD admin places their own staff only in posts of their OPD: as Plt
// of another OPD's vacant head post, their staff member would rate that
// OPD and read its SKPs and progress.
func TestOPDAdminPlacesOnlyInTheirOPD(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		opd := opdAdmin(t, e)
		skp, err := e.a.CreateSKP(ctx, who["nurse"], e.o.Nurse.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		// The head of Dinkes leaves: the post is vacant.
		pls, _ := s.Placements(ctx, e.o.Kadinkes.ID)
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Kadinkes.ID, pls[0].ID, "2026-01-31"); err != nil {
			t.Fatal(err)
		}

		for _, kind := range []model.PlacementKind{model.PlacementPlt, model.PlacementPlh, model.PlacementDefinitif} {
			_, err := e.a.Place(ctx, opd, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosKadinkes.ID,
				Kind: kind, Start: "2026-02-01"})
			if got := fieldKey(err, "position_id"); got != "invalid.placement.position.reach" {
				t.Errorf("%s of another OPD's head post: %v", kind, err)
			}
		}
		_, err = e.a.Place(ctx, opd, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionCode: "DINKES-KADIS",
			Kind: model.PlacementPlt, Start: "2026-02-01"})
		var v *model.ValidationError
		if fieldKey(err, "position_code") != "invalid.placement.position.reach" || !errors.As(err, &v) ||
			len(v.Message("position_code").Args) != 2 || v.Message("position_code").Args[1] != e.o.Dinkes.Name {
			t.Errorf("by code: %v", err)
		}
		if list, _ := s.Placements(ctx, e.o.Staff1.ID); len(list) != 1 {
			t.Errorf("a refused placement was stored: %+v", list)
		}
		if _, err := e.a.SKPView(ctx, who["staff1"], skp.ID); !app.IsNotFound(err) {
			t.Errorf("Staff1 reads the nurse's SKP: %v", err)
		}
		if _, err := e.a.ProgressList(ctx, who["staff1"], app.ProgressQuery{EmployeeID: e.o.Nurse.ID}); err == nil {
			t.Error("Staff1 reads the nurse's progress")
		}
		// Within the OPD the same admin places as before.
		if _, err := e.a.Place(ctx, opd, app.PlacementRequest{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementPlt, Start: "2026-02-01"}); err != nil {
			t.Errorf("a Plt within the OPD: %v", err)
		}
		// BKPSDM places across OPDs.
		plt, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosKadinkes.ID,
			Kind: model.PlacementPlt, Start: "2026-02-01"})
		if err != nil {
			t.Fatalf("BKPSDM's Plt across OPDs: %v", err)
		}
		// The OPD admin manages Staff1 but may not end their Plt in Dinkes,
		// and is not offered to.
		if err := e.a.EndPlacement(ctx, opd, e.o.Staff1.ID, plt.ID, "2026-02-28"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the OPD admin ended a Plt in another OPD: %v", err)
		}
		d, err := e.a.Employee(ctx, opd, e.o.Staff1.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Placements {
			if want := p.ID != plt.ID; d.CanEndPlacement[p.ID] != want {
				t.Errorf("can end %s (%s) = %v, want %v", p.PositionName, p.Kind, d.CanEndPlacement[p.ID], want)
			}
		}
		if d, _ := e.a.Employee(ctx, e.admin, e.o.Staff1.ID); !d.CanEndPlacement[plt.ID] {
			t.Error("BKPSDM is not offered to end the Plt")
		}
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Staff1.ID, plt.ID, "2026-02-28"); err != nil {
			t.Errorf("BKPSDM ends the Plt: %v", err)
		}
	})
}

// An OPD admin names as substitute raters people of their own OPD; a rater
// from another OPD is BKPSDM's decision. An atasan outside the OPD is
// accepted when it is the one the rater gives anyway.
func TestOPDAdminNamesRatersOfTheirOPD(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		opd := opdAdmin(t, e)
		o := model.RaterOverride{EmployeeID: e.o.Staff3.ID, RaterID: e.o.Kadinkes.ID, Start: "2026-02-01", Reason: "Diperbantukan"}
		_, err := e.a.OverrideRater(ctx, opd, o)
		if fieldKey(err, "rater_id") != "invalid.rater.reach" {
			t.Errorf("a rater from Dinkes: %v", err)
		}
		_, err = e.a.SubstituteRater(ctx, opd, app.RaterOverrideRequest{EmployeeID: e.o.Staff3.ID, RaterNIP: storetest.NIPKabid,
			UpperNIP: storetest.NIPKadinkes, Start: "2026-02-01", Reason: "Penugasan"})
		if fieldKey(err, "upper_rater_id") != "invalid.rater.reach" {
			t.Errorf("an atasan from Dinkes: %v", err)
		}
		if list, _ := s.RaterOverrides(ctx, e.o.Staff3.ID); len(list) != 0 {
			t.Errorf("a refused override was stored: %+v", list)
		}
		// The Kabid with the Kadis above her, or with the Kadis named
		// (the atasan she gives anyway), is within reach.
		if _, err := e.a.SubstituteRater(ctx, opd, app.RaterOverrideRequest{EmployeeID: e.o.Staff3.ID, RaterNIP: storetest.NIPKabid,
			UpperNIP: storetest.NIPKadis, Start: "2026-02-01", Reason: "Penugasan"}); err != nil {
			t.Errorf("raters within the OPD: %v", err)
		}
		// The Kadis rated by the Wali Kota, whom he has anyway, from outside.
		if _, err := e.a.OverrideRater(ctx, opd, model.RaterOverride{EmployeeID: e.o.Kabid.ID, RaterID: e.o.Kadis.ID,
			UpperRaterID: e.o.WaliKota.ID, Start: "2026-02-01", Reason: "Penegasan"}); err != nil {
			t.Errorf("the derived atasan from outside: %v", err)
		}
		// BKPSDM names a rater from another OPD; the OPD admin may not end it
		// and is not offered to.
		// (For Staff1: Staff3 has a substitute over these dates already.)
		if _, err := e.a.OverrideRater(ctx, e.admin, o); refusedKey(err) != "conflict.rater.overlap" {
			t.Errorf("a second substitute over the same dates: %v", err)
		}
		o.EmployeeID = e.o.Staff1.ID
		made, err := e.a.OverrideRater(ctx, e.admin, o)
		if err != nil {
			t.Fatalf("BKPSDM's override across OPDs: %v", err)
		}
		if err := e.a.EndRaterOverride(ctx, opd, e.o.Staff1.ID, made.ID, "2026-03-01"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the OPD admin ended BKPSDM's override: %v", err)
		}
		rec, err := e.a.EmployeeRecord(ctx, opd, e.o.Staff1.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range rec.Overrides {
			if want := v.ID != made.ID; v.CanEnd != want {
				t.Errorf("can end override by %s = %v, want %v", v.Rater, v.CanEnd, want)
			}
		}
		if err := e.a.EndRaterOverride(ctx, e.admin, e.o.Staff1.ID, made.ID, "2026-03-01"); err != nil {
			t.Errorf("BKPSDM ends its override: %v", err)
		}
		// Once ended, another substitute may follow it; with a reason of
		// reasonable length.
		o.Start, o.Reason = "2026-03-02", strings.Repeat("Diperbantukan. ", 40)
		if _, err := e.a.OverrideRater(ctx, e.admin, o); fieldKey(err, "reason") != "invalid.rater.reason.long" {
			t.Errorf("a 600-character reason: %v", err)
		}
		o.Reason = "Diperbantukan"
		if _, err := e.a.OverrideRater(ctx, e.admin, o); err != nil {
			t.Errorf("a substitute after the last one ended: %v", err)
		}
	})
}

// Every path refuses an end before the start, with a field message, and
// changes nothing.
func TestEndNeverBeforeStart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		plt, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementPlt, Start: "2026-02-01"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Kabid.ID, plt.ID, "2026-01-31"); fieldKey(err, "end") != "invalid.placement.end.before" {
			t.Errorf("a placement ending before it starts: %v", err)
		}
		_, err = e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementPlh, Start: "2026-03-01", End: "2026-02-27"})
		if fieldKey(err, "end") != "invalid.placement.end.before" {
			t.Errorf("a Plh given an end before its start: %v", err)
		}
		o, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Nurse.ID, RaterID: e.o.Kadis.ID,
			Start: "2026-02-01", End: "2026-01-15", Reason: "Penugasan"})
		if fieldKey(err, "end") != "invalid.range.end.before" {
			t.Errorf("an override given an end before its start: %v, %+v", err, o)
		}
		o, err = e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Nurse.ID, RaterID: e.o.Kadis.ID,
			Start: "2026-02-01", Reason: "Penugasan"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.a.EndRaterOverride(ctx, e.admin, e.o.Nurse.ID, o.ID, "2026-01-31"); fieldKey(err, "end") != "invalid.range.end.before" {
			t.Errorf("an override ending before it starts: %v", err)
		}
		if list, _ := s.Placements(ctx, e.o.Kabid.ID); len(list) != 2 || list[0].End != "" {
			t.Errorf("placements changed: %+v", list)
		}
		if list, _ := s.Placements(ctx, e.o.Staff3.ID); len(list) != 1 {
			t.Errorf("the refused Plh was stored: %+v", list)
		}
		if list, _ := s.RaterOverrides(ctx, e.o.Nurse.ID); len(list) != 1 || list[0].End != "" {
			t.Errorf("overrides changed: %+v", list)
		}
	})
}

// A post one person holds (a structural post, a unit's head, a superior
// post) never gets a second definitive holder: the placement is refused
// with the holder's name, until their placement ends. A formasi post
// takes many holders.
func TestOneDefinitiveHolderPerPost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		_, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionCode: "KOMINFO-KABID",
			Kind: model.PlacementDefinitif, Start: "2026-03-01"})
		var v *model.ValidationError
		if fieldKey(err, "position_code") != "invalid.placement.position.held" || !errors.As(err, &v) ||
			v.Message("position_code").Args[1] != e.o.Kabid.FullName() {
			t.Fatalf("a second Kabid: %v", err)
		}
		if got, _ := s.Employee(ctx, e.o.Staff1.ID); got.PositionID != e.o.PosStaff.ID {
			t.Errorf("the refused transfer moved Staff1 to %s", got.PositionID)
		}
		// A Plt beside the holder is not a second definitive holder.
		if _, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosKabid.ID,
			Kind: model.PlacementPlh, Start: "2026-03-01"}); err != nil {
			t.Errorf("a Plh beside the holder: %v", err)
		}
		// A formasi post takes another holder.
		if _, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosStaff.ID,
			Kind: model.PlacementDefinitif, Start: "2026-03-01"}); err != nil {
			t.Errorf("a third Pranata Komputer: %v", err)
		}
		// Once the Kabid's placement ends, the post takes its next holder
		// from the day after, not before.
		pls, _ := s.Placements(ctx, e.o.Kabid.ID)
		var def model.Placement
		for _, p := range pls {
			if p.Kind == model.PlacementDefinitif {
				def = p
			}
		}
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Kabid.ID, def.ID, "2026-03-31"); err != nil {
			t.Fatal(err)
		}
		_, err = e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosKabid.ID,
			Kind: model.PlacementDefinitif, Start: "2026-03-31"})
		if fieldKey(err, "position_id") != "invalid.placement.position.held" {
			t.Errorf("a holder from the last day of the previous one: %v", err)
		}
		if _, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosKabid.ID,
			Kind: model.PlacementDefinitif, Start: "2026-04-01"}); err != nil {
			t.Errorf("the next holder: %v", err)
		}
	})
}

// The same Plt entered twice over the same days is refused; a Plt of the
// same post after the first ended is not.
func TestSamePltTwiceIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		first, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementPlt, Start: "2026-03-01"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementPlt, Start: "2026-03-02"})
		if refusedKey(err) != "conflict.placement.duplicate" {
			t.Errorf("the same Plt twice: %v", err)
		}
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Kabid.ID, first.ID, "2026-03-10"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementPlt, Start: "2026-03-11"}); err != nil {
			t.Errorf("a new Plt after the first ended: %v", err)
		}
	})
}
