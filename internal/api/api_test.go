package api_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/api"
	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

type env struct {
	url string
	o   storetest.Org
	s   *store.Store
	// clock is the server's clock: real time, moved for a moment where
	// a test acts on a day still to come (closing a period).
	clock *apptest.Clock
}

// metricsToken is the token the tests' server serves /metrics to.
const metricsToken = "rahasia-metrik"

func setup(t *testing.T, s *store.Store) env {
	t.Helper()
	o := storetest.SeedOrg(t, s)
	blobs, err := blob.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	clock := &apptest.Clock{}
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Blobs: blobs, Now: clock.Now})
	sys := model.SystemActor(o.Instansi.ID, "test")
	for _, n := range []app.NewUser{
		{Username: "admin", Password: "rahasia-admin", Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}},
		{Username: "auditor", Password: "rahasia-audit", Roles: []model.RoleGrant{{Role: model.RoleAuditor}}},
		{Username: "opd-kominfo", Password: "rahasia-opd", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: o.Kominfo.ID}}},
		{EmployeeNIP: storetest.NIPStaff1, Password: "rahasia-staf1"},
		{EmployeeNIP: storetest.NIPKabid, Password: "rahasia-kabid"},
		{EmployeeNIP: storetest.NIPNurse, Password: "rahasia-nurse"},
	} {
		if _, err := a.CreateUser(context.Background(), sys, n); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(server.NewWith(a, server.Config{MetricsToken: metricsToken}))
	t.Cleanup(ts.Close)
	return env{url: ts.URL, o: o, s: s, clock: clock}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("response is not JSON (%d): %s", r.status, r.body)
	}
	return m
}

func (e env) do(t *testing.T, method, path, token, contentType string, body []byte) response {
	t.Helper()
	req, _ := http.NewRequest(method, e.url+path, bytes.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, b}
}

func (e env) get(t *testing.T, path, token string) response {
	return e.do(t, "GET", path, token, "", nil)
}

func (e env) post(t *testing.T, path, token string, v any) response {
	b, _ := json.Marshal(v)
	return e.do(t, "POST", path, token, "application/json", b)
}

func (e env) login(t *testing.T, user, pw string) string {
	t.Helper()
	r := e.post(t, "/api/v1/auth/login", "", map[string]string{"username": user, "password": pw})
	if r.status != 200 {
		t.Fatalf("login %s: %d %s", user, r.status, r.body)
	}
	tok, _ := r.json(t)["token"].(string)
	return tok
}

// problem checks that r is a problem document with status.
func problem(t *testing.T, r response, status int) map[string]any {
	t.Helper()
	if r.status != status || r.header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("got %d %s %s, want a %d problem", r.status, r.header.Get("Content-Type"), r.body, status)
	}
	p := r.json(t)
	typ, _ := p["type"].(string)
	if p["title"] == "" || p["status"] != float64(status) || !strings.HasPrefix(typ, "https://kinerja.id/problems/") ||
		p["detail"] == "" || r.header.Get("Cache-Control") != "no-store" {
		t.Errorf("problem = %v (Cache-Control %q)", p, r.header.Get("Cache-Control"))
	}
	return p
}

