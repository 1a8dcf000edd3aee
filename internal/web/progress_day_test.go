package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestProgressFormKeepsADayTo24Hours: the web form, plain or multipart,
// refuses an entry that would bring the day above 24 hours, saying how
// much the day already holds, and keeps what was typed.
func TestProgressFormKeepsADayTo24Hours(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		skp, rhk := staffSKP(t, e)
		approveSKP(t, e, skp.ID, rhk)
		staff := e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		_, body := staff.get("/progres")
		today := field(t, body, `name="date" type="date" value="([0-9-]+)"`)
		resp, _ := staff.postMultipart("/progres", map[string]string{"date": today, "description": "Rapat koordinasi", "minutes": "20:00"}, "", nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("20:00: %d", resp.StatusCode)
		}
		resp, body = staff.postMultipart("/progres", map[string]string{"date": today, "description": "Lembur laporan", "minutes": "4:01"}, "", nil)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "sudah tercatat 20 jam 0 menit") || !strings.Contains(body, "Lembur laporan</textarea>") {
			t.Errorf("4:01 on a day of 20:00 (multipart): %d", resp.StatusCode)
		}
		resp, body = staff.post("/progres", url.Values{"date": {today}, "description": {"Lembur laporan"}, "minutes": {"2 jam 90 menit"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "kurang dari 60") {
			t.Errorf("2 jam 90 menit: %d", resp.StatusCode)
		}
		if resp, _ := staff.post("/progres", url.Values{"date": {today}, "description": {"Lembur laporan"}, "minutes": {"4:00"}}); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("4:00 filling the day: %d", resp.StatusCode)
		}
	})
}
