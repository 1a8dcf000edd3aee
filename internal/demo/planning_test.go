package demo_test

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

func TestDemoYearIsPlanned(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a, sum := generate(t, s, 400, 3)
		year := a.Today(ctx, sum.InstansiID).Time().Year()
		periods, err := s.Periods(ctx, sum.InstansiID, year)
		if err != nil || len(periods) != 13 {
			t.Fatalf("periods = %d, %v", len(periods), err)
		}
		// A period is closed once its report deadline has passed, open
		// from its start until then, not opened before it starts.
		today := a.Today(ctx, sum.InstansiID)
		for _, p := range periods {
			want := model.PeriodDraft
			switch {
			case p.ReportDeadline < today:
				want = model.PeriodClosed
			case p.Start <= today:
				want = model.PeriodOpen
			}
			if p.Status != want {
				t.Errorf("%s (%s to %s, reports by %s) is %s on %s, want %s", p.Name(), p.Start, p.End, p.ReportDeadline, p.Status, today, want)
			}
		}
		skps, err := s.SKPs(ctx, store.SKPFilter{InstansiID: sum.InstansiID, Year: year})
		if err != nil {
			t.Fatal(err)
		}
		count := map[model.SKPStatus]int{}
		for _, k := range skps {
			count[k.Status]++
		}
		if count[model.SKPApproved] < 300 || count[model.SKPDraft] == 0 || count[model.SKPSubmitted] == 0 || count[model.SKPReturned] == 0 || len(skps) >= 399 {
			t.Errorf("SKP states = %v of %d", count, len(skps))
		}
		chart, _ := a.OrgChart(ctx, sum.InstansiID)
		for _, k := range skps {
			if len(chart.Team(k.EmployeeID)) > 0 && k.Status != model.SKPApproved {
				t.Errorf("a leader's SKP is %s", k.Status)
			}
		}
		// An approved JA/JF SKP passes the rules' own guards and intervenes
		// RHK of its rater's approved SKP.
		checked := 0
		for _, k := range skps {
			if k.Status != model.SKPApproved || k.Format != model.FormatJAJF || checked > 20 {
				continue
			}
			full, err := s.SKP(ctx, k.ID)
			if err != nil {
				t.Fatal(err)
			}
			if p := model.SubmitProblems(full, true); p != nil {
				t.Errorf("approved SKP %s breaks the guards: %v", k.ID, p)
			}
			parent, err := s.RHKByID(ctx, full.RHK[0].ParentRHKID)
			if err != nil {
				t.Fatalf("parent RHK: %v", err)
			}
			sup, _ := s.SKP(ctx, parent.SKPID)
			if sup.EmployeeID != full.Rater.EmployeeID || sup.Status != model.SKPApproved {
				t.Errorf("SKP %s intervenes an RHK of %s (%s), not its rater's approved SKP", k.ID, sup.EmployeeID, sup.Status)
			}
			checked++
		}
		if checked == 0 {
			t.Error("no approved JA/JF SKP to check")
		}
		// A JPT's RHK utama come from the Perjanjian Kinerja of their unit.
		jpt := 0
		for _, k := range skps {
			if k.Format != model.FormatJPT {
				continue
			}
			full, _ := s.SKP(ctx, k.ID)
			pk, err := a.SKPPerjanjianKinerja(ctx, full)
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]bool{}
			for _, ps := range pk {
				ids[ps.ID] = true
			}
			for _, r := range full.RHK {
				if r.Kind == model.RHKUtama && !ids[r.PKSasaranID] {
					t.Errorf("JPT SKP %s: RHK %q is not from the unit's PK", k.ID, r.Description)
				}
			}
			jpt++
		}
		if jpt == 0 {
			t.Error("no JPT SKP in the demo")
		}
	})
}

