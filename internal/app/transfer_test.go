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

// setDay moves the test clock to 01:00 UTC of day.
func setDay(t *testing.T, e env, day string) {
	t.Helper()
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.add(d.Add(time.Hour).Sub(e.clock.now()))
}

// openMonth opens the monthly period of month in 2026 and returns it.
func openMonth(t *testing.T, e env, month int) model.Period {
	t.Helper()
	ctx := context.Background()
	periods, err := e.a.Periods(ctx, e.admin, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range periods {
		if p.Kind == model.PeriodMonthly && p.Number == month {
			p.Status = model.PeriodOpen
			if err := e.movePeriod(ctx, p, ""); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	t.Fatalf("no month %d", month)
	return model.Period{}
}

// approvedStaff2SKP gives Staff2 an approved 2026 SKP with two RHK, each
// with one indicator, intervening the Kabid's approved SKP.
func approvedStaff2SKP(t *testing.T, e env, who map[string]model.Actor) model.SKP {
	t.Helper()
	kadisSKP := approve(t, e, who["wali"], submittedSKP(t, e, who["kadis"], "", "Meningkatnya layanan pemerintahan berbasis elektronik"))
	kabidSKP := approve(t, e, who["kadis"], submittedSKP(t, e, who["kabid"], kadisSKP.RHK[0].ID, "Tersedianya aplikasi layanan"))
	return approve(t, e, who["kabid"], submittedSKP(t, e, who["staff2"], kabidSKP.RHK[0].ID,
		"Terpeliharanya aplikasi layanan", "Tersusunnya laporan pemeliharaan"))
}

func auditActions(t *testing.T, e env, s *store.Store, typ, id string) map[string]int {
	t.Helper()
	list, err := s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: typ, EntityID: id})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, a := range list {
		out[a.Action]++
	}
	return out
}

// A transfer recorded in November with a TMT of 1 October closes the old
// SKP on 30 September. What Staff2 recorded on it after the TMT stays
// readable there, marked as after the TMT; the new SKP takes the RHK over
// and, with it, October's realisasi and the entries of October and
// November, with their evidence, each move audited.
func TestBackdatedTransferKeepsEverythingReachable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff := who["staff2"]
		old := approvedStaff2SKP(t, e, who)
		a, b := old.RHK[0], old.RHK[1]

		setDay(t, e, "2026-11-10")
		oct, nov := openMonth(t, e, 10), openMonth(t, e, 11)
		entry := func(day, rhk, what string) model.Progress {
			t.Helper()
			p, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: model.Date(day), RHKID: rhk, Description: what, Minutes: 60})
			if err != nil {
				t.Fatalf("progress of %s: %v", day, err)
			}
			return p
		}
		sep30 := entry("2026-09-30", a.ID, "Pemeliharaan server")
		oct15 := entry("2026-10-15", a.ID, "Pembaruan aplikasi")
		nov3 := entry("2026-11-03", a.ID, "Uji aplikasi")
		nov4 := entry("2026-11-04", "", "Rapat kantor")
		ev, err := e.a.AddEvidenceLink(ctx, staff, app.TargetProgress, oct15.ID, "https://drive.example.id/bukti-oktober", "Bukti Oktober")
		if err != nil {
			t.Fatal(err)
		}
		re, err := e.a.SaveRealisasi(ctx, staff, old.ID, 0, model.Realisasi{PeriodID: oct.ID, IndicatorID: a.Indicators[0].ID, Value: "5"})
		if err != nil {
			t.Fatal(err)
		}
		reEv, err := e.a.AddEvidenceLink(ctx, staff, app.TargetRealisasi, re.ID, "https://drive.example.id/laporan-oktober", "Laporan")
		if err != nil {
			t.Fatal(err)
		}

		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff2.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementDefinitif, Start: "2026-10-01"}); err != nil {
			t.Fatal(err)
		}
		closed, _ := s.SKP(ctx, old.ID)
		if closed.Status != model.SKPClosed || closed.PeriodEnd != "2026-09-30" {
			t.Fatalf("after the transfer the SKP is %s until %s", closed.Status, closed.PeriodEnd)
		}
		// A closed SKP is not "waiting for a revision": its last approved
		// revision is simply the last.
		if v, err := e.a.SKPView(ctx, staff, old.ID); err != nil || v.InForce != 0 {
			t.Errorf("the closed SKP says revision %d stays in force until another is approved (%v)", v.InForce, err)
		}

		// October's realisasi stays readable on the closed SKP, marked
		// as after the TMT, with its evidence and the entries of October.
		page, err := e.a.Realisasi(ctx, staff, old.ID, oct.ID)
		if err != nil {
			t.Fatalf("October on the closed SKP: %v", err)
		}
		if !page.AfterTMT || page.Can.Edit || page.Realisasi[a.Indicators[0].ID].Value != "5" || len(page.Files[re.ID]) != 1 ||
			len(page.Progress[a.ID]) != 1 || !page.AfterTMTEntries[oct15.ID] {
			t.Errorf("October on the closed SKP = after %v, edit %v, realisasi %+v, files %d, progress %+v", page.AfterTMT, page.Can.Edit,
				page.Realisasi, len(page.Files[re.ID]), page.Progress)
		}
		var listed []string
		for _, p := range page.Periods {
			listed = append(listed, p.ID)
		}
		if !contains(listed, oct.ID) || !contains(listed, nov.ID) {
			t.Errorf("the closed SKP lists %v, not October and November", listed)
		}
		for _, as := range []model.Actor{staff, who["kabid"], e.admin} {
			if _, err := e.a.RealisasiOne(ctx, as, re.ID); err != nil {
				t.Errorf("realisasi for %s: %v", as.Name, err)
			}
		}
		if dec, err := e.a.Realisasi(ctx, staff, old.ID, openMonth(t, e, 12).ID); err != nil || !dec.AfterTMT || len(dec.Realisasi) != 0 {
			t.Errorf("December on the closed SKP = %+v, %v", dec.Period, err)
		}
		var v *model.ValidationError
		if _, err := e.a.SaveRealisasi(ctx, staff, old.ID, re.Version, model.Realisasi{PeriodID: oct.ID, IndicatorID: a.Indicators[0].ID,
			Value: "6"}); !errors.As(err, &v) || v.Fields["period_id"] != "invalid.realisasi.period.aftertransfer" {
			t.Errorf("realisasi after the TMT on the closed SKP: %v", err)
		}
		tv, err := e.a.Transfer(ctx, staff, old.ID)
		if err != nil || tv.AfterTMT != 4 || tv.Next != nil || tv.Can.TakeOver {
			t.Errorf("the closed SKP's transfer = %+v, %v", tv, err)
		}

		// Until the new SKP exists no SKP is in force after the TMT:
		// other duties only. Before the TMT, the old SKP, even sent now.
		if _, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-11-09", RHKID: a.ID, Description: "Uji", Minutes: 30}); !errors.As(err, &v) || v.Fields["rhk_id"] == "" {
			t.Errorf("an entry after the TMT on the closed SKP's RHK: %v", err)
		}
		gap := entry("2026-11-09", "", "Membantu tata usaha")
		late := entry("2026-09-29", a.ID, "Pencadangan data")
		if gap.SKPID != "" || late.SKPID != old.ID || sep30.SKPID != old.ID {
			t.Errorf("entries go to SKP %q (after the TMT) and %q, %q (before)", gap.SKPID, late.SKPID, sep30.SKPID)
		}

		fresh, err := e.a.CreateSKP(ctx, staff, e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil || fresh.PeriodStart != "2026-10-01" {
			t.Fatalf("the new SKP = %+v, %v", fresh, err)
		}
		if page, err := e.a.Realisasi(ctx, staff, fresh.ID, oct.ID); err != nil || len(page.Realisasi) != 0 {
			t.Errorf("October on the new SKP before the take-over = %+v, %v", page.Realisasi, err)
		}
		view, err := e.a.SKPView(ctx, staff, fresh.ID)
		if err != nil || view.Transfer.Previous == nil || view.Transfer.Previous.ID != old.ID || view.Transfer.Previous.End != "2026-09-30" ||
			!view.Transfer.Can.TakeOver || len(view.Transfer.Offer) != 2 {
			t.Fatalf("the new SKP's transfer = %+v, %v", view.Transfer, err)
		}
		if view, err := e.a.SKPView(ctx, staff, old.ID); err != nil || view.Transfer.Next == nil || view.Transfer.Next.ID != fresh.ID {
			t.Errorf("the closed SKP does not lead to the new one: %+v, %v", view.Transfer, err)
		}
		if kv, err := e.a.SKPView(ctx, who["kabid"], old.ID); err != nil || kv.Transfer.Can.TakeOver {
			t.Errorf("the former rater's view = %+v, %v", kv.Transfer, err)
		}
		nov9 := entry("2026-11-09", "", "Menyusun agenda")
		if nov9.SKPID != fresh.ID {
			t.Errorf("an entry after the new SKP began goes to %q", nov9.SKPID)
		}

		// Taking RHK a over: the wrong version, someone else, an RHK not
		// offered are refused.
		if _, err := e.a.TakeOverRHK(ctx, staff, fresh.ID, fresh.Version-1, []string{a.ID}); !errors.Is(err, model.ErrStale) {
			t.Errorf("a stale take-over: %v", err)
		}
		if _, err := e.a.TakeOverRHK(ctx, who["kabid"], fresh.ID, fresh.Version, []string{a.ID}); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("the former rater took over: %v", err)
		}
		for _, ids := range [][]string{nil, {"nope"}, {fresh.ID}} {
			if _, err := e.a.TakeOverRHK(ctx, staff, fresh.ID, fresh.Version, ids); !errors.As(err, &v) || v.Fields["rhk_ids"] == "" {
				t.Errorf("taking over %v: %v", ids, err)
			}
		}
		got, err := e.a.TakeOverRHK(ctx, staff, fresh.ID, fresh.Version, []string{a.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.RHK) != 1 || got.Progress != 4 || got.Realisasi != 1 || len(got.SKP.RHK) != 1 {
			t.Fatalf("take-over = %+v", got)
		}
		copyRHK := got.SKP.RHK[0]
		if copyRHK.Description != a.Description || copyRHK.ParentRHKID != "" || len(copyRHK.Indicators) != 1 ||
			copyRHK.Indicators[0].Target != a.Indicators[0].Target || got.RHK[0].FromRHKID != a.ID || got.RHK[0].RHKID != copyRHK.ID {
			t.Errorf("the copy = %+v (%+v)", copyRHK, got.RHK)
		}

		// The entries after the TMT now belong to the new SKP's copy, with
		// their evidence; those before stay.
		for _, c := range []struct {
			p        model.Progress
			skp, rhk string
		}{{oct15, fresh.ID, copyRHK.ID}, {nov3, fresh.ID, copyRHK.ID}, {nov4, fresh.ID, ""}, {gap, fresh.ID, ""}, {sep30, old.ID, a.ID}, {late, old.ID, a.ID}} {
			p, err := e.a.ProgressOne(ctx, staff, c.p.ID)
			if err != nil || p.SKPID != c.skp || p.RHKID != c.rhk {
				t.Errorf("entry of %s: SKP %s, RHK %s, %v; want %s, %s", c.p.WorkDate, p.SKPID, p.RHKID, err, c.skp, c.rhk)
			}
		}
		files, err := e.a.EvidenceOf(ctx, staff, app.TargetProgress, oct15.ID)
		if err != nil || len(files) != 1 || files[0].ID != ev.ID {
			t.Errorf("the October entry's evidence = %+v, %v", files, err)
		}
		page, err = e.a.Realisasi(ctx, staff, fresh.ID, oct.ID)
		if err != nil || page.Realisasi[copyRHK.Indicators[0].ID].ID != re.ID || page.Realisasi[copyRHK.Indicators[0].ID].Value != "5" ||
			len(page.Files[re.ID]) != 1 || page.Files[re.ID][0].ID != reEv.ID || len(page.Progress[copyRHK.ID]) != 1 || page.AfterTMT {
			t.Errorf("October on the new SKP = %+v, files %+v, progress %+v, %v", page.Realisasi, page.Files, page.Progress, err)
		}
		if page, err := e.a.Realisasi(ctx, staff, fresh.ID, nov.ID); err != nil || len(page.Progress[copyRHK.ID]) != 1 || len(page.Progress[""]) != 3 {
			t.Errorf("November on the new SKP = %+v, %v", page.Progress, err)
		}
		if page, err := e.a.Realisasi(ctx, staff, old.ID, oct.ID); err != nil || len(page.Realisasi) != 0 || !page.AfterTMT || page.Next == nil {
			t.Errorf("October on the closed SKP after the take-over = %+v, %v", page.Realisasi, err)
		}
		if view, err := e.a.SKPView(ctx, staff, fresh.ID); err != nil || len(view.Transfer.Offer) != 1 || view.Transfer.Offer[0].ID != b.ID ||
			view.Transfer.TakenFrom[copyRHK.ID] != a.ID || !view.Transfer.Realisasi {
			t.Errorf("after the take-over the new SKP offers %+v, %v", view.Transfer, err)
		}
		fresh = got.SKP
		if _, err := e.a.TakeOverRHK(ctx, staff, fresh.ID, fresh.Version, []string{a.ID}); !errors.As(err, &v) || v.Fields["rhk_ids"] == "" {
			t.Errorf("taking the same RHK over twice: %v", err)
		}

		// The copy takes entries once the new SKP is approved (until then
		// they are other duties, which go to the new SKP); the old RHK is
		// out.
		if _, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-11-10", RHKID: copyRHK.ID, Description: "Uji", Minutes: 30}); !errors.As(err, &v) || v.Fields["rhk_id"] == "" {
			t.Errorf("an entry on the copy of a draft SKP: %v", err)
		}
		if _, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-11-10", RHKID: a.ID, Description: "Uji", Minutes: 30}); !errors.As(err, &v) || v.Fields["rhk_id"] == "" {
			t.Errorf("an entry after the TMT on the old RHK: %v", err)
		}

		// Every move is audited.
		if n := auditActions(t, e, s, "progress", oct15.ID)["progress.relink"]; n != 1 {
			t.Errorf("the October entry's relinks audited: %d", n)
		}
		if n := auditActions(t, e, s, "progress", gap.ID)["progress.relink"]; n != 1 {
			t.Errorf("the gap entry's relinks audited: %d", n)
		}
		if n := auditActions(t, e, s, "realisasi", re.ID)["realisasi.relink"]; n != 1 {
			t.Errorf("the realisasi move audited: %d", n)
		}
		if acts := auditActions(t, e, s, "skp", fresh.ID); acts["rhk.takeover"] != 1 || acts["rhk.create"] != 1 {
			t.Errorf("the new SKP's audit = %v", acts)
		}
		hist, err := e.a.RealisasiHistory(ctx, staff, re.ID)
		if err != nil || len(hist) == 0 || hist[0].Action != "realisasi.relink" {
			t.Errorf("the realisasi's history = %+v, %v", hist, err)
		}
	})
}

