package app_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The calibration screen keeps an OPD's counts between reads; every
// write of what they count shows on the next read: a rating, a sending,
// a move, a keberatan decision, a rater's new name, a period closed again
// with a new SKP, ratings seeded in bulk, an SKP's end (which decides
// which of a person's results counts) and the capaian.
func TestCurveFollowsEveryWrite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kabid, kadis := who["kabid"], who["kadis"]
		if err := e.a.SetPeriodicObjections(ctx, e.admin, true); err != nil {
			t.Fatal(err)
		}
		items := crowdedKominfo(t, e, s, who, 12, model.CapaianIstimewa)
		period := items[0].PeriodID
		curve := func(stage string) app.CurveView {
			t.Helper()
			v, err := e.a.Curve(ctx, e.admin, e.o.Kominfo.ID, period)
			if err != nil {
				t.Fatalf("%s: %v", stage, err)
			}
			return v
		}
		v := curve("before")
		if v.Total != 12 || v.Open != 12 || v.Check.Rated != 0 {
			t.Fatalf("before: total %d, open %d, rated %d", v.Total, v.Open, v.Check.Rated)
		}
		curve("again") // from the cache
		rated := rateAll(t, e, kabid, items[:3], model.RatingDiAtas, model.RatingDiAtas)
		if v := curve("rated"); v.Open != 9 || v.Check.Counts[model.PredikatSangatBaik] != 3 || len(v.Raters) != 1 || v.Raters[0].Total != 3 {
			t.Errorf("after three ratings: open %d, counts %v, raters %+v", v.Open, v.Check.Counts, v.Raters)
		}
		sent, err := e.a.FinalizeAssessment(ctx, kabid, rated[0].ID, rated[0].Version)
		if err != nil {
			t.Fatal(err)
		}
		if v := curve("sent"); v.Final.Counts[model.PredikatSangatBaik] != 1 {
			t.Errorf("after a sending: final %v", v.Final.Counts)
		}
		moved, err := e.a.MoveAssessment(ctx, kadis, sent.ID, app.MoveInput{Version: sent.Version, HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai, Reason: "Kalibrasi OPD"})
		if err != nil {
			t.Fatal(err)
		}
		if v := curve("moved"); v.Final.Counts[model.PredikatBaik] != 1 || v.Final.Counts[model.PredikatSangatBaik] != 0 {
			t.Errorf("after a move: final %v", v.Final.Counts)
		}
		// A keberatan decided with a change.
		staff := who["staff1"]
		staff.UserID, staff.EmployeeID = "", moved.EmployeeID
		o, err := e.a.SubmitObjection(ctx, staff, moved.ID, "Realisasi saya melampaui target.")
		if err != nil {
			t.Fatal(err)
		}
		if o, err = e.a.ExplainObjection(ctx, kabid, o.ID, "Dua indikator belum didukung bukti.", o.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionChange, HasilKerja: model.RatingDiBawah,
			PerilakuKerja: model.RatingSesuai, Note: "Target utama tidak tercapai", Version: o.Version}); err != nil {
			t.Fatal(err)
		}
		if v := curve("decided"); v.Final.Counts[model.PredikatButuhPerbaikan] != 1 || v.Final.Counts[model.PredikatBaik] != 0 {
			t.Errorf("after a decision: final %v", v.Final.Counts)
		}
		// The rater's new name.
		err = s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			emp, err := tx.Employee(ctx, kabid.EmployeeID)
			if err != nil {
				return err
			}
			emp.Name = "Kepala Bidang Berganti Nama"
			_, err = tx.UpdateEmployee(ctx, emp)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if v := curve("renamed"); len(v.Raters) != 1 || v.Raters[0].Name != "Kepala Bidang Berganti Nama" {
			t.Errorf("after the rater's new name: %+v", v.Raters)
		}
		// Ratings seeded in bulk.
		seeded := items[5]
		as, err := s.Assessment(ctx, seeded.ID)
		if err != nil {
			t.Fatal(err)
		}
		as.Status, as.HasilKerja, as.PerilakuKerja, as.Predikat, as.RatedBy = model.AssessmentRated, model.RatingSesuai, model.RatingSesuai,
			model.PredikatBaik, kabid.EmployeeID
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			return tx.SeedAssessments(ctx, []model.Assessment{as}, nil)
		}); err != nil {
			t.Fatal(err)
		}
		if v := curve("seeded"); v.Check.Counts[model.PredikatBaik] != 1 || v.Open != 8 {
			t.Errorf("after a seeded rating: counts %v, open %d", v.Check.Counts, v.Open)
		}
		// An SKP's end: its OPD's calibration moves on.
		before := curve("before the SKP's end").Calibration.Version
		skp, err := s.SKP(ctx, items[6].SKPID)
		if err != nil {
			t.Fatal(err)
		}
		skp.PeriodEnd = "2026-06-30"
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			return tx.SetSKPStatus(ctx, skp.Version, skp, model.ActApprove)
		}); err != nil {
			t.Fatal(err)
		}
		if after := curve("the SKP's end").Calibration.Version; after <= before {
			t.Errorf("an SKP's end left the calibration at version %d (was %d)", after, before)
		}
		// The capaian.
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, period, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "Koreksi", Version: 1}); err != nil {
			t.Fatal(err)
		}
		if v := curve("capaian"); v.Capaian != model.CapaianBaik || v.Check.Capaian != model.CapaianBaik {
			t.Errorf("after the capaian: %s, %s", v.Capaian, v.Check.Capaian)
		}
	})
}