func TestAuth(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		r := e.post(t, "/api/v1/auth/login", "", map[string]string{"username": storetest.NIPKabid, "password": "rahasia-kabid"})
		if r.status != 200 {
			t.Fatalf("login: %d %s", r.status, r.body)
		}
		body := r.json(t)
		user := body["user"].(map[string]any)
		if body["token"] == "" || body["expires_at"] == nil || user["employee_id"] != e.o.Kabid.ID ||
			!slices.Equal(toStrings(user["roles"]), []string{"asn", "supervisor"}) {
			t.Errorf("login answer = %v", body)
		}
		tok := body["token"].(string)
		me := e.get(t, "/api/v1/me", tok).json(t)
		emp := me["employee"].(map[string]any)
		if emp["nip"] != storetest.NIPKabid || emp["rater"].(map[string]any)["id"] != e.o.Kadis.ID || len(emp["team"].([]any)) != 2 {
			t.Errorf("me = %v", me)
		}

		if r.header.Get("Content-Type") != "application/json; charset=utf-8" || r.header.Get("Cache-Control") != "no-store" {
			t.Errorf("login answer headers: %v", r.header)
		}
		if me := e.get(t, "/api/v1/me", tok).json(t)["user"].(map[string]any); me["username"] != storetest.NIPKabid || me["locale"] != "id" {
			t.Errorf("me.user = %v", me)
		}

		// A wrong password and an unknown user read the same.
		wrong := problem(t, e.post(t, "/api/v1/auth/login", "", map[string]string{"username": storetest.NIPKabid, "password": "salah"}), 401)
		unknown := problem(t, e.post(t, "/api/v1/auth/login", "", map[string]string{"username": "199901012020011999", "password": "salah"}), 401)
		if wrong["detail"] != unknown["detail"] || wrong["title"] != unknown["title"] {
			t.Errorf("unknown user %v differs from wrong password %v", unknown, wrong)
		}
		p := problem(t, e.post(t, "/api/v1/auth/login", "", map[string]string{"username": ""}), 422)
		if errs, _ := p["errors"].(map[string]any); errs["username"] == nil || errs["password"] == nil {
			t.Errorf("422 should name both missing fields: %v", p)
		}
		p = problem(t, e.post(t, "/api/v1/auth/login", "", map[string]string{"username": "admin"}), 422)
		if errs, _ := p["errors"].(map[string]any); errs["password"] == nil || errs["username"] != nil {
			t.Errorf("422 should name only the password: %v", p)
		}

		// The web session cookie is accepted too.
		req, _ := http.NewRequest("GET", e.url+"/api/v1/me", nil)
		req.AddCookie(&http.Cookie{Name: "kinerja_session", Value: tok})
		if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
			t.Errorf("me with a session cookie: %v %v", resp.StatusCode, err)
		} else {
			resp.Body.Close()
		}
		r = e.get(t, "/api/v1/me", "")
		problem(t, r, 401)
		if !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
			t.Error("401 without WWW-Authenticate")
		}
		problem(t, e.get(t, "/api/v1/me", "not-a-token"), 401)

		// Sessions: list, revoke another of one's own, not someone else's.
		tok2 := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		sessions := e.get(t, "/api/v1/sessions", tok).json(t)["items"].([]any)
		if len(sessions) != 2 {
			t.Fatalf("sessions = %v", sessions)
		}
		var other string
		for _, s := range sessions {
			m := s.(map[string]any)
			if m["can"].(map[string]any)["revoke"] != true {
				t.Errorf("one's own session cannot be revoked: %v", m)
			}
			if m["current"] == false {
				other = m["id"].(string)
			}
		}
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		problem(t, e.do(t, "DELETE", "/api/v1/sessions/"+other, staff, "", nil), 404)
		problem(t, e.do(t, "DELETE", "/api/v1/sessions/nope", tok, "", nil), 404)

		// An account administrator lists another user's sessions; an ASN may not.
		kabidID := user["id"].(string)
		admin := e.login(t, "admin", "rahasia-admin")
		if got := e.get(t, "/api/v1/sessions?user="+kabidID, admin).json(t)["items"].([]any); len(got) != 2 {
			t.Errorf("admin sees %d of Kabid's sessions, want 2", len(got))
		} else if got[0].(map[string]any)["current"] != false || got[0].(map[string]any)["kind"] != "api" {
			t.Errorf("admin's view of Kabid's session = %v", got[0])
		}
		if r := e.get(t, "/api/v1/sessions?user="+kabidID, staff); r.status != 403 && r.status != 404 {
			t.Errorf("an ASN listing someone else's sessions: %d %s", r.status, r.body)
		}
		if r := e.do(t, "DELETE", "/api/v1/sessions/"+other, tok, "", nil); r.status != 204 {
			t.Fatalf("revoke: %d %s", r.status, r.body)
		}
		problem(t, e.get(t, "/api/v1/me", tok2), 401)

		// Language, password.
		if r := e.do(t, "PATCH", "/api/v1/me", tok, "application/json", []byte(`{"locale":"en"}`)); r.status != 200 || r.json(t)["user"].(map[string]any)["locale"] != "en" {
			t.Errorf("patch me: %d %s", r.status, r.body)
		}
		problem(t, e.do(t, "PATCH", "/api/v1/me", tok, "application/json", []byte(`{"locale":"fr"}`)), 422)
		problem(t, e.post(t, "/api/v1/me/password", tok, map[string]string{"current_password": "salah", "new_password": "baru-sekali-1"}), 422)
		if r := e.post(t, "/api/v1/me/password", tok, map[string]string{"current_password": "rahasia-kabid", "new_password": "baru-sekali-1"}); r.status != 204 {
			t.Errorf("password change: %d %s", r.status, r.body)
		}
		e.login(t, storetest.NIPKabid, "baru-sekali-1")

		// Logout revokes the token.
		if r := e.post(t, "/api/v1/auth/logout", tok, nil); r.status != 204 {
			t.Fatalf("logout: %d", r.status)
		}
		problem(t, e.get(t, "/api/v1/me", tok), 401)

		// Five failures from one address slow the next attempt from there down.
		for i := 0; i < 5; i++ {
			e.post(t, "/api/v1/auth/login", "", map[string]string{"username": storetest.NIPNurse, "password": "salah"})
		}
		r = e.post(t, "/api/v1/auth/login", "", map[string]string{"username": storetest.NIPNurse, "password": "rahasia-nurse"})
		problem(t, r, 429)
		if r.header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	})
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestDirectory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		admin := e.login(t, "admin", "rahasia-admin")
		opd := e.login(t, "opd-kominfo", "rahasia-opd")

		var names []string
		cursor := ""
		for i := 0; i < 10; i++ {
			path := "/api/v1/employees?limit=3"
			if cursor != "" {
				path += "&cursor=" + cursor
			}
			page := e.get(t, path, staff).json(t)
			for _, it := range page["items"].([]any) {
				names = append(names, it.(map[string]any)["name"].(string))
			}
			// Every page gives the number on all pages.
			if page["total"] != float64(8) {
				t.Errorf("page %d of the directory gives a total of %v, want 8", i+1, page["total"])
			}
			if page["next_cursor"] == nil {
				break
			}
			cursor = page["next_cursor"].(string)
		}
		if len(names) != 8 || !slices.IsSorted(names) {
			t.Errorf("paged directory = %v", names)
		}
		list := e.get(t, "/api/v1/employees?q=siti", staff).json(t)["items"].([]any)
		if len(list) != 1 || list[0].(map[string]any)["supervisor_id"] != e.o.Kadis.ID || list[0].(map[string]any)["unit_id"] != e.o.Aplikasi.ID {
			t.Errorf("search siti = %v", list)
		}
		if got := e.get(t, "/api/v1/employees?unit="+e.o.Dinkes.ID, staff).json(t)["items"].([]any); len(got) != 2 {
			t.Errorf("Dinkes has %d employees, want 2", len(got))
		}
		for _, bad := range []string{"limit=0", "limit=201", "limit=x", "cursor=%21%21", "unit=nope"} {
			problem(t, e.get(t, "/api/v1/employees?"+bad, staff), 422)
		}

		for _, c := range []struct {
			name, token, id string
			full            bool
		}{
			{"own record", staff, e.o.Staff1.ID, true},
			{"a colleague", staff, e.o.Staff2.ID, false},
			{"a team member", kabid, e.o.Staff1.ID, true},
			{"outside the line", kabid, e.o.Nurse.ID, false},
			{"the admin", admin, e.o.Nurse.ID, true},
			{"Kominfo's admin, in Kominfo", opd, e.o.Staff3.ID, true},
			{"Kominfo's admin, in Dinkes", opd, e.o.Nurse.ID, false},
			{"a supervisor, above his line", kabid, e.o.Kadis.ID, false},
		} {
			d := e.get(t, "/api/v1/employees/"+c.id, c.token).json(t)
			if d["full_record"] != c.full || d["id"] != c.id || d["nip"] == "" || d["position"] == "" {
				t.Errorf("%s: %v", c.name, d)
			}
			for _, field := range []string{"birth_date", "gender", "email", "phone", "placements"} {
				if _, present := d[field]; present != c.full {
					t.Errorf("%s: %s present=%v, want %v", c.name, field, present, c.full)
				}
			}
			if c.full {
				pl := d["placements"].([]any)
				if len(pl) == 0 || pl[0].(map[string]any)["position"] == "" {
					t.Fatalf("%s: placements = %v", c.name, pl)
				}
				// A placement may be ended by whoever may place the employee.
				place := d["can"].(map[string]any)["place"]
				if end := pl[0].(map[string]any)["can"].(map[string]any)["end"]; end != place {
					t.Errorf("%s: placement can.end = %v, employee can.place = %v", c.name, end, place)
				}
			}
		}
		problem(t, e.get(t, "/api/v1/employees/nope", staff), 404)

		units := e.get(t, "/api/v1/units", staff).json(t)["items"].([]any)
		if len(units) != 5 {
			t.Fatalf("units = %d", len(units))
		}
		for _, u := range units {
			m := u.(map[string]any)
			if m["code"] == "KOMINFO" && m["head_employee_id"] != e.o.Kadis.ID {
				t.Errorf("Kominfo's head = %v", m["head_employee_id"])
			}
			if m["code"] == "KOMINFO-SEK" && m["head_employee_id"] != nil {
				t.Errorf("the vacant Sekretariat has a head: %v", m)
			}
		}
		u := e.get(t, "/api/v1/units/"+e.o.Kominfo.ID, staff).json(t)
		if len(u["child_ids"].([]any)) != 2 || u["employees"] != float64(1) {
			t.Errorf("unit detail = %v", u)
		}
		problem(t, e.get(t, "/api/v1/units/nope", staff), 404)
	})
}

func TestAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		auditor := e.login(t, "auditor", "rahasia-audit")
		problem(t, e.get(t, "/api/v1/audit", staff), 403)
		problem(t, e.get(t, "/api/v1/audit", e.login(t, "opd-kominfo", "rahasia-opd")), 403)
		problem(t, e.get(t, "/api/v1/audit", ""), 401)

		// A change made through the API is in the log, under its actor.
		kabid := e.post(t, "/api/v1/auth/login", "", map[string]string{"username": storetest.NIPKabid, "password": "rahasia-kabid"}).json(t)
		kabidUser := kabid["user"].(map[string]any)["id"].(string)
		if r := e.do(t, "PATCH", "/api/v1/me", kabid["token"].(string), "application/json", []byte(`{"locale":"en"}`)); r.status != 200 {
			t.Fatalf("patch me: %d %s", r.status, r.body)
		}
		admin := e.login(t, "admin", "rahasia-admin")
		byKabid := e.get(t, "/api/v1/audit?actor="+kabidUser, admin).json(t)["items"].([]any)
		if len(byKabid) == 0 {
			t.Fatal("no audit entries by Kabid")
		}
		// People know a NIP, not a user id: the actor may be named by it.
		byNIP := e.get(t, "/api/v1/audit?actor="+storetest.NIPKabid, admin).json(t)["items"].([]any)
		if len(byNIP) != len(byKabid) {
			t.Errorf("by NIP %d entries, by user id %d", len(byNIP), len(byKabid))
		}
		var sawLocale bool
		for _, it := range byKabid {
			m := it.(map[string]any)
			if m["actor_id"] != kabidUser {
				t.Errorf("actor filter let through %v", m)
			}
			if after, ok := m["after"].(map[string]any); ok && m["entity_id"] == kabidUser && strings.Contains(fmt.Sprint(after), "en") {
				sawLocale = true
			}
		}
		if !sawLocale {
			t.Errorf("the locale change is not in Kabid's audit entries: %v", byKabid)
		}
		page := e.get(t, "/api/v1/audit?entity_type=employee&entity_id="+e.o.Staff1.ID, auditor).json(t)
		items := page["items"].([]any)
		if len(items) != 1 {
			t.Fatalf("audit of staff1 = %v", items)
		}
		first := items[0].(map[string]any)
		if first["action"] != "employee.create" || first["before"] != nil || first["after"].(map[string]any)["Name"] != "Andi Pratama" {
			t.Errorf("audit entry = %v", first)
		}
		// Paging through everything ends.
		seen, cursor := 0, ""
		for i := 0; i < 100; i++ {
			p := e.get(t, "/api/v1/audit?limit=7&cursor="+cursor, auditor).json(t)
			seen += len(p["items"].([]any))
			if p["next_cursor"] == nil {
				break
			}
			cursor = p["next_cursor"].(string)
		}
		if seen < 20 {
			t.Errorf("paged %d audit entries", seen)
		}
		// A cursor that names no entry of the log is refused, not taken
		// for the first page again: made up, or the id of something else.
		for _, c := range []string{"zzz", "ffffffffffffffffffffffffffffffff", e.o.Staff1.ID} {
			p := problem(t, e.get(t, "/api/v1/audit?cursor="+c, auditor), 422)
			if codes, _ := p["codes"].(map[string]any); codes["cursor"] != "invalid.cursor.next" {
				t.Errorf("audit cursor %q: %v", c, p)
			}
		}
	})
}