// On the first day of a month the month before is still open: its report
// deadline (a few days on) has not passed, so the staff may still write
// its entries and realisasi, and it is neither assessed nor given a
// capaian yet; the month before it is closed and assessed.
func TestDemoMonthOpenUntilItsDeadline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// Tuesday 1 December 2026, 10:00 WIB.
		now := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
		a, sum := generateOn(t, s, now, 400, 11)
		periods, err := s.Periods(ctx, sum.InstansiID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		var oct, nov model.Period
		for _, p := range periods {
			switch {
			case p.Kind == model.PeriodMonthly && p.Start == "2026-10-01":
				oct = p
			case p.Kind == model.PeriodMonthly && p.Start == "2026-11-01":
				nov = p
			}
		}
		if oct.Status != model.PeriodClosed || nov.Status != model.PeriodOpen || nov.ReportDeadline < "2026-12-01" {
			t.Fatalf("October %s, November %s (reports by %s), want closed and open", oct.Status, nov.Status, nov.ReportDeadline)
		}
		for _, c := range []struct {
			p    model.Period
			some bool
		}{{oct, true}, {nov, false}} {
			list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: sum.InstansiID, PeriodID: c.p.ID})
			if err != nil {
				t.Fatal(err)
			}
			perf, err := s.UnitPerformances(ctx, sum.InstansiID, c.p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if (len(list) > 0) != c.some || (len(perf) > 0) != c.some {
				t.Errorf("%s: %d assessments, %d capaian; want some: %v", c.p.Name(), len(list), len(perf), c.some)
			}
		}

		// The objections sit on October, the latest month assessed, and
		// every page of BKPSDM's list gives their number on all pages.
		bkpsdm := model.Actor{UserID: "x", InstansiID: sum.InstansiID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		var seen, pages int
		var totals []int
		for q := (app.ObjectionFilter{Limit: 2, Count: true}); ; pages++ {
			page, err := a.Objections(ctx, bkpsdm, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range page.Items {
				if it.Period.ID != oct.ID {
					t.Errorf("an objection on %s, want October", it.Period.Name())
				}
			}
			seen, totals = seen+len(page.Items), append(totals, page.Total)
			if q.Cursor = page.Next; q.Cursor == "" {
				break
			}
		}
		for _, n := range totals {
			if n != seen || pages < 1 {
				t.Errorf("the pages of objections give totals %v over %d pages; they hold %d", totals, pages+1, seen)
				break
			}
		}
		if r, err := s.RealisasiOfPeriod(ctx, nov.ID); err != nil || len(r) == 0 {
			t.Errorf("November's realisasi = %d, %v", len(r), err)
		}
		// An employee with an approved plan may still report November.
		skps, err := s.SKPs(ctx, store.SKPFilter{InstansiID: sum.InstansiID, Year: 2026, Status: model.SKPApproved})
		if err != nil || len(skps) == 0 {
			t.Fatalf("approved SKP: %d, %v", len(skps), err)
		}
		var staff model.Actor
		var skp model.SKP
		for _, k := range skps {
			if u, err := s.UserByEmployee(ctx, k.EmployeeID); err == nil {
				staff = model.Actor{UserID: u.ID, InstansiID: u.InstansiID, EmployeeID: u.EmployeeID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
				if skp, err = s.SKP(ctx, k.ID); err != nil {
					t.Fatal(err)
				}
				break
			}
		}
		if staff.UserID == "" {
			t.Fatal("no user with an approved SKP")
		}
		if _, err := a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-11-30", RHKID: skp.RHK[0].ID,
			Description: "Menyusun laporan akhir bulan", Minutes: 60}); err != nil {
			t.Errorf("a November entry on 1 December: %v", err)
		}
		if _, err := a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-10-30", RHKID: skp.RHK[0].ID,
			Description: "Menyusun laporan akhir bulan", Minutes: 60}); !errors.As(err, new(*model.ValidationError)) {
			t.Errorf("an October entry on 1 December = %v, want refused", err)
		}
	})
}
