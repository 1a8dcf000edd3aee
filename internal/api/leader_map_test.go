package api_test

import (
	"encoding/json"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestSettingsLeaderMap: the settings answer the map in force and the
// regulation's; BKPSDM sets the instansi's own (all five capaian), a map
// missing one or naming a rating that is none is a 422 that changes
// nothing, a staff member gets a 403, and null restores the regulation's.
func TestSettingsLeaderMap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := checkStatus(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		patch := func(tok string, body any) response {
			b, _ := json.Marshal(body)
			return e.do(t, "PATCH", "/api/v1/settings", tok, "application/json", b)
		}
		got := check("GET", "/api/v1/settings", e.get(t, "/api/v1/settings", staff), 200)
		if m := got["leader_map"].(map[string]any); m["baik"] != "sesuai" || got["leader_map_default"].(map[string]any)["istimewa"] != "di_atas" || got["leader_map_own"] != false {
			t.Fatalf("settings = %v", got)
		}
		own := map[string]string{"istimewa": "di_atas", "baik": "di_atas", "butuh_perbaikan": "sesuai", "kurang": "di_bawah", "sangat_kurang": "di_bawah"}
		got = check("PATCH", "/api/v1/settings", patch(admin, map[string]any{"leader_map": own}), 200)
		if m := got["leader_map"].(map[string]any); m["baik"] != "di_atas" || m["butuh_perbaikan"] != "sesuai" || got["leader_map_own"] != true ||
			got["leader_map_default"].(map[string]any)["baik"] != "sesuai" {
			t.Errorf("after setting = %v", got)
		}
		p := problem(t, patch(admin, map[string]any{"leader_map": map[string]string{"istimewa": "di_atas", "baik": "hebat"}}), 422)
		if errs, _ := p["errors"].(map[string]any); errs["leader_map.baik"] == nil || errs["leader_map.kurang"] == nil {
			t.Errorf("refusal = %v", p)
		}
		problem(t, patch(admin, map[string]any{"leader_map": []string{"di_atas"}}), 422)
		problem(t, patch(staff, map[string]any{"leader_map": own}), 403)
		if got := check("GET", "/api/v1/settings", e.get(t, "/api/v1/settings", admin), 200); got["leader_map"].(map[string]any)["baik"] != "di_atas" {
			t.Errorf("a refused map changed it: %v", got)
		}
		got = check("PATCH", "/api/v1/settings", patch(admin, map[string]any{"leader_map": nil}), 200)
		if got["leader_map"].(map[string]any)["baik"] != "sesuai" || got["leader_map_own"] != false {
			t.Errorf("after null = %v", got)
		}
	})
}
