package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
	"github.com/kinerja-id/kinerja/internal/web"
)

// openRoutes are the routes served without signing in, with why.
var openRoutes = map[string]string{
	"GET /masuk":       "the sign-in page",
	"POST /masuk":      "signing in",
	"GET /keluar":      "goes home",
	"POST /keluar":     "ends the caller's own session",
	"POST /bahasa":     "the language of the pages, a cookie",
	"GET /static/":     "style sheet, script and icons",
	"GET /aktivasi":    "an activation link opens before any password exists",
	"POST /aktivasi":   "setting the first password with the link's token",
	"GET /lupa-sandi":  "asking for a reset link",
	"POST /lupa-sandi": "asking for a reset link",
}

// publicPages are the pages with a path parameter that everyone signed in
// may open whatever record it names, with the rule that says so
// (docs/architecture.md, "Who may see what"). Their answers are still
// searched for the markers of private records.
var publicPages = map[string]string{
	"GET /pegawai/{id}":            "the directory: name, post and unit of everyone; the record itself only to those who may see it",
	"GET /unit/{id}":               "the unit tree and a unit's Perjanjian Kinerja are public within the instansi",
	"GET /unit/{id}/jabatan/{pid}": "the unit tree: who holds each post",
}

// leaderWebActs are the actions a leader (who otherwise only reads) may
// take on a record of someone else, with the rule that says so.
// ownActs are the actions every signed-in person takes on their own
// account only, whatever the page they come from: they change a row of the
// caller's, never Staff1's.
var ownActs = map[string]string{
	"POST /profil/totp": "starts the caller's own authenticator enrolment",
}

var leaderWebActs = map[string]string{
	"POST /skp/pantau/ingatkan": "whoever monitors a unit's planning may remind those behind (a notification, no change to their records)",
}

