package app_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// movePeriods moves a period of 2026 through the statuses given, in order.
func movePeriods(t *testing.T, e env, number int, kind model.PeriodKind, to ...model.PeriodStatus) model.Period {
	t.Helper()
	ctx := context.Background()
	periods, err := e.a.Periods(ctx, e.admin, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range periods {
		if p.Kind != kind || p.Number != number {
			continue
		}
		for _, s := range to {
			p.Status = s
			reason := ""
			if s == model.PeriodClosed {
				reason = "perbaikan data"
			}
			if err := e.movePeriod(ctx, p, reason); err != nil {
				t.Fatalf("move %s to %s: %v", p.Name(), s, err)
			}
		}
		return p
	}
	t.Fatalf("no period %s %d", kind, number)
	return model.Period{}
}

// movePeriod moves p (as the BKPSDM administrator) on a day the move is
// allowed: a period is closed or locked only once its last day has
// passed, so such a move is made the morning after that day, the test's
// clock then set back where it stood. The tests keep their own today,
// and the rule keeps holding.
func (e env) movePeriod(ctx context.Context, p model.Period, reason string) error {
	if p.Status == model.PeriodClosed || p.Status == model.PeriodLocked {
		after := p.End.Time().AddDate(0, 0, 1).Add(2 * time.Hour) // 09:00 WIB the next day
		if now := e.clock.now(); now.Before(after) {
			e.clock.set(after)
			defer e.clock.set(now)
		}
	}
	return e.a.MovePeriod(ctx, e.admin, p, reason)
}

// refusedBy asserts err is a field error on field with the message key.
func refusedBy(t *testing.T, what string, err error, field, key string) {
	t.Helper()
	var v *model.ValidationError
	if !errors.As(err, &v) || v.Fields[field] != key {
		t.Errorf("%s: want %s on %s, got %v", what, key, field, err)
	}
}

func TestProgressInClosedOrLockedPeriodIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		skp := approvedStaffSKP(t, e, s, staff)
		rhk := skp.RHK[0].ID
		entry := func(day model.Date) model.Progress {
			t.Helper()
			p, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: day, RHKID: rhk, Description: "Menyusun laporan", Minutes: 60})
			if err != nil {
				t.Fatalf("entry of %s: %v", day, err)
			}
			return p
		}
		giveBack := func(p model.Progress) model.Progress {
			t.Helper()
			p, err := e.a.ReviewProgress(ctx, kabid, p.ID, p.Version, false, "Lengkapi keluarannya")
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		// A draft period (February not opened yet) takes entries: daily
		// work goes on before BKPSDM opens the month.
		waiting := entry("2026-02-18")
		unreviewed := entry("2026-02-13")
		fix := giveBack(entry("2026-02-19"))
		moved := giveBack(entry("2026-02-20"))
		locked := giveBack(entry("2026-02-16"))
		if _, err := e.a.AddEvidenceLink(ctx, staff, app.TargetProgress, waiting.ID, "https://drive.example.go.id/a", "Notulen"); err != nil {
			t.Fatalf("evidence while the period is open: %v", err)
		}
		before, _ := e.a.EvidenceOf(ctx, staff, app.TargetProgress, waiting.ID)

		movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		feb := movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)

		// A new entry in a closed period is refused, naming the period and
		// its deadline.
		_, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-02-23", Description: "Rapat", Minutes: 30})
		refusedBy(t, "an entry in a closed period", err, "date", "invalid.report.period.closed")
		var v *model.ValidationError
		if errors.As(err, &v) {
			args := v.Args["date"]
			if len(args) != 2 || !reflect.DeepEqual(args[0], feb.Label()) || !reflect.DeepEqual(args[1], model.DateLabel(feb.ReportDeadline)) {
				t.Errorf("the message's arguments = %#v, want the period %v and its deadline", args, feb.Label())
			}
		}
		// The day page says so instead of offering the form; March does not.
		if d, err := e.a.ProgressDayOf(ctx, staff, "2026-02-23"); err != nil || d.Refused.Key != "invalid.report.period.closed" {
			t.Errorf("the day of a closed period: %+v, %v", d.Refused, err)
		}
		if d, err := e.a.ProgressDayOf(ctx, staff, "2026-03-02"); err != nil || d.Refused.Key != "" {
			t.Errorf("a day of a draft period: %+v, %v", d.Refused, err)
		}
		// Evidence on an entry not returned neither comes nor goes.
		_, err = e.a.AddEvidenceLink(ctx, staff, app.TargetProgress, waiting.ID, "https://drive.example.go.id/b", "Foto")
		refusedBy(t, "evidence on an entry of a closed period", err, "file", "invalid.report.period.closed")
		if err := e.a.DeleteEvidence(ctx, staff, before[0].ID); err == nil {
			t.Error("evidence removed from an entry of a closed period")
		}
		if one, _ := e.a.ProgressOne(ctx, staff, waiting.ID); len(one.Files) != 1 || one.Files[0].Can.Delete {
			t.Errorf("evidence of a closed period offered for removal: %+v", one.Files)
		}

		// Assessment goes on in a closed period: the supervisor reviews.
		if one, _ := e.a.ProgressOne(ctx, kabid, waiting.ID); !one.Can.Approve {
			t.Error("an entry waiting in a closed period is not offered for review")
		}
		if _, err := e.a.ReviewProgress(ctx, kabid, waiting.ID, waiting.Version, true, ""); err != nil {
			t.Errorf("reviewing an entry of a closed period: %v", err)
		}

		// A returned entry is still fixed in its closed period, evidence
		// with it...
		if one, _ := e.a.ProgressOne(ctx, staff, fix.ID); !one.Can.Edit {
			t.Error("a returned entry of a closed period is not offered for a fix")
		}
		if _, err := e.a.AddEvidenceLink(ctx, staff, app.TargetProgress, fix.ID, "https://drive.example.go.id/c", "Draf"); err != nil {
			t.Errorf("evidence on a returned entry of a closed period: %v", err)
		}
		fix.Description, fix.WorkDate = "Menyusun laporan, draf terlampir", "2026-02-17"
		if _, err := e.a.ResubmitProgress(ctx, staff, fix.Version, fix, nil); err != nil {
			t.Errorf("fixing a returned entry within its closed period: %v", err)
		}
		// ...but not moved into another closed period.
		moved.WorkDate = "2026-01-30"
		_, err = e.a.ResubmitProgress(ctx, staff, moved.Version, moved, nil)
		refusedBy(t, "a returned entry moved to another closed period", err, "date", "invalid.report.period.closed")

		// Once locked after assessment, nothing in it changes.
		movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodLocked)
		_, err = e.a.ResubmitProgress(ctx, staff, locked.Version, locked, nil)
		refusedBy(t, "a returned entry of a locked period", err, "date", "invalid.report.period.locked")
		locked.WorkDate = "2026-03-02" // nor moved out of it
		_, err = e.a.ResubmitProgress(ctx, staff, locked.Version, locked, nil)
		refusedBy(t, "a returned entry moved out of a locked period", err, "date", "invalid.report.period.locked")
		if one, _ := e.a.ProgressOne(ctx, staff, locked.ID); one.Can.Edit {
			t.Error("a returned entry of a locked period is offered for a fix")
		}
		_, err = e.a.AddEvidenceLink(ctx, staff, app.TargetProgress, locked.ID, "https://drive.example.go.id/d", "Foto")
		refusedBy(t, "evidence on a returned entry of a locked period", err, "file", "invalid.report.period.locked")
		_, err = e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-02-24", Description: "Rapat", Minutes: 30})
		refusedBy(t, "an entry in a locked period", err, "date", "invalid.report.period.locked")
		// Nor is an entry of an assessed period reviewed any more; the
		// desk's "approve selected" skips it.
		if one, _ := e.a.ProgressOne(ctx, kabid, unreviewed.ID); one.Can.Approve || one.Can.Return {
			t.Errorf("an entry of a locked period offered for review: %+v", one.Can)
		}
		_, err = e.a.ReviewProgress(ctx, kabid, unreviewed.ID, unreviewed.Version, false, "Lengkapi")
		refusedBy(t, "returning an entry of a locked period", err, "date", "invalid.report.period.locked")
		if n, err := e.a.ApproveProgress(ctx, kabid, []string{unreviewed.ID}); err != nil || n != 0 {
			t.Errorf("approve selected with an entry of a locked period: %d, %v", n, err)
		}

		// An entry in an open period is taken as always.
		movePeriods(t, e, 3, model.PeriodMonthly, model.PeriodOpen)
		entry("2026-03-02")
	})
}

