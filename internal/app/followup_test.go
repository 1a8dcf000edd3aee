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

// A final annual Butuh Perbaikan on a functional post: the angka kredit
// follows from the predikat, the rater writes an improvement plan
// reviewed six months on, BKPSDM records a training and closes it with
// its outcome.
func TestFollowUpOfAFinalAnnualResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		pos := e.o.PosStaff
		pos.Jenjang = "ahli_pertama"
		if err := s.Write(ctx, sys, func(tx *store.Tx) error { _, err := tx.UpdatePosition(ctx, pos); return err }); err != nil {
			t.Fatal(err)
		}
		skp := approvedStaffSKP(t, e, s, staff)
		year := movePeriods(t, e, 1, model.PeriodAnnual, model.PeriodOpen, model.PeriodClosed)
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, year.ID, app.UnitPerformanceRequest{Capaian: model.CapaianButuhPerbaikan,
			Basis: "Capaian PK tahunan 68%"}); err != nil {
			t.Fatal(err)
		}
		item := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: year.ID}, skp.ID)
		// No follow-up before the result is final.
		if _, err := e.a.CreateFollowUp(ctx, kabid, item.ID, app.FollowUpInput{Kind: model.FollowUpTraining, Title: "Bimtek"}); err == nil {
			t.Error("a follow-up of an open assessment")
		}
		rated, err := e.a.RateAssessment(ctx, kabid, item.ID, app.RateInput{HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai, Version: item.Version})
		if err != nil {
			t.Fatal(err)
		}
		final, err := e.a.FinalizeAssessment(ctx, kabid, item.ID, rated.Version)
		if err != nil {
			t.Fatal(err)
		}
		v, err := e.a.AssessmentView(ctx, staff, item.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Ahli Pertama, Butuh Perbaikan (75%), a whole year: 12,5 × 75% = 9,375 → 9,38.
		if c := v.Credit; c == nil || c.Value != 938 || c.Months != 12 || c.Percent != 75 || c.Koefisien != 1250 {
			t.Fatalf("angka kredit = %+v", v.Credit)
		}
		if v.Can.FollowUp {
			t.Error("the employee may write their own follow-ups")
		}
		if _, err := e.a.CreateFollowUp(ctx, staff, item.ID, app.FollowUpInput{Kind: model.FollowUpReward, Title: "Penghargaan"}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the employee records a follow-up: %v", err)
		}
		_, err = e.a.CreateFollowUp(ctx, kabid, item.ID, app.FollowUpInput{Kind: "promosi", Title: ""})
		refusedBy(t, "an unknown kind", err, "kind", "invalid.followup.kind")
		refusedBy(t, "no title", err, "title", "invalid.followup.title")
		plan, err := e.a.CreateFollowUp(ctx, kabid, item.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana perbaikan 2027",
			Plan: "Pendampingan bulanan penyusunan laporan layanan"})
		if err != nil {
			t.Fatal(err)
		}
		recorded := e.a.TimeZone(ctx, e.o.Instansi.ID).Today(e.clock.now())
		if plan.ReviewDue != model.ImprovementReview(recorded) || plan.ReviewDue == "" || plan.Status != model.FollowUpOpen {
			t.Errorf("plan = %+v (recorded %s, result sent %s)", plan.FollowUp, recorded, final.FinalizedAt)
		}
		training, err := e.a.CreateFollowUp(ctx, e.admin, item.ID, app.FollowUpInput{Kind: model.FollowUpTraining, Title: "Bimtek pelaporan kinerja"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.a.ProgressFollowUp(ctx, e.admin, training.ID, training.Version, model.FollowUpDone, " ")
		refusedBy(t, "done without the outcome", err, "outcome", "invalid.followup.outcome")
		done, err := e.a.ProgressFollowUp(ctx, e.admin, training.ID, training.Version, model.FollowUpDone, "Mengikuti bimtek 12–14 Februari")
		if err != nil || done.Status != model.FollowUpDone || done.Can.Progress {
			t.Fatalf("done = %+v, %v", done, err)
		}
		if _, err := e.a.ProgressFollowUp(ctx, e.admin, training.ID, done.Version, model.FollowUpInProgress, ""); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a closed follow-up reopened: %v", err)
		}
		// BKPSDM's board: the angka kredit, nothing missing, the plan open.
		board, err := e.a.FollowUpBoard(ctx, e.admin, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(board.Credits) != 1 || board.Credits[0].Credit.Value != 938 || len(board.PlansMissing) != 0 || len(board.Open) != 1 || board.Open[0].ID != plan.ID {
			t.Errorf("board = %+v", board)
		}
		// Another year's board holds none of 2026's: not its credits, its
		// missing plans, nor its open follow-ups (a year without periods,
		// and one whose annual period has no result yet).
		if _, err := e.a.OpenYear(ctx, e.admin, 2027, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		for _, y := range []int{2027, 2030} {
			board, n, err := e.a.FollowUpBoardOf(ctx, e.admin, app.FollowUpBoardQuery{Year: y})
			if err != nil || len(board.Credits) != 0 || len(board.PlansMissing) != 0 || len(board.Open) != 0 || n != 0 {
				t.Errorf("the board of %d = %+v, %d overdue, %v", y, board, n, err)
			}
		}
		if _, err := e.a.FollowUpBoard(ctx, staff, 2026); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the employee reads the board: %v", err)
		}
	})
}
