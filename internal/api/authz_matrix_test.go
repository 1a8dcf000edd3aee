package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/api"
	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// publicReads are the routes with a path parameter that everyone in the
// instansi may read whatever record it names, with the rule that says so
// (docs/architecture.md, "Who may see what"). Their answers are still
// searched for the markers of private records.
var publicReads = map[string]string{
	"GET /api/v1/employees/{id}":                     "the directory: name, post and unit of everyone",
	"GET /api/v1/units/{id}":                         "the unit tree",
	"GET /api/v1/units/{id}/positions":               "the unit tree: a unit's posts",
	"GET /api/v1/employees/{id}/team":                "the directory: whom an employee rates",
	"GET /api/v1/units/{id}/positions/{pid}/holders": "the unit tree: who holds each post",
	"GET /api/v1/units/{id}/pk":                      "the Perjanjian Kinerja of a unit is public within the instansi",
	"GET /api/v1/years/{year}/periods":               "the instansi's calendar",
	"GET /api/v1/reports/{name}":                     "a report covers what the reader may see, whatever its name",
	"GET /api/v1/skps/{id}/intervention-options":     "the RHK a subordinate may intervene: refused below",
}

// leaderActs are the writes a leader (who otherwise only reads) may make
// on a record of someone else, with the rule that says so.
var leaderActs = map[string]string{
	"POST /api/v1/monitoring/skps/units/{id}/remind": "whoever monitors a unit's planning may remind those behind (a notification, no change to their records)",
}

