package demo_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// generate builds a demo city of n employees on s by today's clock.
func generate(t *testing.T, s *store.Store, n int, seed int64) (*app.App, demo.Summary) {
	t.Helper()
	return generateOn(t, s, time.Time{}, n, seed)
}

// generateOn builds a demo city of n employees on s as on now (the zero
// time: today), with a cheap password hash, and checks that its acts
// keep the rules' order (checkTimelines).
func generateOn(t *testing.T, s *store.Store, now time.Time, n int, seed int64) (*app.App, demo.Summary) {
	t.Helper()
	opt := app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}}
	if !now.IsZero() {
		opt.Now = func() time.Time { return now }
	}
	a := app.New(s, nil, opt)
	sum, err := demo.Generate(context.Background(), s, a, demo.Options{Employees: n, Seed: seed})
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	// Every city's penilaian keeps the rules' order of acts.
	checkTimelines(t, s, sum.InstansiID, a.Now())
	return a, sum
}

// golongan lists the PNS golongan that fit a structural position.
var golongan = map[model.PositionKind][]string{
	model.PositionJPTPratama:    {"IV/c", "IV/d"},
	model.PositionAdministrator: {"IV/a", "IV/b"},
	model.PositionPengawas:      {"III/c", "III/d", "IV/a"},
	model.PositionPelaksana:     {"II/c", "II/d", "III/a", "III/b"},
}

func TestDemoCity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a, sum := generate(t, s, 600, 1)
		if sum.Employees != 600 {
			t.Errorf("employees = %d, want 600", sum.Employees)
		}
		if !storetest.Analyzed(t, s, "employees") || !storetest.Analyzed(t, s, "skps") {
			t.Error("the tables were not analyzed after the city was written")
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
		if len(kinds[model.UnitKelurahan]) != 10 || len(kinds[model.UnitRSUD]) != 1 || len(kinds[model.UnitPuskesmas]) < 6 || len(kinds[model.UnitSekolah]) < 17 || len(kinds[model.UnitUPT]) < 5 {
			t.Errorf("unit kinds: %d kelurahan, %d RSUD, %d puskesmas, %d schools, %d UPT", len(kinds[model.UnitKelurahan]),
				len(kinds[model.UnitRSUD]), len(kinds[model.UnitPuskesmas]), len(kinds[model.UnitSekolah]), len(kinds[model.UnitUPT]))
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

		// A post one person holds has one definitive holder.
		held := map[string]int{}
		for _, e := range everyone(t, s, sum.InstansiID) {
			held[e.PositionID]++
		}
		for _, p := range positions {
			leads, err := s.PositionLeads(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if model.OneHolder(p, leads) && held[p.ID] > 1 {
				t.Errorf("%s (%s) has %d definitive holders", p.Name, p.Code, held[p.ID])
			}
		}

		chart, err := a.OrgChart(ctx, sum.InstansiID)
		if err != nil {
			t.Fatal(err)
		}
		page, err := s.Employees(ctx, model.EmployeeFilter{InstansiID: sum.InstansiID, Limit: 200})
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
				if string(e.BirthDate) != n.BirthDate.Format(time.DateOnly) {
					t.Errorf("%s: birth date %s disagrees with the NIP", e.NIP, e.BirthDate)
				}
				if n.TMT.Year()-n.BirthDate.Year() < 18 {
					t.Errorf("%s: TMT before the age of 18", e.NIP)
				}
				if want, ok := golongan[e.PositionKind]; ok && e.Status == model.StatusPNS && !slices.Contains(want, e.Golongan) {
					t.Errorf("%s (%s): golongan %s, want one of %v", e.NIP, e.PositionKind, e.Golongan, want)
				}
				if first, rest, ok := strings.Cut(e.Name, " "); ok && first == rest {
					t.Errorf("%s: name %q repeats itself", e.NIP, e.Name)
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
			page, _ = s.Employees(ctx, model.EmployeeFilter{InstansiID: sum.InstansiID, Limit: 200, Cursor: page.NextCursor})
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
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: sum.InstansiID, EntityType: "employee", Limit: 5})
		if len(entries) == 0 || entries[0].ActorName != "Sistem (demo)" {
			t.Errorf("the demo is not in the audit log: %+v", entries)
		}

		// A second city is refused and changes nothing.
		if _, err := demo.Generate(ctx, s, a, demo.Options{Employees: 300, Seed: 2}); !errors.Is(err, model.ErrConflict) {
			t.Errorf("second Generate: %v, want ErrConflict", err)
		}
		all, _ := s.AllInstansi(ctx)
		if n, _ := s.CountEmployees(ctx, sum.InstansiID); len(all) != 1 || n != 600 {
			t.Errorf("after the refused Generate: %d instansi, %d employees", len(all), n)
		}
	})
}

// everyone lists every employee of the instansi, page by page.
func everyone(t *testing.T, s *store.Store, instansiID string) []model.Employee {
	t.Helper()
	var out []model.Employee
	f := model.EmployeeFilter{InstansiID: instansiID, Limit: 500}
	for {
		page, err := s.Employees(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page.Items...)
		if page.NextCursor == "" {
			return out
		}
		f.Cursor = page.NextCursor
	}
}

