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

// Every can of the calibration screen and of an assessment is true only
// when the act would be accepted now: the tests below do, at each step
// of a period's assessment, every act the rights offer (and expect it
// accepted, undoing it where it would change the step) and every act
// they withhold (and expect it refused).

// curveCansHold acts on the calibration of the OPD's period as actor
// reads it: finalising (with an override reason where the curve needs
// it) and unlocking. An accepted finalisation is unlocked again by
// BKPSDM, an accepted unlock finalised again, so the step stays as it
// was.
func curveCansHold(t *testing.T, e env, actor model.Actor, who, opdID, periodID string) app.CalibrationRights {
	t.Helper()
	ctx := context.Background()
	v, err := e.a.Curve(ctx, actor, opdID, periodID)
	if errors.Is(err, model.ErrForbidden) {
		return app.CalibrationRights{} // not theirs to read (the rater)
	}
	if err != nil {
		t.Fatalf("%s reads the curve: %v", who, err)
	}
	can := v.Can
	if can.Finalize && can.FinalizeRefused.Key != "" {
		t.Errorf("%s: finalising offered with a reason against it: %v", who, can.FinalizeRefused)
	}
	if can.Override && !can.Finalize {
		t.Errorf("%s: override offered without finalising", who)
	}
	reason := ""
	if v.Final.Breaks() || can.Override {
		reason = "Sebaran disetujui BKPSDM"
	}
	if v.Calibration.Status != model.CalibrationFinal {
		_, err = e.a.FinalizeCalibration(ctx, actor, opdID, periodID, reason)
		switch {
		case can.Finalize && err != nil:
			t.Errorf("%s: can.finalize, but finalising is refused: %v", who, err)
		case !can.Finalize && err == nil:
			t.Errorf("%s: finalising accepted while can.finalize is false (%v)", who, can.FinalizeRefused)
		}
		if err == nil {
			if _, err := e.a.UnlockCalibration(ctx, e.admin, opdID, periodID, "Uji hak: dibuka kembali"); err != nil {
				t.Fatalf("unlock after the test's finalisation: %v", err)
			}
		}
	}
	_, err = e.a.UnlockCalibration(ctx, actor, opdID, periodID, "Uji hak: dibuka kembali")
	switch {
	case can.Unlock && err != nil:
		t.Errorf("%s: can.unlock, but unlocking is refused: %v", who, err)
	case !can.Unlock && err == nil:
		t.Errorf("%s: unlocking accepted while can.unlock is false", who)
	}
	if err == nil {
		if _, err := e.a.FinalizeCalibration(ctx, e.admin, opdID, periodID, "Sebaran disetujui BKPSDM"); err != nil {
			t.Fatalf("finalise again after the test's unlock: %v", err)
		}
	}
	return can
}

// assessmentCansHold acts on each assessment of the period actor lists:
// an act whose can is false is refused; an act whose can is true is
// accepted: rating (again with the ratings it has; a result not rated
// yet Baik, from the eighth on Sangat Baik),
// sending, confirming receipt, and a calibration move (moved back at
// once).
func assessmentCansHold(t *testing.T, e env, actor model.Actor, who string, f app.AssessmentFilter) {
	t.Helper()
	ctx := context.Background()
	f.Limit = 200
	list := func() []app.AssessmentItem {
		page, err := e.a.Assessments(ctx, actor, f)
		if err != nil {
			t.Fatalf("%s lists assessments: %v", who, err)
		}
		return page.Items
	}
	// Each assessment as listed after the acts on the one before: an
	// act on one may change what another allows (a result sent takes
	// room in the pattern).
	for i := range list() {
		it := list()[i]
		name := who + " on " + it.Employee.Name
		version := it.Version
		hk, pk := it.HasilKerja, it.PerilakuKerja
		if hk == "" && i < 7 { // the first seven Baik, the others Sangat Baik
			hk, pk = model.RatingSesuai, model.RatingSesuai
		} else if hk == "" {
			hk, pk = model.RatingDiAtas, model.RatingDiAtas
		}
		accepted := func(act string, can bool, err error) bool {
			t.Helper()
			switch {
			case can && err != nil:
				t.Errorf("%s: can.%s, but %s is refused: %v", name, act, act, err)
			case !can && err == nil:
				t.Errorf("%s: %s accepted while can.%s is false", name, act, act)
			}
			return err == nil
		}
		// The acts withheld first (a refusal changes nothing), then
		// those offered, in the order of the flow.
		if !it.Can.Calibrate {
			_, err := e.a.MoveAssessment(ctx, actor, it.ID, app.MoveInput{Version: version, HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingDiBawah, Reason: "Uji hak"})
			accepted("calibrate", false, err)
		}
		if !it.Can.Acknowledge {
			_, err := e.a.AcknowledgeAssessment(ctx, actor, it.ID)
			accepted("acknowledge", false, err)
		}
		if !it.Can.Finalize {
			_, err := e.a.FinalizeAssessment(ctx, actor, it.ID, version)
			accepted("finalize", false, err)
		}
		if !it.Can.Rate {
			_, err := e.a.RateAssessment(ctx, actor, it.ID, app.RateInput{HasilKerja: hk, PerilakuKerja: pk, Version: version})
			accepted("rate", false, err)
		}
		if it.Can.Rate {
			as, err := e.a.RateAssessment(ctx, actor, it.ID, app.RateInput{HasilKerja: hk, PerilakuKerja: pk, Note: it.Note, Version: version})
			if accepted("rate", true, err) {
				version = as.Version
			}
		}
		if it.Can.Finalize {
			as, err := e.a.FinalizeAssessment(ctx, actor, it.ID, version)
			if accepted("finalize", true, err) {
				version = as.Version
			}
		}
		if it.Can.Acknowledge {
			_, err := e.a.AcknowledgeAssessment(ctx, actor, it.ID)
			accepted("acknowledge", true, err)
		}
		if it.Can.Calibrate && !it.Leader {
			to := model.RatingDiBawah
			if it.PerilakuKerja == model.RatingDiBawah {
				to = model.RatingSesuai
			}
			as, err := e.a.MoveAssessment(ctx, actor, it.ID, app.MoveInput{Version: version, HasilKerja: it.HasilKerja, PerilakuKerja: to, Reason: "Uji hak: dipindah"})
			if accepted("calibrate", true, err) {
				if _, err := e.a.MoveAssessment(ctx, actor, it.ID, app.MoveInput{Version: as.Version, HasilKerja: it.HasilKerja, PerilakuKerja: it.PerilakuKerja, Reason: "Uji hak: dikembalikan"}); err != nil {
					t.Fatalf("%s: move back: %v", name, err)
				}
			}
		}
	}
}

