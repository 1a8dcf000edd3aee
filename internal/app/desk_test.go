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

// sendEntries sends n entries of the actor, eight a working day on the
// days before Monday 2 March 2026 (the test clock's today), and returns
// their ids.
func sendEntries(t *testing.T, a *app.App, staff model.Actor, n int) map[string]bool {
	t.Helper()
	ctx := context.Background()
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	var days []model.Date
	for len(days)*8 < n {
		day = day.AddDate(0, 0, -1)
		if model.IsWorkday(day, 5) {
			days = append(days, model.Date(day.Format(time.DateOnly)))
		}
	}
	ids := map[string]bool{}
	for i := range n {
		p, err := a.SubmitProgress(ctx, staff, model.Progress{WorkDate: days[i/8], Description: "Melayani pemohon",
			OutputAmount: 100, OutputUnit: "berkas", Minutes: 30})
		if err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		ids[p.ID] = true
	}
	return ids
}

// The desk says how many entries wait, however many there are, and pages
// to every one of them, oldest first: 263 waiting entries are not shown
// as 200 with the oldest out of reach.
func TestDeskCountsAndPagesEveryWaitingEntry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		if _, err := e.a.CreateSKP(ctx, staff, e.o.Staff1.ID, 2026, model.ApproachKuantitatif); err != nil {
			t.Fatal(err)
		}
		sent := sendEntries(t, e.a, staff, 263)

		seen := map[string]bool{}
		var last model.Progress
		cursor, pages := "", 0
		for {
			d, err := e.a.SupervisorDesk(ctx, kabid, app.DeskQuery{Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if d.WaitingCount != 263 {
				t.Errorf("page %d: the badge says %d, want 263", pages, d.WaitingCount)
			}
			if len(d.Waiting) > app.DeskPageSize || (d.NextCursor != "" && len(d.Waiting) != app.DeskPageSize) {
				t.Errorf("page %d holds %d entries", pages, len(d.Waiting))
			}
			for _, p := range d.Waiting {
				if seen[p.ID] || !sent[p.ID] {
					t.Errorf("page %d: entry %s again or unknown", pages, p.ID)
				}
				if p.WorkDate < last.WorkDate || (p.WorkDate == last.WorkDate && p.ID < last.ID) {
					t.Errorf("page %d: %s %s before %s %s, not oldest first", pages, p.WorkDate, p.ID, last.WorkDate, last.ID)
				}
				if !p.Can.Approve {
					t.Errorf("entry %s: not approvable from the desk", p.ID)
				}
				seen[p.ID], last = true, p.Progress
			}
			if d.NextCursor == "" || pages > 10 {
				break
			}
			cursor = d.NextCursor
		}
		if len(seen) != 263 || pages != 6 {
			t.Errorf("the desk reached %d of 263 entries in %d pages", len(seen), pages)
		}

		if h, err := e.a.Home(ctx, kabid); err != nil || h.WaitingProgress != 263 {
			t.Errorf("the beranda counts %d waiting, %v", h.WaitingProgress, err)
		}
		if h, err := e.a.Home(ctx, staff); err != nil || h.ReportedToday != 0 {
			t.Errorf("the author's beranda counts %d today, %v", h.ReportedToday, err)
		}

		// A larger page, and approving some: the count follows.
		d, err := e.a.SupervisorDesk(ctx, kabid, app.DeskQuery{Limit: 200})
		if err != nil || len(d.Waiting) != 200 || d.NextCursor != d.Waiting[199].ID {
			t.Fatalf("a page of 200: %d entries, next %q, %v", len(d.Waiting), d.NextCursor, err)
		}
		ids := []string{d.Waiting[0].ID, d.Waiting[1].ID, d.Waiting[2].ID}
		if n, err := e.a.ApproveProgress(ctx, kabid, ids); err != nil || n != 3 {
			t.Fatalf("approved %d, %v", n, err)
		}
		if d, err = e.a.SupervisorDesk(ctx, kabid, app.DeskQuery{}); err != nil || d.WaitingCount != 260 || d.Waiting[0].ID == ids[0] {
			t.Errorf("after approving 3: count %d, %v", d.WaitingCount, err)
		}
		var v *model.ValidationError
		if _, err := e.a.SupervisorDesk(ctx, kabid, app.DeskQuery{Cursor: "nothing"}); !errors.As(err, &v) || v.Fields["cursor"] == "" {
			t.Errorf("an unknown cursor: %v", err)
		}
	})
}

