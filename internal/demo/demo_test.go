package demo_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func generate(t *testing.T, s *store.Store, n int, seed int64) (*app.App, demo.Summary) {
	t.Helper()
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	sum, err := demo.Generate(context.Background(), a, demo.Options{Employees: n, Seed: seed})
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return a, sum
}

func TestDemoCity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a, sum := generate(t, s, 600, 1)
		if sum.Employees != 600 {
			t.Errorf("employees = %d, want 600", sum.Employees)
		}
		units, err := s.Units(ctx, sum.InstansiID)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[model.UnitKind][]string{}
		for _, u := range units {
			kinds[u.Kind] = append(kinds[u.Kind], u.Name)
		}
		slices.Sort(kinds[model.UnitKecamatan])
		if want := []string{"Kecamatan Barangin", "Kecamatan Lembah Segar", "Kecamatan Silungkang", "Kecamatan Talawi"}; !slices.Equal(kinds[model.UnitKecamatan], want) {
			t.Errorf("kecamatan = %v", kinds[model.UnitKecamatan])
		}
		if len(kinds[model.UnitKelurahan]) != 10 || len(kinds[model.UnitRSUD]) != 1 || len(kinds[model.UnitPuskesmas]) < 6 || len(kinds[model.UnitSekolah]) < 17 {
			t.Errorf("unit kinds: %d kelurahan, %d RSUD, %d puskesmas, %d schools", len(kinds[model.UnitKelurahan]),
				len(kinds[model.UnitRSUD]), len(kinds[model.UnitPuskesmas]), len(kinds[model.UnitSekolah]))
		}
		jpt := 0
		positions, _ := s.Positions(ctx, sum.InstansiID, "")
		for _, p := range positions {
			if p.Kind == model.PositionJPTPratama {
				jpt++
			}
		}
		if jpt < 14 || jpt > 22 {
			t.Errorf("%d JPT Pratama posts, want about 16", jpt)
		}

		chart, err := a.OrgChart(ctx, sum.InstansiID)
		if err != nil {
			t.Fatal(err)
		}
		page, err := s.Employees(ctx, store.EmployeeFilter{InstansiID: sum.InstansiID, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		walis, pppk := 0, 0
		for {
			for _, e := range page.Items {
				if e.Status == model.StatusPejabatNegara {
					walis++
					if chart.Rater(e.ID) != "" {
						t.Errorf("the Wali Kota has a rater")
					}
					continue
				}
				if e.Status == model.StatusPPPK {
					pppk++
				}
				n, err := model.ParseNIP(e.NIP)
				if err != nil {
					t.Errorf("%s: %v", e.NIP, err)
				}
				if n.Female != (e.Gender == "P") {
					t.Errorf("%s: gender %s disagrees with the NIP", e.NIP, e.Gender)
				}
				if seen[e.NIP] {
					t.Errorf("NIP %s twice", e.NIP)
				}
				seen[e.NIP] = true
				if chart.Rater(e.ID) == "" || chart.UpperRater(e.ID) == "" {
					t.Errorf("%s (%s) has no rater or atasan", e.FullName(), e.PositionName)
				}
				if !strings.Contains(e.Golongan, "/") && e.Status == model.StatusPNS {
					t.Errorf("%s: PNS golongan %q", e.NIP, e.Golongan)
				}
			}
			if page.NextCursor == "" {
				break
			}
			page, _ = s.Employees(ctx, store.EmployeeFilter{InstansiID: sum.InstansiID, Limit: 200, Cursor: page.NextCursor})
		}
		if walis != 1 || len(seen) != 599 || pppk < 30 {
			t.Errorf("%d Wali Kota, %d with NIP, %d PPPK", walis, len(seen), pppk)
		}

		// The printed accounts sign in with the demo password.
		roles := map[string][]string{}
		for _, acc := range sum.Accounts {
			res, err := a.Login(ctx, app.LoginRequest{Username: acc.Username, Password: demo.Password})
			if err != nil {
				t.Errorf("sign in as %s: %v", acc.Username, err)
				continue
			}
			roles[acc.Role] = res.Actor.RoleNames()
		}
		if len(sum.Accounts) != 6 {
			t.Errorf("accounts = %+v", sum.Accounts)
		}
		for role, want := range map[string]string{"Admin BKPSDM (seluruh kota)": "bkpsdm_admin", "Kepala bidang (atasan langsung)": "supervisor",
			"Staf (ASN)": "asn", "Wali Kota (pimpinan)": "leader", "Auditor (Inspektorat)": "auditor", "Admin OPD (Diskominfo)": "opd_admin"} {
			if !slices.Contains(roles[role], want) {
				t.Errorf("%s has roles %v, want %s", role, roles[role], want)
			}
		}
		entries, _ := s.AuditEntries(ctx, store.AuditFilter{InstansiID: sum.InstansiID, EntityType: "employee", Limit: 5})
		if len(entries) == 0 || entries[0].ActorName != "Sistem (demo)" {
			t.Errorf("the demo is not in the audit log: %+v", entries)
		}
	})
}

func TestDemoIsDeterministic(t *testing.T) {
	list := func(seed int64) []string {
		s := storetest.Open(t, "sqlite")
		_, sum := generate(t, s, 300, seed)
		page, err := s.Employees(context.Background(), store.EmployeeFilter{InstansiID: sum.InstansiID, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range page.Items {
			out = append(out, e.NIP+" "+e.FullName()+" "+e.PositionName)
		}
		return out
	}
	a, b, c := list(7), list(7), list(8)
	if !slices.Equal(a, b) {
		t.Error("the same seed gave different cities")
	}
	if slices.Equal(a, c) {
		t.Error("different seeds gave the same city")
	}
}