func TestRealisasiInClosedOrLockedPeriodIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff := who["staff1"]
		skp := approvedStaffSKP(t, e, s, staff)
		in := skp.RHK[0].Indicators[0]
		feb := movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodOpen)
		r, err := e.a.SaveRealisasi(ctx, staff, skp.ID, 0, model.Realisasi{PeriodID: feb.ID, IndicatorID: in.ID, Value: "3"})
		if err != nil {
			t.Fatal(err)
		}
		ev, err := e.a.AddEvidenceLink(ctx, staff, app.TargetRealisasi, r.ID, "https://drive.example.go.id/r", "Laporan")
		if err != nil {
			t.Fatalf("evidence on a realisasi of an open period: %v", err)
		}

		movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodClosed)
		_, err = e.a.SaveRealisasi(ctx, staff, skp.ID, r.Version, model.Realisasi{PeriodID: feb.ID, IndicatorID: in.ID, Value: "4"})
		refusedBy(t, "realisasi in a closed period", err, "period_id", "invalid.report.period.closed")
		_, err = e.a.AddEvidenceLink(ctx, staff, app.TargetRealisasi, r.ID, "https://drive.example.go.id/s", "Foto")
		refusedBy(t, "evidence on a realisasi of a closed period", err, "file", "invalid.report.period.closed")
		refusedBy(t, "evidence removed from a realisasi of a closed period", e.a.DeleteEvidence(ctx, staff, ev.ID), "file", "invalid.report.period.closed")
		page, err := e.a.Realisasi(ctx, staff, skp.ID, feb.ID)
		if err != nil || page.Can.Edit || page.Refused.Key != "invalid.report.period.closed" || page.Files[r.ID][0].Can.Delete {
			t.Errorf("the realisasi page of a closed period: can %+v, refused %+v, files %+v, %v", page.Can, page.Refused, page.Files[r.ID], err)
		}

		movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodLocked)
		_, err = e.a.SaveRealisasi(ctx, staff, skp.ID, r.Version, model.Realisasi{PeriodID: feb.ID, IndicatorID: in.ID, Value: "4"})
		refusedBy(t, "realisasi in a locked period", err, "period_id", "invalid.report.period.locked")
		if one, err := e.a.RealisasiOne(ctx, staff, r.ID); err != nil || one.Can.Edit {
			t.Errorf("a realisasi of a locked period offered for a change: %+v, %v", one.Can, err)
		}

		// A month not opened under a locked annual evaluation is locked
		// too; and it is not opened while the year is locked.
		mar := movePeriods(t, e, 3, model.PeriodMonthly)
		movePeriods(t, e, 1, model.PeriodAnnual, model.PeriodOpen, model.PeriodClosed, model.PeriodLocked)
		open := mar
		open.Status = model.PeriodOpen
		if err := e.movePeriod(ctx, open, ""); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a month opened under a locked year: %v", err)
		}
		_, err = e.a.SaveRealisasi(ctx, staff, skp.ID, 0, model.Realisasi{PeriodID: mar.ID, IndicatorID: in.ID, Value: "1"})
		refusedBy(t, "realisasi under a locked year", err, "period_id", "invalid.report.period.locked")
		_, err = e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-03-02", Description: "Rapat", Minutes: 30})
		refusedBy(t, "progress under a locked year", err, "date", "invalid.report.period.locked")
	})
}