// A transfer with a TMT still to come closes the SKP on the day before
// it: until then entries and realisasi go to the old SKP, and taking RHK
// over moves nothing; from the TMT, entries go to the new SKP.
func TestFutureTransferMovesNothingUntilTheTMT(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff := who["staff2"]
		old := approvedStaff2SKP(t, e, who)
		a, ind := old.RHK[0], old.RHK[0].Indicators[0]
		setDay(t, e, "2026-11-10")
		nov := openMonth(t, e, 11)
		before, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-11-05", RHKID: a.ID, Description: "Uji", Minutes: 30})
		if err != nil || before.SKPID != old.ID {
			t.Fatalf("entry before the transfer = %+v, %v", before, err)
		}
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff2.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementDefinitif, Start: "2026-12-01"}); err != nil {
			t.Fatal(err)
		}
		closed, _ := s.SKP(ctx, old.ID)
		if closed.PeriodEnd != "2026-11-30" {
			t.Fatalf("the SKP ends %s", closed.PeriodEnd)
		}
		p, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-11-10", RHKID: a.ID, Description: "Uji lagi", Minutes: 30})
		if err != nil || p.SKPID != old.ID {
			t.Errorf("an entry before the TMT = %+v, %v", p, err)
		}
		re, err := e.a.SaveRealisasi(ctx, staff, old.ID, 0, model.Realisasi{PeriodID: nov.ID, IndicatorID: ind.ID, Value: "3"})
		if err != nil {
			t.Errorf("November's realisasi on the SKP until the TMT: %v", err)
		}
		fresh, err := e.a.CreateSKP(ctx, staff, e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil || fresh.PeriodStart != "2026-12-01" {
			t.Fatalf("the new SKP = %+v, %v", fresh, err)
		}
		got, err := e.a.TakeOverRHK(ctx, staff, fresh.ID, fresh.Version, []string{a.ID})
		if err != nil || got.Progress != 0 || got.Realisasi != 0 || len(got.SKP.RHK) != 1 {
			t.Fatalf("take-over before the TMT = %+v, %v", got, err)
		}
		for _, id := range []string{before.ID, p.ID} {
			if q, err := e.a.ProgressOne(ctx, staff, id); err != nil || q.SKPID != old.ID || q.RHKID != a.ID {
				t.Errorf("entry %s moved: %+v, %v", id, q.Progress, err)
			}
		}
		if r, err := e.a.RealisasiOne(ctx, staff, re.ID); err != nil || r.SKPID != old.ID || !r.Can.Edit {
			t.Errorf("November's realisasi = %+v, %v", r, err)
		}

		setDay(t, e, "2026-12-02")
		// The new SKP is a draft: an entry from the TMT is another duty,
		// on the new SKP.
		q, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-12-02", Description: "Uji", Minutes: 30})
		if err != nil || q.SKPID != fresh.ID {
			t.Errorf("an entry from the TMT = %+v, %v", q, err)
		}
		var v *model.ValidationError
		if _, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-12-02", RHKID: a.ID, Description: "Uji", Minutes: 30}); !errors.As(err, &v) {
			t.Errorf("an entry from the TMT on the old RHK: %v", err)
		}
		// An entry dated before the TMT, sent now, still goes to the old SKP.
		if r, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-11-30", RHKID: a.ID, Description: "Laporan", Minutes: 30}); err != nil || r.SKPID != old.ID {
			t.Errorf("an entry of 30 November sent in December = %+v, %v", r, err)
		}
	})
}

