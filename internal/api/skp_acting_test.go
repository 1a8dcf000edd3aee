package api_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// checkAs checks r against the OpenAPI document's answer for method and
// pattern, and returns its body.
func checkAs(t *testing.T, doc map[string]any, method, pattern string, r response) map[string]any {
	t.Helper()
	schema, err := responseSchema(doc, method, pattern, r)
	if err != nil {
		t.Fatalf("%s %s: %v (%s)", method, pattern, err, r.body)
	}
	var v any
	json.Unmarshal(r.body, &v)
	for _, p := range conform(doc, schema, v, "$") {
		t.Errorf("%s %s (%d): %s", method, pattern, r.status, p)
	}
	m, _ := v.(map[string]any)
	return m
}

// POST /api/v1/skps takes the post to plan: a Plt starts the SKP of the
// acting post beside the definitive one, and each SKP says which post it
// plans and whether it is an acting one. GET /api/v1/skp-posts offers the
// posts.
func TestCreateSKPOnTheActingPost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt, Start: "2026-02-01"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		check := func(r response) map[string]any { return checkAs(t, doc, "POST", "/api/v1/skps", r) }
		posts := func(token string) []any {
			t.Helper()
			items, _ := checkAs(t, doc, "GET", "/api/v1/skp-posts", e.get(t, "/api/v1/skp-posts?year=2026", token))["items"].([]any)
			return items
		}
		admin, kabid := e.login(t, "admin", "rahasia-admin"), e.login(t, storetest.NIPKabid, "rahasia-kabid")
		if r := e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026, "period_kind": "quarterly"}); r.status != 201 {
			t.Fatalf("open year: %d %s", r.status, r.body)
		}
		offered := posts(kabid)
		if len(offered) != 2 {
			t.Fatalf("posts offered = %v", offered)
		}
		if p := offered[1].(map[string]any); p["position_id"] != e.o.PosSekr.ID || p["title"] != "Plt. Sekretaris" || p["acting"] != "plt" ||
			p["start"] != "2026-02-01" || p["end"] != "2026-12-31" || p["open_skp_id"] != nil || !rightsOf(p)["create"] {
			t.Errorf("the acting post offered = %v", p)
		}
		problem(t, e.get(t, "/api/v1/skp-posts?year=2026&employee="+e.o.Kabid.ID, e.login(t, storetest.NIPStaff1, "rahasia-staf1")), 403)

		r := e.post(t, "/api/v1/skps", kabid, map[string]any{"year": 2026, "approach": "kuantitatif"})
		home := check(r)
		if pos, _ := home["position"].(map[string]any); r.status != 201 || home["acting"] != nil || pos["id"] != e.o.PosKabid.ID ||
			pos["title"] != "Kepala Bidang Aplikasi Informatika" {
			t.Fatalf("the definitive SKP: %d %s", r.status, r.body)
		}
		if p := problem(t, e.post(t, "/api/v1/skps", kabid, map[string]any{"year": 2026, "approach": "kuantitatif"}), 409); p["code"] != "conflict.skp.exists" {
			t.Errorf("a second SKP of the post: %v", p)
		}
		r = e.post(t, "/api/v1/skps", kabid, map[string]any{"year": 2026, "approach": "kuantitatif", "position_id": e.o.PosSekr.ID})
		acting := check(r)
		if pos, _ := acting["position"].(map[string]any); r.status != 201 || acting["acting"] != "plt" || pos["id"] != e.o.PosSekr.ID ||
			pos["title"] != "Plt. Sekretaris" || acting["period_start"] != "2026-02-01" {
			t.Fatalf("the acting SKP: %d %s", r.status, r.body)
		}
		if rater, _ := acting["rater"].(map[string]any); rater["name"] != "Budi Santoso" {
			t.Errorf("the acting post is rated by %v", rater)
		}
		problem(t, e.post(t, "/api/v1/skps", kabid, map[string]any{"year": 2026, "approach": "kuantitatif", "position_id": e.o.PosSekr.ID}), 409)
		p := problem(t, e.post(t, "/api/v1/skps", kabid, map[string]any{"year": 2026, "approach": "kuantitatif", "position_id": e.o.PosNurse.ID}), 422)
		if codes, _ := p["codes"].(map[string]any); codes["position_id"] != "invalid.skp.position" {
			t.Errorf("a post not held: %v", p)
		}
		for _, x := range posts(kabid) {
			if p := x.(map[string]any); p["open_skp_id"] == nil || rightsOf(p)["create"] {
				t.Errorf("a post with an open SKP = %v", p)
			}
		}
	})
}
