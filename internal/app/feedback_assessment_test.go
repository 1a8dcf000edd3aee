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

// TestFeedbackOnAssessment: the thread on a result is read and written by
// those who see its ratings (ratingsSeen): its rater and those who
// calibrate always, the rated employee once it is sent to them; others
// are told it does not exist, and no one is told of a message they may
// not read.
func TestFeedbackOnAssessment(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid, staff2 := who["staff1"], who["kabid"], who["staff2"]
		approvedStaffSKP(t, e, s, staff)

		// Rated, not sent.
		p := movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		page, err := e.a.Assessments(ctx, kabid, app.AssessmentFilter{PeriodID: p.ID, Employee: e.o.Staff1.ID})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("assessments: %+v, %v", page, err)
		}
		unsent := page.Items[0].ID
		if _, err := e.a.RateAssessment(ctx, kabid, unsent, app.RateInput{HasilKerja: model.RatingSesuai,
			PerilakuKerja: model.RatingSesuai, Version: page.Items[0].Version}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.AddFeedback(ctx, kabid, app.TargetAssessment, unsent, "Catatan untuk kalibrasi @"+e.o.Staff1.NIP); err != nil {
			t.Fatal(err)
		}
		if list, _ := e.a.ListNotifications(ctx, staff, app.NotificationQuery{}); len(list.Items) != 0 {
			t.Errorf("the rated employee was told of a message on a result not sent: %+v", list.Items)
		}
		for name, actor := range map[string]model.Actor{"the rated employee before sending": staff, "a colleague": staff2} {
			if _, err := e.a.Thread(ctx, actor, app.TargetAssessment, unsent); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s reads the thread: %v", name, err)
			}
			if _, err := e.a.AddFeedback(ctx, actor, app.TargetAssessment, unsent, "Halo"); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s writes in the thread: %v", name, err)
			}
		}
		if v, err := e.a.AssessmentView(ctx, staff, unsent); err != nil || v.Thread != nil {
			t.Errorf("the rated employee's screen before sending carries the thread: %+v, %v", v.Thread, err)
		}
		for name, actor := range map[string]model.Actor{"the rater": kabid, "BKPSDM": e.admin} {
			th, err := e.a.Thread(ctx, actor, app.TargetAssessment, unsent)
			if err != nil || len(th.Items) != 1 {
				t.Errorf("%s reads the thread: %+v, %v", name, th, err)
			}
		}

		// Sent: the employee reads and answers; the rater is told.
		as := finalAssessment(t, e, s, who, model.PeriodAnnual, 1, time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC))
		if _, err := e.a.AddFeedback(ctx, kabid, app.TargetAssessment, as.ID, "Pertahankan capaian ini"); err != nil {
			t.Fatal(err)
		}
		link := "/penilaian/" + as.ID + "#umpan-balik"
		notified(t, e, staff, "feedback", "assessment", link)
		if _, err := e.a.AddFeedback(ctx, staff, app.TargetAssessment, as.ID, "Terima kasih, Pak"); err != nil {
			t.Fatal(err)
		}
		notified(t, e, kabid, "feedback", "assessment", link)
		v, err := e.a.AssessmentView(ctx, staff, as.ID)
		if err != nil || v.Thread == nil || len(v.Thread.Items) != 2 || !v.Thread.Can.Post {
			t.Errorf("the rated employee's screen once sent: %+v, %v", v.Thread, err)
		}
		if _, err := e.a.Thread(ctx, staff2, app.TargetAssessment, as.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague reads the thread of a sent result: %v", err)
		}
		if _, err := e.a.AddFeedback(ctx, kabid, "penilaian", as.ID, "x"); err == nil {
			t.Error("an unknown target was taken")
		}
	})
}
