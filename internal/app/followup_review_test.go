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

// An improvement plan recorded long after its result was received is
// reviewed six months after it is recorded, not after the result: it is
// not overdue the day it is made. Its writer may choose an earlier review
// day, after the recording day and at most six months on; a review date
// on another kind of follow-up is refused.
func TestImprovementPlanRecordedLate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kabid := who["kabid"]
		approvedStaffSKP(t, e, s, who["staff1"])
		e.clock.set(time.Date(2026, 3, 3, 2, 0, 0, 0, time.UTC))
		as := finalAssessment(t, e, s, who, model.PeriodAnnual, 1, time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC))
		as, err := e.a.MoveAssessment(ctx, e.admin, as.ID, app.MoveInput{Version: as.Version, HasilKerja: model.RatingDiBawah,
			PerilakuKerja: model.RatingSesuai, Reason: "Target utama tidak tercapai."})
		if err != nil || as.Predikat != model.PredikatButuhPerbaikan {
			t.Fatalf("move = %+v, %v", as, err)
		}
		// Eight and a half months later (20 November, 09.00 WIB).
		e.clock.set(time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC))
		v, err := e.a.AssessmentView(ctx, kabid, as.ID)
		if err != nil || v.ReviewDefault != "2027-05-20" {
			t.Fatalf("the form's default review = %q, %v", v.ReviewDefault, err)
		}
		for _, c := range []struct {
			kind model.FollowUpKind
			due  model.Date
			key  string
		}{
			{model.FollowUpImprovement, "2026-11-20", "invalid.followup.review"}, // the recording day
			{model.FollowUpImprovement, "2026-11-19", "invalid.followup.review"},
			{model.FollowUpImprovement, "2027-05-21", "invalid.followup.review"}, // past six months
			{model.FollowUpImprovement, "20-01-2027", "invalid.followup.review"},
			{model.FollowUpTraining, "2027-01-15", "invalid.followup.review.kind"},
		} {
			_, err := e.a.CreateFollowUp(ctx, kabid, as.ID, app.FollowUpInput{Kind: c.kind, Title: "Rencana", ReviewDue: c.due})
			refusedBy(t, string(c.kind)+" reviewed "+string(c.due), err, "review_due", c.key)
		}
		plan, err := e.a.CreateFollowUp(ctx, kabid, as.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana perbaikan",
			Plan: "Target mingguan"})
		if err != nil || plan.ReviewDue != "2027-05-20" {
			t.Fatalf("the default plan = %+v, %v", plan.FollowUp, err)
		}
		// One plan per result: the other review day needs the first
		// cancelled.
		if _, err := e.a.ProgressFollowUp(ctx, kabid, plan.ID, plan.Version, model.FollowUpCancelled, "Ditinjau per triwulan"); err != nil {
			t.Fatal(err)
		}
		chosen, err := e.a.CreateFollowUp(ctx, kabid, as.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana triwulan",
			ReviewDue: " 2027-02-20 "})
		if err != nil || chosen.ReviewDue != "2027-02-20" {
			t.Fatalf("the plan with a chosen review = %+v, %v", chosen.FollowUp, err)
		}
		if v, err = e.a.AssessmentView(ctx, kabid, as.ID); err != nil {
			t.Fatal(err)
		}
		for _, fu := range v.FollowUps {
			if fu.Overdue != 0 {
				t.Errorf("%s is overdue the day it is recorded: %d days", fu.Title, fu.Overdue)
			}
		}
		// The last day of the six months is on time; the day after, late.
		e.clock.set(time.Date(2027, 5, 20, 2, 0, 0, 0, time.UTC))
		if v, _ = e.a.AssessmentView(ctx, kabid, as.ID); len(v.FollowUps) != 2 {
			t.Fatalf("follow-ups = %+v", v.FollowUps)
		}
		for _, fu := range v.FollowUps {
			if want := map[string]int{"Rencana perbaikan": 0, "Rencana triwulan": 89}[fu.Title]; fu.Overdue != want {
				t.Errorf("%s on its review day: %d days overdue, want %d", fu.Title, fu.Overdue, want)
			}
		}
	})
}
