package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The follow-up board's API counts the overdue improvement plans and
// filters on them; a filter that is neither true nor false is a 422.
func TestFollowUpBoardOverdueFilter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		for _, q := range []string{"", "&overdue=true", "&overdue=false"} {
			r := e.get(t, "/api/v1/follow-ups?year=2026"+q, admin)
			if r.status != 200 {
				t.Fatalf("%s: %d %s", q, r.status, r.body)
			}
			if v := r.json(t); v["overdue"] != float64(0) {
				t.Errorf("%s: overdue = %v", q, v["overdue"])
			}
		}
		problem(t, e.get(t, "/api/v1/follow-ups?year=2026&overdue=ya", admin), 422)
	})
}
