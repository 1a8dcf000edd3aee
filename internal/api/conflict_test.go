package api_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/locale"
)

// conflictSays checks that r is a 409 problem whose detail is the reason
// of the message key, in Indonesian, rather than the generic conflict.
func conflictSays(t *testing.T, r response, key string) {
	t.Helper()
	p := problem(t, r, 409)
	if want := locale.T("id", key); p["detail"] != want {
		t.Errorf("409 detail = %q, want %q (%s)", p["detail"], want, key)
	}
}