func TestProgressOffersOnlyRHKOfApprovedSKP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff := who["staff1"]
		skp, err := e.a.CreateSKP(ctx, staff, e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		rhk, err := e.a.SaveRHK(ctx, staff, skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, Description: "Tersusunnya laporan layanan"})
		if err != nil {
			t.Fatal(err)
		}
		// A draft SKP offers no RHK, and says why.
		work, err := e.a.WorkRHK(ctx, staff, "2026-03-02")
		if err != nil || work.ID != skp.ID || len(work.RHK) != 0 {
			t.Errorf("RHK of a draft SKP offered: %+v, %v", work.RHK, err)
		}
		d, err := e.a.ProgressDayOf(ctx, staff, "2026-03-02")
		if err != nil || len(d.RHK) != 0 || !d.Unapproved || d.NoSKP {
			t.Errorf("the day with a draft SKP: rhk %v, unapproved %v, noskp %v, %v", d.RHK, d.Unapproved, d.NoSKP, err)
		}
		_, err = e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-03-02", RHKID: rhk.ID, Description: "Menyusun", Minutes: 30})
		refusedBy(t, "progress on an RHK of a draft SKP", err, "rhk_id", "invalid.progress.rhk.unapproved")
		if p, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-03-02", Description: "Menyusun", Minutes: 30}); err != nil || p.RHKID != "" {
			t.Errorf("other duties with a draft SKP: %+v, %v", p, err)
		}
		// Someone without an SKP sees no RHK and no guidance about approval.
		if d, err := e.a.ProgressDayOf(ctx, who["staff2"], "2026-03-02"); err != nil || !d.NoSKP || d.Unapproved || len(d.RHK) != 0 {
			t.Errorf("the day without an SKP: %+v, %v", d, err)
		}

		// Once approved, its RHK are offered and taken.
		skp = approvedStaffSKPFrom(t, e, s, skp.ID)
		if work, _ := e.a.WorkRHK(ctx, staff, "2026-03-02"); len(work.RHK) != 1 || work.RHK[0].ID != rhk.ID {
			t.Errorf("RHK of the approved SKP offered: %+v", work.RHK)
		}
		if d, _ := e.a.ProgressDayOf(ctx, staff, "2026-03-02"); d.Unapproved || len(d.RHK) != 1 {
			t.Errorf("the day with an approved SKP: unapproved %v, rhk %v", d.Unapproved, d.RHK)
		}
		if _, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-03-02", RHKID: rhk.ID, Description: "Menyusun", Minutes: 30}); err != nil {
			t.Errorf("progress on an RHK of the approved SKP: %v", err)
		}
	})
}

