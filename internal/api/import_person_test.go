package api_test

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A new teacher named like one of her post, born fourteen years later,
// is a new employee with a note naming the possible match, not a NIP
// change of the other (issue 9, point 7).
func TestImportNamesAPossibleMatchWithoutTakingIt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		const head, post = "NIP;NAMA;STATUS;GOLONGAN;UNOR_ID;JABATAN_NAMA\n", ";KOMINFO-APL;Pranata Komputer Ahli Pertama\n"
		if r := upload(t, e, admin, "a.csv", head+"198407072011022001;Fitri;PNS;III/b"+post, map[string]string{"apply": "true"}); r.status != 200 {
			t.Fatalf("setup: %d %s", r.status, r.body)
		}
		r := upload(t, e, admin, "b.csv", head+"199805172026112001;FITRI;CPNS;III/a"+post, nil)
		rep := r.json(t)
		rows, _ := rep["rows"].([]any)
		if r.status != 200 || rep["created"] != float64(1) || rep["updated"] != float64(0) || len(rows) != 1 {
			t.Fatalf("preview: %d %s", r.status, r.body)
		}
		row := rows[0].(map[string]any)
		if note, _ := row["note"].(string); row["old_nip"] != nil || !strings.Contains(note, "198407072011022001") {
			t.Errorf("the row: %v", row)
		}
	})
}
