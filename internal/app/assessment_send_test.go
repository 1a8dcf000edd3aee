package app_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Once the Sangat Baik maximum of an Istimewa OPD is full (8 of 12), the
// rater's screen and list no longer offer sending a Sangat Baik draft:
// can.finalize is false with the limit named, while changing the rating
// stays offered, and a draft whose predikat has room is offered again.
// The act still refuses at the limit.
func TestSendingIsOfferedOnlyWithinTheCurve(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kabid := who["kabid"]
		items := crowdedKominfo(t, e, s, who, 12, model.CapaianIstimewa)
		rated := rateAll(t, e, kabid, items, model.RatingDiAtas, model.RatingDiAtas)
		v, err := e.a.AssessmentView(ctx, kabid, rated[0].ID)
		if err != nil || !v.Can.Finalize || v.Can.FinalizeRefused.Key != "" {
			t.Fatalf("before the limit is full: %+v, %v", v.Can, err)
		}
		for _, a := range rated[:8] {
			if _, err := e.a.FinalizeAssessment(ctx, kabid, a.ID, a.Version); err != nil {
				t.Fatal(err)
			}
		}
		rest := rated[8:]
		for _, a := range rest {
			v, err := e.a.AssessmentView(ctx, kabid, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if v.Can.Finalize || !v.Can.Rate || v.Can.FinalizeRefused.Key != "assessment.finalize.full" || len(v.Can.FinalizeRefused.Args) != 2 {
				t.Errorf("%s at the limit: %+v", a.Employee.Name, v.Can)
			}
			it, err := e.a.Assessment(ctx, kabid, a.ID)
			if err != nil || it.Can.Finalize || it.Can.FinalizeRefused.Key != "assessment.finalize.full" {
				t.Errorf("%s at the limit, one: %+v, %v", a.Employee.Name, it.Can, err)
			}
		}
		page, err := e.a.Assessments(ctx, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: rest[0].PeriodID, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		refused := 0
		for _, it := range page.Items {
			switch {
			case it.Status == model.AssessmentFinal && (it.Can.Finalize || it.Can.FinalizeRefused.Key != ""):
				t.Errorf("%s sent: %+v", it.Employee.Name, it.Can)
			case it.Status == model.AssessmentRated && !it.Can.Finalize && it.Can.FinalizeRefused.Key == "assessment.finalize.full":
				refused++
			}
		}
		if refused != len(rest) {
			t.Errorf("the list withholds %d sendings, want %d", refused, len(rest))
		}
		// The act refuses as the screen says.
		if _, err := e.a.FinalizeAssessment(ctx, kabid, rest[0].ID, rest[0].Version); refusedKey(err) != "conflict.assessment.curve.full" {
			t.Errorf("sent past the limit: %v", err)
		}
		// A Baik draft has room: sending is offered again.
		baik, err := e.a.RateAssessment(ctx, kabid, rest[0].ID, app.RateInput{HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai,
			Version: rest[0].Version})
		if err != nil {
			t.Fatal(err)
		}
		if it, err := e.a.Assessment(ctx, kabid, baik.ID); err != nil || !it.Can.Finalize || it.Can.FinalizeRefused.Key != "" {
			t.Errorf("a Baik draft: %+v, %v", it.Can, err)
		}
		if _, err := e.a.FinalizeAssessment(ctx, kabid, baik.ID, baik.Version); err != nil {
			t.Errorf("send a Baik draft: %v", err)
		}
		// Someone who does not send sees no reason either.
		if it, err := e.a.Assessment(ctx, who["kadis"], rest[1].ID); err != nil || it.Can.Finalize || it.Can.FinalizeRefused.Key != "" {
			t.Errorf("the OPD head reads %+v, %v", it.Can, err)
		}
	})
}

// Before the OPD's capaian kinerja organisasi is set for the period, no
// rated result of the OPD may be sent (FinalizeAssessment asks for it):
// the screen, the one read and the list withhold the sending with the
// reason, the rating stays offered, and the act refuses as they say. Once
// the Wali Kota sets the capaian, sending is offered and goes through.
func TestSendingWaitsForTheCapaian(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kabid := who["kabid"]
		items := crowdedKominfo(t, e, s, who, 2, "")
		rated := rateAll(t, e, kabid, items, model.RatingSesuai, model.RatingSesuai)
		withheld := func(can app.AssessmentRights) bool {
			return !can.Finalize && can.Rate && can.FinalizeRefused.Key == "assessment.finalize.nocapaian"
		}
		v, err := e.a.AssessmentView(ctx, kabid, rated[0].ID)
		if err != nil || !withheld(v.Can) {
			t.Errorf("the screen before the capaian: %+v, %v", v.Can, err)
		}
		if it, err := e.a.Assessment(ctx, kabid, rated[0].ID); err != nil || !withheld(it.Can) {
			t.Errorf("one before the capaian: %+v, %v", it.Can, err)
		}
		page, err := e.a.Assessments(ctx, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: rated[0].PeriodID, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, it := range page.Items {
			if it.Status == model.AssessmentRated {
				n++
				if !withheld(it.Can) {
					t.Errorf("listed %s before the capaian: %+v", it.Employee.Name, it.Can)
				}
			}
		}
		if n != len(rated) {
			t.Errorf("the list holds %d rated results, want %d", n, len(rated))
		}
		if _, err := e.a.FinalizeAssessment(ctx, kabid, rated[0].ID, rated[0].Version); refusedKey(err) != "conflict.assessment.nocapaian" {
			t.Errorf("sent before the capaian: %v", err)
		}
		// Someone who does not send sees no reason.
		if it, err := e.a.Assessment(ctx, who["kadis"], rated[0].ID); err != nil || it.Can.Finalize || it.Can.FinalizeRefused.Key != "" {
			t.Errorf("the OPD head reads %+v, %v", it.Can, err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, rated[0].PeriodID, app.UnitPerformanceRequest{
			Capaian: model.CapaianBaik, Basis: "Capaian Perjanjian Kinerja Januari"}); err != nil {
			t.Fatal(err)
		}
		it, err := e.a.Assessment(ctx, kabid, rated[0].ID)
		if err != nil || !it.Can.Finalize || it.Can.FinalizeRefused.Key != "" {
			t.Fatalf("once the capaian is set: %+v, %v", it.Can, err)
		}
		if _, err := e.a.FinalizeAssessment(ctx, kabid, it.ID, it.Version); err != nil {
			t.Errorf("send once the capaian is set: %v", err)
		}
	})
}