// approvedStaffSKPFrom approves an SKP as it stands, past the workflow.
func approvedStaffSKPFrom(t *testing.T, e env, s *store.Store, id string) model.SKP {
	t.Helper()
	ctx := context.Background()
	full, _ := s.SKP(ctx, id)
	full.Status = model.SKPApproved
	if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
		return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove)
	}); err != nil {
		t.Fatal(err)
	}
	full, _ = s.SKP(ctx, id)
	return full
}

// Every line of the filling dashboard counts the people its drill-down
// lists: an OPD's own unit (not the units below it), a unit with a
// transferred employee, employees without an SKP, and not an inactive one.
func TestFillingCountsAgreeWithTheirDrillDown(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		// An inactive employee still placed in Aplikasi counts nowhere.
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: "198501012010011099",
				Name: "Pensiunan Uji", Status: model.StatusPNS, Golongan: "III/a", Active: false})
			if err != nil {
				return err
			}
			_, err = tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		// Staff2 is approved; Staff1 had an approved SKP and moved to the
		// Sekretariat, which closed it: not started on the new post.
		approvedStaffSKP(t, e, s, who["staff1"])
		if _, err := e.a.CreateSKP(ctx, who["staff2"], e.o.Staff2.ID, 2026, model.ApproachKuantitatif); err != nil {
			t.Fatal(err)
		}
		var staff2SKP model.SKP
		list, _ := e.a.SKPList(ctx, who["staff2"], e.o.Staff2.ID, 2026, "")
		staff2SKP = approvedStaffSKPFrom(t, e, s, list[0].ID)
		if staff2SKP.Status != model.SKPApproved {
			t.Fatalf("staff2's SKP = %s", staff2SKP.Status)
		}
		if _, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementDefinitif, Start: "2026-03-01"}); err != nil {
			t.Fatal(err)
		}

		want := map[string]int{e.o.Kominfo.ID: 1, e.o.Aplikasi.ID: 1, e.o.Sekretariat.ID: 2}
		for _, opd := range []string{e.o.Kominfo.ID, e.o.Dinkes.ID} {
			f, err := e.a.SKPFilling(ctx, e.admin, 2026, opd)
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for _, l := range f.Lines {
				people, status, err := e.a.BehindInUnit(ctx, e.admin, 2026, l.Unit.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(people) != l.Counts.Behind() || len(status) != len(people) {
					t.Errorf("%s: the line counts %d behind, the drill-down lists %d", l.Unit.Name, l.Counts.Behind(), len(people))
				}
				if n, ok := want[l.Unit.ID]; ok && len(people) != n {
					t.Errorf("%s: %d behind, want %d", l.Unit.Name, len(people), n)
				}
				v, err := e.a.Behind(ctx, e.admin, 2026, l.Unit.ID)
				if err != nil || len(v.People) != l.Counts.Behind() {
					t.Errorf("%s: the drill-down page lists %d, the line counts %d, %v", l.Unit.Name, len(v.People), l.Counts.Behind(), err)
				}
				sum += l.Counts.Total
			}
			if sum != f.Total.Total {
				t.Errorf("the lines of %s count %d people, the total %d", opd, sum, f.Total.Total)
			}
		}
		// The transferred employee is behind in their new unit.
		_, status, _ := e.a.BehindInUnit(ctx, e.admin, 2026, e.o.Sekretariat.ID)
		if st, ok := status[e.o.Staff1.ID]; !ok || st != "" {
			t.Errorf("the transferred employee in the Sekretariat: %q, %v", st, ok)
		}
		// Reminding reaches as many as the line counts.
		if n, err := e.a.RemindBehind(ctx, e.admin, 2026, e.o.Kominfo.ID); err != nil || n != 1 {
			t.Errorf("reminded %d in the Kominfo's own unit, %v", n, err)
		}
	})
}

