package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestAssessmentCarriesObjection: the assessment's read model (one, the
// list, the rating screen) carries the last day to object, whether the
// reader may object with the reason why not, and its objection, the same
// rule SubmitObjection asks.
func TestAssessmentCarriesObjection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		approvedStaffSKP(t, e, s, staff)

		// Rated, not sent: the employee reads no deadline and is told why.
		p := movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		page, err := e.a.Assessments(ctx, kabid, app.AssessmentFilter{PeriodID: p.ID, Employee: e.o.Staff1.ID})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("assessments: %+v, %v", page, err)
		}
		if _, err := e.a.RateAssessment(ctx, kabid, page.Items[0].ID, app.RateInput{HasilKerja: model.RatingSesuai,
			PerilakuKerja: model.RatingSesuai, Version: page.Items[0].Version}); err != nil {
			t.Fatal(err)
		}
		it, err := e.a.Assessment(ctx, staff, page.Items[0].ID)
		if err != nil || it.Can.Object || it.Can.ObjectRefused.Key != "conflict.objection.notsent" || it.Objection.Deadline != "" {
			t.Errorf("unsent, to its employee: %+v %+v, %v", it.Can, it.Objection, err)
		}

		// A periodic result (March), sent the same day, checked below: its
		// months are closed before the year is.
		per := finalAssessment(t, e, s, who, model.PeriodMonthly, 3, time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC))

		// The annual result, sent 1 December 2026 (WIB): the last day is
		// 15 December, until 23:59:59 WIB.
		as := finalAssessment(t, e, s, who, model.PeriodAnnual, 1, time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC))
		e.clock.set(time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC))
		it, err = e.a.Assessment(ctx, staff, as.ID)
		want := time.Date(2026, 12, 15, 23, 59, 59, 0, model.ZoneWIB.Location())
		if err != nil || !it.Can.Object || it.Can.ObjectRefused.Key != "" || it.Objection.Deadline != "2026-12-15" ||
			!it.Objection.DeadlineAt().Equal(want) || it.Objection.Received != "2026-12-01" || it.Objection.HasObjection {
			t.Errorf("sent, to its employee: %+v %+v, %v", it.Can, it.Objection, err)
		}
		v, err := e.a.AssessmentView(ctx, staff, as.ID)
		if err != nil || !v.Can.Object || v.Objection.Deadline != "2026-12-15" {
			t.Errorf("the rating screen: %+v %+v, %v", v.Can, v.Objection, err)
		}
		list, err := e.a.Assessments(ctx, staff, app.AssessmentFilter{Employee: e.o.Staff1.ID, PeriodID: as.PeriodID})
		if err != nil || len(list.Items) != 1 || !list.Items[0].Can.Object || list.Items[0].Objection.Deadline != "2026-12-15" {
			t.Errorf("the list: %+v, %v", list.Items, err)
		}
		if it, _ := e.a.Assessment(ctx, kabid, as.ID); it.Can.Object || it.Can.ObjectRefused.Key != "conflict.objection.notself" ||
			it.Objection.Deadline != "2026-12-15" {
			t.Errorf("to the rater: %+v %+v", it.Can, it.Objection)
		}
		if got, err := e.a.AssessmentObjections(ctx, staff, as.ID); err != nil || len(got) != 0 {
			t.Errorf("objections before any: %+v, %v", got, err)
		}

		o, err := e.a.SubmitObjection(ctx, staff, as.ID, "Realisasi saya melampaui target.")
		if err != nil {
			t.Fatal(err)
		}
		for _, reader := range []model.Actor{staff, kabid, who["kadis"]} {
			it, err := e.a.Assessment(ctx, reader, as.ID)
			if err != nil || !it.Objection.HasObjection || it.Objection.Objection.ID != o.ID || it.Can.Object {
				t.Errorf("%s after objecting: %+v %+v, %v", reader.EmployeeID, it.Can, it.Objection, err)
			}
			got, err := e.a.AssessmentObjections(ctx, reader, as.ID)
			if err != nil || len(got) != 1 || got[0].Objection.ID != o.ID {
				t.Errorf("%s lists the assessment's objections: %+v, %v", reader.EmployeeID, got, err)
			}
		}
		if it, _ := e.a.Assessment(ctx, staff, as.ID); it.Can.ObjectRefused.Key != "conflict.objection.exists" {
			t.Errorf("the refusal once objected = %+v", it.Can.ObjectRefused)
		}
		if _, err := e.a.AssessmentObjections(ctx, who["staff2"], as.ID); !app.IsNotFound(err) {
			t.Errorf("a colleague lists the objections: %v", err)
		}

		// A periodic result, where the instansi takes none; then one whose
		// last day has passed.
		if it, _ := e.a.Assessment(ctx, staff, per.ID); it.Can.Object || it.Can.ObjectRefused.Key != "conflict.objection.periodic" {
			t.Errorf("periodic: %+v", it.Can)
		}
		if err := e.a.SetPeriodicObjections(ctx, e.admin, true); err != nil {
			t.Fatal(err)
		}
		e.clock.set(time.Date(2026, 12, 15, 17, 0, 0, 0, time.UTC)) // 16 December 00:00 WIB
		it, _ = e.a.Assessment(ctx, staff, per.ID)
		if it.Can.Object || it.Can.ObjectRefused.Key != "conflict.objection.late" || it.Objection.Open {
			t.Errorf("late: %+v %+v", it.Can, it.Objection)
		}
	})
}