// TestMalformedRequests sends what a careless or hostile client might: each
// must get a problem document with a clear status, never a 500, on both
// databases (PostgreSQL refuses NUL and bytes that are not UTF-8).
func TestMalformedRequests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		tok := e.login(t, "admin", "rahasia-admin")
		nulCursor := base64.RawURLEncoding.EncodeToString([]byte("a\x00b\x00c"))
		binCursor := base64.RawURLEncoding.EncodeToString([]byte("\xff\xfe\x00x"))
		cases := []struct {
			name, method, path, ct string
			body                   []byte
			status                 int
			slug                   string
		}{
			{"broken JSON", "POST", "/api/v1/auth/login", "application/json", []byte(`{"username":`), 400, "malformed-json"},
			{"syntax error", "POST", "/api/v1/auth/login", "application/json", []byte(`{"username" "a"}`), 400, "malformed-json"},
			{"not an object", "POST", "/api/v1/auth/login", "application/json", []byte(`[1,2]`), 400, "malformed-json"},
			{"wrong value type", "POST", "/api/v1/auth/login", "application/json", []byte(`{"username":1,"password":"b"}`), 422, "validation"},
			{"unknown field", "POST", "/api/v1/auth/login", "application/json", []byte(`{"username":"a","password":"b","admin":true}`), 422, "validation"},
			{"two objects", "POST", "/api/v1/auth/login", "application/json", []byte(`{} {}`), 400, "malformed-json"},
			{"trailing garbage", "POST", "/api/v1/auth/login", "application/json", []byte(`{"username":"a","password":"b"} x`), 400, "malformed-json"},
			{"empty body", "POST", "/api/v1/auth/login", "application/json", nil, 422, "validation"},
			{"NUL in a JSON string", "POST", "/api/v1/auth/login", "application/json", []byte(`{"username":"a\u0000","password":"x"}`), 422, "validation"},
			{"NUL in the locale", "PATCH", "/api/v1/me", "application/json", []byte(`{"locale":"\u0000"}`), 422, "validation"},
			{"no content type", "POST", "/api/v1/auth/login", "", []byte(`{}`), 415, "unsupported-media-type"},
			{"wrong content type", "POST", "/api/v1/auth/login", "text/plain", []byte(`{}`), 415, "unsupported-media-type"},
			{"form instead of JSON", "POST", "/api/v1/me/password", "application/x-www-form-urlencoded", []byte(`current_password=a`), 415, "unsupported-media-type"},
			{"huge body", "POST", "/api/v1/auth/login", "application/json", append([]byte(`{"username":"`), bytes.Repeat([]byte("a"), 2<<20)...), 413, "too-large"},
			{"unknown path", "GET", "/api/v1/nothing-here", "", nil, 404, "not-found"},
			{"trailing slash", "GET", "/api/v1/employees/", "", nil, 404, "not-found"},
			{"outside v1", "GET", "/api/v2/employees", "", nil, 404, "not-found"},
			{"wrong method", "DELETE", "/api/v1/employees", "", nil, 405, "method-not-allowed"},
			{"long query", "GET", "/api/v1/employees?q=" + strings.Repeat("x", 300), "", nil, 422, "validation"},
			{"NUL in the search", "GET", "/api/v1/employees?q=%00", "", nil, 422, "validation"},
			{"not UTF-8 in the search", "GET", "/api/v1/employees?q=%ff%fe", "", nil, 422, "validation"},
			{"NUL in a unit filter", "GET", "/api/v1/employees?unit=%00", "", nil, 422, "validation"},
			{"unknown unit filter", "GET", "/api/v1/employees?unit=nope", "", nil, 422, "validation"},
			{"bad directory cursor", "GET", "/api/v1/employees?cursor=%21%21", "", nil, 422, "validation"},
			{"forged directory cursor", "GET", "/api/v1/employees?cursor=" + nulCursor, "", nil, 422, "validation"},
			{"binary directory cursor", "GET", "/api/v1/employees?cursor=" + binCursor, "", nil, 422, "validation"},
			{"limit zero", "GET", "/api/v1/employees?limit=0", "", nil, 422, "validation"},
			{"limit too big", "GET", "/api/v1/employees?limit=201", "", nil, 422, "validation"},
			{"limit not a number", "GET", "/api/v1/audit?limit=x", "", nil, 422, "validation"},
			{"bad audit cursor", "GET", "/api/v1/audit?cursor=%27%20OR%201%3D1", "", nil, 422, "validation"},
			{"NUL in an audit filter", "GET", "/api/v1/audit?entity_id=%00", "", nil, 422, "validation"},
			{"not UTF-8 in an audit filter", "GET", "/api/v1/audit?entity_type=%ff", "", nil, 422, "validation"},
			{"NUL in a session user", "GET", "/api/v1/sessions?user=%00", "", nil, 422, "validation"},
			{"NUL in an employee id", "GET", "/api/v1/employees/%00", "", nil, 404, "not-found"},
			{"not UTF-8 in an employee id", "GET", "/api/v1/employees/%ff", "", nil, 404, "not-found"},
			{"not UTF-8 in a unit id", "GET", "/api/v1/units/%ff", "", nil, 404, "not-found"},
			{"NUL in a session id", "DELETE", "/api/v1/sessions/%00", "", nil, 404, "not-found"},
			{"not UTF-8 in a nested id", "GET", "/api/v1/employees/%ff/rater-overrides", "", nil, 404, "not-found"},
		}
		for _, c := range cases {
			r := e.do(t, c.method, c.path, tok, c.ct, c.body)
			if r.status != c.status || r.header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("%s: %d %s %.200s; want a %d problem", c.name, r.status, r.header.Get("Content-Type"), r.body, c.status)
				continue
			}
			if p := r.json(t); p["type"] != "https://kinerja.id/problems/"+c.slug || p["detail"] == "" {
				t.Errorf("%s: problem %v, want type %s with a detail", c.name, p, c.slug)
			}
		}
		r := e.do(t, "DELETE", "/api/v1/employees", tok, "", nil)
		if !strings.Contains(r.header.Get("Allow"), "GET") {
			t.Errorf("405 without Allow: %v", r.header)
		}
		// The session still works after all that, and a strange User-Agent is stored as text.
		req, _ := http.NewRequest("POST", e.url+"/api/v1/auth/login", strings.NewReader(`{"username":"admin","password":"rahasia-admin"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "klien\xff\xfe/"+strings.Repeat("x", 1000))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("login with a binary User-Agent: %d", resp.StatusCode)
		}
		if r := e.get(t, "/api/v1/sessions", tok); r.status != 200 {
			t.Errorf("sessions after the malformed requests: %d %s", r.status, r.body)
		}
	})
}

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"))
	r := e.get(t, "/api/v1/openapi.json", "")
	if r.status != 200 {
		t.Fatalf("openapi: %d", r.status)
	}
	doc := r.json(t)
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi version %v", doc["openapi"])
	}
	paths := doc["paths"].(map[string]any)
	documented := map[string]bool{}
	for p, ops := range paths {
		for m := range ops.(map[string]any) {
			documented[strings.ToUpper(m)+" "+p] = true
		}
	}
	registered := map[string]bool{}
	for _, rt := range api.RouteTable() {
		registered[rt] = true
		if !documented[rt] {
			t.Errorf("route %s is not in the OpenAPI document", rt)
		}
	}
	for d := range documented {
		if !registered[d] {
			t.Errorf("the OpenAPI document describes %s, which is not registered", d)
		}
	}
	// Every registered route is served, and asks for a session unless public.
	public := api.PublicRoutes()
	for rt := range registered {
		method, path, _ := strings.Cut(rt, " ")
		path = regexp.MustCompile(`\{[a-z_]+\}`).ReplaceAllString(path, "x")
		resp := e.do(t, method, path, "", "", nil)
		if resp.status == 404 && strings.Contains(string(resp.body), "Alamat API ini tidak ada") {
			t.Errorf("%s is documented but not served", rt)
		}
		if !public[rt] && (resp.status != 401 || !strings.HasPrefix(resp.header.Get("WWW-Authenticate"), "Bearer")) {
			t.Errorf("%s without a session: %d, want 401 with WWW-Authenticate", rt, resp.status)
		}
	}
	// Each operation declares its path parameters, a success response with
	// its schema, problem responses, and (unless public) the bearer scheme.
	if doc["components"].(map[string]any)["securitySchemes"].(map[string]any)["bearerAuth"].(map[string]any)["scheme"] != "bearer" {
		t.Error("no bearerAuth security scheme")
	}
	for p, ops := range paths {
		want := regexp.MustCompile(`\{([a-z_]+)\}`).FindAllStringSubmatch(p, -1)
		for m, o := range ops.(map[string]any) {
			o := o.(map[string]any)
			declared := map[string]bool{}
			params, _ := o["parameters"].([]any)
			for _, prm := range params {
				prm := prm.(map[string]any)
				if prm["in"] == "path" {
					declared[prm["name"].(string)] = true
				}
			}
			for _, w := range want {
				if !declared[w[1]] {
					t.Errorf("%s %s does not declare the path parameter %s", m, p, w[1])
				}
			}
			if len(declared) != len(want) {
				t.Errorf("%s %s declares path parameters %v, the path has %v", m, p, declared, want)
			}
			responses := o["responses"].(map[string]any)
			var success bool
			for code, resp := range responses {
				if code[0] == '2' {
					success = true
					if code != "204" && resp.(map[string]any)["content"] == nil {
						t.Errorf("%s %s: the %s response has no content schema", m, p, code)
					}
				}
				if code[0] >= '4' && !strings.Contains(fmt.Sprint(resp), "#/components/schemas/Problem") {
					t.Errorf("%s %s: the %s response is not a Problem", m, p, code)
				}
			}
			if !success || responses["500"] == nil {
				t.Errorf("%s %s: responses %v", m, p, responses)
			}
			sec, hasSec := o["security"]
			if isPublic := public[strings.ToUpper(m)+" "+p]; isPublic != (hasSec && len(sec.([]any)) == 0) {
				t.Errorf("%s %s: public=%v but security=%v", m, p, isPublic, sec)
			}
			if !isPublicOr401(public[strings.ToUpper(m)+" "+p], responses) {
				t.Errorf("%s %s does not document its 401", m, p)
			}
		}
	}
	// Every schema referenced exists.
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	var refs []string
	collectRefs(doc, &refs)
	for _, ref := range refs {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		if _, ok := schemas[name]; !ok {
			t.Errorf("dangling $ref %s", ref)
		}
	}
}

func isPublicOr401(public bool, responses map[string]any) bool {
	return public || responses["401"] != nil
}

func collectRefs(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, y := range x {
			if k == "$ref" {
				*out = append(*out, y.(string))
			}
			collectRefs(y, out)
		}
	case []any:
		for _, y := range x {
			collectRefs(y, out)
		}
	}
}

// checkStatus returns a check of an answer: that it has the status, and
// that its body conforms to what the OpenAPI document says of the route
// (method and pattern); it answers the body as a JSON object.
func checkStatus(t *testing.T, e env) func(method, pattern string, r response, status int) map[string]any {
	check := documented(t, e)
	return func(method, pattern string, r response, status int) map[string]any {
		t.Helper()
		if r.status != status {
			t.Fatalf("%s %s: %d %s, want %d", method, pattern, r.status, r.body, status)
		}
		return check(method, pattern, r)
	}
}
