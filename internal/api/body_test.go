package api_test

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestEmptyBodyIsAnEmptyObject: an action sent with no body, or with only
// white space, reads as {} whether or not it says it is JSON; the route
// then answers as it does to {} (here: the version is missing). A body
// that is not empty keeps every rule.
func TestEmptyBodyIsAnEmptyObject(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if r := e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026}); r.status != 201 {
			t.Fatalf("open year: %d %s", r.status, r.body)
		}
		sk := e.post(t, "/api/v1/skps", staff, map[string]any{"year": 2026, "approach": "kuantitatif"}).json(t)
		sk = e.post(t, "/api/v1/skps/"+sk["id"].(string)+"/rhk", staff, map[string]any{"version": sk["version"], "kind": "utama",
			"description": "Tersedianya modul perizinan"}).json(t)
		skpID, rhkID := sk["id"].(string), sk["rhk"].([]any)[0].(map[string]any)["id"].(string)

		for _, c := range []struct{ method, path string }{
			{"POST", "/api/v1/skps/" + skpID + "/submit"},
			{"DELETE", "/api/v1/rhk/" + rhkID},
		} {
			for _, ct := range []string{"", "application/json", "application/json; charset=utf-8", "text/plain"} {
				for _, body := range []string{"", " \r\n\t "} {
					p := problem(t, e.do(t, c.method, c.path, staff, ct, []byte(body)), 422)
					if codes, _ := p["codes"].(map[string]any); codes["version"] != "version.required" {
						t.Errorf("%s %s as %q with %q: %v", c.method, c.path, ct, body, p)
					}
				}
			}
		}
		// Not empty: still JSON only, and still whole.
		problem(t, e.do(t, "POST", "/api/v1/skps/"+skpID+"/submit", staff, "text/plain", []byte(" {}")), 415)
		problem(t, e.do(t, "POST", "/api/v1/skps/"+skpID+"/submit", staff, "application/json", []byte(" {")), 400)

		// Marking a notification read takes no body: an empty JSON one is
		// no error either.
		if r := e.do(t, "POST", "/api/v1/notifications/read", staff, "application/json", nil); r.status != 200 {
			t.Errorf("mark all read with an empty JSON body: %d %s", r.status, r.body)
		}
		problem(t, e.do(t, "POST", "/api/v1/notifications/nope/read", staff, "application/json", nil), 404)
	})
}

// TestDuplicateKeysAreRefused: a key given twice in one object, or in two
// letter cases that the decoder would take for one field, is refused
// before anything is read from the body; the sign-in that such a body
// once turned into the admin's is refused and signs no one in.
func TestDuplicateKeysAreRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		for _, body := range []string{
			`{"username":"nobody","username":"admin","password":"rahasia-admin"}`,
			`{"username":"nobody","USERNAME":"admin","password":"rahasia-admin"}`,
			`{"username":"nobody","Username":"admin","password":"rahasia-admin"}`,
			"{\"username\":\"admin\",\"password\":\"x\",\"pa\u017f\u017fword\":\"rahasia-admin\"}", // ſ (long s) folds to s
		} {
			r := e.do(t, "POST", "/api/v1/auth/login", "", "application/json", []byte(body))
			p := problem(t, r, 400)
			if p["type"] != "https://kinerja.id/problems/malformed-json" || !strings.Contains(p["detail"].(string), "lebih dari sekali") {
				t.Errorf("%s: %v", body, p)
			}
		}
		// Nested objects are checked too; the same key in two objects is fine.
		r := e.do(t, "POST", "/api/v1/years", admin, "application/json", []byte(`{"year":2026,"year":2027}`))
		problem(t, r, 400)
		if r := e.do(t, "POST", "/api/v1/years", admin, "application/json", []byte(`{"year":2026}`)); r.status != 201 {
			t.Errorf("a plain body: %d %s", r.status, r.body)
		}
		feedback := `{"target_type":"skp","target_id":"x","body":"a","nested":{"a":1,"b":{"a":2}},"list":[{"a":1},{"a":2}]}`
		if r := e.do(t, "POST", "/api/v1/feedback", admin, "application/json", []byte(feedback)); r.status == 400 {
			t.Errorf("the same key in sibling objects was refused as a duplicate: %s", r.body)
		}
		r = e.do(t, "POST", "/api/v1/feedback", admin, "application/json", []byte(`{"target_type":"skp","nested":{"a":1,"A":2}}`))
		if p := problem(t, r, 400); !strings.Contains(p["detail"].(string), `"A"`) {
			t.Errorf("a duplicate inside a nested object: %v", p)
		}
	})
}
