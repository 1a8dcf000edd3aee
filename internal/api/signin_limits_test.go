package api_test

import (
	"encoding/json"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestSignInLimitsSeenAndLifted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		check := func(method, pattern string, r response) {
			t.Helper()
			schema, err := responseSchema(doc, method, pattern, r)
			if err != nil || schema == nil {
				t.Fatalf("%s %s (%d): %v", method, pattern, r.status, err)
			}
			var v any
			json.Unmarshal(r.body, &v)
			for _, p := range conform(doc, schema, v, "$") {
				t.Errorf("%s %s (%d): %s", method, pattern, r.status, p)
			}
		}
		admin, opd, staff := e.login(t, "admin", "rahasia-admin"), e.login(t, "opd-kominfo", "rahasia-opd"), e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		fail := func() {
			for range 5 {
				e.post(t, "/api/v1/auth/login", "", map[string]string{"username": storetest.NIPNurse, "password": "salah"})
			}
			problem(t, e.post(t, "/api/v1/auth/login", "", map[string]string{"username": storetest.NIPNurse, "password": "rahasia-nurse"}), 429)
		}
		fail()

		r := e.get(t, "/api/v1/sign-in-limits", admin)
		check("GET", "/api/v1/sign-in-limits", r)
		var list struct {
			Items []struct {
				ID       string  `json:"id"`
				UserID   *string `json:"user_id"`
				Address  *string `json:"address"`
				Failures int     `json:"failures"`
				Can      struct{ Lift bool }
			}
		}
		json.Unmarshal(r.body, &list)
		if len(list.Items) != 1 || list.Items[0].UserID == nil || list.Items[0].Address == nil || list.Items[0].Failures != 5 || !list.Items[0].Can.Lift {
			t.Fatalf("limits: %s", r.body)
		}
		item := list.Items[0]
		// The nurse works in Dinkes: Kominfo's admin sees none of it.
		if r := e.get(t, "/api/v1/sign-in-limits", opd); r.status != 200 || string(r.body) != `{"items":[],"next_cursor":null}`+"\n" {
			t.Errorf("another OPD's admin: %d %s", r.status, r.body)
		}
		check("GET", "/api/v1/sign-in-limits", problemOf(t, e.get(t, "/api/v1/sign-in-limits", staff), 403))
		check("DELETE", "/api/v1/sign-in-limits/{id}", problemOf(t, e.do(t, "DELETE", "/api/v1/sign-in-limits/"+item.ID, opd, "", nil), 404))
		if r := e.do(t, "DELETE", "/api/v1/sign-in-limits/"+item.ID, admin, "", nil); r.status != 204 {
			t.Fatalf("lift: %d %s", r.status, r.body)
		}
		e.login(t, storetest.NIPNurse, "rahasia-nurse")

		fail()
		check("POST", "/api/v1/users/{id}/unlock", problemOf(t, e.post(t, "/api/v1/users/"+*item.UserID+"/unlock", opd, nil), 403))
		check("POST", "/api/v1/users/{id}/unlock", problemOf(t, e.post(t, "/api/v1/users/"+*item.UserID+"/unlock", staff, nil), 404))
		r = e.post(t, "/api/v1/users/"+*item.UserID+"/unlock", admin, nil)
		check("POST", "/api/v1/users/{id}/unlock", r)
		if r.status != 200 || r.json(t)["lifted"].(float64) < 1 {
			t.Fatalf("unlock: %d %s", r.status, r.body)
		}
		e.login(t, storetest.NIPNurse, "rahasia-nurse")
		audit := e.get(t, "/api/v1/audit?entity_type=user&entity_id="+*item.UserID, admin)
		var entries struct{ Items []struct{ Action string } }
		json.Unmarshal(audit.body, &entries)
		seen := map[string]bool{}
		for _, a := range entries.Items {
			seen[a.Action] = true
		}
		if !seen["sign_in.lift"] || !seen["user.unlock"] {
			t.Errorf("audit: %s", audit.body)
		}
	})
}
