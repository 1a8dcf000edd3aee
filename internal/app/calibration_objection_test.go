package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A result under keberatan is not calibration's to move: while the
// objection waits and after it is decided, the calibration list and the
// OPD's assessments offer no move and say why, and the move is refused
// with that reason.
func TestCalibrationLeavesAResultUnderObjection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid, kadis := who["staff1"], who["kabid"], who["kadis"]
		approvedStaffSKP(t, e, s, staff)
		e.clock.set(time.Date(2026, 3, 3, 2, 0, 0, 0, time.UTC))
		as := finalAssessment(t, e, s, who, model.PeriodAnnual, 1, time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC))
		// What the calibration screen and the OPD's list offer BKPSDM.
		offered := func(stage string) app.AssessmentRights {
			t.Helper()
			v, err := e.a.Curve(ctx, e.admin, as.OPDID, as.PeriodID)
			if err != nil {
				t.Fatal(err)
			}
			items, err := e.a.CalibrationItems(ctx, e.admin, v, "", 100)
			if err != nil || len(items.Items) != 1 || items.Items[0].ID != as.ID {
				t.Fatalf("%s: calibration items = %+v, %v", stage, items.Items, err)
			}
			list, err := e.a.Assessments(ctx, e.admin, app.AssessmentFilter{OPDID: as.OPDID, PeriodID: as.PeriodID})
			if err != nil || len(list.Items) != 1 {
				t.Fatalf("%s: the OPD's assessments = %+v, %v", stage, list.Items, err)
			}
			if list.Items[0].Can.Calibrate != items.Items[0].Can.Calibrate || list.Items[0].Can.CalibrateRefused.Key != items.Items[0].Can.CalibrateRefused.Key {
				t.Errorf("%s: the calibration list offers %+v, the OPD's list %+v", stage, items.Items[0].Can, list.Items[0].Can)
			}
			return items.Items[0].Can
		}
		refusedWith := func(stage string, err error, key string) {
			t.Helper()
			var m model.Message
			if !errors.Is(err, model.ErrInvalidTransition) || !errors.As(err, &m) || m.Key != key {
				t.Errorf("%s: move = %v, want refused with %s", stage, err, key)
			}
		}
		if can := offered("before"); !can.Calibrate || can.CalibrateRefused.Key != "" {
			t.Fatalf("before the objection: %+v", can)
		}
		o, err := e.a.SubmitObjection(ctx, staff, as.ID, "Realisasi saya melampaui target.")
		if err != nil {
			t.Fatal(err)
		}
		if can := offered("open"); can.Calibrate || can.CalibrateRefused.Key != "conflict.calibration.objection" {
			t.Errorf("while the objection is open: %+v", can)
		}
		_, err = e.a.MoveAssessment(ctx, e.admin, as.ID, app.MoveInput{Version: as.Version, HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai, Reason: "Kalibrasi OPD"})
		refusedWith("open", err, "conflict.calibration.objection")
		if o, err = e.a.ExplainObjection(ctx, kabid, o.ID, "Dua indikator belum didukung bukti.", o.Version); err != nil {
			t.Fatal(err)
		}
		if can := offered("explained"); can.Calibrate || can.CalibrateRefused.Key != "conflict.calibration.objection" {
			t.Errorf("once explained: %+v", can)
		}
		if _, err = e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionKeep, Note: "Tetap", Version: o.Version}); err != nil {
			t.Fatal(err)
		}
		if can := offered("decided"); can.Calibrate || can.CalibrateRefused.Key != "conflict.assessment.decided" {
			t.Errorf("once decided: %+v", can)
		}
		got, _ := s.Assessment(ctx, as.ID)
		_, err = e.a.MoveAssessment(ctx, e.admin, as.ID, app.MoveInput{Version: got.Version, HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai, Reason: "Kalibrasi OPD"})
		refusedWith("decided", err, "conflict.assessment.decided")
		if after, _ := s.Assessment(ctx, as.ID); after.Predikat != as.Predikat || after.Version != got.Version {
			t.Errorf("the result changed: %+v", after)
		}
	})
}