// The desk's bars count the RHK of the SKP in force only: none of an SKP
// never approved, and the approved revision's while a new one is drafted.
func TestDeskBarsCountTheSKPInForce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kadis, kabid, staff2 := who["kadis"], who["kabid"], who["staff2"]
		draft, err := e.a.CreateSKP(ctx, staff2, e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SaveRHK(ctx, staff2, draft.Version, model.RHK{SKPID: draft.ID, Kind: model.RHKUtama, Description: "Rencana yang belum disetujui"}); err != nil {
			t.Fatal(err)
		}
		kadisSKP := approve(t, e, who["wali"], submittedSKP(t, e, kadis, "", "Meningkatnya layanan pemerintahan berbasis elektronik"))
		kabidSKP := approve(t, e, kadis, submittedSKP(t, e, kabid, kadisSKP.RHK[0].ID, "Tersedianya aplikasi layanan"))
		revised, err := e.a.ReviseSKP(ctx, kabid, kabidSKP.ID, kabidSKP.Version)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SaveRHK(ctx, kabid, revised.Version, model.RHK{SKPID: kabidSKP.ID, Kind: model.RHKUtama,
			Description: "RHK revisi 2 yang masih draf", ParentRHKID: kadisSKP.RHK[0].ID}); err != nil {
			t.Fatal(err)
		}
		bars := func(rater model.Actor, who string) []string {
			t.Helper()
			desk, err := e.a.SupervisorDesk(ctx, rater, app.DeskQuery{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range desk.People {
				if p.Employee.ID == who {
					texts := []string{}
					for _, r := range p.RHK {
						texts = append(texts, r.RHK.Description)
					}
					return texts
				}
			}
			t.Fatalf("%s is not on the desk", who)
			return nil
		}
		if got := bars(kabid, e.o.Staff2.ID); len(got) != 0 {
			t.Errorf("the bars of a draft SKP: %v", got)
		}
		if got := bars(kadis, e.o.Kabid.ID); len(got) != 1 || got[0] != "Tersedianya aplikasi layanan" {
			t.Errorf("the bars while revision 2 is drafted: %v", got)
		}
	})
}

// The desk lists the SKPs submitted to the supervisor that they may
// approve, so that a Plt finds them where she finds the entries; once
// approved they leave it.
func TestDeskListsSKPsToApprove(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kadisSKP := approve(t, e, who["wali"], submittedSKP(t, e, who["kadis"], "", "Meningkatnya layanan pemerintahan berbasis elektronik"))
		kabidSKP := submittedSKP(t, e, who["kabid"], kadisSKP.RHK[0].ID, "Tersedianya aplikasi layanan")
		d, err := e.a.SupervisorDesk(ctx, who["kadis"], app.DeskQuery{})
		if err != nil || len(d.SKPs) != 1 || d.SKPs[0].SKP.ID != kabidSKP.ID || !d.SKPs[0].Can.Approve {
			t.Fatalf("the Kadis's desk lists %+v, %v", d.SKPs, err)
		}
		if d, _ := e.a.SupervisorDesk(ctx, who["kabid"], app.DeskQuery{}); len(d.SKPs) != 0 {
			t.Errorf("the Kabid's own SKP is on her desk: %+v", d.SKPs)
		}
		approve(t, e, who["kadis"], kabidSKP)
		if d, _ := e.a.SupervisorDesk(ctx, who["kadis"], app.DeskQuery{}); len(d.SKPs) != 0 {
			t.Errorf("an approved SKP stays on the desk: %+v", d.SKPs)
		}
	})
}
