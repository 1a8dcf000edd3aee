package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// approvedStaffSKP gives Staff1 an approved SKP for 2026 with one RHK and
// one indicator, approved directly in the store.
func approvedStaffSKP(t *testing.T, e env, s *store.Store, staff model.Actor) model.SKP {
	t.Helper()
	ctx := context.Background()
	skp, err := e.a.CreateSKP(ctx, staff, e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
	if err != nil {
		t.Fatal(err)
	}
	rhk, err := e.a.SaveRHK(ctx, staff, skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, Description: "Tersusunnya laporan layanan"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.AddIndicator(ctx, staff, skp.Version+1, indicator(rhk.ID)); err != nil {
		t.Fatal(err)
	}
	full, _ := s.SKP(ctx, skp.ID)
	full.Status = model.SKPApproved
	if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
		return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove)
	}); err != nil {
		t.Fatal(err)
	}
	full, _ = s.SKP(ctx, skp.ID)
	return full
}

func TestFeedbackThreadsAndMentions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		p, err := e.a.SubmitProgress(ctx, who["staff1"], model.Progress{WorkDate: "2026-03-02", RHKID: skp.RHK[0].ID,
			Description: "Rapat koordinasi", Minutes: 60})
		if err != nil {
			t.Fatal(err)
		}
		before, _ := s.LastEvent(ctx, e.o.Staff1.ID)
		f, err := e.a.AddFeedback(ctx, who["kabid"], app.TargetProgress, p.ID, "Bagus, lanjutkan. Mohon @"+e.o.Kadis.Name+" memantau.")
		if err != nil {
			t.Fatal(err)
		}
		if f.AuthorName == "" || f.OwnerID != e.o.Staff1.ID {
			t.Errorf("feedback = %+v", f)
		}
		evs, _ := s.Events(ctx, e.o.Staff1.ID, before, 10)
		if len(evs) != 2 || evs[0].Type != "feedback.created" || !strings.Contains(string(evs[0].Data), "Bagus, lanjutkan") {
			t.Errorf("the owner's events = %+v", evs)
		}
		// The Kadis is above in the line and was mentioned by name.
		if evs, _ := s.Events(ctx, e.o.Kadis.ID, 0, 10); len(evs) != 2 || evs[0].Type != "feedback.created" {
			t.Errorf("the mentioned Kadis' events = %+v", evs)
		}
		// The owner answers: the supervisor, an earlier author, is told.
		kabidBefore, _ := s.LastEvent(ctx, e.o.Kabid.ID)
		if _, err := e.a.AddFeedback(ctx, who["staff1"], app.TargetProgress, p.ID, "Siap, terima kasih."); err != nil {
			t.Fatal(err)
		}
		if evs, _ := s.Events(ctx, e.o.Kabid.ID, kabidBefore, 10); len(evs) != 2 || evs[0].Type != "feedback.created" {
			t.Errorf("the supervisor's events = %+v", evs)
		}
		thread, err := e.a.FeedbackThread(ctx, who["kabid"], app.TargetProgress, p.ID)
		if err != nil || len(thread) != 2 || thread[1].Body != "Siap, terima kasih." {
			t.Fatalf("thread = %+v, %v", thread, err)
		}
		// Outside the line: not found; empty and unknown targets: invalid.
		if _, err := e.a.FeedbackThread(ctx, who["staff2"], app.TargetProgress, p.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague read the thread: %v", err)
		}
		if _, err := e.a.AddFeedback(ctx, who["nurse"], app.TargetSKP, skp.ID, "Halo"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("someone of another OPD wrote on the SKP: %v", err)
		}
		var v *model.ValidationError
		if _, err := e.a.AddFeedback(ctx, who["kabid"], app.TargetRHK, skp.RHK[0].ID, "   "); !errors.As(err, &v) {
			t.Errorf("an empty message: %v", err)
		}
		if _, err := e.a.AddFeedback(ctx, who["kabid"], "gaji", skp.ID, "Halo"); !errors.As(err, &v) {
			t.Errorf("an unknown target: %v", err)
		}
	})
}

