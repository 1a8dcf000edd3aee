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

// A transfer recorded in December with a TMT of 1 October reaches into
// October and November, closed and assessed on the old SKP (October's
// result sent, November's not yet rated). It is refused with that list
// until the administrator confirms it; confirmed, the transfer is made,
// the list comes back and is audited, both assessments stay on the old
// SKP, and the new SKP, once approved, gets October's and November's
// assessments to be rated for the new post.
func TestBackdatedTransferIntoAssessedPeriodsNeedsConfirmation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		old := approvedStaff2SKP(t, e, who)
		setDay(t, e, "2026-12-05")
		oct := movePeriods(t, e, 10, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		nov := movePeriods(t, e, 11, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, oct.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "Rencana aksi Oktober tercapai"}); err != nil {
			t.Fatal(err)
		}
		octA := assessmentOf(t, e, who["kabid"], app.AssessmentFilter{RatedByMe: true, PeriodID: oct.ID}, old.ID)
		rated := rateAll(t, e, who["kabid"], []app.AssessmentItem{octA}, model.RatingSesuai, model.RatingSesuai)
		if _, err := e.a.FinalizeAssessment(ctx, who["kabid"], octA.ID, rated[0].Version); err != nil {
			t.Fatal(err)
		}
		novA := assessmentOf(t, e, who["kabid"], app.AssessmentFilter{RatedByMe: true, PeriodID: nov.ID}, old.ID)

		req := app.PlacementRequest{EmployeeID: e.o.Staff2.ID, PositionCode: e.o.PosAdm.Code, Kind: model.PlacementDefinitif,
			Start: "2026-10-01", Decree: "821/90/BKPSDM/2026"}
		_, err := e.a.Place(ctx, e.admin, req)
		var bd *app.BackdatedError
		if !errors.As(err, &bd) || !errors.Is(err, model.ErrConflict) {
			t.Fatalf("an unconfirmed back-dated transfer: %v", err)
		}
		if len(bd.Impact.Periods) != 2 || bd.Impact.Periods[0].ID != oct.ID || bd.Impact.Periods[1].ID != nov.ID ||
			len(bd.Impact.Assessments) != 2 || bd.Impact.Final() != 1 {
			t.Fatalf("the list: %+v", bd.Impact)
		}
		if still, _ := s.SKP(ctx, old.ID); still.Status != model.SKPApproved || still.PeriodEnd != "2026-12-31" {
			t.Fatalf("the refused transfer changed the SKP: %s until %s", still.Status, still.PeriodEnd)
		}

		req.ConfirmBackdated = true
		done, err := e.a.Place(ctx, e.admin, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(done.Backdated.Assessments) != 2 || done.Backdated.Final() != 1 {
			t.Errorf("the transfer made lists %+v", done.Backdated)
		}
		if n := auditActions(t, e, s, "placement", done.ID)["placement.backdated"]; n != 1 {
			t.Errorf("audited %d times", n)
		}
		closed, _ := s.SKP(ctx, old.ID)
		if closed.Status != model.SKPClosed || closed.PeriodEnd != "2026-09-30" {
			t.Errorf("the old SKP is %s until %s", closed.Status, closed.PeriodEnd)
		}
		kept, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: e.o.Instansi.ID, SKPID: old.ID})
		if err != nil || len(kept) != 2 {
			t.Fatalf("the old SKP's assessments: %d, %v", len(kept), err)
		}
		for _, k := range kept {
			if k.ID == octA.ID && k.Status != model.AssessmentFinal || k.ID == novA.ID && k.Status != model.AssessmentOpen {
				t.Errorf("assessment %s became %s", k.ID, k.Status)
			}
		}

		// The employee page lists both to the administrator, not to a colleague.
		if d, err := e.a.Employee(ctx, e.admin, e.o.Staff2.ID); err != nil || len(d.Reassess) != 2 || d.Reassess[0].ID != octA.ID && d.Reassess[1].ID != octA.ID {
			t.Errorf("the employee page lists %+v, %v", d.Reassess, err)
		}
		if d, err := e.a.Employee(ctx, who["staff1"], e.o.Staff2.ID); err != nil || len(d.Reassess) != 0 {
			t.Errorf("a colleague reads %+v, %v", d.Reassess, err)
		}

		// November's open assessment on the old SKP is no longer rated there.
		if _, err := e.a.RateAssessment(ctx, who["kabid"], novA.ID, app.RateInput{HasilKerja: model.RatingSesuai,
			PerilakuKerja: model.RatingSesuai, Version: novA.Version}); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("rating an assessment outside its SKP: %v", err)
		}
		if v, err := e.a.AssessmentView(ctx, who["kabid"], novA.ID); err != nil || v.Can.Rate {
			t.Errorf("the rater is offered to rate it: %+v, %v", v.Can, err)
		}

		// The new SKP, approved, is assessed for the closed months of its days.
		kadis, err := s.SKPs(ctx, store.SKPFilter{InstansiID: e.o.Instansi.ID, EmployeeIDs: []string{e.o.Kadis.ID}})
		if err != nil || len(kadis) != 1 {
			t.Fatalf("the Kadis's SKPs: %d, %v", len(kadis), err)
		}
		full, _ := s.SKP(ctx, kadis[0].ID)
		staff := e.login(t, storetest.NIPStaff2, "rahasia-staf2")
		fresh := approve(t, e, who["kadis"], submittedSKP(t, e, staff, full.RHK[0].ID, "Tertibnya arsip surat"))
		if fresh.PeriodStart != "2026-10-01" {
			t.Fatalf("the new SKP starts %s", fresh.PeriodStart)
		}
		got, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: e.o.Instansi.ID, SKPID: fresh.ID})
		if err != nil || len(got) != 2 {
			t.Fatalf("the new SKP's assessments: %d, %v", len(got), err)
		}
		for _, g := range got {
			if g.PeriodID != oct.ID && g.PeriodID != nov.ID || g.Status != model.AssessmentOpen {
				t.Errorf("new assessment %+v", g)
			}
		}

		// The annual evaluation shows October's sent result of the old SKP
		// apart and does not weigh it.
		setDay(t, e, "2027-01-05")
		annual := movePeriods(t, e, 1, model.PeriodAnnual, model.PeriodOpen, model.PeriodClosed)
		list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: e.o.Instansi.ID, PeriodID: annual.ID, SKPID: fresh.ID})
		if err != nil || len(list) != 1 {
			t.Fatalf("the new SKP's annual assessment: %d, %v", len(list), err)
		}
		v, err := e.a.AssessmentView(ctx, who["kadis"], list[0].ID)
		if err != nil || v.Annual == nil || len(v.Annual.SKPs) != 2 || v.Annual.SKPs[0].SKP.ID != old.ID {
			t.Fatalf("the annual screen: %+v, %v", v.Annual, err)
		}
		first := v.Annual.SKPs[0]
		if len(first.Periods) != 0 || len(first.Outside) != 2 {
			t.Errorf("the old SKP's periods: %d weighed, %d outside", len(first.Periods), len(first.Outside))
		}
		if v.Annual.Suggestion.Periods != 0 {
			t.Errorf("the suggestion weighs %d periodic results outside their SKP", v.Annual.Suggestion.Periods)
		}
	})
}

