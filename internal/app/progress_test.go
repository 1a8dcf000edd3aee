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

func TestProgressReportAndReview(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		// The clock says Monday 2 March 2026, 08:00 WIB.
		skp, err := e.a.CreateSKP(ctx, staff, e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		rhk, err := e.a.SaveRHK(ctx, staff, skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, Description: "Tersusunnya laporan layanan"})
		if err != nil {
			t.Fatal(err)
		}
		entry := model.Progress{WorkDate: "2026-03-02", RHKID: rhk.ID, Description: "Menyusun draf laporan", OutputAmount: 100, OutputUnit: "draf", Minutes: 90}
		p, err := e.a.SubmitProgress(ctx, staff, entry)
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != model.ProgressSubmitted || p.RaterID != e.o.Kabid.ID || p.SKPID != skp.ID || p.Late {
			t.Fatalf("entry = %+v", p)
		}
		if evs, _ := s.Events(ctx, e.o.Kabid.ID, 0, 10); len(evs) != 2 || evs[0].Type != "progress.submitted" || evs[1].Type != "notification" {
			t.Errorf("the supervisor's events = %+v", evs)
		}

		// Bad input changes nothing.
		var v *model.ValidationError
		future := entry
		future.WorkDate = "2026-03-03"
		if _, err := e.a.SubmitProgress(ctx, staff, future); !errors.As(err, &v) || v.Fields["date"] == "" {
			t.Errorf("a day to come: %v", err)
		}
		foreign := entry
		foreign.RHKID = "not-my-rhk"
		if _, err := e.a.SubmitProgress(ctx, staff, foreign); !errors.As(err, &v) || v.Fields["rhk_id"] == "" {
			t.Errorf("another's RHK: %v", err)
		}
		// Thursday's work sent on Monday is late for a five-day unit.
		old := entry
		old.WorkDate, old.RHKID = "2026-02-26", ""
		late, err := e.a.SubmitProgress(ctx, staff, old)
		if err != nil || !late.Late {
			t.Fatalf("late entry = %+v, %v", late, err)
		}

		// Who may see and review.
		if _, err := e.a.ProgressEntry(ctx, who["staff2"], p.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague read the entry: %v", err)
		}
		if _, err := e.a.ProgressEntry(ctx, who["nurse"], p.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("someone of another OPD read the entry: %v", err)
		}
		if _, err := e.a.ReviewProgress(ctx, staff, p.ID, p.Version, true, ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the author approved their own entry: %v", err)
		}
		if _, err := e.a.ProgressList(ctx, who["staff2"], app.ProgressQuery{EmployeeID: e.o.Staff1.ID}); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague listed the entries: %v", err)
		}

		// Returned with a note, fixed, sent again.
		if _, err := e.a.ReviewProgress(ctx, kabid, p.ID, p.Version, false, " "); !errors.As(err, &v) || v.Fields["note"] == "" {
			t.Errorf("a return without a note: %v", err)
		}
		returned, err := e.a.ReviewProgress(ctx, kabid, p.ID, p.Version, false, "Lampirkan draf laporannya")
		if err != nil || returned.Status != model.ProgressReturned || returned.ReviewNote != "Lampirkan draf laporannya" {
			t.Fatalf("return = %+v, %v", returned, err)
		}
		if _, err := e.a.ReviewProgress(ctx, kabid, p.ID, returned.Version, true, ""); !errors.Is(err, model.ErrConflict) {
			t.Errorf("approving a returned entry: %v", err)
		}
		if evs, _ := s.Events(ctx, e.o.Staff1.ID, 0, 10); len(evs) != 2 || evs[0].Type != "progress.reviewed" {
			t.Errorf("the author's events = %+v", evs)
		}
		fixed := entry
		fixed.ID, fixed.Description = p.ID, "Menyusun draf laporan (terlampir)"
		if _, err := e.a.ResubmitProgress(ctx, staff, p.Version, fixed); !errors.Is(err, model.ErrConflict) {
			t.Errorf("a stale resubmission: %v", err)
		}
		again, err := e.a.ResubmitProgress(ctx, staff, returned.Version, fixed)
		if err != nil || again.Status != model.ProgressSubmitted || again.Description != fixed.Description {
			t.Fatalf("resubmit = %+v, %v", again, err)
		}

		// The desk approves several at once; a stranger's id is skipped.
		n, err := e.a.ApproveProgress(ctx, kabid, []string{again.ID, late.ID, "nothing"})
		if err != nil || n != 2 {
			t.Fatalf("approved %d, %v", n, err)
		}
		team, err := e.a.ProgressList(ctx, kabid, app.ProgressQuery{Team: true, Status: model.ProgressApproved})
		if err != nil || len(team) != 2 || team[0].WorkDate != "2026-03-02" {
			t.Errorf("the team's approved entries = %+v, %v", team, err)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "progress", EntityID: p.ID})
		if len(entries) != 4 {
			t.Errorf("audit entries of the entry = %d, want 4 (create, return, resubmit, approve)", len(entries))
		}
	})
}
