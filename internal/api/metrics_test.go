package api_test

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestMetricsNameAPIRoutes checks that API requests, signed in or not, are
// counted under their route pattern rather than as "/api/".
func TestMetricsNameAPIRoutes(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"))
	tok := e.login(t, "admin", "rahasia-admin")
	if r := e.get(t, "/api/v1/employees?limit=2", tok); r.status != 200 {
		t.Fatalf("employees: %d", r.status)
	}
	m := string(e.get(t, "/metrics", metricsToken).body)
	for _, route := range []string{"POST /api/v1/auth/login", "GET /api/v1/employees"} {
		if !strings.Contains(m, `"`+route+`"`) {
			t.Errorf("/metrics has no series for %s:\n%.2000s", route, m)
		}
	}
}