// An assessment not yet begun, in a period open again, is nothing a TMT
// reaches back into: a transfer from the first day of that period is made
// without asking for confirmation; the same assessment once rated is
// listed.
func TestTransferIntoAnOpenUnratedPeriodNeedsNoConfirmation(t *testing.T) {
	for name, rate := range map[string]bool{"not begun": false, "rated": true} {
		t.Run(name, func(t *testing.T) { testTransferOverOpenPeriod(t, rate) })
	}
}

func testTransferOverOpenPeriod(t *testing.T, rate bool) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		old := approvedStaff2SKP(t, e, who)
		setDay(t, e, "2026-12-05")
		nov := movePeriods(t, e, 11, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed, model.PeriodOpen)
		novA := assessmentOf(t, e, who["kabid"], app.AssessmentFilter{RatedByMe: true, PeriodID: nov.ID}, old.ID)
		if novA.Status != model.AssessmentOpen {
			t.Fatalf("November's assessment is %s", novA.Status)
		}
		if rate {
			rateAll(t, e, who["kabid"], []app.AssessmentItem{novA}, model.RatingSesuai, model.RatingSesuai)
		}
		req := app.PlacementRequest{EmployeeID: e.o.Staff2.ID, PositionCode: e.o.PosAdm.Code, Kind: model.PlacementDefinitif,
			Start: nov.Start, Decree: "821/91/BKPSDM/2026"}
		done, err := e.a.Place(ctx, e.admin, req)
		var bd *app.BackdatedError
		switch {
		case rate && (!errors.As(err, &bd) || len(bd.Impact.Assessments) != 1 || bd.Impact.Assessments[0].ID != novA.ID):
			t.Errorf("a transfer back over a rated assessment: %v", err)
		case !rate && err != nil:
			t.Errorf("a transfer over an assessment not yet begun in an open period: %v", err)
		case !rate && !done.Backdated.Empty():
			t.Errorf("the transfer lists %+v", done.Backdated)
		}
	})
}

// A back-dated transfer that is not valid anyway (the post has its
// definitive holder) is refused for that first: confirmation is asked
// last, of a transfer that would otherwise be made.
func TestBackdatedConfirmationIsAskedLast(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		approvedStaff2SKP(t, e, who)
		setDay(t, e, "2026-12-05")
		movePeriods(t, e, 10, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		req := app.PlacementRequest{EmployeeID: e.o.Staff2.ID, PositionCode: e.o.PosAdm.Code, Kind: model.PlacementDefinitif,
			Start: "2026-10-01", Decree: "821/90/BKPSDM/2026"}
		var bd *app.BackdatedError
		if _, err := e.a.Place(ctx, e.admin, req); !errors.As(err, &bd) {
			t.Fatalf("a valid back-dated transfer is not asked to confirm: %v", err)
		}
		req.PositionCode = ""
		req.PositionID = e.o.Kabid.PositionID // held by the Kabid
		_, err := e.a.Place(ctx, e.admin, req)
		var v *model.ValidationError
		if errors.As(err, &bd) || !errors.As(err, &v) || v.Fields["position_id"] == "" {
			t.Fatalf("a back-dated transfer onto a held post: %v", err)
		}
	})
}