func TestDemoIsDeterministic(t *testing.T) {
	list := func(seed int64) []string {
		s := storetest.Open(t, "sqlite")
		_, sum := generate(t, s, 300, seed)
		var out []string
		for _, e := range everyone(t, s, sum.InstansiID) {
			out = append(out, e.NIP+" "+e.FullName()+" "+e.PositionName)
		}
		if len(out) != 300 {
			t.Fatalf("%d employees, want 300", len(out))
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

// TestDemoFullSize builds the city as serve --demo does, on SQLite.
func TestDemoFullSize(t *testing.T) {
	if testing.Short() {
		t.Skip("the full demo city in -short mode")
	}
	ctx := context.Background()
	s := storetest.Open(t, "sqlite")
	a, sum := generate(t, s, 2000, 1)
	all := everyone(t, s, sum.InstansiID)
	if len(all) != 2000 || sum.Employees != 2000 {
		t.Fatalf("%d employees stored, %d reported, want 2000", len(all), sum.Employees)
	}
	chart, err := a.OrgChart(ctx, sum.InstansiID)
	if err != nil {
		t.Fatal(err)
	}
	nips := map[string]bool{}
	for _, e := range all {
		if e.Status == model.StatusPejabatNegara {
			continue
		}
		if _, err := model.ParseNIP(e.NIP); err != nil || nips[e.NIP] {
			t.Errorf("NIP %s: %v (or twice)", e.NIP, err)
		}
		nips[e.NIP] = true
		if chart.Rater(e.ID) == "" || chart.UpperRater(e.ID) == "" {
			t.Errorf("%s (%s) has no rater or atasan", e.FullName(), e.PositionName)
		}
	}

	// Vacant head posts are led by a Plt, who then rates their staff: the
	// youth and sports bidang by the Sekretaris of the dinas, the kelurahan
	// Tanah Lapang by the Sekretaris Kecamatan.
	for _, c := range []struct{ vacant, acting, staff string }{
		{"DISPARPORA-BID3-KEPALA", "DISPARPORA-SEKRETARIAT-KEPALA", "DISPARPORA-BID3-JF1"},
		{"KEC-LEMBAHSEGAR-KEL6-KEPALA", "KEC-LEMBAHSEGAR-SEKCAM", "KEC-LEMBAHSEGAR-KEL6-JF1"},
	} {
		var ids [3]string
		for i, code := range []string{c.vacant, c.acting, c.staff} {
			p, err := s.PositionByCode(ctx, sum.InstansiID, code)
			if err != nil {
				t.Fatalf("position %s: %v", code, err)
			}
			ids[i] = p.ID
		}
		plt := chart.Holder(ids[0])
		if plt == "" || plt != chart.Holder(ids[1]) {
			t.Errorf("%s is held by %q, want the holder of %s %q", c.vacant, plt, c.acting, chart.Holder(ids[1]))
		}
		// The Plt has an approved SKP of the acting post, named as the
		// documents name it, rated by whoever rates that post.
		list, err := s.SKPs(ctx, store.SKPFilter{InstansiID: sum.InstansiID, EmployeeIDs: []string{plt}})
		if err != nil {
			t.Fatal(err)
		}
		var acting model.SKP
		for _, sk := range list {
			if sk.PositionID == ids[0] {
				if acting, err = s.SKP(ctx, sk.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		if acting.Status != model.SKPApproved || acting.Acting != model.PlacementPlt || !strings.HasPrefix(acting.Employee.Position, "Plt. ") ||
			acting.Rater.EmployeeID != chart.RaterOn(plt, ids[0]) || len(acting.RHK) == 0 {
			t.Errorf("the Plt's SKP of %s: %+v", c.vacant, acting)
		}
		actingRHK := map[string]bool{}
		for _, r := range acting.RHK {
			actingRHK[r.ID] = true
		}
		rated := 0
		for _, e := range all {
			if e.PositionID == ids[2] {
				rated++
				if chart.Rater(e.ID) != plt {
					t.Errorf("%s is rated by %q, want the Plt %q", e.FullName(), chart.Rater(e.ID), plt)
				}
				if up := chart.UpperRater(e.ID); up != chart.RaterOn(plt, ids[0]) {
					t.Errorf("%s has atasan %q, want whoever rates the acting post %q", e.FullName(), up, chart.RaterOn(plt, ids[0]))
				}
				// Their approved SKP intervenes the acting post's RHK.
				own, err := s.SKPs(ctx, store.SKPFilter{InstansiID: sum.InstansiID, EmployeeIDs: []string{e.ID}, Status: model.SKPApproved, Year: acting.Year})
				if err != nil {
					t.Fatal(err)
				}
				for _, sk := range own {
					if sk, err = s.SKP(ctx, sk.ID); err != nil {
						t.Fatal(err)
					}
					for _, r := range sk.RHK {
						if r.Kind == model.RHKUtama && !actingRHK[r.ParentRHKID] {
							t.Errorf("%s's RHK %q intervenes %q, not an RHK of the Plt's acting SKP", e.FullName(), r.Description, r.ParentRHKID)
						}
					}
				}
			}
		}
		if rated == 0 {
			t.Errorf("nobody works under the Plt of %s", c.vacant)
		}
	}

	// Every printed account signs in with the demo password.
	if len(sum.Accounts) != 6 {
		t.Errorf("accounts = %+v", sum.Accounts)
	}
	for _, acc := range sum.Accounts {
		if _, err := a.Login(ctx, app.LoginRequest{Username: acc.Username, Password: demo.Password}); err != nil {
			t.Errorf("sign in as %s: %v", acc.Username, err)
		}
	}
}

// TestAccountsOutsideTheDemo lists only accounts that exist when the
// database holds another organisation.
func TestAccountsOutsideTheDemo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		storetest.SeedOrg(t, s)
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		accounts, err := demo.Accounts(context.Background(), s, a)
		if err != nil {
			t.Fatal(err)
		}
		if len(accounts) != 0 {
			t.Errorf("accounts of a non-demo database: %+v, want none", accounts)
		}
	})
}
