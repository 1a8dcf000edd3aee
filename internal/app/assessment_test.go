package app_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// assessmentOf returns the one assessment of an SKP in a period, as the
// actor lists them.
func assessmentOf(t *testing.T, e env, actor model.Actor, f app.AssessmentFilter, skpID string) app.AssessmentItem {
	t.Helper()
	page, err := e.a.Assessments(context.Background(), actor, f)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range page.Items {
		if it.SKPID == skpID {
			return it
		}
	}
	t.Fatalf("no assessment of SKP %s among %d", skpID, len(page.Items))
	return app.AssessmentItem{}
}

func TestClosingAPeriodOpensAssessmentsForTheRaterOfTheDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		skp := approvedStaffSKP(t, e, s, staff) // one RHK utama, target 12 layanan a year
		jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen)
		in := skp.RHK[0].Indicators[0]
		if _, err := e.a.SaveRealisasi(ctx, staff, skp.ID, 0, model.Realisasi{PeriodID: jan.ID, IndicatorID: in.ID, Value: "1",
			Basis: "Laporan Januari"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-01-14", RHKID: skp.RHK[0].ID,
			Description: "Melayani permohonan daring", Minutes: 90}); err != nil {
			t.Fatal(err)
		}
		// Nothing to rate while the period is open.
		if page, err := e.a.Assessments(ctx, kabid, app.AssessmentFilter{RatedByMe: true}); err != nil || len(page.Items) != 0 {
			t.Fatalf("assessments before closing = %d, %v", len(page.Items), err)
		}
		jan.Status = model.PeriodClosed
		if err := e.movePeriod(ctx, jan, ""); err != nil {
			t.Fatal(err)
		}
		item := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, skp.ID)
		if item.Status != model.AssessmentOpen || item.Regime != model.CurrentRegime || item.Leader || item.OPDID != e.o.Kominfo.ID {
			t.Errorf("assessment = %+v", item.Assessment)
		}
		if !item.Can.Rate || item.Can.Finalize || item.Can.Acknowledge {
			t.Errorf("the rater's rights = %+v", item.Can)
		}
		// Closing again after a reopening adds nothing.
		jan.Status = model.PeriodOpen
		if err := e.movePeriod(ctx, jan, ""); err != nil {
			t.Fatal(err)
		}
		jan.Status = model.PeriodClosed
		if err := e.movePeriod(ctx, jan, ""); err != nil {
			t.Fatal(err)
		}
		all, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: e.o.Instansi.ID, SKPID: skp.ID})
		if err != nil || len(all) != 1 {
			t.Fatalf("assessments of the SKP after closing twice = %d, %v", len(all), err)
		}

		// The rating screen shows what the rating rests on.
		v, err := e.a.AssessmentView(ctx, kabid, item.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Results) != 1 || len(v.Results[0].Indicators) != 1 {
			t.Fatalf("results = %+v", v.Results)
		}
		ind := v.Results[0].Indicators[0]
		if ind.Realisasi != "1" || ind.Basis != "Laporan Januari" || ind.Standing != model.StandingMeets || math.Abs(ind.Share-1.0/12) > 1e-9 {
			t.Errorf("indicator = %+v", ind)
		}
		if v.Results[0].Progress.Entries != 1 || v.Results[0].Progress.Minutes != 90 {
			t.Errorf("progress = %+v", v.Results[0].Progress)
		}
		if v.Suggestion.Rating != model.RatingSesuai || len(v.Suggestion.Reasons) == 0 {
			t.Errorf("suggestion = %+v", v.Suggestion)
		}
		if len(v.Behaviours) != 7 || v.Rater.EmployeeID != e.o.Kabid.ID {
			t.Errorf("behaviours %d, rater %+v", len(v.Behaviours), v.Rater)
		}

		// Who may see it: the employee and their line; a colleague and
		// another OPD's employee do not know it exists.
		if v, err := e.a.AssessmentView(ctx, staff, item.ID); err != nil || v.Can.Rate {
			t.Errorf("the employee's view: %+v, %v", v.Can, err)
		}
		for _, name := range []string{"staff2", "nurse"} {
			if _, err := e.a.AssessmentView(ctx, who[name], item.ID); !app.IsNotFound(err) {
				t.Errorf("%s reads the assessment: %v", name, err)
			}
		}
	})
}

