package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The application's clock reaches every write: an audit entry carries the
// time of the application's clock, not the system's, and a later change
// the later time.
func TestOneClockForChangesAndAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		first := e.clock.now()
		if _, err := e.a.CreateUser(ctx, e.admin, app.NewUser{Username: "operator", DisplayName: "Operator", Password: "sandi-operator-panjang"}); err != nil {
			t.Fatal(err)
		}
		e.clock.add(3 * time.Hour)
		if _, err := e.a.CreateUser(ctx, e.admin, app.NewUser{Username: "operator2", DisplayName: "Operator 2", Password: "sandi-operator-panjang"}); err != nil {
			t.Fatal(err)
		}
		entries, err := e.a.Audit(ctx, e.admin, model.AuditFilter{EntityType: "user", Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		at := map[string]time.Time{}
		for _, en := range entries {
			if en.Action == "user.create" {
				at[en.After] = en.At
			}
		}
		var sawFirst, sawSecond bool
		for after, when := range at {
			switch {
			case strings.Contains(after, `"operator2"`):
				sawSecond = when.Equal(first.Add(3 * time.Hour))
				if !sawSecond {
					t.Errorf("second account audited at %v, want %v", when, first.Add(3*time.Hour))
				}
			case strings.Contains(after, `"operator"`):
				sawFirst = when.Equal(first)
				if !sawFirst {
					t.Errorf("first account audited at %v, want %v", when, first)
				}
			}
		}
		if !sawFirst || !sawSecond {
			t.Fatalf("audit entries for both accounts at the application's clock: %v", at)
		}
	})
}