// TestWebAuthorizationMatrix walks every route of the web's route table
// as people who have no right to Staff1's records (a colleague outside
// her line, one of another unit of her OPD, an employee, a head and an
// administrator of another OPD), as
// read-only roles (auditor, leader) and signed out, against Staff1's own
// records, and fails on any answer the rules forbid: a page of her record
// opened for an outsider, an action on it that changes anything for an
// outsider or a read-only role, a page or action reached signed out, any
// 5xx, and any answer to an outsider that carries a marker of her private
// records. A route added to the table is walked without anyone
// remembering to; one whose path parameter the test cannot fill fails
// until the ids below name a record for it.
func TestWebAuthorizationMatrix(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		rec := apptest.PrivateRecords(t, e.a, s, e.o)
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		for _, n := range []app.NewUser{
			{Username: "auditor", Password: "rahasia-audit", Roles: []model.RoleGrant{{Role: model.RoleAuditor}}},
			{Username: "pimpinan", Password: "rahasia-pimpinan", Roles: []model.RoleGrant{{Role: model.RoleLeader}}},
			{Username: "opd-dinkes", Password: "rahasia-opd2", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Dinkes.ID}}},
			{EmployeeNIP: storetest.NIPKadinkes, Password: "rahasia-kadinkes"},
			{EmployeeNIP: storetest.NIPNurse, Password: "rahasia-nurse"},
			{EmployeeNIP: storetest.NIPStaff3, Password: "rahasia-staf3"},
		} {
			if _, err := e.a.CreateUser(ctx, sys, n); err != nil {
				t.Fatal(err)
			}
		}
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		resp, _ := admin.post("/laporan", url.Values{"name": {app.ReportLaporanSKP}, "year": {"2026"}, "opd": {e.o.Kominfo.ID}})
		job, ok := strings.CutPrefix(resp.Header.Get("Location"), "/laporan/")
		if resp.StatusCode != http.StatusSeeOther || !ok {
			t.Fatalf("report: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		staffUser, err := s.UserByEmployee(ctx, e.o.Staff1.ID)
		if err != nil {
			t.Fatal(err)
		}

		// What a path parameter names, by the pattern up to it: one value,
		// or several that are each walked (the steps of an SKP).
		ids := map[string][]string{
			"/akun/{id}":                          {staffUser.ID},
			"/batas-masuk/{id}":                   {rec.SignInLimit},
			"/bimbingan/{id}":                     {rec.Coaching},
			"/bukti/{id}":                         {rec.Evidence},
			"/capaian-organisasi/{unit}":          {e.o.Kominfo.ID},
			"/capaian-organisasi/{unit}/{period}": {rec.Periods[0].ID},
			"/fragmen/kurva/{opd}":                {e.o.Kominfo.ID},
			"/fragmen/progres/{id}":               {rec.Progress},
			"/kalibrasi/{opd}":                    {e.o.Kominfo.ID},
			"/kalibrasi/{opd}/geser/{aid}":        {rec.Assessment},
			"/keberatan/{id}":                     {rec.Objection},
			"/kebutuhan/{id}":                     {rec.Need},
			"/laporan/{job}":                      {job},
			"/pegawai/{id}":                       {e.o.Staff1.ID},
			"/pegawai/{id}/penempatan/{pid}":      {rec.Placement},
			"/pegawai/{id}/penilai/{oid}":         {rec.Override},
			"/pegawai/{id}/sesi/{sid}":            {rec.Session},
			"/penilaian/{id}":                     {rec.Assessment},
			"/progres/pegawai/{id}":               {e.o.Staff1.ID},
			"/progres/{id}":                       {rec.Progress},
			"/realisasi/{id}":                     {rec.SKP.ID},
			"/sesi/{id}":                          {rec.Session},
			"/skp/{id}":                           {rec.SKP.ID},
			"/skp/{id}/indikator/{ind}":           {rec.SKP.RHK[0].Indicators[0].ID},
			"/skp/{id}/rhk/{rhk}":                 {rec.SKP.RHK[0].ID},
			"/skp/{id}/usulan/{pid}":              {rec.Proposal},
			"/skp/{id}/versi/{rev}":               {strconv.Itoa(rec.SKP.Revision), strconv.Itoa(rec.SKP.Revision) + ".pdf"},
			"/skp/{id}/{action}":                  {"ajukan", "setujui", "kembalikan", "revisi"},
			"/tahun/periode/{id}":                 {rec.Periods[0].ID},
			"/tim/{id}":                           {rec.Team},
			"/tindak-lanjut/{id}":                 {rec.FollowUp},
			"/unit/{id}":                          {e.o.Kominfo.ID},
			"/unit/{id}/pk/{sid}":                 {rec.PK},
			"/unit/{id}/jabatan/{pid}":            {e.o.PosKadis.ID},
		}
		param := regexp.MustCompile(`\{[a-z]+\}`)
		// paths answers the addresses that walk pattern, or the pattern up
		// to the first parameter that has no entry in ids.
		paths := func(pattern string) ([]string, string) {
			out := []string{strings.ReplaceAll(pattern, "{$}", "")}
			for _, loc := range param.FindAllStringIndex(pattern, -1) {
				key := pattern[:loc[1]]
				if len(ids[key]) == 0 {
					return nil, key
				}
				var next []string
				for _, p := range out {
					for _, v := range ids[key] {
						next = append(next, strings.Replace(p, pattern[loc[0]:loc[1]], v, 1))
					}
				}
				out = next
			}
			return out, ""
		}
		// A form that names Staff1's records in the fields the pages
		// send, with the current version, so that an action is refused for
		// who asks and not for a missing field.
		form := url.Values{
			"version": {strconv.Itoa(rec.SKP.Version)}, "employee_id": {e.o.Staff1.ID}, "employee": {e.o.Staff1.ID}, "unit": {e.o.Kominfo.ID},
			"opd": {e.o.Kominfo.ID}, "year": {"2026"}, "tahun": {"2026"}, "periode": {rec.Periods[0].ID}, "rhk_id": {rec.SKP.RHK[0].ID},
			"target_type": {"progress"}, "target_id": {rec.Progress}, "note": {"Catatan uji"}, "reason": {"Alasan uji"},
			"override_reason": {"Alasan uji"}, "comment": {"Komentar uji"}, "body": {"Umpan balik uji"}, "decision": {"accept"},
			"explanation": {"Penjelasan uji"}, "status": {"done"}, "capaian": {string(model.CapaianBaik)}, "basis": {"Dasar uji"},
		}
		query := "?employee=" + e.o.Staff1.ID + "&employee_id=" + e.o.Staff1.ID + "&unit=" + e.o.Kominfo.ID + "&opd=" + e.o.Kominfo.ID +
			"&pegawai=" + e.o.Staff1.ID + "&periode=" + rec.Periods[0].ID + "&tahun=2026"
		changes := stateOf(t, s, tablesOf(t, s))
		last := changes()
		// changed tells what changed since it was last asked.
		changed := func() string {
			now := changes()
			d := now.since(last)
			last = now
			return d
		}

		signedIn := func(user, pw string) *browser {
			b := e.browser(t)
			b.signIn(user, pw)
			return b
		}
		outsiders := map[string]*browser{
			"a colleague outside her line": signedIn(storetest.NIPStaff2, "rahasia-staf2"),
			"a colleague of another unit":  signedIn(storetest.NIPStaff3, "rahasia-staf3"),
			"an employee of another OPD":   signedIn(storetest.NIPNurse, "rahasia-nurse"),
			"the head of another OPD":      signedIn(storetest.NIPKadinkes, "rahasia-kadinkes"),
			"another OPD's administrator":  signedIn("opd-dinkes", "rahasia-opd2"),
		}
		readOnly := map[string]*browser{
			"the auditor": signedIn("auditor", "rahasia-audit"),
			"a leader":    signedIn("pimpinan", "rahasia-pimpinan"),
		}
		anonymous := e.browser(t)
		leaks := func(who, route string, status int, body string) {
			t.Helper()
			for _, m := range apptest.Markers {
				if strings.Contains(body, m) {
					t.Errorf("%s: %s answers %d with %s of Staff1's private records", who, route, status, m)
				}
			}
		}
		// The highest version a record of the fixture is at.
		maxVersion := 0
		for _, table := range tablesOf(t, s) {
			var v int
			if err := s.DB().QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM `+table).Scan(&v); err == nil {
				maxVersion = max(maxVersion, v)
			}
		}
		if maxVersion < rec.SKP.Version {
			t.Fatalf("the highest version is %d, below the SKP's %d", maxVersion, rec.SKP.Version)
		}
		do := func(b *browser, method, path string) (*http.Response, string) {
			if method == "POST" {
				return b.post(path, form)
			}
			return b.get(path)
		}

		routes := web.RouteTable(e.a)
		if len(routes) < 100 {
			t.Fatalf("the route table lists %d routes", len(routes))
		}
		changed() // the sign-ins above
		for _, route := range routes {
			method, pattern, ok := strings.Cut(route, " ")
			if !ok {
				continue // "/": any address no route matches, the not-found page
			}
			targets, unfilled := paths(pattern)
			if unfilled != "" {
				t.Errorf("%s: no record in the fixture for %s: add one to the ids", route, unfilled)
				continue
			}
			named := targets[0] != pattern && pattern != "/{$}"
			for _, path := range targets {
				addr := path + query // the query is ignored where the path names the record
				if openRoutes[route] == "" {
					resp, body := do(anonymous, method, addr)
					if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/masuk") {
						t.Errorf("signed out: %s answers %d (to %q)", route, resp.StatusCode, loc)
					}
					leaks("signed out", route, resp.StatusCode, body)
					if d := changed(); d != "" {
						t.Errorf("signed out: %s changed %s", route, d)
					}
				}
				if named && method == "GET" {
					// The record is real: BKPSDM, who may see it, opens it.
					resp, body := admin.get(addr)
					if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusOK && (resp.StatusCode != http.StatusSeeOther || strings.HasPrefix(loc, "/masuk")) {
						t.Errorf("BKPSDM: %s answers %d: %.300s", path, resp.StatusCode, body)
					}
					changed() // what reading may do is not the matter here
				}
				if openRoutes[route] != "" && method == "POST" {
					continue // signing in or out, or choosing a language
				}
				// An action on a record is sent with each version the record
				// may be at, so that it is refused for who asks and never
				// only as stale.
				versions := []int{rec.SKP.Version}
				if named && method == "POST" {
					versions = versions[:0]
					for v := 1; v <= maxVersion; v++ {
						versions = append(versions, v)
					}
				}
				for _, v := range versions {
					form.Set("version", strconv.Itoa(v))
					for who, b := range outsiders {
						resp, body := do(b, method, addr)
						switch {
						case resp.StatusCode >= 500:
							t.Errorf("%s: %s answers %d", who, route, resp.StatusCode)
						case named && method == "GET" && resp.StatusCode < 300 && publicPages[route] == "":
							t.Errorf("%s: %s on Staff1's record answers %d: %.300s", who, route, resp.StatusCode, body)
						}
						leaks(who, route, resp.StatusCode, body)
						if d := changed(); d != "" && ownActs[route] == "" {
							t.Errorf("%s: %s (%s) answers %d and changed %s", who, route, path, resp.StatusCode, d)
						}
					}
					for who, b := range readOnly { // who may read everything, and change nothing
						if who == "a leader" && leaderWebActs[route] != "" {
							continue
						}
						resp, _ := do(b, method, addr)
						if resp.StatusCode >= 500 {
							t.Errorf("%s: %s answers %d", who, route, resp.StatusCode)
						}
						if d := changed(); d != "" && ownActs[route] == "" {
							t.Errorf("%s: %s (%s) answers %d and changed %s", who, route, path, resp.StatusCode, d)
						}
					}
				}
			}
		}
	})
}

// state is what an action leaves behind: the rows of every table but the
// sessions (each sign-in adds one), with the audit log that records every
// change of a row.
type state map[string]int

func (s state) since(before state) string {
	var out []string
	for table, n := range s {
		if n != before[table] {
			out = append(out, fmt.Sprintf("%s %+d", table, n-before[table]))
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// tablesOf lists the tables of s.
func tablesOf(t *testing.T, s *store.Store) []string {
	t.Helper()
	ctx := context.Background()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if _, err := s.DB().ExecContext(ctx, `SELECT 1 FROM sqlite_master`); err != nil {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	rows, err := s.DB().QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Close(); err != nil || len(tables) < 30 {
		t.Fatalf("tables %v: %v", tables, err)
	}
	return tables
}

// stateOf answers a function that counts the rows of tables but the
// sessions.
func stateOf(t *testing.T, s *store.Store, tables []string) func() state {
	t.Helper()
	ctx := context.Background()
	var counts []string
	for _, table := range tables {
		if table == "sessions" {
			continue
		}
		counts = append(counts, `SELECT '`+table+`', COUNT(*) FROM `+table)
	}
	count := strings.Join(counts, " UNION ALL ")
	return func() state {
		t.Helper()
		rows, err := s.DB().QueryContext(ctx, count)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		st := state{}
		for rows.Next() {
			var table string
			var n int
			if err := rows.Scan(&table, &n); err != nil {
				t.Fatal(err)
			}
			st[table] = n
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return st
	}
}
