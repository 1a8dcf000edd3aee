package api_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestSKPJourney walks the planning workflow through HTTP: the BKPSDM admin
// opens the year, the Kadis plans and is approved by the Wali Kota, the
// Kabid cascades, is returned, fixes, resubmits and is approved, and both
// download the document. Every answer is checked against the OpenAPI
// document.
func TestSKPJourney(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
			t.Fatal(err)
		}
		hash, _ := a.HashPassword("rahasia-wali")
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			_, err := tx.CreateUser(ctx, model.User{InstansiID: e.o.Instansi.ID, Username: "walikota", DisplayName: "Wali Kota",
				EmployeeID: e.o.WaliKota.ID, PasswordHash: hash})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		check := func(method, pattern string, r response) map[string]any {
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
		admin := e.login(t, "admin", "rahasia-admin")
		wali := e.login(t, "walikota", "rahasia-wali")
		kadis := e.login(t, storetest.NIPKadis, "rahasia-kadis")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")

		problem(t, e.post(t, "/api/v1/years", staff, map[string]any{"year": 2026}), 403)
		r := e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026, "period_kind": "quarterly"})
		if r.status != 201 || len(check("POST", "/api/v1/years", r)["items"].([]any)) != 5 {
			t.Fatalf("open year: %d %s", r.status, r.body)
		}
		periods := check("GET", "/api/v1/years/{year}/periods", e.get(t, "/api/v1/years/2026/periods", staff))
		if first := periods["items"].([]any)[0].(map[string]any); first["name"] != "Triwulan I 2026" || first["end"] != "2026-03-31" {
			t.Errorf("first period = %v", first)
		}
		problem(t, e.get(t, "/api/v1/years/abc/periods", staff), 404)
		firstID := periods["items"].([]any)[0].(map[string]any)["id"].(string)
		r = e.do(t, "PATCH", "/api/v1/periods/"+firstID, admin, "application/json", []byte(`{"report_deadline":"2026-04-10","status":"open"}`))
		if p := check("PATCH", "/api/v1/periods/{id}", r); p["report_deadline"] != "2026-04-10" || p["status"] != "open" {
			t.Errorf("patched period = %v", p)
		}
		problem(t, e.do(t, "PATCH", "/api/v1/periods/"+firstID, admin, "application/json", []byte(`{"status":"locked"}`)), 409)
		problem(t, e.do(t, "PATCH", "/api/v1/periods/"+firstID, staff, "application/json", []byte(`{"status":"closed"}`)), 403)

		// The Kadis plans; the Wali Kota approves.
		r = e.post(t, "/api/v1/skps", kadis, map[string]any{"year": 2026, "approach": "kuantitatif"})
		sk := check("POST", "/api/v1/skps", r)
		if r.status != 201 || sk["format"] != "jpt" || len(sk["behaviours"].([]any)) != 7 {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		kadisID := sk["id"].(string)
		// The Kadis' RHK comes from the Perjanjian Kinerja of the dinas.
		pkPath := "/api/v1/units/" + e.o.Kominfo.ID + "/pk"
		sasaran := map[string]any{"year": 2026, "description": "Meningkatnya layanan digital",
			"indicators": []map[string]any{{"description": "Layanan publik daring", "target": "40", "unit": "layanan"}}}
		problem(t, e.post(t, pkPath, staff, sasaran), 403)
		problem(t, e.post(t, pkPath, kadis, map[string]any{"year": 2026, "description": "Tanpa indikator"}), 422)
		r = e.post(t, pkPath, kadis, sasaran)
		if ps := check("POST", "/api/v1/units/{id}/pk", r); r.status != 201 || len(ps["indicators"].([]any)) != 1 || !rightsOf(ps)["delete"] {
			t.Fatalf("add PK sasaran: %d %s", r.status, r.body)
		}
		pk := check("GET", "/api/v1/units/{id}/pk", e.get(t, pkPath+"?year=2026", staff))
		sasaranID := pk["sasaran"].([]any)[0].(map[string]any)["id"].(string)
		problem(t, e.get(t, pkPath+"?year=dua", staff), 422)
		// A JPT intervenes nothing above: its options are the unit's PK sasaran.
		opts := check("GET", "/api/v1/skps/{id}/intervention-options", e.get(t, "/api/v1/skps/"+kadisID+"/intervention-options", kadis))
		if opts["format"] != "jpt" || opts["supervisor_skp_id"] != nil || len(opts["rhk"].([]any)) != 0 ||
			len(opts["pk_sasaran"].([]any)) != 1 || opts["pk_sasaran"].([]any)[0].(map[string]any)["id"] != sasaranID {
			t.Errorf("a JPT's intervention options = %v", opts)
		}
		sk = check("POST", "/api/v1/skps/{id}/rhk", e.post(t, "/api/v1/skps/"+kadisID+"/rhk", kadis, map[string]any{"version": sk["version"],
			"kind": "utama", "pk_sasaran_id": sasaranID, "penugasan_dari": "Wali Kota", "perspektif": "Penerima Layanan"}))
		fromPK := sk["rhk"].([]any)[0].(map[string]any)
		if fromPK["description"] != "Meningkatnya layanan digital" || fromPK["pk_sasaran_id"] != sasaranID || len(fromPK["indicators"].([]any)) != 1 {
			t.Errorf("RHK from the PK = %v", fromPK)
		}
		if pk := check("GET", "/api/v1/units/{id}/pk", e.get(t, pkPath+"?year=2026", admin)); !rightsOf(pk)["manage"] ||
			rightsOf(pk["sasaran"].([]any)[0].(map[string]any))["delete"] {
			t.Errorf("the admin's rights on a PK whose sasaran an RHK is taken from: %v", pk)
		}
		if pk := check("GET", "/api/v1/units/{id}/pk", e.get(t, pkPath+"?year=2026", staff)); rightsOf(pk)["manage"] {
			t.Errorf("an ASN may manage the PK: %v", pk["can"])
		}
		problem(t, e.do(t, "DELETE", "/api/v1/pk/"+sasaranID, "admin-less", "", nil), 401)
		problem(t, e.do(t, "DELETE", "/api/v1/pk/"+sasaranID, admin, "", nil), 409)
		rhkID := fromPK["id"].(string)
		sk = check("POST", "/api/v1/rhk/{id}/indicators", e.post(t, "/api/v1/rhk/"+rhkID+"/indicators", kadis, map[string]any{"version": sk["version"],
			"aspect": "kuantitas", "description": "Layanan daring", "target": "12", "unit": "layanan"}))
		sk = check("POST", "/api/v1/skps/{id}/submit", e.post(t, "/api/v1/skps/"+kadisID+"/submit", kadis, map[string]any{"version": sk["version"]}))
		if sk["status"] != "submitted" {
			t.Fatalf("submit: %v", sk)
		}
		problem(t, e.post(t, "/api/v1/skps/"+kadisID+"/approve", kadis, map[string]any{"version": sk["version"]}), 403)
		problem(t, e.post(t, "/api/v1/skps/"+kadisID+"/approve", wali, map[string]any{"version": sk["version"].(float64) - 1}), 409)
		sk = check("POST", "/api/v1/skps/{id}/approve", e.post(t, "/api/v1/skps/"+kadisID+"/approve", wali, map[string]any{"version": sk["version"]}))
		if sk["status"] != "approved" {
			t.Fatalf("approve: %v", sk)
		}

		// The Kabid cascades, is returned, resubmits, is approved.
		kb := check("POST", "/api/v1/skps", e.post(t, "/api/v1/skps", kabid, map[string]any{"year": 2026, "approach": "kuantitatif"}))
		kbID := kb["id"].(string)
		problem(t, e.post(t, "/api/v1/skps/"+kbID+"/rhk", kabid, map[string]any{"version": kb["version"], "kind": "utama",
			"description": "Aplikasi layanan", "parent_rhk_id": "not-a-supervisor-rhk"}), 422)
		kb = check("POST", "/api/v1/skps/{id}/rhk", e.post(t, "/api/v1/skps/"+kbID+"/rhk", kabid, map[string]any{"version": kb["version"],
			"kind": "utama", "description": "Tersedianya aplikasi layanan", "parent_rhk_id": rhkID}))
		kbRHK := kb["rhk"].([]any)[0].(map[string]any)["id"].(string)
		r = e.do(t, "PUT", "/api/v1/skps/"+kbID+"/lampiran", kabid, "application/json",
			[]byte(`{"version":`+strconv.Itoa(int(kb["version"].(float64)))+`,"dukungan_sumber_daya":["Server aplikasi"," "],"konsekuensi":["Dibahas dalam dialog"]}`))
		kb = check("PUT", "/api/v1/skps/{id}/lampiran", r)
		if l := kb["lampiran"].(map[string]any); len(l["dukungan_sumber_daya"].([]any)) != 1 || len(l["skema_pertanggungjawaban"].([]any)) != 0 {
			t.Errorf("lampiran = %v", l)
		}
		problem(t, e.post(t, "/api/v1/skps/"+kbID+"/submit", kabid, map[string]any{"version": kb["version"]}), 422)
		kb = check("POST", "/api/v1/rhk/{id}/indicators", e.post(t, "/api/v1/rhk/"+kbRHK+"/indicators", kabid, map[string]any{"version": kb["version"],
			"aspect": "kuantitas", "description": "Modul aplikasi", "target": "4", "unit": "modul"}))
		kb = check("POST", "/api/v1/skps/{id}/submit", e.post(t, "/api/v1/skps/"+kbID+"/submit", kabid, map[string]any{"version": kb["version"]}))
		problem(t, e.get(t, "/api/v1/skps/"+kbID, staff), 404)
		problem(t, e.post(t, "/api/v1/skps/"+kbID+"/return", kadis, map[string]any{"version": kb["version"], "note": " "}), 422)
		kb = check("POST", "/api/v1/skps/{id}/expectations", e.post(t, "/api/v1/skps/"+kbID+"/expectations", kadis, map[string]any{"version": kb["version"],
			"core_value": "kolaboratif", "expectation": "Aktif dalam tim SPBE"}))
		kb = check("POST", "/api/v1/skps/{id}/return", e.post(t, "/api/v1/skps/"+kbID+"/return", kadis, map[string]any{"version": kb["version"], "note": "Tambahkan indikator kualitas"}))
		if kb["status"] != "returned" || kb["return_note"] != "Tambahkan indikator kualitas" {
			t.Fatalf("return: %v", kb)
		}
		kb = check("POST", "/api/v1/rhk/{id}/indicators", e.post(t, "/api/v1/rhk/"+kbRHK+"/indicators", kabid, map[string]any{"version": kb["version"],
			"aspect": "kualitas", "description": "Lolos uji keamanan", "target": "100", "unit": "%"}))
		kb = check("POST", "/api/v1/skps/{id}/submit", e.post(t, "/api/v1/skps/"+kbID+"/submit", kabid, map[string]any{"version": kb["version"]}))
		kb = check("POST", "/api/v1/skps/{id}/approve", e.post(t, "/api/v1/skps/"+kbID+"/approve", kadis, map[string]any{"version": kb["version"]}))
		if kb["status"] != "approved" {
			t.Fatalf("approve kabid: %v", kb)
		}

		problem(t, e.post(t, "/api/v1/skps/"+kbID+"/dialogues", kadis, map[string]any{"held_on": "2026-01-10", "notes": ""}), 422)
		check("POST", "/api/v1/skps/{id}/dialogues", e.post(t, "/api/v1/skps/"+kbID+"/dialogues", kadis,
			map[string]any{"held_on": "2026-01-10", "notes": "Membahas modul prioritas", "expectations": "Modul perizinan lebih dulu"}))
		if d := check("GET", "/api/v1/skps/{id}/dialogues", e.get(t, "/api/v1/skps/"+kbID+"/dialogues", kabid))["items"].([]any); len(d) != 1 {
			t.Errorf("dialogues = %v", d)
		}
		problem(t, e.get(t, "/api/v1/skps/"+kbID+"/dialogues", staff), 404)
		if v := check("GET", "/api/v1/skps/{id}/versions", e.get(t, "/api/v1/skps/"+kbID+"/versions", kabid))["items"].([]any); len(v) != 1 ||
			v[0].(map[string]any)["status"] != "approved" || len(v[0].(map[string]any)["rhk"].([]any)[0].(map[string]any)["indicators"].([]any)) != 2 {
			t.Errorf("versions = %v", v)
		}
		problem(t, e.get(t, "/api/v1/skps/"+kbID+"/versions", staff), 404)
		list := check("GET", "/api/v1/skps", e.get(t, "/api/v1/skps?year=2026", kadis))
		if n := len(list["items"].([]any)); n != 2 {
			t.Errorf("the Kadis lists %d SKPs, want their own and the Kabid's", n)
		}
		if n := len(check("GET", "/api/v1/skps", e.get(t, "/api/v1/skps?year=2026&status=approved", admin))["items"].([]any)); n != 2 {
			t.Errorf("the admin lists %d approved SKPs", n)
		}
		problem(t, e.get(t, "/api/v1/skps?status=lost", admin), 422)
		// Paging: one at a time through both SKP, then a bad cursor.
		first := check("GET", "/api/v1/skps", e.get(t, "/api/v1/skps?year=2026&limit=1", admin))
		if len(first["items"].([]any)) != 1 || first["next_cursor"] == nil {
			t.Fatalf("first page = %v", first)
		}
		second := check("GET", "/api/v1/skps", e.get(t, "/api/v1/skps?year=2026&limit=1&cursor="+first["next_cursor"].(string), admin))
		if len(second["items"].([]any)) != 1 || second["next_cursor"] != nil ||
			second["items"].([]any)[0].(map[string]any)["id"] == first["items"].([]any)[0].(map[string]any)["id"] {
			t.Errorf("second page = %v", second)
		}
		problem(t, e.get(t, "/api/v1/skps?cursor=nope", admin), 422)
		problem(t, e.get(t, "/api/v1/skps?limit=0", admin), 422)

		fl := check("GET", "/api/v1/monitoring/skps", e.get(t, "/api/v1/monitoring/skps?year=2026", admin))
		if tot := fl["total"].(map[string]any); tot["approved"] != float64(2) || tot["total"] != float64(7) {
			t.Errorf("filling total = %v", tot)
		}
		problem(t, e.get(t, "/api/v1/monitoring/skps", staff), 403)
		behind := check("GET", "/api/v1/monitoring/skps/units/{id}", e.get(t, "/api/v1/monitoring/skps/units/"+e.o.Aplikasi.ID+"?year=2026", admin))
		if items := behind["items"].([]any); len(items) != 2 || !rightsOf(behind)["remind"] {
			t.Errorf("behind in the Bidang Aplikasi = %v", behind)
		}
		problem(t, e.get(t, "/api/v1/monitoring/skps/units/"+e.o.Aplikasi.ID, staff), 403)
		problem(t, e.get(t, "/api/v1/monitoring/skps/units/nope", admin), 404)
		problem(t, e.post(t, "/api/v1/monitoring/skps/units/"+e.o.Aplikasi.ID+"/remind", staff, map[string]any{"year": 2026}), 403)
		if n := check("POST", "/api/v1/monitoring/skps/units/{id}/remind", e.do(t, "POST", "/api/v1/monitoring/skps/units/"+e.o.Aplikasi.ID+"/remind",
			admin, "application/json", []byte(`{"year":2026}`))); n["reminded"] != float64(2) {
			t.Errorf("reminded = %v", n)
		}
		problem(t, e.get(t, "/api/v1/monitoring/skps?year=x", admin), 422)
		for _, tok := range []string{kabid, kadis} {
			r := e.get(t, "/api/v1/skps/"+kbID+"/document.pdf", tok)
			if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(r.body), "%PDF-") {
				t.Errorf("document: %d %s", r.status, r.header.Get("Content-Type"))
			}
		}
		problem(t, e.get(t, "/api/v1/skps/"+kbID+"/document.pdf", staff), 404)
	})
}
