package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A result has one improvement plan. While it has one, a second is
// refused (409) naming it, the read model no longer offers the kind, and
// the board counts one open plan; trainings may be recorded more than
// once. A cancelled plan frees its place (this is how a plan is changed);
// a done plan keeps it, its review being its outcome.
func TestOneImprovementPlanPerResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kabid := who["kabid"]
		_, item := sentAnnualResult(t, e, s, who, model.CapaianKurang, "Capaian PK tahunan 40%", model.RatingDiBawah)
		offered := func(what string, want bool) {
			t.Helper()
			for _, actor := range []model.Actor{kabid, e.admin} {
				v, err := e.a.AssessmentView(ctx, actor, item.ID)
				if err != nil {
					t.Fatal(err)
				}
				if !v.Can.FollowUp || slices.Contains(v.Can.FollowUpKinds, model.FollowUpImprovement) != want ||
					!slices.Contains(v.Can.FollowUpKinds, model.FollowUpTraining) || (v.ReviewDefault != "") != want {
					t.Errorf("%s: can %v, kinds %v, review default %q; want the plan offered: %v", what, v.Can.FollowUp, v.Can.FollowUpKinds, v.ReviewDefault, want)
				}
			}
		}
		board := func() app.FollowUpBoard {
			t.Helper()
			b, _, err := e.a.FollowUpBoardOf(ctx, e.admin, app.FollowUpBoardQuery{Year: 2026})
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		plans := func(b app.FollowUpBoard) int {
			n := 0
			for _, fu := range b.Open {
				if fu.Kind == model.FollowUpImprovement {
					n++
				}
			}
			return n
		}
		offered("before any plan", true)
		if b := board(); len(b.PlansMissing) != 1 || plans(b) != 0 {
			t.Fatalf("before: missing %d, open plans %d", len(b.PlansMissing), plans(b))
		}
		plan, err := e.a.CreateFollowUp(ctx, e.admin, item.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana perbaikan",
			Plan: "Pendampingan bulanan", ReviewDue: "2026-09-01"})
		if err != nil {
			t.Fatal(err)
		}
		offered("with an open plan", false)
		_, err = e.a.CreateFollowUp(ctx, e.admin, item.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana kedua",
			Plan: "Lain", ReviewDue: "2026-06-02"})
		var se *model.StateError
		if !errors.Is(err, model.ErrInvalidTransition) || !errors.As(err, &se) || se.Key != "conflict.followup.plan.exists" ||
			len(se.Args) != 3 || se.Args[0] != "Rencana perbaikan" {
			t.Fatalf("a second plan: %v, want conflict.followup.plan.exists naming the first", err)
		}
		// The pejabat penilai of the day is refused the same way.
		if _, err := e.a.CreateFollowUp(ctx, kabid, item.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana ketiga"}); refusedKey(err) != "conflict.followup.plan.exists" {
			t.Errorf("the rater's second plan: %v", err)
		}
		for _, title := range []string{"Bimtek penyusunan laporan", "Pelatihan analisis data"} {
			if _, err := e.a.CreateFollowUp(ctx, kabid, item.ID, app.FollowUpInput{Kind: model.FollowUpTraining, Title: title}); err != nil {
				t.Errorf("training %s: %v", title, err)
			}
		}
		if b := board(); len(b.PlansMissing) != 0 || plans(b) != 1 || len(b.Open) != 3 {
			t.Errorf("with a plan: missing %d, open plans %d, open %d", len(b.PlansMissing), plans(b), len(b.Open))
		}
		// Cancelled, the plan frees its place: the result needs a plan
		// again, and another may be recorded.
		if _, err := e.a.ProgressFollowUp(ctx, e.admin, plan.ID, plan.Version, model.FollowUpCancelled, "Tanggal reviu salah"); err != nil {
			t.Fatal(err)
		}
		offered("after the plan is cancelled", true)
		if b := board(); len(b.PlansMissing) != 1 || plans(b) != 0 {
			t.Errorf("after cancel: missing %d, open plans %d", len(b.PlansMissing), plans(b))
		}
		again, err := e.a.CreateFollowUp(ctx, kabid, item.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana perbaikan baru"})
		if err != nil {
			t.Fatal(err)
		}
		// Done, the plan keeps its place: its review is its outcome.
		if _, err := e.a.ProgressFollowUp(ctx, kabid, again.ID, again.Version, model.FollowUpDone, "Tidak ada perbaikan; diusulkan sanksi"); err != nil {
			t.Fatal(err)
		}
		offered("after the plan is done", false)
		if _, err := e.a.CreateFollowUp(ctx, e.admin, item.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana lagi"}); refusedKey(err) != "conflict.followup.plan.done" {
			t.Errorf("a plan after a done one: %v", err)
		}
		if b := board(); len(b.PlansMissing) != 0 {
			t.Errorf("a result with a done plan still misses one: %+v", b.PlansMissing)
		}
	})
}

// Two improvement plans of one result sent at once, by the pejabat
// penilai and BKPSDM: one is recorded, the other refused (409); one
// audit entry and one notification.
func TestImprovementPlansAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kabid := who["kabid"]
		_, item := sentAnnualResult(t, e, s, who, model.CapaianKurang, "Capaian PK tahunan 40%", model.RatingDiBawah)
		for round := range 3 {
			errs := atOnce(
				func() error {
					_, err := e.a.CreateFollowUp(ctx, kabid, item.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana penilai"})
					return err
				},
				func() error {
					_, err := e.a.CreateFollowUp(ctx, e.admin, item.ID, app.FollowUpInput{Kind: model.FollowUpImprovement, Title: "Rencana BKPSDM"})
					return err
				},
			)
			oneWins(t, "two plans", errs, "conflict.followup.plan.exists")
			list, err := s.FollowUps(ctx, store.FollowUpFilter{InstansiID: e.o.Instansi.ID, AssessmentID: item.ID})
			if err != nil {
				t.Fatal(err)
			}
			plan, ok := model.ImprovementPlanOf(list)
			n := 0
			for _, fu := range list {
				if fu.Kind == model.FollowUpImprovement && fu.Status != model.FollowUpCancelled {
					n++
				}
			}
			if !ok || n != 1 {
				t.Fatalf("round %d: %d plans not cancelled, want 1", round, n)
			}
			if c := auditCount(t, s, e.o.Instansi.ID, "followup", plan.ID, "followup.create"); c != 1 {
				t.Errorf("round %d: %d followup.create entries", round, c)
			}
			// Cancelled, it makes room for the next round.
			if _, err := e.a.ProgressFollowUp(ctx, e.admin, plan.ID, plan.Version, model.FollowUpCancelled, "Uji"); err != nil {
				t.Fatal(err)
			}
		}
	})
}
