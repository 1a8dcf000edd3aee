package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestTeamRights: a team answers what the signed-in user may do with it,
// in the team and in the list, as the OpenAPI document describes.
func TestTeamRights(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		admin := e.login(t, "admin", "rahasia-admin")
		opd := e.login(t, "opd-kominfo", "rahasia-opd")
		tm := check("POST", "/api/v1/teams", e.post(t, "/api/v1/teams", kabid, map[string]any{"name": "Tim Layanan Terpadu", "goal": "Antrean di bawah 15 menit"}))
		id := tm["id"].(string)
		can := func(m map[string]any) map[string]any {
			t.Helper()
			c, ok := m["can"].(map[string]any)
			if !ok || len(c) != 3 {
				t.Fatalf("can = %v", m["can"])
			}
			return c
		}
		if c := can(tm); c["add_member"] != true || c["link"] != true || c["kudos"] != true {
			t.Errorf("the lead's rights on a new team = %v", c)
		}
		tm = check("POST", "/api/v1/teams/{id}/members", e.post(t, "/api/v1/teams/"+id+"/members", kabid, map[string]any{"employee_id": e.o.Staff1.ID}))
		if c := can(tm); c["add_member"] != true {
			t.Errorf("the lead's rights after adding = %v", c)
		}
		want := map[string]map[string]any{
			"staff": {"add_member": false, "link": true, "kudos": true},
			"admin": {"add_member": true, "link": false, "kudos": false},
			"opd":   {"add_member": false, "link": false, "kudos": false},
			"kabid": {"add_member": true, "link": true, "kudos": true},
		}
		tokens := map[string]string{"staff": staff, "admin": admin, "opd": opd, "kabid": kabid}
		for who, w := range want {
			c := can(check("GET", "/api/v1/teams/{id}", e.get(t, "/api/v1/teams/"+id, tokens[who])))
			for k, v := range w {
				if c[k] != v {
					t.Errorf("%s: can.%s = %v, want %v", who, k, c[k], v)
				}
			}
			list := check("GET", "/api/v1/teams", e.get(t, "/api/v1/teams", tokens[who]))
			items, _ := list["items"].([]any)
			if len(items) != 1 {
				t.Fatalf("%s's teams = %v", who, list)
			}
			if lc := can(items[0].(map[string]any)); lc["add_member"] != c["add_member"] || lc["link"] != c["link"] || lc["kudos"] != c["kudos"] {
				t.Errorf("%s: the list's rights %v differ from the team's %v", who, lc, c)
			}
		}
		// What can says the actor may not do, they may not.
		problem(t, e.post(t, "/api/v1/teams/"+id+"/members", staff, map[string]any{"employee_id": e.o.Nurse.ID}), 403)
		problem(t, e.post(t, "/api/v1/teams/"+id+"/kudos", admin, map[string]any{"to_id": e.o.Staff1.ID, "kind": "thanks", "body": "Terima kasih"}), 403)

		// The kudos, a page at a time.
		check("POST", "/api/v1/teams/{id}/kudos", e.post(t, "/api/v1/teams/"+id+"/kudos", staff, map[string]any{"to_id": e.o.Kabid.ID, "kind": "thanks", "body": "Terima kasih"}))
		if tm := check("GET", "/api/v1/teams/{id}", e.get(t, "/api/v1/teams/"+id, kabid)); len(tm["kudos"].([]any)) != 1 || tm["kudos_next_cursor"] != nil {
			t.Errorf("the team's kudos = %v, next %v", tm["kudos"], tm["kudos_next_cursor"])
		}
		if page := check("GET", "/api/v1/teams/{id}/kudos", e.get(t, "/api/v1/teams/"+id+"/kudos", kabid)); len(page["items"].([]any)) != 1 || page["next_cursor"] != nil {
			t.Errorf("GET kudos = %v", page)
		}
		problem(t, e.get(t, "/api/v1/teams/"+id+"/kudos?cursor=nope", kabid), 422)
	})
}
