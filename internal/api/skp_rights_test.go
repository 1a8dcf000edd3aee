package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

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
		if parent["id"] != kabidRHK["id"] || parent["description"] != "Tersedianya aplikasi layanan perizinan" || rightsOf(parent)["add_indicator"] || rightsOf(parent)["delete"] {
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
		if rhk["parent_rhk_id"] != parent["id"] || rhk["parent_rhk_text"] != "Tersedianya aplikasi layanan perizinan" ||
			!rightsOf(rhk)["add_indicator"] || !rightsOf(rhk)["delete"] {
			t.Errorf("the intervening RHK = %v", rhk)
		}

		// The pejabat penilai reads the draft: they may write expectations
		// and record a dialogue, not change or approve it yet.
		asRater := check("GET", "/api/v1/skps/{id}", e.get(t, "/api/v1/skps/"+id, kabid))
		if got := rightsOf(asRater); got["edit"] || got["submit"] || got["approve"] || got["return"] || !got["expect"] || !got["dialogue"] {
			t.Errorf("the rater's rights on a draft = %v", got)
		}
		if got := rightsOf(asRater["rhk"].([]any)[0].(map[string]any)); got["add_indicator"] || got["delete"] {
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
		// The list sums each SKP up: how many RHK, not the RHK themselves
		// (an empty list there would say it has none).
		mine := check("GET", "/api/v1/skps", e.get(t, "/api/v1/skps?employee="+e.o.Staff1.ID, staff))["items"].([]any)
		if len(mine) != 1 {
			t.Fatalf("Staff1's SKPs = %v", mine)
		}
		if it := mine[0].(map[string]any); it["id"] != id || it["rhk_count"] != 1.0 || it["rhk"] != nil || it["behaviours"] != nil {
			t.Errorf("Staff1's SKP in the list = %v", it)
		}
		if it := list["items"].([]any); len(it) == 0 || it[0].(map[string]any)["rhk_count"] == nil {
			t.Errorf("the Kabid's list = %v", it)
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
		// Each approved revision's document, as the web serves it at
		// /skp/{id}/versi/{rev}, to those who may read the SKP.
		rev := jsonNumber(versions["items"].([]any)[0].(map[string]any)["revision"])
		r = e.get(t, "/api/v1/skps/"+id+"/document.pdf?revision="+rev, staff)
		if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(r.body), "%PDF-") {
			t.Errorf("document of revision %s: %d %s", rev, r.status, r.header.Get("Content-Type"))
		}
		problem(t, e.get(t, "/api/v1/skps/"+id+"/document.pdf?revision=99", staff), 404)
		problem(t, e.get(t, "/api/v1/skps/"+id+"/document.pdf?revision="+rev, nurse), 404)
		if pr := problem(t, e.get(t, "/api/v1/skps/"+id+"/document.pdf?revision=satu", staff), 422); pr["errors"].(map[string]any)["revision"] == nil {
			t.Errorf("an unreadable revision: %v", pr)
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
		for action, who := range map[string]string{"submit": staff, "approve": kabid, "revise": staff} {
			missing(who, "POST", "/api/v1/skps/"+id+"/"+action, nil)
			missing(who, "POST", "/api/v1/skps/"+id+"/"+action, []byte(`{}`))
		}
		// Who may not act hears that, not what their request lacks.
		if r := e.do(t, "POST", "/api/v1/skps/"+id+"/approve", staff, "application/json", []byte(`{}`)); r.status != 403 {
			t.Errorf("the owner approving without a version: %d %s, want 403", r.status, r.body)
		}
		stale := func(who, method, path string, body map[string]any) {
			t.Helper()
			b, _ := json.Marshal(body)
			if p := problem(t, e.do(t, method, path, who, "application/json", b), 409); !strings.Contains(p["detail"].(string), "telah berubah") {
				t.Errorf("%s %s with a stale version: %v, want the detail to say the record changed", method, path, p["detail"])
			}
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
		// Approving again with the current version is no stale read: the
		// SKP is simply approved already.
		if p := problem(t, e.post(t, "/api/v1/skps/"+id+"/approve", kabid, map[string]any{"version": v}), 409); strings.Contains(p["detail"].(string), "berubah") {
			t.Errorf("a second approval with the current version says the record changed: %v", p["detail"])
		}
		stale(staff, "POST", "/api/v1/skps/"+id+"/revise", map[string]any{"version": v - 1})
		if r := e.post(t, "/api/v1/skps/"+id+"/revise", staff, map[string]any{"version": v}); r.status != 200 {
			t.Fatalf("revise: %d %s", r.status, r.body)
		}
	})
}
