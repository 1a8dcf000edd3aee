package api_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestNeedsJourney records, confirms, closes and addresses needs through
// HTTP, lists and counts them as each role may, and checks every answer
// against the OpenAPI document.
func TestNeedsJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		check := checkStatus(t, e)
		items := func(m map[string]any) []map[string]any {
			var out []map[string]any
			for _, it := range m["items"].([]any) {
				out = append(out, it.(map[string]any))
			}
			return out
		}
		admin := e.login(t, "admin", "rahasia-admin")
		auditor := e.login(t, "auditor", "rahasia-audit")
		opd := e.login(t, "opd-kominfo", "rahasia-opd")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")

		// The request bodies fit their documented schemas, which refuse
		// unknown fields as the server does.
		for _, c := range []struct{ pattern, body string }{
			{"/api/v1/needs", `{"kind":"training","title":"Pelatihan SPBE","description":"x","rhk_id":"r","employee_id":"e","category":"need"}`},
			{"/api/v1/needs/{id}/confirm", `{"version":1}`},
			{"/api/v1/needs/{id}/close", `{"version":1,"note":"Sudah tidak diperlukan"}`},
			{"/api/v1/needs/{id}/address", `{"version":2,"action":"Diikutkan bimtek"}`},
		} {
			schema, _ := dig(doc, "paths", c.pattern, "post", "requestBody", "content", "application/json", "schema").(map[string]any)
			if schema == nil {
				t.Fatalf("POST %s: no request schema", c.pattern)
			}
			var v any
			json.Unmarshal([]byte(c.body), &v)
			for _, p := range conform(doc, schema, v, "$") {
				t.Errorf("request POST %s: %s", c.pattern, p)
			}
			resolved := dig(doc, strings.Split(strings.TrimPrefix(schema["$ref"].(string), "#/"), "/")...).(map[string]any)
			if resolved["additionalProperties"] != false {
				t.Errorf("request POST %s allows unknown fields", c.pattern)
			}
		}

		// Staff1 plans an RHK, then records a training need on it.
		year := time.Now().In(time.FixedZone("WIB", 7*3600)).Year()
		check("POST", "/api/v1/years", e.post(t, "/api/v1/years", admin, map[string]any{"year": year}), 201)
		sk := check("POST", "/api/v1/skps", e.post(t, "/api/v1/skps", staff, map[string]any{"year": year, "approach": "kuantitatif"}), 201)
		sk = check("POST", "/api/v1/skps/{id}/rhk", e.post(t, "/api/v1/skps/"+sk["id"].(string)+"/rhk", staff,
			map[string]any{"version": sk["version"], "kind": "utama", "description": "Tersedianya aplikasi layanan daring"}), 201)
		rhkID := sk["rhk"].([]any)[0].(map[string]any)["id"].(string)

		problem(t, e.post(t, "/api/v1/needs", "", map[string]any{"kind": "training", "title": "x"}), 401)
		p := problem(t, e.post(t, "/api/v1/needs", staff, map[string]any{"kind": "laptop", "title": ""}), 422)
		if errs := p["errors"].(map[string]any); errs["kind"] == nil || errs["title"] == nil {
			t.Errorf("invalid need errors = %v", errs)
		}
		problem(t, e.post(t, "/api/v1/needs", staff, map[string]any{"kind": "training", "title": "x", "priority": "high"}), 422)
		problem(t, e.post(t, "/api/v1/needs", staff, map[string]any{"kind": "training", "title": "x", "employee_id": e.o.Nurse.ID}), 403)
		problem(t, e.post(t, "/api/v1/needs", staff, map[string]any{"kind": "training", "title": "x", "employee_id": "nope"}), 404)
		problem(t, e.post(t, "/api/v1/needs", nurse, map[string]any{"kind": "training", "title": "x", "rhk_id": rhkID}), 422)
		n := check("POST", "/api/v1/needs", e.post(t, "/api/v1/needs", staff, map[string]any{"kind": "training", "title": "Pelatihan arsitektur SPBE",
			"description": "Belum pernah mengikuti", "rhk_id": rhkID}), 201)
		if n["status"] != "open" || n["category"] != "need" || n["rhk"] != "Tersedianya aplikasi layanan daring" || n["opd_id"] != e.o.Kominfo.ID ||
			n["employee"].(map[string]any)["name"] != "Andi Pratama" || n["can"].(map[string]any)["close"] != false || n["year"] != float64(year) {
			t.Errorf("recorded = %v", n)
		}
		id := n["id"].(string)

		// The Kabid sees it waiting and may confirm; others cannot see it.
		waiting := items(check("GET", "/api/v1/needs", e.get(t, "/api/v1/needs?status=open", kabid), 200))
		if len(waiting) != 1 || waiting[0]["id"] != id || waiting[0]["can"].(map[string]any)["confirm"] != true {
			t.Errorf("the Kabid's open needs = %v", waiting)
		}
		problem(t, e.get(t, "/api/v1/needs/"+id, nurse), 404)
		check("GET", "/api/v1/needs/{id}", e.get(t, "/api/v1/needs/"+id, nurse), 404)
		// Every step names the version it read: missing is a field error on
		// version (a body-less POST too), stale a conflict.
		for path, body := range map[string][]byte{"/confirm": []byte(`{}`), "/confirm ": nil,
			"/close": []byte(`{"note":"Sudah ada jadwal"}`), "/address": []byte(`{"action":"Sudah"}`)} {
			who := kabid
			if path == "/address" {
				who = opd
			}
			ct := "application/json"
			if body == nil {
				ct = ""
			}
			p := problem(t, e.do(t, "POST", "/api/v1/needs/"+id+strings.TrimSpace(path), who, ct, body), 422)
			if errs, _ := p["errors"].(map[string]any); errs["version"] == nil {
				t.Errorf("%s without a version: %v", path, p)
			}
		}
		problem(t, e.post(t, "/api/v1/needs/"+id+"/close", kabid, map[string]any{"version": 9, "note": "Sudah ada jadwal"}), 409)
		problem(t, e.post(t, "/api/v1/needs/"+id+"/confirm", kabid, map[string]any{"version": 7}), 409)
		problem(t, e.post(t, "/api/v1/needs/"+id+"/confirm", staff, map[string]any{"version": 1}), 403)
		problem(t, e.post(t, "/api/v1/needs/"+id+"/address", admin, map[string]any{"version": 1, "action": "Terlalu dini"}), 409)
		n = check("POST", "/api/v1/needs/{id}/confirm", e.post(t, "/api/v1/needs/"+id+"/confirm", kabid, map[string]any{"version": 1}), 200)
		if n["status"] != "confirmed" || n["version"] != float64(2) || n["confirmed_by"].(map[string]any)["name"] != "Siti Rahmawati" {
			t.Errorf("confirmed = %v", n)
		}

		// Kominfo's admin addresses it; the Kabid and the auditor may not.
		problem(t, e.post(t, "/api/v1/needs/"+id+"/address", kabid, map[string]any{"version": 2, "action": "Sudah"}), 403)
		problem(t, e.post(t, "/api/v1/needs/"+id+"/address", auditor, map[string]any{"version": 2, "action": "Sudah"}), 403)
		problem(t, e.post(t, "/api/v1/needs/"+id+"/address", opd, map[string]any{"version": 2, "action": " "}), 422)
		problem(t, e.post(t, "/api/v1/needs/"+id+"/address", opd, map[string]any{"version": 2, "note": "Sudah"}), 422)
		n = check("POST", "/api/v1/needs/{id}/address", e.post(t, "/api/v1/needs/"+id+"/address", opd,
			map[string]any{"version": 2, "action": "Didaftarkan pada bimtek SPBE, Mei"}), 200)
		if n["status"] != "addressed" || n["action_note"] != "Didaftarkan pada bimtek SPBE, Mei" || n["addressed_at"] == nil {
			t.Errorf("addressed = %v", n)
		}
		check("POST", "/api/v1/needs/{id}/close", e.post(t, "/api/v1/needs/"+id+"/close", kabid, map[string]any{"version": 3, "note": "x"}), 409)

		// The Kabid records a constraint for Staff1 (confirmed at once) and closes it.
		c := check("POST", "/api/v1/needs", e.post(t, "/api/v1/needs", kabid, map[string]any{"employee_id": e.o.Staff1.ID,
			"kind": "budget", "title": "Anggaran sosialisasi aplikasi"}), 201)
		if c["status"] != "confirmed" || c["category"] != "constraint" || c["can"].(map[string]any)["close"] != true {
			t.Errorf("recorded by the Kabid = %v", c)
		}
		problem(t, e.post(t, "/api/v1/needs/"+c["id"].(string)+"/close", kabid, map[string]any{"version": 1}), 422)
		c = check("POST", "/api/v1/needs/{id}/close", e.post(t, "/api/v1/needs/"+c["id"].(string)+"/close", kabid,
			map[string]any{"version": 1, "note": "Masuk anggaran perubahan"}), 200)
		if c["status"] != "closed" || c["closed_note"] != "Masuk anggaran perubahan" {
			t.Errorf("closed = %v", c)
		}
		dinkesNeed := check("POST", "/api/v1/needs", e.post(t, "/api/v1/needs", nurse, map[string]any{"kind": "facility", "title": "Ruang tindakan bocor"}), 201)

		// Lists: by scope, filters and pages.
		if got := items(check("GET", "/api/v1/needs", e.get(t, "/api/v1/needs", staff), 200)); len(got) != 2 {
			t.Errorf("Staff1 sees %d needs, want 2", len(got))
		}
		if got := items(check("GET", "/api/v1/needs", e.get(t, "/api/v1/needs", opd), 200)); len(got) != 2 {
			t.Errorf("Kominfo's admin sees %d needs, want 2", len(got))
		}
		if got := items(check("GET", "/api/v1/needs", e.get(t, "/api/v1/needs?status=outstanding", auditor), 200)); len(got) != 1 || got[0]["title"] != "Ruang tindakan bocor" {
			t.Errorf("outstanding = %v", got)
		}
		if got := items(check("GET", "/api/v1/needs", e.get(t, "/api/v1/needs?kind=training&unit="+e.o.Kominfo.ID, admin), 200)); len(got) != 1 || got[0]["id"] != id {
			t.Errorf("Kominfo's trainings = %v", got)
		}
		page := check("GET", "/api/v1/needs", e.get(t, "/api/v1/needs?limit=2", admin), 200)
		if len(items(page)) != 2 || page["next_cursor"] == nil {
			t.Fatalf("first page = %v", page)
		}
		page = check("GET", "/api/v1/needs", e.get(t, "/api/v1/needs?limit=2&cursor="+page["next_cursor"].(string), admin), 200)
		if got := items(page); len(got) != 1 || got[0]["id"] != id || page["next_cursor"] != nil {
			t.Errorf("second page = %v", page)
		}
		for _, q := range []string{"status=done", "kind=laptop", "unit=nope", "cursor=%21%21", "year=20x6", "limit=0"} {
			check("GET", "/api/v1/needs", e.get(t, "/api/v1/needs?"+q, admin), 422)
		}
		// A cursor that names no need is refused, not taken for the first
		// page again: made up, or the id of something else.
		for _, c := range []string{"zzz", "ffffffffffffffffffffffffffffffff", sk["id"].(string)} {
			p := problem(t, e.get(t, "/api/v1/needs?cursor="+c, admin), 422)
			if codes, _ := p["codes"].(map[string]any); codes["cursor"] != "invalid.cursor.next" {
				t.Errorf("needs cursor %q: %v", c, p)
			}
		}
		// Nor is a need the reader may not read: the nurse's is no page of
		// Staff1's list.
		problem(t, e.get(t, "/api/v1/needs?cursor="+dinkesNeed["id"].(string), staff), 422)
		check("GET", "/api/v1/needs", e.get(t, "/api/v1/needs?cursor="+dinkesNeed["id"].(string), admin), 200)

		// The summary: Dinkes has the outstanding need, Kominfo none.
		sum := check("GET", "/api/v1/needs/summary", e.get(t, "/api/v1/needs/summary", admin), 200)
		lines := sum["lines"].([]any)
		if len(lines) != 2 || sum["year"] != float64(year) || sum["opd_id"] != nil || len(sum["kinds"].([]any)) != 8 {
			t.Fatalf("summary = %v", sum)
		}
		first, second := lines[0].(map[string]any), lines[1].(map[string]any)
		if first["unit_id"] != e.o.Dinkes.ID || first["counts"].(map[string]any)["outstanding"] != float64(1) ||
			second["unit_id"] != e.o.Kominfo.ID || second["by_kind"].(map[string]any)["training"].(map[string]any)["addressed"] != float64(1) ||
			second["by_kind"].(map[string]any)["budget"].(map[string]any)["closed"] != float64(1) || second["counts"].(map[string]any)["total"] != float64(2) {
			t.Errorf("summary lines = %v", lines)
		}
		if tot := sum["total"].(map[string]any)["counts"].(map[string]any); tot["total"] != float64(3) || tot["addressed"] != float64(1) {
			t.Errorf("summary total = %v", tot)
		}
		own := check("GET", "/api/v1/needs/summary", e.get(t, "/api/v1/needs/summary?category=need", opd), 200)
		if own["opd_id"] != e.o.Kominfo.ID || own["category"] != "need" || len(own["kinds"].([]any)) != 3 || len(own["lines"].([]any)) != 1 ||
			own["lines"].([]any)[0].(map[string]any)["unit_id"] != e.o.Aplikasi.ID {
			t.Errorf("Kominfo's summary of needs = %v", own)
		}
		check("GET", "/api/v1/needs/summary", e.get(t, "/api/v1/needs/summary?opd="+e.o.Dinkes.ID, opd), 403)
		check("GET", "/api/v1/needs/summary", e.get(t, "/api/v1/needs/summary", kabid), 403)
		check("GET", "/api/v1/needs/summary", e.get(t, "/api/v1/needs/summary?year=dua", admin), 422)
		check("GET", "/api/v1/needs/summary", e.get(t, "/api/v1/needs/summary?category=wish", admin), 422)
	})
}
