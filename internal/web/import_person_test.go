package web_test

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A new employee who may be someone already recorded (same name and
// post, another birth date) is listed among those to create, with the
// note naming the record, not as a NIP change of it.
func TestImportPreviewNamesAPossibleMatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		b := e.browser(t)
		b.signIn("admin", "rahasia-admin")
		file := "NIP;NAMA;STATUS;UNOR_ID;JABATAN_ID\n199805172024011003;ANDI PRATAMA;CPNS;KOMINFO-APL;KOMINFO-PRAKOM\n"
		resp, html := b.postMultipart("/impor", nil, "baru.csv", []byte(file))
		if resp.StatusCode != 200 || !strings.Contains(html, "data-import-note") || !strings.Contains(html, storetest.NIPStaff1) ||
			strings.Contains(html, "NIP berubah") {
			t.Errorf("preview: %d %s", resp.StatusCode, html)
		}
	})
}
