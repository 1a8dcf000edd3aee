package app_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestAnnualEvaluationOverEverySKPOfTheYear: Staff2 is transferred on 1
// June, so 2026 holds two SKPs. The annual rating screen of either shows
// both, each with its periodic results (February's rating, predikat and
// rater on the first), the year's realisasi and evidence of the other,
// and a suggestion that counts the periodic results of both SKPs with its
// reasons.
func TestAnnualEvaluationOverEverySKPOfTheYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid, kadis := who["staff2"], who["kabid"], who["kadis"]
		old := approvedStaff2SKP(t, e, who)
		setDay(t, e, "2026-02-20")
		feb := movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodOpen)
		if _, err := e.a.SaveRealisasi(ctx, staff, old.ID, 0, model.Realisasi{PeriodID: feb.ID, IndicatorID: old.RHK[0].Indicators[0].ID,
			Value: "3", Basis: "Laporan pemeliharaan Februari"}); err != nil {
			t.Fatal(err)
		}
		setDay(t, e, "2026-03-03")
		feb = movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodClosed)
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, feb.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "Rencana aksi Februari tercapai"}); err != nil {
			t.Fatal(err)
		}
		it := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: feb.ID}, old.ID)
		rated, err := e.a.RateAssessment(ctx, kabid, it.ID, app.RateInput{HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingSesuai,
			Version: it.Version})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.FinalizeAssessment(ctx, kabid, rated.ID, rated.Version); err != nil {
			t.Fatal(err)
		}

		// The transfer: a new post under the Kadis from 1 June, and a new
		// SKP on it intervening the Kadis' plan.
		setDay(t, e, "2026-06-10")
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff2.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementDefinitif, Start: "2026-06-01"}); err != nil {
			t.Fatal(err)
		}
		kadisSKPs, err := s.SKPs(ctx, store.SKPFilter{InstansiID: e.o.Instansi.ID, EmployeeIDs: []string{e.o.Kadis.ID}, Year: 2026})
		if err != nil || len(kadisSKPs) != 1 {
			t.Fatalf("the Kadis' SKPs: %d, %v", len(kadisSKPs), err)
		}
		kadisSKP, err := s.SKP(ctx, kadisSKPs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		fresh := approve(t, e, kadis, submittedSKP(t, e, staff, kadisSKP.RHK[0].ID, "Tertatanya arsip kepegawaian"))
		if fresh.ID == old.ID || fresh.PeriodStart != "2026-06-01" {
			t.Fatalf("the new SKP = %+v", fresh)
		}

		setDay(t, e, "2027-01-05")
		annual := movePeriods(t, e, 1, model.PeriodAnnual, model.PeriodOpen, model.PeriodClosed)
		list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: e.o.Instansi.ID, PeriodID: annual.ID, Employees: []string{e.o.Staff2.ID}})
		if err != nil || len(list) != 2 {
			t.Fatalf("annual assessments of Staff2: %d, %v", len(list), err)
		}
		var freshAnnual, oldAnnual string
		for _, a := range list {
			switch a.SKPID {
			case fresh.ID:
				freshAnnual = a.ID
			case old.ID:
				oldAnnual = a.ID
			}
		}

		v, err := e.a.AssessmentView(ctx, kadis, freshAnnual)
		if err != nil {
			t.Fatal(err)
		}
		if v.Annual == nil || len(v.Annual.SKPs) != 2 {
			t.Fatalf("the annual screen shows %+v", v.Annual)
		}
		first, second := v.Annual.SKPs[0], v.Annual.SKPs[1]
		if first.SKP.ID != old.ID || first.This || first.Annual == nil || first.Annual.ID != oldAnnual || !second.This || second.SKP.ID != fresh.ID {
			t.Fatalf("SKPs = %+v / %+v", first, second)
		}
		if len(first.Periods) != 1 || first.Periods[0].PeriodID != feb.ID || first.Periods[0].HasilKerja != model.RatingDiAtas ||
			first.Periods[0].Predikat != model.PredikatBaik || first.Periods[0].Rater.Name == "" {
			t.Errorf("the first SKP's periodic results = %+v", first.Periods)
		}
		if len(first.Results) != 2 || first.Results[0].Indicators[0].Realisasi != "3" {
			t.Errorf("the first SKP's year = %+v", first.Results)
		}
		if len(second.Results) != 1 {
			t.Errorf("the second SKP's results = %+v", second.Results)
		}
		sug := v.Annual.Suggestion
		if sug.SKPs != 2 || sug.Periods != 1 || sug.FromPeriods != model.RatingDiAtas || v.Suggestion.Rating != sug.Rating ||
			len(v.Suggestion.Reasons) < 3 || v.Suggestion.Reasons[0].Key != "suggest.annual.skps" {
			t.Errorf("suggestion = %+v", sug)
		}

		// The employee reads the same two SKPs on the first SKP's annual
		// result page.
		mine, err := e.a.AssessmentView(ctx, staff, oldAnnual)
		if err != nil || mine.Annual == nil || len(mine.Annual.SKPs) != 2 || !mine.Annual.SKPs[0].This {
			t.Fatalf("the employee's annual page: %+v, %v", mine.Annual, err)
		}
		// A periodic screen has no annual part.
		if p, err := e.a.AssessmentView(ctx, kabid, it.ID); err != nil || p.Annual != nil {
			t.Errorf("the periodic screen's annual part = %+v, %v", p.Annual, err)
		}
	})
}
