package api_test

import (
	"context"
	"encoding/json"
	"fmt"
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
		if ps := check("POST", "/api/v1/units/{id}/pk", r); r.status != 201 || len(ps["indicators"].([]any)) != 1 {
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

// approvedKabidSKP gives the Kabid an approved SKP for 2026 with one RHK
// and returns that RHK.
func approvedKabidSKP(t *testing.T, e env, kabid string) (skpID string, rhk map[string]any) {
	t.Helper()
	ctx := context.Background()
	sk := e.post(t, "/api/v1/skps", kabid, map[string]any{"year": 2026, "approach": "kuantitatif"}).json(t)
	sk = e.post(t, "/api/v1/skps/"+sk["id"].(string)+"/rhk", kabid, map[string]any{"version": sk["version"], "kind": "utama",
		"description": "Tersedianya aplikasi layanan perizinan"}).json(t)
	full, err := e.s.SKP(ctx, sk["id"].(string))
	if err != nil {
		t.Fatal(err)
	}
	full.Status = model.SKPApproved
	if err := e.s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
		return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove)
	}); err != nil {
		t.Fatal(err)
	}
	return full.ID, sk["rhk"].([]any)[0].(map[string]any)
}

func rightsOf(m map[string]any) map[string]bool {
	out := map[string]bool{}
	for k, v := range m["can"].(map[string]any) {
		out[k] = v.(bool)
	}
	return out
}

