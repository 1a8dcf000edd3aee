package demo_test

import (
	"context"
	"testing"

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
		open := 0
		for _, p := range periods {
			if p.Status == model.PeriodOpen {
				open++
			}
		}
		if open != 1 {
			t.Errorf("%d open periods, want the current month", open)
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
