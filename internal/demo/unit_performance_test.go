package demo_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestDemoUnitPerformance: for every period of the demo year whose report
// deadline has passed, every OPD has its capaian set by the Wali Kota with three
// recommendations; a few are Istimewa, one Butuh Perbaikan, the rest Baik.
func TestDemoUnitPerformance(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a, sum := generate(t, s, 600, 7)
		today := a.Today(ctx, sum.InstansiID)
		periods, err := s.Periods(ctx, sum.InstansiID, today.Time().Year())
		if err != nil {
			t.Fatal(err)
		}
		bkpsdm := model.Actor{UserID: "x", InstansiID: sum.InstansiID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		past, onBehalf := 0, 0
		for _, p := range periods {
			l, err := a.UnitPerformances(ctx, bkpsdm, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind == model.PeriodAnnual || p.ReportDeadline >= today {
				for _, v := range l.Items {
					if v.Performance != nil {
						t.Errorf("%s has a capaian in %s, whose report deadline has not passed", v.Unit.Code, p.Name())
					}
				}
				continue
			}
			past++
			counts := map[model.Capaian]int{}
			for _, v := range l.Items {
				if v.Performance == nil {
					t.Errorf("%s has no capaian in %s", v.Unit.Code, p.Name())
					continue
				}
				counts[v.Performance.Capaian]++
				if v.Setter == nil || v.Performance.SetBy != v.Setter.ID || v.Performance.Basis == "" || v.LeaderRating == "" {
					t.Errorf("%s in %s: %+v", v.Unit.Code, p.Name(), v.Performance)
				}
				// Each body records its own: Bappeda gives none on itself.
				want := 3
				if v.Unit.Code == "BAPPEDA" {
					want = 2
				}
				if len(v.Recommendations) != want {
					t.Errorf("%s in %s has %d recommendations", v.Unit.Code, p.Name(), len(v.Recommendations))
				}
				for _, r := range v.Recommendations {
					if r.ByName == "Admin BKPSDM" && r.Source != model.SourceBKPSDM && (!r.OnBehalf || r.Basis == "") {
						t.Errorf("%s in %s: the BKPSDM admin recorded %s's recommendation, not on its behalf", v.Unit.Code, p.Name(), r.Source)
					}
					if r.OnBehalf {
						onBehalf++
					}
				}
			}
			if counts[model.CapaianIstimewa] != 3 || counts[model.CapaianButuhPerbaikan] != 1 || counts[model.CapaianBaik] != len(l.Items)-4 {
				t.Errorf("capaian in %s: %v of %d OPDs", p.Name(), counts, len(l.Items))
			}
		}
		// The months before last, and last month once its report
		// deadline (the 5th) has passed.
		want := int(today.Time().Month()) - 2
		if today.Time().Day() > model.DefaultReportDays {
			want++
		}
		// One letter of the Inspektorat recorded on its behalf, in the latest.
		if want := min(past, 1); onBehalf != want {
			t.Errorf("%d recommendations recorded on a body's behalf, want %d", onBehalf, want)
		}
		if want = max(want, 0); past != want {
			t.Errorf("%d periods with capaian, want %d", past, want)
		}
	})
}