// A TMT of 15 October splits October: the old SKP's October realisasi
// stays with it (its first fortnight) and stays writable while October is
// open; October is listed on both SKPs, each showing its own days'
// entries. Taking the RHK over moves only the entries from the TMT on. A
// returned entry sent again with another date goes to the SKP of that
// date. A copy removed from the draft can be taken over again.
func TestMonthSplitByTheTMTBelongsToBoth(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff := who["staff2"]
		old := approvedStaff2SKP(t, e, who)
		a, b := old.RHK[0], old.RHK[1]
		setDay(t, e, "2026-10-28")
		oct := openMonth(t, e, 10)
		entry := func(day, rhk string) model.Progress {
			t.Helper()
			p, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: model.Date(day), RHKID: rhk, Description: "Pemeliharaan " + day, Minutes: 60})
			if err != nil {
				t.Fatalf("progress of %s: %v", day, err)
			}
			return p
		}
		oct10, oct20 := entry("2026-10-10", a.ID), entry("2026-10-20", a.ID)
		re, err := e.a.SaveRealisasi(ctx, staff, old.ID, 0, model.Realisasi{PeriodID: oct.ID, IndicatorID: a.Indicators[0].ID, Value: "4"})
		if err != nil {
			t.Fatal(err)
		}
		returned, err := e.a.ReviewProgress(ctx, who["kabid"], oct20.ID, oct20.Version, false, "Lengkapi keterangan")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff2.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementDefinitif, Start: "2026-10-15"}); err != nil {
			t.Fatal(err)
		}
		fresh, err := e.a.CreateSKP(ctx, staff, e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil || fresh.PeriodStart != "2026-10-15" {
			t.Fatalf("the new SKP = %+v, %v", fresh, err)
		}
		page, err := e.a.Realisasi(ctx, staff, old.ID, oct.ID)
		if err != nil || page.AfterTMT || !page.Can.Edit || page.Realisasi[a.Indicators[0].ID].ID != re.ID || len(page.Progress[a.ID]) != 2 ||
			page.AfterTMTEntries[oct10.ID] || !page.AfterTMTEntries[oct20.ID] {
			t.Fatalf("October on the closed SKP = after %v, edit %v, %+v, %+v, %v", page.AfterTMT, page.Can.Edit, page.Realisasi, page.AfterTMTEntries, err)
		}
		got, err := e.a.TakeOverRHK(ctx, staff, fresh.ID, fresh.Version, []string{a.ID, b.ID})
		if err != nil || got.Progress != 1 || got.Realisasi != 0 || len(got.SKP.RHK) != 2 {
			t.Fatalf("take-over = %+v, %v", got, err)
		}
		copyA := got.SKP.RHK[0]
		if page, err := e.a.Realisasi(ctx, staff, old.ID, oct.ID); err != nil || page.Realisasi[a.Indicators[0].ID].Value != "4" ||
			len(page.Progress[a.ID]) != 1 || page.Progress[a.ID][0].ID != oct10.ID {
			t.Errorf("October on the closed SKP after the take-over = %+v, %+v, %v", page.Realisasi, page.Progress, err)
		}
		if page, err := e.a.Realisasi(ctx, staff, fresh.ID, oct.ID); err != nil || len(page.Realisasi) != 0 || len(page.Progress[copyA.ID]) != 1 ||
			page.Progress[copyA.ID][0].ID != oct20.ID {
			t.Errorf("October on the new SKP = %+v, %+v, %v", page.Realisasi, page.Progress, err)
		}
		if _, err := e.a.SaveRealisasi(ctx, staff, old.ID, re.Version, model.Realisasi{PeriodID: oct.ID, IndicatorID: a.Indicators[0].ID, Value: "5"}); err != nil {
			t.Errorf("October's realisasi of the days before the TMT: %v", err)
		}

		// The returned entry, re-linked to the copy, is sent again dated
		// before the TMT on the old RHK: it goes back to the old SKP.
		returned, err = e.a.ProgressEntry(ctx, staff, returned.ID)
		if err != nil || returned.SKPID != fresh.ID || returned.RHKID != copyA.ID {
			t.Fatalf("the returned entry after the take-over = %+v, %v", returned, err)
		}
		back, err := e.a.ResubmitProgress(ctx, staff, returned.Version, model.Progress{ID: returned.ID, WorkDate: "2026-10-13", RHKID: a.ID,
			Description: "Pemeliharaan server, dengan keterangan", Minutes: 60}, nil)
		if err != nil || back.SKPID != old.ID || back.RHKID != a.ID {
			t.Errorf("the entry sent again before the TMT = %+v, %v", back, err)
		}

		// Removing the copy of b (nothing depends on it) offers b again.
		fresh = got.SKP
		if fresh, err = e.a.DeleteRHK(ctx, staff, fresh.Version, got.SKP.RHK[1].ID); err != nil {
			t.Fatal(err)
		}
		if v, err := e.a.Transfer(ctx, staff, fresh.ID); err != nil || len(v.Offer) != 1 || v.Offer[0].ID != b.ID {
			t.Errorf("after removing the copy the offer is %+v, %v", v.Offer, err)
		}
	})
}
