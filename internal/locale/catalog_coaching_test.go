package locale

import (
	"fmt"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

// TestCoachingKeysInBothLanguages: every message of bimbingan kinerja,
// the nine B.1.8 statements included, exists in both languages.
func TestCoachingKeysInBothLanguages(t *testing.T) {
	for k := range coachingID {
		if _, ok := catalogs["en"][k]; !ok {
			t.Errorf("%q has no English text", k)
		}
	}
	for k := range coachingEN {
		if _, ok := catalogs["id"][k]; !ok {
			t.Errorf("%q has no Indonesian text", k)
		}
	}
	for i, s := range model.FeedbackStatements {
		key := fmt.Sprintf("coaching.b18.q%d", i+1)
		if T("id", key) != s || T("en", key) == s || T("en", key) == key {
			t.Errorf("statement %d: id %q, en %q", i+1, T("id", key), T("en", key))
		}
	}
}
