package api_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Every filter and reference of the penilaian routes follows one rule
// (filterRule): a value that is not an id is a 422 naming the parameter;
// a well-formed id of nothing is a 404, and so is an id of something the
// actor may not look at through it, with the same answer, so that the
// answer does not tell which ids exist (never a 403).
func TestPenilaianReferences(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		_, jan, _ := apptest.RatedJanuaryResult(t, e.s, e.o, "")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		admin := e.login(t, "admin", "rahasia-admin")
		opd := e.login(t, "opd-kominfo", "rahasia-opd")
		check := checkStatus(t, e)
		curve := "/api/v1/units/" + e.o.Kominfo.ID + "/curve"
		type param struct {
			method, pattern string
			token           string
			name            string
			// at is the request with the parameter's value v.
			at     func(v string) (path string, body any)
			hidden []string // ids that exist and the actor may not look at
		}
		query := func(path, name string) func(string) (string, any) {
			return func(v string) (string, any) {
				sep := "?"
				if strings.Contains(path, "?") {
					sep = "&"
				}
				return path + sep + name + "=" + url.QueryEscape(v), nil
			}
		}
		body := func(path, name string, rest map[string]any) func(string) (string, any) {
			return func(v string) (string, any) {
				b := map[string]any{name: v}
				for k, x := range rest {
					b[k] = x
				}
				return path, b
			}
		}
		for _, p := range []param{
			{"GET", "/api/v1/assessments", staff, "period", query("/api/v1/assessments", "period"), nil},
			{"GET", "/api/v1/assessments", staff, "unit", query("/api/v1/assessments", "unit"), []string{e.o.Dinkes.ID, e.o.Kominfo.ID}},
			{"GET", "/api/v1/assessments", staff, "employee", query("/api/v1/assessments", "employee"), []string{e.o.Nurse.ID, e.o.Staff2.ID}},
			{"GET", "/api/v1/assessments", staff, "period", query("/api/v1/assessments?mine=true&status=open", "period"), nil},
			{"GET", "/api/v1/objections", admin, "unit", query("/api/v1/objections", "unit"), nil},
			{"GET", "/api/v1/objections", staff, "unit", query("/api/v1/objections", "unit"), []string{e.o.Kominfo.ID, e.o.Dinkes.ID}},
			{"GET", "/api/v1/units/{id}/curve", admin, "period", query(curve, "period"), nil},
			{"POST", "/api/v1/units/{id}/curve/finalize", admin, "period_id", body(curve+"/finalize", "period_id", nil), nil},
			{"POST", "/api/v1/units/{id}/curve/unlock", admin, "period_id", body(curve+"/unlock", "period_id", map[string]any{"reason": "Perbaikan"}), nil},
			{"GET", "/api/v1/unit-performance", admin, "period", query("/api/v1/unit-performance", "period"), nil},
			{"GET", "/api/v1/reports/{name}", opd, "unit", query("/api/v1/reports/penilaian-skp.xlsx?year=2026", "unit"), []string{e.o.Dinkes.ID}},
		} {
			send := func(v string) response {
				path, b := p.at(v)
				if p.method == "GET" {
					return e.get(t, path, p.token)
				}
				return e.post(t, path, p.token, b)
			}
			for _, bad := range []string{"xyz", "bogus", strings.ToUpper(unknownID), unknownID + "0", "b!d"} {
				pr := check(p.method, p.pattern, send(bad), 422)
				if codes, _ := pr["codes"].(map[string]any); codes[p.name] != "invalid.query.id" || len(codes) != 1 {
					t.Errorf("%s %s %s=%s: codes %v, want %s named", p.method, p.pattern, p.name, bad, codes, p.name)
				}
			}
			none := check(p.method, p.pattern, send(unknownID), 404)
			for _, id := range p.hidden {
				if got := check(p.method, p.pattern, send(id), 404); got["detail"] != none["detail"] || got["title"] != none["title"] {
					t.Errorf("%s %s %s=%s: %v, unlike the 404 of nothing (%v)", p.method, p.pattern, p.name, id, got, none)
				}
			}
		}
		// The period given exists: the filters answer.
		check("GET", "/api/v1/assessments", e.get(t, "/api/v1/assessments?period="+jan, staff), 200)
		check("GET", "/api/v1/units/{id}/curve", e.get(t, curve+"?period="+jan, admin), 200)
		// Flags and states are 422 naming them too.
		for _, c := range []struct{ pattern, path, token, name string }{
			{"/api/v1/assessments", "/api/v1/assessments?mine=yes", staff, "mine"},
			{"/api/v1/assessments", "/api/v1/assessments?status=approved", staff, "status"},
			{"/api/v1/objections", "/api/v1/objections?status=open", admin, "status"},
			{"/api/v1/objections", "/api/v1/objections?all=maybe", admin, "all"},
			{"/api/v1/objections", "/api/v1/objections?todo=ya", staff, "todo"},
			{"/api/v1/follow-ups", "/api/v1/follow-ups?overdue=maybe", admin, "overdue"},
		} {
			pr := check("GET", c.pattern, e.get(t, c.path, c.token), 422)
			if codes, _ := pr["codes"].(map[string]any); codes[c.name] == nil {
				t.Errorf("%s: codes %v, want %s named", c.path, codes, c.name)
			}
		}
		check("GET", "/api/v1/follow-ups", e.get(t, "/api/v1/follow-ups?overdue=1", admin), 200)
	})
}