func TestRatingComputesThePredikatAndChecksItsInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		skp := approvedStaffSKP(t, e, s, staff)
		jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		item := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, skp.ID)

		// The employee cannot rate themselves, nor can a colleague.
		if _, err := e.a.RateAssessment(ctx, staff, item.ID, app.RateInput{HasilKerja: model.RatingDiAtas,
			PerilakuKerja: model.RatingDiAtas, Version: item.Version}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("self-rating: %v", err)
		}
		// Ratings outside the three levels, feedback aimed elsewhere.
		_, err := e.a.RateAssessment(ctx, kabid, item.ID, app.RateInput{HasilKerja: "istimewa", PerilakuKerja: "",
			Feedback: model.AssessmentFeedback{RHK: map[string]string{"rhk-lain": "bagus"}}, Version: item.Version})
		refusedBy(t, "hasil kerja istimewa", err, "hasil_kerja", "invalid.rating")
		refusedBy(t, "no perilaku kerja", err, "perilaku_kerja", "invalid.rating")
		refusedBy(t, "feedback on another RHK", err, "feedback.rhk", "invalid.assessment.feedback.rhk")
		if got, _ := s.Assessment(ctx, item.ID); got.Version != item.Version || got.Status != model.AssessmentOpen {
			t.Fatalf("a refused rating changed the assessment: %+v", got)
		}

		rated, err := e.a.RateAssessment(ctx, kabid, item.ID, app.RateInput{HasilKerja: model.RatingDiAtas,
			PerilakuKerja: model.RatingSesuai, Note: "  Pertahankan.  ", Version: item.Version,
			Feedback: model.AssessmentFeedback{RHK: map[string]string{skp.RHK[0].ID: "Layanan tepat waktu"},
				Behaviours: map[model.CoreValue]string{model.Kolaboratif: "Aktif membantu rekan"}}})
		if err != nil {
			t.Fatal(err)
		}
		if rated.Predikat != model.PredikatBaik || rated.Status != model.AssessmentRated || rated.Note != "Pertahankan." ||
			rated.Rater.EmployeeID != e.o.Kabid.ID || rated.RatedBy != e.o.Kabid.ID {
			t.Errorf("rated = %+v", rated)
		}
		// A stale version is refused; the rater may change the rating.
		if _, err := e.a.RateAssessment(ctx, kabid, item.ID, app.RateInput{HasilKerja: model.RatingDiAtas,
			PerilakuKerja: model.RatingDiAtas, Version: item.Version}); !errors.Is(err, model.ErrStale) {
			t.Errorf("stale version: %v", err)
		}
		again, err := e.a.RateAssessment(ctx, kabid, item.ID, app.RateInput{HasilKerja: model.RatingDiAtas,
			PerilakuKerja: model.RatingDiAtas, Version: rated.Version})
		if err != nil || again.Predikat != model.PredikatSangatBaik {
			t.Fatalf("re-rated = %+v, %v", again, err)
		}
		// Every rating is in the audit log.
		entries, err := e.a.Audit(ctx, e.admin, model.AuditFilter{EntityType: "assessment", EntityID: item.ID})
		if err != nil || len(entries) != 2 {
			t.Errorf("audit entries = %d, %v", len(entries), err)
		}
		// Sending it needs the OPD's capaian kinerja organisasi.
		_, err = e.a.FinalizeAssessment(ctx, kabid, item.ID, again.Version)
		if k := refusedKey(err); k != "conflict.assessment.nocapaian" {
			t.Errorf("%s: want the 409 %s, got %v", "finalise without capaian", "conflict.assessment.nocapaian", err)
		}
	})
}

func TestAnOPDHeadsHasilKerjaFollowsTheCapaian(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kadisSKP, err := e.a.CreateSKP(ctx, who["kadis"], e.o.Kadis.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		approvedStaffSKPFrom(t, e, s, kadisSKP.ID)
		jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		item := assessmentOf(t, e, who["wali"], app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, kadisSKP.ID)
		if !item.Leader {
			t.Fatalf("the Kadis' assessment is not a leader's: %+v", item.Assessment)
		}
		_, err = e.a.RateAssessment(ctx, who["wali"], item.ID, app.RateInput{HasilKerja: model.RatingDiAtas,
			PerilakuKerja: model.RatingSesuai, Version: item.Version})
		if k := refusedKey(err); k != "conflict.assessment.leader.nocapaian" {
			t.Errorf("%s: want the 409 %s, got %v", "leader without capaian", "conflict.assessment.leader.nocapaian", err)
		}
	})
}

// The annual assessment rests on the year: the periods' realisasi add up
// to the year's, and the periodic assessments are listed beside it.
func TestAnnualAssessmentRestsOnTheYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		skp := approvedStaffSKP(t, e, s, staff) // target 12 layanan a year
		in := skp.RHK[0].Indicators[0]
		for n, value := range map[int]string{1: "1", 2: "2"} {
			p := movePeriods(t, e, n, model.PeriodMonthly, model.PeriodOpen)
			if _, err := e.a.SaveRealisasi(ctx, staff, skp.ID, 0, model.Realisasi{PeriodID: p.ID, IndicatorID: in.ID, Value: value, Basis: "Laporan"}); err != nil {
				t.Fatal(err)
			}
			p.Status = model.PeriodClosed
			if err := e.movePeriod(ctx, p, ""); err != nil {
				t.Fatal(err)
			}
		}
		year := movePeriods(t, e, 1, model.PeriodAnnual, model.PeriodOpen, model.PeriodClosed)
		item := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: year.ID}, skp.ID)
		v, err := e.a.AssessmentView(ctx, kabid, item.ID)
		if err != nil {
			t.Fatal(err)
		}
		ind := v.Results[0].Indicators[0]
		if ind.Realisasi != "3" || ind.Share != 1 || ind.Standing != model.StandingBelow {
			t.Errorf("the year's indicator = %+v", ind)
		}
		if v.Suggestion.Rating != model.RatingDiBawah {
			t.Errorf("suggestion = %+v", v.Suggestion)
		}
		if len(v.Year) != 2 || v.Year[0].Period.Number != 1 || v.Year[1].Period.Number != 2 {
			t.Errorf("the year's periodic assessments = %+v", v.Year)
		}
	})
}