func TestRealisasi(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		periods, _ := e.a.Periods(ctx, e.admin, 2026)
		mar := periods[2]
		in := skp.RHK[0].Indicators[0]
		var v *model.ValidationError
		if _, err := e.a.SaveRealisasi(ctx, who["staff1"], skp.ID, 0, model.Realisasi{PeriodID: mar.ID, IndicatorID: in.ID, Value: "3"}); !errors.As(err, &v) || v.Fields["period_id"] == "" {
			t.Errorf("realisasi in a period not open: %v", err)
		}
		mar.Status = model.PeriodOpen
		if err := e.movePeriod(ctx, mar, ""); err != nil {
			t.Fatal(err)
		}
		r, err := e.a.SaveRealisasi(ctx, who["staff1"], skp.ID, 0, model.Realisasi{PeriodID: mar.ID, IndicatorID: in.ID, Value: "3", Basis: "Tiga layanan terbit"})
		if err != nil || r.Version != 1 {
			t.Fatalf("realisasi = %+v, %v", r, err)
		}
		if _, err := e.a.SaveRealisasi(ctx, who["staff1"], skp.ID, 0, model.Realisasi{PeriodID: mar.ID, IndicatorID: in.ID, Value: "4"}); !errors.Is(err, model.ErrConflict) {
			t.Errorf("a second first realisasi: %v", err)
		}
		if _, err := e.a.SaveRealisasi(ctx, who["kabid"], skp.ID, 1, model.Realisasi{PeriodID: mar.ID, IndicatorID: in.ID, Value: "9"}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the supervisor filled the realisasi: %v", err)
		}
		// A direction override in the basis is refused on both paths, naming the field.
		if _, err := e.a.SaveRealisasi(ctx, who["staff1"], skp.ID, 1, model.Realisasi{PeriodID: mar.ID, IndicatorID: in.ID, Value: "4", Basis: "Empat \u202Elayanan"}); !errors.As(err, &v) || v.Fields["note"] == "" {
			t.Errorf("a basis with U+202E: %v", err)
		}
		if _, err := e.a.SaveRealisasiPeriod(ctx, who["staff1"], skp.ID, mar.ID, []app.RealisasiInput{{IndicatorID: in.ID, Value: "4", Note: "Empat \u200Blayanan", Version: 1}}); !errors.As(err, &v) || v.Fields["note."+in.ID] == "" {
			t.Errorf("a period's basis with U+200B: %v", err)
		}
		if _, err := e.a.SaveRealisasi(ctx, who["staff1"], skp.ID, 1, model.Realisasi{PeriodID: mar.ID, IndicatorID: in.ID, Value: "4", Basis: "Empat layanan"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SubmitProgress(ctx, who["staff1"], model.Progress{WorkDate: "2026-03-02", RHKID: skp.RHK[0].ID, Description: "Uji layanan", Minutes: 30}); err != nil {
			t.Fatal(err)
		}
		view, err := e.a.Realisasi(ctx, who["kabid"], skp.ID, "")
		if err != nil || view.Period.ID != mar.ID || view.Realisasi[in.ID].Value != "4" || len(view.Progress[skp.RHK[0].ID]) != 1 {
			t.Fatalf("realisasi view = %+v, %v", view, err)
		}
		// The period's view carries each realisasi's history, thread and
		// files, and what the reader may do: the owner fills, the
		// supervisor reads.
		if view.Can.Edit || len(view.History[r.ID]) != 2 || view.Threads[r.ID].TargetID != r.ID || !view.Threads[r.ID].Can.Post {
			t.Errorf("the supervisor's view = %+v", view)
		}
		if mine, err := e.a.Realisasi(ctx, who["staff1"], skp.ID, mar.ID); err != nil || !mine.Can.Edit {
			t.Errorf("the owner's view: %+v, %v", mine.Can, err)
		}
		if one, err := e.a.RealisasiOne(ctx, who["staff1"], r.ID); err != nil || !one.Can.Edit || one.Value != "4" {
			t.Errorf("one realisasi = %+v, %v", one, err)
		}
		mar.Status = model.PeriodClosed
		if err := e.movePeriod(ctx, mar, ""); err != nil {
			t.Fatal(err)
		}
		if mine, _ := e.a.Realisasi(ctx, who["staff1"], skp.ID, mar.ID); mine.Can.Edit {
			t.Error("the owner may edit the realisasi of a closed period")
		}
		hist, err := e.a.RealisasiHistory(ctx, who["staff1"], r.ID)
		if err != nil || len(hist) != 2 {
			t.Errorf("history = %d entries, %v", len(hist), err)
		}
		if _, err := e.a.Realisasi(ctx, who["staff2"], skp.ID, ""); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague read the realisasi: %v", err)
		}
	})
}
