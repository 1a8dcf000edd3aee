package app_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// crowdedKominfo places n more pranata komputer under the Kepala Bidang,
// each with an approved SKP for 2026, closes January, has the Wali Kota
// set the Dinas' capaian, and answers the n assessments the Kepala Bidang
// rates.
func crowdedKominfo(t *testing.T, e env, s *store.Store, who map[string]model.Actor, n int, capaian model.Capaian) []app.AssessmentItem {
	t.Helper()
	ctx := context.Background()
	sys := model.SystemActor(e.o.Instansi.ID, "test")
	var skps []string
	err := s.Write(ctx, sys, func(tx *store.Tx) error {
		for i := range n {
			emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: fmt.Sprintf("199003032015031%03d", 100+i),
				Name: fmt.Sprintf("Pranata %02d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
			if err != nil {
				return err
			}
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
				return err
			}
			sk, err := tx.CreateSKP(ctx, model.SKP{InstansiID: e.o.Instansi.ID, EmployeeID: emp.ID, Year: 2026, PeriodStart: "2026-01-01",
				PeriodEnd: "2026-12-31", Approach: model.ApproachKuantitatif, Format: model.FormatJAJF,
				Employee: model.PersonSnapshot{EmployeeID: emp.ID, Name: emp.Name, NIP: emp.NIP}}, e.o.PosStaff.ID)
			if err != nil {
				return err
			}
			sk.Status = model.SKPApproved
			if err := tx.SetSKPStatus(ctx, sk.Version, sk, model.ActApprove); err != nil {
				return err
			}
			skps = append(skps, sk.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
	if capaian != "" { // "": not set yet
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: capaian,
			Basis: "Capaian Perjanjian Kinerja triwulan"}); err != nil {
			t.Fatal(err)
		}
	}
	var out []app.AssessmentItem
	for _, id := range skps {
		out = append(out, assessmentOf(t, e, who["kabid"], app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID, Limit: 200}, id))
	}
	return out
}

// rateAll rates each assessment with the ratings given, in order.
func rateAll(t *testing.T, e env, rater model.Actor, items []app.AssessmentItem, hk, pk model.Rating) []model.Assessment {
	t.Helper()
	var out []model.Assessment
	for _, it := range items {
		a, err := e.a.RateAssessment(context.Background(), rater, it.ID, app.RateInput{HasilKerja: hk, PerilakuKerja: pk, Version: it.Version})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// Twelve raters' results reach the Sangat Baik maximum of an Istimewa OPD
// (70% of 12 rounds down to 8) all at once: exactly eight are sent, the
// other four are refused, on both engines.
func TestConcurrentFinalisationsKeepTheCurve(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		items := crowdedKominfo(t, e, s, who, 12, model.CapaianIstimewa)
		rated := rateAll(t, e, who["kabid"], items, model.RatingDiAtas, model.RatingDiAtas)
		var wg sync.WaitGroup
		errs := make([]error, len(rated))
		for i, a := range rated {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = e.a.FinalizeAssessment(ctx, who["kabid"], a.ID, a.Version)
			}()
		}
		wg.Wait()
		sent, full := 0, 0
		for _, err := range errs {
			var v *model.StateError
			switch {
			case err == nil:
				sent++
			case errors.As(err, &v) && v.Message.Key == "conflict.assessment.curve.full":
				full++
			default:
				t.Errorf("finalise: %v", err)
			}
		}
		if sent != 8 || full != 4 {
			t.Fatalf("sent %d, refused at the limit %d; want 8 and 4", sent, full)
		}
		entries, err := s.CurveEntries(ctx, e.o.Kominfo.ID, items[0].PeriodID)
		if counts := model.TallyCurve(entries); err != nil || counts.Final[model.PredikatSangatBaik] != 8 {
			t.Fatalf("final counts = %+v, %v", counts.Final, err)
		}
	})
}