// The beranda counts the SKPs waiting for the actor as the SKP page does,
// of every year.
func TestHomeCountsWhatTheSKPPageLists(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		if _, err := e.a.OpenYear(ctx, e.admin, 2025, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		// Staff1's SKP of last year waits for the Kabid, as does Staff2's
		// of this year.
		for _, c := range []struct {
			who  model.Actor
			id   string
			year int
		}{{who["staff1"], e.o.Staff1.ID, 2025}, {who["staff2"], e.o.Staff2.ID, 2026}} {
			skp, err := e.a.CreateSKP(ctx, c.who, c.id, c.year, model.ApproachKuantitatif)
			if err != nil {
				t.Fatal(err)
			}
			full, _ := s.SKP(ctx, skp.ID)
			full.Status = model.SKPSubmitted
			if err := s.Write(ctx, sys, func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActSubmit) }); err != nil {
				t.Fatal(err)
			}
		}
		h, err := e.a.Home(ctx, who["kabid"])
		if err != nil {
			t.Fatal(err)
		}
		v, err := e.a.SKPsView(ctx, who["kabid"], 2026)
		if err != nil {
			t.Fatal(err)
		}
		approvable := 0
		for _, it := range v.Team {
			if it.Can.Approve {
				approvable++
			}
		}
		if h.WaitingSKP != 2 || v.Waiting != 2 || approvable != 2 {
			t.Errorf("the beranda counts %d waiting, the SKP page %d, its list holds %d to approve", h.WaitingSKP, v.Waiting, approvable)
		}
		if len(h.Team) != 2 {
			t.Errorf("the Kabid's team on the beranda = %d people", len(h.Team))
		}
	})
}
