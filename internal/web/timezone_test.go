package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// BKPSDM sets the instansi's time zone on the year page; an unknown zone
// is refused with a message naming the three; afterwards times are shown
// on the instansi's clock with its name.
func TestTimeZoneOnTheYearPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin, staff := e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		shown := func(b *browser, zone model.TimeZone) bool {
			t.Helper()
			_, body := b.get("/sesi")
			now := time.Now()
			for _, at := range []time.Time{now, now.Add(-time.Minute)} {
				if strings.Contains(body, at.In(zone.Location()).Format("02-01-2006 15:04 MST")) {
					return true
				}
			}
			return false
		}
		if !shown(staff, model.ZoneWIB) {
			t.Error("the sessions page does not show the sign-in time in WIB with its name")
		}
		if _, body := admin.get("/tahun"); !strings.Contains(body, `<option value="Asia/Jakarta" selected>WIB — Waktu Indonesia Barat (UTC&#43;7)</option>`) {
			t.Error("the year page does not offer the time zone, WIB chosen")
		}
		resp, body := admin.post("/tahun/zona", url.Values{"time_zone": {"Asia/Pontianak"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Zona waktu “Asia/Pontianak” tidak dikenal") {
			t.Errorf("an unknown zone: %d", resp.StatusCode)
		}
		if resp, _ := staff.post("/tahun/zona", url.Values{"time_zone": {"Asia/Jayapura"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN set the time zone: %d", resp.StatusCode)
		}
		if resp, _ := admin.post("/tahun/zona", url.Values{"time_zone": {"Asia/Jayapura"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("set WIT: %d", resp.StatusCode)
		}
		if _, body := admin.get("/tahun?ok=zona"); !strings.Contains(body, `<option value="Asia/Jayapura" selected>`) {
			t.Error("the chosen zone is not shown")
		}
		if !shown(staff, model.ZoneWIT) {
			t.Error("the sessions page does not show the sign-in time in WIT with its name")
		}
		// The page tells its script the clock, for times it writes itself
		// (a feedback message arriving live).
		if _, body := staff.get("/"); !strings.Contains(body, `data-tz="Asia/Jayapura" data-tz-name="WIT"`) {
			t.Error("the page does not carry the reader's clock")
		}
	})
}