func TestCalibrationMovesFinalisesAndLocks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		items := crowdedKominfo(t, e, s, who, 10, model.CapaianBaik)
		period := items[0].PeriodID
		// Seven Baik and three Sangat Baik: within every maximum, but
		// nobody Butuh Perbaikan or Kurang as a Baik curve asks.
		rated := rateAll(t, e, who["kabid"], items[:7], model.RatingSesuai, model.RatingSesuai)
		rated = append(rated, rateAll(t, e, who["kabid"], items[7:], model.RatingDiAtas, model.RatingDiAtas)...)

		v, err := e.a.Curve(ctx, who["kadis"], e.o.Kominfo.ID, period)
		if err != nil {
			t.Fatal(err)
		}
		if v.Capaian != model.CapaianBaik || v.Check.Total != 10 || v.Check.Counts[model.PredikatBaik] != 7 || v.Rated != 10 {
			t.Fatalf("curve = %+v", v.Check)
		}
		// Finalising is not offered while results are not sent, and the
		// screen says why.
		if len(v.Check.Violations) != 1 || v.Check.Small || v.Can.Finalize || v.Can.Override || v.Can.Unlock ||
			v.Can.FinalizeRefused.Key != "conflict.calibration.pending" || fmt.Sprint(v.Can.FinalizeRefused.Args) != "[10]" {
			t.Errorf("violations %d, small %v, rights %+v", len(v.Check.Violations), v.Check.Small, v.Can)
		}
		// A staff member reads no curve; the Kepala Bidang rates but does
		// not calibrate.
		if _, err := e.a.Curve(ctx, who["staff1"], e.o.Kominfo.ID, period); err == nil {
			t.Error("a staff member reads the OPD's curve")
		}
		if _, err := e.a.MoveAssessment(ctx, who["kabid"], rated[0].ID, app.MoveInput{Version: rated[0].Version, HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai, Reason: "kalibrasi"}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the rater moves a rating: %v", err)
		}

		// Finalising needs everyone sent; the rater sends them.
		if _, err := e.a.FinalizeCalibration(ctx, who["kadis"], e.o.Kominfo.ID, period, ""); err == nil {
			t.Error("the OPD's period finalised with results not yet sent")
		}
		for i, a := range rated {
			if rated[i], err = e.a.FinalizeAssessment(ctx, who["kabid"], a.ID, a.Version); err != nil {
				t.Fatalf("finalise %s: %v", a.Employee.Name, err)
			}
		}
		// Nobody below Baik breaks the curve: the Kepala Dinas cannot
		// finalise, BKPSDM can, with a written reason only.
		_, err = e.a.FinalizeCalibration(ctx, who["kadis"], e.o.Kominfo.ID, period, "")
		refusedBy(t, "a broken curve by the OPD head", err, "override_reason", "invalid.calibration.broken")
		_, err = e.a.FinalizeCalibration(ctx, e.admin, e.o.Kominfo.ID, period, " ")
		refusedBy(t, "an override without a reason", err, "override_reason", "invalid.calibration.reason")
		v, err = e.a.FinalizeCalibration(ctx, e.admin, e.o.Kominfo.ID, period, "Unit baru terbentuk; seluruh pegawai mencapai target")
		if err != nil {
			t.Fatal(err)
		}
		if v.Calibration.Status != model.CalibrationFinal || v.Calibration.OverrideReason == "" || !v.Can.Unlock {
			t.Fatalf("calibration = %+v, rights %+v", v.Calibration, v.Can)
		}
		// Locked: no move.
		if _, err := e.a.MoveAssessment(ctx, who["kadis"], rated[0].ID, app.MoveInput{Version: rated[0].Version, HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai, Reason: "x"}); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a move after the lock: %v", err)
		}
		// An audited unlock reopens it.
		_, err = e.a.UnlockCalibration(ctx, e.admin, e.o.Kominfo.ID, period, "")
		refusedBy(t, "unlock without a reason", err, "reason", "invalid.calibration.reason")
		if _, err := e.a.UnlockCalibration(ctx, who["kadis"], e.o.Kominfo.ID, period, "koreksi"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the OPD head unlocks: %v", err)
		}
		v, err = e.a.UnlockCalibration(ctx, e.admin, e.o.Kominfo.ID, period, "Kalibrasi ulang atas permintaan Kepala Dinas")
		if err != nil || v.Calibration.Status != model.CalibrationOpen {
			t.Fatalf("unlock = %+v, %v", v.Calibration, err)
		}

		// The Kepala Dinas moves one Baik down, with a reason both the
		// rated person and the rater are told.
		_, err = e.a.MoveAssessment(ctx, who["kadis"], rated[0].ID, app.MoveInput{Version: rated[0].Version, HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai, Reason: "  "})
		refusedBy(t, "move without a reason", err, "reason", "invalid.calibration.reason")
		moved, err := e.a.MoveAssessment(ctx, who["kadis"], rated[0].ID, app.MoveInput{Version: rated[0].Version, HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai, Reason: "Dua dari tiga target utama tidak tercapai menurut bukti dukung."})
		if err != nil {
			t.Fatal(err)
		}
		if moved.Predikat != model.PredikatButuhPerbaikan || moved.Status != model.AssessmentFinal {
			t.Errorf("moved = %s, %s", moved.Predikat, moved.Status)
		}
		view, err := e.a.AssessmentView(ctx, who["kabid"], moved.ID)
		if err != nil || len(view.Moves) != 1 || view.Moves[0].From.Predikat != model.PredikatBaik || view.Moves[0].MovedBy != e.o.Kadis.ID {
			t.Errorf("moves seen by the rater = %+v, %v", view.Moves, err)
		}
		for _, id := range []string{moved.EmployeeID, e.o.Kabid.ID} {
			notes, _ := s.Notifications(ctx, id, 5)
			if len(notes) == 0 || notes[0].Kind != "assessment.moved" {
				t.Errorf("%s was not told of the move: %+v", id, notes)
				continue
			}
			// The reason's own full stop ends its sentence: not doubled.
			for _, lang := range []string{"id", "en"} {
				title, body := app.RenderNotification(lang, notes[0])
				if !strings.Contains(body, "bukti dukung.") || strings.Contains(title+body, "..") {
					t.Errorf("%s's notice in %s: %q / %q", id, lang, title, body)
				}
			}
		}
		// Now the curve holds: the Kepala Dinas finalises without override.
		v, err = e.a.FinalizeCalibration(ctx, who["kadis"], e.o.Kominfo.ID, period, "")
		if err != nil || v.Calibration.Status != model.CalibrationFinal || v.Calibration.OverrideReason != "" {
			t.Fatalf("finalise after calibration = %+v, %v", v.Calibration, err)
		}
		entries, err := e.a.Audit(ctx, e.admin, model.AuditFilter{EntityType: "calibration"})
		if err != nil || len(entries) != 4 {
			t.Errorf("calibration audit entries = %d, %v", len(entries), err)
		}
	})
}
