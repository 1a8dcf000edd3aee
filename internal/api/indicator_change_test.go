package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestChangeAndRemoveAnIndicatorThroughTheAPI: the owner of a draft SKP
// corrects an indicator's target by PATCH /indicators/{id} and removes an
// indicator by DELETE /indicators/{id}, each with the SKP's version; each
// indicator says what the reader may do with it. The last indicator of an
// RHK stays, a 409 that names the reason; whoever may not change the RHK
// is refused before the input is judged.
func TestChangeAndRemoveAnIndicatorThroughTheAPI(t *testing.T) {
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
		sk := e.post(t, "/api/v1/skps", staff, map[string]any{"year": 2026, "approach": "kuantitatif"}).json(t)
		id := sk["id"].(string)
		sk = e.post(t, "/api/v1/skps/"+id+"/rhk", staff, map[string]any{"version": sk["version"], "kind": "tambahan", "description": "Tersusunnya laporan"}).json(t)
		rhk := sk["rhk"].([]any)[0].(map[string]any)["id"].(string)
		sk = check("POST", "/api/v1/rhk/{id}/indicators", e.post(t, "/api/v1/rhk/"+rhk+"/indicators", staff,
			map[string]any{"version": sk["version"], "aspect": "kuantitas", "description": "Laporan tersusun", "target": "120", "unit": "laporan"}))
		ind := sk["rhk"].([]any)[0].(map[string]any)["indicators"].([]any)[0].(map[string]any)
		if got := rightsOf(ind); !got["edit"] || !got["delete"] {
			t.Errorf("the owner's rights on an indicator of a draft = %v", got)
		}
		asRater := e.get(t, "/api/v1/skps/"+id, kabid).json(t)
		if got := rightsOf(asRater["rhk"].([]any)[0].(map[string]any)["indicators"].([]any)[0].(map[string]any)); got["edit"] || got["delete"] {
			t.Errorf("the rater's rights on the subordinate's indicator = %v", got)
		}
		indID := ind["id"].(string)
		send := func(method, who string, body map[string]any) response {
			b, _ := json.Marshal(body)
			return e.do(t, method, "/api/v1/indicators/"+indID, who, "application/json", b)
		}
		problem(t, send("PATCH", nurse, map[string]any{}), 404)
		problem(t, send("PATCH", kabid, map[string]any{}), 403)
		problem(t, send("DELETE", nurse, map[string]any{}), 404)
		problem(t, send("DELETE", kabid, map[string]any{}), 403)
		problem(t, send("PATCH", staff, map[string]any{"target": "12"}), 422)           // no version
		problem(t, send("PATCH", staff, map[string]any{"version": sk["version"]}), 422) // nothing to change
		problem(t, send("PATCH", staff, map[string]any{"version": 99, "target": "12"}), 409)
		if p := problem(t, send("PATCH", staff, map[string]any{"version": sk["version"], "target": " "}), 422); p["codes"].(map[string]any)["target"] == nil {
			t.Errorf("an empty target: %v", p)
		}
		r := send("PATCH", staff, map[string]any{"version": sk["version"], "target": "12"})
		if r.status != 200 {
			t.Fatalf("PATCH: %d %s", r.status, r.body)
		}
		sk = check("PATCH", "/api/v1/indicators/{id}", r)
		if got := sk["rhk"].([]any)[0].(map[string]any)["indicators"].([]any)[0].(map[string]any); got["target"] != "12" || got["unit"] != "laporan" ||
			got["description"] != "Laporan tersusun" {
			t.Errorf("the changed indicator = %v", got)
		}
		problem(t, send("DELETE", staff, map[string]any{}), 422) // no version
		p := problem(t, send("DELETE", staff, map[string]any{"version": sk["version"]}), 409)
		if p["code"] != "conflict.indicator.delete.last" || !strings.Contains(p["detail"].(string), "satu-satunya") {
			t.Errorf("removing the last indicator: %v", p)
		}
		sk = e.post(t, "/api/v1/rhk/"+rhk+"/indicators", staff,
			map[string]any{"version": sk["version"], "aspect": "waktu", "description": "Tepat waktu", "target": "12", "unit": "bulan"}).json(t)
		r = send("DELETE", staff, map[string]any{"version": sk["version"]})
		if r.status != 200 {
			t.Fatalf("DELETE: %d %s", r.status, r.body)
		}
		sk = check("DELETE", "/api/v1/indicators/{id}", r)
		if left := sk["rhk"].([]any)[0].(map[string]any)["indicators"].([]any); len(left) != 1 || left[0].(map[string]any)["description"] != "Tepat waktu" {
			t.Errorf("the indicators left = %v", left)
		}
		problem(t, send("DELETE", staff, map[string]any{"version": sk["version"]}), 404)
	})
}
