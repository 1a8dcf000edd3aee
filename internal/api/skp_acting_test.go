package api_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// POST /api/v1/skps takes the post to plan: a Plt starts the SKP of the
// acting post beside the definitive one, and each SKP says which post it
// plans and whether it is an acting one.
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
		check := func(r response) map[string]any {
			t.Helper()
			schema, err := responseSchema(doc, "POST", "/api/v1/skps", r)
			if err != nil {
				t.Fatalf("%v (%s)", err, r.body)
			}
			var v any
			json.Unmarshal(r.body, &v)
			for _, p := range conform(doc, schema, v, "$") {
				t.Errorf("POST /api/v1/skps (%d): %s", r.status, p)
			}
			m, _ := v.(map[string]any)
			return m
		}
		admin, kabid := e.login(t, "admin", "rahasia-admin"), e.login(t, storetest.NIPKabid, "rahasia-kabid")
		if r := e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026, "period_kind": "quarterly"}); r.status != 201 {
			t.Fatalf("open year: %d %s", r.status, r.body)
		}
		r := e.post(t, "/api/v1/skps", kabid, map[string]any{"year": 2026, "approach": "kuantitatif"})
		home := check(r)
		if pos, _ := home["position"].(map[string]any); r.status != 201 || home["acting"] != nil || pos["id"] != e.o.PosKabid.ID ||
			pos["title"] != "Kepala Bidang Aplikasi Informatika" {
			t.Fatalf("the definitive SKP: %d %s", r.status, r.body)
		}
		problem(t, e.post(t, "/api/v1/skps", kabid, map[string]any{"year": 2026, "approach": "kuantitatif"}), 409)
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
	})
}
