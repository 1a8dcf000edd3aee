package api_test

import (
	"encoding/json"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// documented returns a function that checks an answer against the schema
// the OpenAPI document gives for its route and status, and decodes it.
func documented(t *testing.T, e env) func(method, pattern string, r response) map[string]any {
	doc := e.get(t, "/api/v1/openapi.json", "").json(t)
	return func(method, pattern string, r response) map[string]any {
		t.Helper()
		schema, err := responseSchema(doc, method, pattern, r)
		if err != nil {
			t.Fatalf("%s %s: %v (%s)", method, pattern, err, r.body)
		}
		var v any
		json.Unmarshal(r.body, &v)
		if schema != nil {
			for _, p := range conform(doc, schema, v, "$") {
				t.Errorf("%s %s (%d): %s", method, pattern, r.status, p)
			}
		}
		m, _ := v.(map[string]any)
		return m
	}
}

func (e env) put(t *testing.T, path, token string, v any) response {
	b, _ := json.Marshal(v)
	return e.do(t, "PUT", path, token, "application/json", b)
}

// TestCoachingAPI: the Kabid records a session with a member of the team,
// the ASN answers B.1.8, the Kabid fills B.1.9; people outside the line
// can neither write nor read it. Every answer is checked against the
// OpenAPI document.
func TestCoachingAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		opd := e.login(t, "opd-kominfo", "rahasia-opd")
		auditor := e.login(t, "auditor", "rahasia-audit")
		session := map[string]any{"employee_id": e.o.Staff1.ID, "kind": "coaching", "held_on": "2026-01-12",
			"topic": "Laporan layanan daring", "notes": "Laporan Desember terlambat", "actions": "Jadwal mingguan", "next_review": "2026-02-02"}

		// Only the line above the ASN may record.
		for who, tok := range map[string]string{"the ASN for their rater": staff, "a nurse of another dinas": nurse} {
			body := map[string]any{"employee_id": e.o.Staff1.ID, "kind": "coaching", "held_on": "2026-01-12", "topic": "x"}
			if who == "the ASN for their rater" {
				body["employee_id"] = e.o.Kabid.ID
			}
			r := e.post(t, "/api/v1/coaching", tok, body)
			check("POST", "/api/v1/coaching", r)
			problem(t, r, 403)
		}
		r := e.post(t, "/api/v1/coaching", kabid, map[string]any{"employee_id": "nope", "kind": "coaching", "held_on": "2026-01-12", "topic": "x"})
		check("POST", "/api/v1/coaching", r)
		problem(t, r, 404)
		r = e.post(t, "/api/v1/coaching", kabid, map[string]any{"employee_id": e.o.Staff1.ID, "kind": "ceramah", "held_on": "2999-01-01", "topic": ""})
		check("POST", "/api/v1/coaching", r)
		if p := problem(t, r, 422); p["errors"].(map[string]any)["kind"] == nil || p["errors"].(map[string]any)["held_on"] == nil || p["errors"].(map[string]any)["topic"] == nil {
			t.Errorf("invalid session: %v", p)
		}
		problem(t, e.post(t, "/api/v1/coaching", kabid, map[string]any{"employee_id": e.o.Staff1.ID, "coach_id": e.o.Kadis.ID}), 422)

		r = e.post(t, "/api/v1/coaching", kabid, session)
		if r.status != 201 {
			t.Fatalf("record: %d %s", r.status, r.body)
		}
		got := check("POST", "/api/v1/coaching", r)
		id, _ := got["id"].(string)
		if got["employee"].(map[string]any)["id"] != e.o.Staff1.ID || got["coach"].(map[string]any)["name"] != "Siti Rahmawati" ||
			got["next_review"] != "2026-02-02" || got["feedback"] != nil || got["competence"] != nil || got["kind"] != "coaching" {
			t.Errorf("recorded = %v", got)
		}
		path := "/api/v1/coaching/" + id

		// Who reads it.
		for name, tok := range map[string]string{"ASN": staff, "coach": kabid, "OPD admin": opd, "auditor": auditor} {
			r := e.get(t, path, tok)
			if m := check("GET", "/api/v1/coaching/{id}", r); r.status != 200 || m["topic"] != "Laporan layanan daring" {
				t.Errorf("%s reads: %d %s", name, r.status, r.body)
			}
		}
		r = e.get(t, path, nurse)
		check("GET", "/api/v1/coaching/{id}", r)
		problem(t, r, 404)

		// What each may do: the ASN answers B.1.8, the coach fills B.1.9,
		// readers from afar only read.
		can := func(tok string) map[string]any {
			t.Helper()
			c, _ := check("GET", "/api/v1/coaching/{id}", e.get(t, path, tok))["can"].(map[string]any)
			return c
		}
		for name, c := range map[string]struct {
			tok                  string
			feedback, competence bool
		}{"ASN": {staff, true, false}, "coach": {kabid, false, true}, "OPD admin": {opd, false, false}, "auditor": {auditor, false, false}} {
			if got := can(c.tok); got["feedback"] != c.feedback || got["competence"] != c.competence {
				t.Errorf("%s: can = %v", name, got)
			}
		}

		// B.1.8 by the ASN, once.
		nine := []int{4, 4, 3, 4, 3, 4, 4, 4, 3}
		r = e.put(t, path+"/feedback", kabid, map[string]any{"answers": nine})
		check("PUT", "/api/v1/coaching/{id}/feedback", r)
		problem(t, r, 403)
		r = e.put(t, path+"/feedback", nurse, map[string]any{"answers": nine})
		check("PUT", "/api/v1/coaching/{id}/feedback", r)
		problem(t, r, 404)
		r = e.put(t, path+"/feedback", staff, map[string]any{"answers": []int{4, 4, 4, 4, 4, 4, 4, 0}})
		check("PUT", "/api/v1/coaching/{id}/feedback", r)
		if p := problem(t, r, 422); p["errors"].(map[string]any)["answers"] == nil || p["errors"].(map[string]any)["answers[7]"] == nil {
			t.Errorf("eight answers: %v", p)
		}
		problem(t, e.do(t, "PUT", path+"/feedback", staff, "application/json", []byte(`{"answers":"semua setuju"}`)), 422)
		r = e.put(t, path+"/feedback", staff, map[string]any{"answers": nine, "comment": "Sangat membantu"})
		if fb, _ := check("PUT", "/api/v1/coaching/{id}/feedback", r)["feedback"].(map[string]any); r.status != 200 || fb == nil ||
			len(fb["answers"].([]any)) != 9 || fb["answers"].([]any)[2] != float64(3) || fb["comment"] != "Sangat membantu" {
			t.Fatalf("answer: %d %s", r.status, r.body)
		}
		r = e.put(t, path+"/feedback", staff, map[string]any{"answers": nine})
		check("PUT", "/api/v1/coaching/{id}/feedback", r)
		problem(t, r, 409)
		if got := can(staff); got["feedback"] != false {
			t.Errorf("the ASN may still answer an answered session: %v", got)
		}

		// B.1.9 by the coach.
		scores := map[string]any{"competences": []map[string]any{{"competence": "Manajemen waktu", "score": 3, "reason": "Perlu jadwal tertulis"}}}
		r = e.put(t, path+"/competence", staff, scores)
		check("PUT", "/api/v1/coaching/{id}/competence", r)
		problem(t, r, 403)
		r = e.put(t, path+"/competence", kabid, map[string]any{"competences": []map[string]any{{"competence": "Komunikasi", "score": 7, "reason": "x"}}})
		check("PUT", "/api/v1/coaching/{id}/competence", r)
		problem(t, r, 422)
		r = e.put(t, path+"/competence", kabid, scores)
		comp, _ := check("PUT", "/api/v1/coaching/{id}/competence", r)["competence"].(map[string]any)
		if r.status != 200 || comp == nil || len(comp["items"].([]any)) != 1 || comp["items"].([]any)[0].(map[string]any)["score"] != float64(3) {
			t.Fatalf("competence: %d %s", r.status, r.body)
		}
		if m := check("GET", "/api/v1/coaching/{id}", e.get(t, path, staff)); m["feedback"] == nil || m["competence"] == nil {
			t.Errorf("read back = %v", m)
		}

		// Lists page with limit and cursor; a colleague sees none.
		session["topic"], session["kind"], session["next_review"] = "Dialog kinerja triwulan I", "dialog_kinerja", ""
		r = e.post(t, "/api/v1/coaching", kabid, session)
		if m := check("POST", "/api/v1/coaching", r); r.status != 201 || m["next_review"] != nil {
			t.Fatalf("second session: %d %s", r.status, r.body)
		}
		page := check("GET", "/api/v1/coaching", e.get(t, "/api/v1/coaching?limit=1", staff))
		items := page["items"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["topic"] != "Dialog kinerja triwulan I" || page["next_cursor"] == nil {
			t.Fatalf("first page = %v", page)
		}
		page = check("GET", "/api/v1/coaching", e.get(t, "/api/v1/coaching?limit=1&cursor="+page["next_cursor"].(string), staff))
		if items := page["items"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != id || page["next_cursor"] != nil {
			t.Errorf("second page = %v", page)
		}
		for name, c := range map[string]struct {
			tok, query string
			want       int
		}{"coach": {kabid, "", 2}, "nurse": {nurse, "", 0}, "nurse by employee": {nurse, "?employee=" + e.o.Staff1.ID, 0},
			"OPD admin by employee": {opd, "?employee=" + e.o.Staff1.ID, 2}} {
			r := e.get(t, "/api/v1/coaching"+c.query, c.tok)
			if items, _ := check("GET", "/api/v1/coaching", r)["items"].([]any); r.status != 200 || len(items) != c.want {
				t.Errorf("%s lists %d sessions, want %d: %s", name, len(items), c.want, r.body)
			}
		}
		for _, q := range []string{"limit=0", "limit=201", "cursor=%27%20OR%201%3D1"} {
			r := e.get(t, "/api/v1/coaching?"+q, staff)
			check("GET", "/api/v1/coaching", r)
			problem(t, r, 422)
		}
		problem(t, e.get(t, "/api/v1/coaching", ""), 401)
	})
}