// TestInterventionThroughTheAPI: an ASN with a draft SKP reads, through the
// API alone, the supervisor's approved RHK and adds an RHK that intervenes
// one of them; the SKP carries what each may do with it.
func TestInterventionThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		if r := e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026}); r.status != 201 {
			t.Fatalf("open year: %d %s", r.status, r.body)
		}
		kabidSKP, kabidRHK := approvedKabidSKP(t, e, kabid)

		r := e.post(t, "/api/v1/skps", staff, map[string]any{"year": 2026, "approach": "kuantitatif"})
		sk := check("POST", "/api/v1/skps", r)
		id := sk["id"].(string)
		if got := rightsOf(sk); !got["edit"] || !got["submit"] || got["approve"] || got["return"] || got["revise"] || got["expect"] || !got["dialogue"] {
			t.Errorf("the owner's rights on a draft = %v", got)
		}

		// What the RHK may intervene: the Kabid's approved RHK.
		opts := check("GET", "/api/v1/skps/{id}/intervention-options", e.get(t, "/api/v1/skps/"+id+"/intervention-options", staff))
		if opts["format"] != "ja_jf" || opts["supervisor_skp_id"] != kabidSKP || len(opts["rhk"].([]any)) != 1 || len(opts["pk_sasaran"].([]any)) != 0 {
			t.Fatalf("intervention options = %v", opts)
		}
		parent := opts["rhk"].([]any)[0].(map[string]any)
		if parent["id"] != kabidRHK["id"] || parent["description"] != "Tersedianya aplikasi layanan perizinan" || rightsOf(parent)["edit"] {
			t.Errorf("the supervisor's RHK as an option = %v", parent)
		}
		problem(t, e.get(t, "/api/v1/skps/"+id+"/intervention-options", nurse), 404)
		problem(t, e.get(t, "/api/v1/skps/nope/intervention-options", staff), 404)

		r = e.post(t, "/api/v1/skps/"+id+"/rhk", staff, map[string]any{"version": sk["version"], "kind": "utama",
			"description": "Tersusunnya modul perizinan daring", "parent_rhk_id": parent["id"]})
		if r.status != 201 {
			t.Fatalf("add an intervening RHK: %d %s", r.status, r.body)
		}
		check("POST", "/api/v1/skps/{id}/rhk", r)
		sk = check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+id, staff))
		rhk := sk["rhk"].([]any)[0].(map[string]any)
		if rhk["parent_rhk_id"] != parent["id"] || rhk["parent_rhk_text"] != "Tersedianya aplikasi layanan perizinan" || !rightsOf(rhk)["edit"] {
			t.Errorf("the intervening RHK = %v", rhk)
		}

		// The pejabat penilai reads the draft: they may write expectations
		// and record a dialogue, not change or approve it yet.
		asRater := check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+id, kabid))
		if got := rightsOf(asRater); got["edit"] || got["submit"] || got["approve"] || got["return"] || !got["expect"] || !got["dialogue"] {
			t.Errorf("the rater's rights on a draft = %v", got)
		}
		if got := rightsOf(asRater["rhk"].([]any)[0].(map[string]any)); got["edit"] || got["delete"] {
			t.Errorf("the rater may change the subordinate's RHK: %v", got)
		}
		problem(t, e.do(t, "DELETE", "/api/v1/rhk/"+rhk["id"].(string), kabid, "application/json", []byte(fmt.Sprintf(`{"version":%v}`, sk["version"]))), 403)
		sk = check("POST", "/api/v1/rhk/{id}/indicators", e.post(t, "/api/v1/rhk/"+rhk["id"].(string)+"/indicators", staff,
			map[string]any{"version": sk["version"], "aspect": "kuantitas", "description": "Modul selesai", "target": "3", "unit": "modul"}))
		sk = check("POST", "/api/v1/skps/{id}/submit", e.post(t, "/api/v1/skps/"+id+"/submit", staff, map[string]any{"version": sk["version"]}))
		if got := rightsOf(sk); got["edit"] || got["submit"] || got["revise"] {
			t.Errorf("the owner's rights once submitted = %v", got)
		}
		asRater = check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+id, kabid))
		if got := rightsOf(asRater); !got["approve"] || !got["return"] || !got["expect"] {
			t.Errorf("the rater's rights once submitted = %v", got)
		}
		list := check("GET", "/api/v1/skps", e.get(t, "/api/v1/skps?year=2026", kabid))
		for _, it := range list["items"].([]any) {
			it := it.(map[string]any)
			if want := it["id"] == id; rightsOf(it)["approve"] != want {
				t.Errorf("listed SKP %v: can.approve = %v", it["id"], rightsOf(it)["approve"])
			}
		}
		sk = check("POST", "/api/v1/skps/{id}/approve", e.post(t, "/api/v1/skps/"+id+"/approve", kabid, map[string]any{"version": sk["version"]}))
		if got := rightsOf(sk); got["approve"] || got["expect"] || got["revise"] {
			t.Errorf("the rater's rights once approved = %v", got)
		}
		if got := rightsOf(check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+id, staff))); !got["revise"] || got["edit"] {
			t.Errorf("the owner's rights once approved = %v", got)
		}
		// The Kabid revises: their RHK that Staff1's intervenes cannot be
		// removed; an RHK nothing depends on can.
		ks := check("POST", "/api/v1/skps/{id}/revise", e.post(t, "/api/v1/skps/"+kabidSKP+"/revise", kabid, map[string]any{"version": 3}))
		if !rightsOf(ks["rhk"].([]any)[0].(map[string]any))["delete"] {
			t.Errorf("a draft's RHK cannot be removed: %v", ks["rhk"])
		}
		problem(t, e.do(t, "DELETE", "/api/v1/rhk/"+parent["id"].(string), staff, "application/json", []byte(fmt.Sprintf(`{"version":%v}`, ks["version"]))), 404)
		problem(t, e.do(t, "DELETE", "/api/v1/rhk/"+parent["id"].(string), kabid, "application/json", []byte(fmt.Sprintf(`{"version":%v}`, ks["version"]))), 409)
		ks = check("POST", "/api/v1/skps/{id}/rhk", e.post(t, "/api/v1/skps/"+kabidSKP+"/rhk", kabid, map[string]any{"version": ks["version"], "kind": "tambahan", "description": "Sementara"}))
		extra := ks["rhk"].([]any)[1].(map[string]any)["id"].(string)
		r = e.do(t, "DELETE", "/api/v1/rhk/"+extra, kabid, "application/json", []byte(fmt.Sprintf(`{"version":%v}`, ks["version"])))
		if ks = check("DELETE", "/api/v1/rhk/{id}", r); r.status != 200 || len(ks["rhk"].([]any)) != 1 {
			t.Errorf("remove an RHK: %d %s", r.status, r.body)
		}
		problem(t, e.do(t, "DELETE", "/api/v1/rhk/"+extra, kabid, "application/json", []byte(fmt.Sprintf(`{"version":%v}`, ks["version"]))), 404)
		versions := check("GET", "/api/v1/skps/{id}/versions", e.get(t, "/api/v1/skps/"+id+"/versions", staff))
		if got := rightsOf(versions["items"].([]any)[0].(map[string]any)); got["revise"] || got["edit"] {
			t.Errorf("an approved version offers %v", got)
		}
	})
}

