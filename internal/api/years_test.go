package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

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
