package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Through the API: a date typed wrong is echoed as typed, a Plh comes
// with its end in one call, and a placement not started yet is offered
// for cancellation and cancelled (204), a started one refused (409).
func TestPlacementEndAndCancelAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		path := "/api/v1/employees/" + e.o.Kabid.ID + "/placements"
		day := func(n int) string { return time.Now().AddDate(0, 0, n).Format(time.DateOnly) }
		for _, typed := range []string{"2026-13-01", "2026-02-30", "31-12-2026"} {
			r := e.post(t, path, admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plh", "start": typed})
			if r.status != 422 || !strings.Contains(string(r.body), typed) || strings.Contains(string(r.body), "Januari 1\\\"") {
				t.Errorf("start %q: %d %s", typed, r.status, r.body)
			}
		}
		problem(t, e.post(t, path, admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plh", "start": day(10),
			"end": day(9)}), 422)
		r := e.post(t, path, admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plh", "start": day(10), "end": day(20)})
		if r.status != 201 {
			t.Fatalf("a Plh with its end: %d %s", r.status, r.body)
		}
		placed := r.json(t)
		pid := placed["id"].(string)
		if placed["end"] != day(20) || placed["can"].(map[string]any)["cancel"] != true {
			t.Errorf("the Plh made: %v", placed)
		}
		if r := e.post(t, path+"/"+pid+"/cancel", admin, map[string]string{}); r.status != 204 {
			t.Errorf("cancel: %d %s", r.status, r.body)
		}
		problem(t, e.post(t, path+"/"+pid+"/cancel", admin, map[string]string{}), 404)
		r = e.post(t, path, admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plt", "start": "2026-03-01"})
		if r.status != 201 {
			t.Fatalf("a Plt: %d %s", r.status, r.body)
		}
		problem(t, e.post(t, path+"/"+r.json(t)["id"].(string)+"/cancel", admin, map[string]string{}), 409)
	})
}