// TestAuthorizationMatrix walks every route of the API's route table as
// people who have no right to Staff1's records (a colleague outside her
// line, one of another unit of her OPD, an employee, a head and an
// administrator of another OPD) and as
// read-only roles (auditor, leader), against Staff1's own records, and
// fails on any answer the rules forbid: an outsider's 2xx on a route that
// names her record, a read-only role's 2xx on a write, any 5xx, and any
// answer to an outsider that carries a marker of her private records. A
// route added to the table is walked without anyone remembering to; one
// whose path parameter the test cannot fill fails until the fixture names
// a record for it.
func TestAuthorizationMatrix(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		blobs, err := blob.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Blobs: blobs})
		rec := apptest.PrivateRecords(t, a, s, e.o)
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		for _, n := range []app.NewUser{
			{Username: "opd-dinkes", Password: "rahasia-opd2", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Dinkes.ID}}},
			{Username: "pimpinan", Password: "rahasia-pimpinan", Roles: []model.RoleGrant{{Role: model.RoleLeader}}},
			{EmployeeNIP: storetest.NIPKadinkes, Password: "rahasia-kadinkes"},
			{EmployeeNIP: storetest.NIPStaff3, Password: "rahasia-staf3"},
		} {
			if _, err := a.CreateUser(ctx, sys, n); err != nil {
				t.Fatal(err)
			}
		}
		staffUser, err := s.UserByEmployee(ctx, e.o.Staff1.ID)
		if err != nil {
			t.Fatal(err)
		}

		// Failed sign-ins to Staff1's account hold a sign-in limit on the
		// server (PrivateRecords' is held by another instance of the app).
		for range 5 { // the budget of an account from one address
			e.do(t, "POST", "/api/v1/auth/login", "", "application/json", []byte(`{"username":"`+storetest.NIPStaff1+`","password":"salah-sekali"}`))
		}
		var holds struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		if err := json.Unmarshal(e.get(t, "/api/v1/sign-in-limits", e.login(t, "admin", "rahasia-admin")).body, &holds); err != nil || len(holds.Items) == 0 {
			t.Fatalf("sign-in limits: %+v, %v", holds, err)
		}

		// What a path parameter names, by the segment before it.
		ids := map[string]string{
			"skps": rec.SKP.ID, "rhk": rec.SKP.RHK[0].ID, "indicators": rec.SKP.RHK[0].Indicators[0].ID, "progress": rec.Progress, "evidence": rec.Evidence, "needs": rec.Need,
			"coaching": rec.Coaching, "teams": rec.Team, "employees": e.o.Staff1.ID, "placements": rec.Placement,
			"rater-overrides": rec.Override, "assessments": rec.Assessment, "objections": rec.Objection, "proposals": rec.Proposal,
			"notifications": rec.Notification, "sessions": rec.Session, "users": staffUser.ID, "sign-in-limits": holds.Items[0].ID, "follow-ups": rec.FollowUp, "units": e.o.Kominfo.ID, "positions": e.o.PosKadis.ID,
			"performance": rec.Periods[0].ID, "realisasi": rec.Periods[0].ID, "years": "2026", "reports": "laporan-skp", "periods": rec.Periods[0].ID, "pk": rec.PK,
		}
		param := regexp.MustCompile(`\{[a-z_]+\}`)
		fill := func(path string) (string, bool) {
			segs := strings.Split(path, "/")
			for i, seg := range segs {
				if !param.MatchString(seg) {
					continue
				}
				id, ok := ids[segs[i-1]]
				if !ok || id == "" {
					return segs[i-1], false
				}
				segs[i] = id
			}
			return strings.Join(segs, "/"), true
		}

		outsiders := map[string]string{
			"a colleague outside her line": e.login(t, storetest.NIPStaff2, "rahasia-staf2"),
			"a colleague of another unit":  e.login(t, storetest.NIPStaff3, "rahasia-staf3"),
			"an employee of another OPD":   e.login(t, storetest.NIPNurse, "rahasia-nurse"),
			"the head of another OPD":      e.login(t, storetest.NIPKadinkes, "rahasia-kadinkes"),
			"another OPD's administrator":  e.login(t, "opd-dinkes", "rahasia-opd2"),
		}
		readOnly := map[string]string{
			"the auditor": e.login(t, "auditor", "rahasia-audit"),
			"a leader":    e.login(t, "pimpinan", "rahasia-pimpinan"),
		}
		// A route without a path parameter is asked for Staff1's records
		// through each filter it declares (an undeclared one is a 422).
		filters := map[string]string{"employee": e.o.Staff1.ID, "unit": e.o.Kominfo.ID, "owner": e.o.Staff1.ID}
		queryOf := func(route string) string {
			v := url.Values{}
			for _, q := range api.DeclaredQuery()[route] {
				if id, ok := filters[q]; ok {
					v.Set(q, id)
				}
			}
			if len(v) == 0 {
				return ""
			}
			return "?" + v.Encode()
		}
		leaks := func(who, route string, r response) {
			t.Helper()
			for _, m := range apptest.Markers {
				if bytes.Contains(r.body, []byte(m)) {
					t.Errorf("%s: %s answers %d with %s of Staff1's private records", who, route, r.status, m)
				}
			}
		}
		unfilled := map[string]bool{}
		for _, route := range api.RouteTable() {
			method, pattern, _ := strings.Cut(route, " ")
			if api.PublicRoutes()[route] || pattern == "/api/v1/events" || pattern == "/api/v1/auth/logout" {
				continue // public, a stream, or ends the caller's own session
			}
			path, ok := fill(pattern)
			if !ok {
				unfilled[route] = true
				continue
			}
			named := path != pattern
			body := []byte(`{}`)
			if method == "GET" || method == "DELETE" {
				body = nil
			}
			for who, tok := range outsiders {
				target := path
				if !named {
					target += queryOf(route)
				}
				r := e.do(t, method, target, tok, "application/json", body)
				switch {
				case r.status >= 500:
					t.Errorf("%s: %s answers %d", who, route, r.status)
				case named && r.status < 300 && publicReads[route] == "":
					t.Errorf("%s: %s on Staff1's record answers %d: %.300s", who, route, r.status, r.body)
				case named && r.status == 422 && publicReads[route] == "":
					// Access is decided before the input is judged: a 422
					// would tell someone without rights that the record exists.
					t.Errorf("%s: %s on Staff1's record judges the input before access: %d %.300s", who, route, r.status, r.body)
				}
				if r.status < 300 {
					leaks(who, route, r)
				}
			}
			if method == "GET" || !named {
				continue
			}
			for who, tok := range readOnly {
				if who == "a leader" && leaderActs[route] != "" {
					continue
				}
				if r := e.do(t, method, path, tok, "application/json", body); r.status < 300 || r.status >= 500 {
					t.Errorf("%s: %s on Staff1's record answers %d", who, route, r.status)
				}
			}
		}
		for route := range unfilled {
			t.Errorf("%s: no record in the fixture for its path parameter: add one to the ids", route)
		}
	})
}