// TestCansOfCalibrationAndAssessmentHold walks an OPD's period from the
// assessments just made to a finalised curve, and at each step has the
// rater, the OPD head, BKPSDM and a staff member do what their rights
// offer and what they withhold.
func TestCansOfCalibrationAndAssessmentHold(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		items := crowdedKominfo(t, e, s, who, 10, model.CapaianBaik)
		period, opd := items[0].PeriodID, e.o.Kominfo.ID
		actors := []struct {
			name   string
			actor  model.Actor
			filter app.AssessmentFilter
		}{{"the rater", who["kabid"], app.AssessmentFilter{PeriodID: period, RatedByMe: true}},
			{"the OPD head", who["kadis"], app.AssessmentFilter{PeriodID: period, OPDID: opd}},
			{"BKPSDM", e.admin, app.AssessmentFilter{PeriodID: period, OPDID: opd}}}
		step := func(label string) {
			t.Helper()
			t.Run(label, func(t *testing.T) {
				for _, a := range actors {
					curveCansHold(t, e, a.actor, a.name, opd, period)
					assessmentCansHold(t, e, a.actor, a.name, a.filter)
				}
			})
		}

		// Open: nothing rated. The rights of the head and BKPSDM withhold
		// finalising, and say why.
		for _, a := range actors[1:] {
			v, err := e.a.Curve(ctx, a.actor, opd, period)
			if err != nil || v.Can.Finalize || v.Can.Override || v.Can.FinalizeRefused.Key != "conflict.calibration.pending" {
				t.Errorf("%s with nothing sent: can %+v, %v", a.name, v.Can, err)
			}
		}
		step("open")

		// Rated (by the test, or by the rater's own acts above), not sent.
		page, err := e.a.Assessments(ctx, who["kabid"], app.AssessmentFilter{PeriodID: period, RatedByMe: true, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		var open []app.AssessmentItem
		for _, it := range page.Items {
			if it.Status == model.AssessmentOpen {
				open = append(open, it)
			}
		}
		rateAll(t, e, who["kabid"], open, model.RatingDiAtas, model.RatingDiAtas)
		step("rated")

		// Sent: the rater's acts in the step above sent what could be
		// sent; send the rest, then the curve: seven Baik and three
		// Sangat Baik break the Baik pattern, which only BKPSDM may
		// finalise.
		page, err = e.a.Assessments(ctx, who["kabid"], app.AssessmentFilter{PeriodID: period, RatedByMe: true, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range page.Items {
			if it.Status == model.AssessmentRated {
				if _, err := e.a.FinalizeAssessment(ctx, who["kabid"], it.ID, it.Version); err != nil {
					t.Fatalf("%s not sent: %v", it.Employee.Name, err)
				}
			}
		}
		step("sent")
		if v, err := e.a.Curve(ctx, who["kadis"], opd, period); err == nil && v.Final.Breaks() &&
			(v.Can.Finalize || v.Can.FinalizeRefused.Key != "invalid.calibration.broken") {
			t.Errorf("the OPD head on a broken curve: can %+v", v.Can)
		}

		// Final.
		if _, err := e.a.FinalizeCalibration(ctx, e.admin, opd, period, "Sebaran disetujui BKPSDM"); err != nil {
			t.Fatal(err)
		}
		step("final")
	})
}
