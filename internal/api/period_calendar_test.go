package api_test

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A period is not closed before its last day has passed: the period's
// can.close is false with close_refused (beside can) naming the day, and a PATCH to
// closed is a 409 with the same words. The annual period is not closed
// while a month of its year is open, naming it.
func TestPeriodIsNotClosedBeforeItsLastDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		items := check("POST", "/api/v1/years", e.post(t, "/api/v1/years", admin, map[string]any{"year": 2099, "period_kind": "monthly"}))["items"].([]any)
		jan := items[0].(map[string]any)["id"].(string)
		year := items[12].(map[string]any)["id"].(string)
		for _, id := range []string{jan, year} {
			if r := e.do(t, "PATCH", "/api/v1/periods/"+id, admin, "application/json", []byte(`{"status":"open"}`)); r.status != 200 {
				t.Fatalf("open: %d %s", r.status, r.body)
			}
		}
		periods := check("GET", "/api/v1/years/{year}/periods", e.get(t, "/api/v1/years/2099/periods", admin))["items"].([]any)
		can := periods[0].(map[string]any)["can"].(map[string]any)
		why, _ := periods[0].(map[string]any)["close_refused"].(string)
		if can["close"] != false || !strings.Contains(why, "31 Januari 2099") {
			t.Errorf("January 2099 today: can %v", can)
		}
		p := problem(t, e.do(t, "PATCH", "/api/v1/periods/"+jan, admin, "application/json", []byte(`{"status":"closed"}`)), 409)
		if p["detail"] != why {
			t.Errorf("closing January early: %v, the period said %q", p, why)
		}
		// The year: its last day first, then (were it past) its months.
		can = periods[12].(map[string]any)["can"].(map[string]any)
		if why, _ := periods[12].(map[string]any)["close_refused"].(string); can["close"] != false || !strings.Contains(why, "31 Desember 2099") {
			t.Errorf("Tahunan 2099 today: can %v", can)
		}
		problem(t, e.do(t, "PATCH", "/api/v1/periods/"+year, admin, "application/json", []byte(`{"status":"closed"}`)), 409)
		// A move the status does not allow names the period and the way.
		if p := problem(t, e.do(t, "PATCH", "/api/v1/periods/"+jan, admin, "application/json", []byte(`{"status":"locked"}`)), 409); p["code"] != "conflict.period.move.lock" ||
			!strings.Contains(p["detail"].(string), "Januari 2099") {
			t.Errorf("locking an open month: %v", p)
		}
		if p := problem(t, e.do(t, "PATCH", "/api/v1/periods/"+items[1].(map[string]any)["id"].(string), admin, "application/json", []byte(`{"status":"closed"}`)), 409); p["code"] != "conflict.period.move.close" {
			t.Errorf("closing a draft month: %v", p)
		}
	})
}
