package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestPeriodStatusUnknown: a status that is no period status is a field
// error on status in the reader's language, not a conflict; a known status
// the period cannot move to stays a conflict.
func TestPeriodStatusUnknown(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		r := e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026, "period_kind": "quarterly"})
		id := check("POST", "/api/v1/years", r)["items"].([]any)[0].(map[string]any)["id"].(string)

		r = e.do(t, "PATCH", "/api/v1/periods/"+id, admin, "application/json", []byte(`{"status":"bogus"}`))
		p := check("PATCH", "/api/v1/periods/{id}", problemOf(t, r, 422))
		if codes, _ := p["codes"].(map[string]any); codes["status"] != "invalid.period.status" {
			t.Errorf("unknown status: %v", p)
		}
		if errs, _ := p["errors"].(map[string]any); errs["status"] != "Status periode tidak dikenal; pilih draft, open, closed atau locked" {
			t.Errorf("unknown status in Indonesian: %v", errs)
		}
		problem(t, e.do(t, "PATCH", "/api/v1/periods/"+id, admin, "application/json", []byte(`{"status":"locked"}`)), 409)
		if got := check("GET", "/api/v1/years/{year}/periods", e.get(t, "/api/v1/years/2026/periods", admin))["items"].([]any)[0].(map[string]any); got["status"] != "draft" {
			t.Errorf("after refused changes: %v", got)
		}
	})
}