// TestPlanningWritesNeedTheirVersion: every write to an SKP names the
// version it read. A missing one is a 422 naming version (even for an
// action sent without a body, which is not a 415), a stale one a 409.
func TestPlanningWritesNeedTheirVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026})
		_, parent := approvedKabidSKP(t, e, kabid)
		sk := e.post(t, "/api/v1/skps", staff, map[string]any{"year": 2026, "approach": "kuantitatif"}).json(t)
		id := sk["id"].(string)
		v := int(sk["version"].(float64))
		sk = e.post(t, "/api/v1/skps/"+id+"/rhk", staff, map[string]any{"version": v, "kind": "utama", "description": "Modul", "parent_rhk_id": parent["id"]}).json(t)
		rhkID := sk["rhk"].([]any)[0].(map[string]any)["id"].(string)
		v = int(sk["version"].(float64))

		missing := func(who, method, path string, body []byte) {
			t.Helper()
			ct := "application/json"
			if body == nil {
				ct = ""
			}
			p := problem(t, e.do(t, method, path, who, ct, body), 422)
			if errs, _ := p["errors"].(map[string]any); errs["version"] == nil {
				t.Errorf("%s %s without a version: errors %v", method, path, p["errors"])
			}
		}
		missing(staff, "POST", "/api/v1/skps/"+id+"/rhk", []byte(`{"kind":"utama","description":"Lain"}`))
		missing(staff, "POST", "/api/v1/rhk/"+rhkID+"/indicators", []byte(`{"aspect":"kuantitas","description":"x","target":"1","unit":"x"}`))
		missing(staff, "PUT", "/api/v1/skps/"+id+"/lampiran", []byte(`{"konsekuensi":["x"]}`))
		missing(kabid, "POST", "/api/v1/skps/"+id+"/expectations", []byte(`{"core_value":"adaptif","expectation":"x"}`))
		missing(kabid, "POST", "/api/v1/skps/"+id+"/return", []byte(`{"note":"x"}`))
		missing(staff, "DELETE", "/api/v1/rhk/"+rhkID, nil)
		for _, action := range []string{"submit", "approve", "revise"} {
			missing(staff, "POST", "/api/v1/skps/"+id+"/"+action, nil)
			missing(staff, "POST", "/api/v1/skps/"+id+"/"+action, []byte(`{}`))
		}
		stale := func(who, method, path string, body map[string]any) {
			t.Helper()
			b, _ := json.Marshal(body)
			problem(t, e.do(t, method, path, who, "application/json", b), 409)
		}
		stale(staff, "POST", "/api/v1/skps/"+id+"/rhk", map[string]any{"version": v - 1, "kind": "utama", "description": "Lain"})
		stale(staff, "POST", "/api/v1/rhk/"+rhkID+"/indicators", map[string]any{"version": v - 1, "aspect": "kuantitas", "description": "x", "target": "1", "unit": "x"})
		stale(staff, "PUT", "/api/v1/skps/"+id+"/lampiran", map[string]any{"version": v - 1, "konsekuensi": []string{"x"}})
		stale(kabid, "POST", "/api/v1/skps/"+id+"/expectations", map[string]any{"version": v - 1, "core_value": "adaptif", "expectation": "x"})
		stale(staff, "DELETE", "/api/v1/rhk/"+rhkID, map[string]any{"version": v - 1})
		e.post(t, "/api/v1/rhk/"+rhkID+"/indicators", staff, map[string]any{"version": v, "aspect": "kuantitas", "description": "x", "target": "1", "unit": "x"})
		v++
		stale(staff, "POST", "/api/v1/skps/"+id+"/submit", map[string]any{"version": v - 1})
		if r := e.post(t, "/api/v1/skps/"+id+"/submit", staff, map[string]any{"version": v}); r.status != 200 {
			t.Fatalf("submit: %d %s", r.status, r.body)
		}
		v++
		stale(kabid, "POST", "/api/v1/skps/"+id+"/return", map[string]any{"version": v - 1, "note": "Perbaiki"})
		stale(kabid, "POST", "/api/v1/skps/"+id+"/approve", map[string]any{"version": v - 1})
		if r := e.post(t, "/api/v1/skps/"+id+"/approve", kabid, map[string]any{"version": v}); r.status != 200 {
			t.Fatalf("approve: %d %s", r.status, r.body)
		}
		v++
		stale(staff, "POST", "/api/v1/skps/"+id+"/revise", map[string]any{"version": v - 1})
		if r := e.post(t, "/api/v1/skps/"+id+"/revise", staff, map[string]any{"version": v}); r.status != 200 {
			t.Fatalf("revise: %d %s", r.status, r.body)
		}
	})
}

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
	})
}

