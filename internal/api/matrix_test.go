package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestMatrixAndProposalsThroughTheAPI mirrors /skp/matriks: the supervisor
// reads the matriks peran hasil and proposes RHK; the subordinate lists
// them, accepts one into their draft SKP and declines another.
func TestMatrixAndProposalsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026})
		kabidSKP, parent := approvedKabidSKP(t, e, kabid)
		sk := e.post(t, "/api/v1/skps", staff, map[string]any{"year": 2026, "approach": "kuantitatif"}).json(t)
		id := sk["id"].(string)

		m := check("GET", "/api/v1/matrix", e.get(t, "/api/v1/matrix?year=2026", kabid))
		if m["skp_id"] != kabidSKP || len(m["rows"].([]any)) != 1 || !rightsOf(m)["propose"] {
			t.Fatalf("matrix = %v", m)
		}
		team := map[string]map[string]any{}
		for _, p := range m["team"].([]any) {
			p := p.(map[string]any)
			team[p["id"].(string)] = p
		}
		if st := team[e.o.Staff1.ID]; st == nil || st["skp_status"] != "draft" || st["linked"] != false {
			t.Errorf("Staff1 in the matrix = %v", st)
		}
		if st := team[e.o.Staff2.ID]; st == nil || st["skp_status"] != nil {
			t.Errorf("Staff2 in the matrix = %v", st)
		}
		if m := check("GET", "/api/v1/matrix", e.get(t, "/api/v1/matrix", staff)); len(m["rows"].([]any)) != 0 || rightsOf(m)["propose"] {
			t.Errorf("an ASN's matrix = %v", m)
		}
		problem(t, e.get(t, "/api/v1/matrix?year=dua", kabid), 422)
		problem(t, e.get(t, "/api/v1/matrix", admin), 403)

		propose := map[string]any{"to_employee_id": e.o.Staff1.ID, "parent_rhk_id": parent["id"], "description": "Tersusunnya modul perizinan daring"}
		problem(t, e.post(t, "/api/v1/proposals", nurse, propose), 403)
		problem(t, e.post(t, "/api/v1/proposals", kabid, map[string]any{"to_employee_id": e.o.Staff1.ID, "parent_rhk_id": parent["id"], "description": " "}), 422)
		r := e.post(t, "/api/v1/proposals", kabid, propose)
		if p := check("POST", "/api/v1/proposals", r); r.status != 201 || p["status"] != "open" || rightsOf(p)["accept"] {
			t.Fatalf("propose: %d %s", r.status, r.body)
		}
		propose["description"] = "Terlaksananya uji keamanan aplikasi"
		check("POST", "/api/v1/proposals", e.post(t, "/api/v1/proposals", kabid, propose))

		ps := check("GET", "/api/v1/proposals", e.get(t, "/api/v1/proposals?year=2026", staff))["items"].([]any)
		if len(ps) != 2 || !rightsOf(ps[0].(map[string]any))["accept"] || !rightsOf(ps[0].(map[string]any))["decline"] {
			t.Fatalf("proposals to Staff1 = %v", ps)
		}
		first, second := ps[0].(map[string]any)["id"].(string), ps[1].(map[string]any)["id"].(string)
		if n := len(check("GET", "/api/v1/proposals", e.get(t, "/api/v1/proposals?year=2026", kabid))["items"].([]any)); n != 0 {
			t.Errorf("the proposer lists %d proposals to themself", n)
		}
		p := problem(t, e.post(t, "/api/v1/proposals/"+first+"/accept", staff, map[string]any{"skp_id": id}), 422)
		if p["errors"].(map[string]any)["version"] == nil {
			t.Errorf("accept without a version: %v", p["errors"])
		}
		problem(t, e.post(t, "/api/v1/proposals/"+first+"/accept", staff, map[string]any{"version": sk["version"]}), 422)
		problem(t, e.post(t, "/api/v1/proposals/"+first+"/accept", nurse, map[string]any{"skp_id": id, "version": sk["version"]}), 404)
		r = e.post(t, "/api/v1/proposals/"+first+"/accept", staff, map[string]any{"skp_id": id, "version": sk["version"]})
		sk = check("POST", "/api/v1/proposals/{id}/accept", r)
		if r.status != 201 || len(sk["rhk"].([]any)) != 1 || sk["rhk"].([]any)[0].(map[string]any)["parent_rhk_id"] != parent["id"] {
			t.Fatalf("accept: %d %s", r.status, r.body)
		}
		problem(t, e.post(t, "/api/v1/proposals/"+first+"/accept", staff, map[string]any{"skp_id": id, "version": sk["version"]}), 409)
		problem(t, e.do(t, "POST", "/api/v1/proposals/"+second+"/decline", nurse, "", nil), 404)
		if r := e.do(t, "POST", "/api/v1/proposals/"+second+"/decline", staff, "", nil); r.status != 204 {
			t.Fatalf("decline: %d %s", r.status, r.body)
		}
		problem(t, e.do(t, "POST", "/api/v1/proposals/"+second+"/decline", staff, "", nil), 409)
		if ps := check("GET", "/api/v1/proposals", e.get(t, "/api/v1/proposals", staff))["items"].([]any); len(ps) != 0 {
			t.Errorf("open proposals after deciding both = %v", ps)
		}
		m = check("GET", "/api/v1/matrix", e.get(t, "/api/v1/matrix?year=2026", kabid))
		links := m["rows"].([]any)[0].(map[string]any)["links"].([]any)
		if len(links) != 1 || links[0].(map[string]any)["skp_id"] != id {
			t.Errorf("the matrix after accepting: %v", links)
		}
		// The matrix pages by the team: a page's links are its people's,
		// and every link is on one page.
		path, pages, linkCount := "/api/v1/matrix?year=2026&limit=1", 0, 0
		for path != "" && pages < 5 {
			pages++
			m = check("GET", "/api/v1/matrix", e.get(t, path, kabid))
			people := m["team"].([]any)
			if len(people) != 1 || m["team_count"] != 2.0 || len(m["rows"].([]any)) != 1 {
				t.Fatalf("matrix page %d = %v", pages, m)
			}
			who := people[0].(map[string]any)["id"]
			for _, l := range m["rows"].([]any)[0].(map[string]any)["links"].([]any) {
				linkCount++
				if l.(map[string]any)["employee"].(map[string]any)["employee_id"] != who {
					t.Errorf("page %d (%v) shows the link of %v", pages, who, l)
				}
			}
			path = ""
			if c, ok := m["next_cursor"].(string); ok {
				path = "/api/v1/matrix?year=2026&limit=1&cursor=" + c
			}
		}
		if pages != 2 || linkCount != 1 {
			t.Errorf("the matrix one person at a time: %d pages, %d links", pages, linkCount)
		}
	})
}
