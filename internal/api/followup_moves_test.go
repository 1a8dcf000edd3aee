package api_test

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A follow-up names the statuses it may be moved to now, as the web's
// progress form offers them: all three while open, done or cancelled once
// started, none once closed.
func TestFollowUpNextStatuses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		a, o, as := apptest.ReceivedAnnualResult(t, s)
		ts := httptest.NewServer(server.New(a))
		t.Cleanup(ts.Close)
		e := env{url: ts.URL, o: o, s: s}
		admin := e.login(t, "admin", "rahasia-admin")
		r := e.post(t, "/api/v1/assessments/"+as.ID+"/follow-ups", admin, map[string]string{"kind": "training", "title": "Pelatihan jaringan"})
		if r.status != 201 {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		f := r.json(t)
		for _, step := range []struct {
			status string
			want   string
		}{{"", "[in_progress done cancelled]"}, {"in_progress", "[done cancelled]"}, {"done", "[]"}} {
			if step.status != "" {
				r = e.post(t, "/api/v1/follow-ups/"+f["id"].(string)+"/progress", admin, map[string]any{"version": f["version"], "status": step.status, "outcome": "Selesai dilaksanakan"})
				if r.status != 200 {
					t.Fatalf("%s: %d %s", step.status, r.status, r.body)
				}
				f = r.json(t)
			}
			if got := fmt.Sprint(f["next_statuses"]); got != step.want {
				t.Errorf("after %q: next_statuses = %s, want %s", step.status, got, step.want)
			}
		}
	})
}
