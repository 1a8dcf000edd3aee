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
// for cancellation and cancelled (204), a started one refused (409). A
// cancelled placement stays in the employee's history, marked with when
// and by whom; cancelling or ending it again is refused (409).
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
		// Cancelled again, or ended: refused with when and by whom; the
		// placement stays in the history, marked, and can do nothing.
		for _, act := range []struct{ url, body string }{{"/cancel", ""}, {"/end", day(15)}} {
			body := map[string]string{}
			if act.body != "" {
				body["end"] = act.body
			}
			r := e.post(t, path+"/"+pid+act.url, admin, body)
			if p := problem(t, r, 409); !strings.Contains(p["detail"].(string), "dibatalkan") || !strings.Contains(p["detail"].(string), "admin") {
				t.Errorf("%s of a cancelled placement: %v", act.url, p)
			}
		}
		var shown map[string]any
		for _, pl := range e.get(t, "/api/v1/employees/"+e.o.Kabid.ID, admin).json(t)["placements"].([]any) {
			if m := pl.(map[string]any); m["id"] == pid {
				shown = m
			} else if m["cancelled_at"] != nil || m["cancelled_by"] != nil {
				t.Errorf("a placement not cancelled reads as cancelled: %v", m)
			}
		}
		if at, _ := shown["cancelled_at"].(string); shown == nil || at == "" || shown["cancelled_by"] != "admin" ||
			shown["can"].(map[string]any)["cancel"] != false || shown["can"].(map[string]any)["end"] != false {
			t.Errorf("the cancelled placement in the history: %v", shown)
		}
		r = e.post(t, path, admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plt", "start": "2026-03-01"})
		if r.status != 201 {
			t.Fatalf("a Plt: %d %s", r.status, r.body)
		}
		problem(t, e.post(t, path+"/"+r.json(t)["id"].(string)+"/cancel", admin, map[string]string{}), 409)
	})
}

// Input is checked before state: a date that is no date is said as typed
// (422), even when the employee already has an open substitute rater (a
// 409 otherwise) or the placement to end was cancelled.
func TestOverrideDateBeforeStateAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		path := "/api/v1/employees/" + e.o.Staff1.ID + "/rater-overrides"
		if r := e.post(t, path, admin, map[string]string{"rater_id": e.o.Kadis.ID, "start": "2026-03-02", "reason": "Penugasan"}); r.status != 201 {
			t.Fatalf("an open override: %d %s", r.status, r.body)
		}
		for _, typed := range []string{"2026-13-01", "2026-02-30"} {
			r := e.post(t, path, admin, map[string]string{"rater_id": e.o.Kadis.ID, "start": typed, "reason": "Penugasan"})
			if problem(t, r, 422); !strings.Contains(string(r.body), typed) {
				t.Errorf("start %q: %s", typed, r.body)
			}
		}
		r := e.post(t, path, admin, map[string]string{"rater_id": e.o.Kadis.ID, "start": "2026-04-01", "reason": "Penugasan"})
		problem(t, r, 409) // a date that is one: the overlap it is
		day := time.Now().AddDate(0, 0, 10).Format(time.DateOnly)
		places := "/api/v1/employees/" + e.o.Kabid.ID + "/placements"
		r = e.post(t, places, admin, map[string]string{"position_code": "KOMINFO-SEKR", "kind": "plh", "start": day})
		if r.status != 201 {
			t.Fatalf("a Plh: %d %s", r.status, r.body)
		}
		pid := r.json(t)["id"].(string)
		if r := e.post(t, places+"/"+pid+"/cancel", admin, map[string]string{}); r.status != 204 {
			t.Fatalf("cancel: %d %s", r.status, r.body)
		}
		r = e.post(t, places+"/"+pid+"/end", admin, map[string]string{"end": "2026-13-01"})
		if problem(t, r, 422); !strings.Contains(string(r.body), "2026-13-01") {
			t.Errorf("end of a cancelled placement typed wrong: %s", r.body)
		}
	})
}