// TestInstansiSettingsThroughTheAPI: the settings of the year page are
// read by everyone signed in and changed by BKPSDM.
func TestInstansiSettingsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		st := check("GET", "/api/v1/settings", e.get(t, "/api/v1/settings", staff))
		if st["evidence_max_mb"] != float64(10) || rightsOf(st)["edit"] {
			t.Errorf("settings for an ASN = %v", st)
		}
		if st := check("GET", "/api/v1/settings", e.get(t, "/api/v1/settings", admin)); !rightsOf(st)["edit"] {
			t.Errorf("settings for BKPSDM = %v", st)
		}
		patch := func(tok, body string) response {
			return e.do(t, "PATCH", "/api/v1/settings", tok, "application/json", []byte(body))
		}
		problem(t, patch(staff, `{"evidence_max_mb":20}`), 403)
		for _, body := range []string{`{"evidence_max_mb":0}`, `{"evidence_max_mb":101}`, `{}`} {
			if p := problem(t, patch(admin, body), 422); p["errors"].(map[string]any)["evidence_max_mb"] == nil {
				t.Errorf("%s: errors %v", body, p["errors"])
			}
		}
		r := patch(admin, `{"evidence_max_mb":20}`)
		if st := check("PATCH", "/api/v1/settings", r); r.status != 200 || st["evidence_max_mb"] != float64(20) {
			t.Fatalf("patch settings: %d %s", r.status, r.body)
		}
		if st := e.get(t, "/api/v1/settings", staff).json(t); st["evidence_max_mb"] != float64(20) {
			t.Errorf("the new limit is not read back: %v", st)
		}
		periods := check("GET", "/api/v1/years/{year}/periods", e.get(t, "/api/v1/years/2026/periods", staff))
		if len(periods["items"].([]any)) != 0 {
			t.Errorf("periods of a year not opened = %v", periods)
		}
		e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026})
		for tok, want := range map[string]bool{staff: false, admin: true} {
			first := e.get(t, "/api/v1/years/2026/periods", tok).json(t)["items"].([]any)[0].(map[string]any)
			if got := rightsOf(first); got["edit"] != want || got["open"] != want || got["close"] || got["lock"] || got["unlock"] {
				t.Errorf("a draft period's can = %v, want edit and open %v", first["can"], want)
			}
		}
	})
}
