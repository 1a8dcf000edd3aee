package demo_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestDemoResultsRestOnRealisasi: every rated result of the demo has
// something behind it. Each rated assessment of a month (of the running
// year and of the year before) has a realisasi with its basis for every
// indicator of its SKP in its period, and what that realisasi suggests
// is the rating hasil kerja given: a Sangat Baik result stands above
// its targets, a Butuh Perbaikan one below. A final annual result shows
// its periodic results. Someone moved to another post on 1 July of each
// year has two SKPs in it, each assessed; the annual evaluation of the
// year before lists both, each with its periodic results.
func TestDemoResultsRestOnRealisasi(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// Tuesday 1 December 2026, 10:00 WIB: October is the latest
		// month closed, November still open.
		now := time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)
		a, sum := generateOn(t, s, now, 300, 7)
		in := sum.InstansiID
		bkpsdm := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		want := map[model.Rating]string{model.RatingDiAtas: "above", model.RatingSesuai: "meets", model.RatingDiBawah: "below"}
		skpsOf := map[string][]model.SKP{} // "year/employee" -> SKPs
		var annual2025 string
		for _, year := range []int{2025, 2026} {
			periods, err := s.Periods(ctx, in, year)
			if err != nil {
				t.Fatal(err)
			}
			skps, err := s.SKPs(ctx, store.SKPFilter{InstansiID: in, Year: year})
			if err != nil {
				t.Fatal(err)
			}
			ids := make([]string, 0, len(skps))
			for _, k := range skps {
				ids = append(ids, k.ID)
				key := fmt.Sprint(year, "/", k.EmployeeID)
				skpsOf[key] = append(skpsOf[key], k)
			}
			indicators, err := s.IndicatorsOfSKPs(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			rhk, err := s.RHKOfSKPs(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			rated, checked := 0, 0
			for _, p := range periods {
				if p.Kind == model.PeriodAnnual && year == 2025 {
					annual2025 = p.ID
				}
				list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: in, PeriodID: p.ID})
				if err != nil {
					t.Fatal(err)
				}
				got, err := s.RealisasiOfPeriod(ctx, p.ID)
				if err != nil {
					t.Fatal(err)
				}
				for n, as := range list {
					if as.Status == model.AssessmentOpen {
						continue
					}
					rated++
					for _, r := range rhk[as.SKPID] {
						for _, x := range indicators[r.ID] {
							if v, ok := got[x.ID]; !ok || v.Value == "" || v.Basis == "" || v.SKPID != as.SKPID {
								t.Errorf("%s, %s (%s): no realisasi of %q: %+v", as.Employee.Name, p.Name(), as.Status, x.Description, v)
							}
						}
					}
					// What the assessment page reads from the realisasi is
					// the rating given (a sample: the page is slow to build).
					if n%15 != 0 && p.Kind != model.PeriodAnnual {
						continue
					}
					checked++
					v, err := a.AssessmentView(ctx, bkpsdm, as.ID)
					if err != nil {
						t.Fatal(err)
					}
					suggest := v.Suggestion
					if p.Kind == model.PeriodAnnual && v.Annual != nil {
						// The realisasi's own word, before the periodic
						// results are weighed in.
						for _, k := range v.Annual.SKPs {
							if k.This {
								suggest = k.Suggestion
							}
						}
					}
					if string(suggest.Rating) == "" || suggest.Rating != as.HasilKerja {
						t.Errorf("%s, %s: rated %s (%s) on realisasi that suggest %q", as.Employee.Name, p.Name(), as.HasilKerja, want[as.HasilKerja], suggest.Rating)
					}
					for _, res := range v.Results {
						for _, x := range res.Indicators {
							if strings.TrimSpace(x.Realisasi) == "" {
								t.Errorf("%s, %s: the page shows no realisasi of %q", as.Employee.Name, p.Name(), x.Indicator.Description)
							}
						}
					}
					if p.Kind == model.PeriodAnnual && as.Status == model.AssessmentFinal {
						if v.Annual == nil || len(v.Annual.SKPs) == 0 {
							t.Fatalf("%s's annual result has no annual evaluation", as.Employee.Name)
						}
						for _, k := range v.Annual.SKPs {
							if len(k.Periods) == 0 {
								t.Errorf("%s's annual result: no periodic result on the SKP from %s", as.Employee.Name, k.SKP.PeriodStart)
							}
						}
					}
				}
			}
			if rated < 1000 || checked < 100 {
				t.Errorf("%d: %d rated assessments, %d looked at", year, rated, checked)
			}
		}

		// The moved: two SKPs in each year, one closed the day before
		// 1 July, every one of them assessed.
		for _, year := range []int{2025, 2026} {
			var moved []model.SKP
			for key, list := range skpsOf {
				if strings.HasPrefix(key, fmt.Sprint(year, "/")) && len(list) == 2 && (list[0].Status == model.SKPClosed || list[1].Status == model.SKPClosed) {
					moved = list
				}
			}
			if len(moved) != 2 {
				t.Fatalf("%d: nobody moved to a new post has two SKPs", year)
			}
			var closed, next model.SKP
			for _, k := range moved {
				if k.Status == model.SKPClosed {
					closed = k
				} else {
					next = k
				}
			}
			tmt := model.Date(time.Date(year, 7, 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
			if closed.PeriodEnd != model.Date(time.Date(year, 6, 30, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)) ||
				next.Status != model.SKPApproved || next.PeriodStart != tmt || closed.PositionID == next.PositionID {
				t.Fatalf("%d: the SKPs of the moved: %s %s–%s on %s, %s %s–%s on %s", year, closed.Status, closed.PeriodStart, closed.PeriodEnd,
					closed.PositionID, next.Status, next.PeriodStart, next.PeriodEnd, next.PositionID)
			}
			list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: in, Employees: []string{closed.EmployeeID}})
			if err != nil {
				t.Fatal(err)
			}
			final := map[string]int{}
			var annual string
			for _, as := range list {
				if as.Status == model.AssessmentFinal && as.RatedBy != "" {
					final[as.SKPID]++
				}
				if as.SKPID == closed.ID && as.PeriodID == annual2025 && as.Status == model.AssessmentFinal {
					annual = as.ID
				}
			}
			if final[closed.ID] < 6 || final[next.ID] < 3 {
				t.Errorf("%d: final assessments of the moved: %d before the move, %d after", year, final[closed.ID], final[next.ID])
			}
			if year != 2025 {
				continue
			}
			if annual == "" {
				t.Fatal("the moved of 2025 have no final annual result of the SKP they left")
			}
			v, err := a.AssessmentView(ctx, bkpsdm, annual)
			if err != nil {
				t.Fatal(err)
			}
			if v.Annual == nil || len(v.Annual.SKPs) != 2 {
				t.Fatalf("the annual evaluation of the moved of 2025: %+v", v.Annual)
			}
			for _, k := range v.Annual.SKPs {
				if len(k.Periods) != 6 {
					t.Errorf("the SKP from %s shows %d periodic results, want 6", k.SKP.PeriodStart, len(k.Periods))
				}
			}
		}
	})
}
