package app_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The follow-up kinds follow the predikat: a reward for Sangat Baik, a
// sanction for Kurang and Sangat Kurang, training for any; the read
// model offers exactly the kinds the write accepts.
func TestFollowUpKindsFollowThePredikat(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kabid := who["kabid"]
		_, item := sentAnnualResult(t, e, s, who, model.CapaianBaik, "Capaian PK tahunan 92%", model.RatingSesuai)
		for _, c := range []struct {
			hk, pk   model.Rating
			predikat model.Predikat
			allowed  []model.FollowUpKind
		}{
			{model.RatingSesuai, model.RatingSesuai, model.PredikatBaik, []model.FollowUpKind{model.FollowUpTraining}},
			{model.RatingDiAtas, model.RatingDiAtas, model.PredikatSangatBaik, []model.FollowUpKind{model.FollowUpTraining, model.FollowUpReward}},
			{model.RatingDiBawah, model.RatingDiBawah, model.PredikatSangatKurang, []model.FollowUpKind{model.FollowUpImprovement, model.FollowUpTraining, model.FollowUpSanction}},
		} {
			v, err := e.a.AssessmentView(ctx, e.admin, item.ID)
			if err != nil {
				t.Fatal(err)
			}
			if v.Assessment.Predikat != c.predikat {
				if _, err := e.a.MoveAssessment(ctx, e.admin, item.ID, app.MoveInput{Version: v.Assessment.Version, HasilKerja: c.hk, PerilakuKerja: c.pk, Reason: "Kalibrasi uji"}); err != nil {
					t.Fatalf("move to %s: %v", c.predikat, err)
				}
				if v, err = e.a.AssessmentView(ctx, kabid, item.ID); err != nil {
					t.Fatal(err)
				}
			}
			if v.Assessment.Predikat != c.predikat {
				t.Fatalf("predikat = %s, want %s", v.Assessment.Predikat, c.predikat)
			}
			if !v.Can.FollowUp || !slices.Equal(v.Can.FollowUpKinds, c.allowed) {
				t.Errorf("%s: the form offers %v, want %v", c.predikat, v.Can.FollowUpKinds, c.allowed)
			}
			for _, k := range model.FollowUpKinds {
				_, err := e.a.CreateFollowUp(ctx, e.admin, item.ID, app.FollowUpInput{Kind: k, Title: "Tindak lanjut " + string(k)})
				switch {
				case slices.Contains(c.allowed, k) && err != nil:
					t.Errorf("%s: %s refused: %v", c.predikat, k, err)
				case !slices.Contains(c.allowed, k) && err == nil:
					t.Errorf("%s: %s accepted", c.predikat, k)
				case k == model.FollowUpReward && !slices.Contains(c.allowed, k):
					refusedBy(t, string(c.predikat)+" reward", err, "kind", "invalid.followup.reward")
				case k == model.FollowUpSanction && !slices.Contains(c.allowed, k):
					refusedBy(t, string(c.predikat)+" sanction", err, "kind", "invalid.followup.sanction")
				}
			}
		}
	})
}

// An improvement plan still open after its review day is terlambat, by
// the days on the instansi's clock; the board puts it first and can show
// only those; a closed one is never late.
func TestOverdueImprovementPlans(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		_, item := sentAnnualResult(t, e, s, who, model.CapaianKurang, "Capaian PK tahunan 40%", model.RatingDiBawah)
		plan, err := e.a.CreateFollowUp(ctx, kabid, item.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana perbaikan"})
		if err != nil {
			t.Fatal(err)
		}
		training, err := e.a.CreateFollowUp(ctx, kabid, item.ID, app.FollowUpInput{Kind: model.FollowUpTraining, Title: "Bimtek"})
		if err != nil {
			t.Fatal(err)
		}
		if plan.Overdue != 0 {
			t.Errorf("a new plan is %d days late", plan.Overdue)
		}
		board := func(only bool) (app.FollowUpBoard, int) {
			t.Helper()
			b, late, err := e.a.FollowUpBoardOf(ctx, e.admin, app.FollowUpBoardQuery{Year: 2026, Overdue: only})
			if err != nil {
				t.Fatal(err)
			}
			return b, late
		}
		// On the review day itself (23:00 WIB), not yet late.
		due := plan.ReviewDue.Time()
		e.clock.t = time.Date(due.Year(), due.Month(), due.Day(), 16, 0, 0, 0, time.UTC)
		if b, late := board(true); late != 0 || len(b.Open) != 0 {
			t.Errorf("late on the review day: %d, %+v", late, b.Open)
		}
		// 01:00 WIB three days on is still the evening before in UTC:
		// three days late on the instansi's clock.
		e.clock.t = time.Date(due.Year(), due.Month(), due.Day()+2, 18, 0, 0, 0, time.UTC)
		b, late := board(false)
		if late != 1 || len(b.Open) != 2 || b.Open[0].ID != plan.ID || b.Open[0].Overdue != 3 || b.Open[1].Overdue != 0 {
			t.Fatalf("board: late %d, open %+v", late, b.Open)
		}
		if b, _ := board(true); len(b.Open) != 1 || b.Open[0].ID != plan.ID {
			t.Errorf("only the late: %+v", b.Open)
		}
		v, err := e.a.AssessmentView(ctx, staff, item.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, fu := range v.FollowUps {
			if (fu.ID == plan.ID) != (fu.Overdue == 3) || (fu.ID == training.ID && fu.Overdue != 0) {
				t.Errorf("on the page: %s overdue %d", fu.Kind, fu.Overdue)
			}
		}
		done, err := e.a.ProgressFollowUp(ctx, kabid, plan.ID, plan.Version, model.FollowUpDone, "Kinerja membaik pada reviu")
		if err != nil || done.Overdue != 0 {
			t.Fatalf("done: %+v, %v", done, err)
		}
		if _, late := board(false); late != 0 {
			t.Errorf("a done plan still late: %d", late)
		}
	})
}

// sentAnnualResult sends Staff1's annual result of 2026 as rated by the
// Kabid (hasil kerja hk, perilaku kerja sesuai) under the OPD's capaian.
func sentAnnualResult(t *testing.T, e env, s *store.Store, who map[string]model.Actor, capaian model.Capaian, basis string, hk model.Rating) (model.Period, app.AssessmentItem) {
	t.Helper()
	ctx := context.Background()
	kabid := who["kabid"]
	skp := approvedStaffSKP(t, e, s, who["staff1"])
	year := movePeriods(t, e, 1, model.PeriodAnnual, model.PeriodOpen, model.PeriodClosed)
	if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, year.ID, app.UnitPerformanceRequest{Capaian: capaian, Basis: basis}); err != nil {
		t.Fatal(err)
	}
	item := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: year.ID}, skp.ID)
	rated, err := e.a.RateAssessment(ctx, kabid, item.ID, app.RateInput{HasilKerja: hk, PerilakuKerja: model.RatingSesuai, Version: item.Version})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.FinalizeAssessment(ctx, kabid, item.ID, rated.Version); err != nil {
		t.Fatal(err)
	}
	return year, item
}
