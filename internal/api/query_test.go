package api_test

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestEveryRouteRefusesUnknownQuery walks every operation of the OpenAPI
// document: a query parameter the operation does not declare is a 422
// naming it (before anything is read or written), and each parameter it
// declares is taken (it may be a 422 for its value, never for its name).
// A route added later is walked without anyone listing it here, and a
// parameter a handler reads is one the document declares.
func TestEveryRouteRefusesUnknownQuery(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		paths, _ := doc["paths"].(map[string]any)
		param := regexp.MustCompile(`\{[a-z_]+\}`)
		var walked, lists, declaredTaken int
		var names []string
		for p := range paths {
			names = append(names, p)
		}
		sort.Strings(names)
		for _, p := range names {
			path := strings.ReplaceAll(p, "{year}", "2026")
			path = param.ReplaceAllString(path, "x")
			for method, o := range paths[p].(map[string]any) {
				method = strings.ToUpper(method)
				if method == "POST" && p == "/api/v1/auth/login" {
					continue // walked below without a token, in English
				}
				walked++
				r := e.do(t, method, path+"?employee_id=x&limit=1", admin, "application/json", []byte("{}"))
				if r.status != 422 {
					t.Errorf("%s %s?employee_id=x: %d %s", method, p, r.status, r.body)
					continue
				}
				pr := r.json(t)
				codes, _ := pr["codes"].(map[string]any)
				errs, _ := pr["errors"].(map[string]any)
				var declared []string
				params, _ := dig(o, "parameters").([]any)
				for _, q := range params {
					if dig(q, "in") == "query" {
						declared = append(declared, dig(q, "name").(string))
					}
				}
				want := "invalid.query.unknown"
				if len(declared) == 0 {
					want = "invalid.query.unknown.none"
				}
				if codes["employee_id"] != want || errs["employee_id"] == nil {
					t.Errorf("%s %s?employee_id=x does not name employee_id as %s: %s", method, p, want, r.body)
				}
				if hasLimit := slices.Contains(declared, "limit"); hasLimit != (codes["limit"] == nil) {
					t.Errorf("%s %s?limit=1 (declared %v): %s", method, p, hasLimit, r.body)
				}
				if len(declared) > 0 {
					if msg, _ := errs["employee_id"].(string); !strings.Contains(msg, strings.Join(declared, ", ")) {
						t.Errorf("%s %s: %q does not list the parameters taken %v", method, p, msg, declared)
					}
				}
				if method != "GET" {
					continue
				}
				if slices.Contains(declared, "cursor") {
					lists++
				}
				// Each declared parameter is taken by name.
				for _, q := range declared {
					v := "x"
					if q == "limit" {
						v = "1"
					}
					r := e.get(t, path+"?"+q+"="+v, admin)
					if r.status == 422 {
						codes, _ := r.json(t)["codes"].(map[string]any)
						if c, _ := codes[q].(string); strings.HasPrefix(c, "invalid.query.unknown") {
							t.Errorf("GET %s?%s=%s is refused as unknown: %s", p, q, v, r.body)
						}
					}
					declaredTaken++
				}
			}
		}
		if walked < 140 || lists < 25 || declaredTaken < 80 {
			t.Errorf("walked %d operations, %d lists, %d declared parameters", walked, lists, declaredTaken)
		}

		// Signed out, the reader's language is the request's.
		r := e.doLang(t, "POST", "/api/v1/auth/login?user=admin", `{"username":"admin","password":"rahasia-admin"}`, "en")
		errs, _ := problem(t, r, 422)["errors"].(map[string]any)
		if msg, _ := errs["user"].(string); !strings.Contains(msg, "takes no parameters") {
			t.Errorf("login with ?user=: %s", r.body)
		}
		r = e.get(t, "/api/v1/units?unit_id=x", "")
		if r.status != 401 {
			t.Errorf("signed out, an unknown parameter: %d, want 401 first", r.status)
		}
	})
}

// GET /skps?employee_id= is no filter: it is refused, not answered with
// every SKP the actor can see; ?employee= filters. The message is in the
// reader's language.
func TestSKPListRefusesEmployeeID(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		r := e.get(t, "/api/v1/skps?employee_id="+e.o.Staff1.ID, admin)
		p := problem(t, r, 422)
		errs, _ := p["errors"].(map[string]any)
		if msg, _ := errs["employee_id"].(string); !strings.Contains(msg, "tidak dikenal") || !strings.Contains(msg, "employee, year, status, limit, cursor") {
			t.Errorf("errors = %v", errs)
		}
		if r := e.get(t, "/api/v1/skps?employee="+e.o.Staff1.ID, admin); r.status != 200 {
			t.Errorf("?employee=: %d %s", r.status, r.body)
		}
		if r := e.do(t, "PATCH", "/api/v1/me", admin, "application/json", []byte(`{"locale":"en"}`)); r.status != 200 {
			t.Fatalf("locale: %d %s", r.status, r.body)
		}
		r = e.get(t, "/api/v1/skps?employee_id="+e.o.Staff1.ID+"&year=2026", admin)
		errs, _ = problem(t, r, 422)["errors"].(map[string]any)
		if msg, _ := errs["employee_id"].(string); !strings.Contains(msg, "not known here") || errs["year"] != nil {
			t.Errorf("errors in English = %v", errs)
		}
	})
}
