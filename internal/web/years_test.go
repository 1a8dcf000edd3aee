package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestPerformanceYearPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin, staff := e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		if resp, _ := staff.get("/tahun"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN opened the year page: %d", resp.StatusCode)
		}
		resp, body := admin.post("/tahun", url.Values{"year": {"2031"}, "period_kind": {"weekly"}, "report_days": {"5"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "tidak dikenal") {
			t.Errorf("an unknown period kind: %d", resp.StatusCode)
		}
		resp, _ = admin.post("/tahun", url.Values{"year": {"2031"}, "period_kind": {"quarterly"}, "report_days": {"10"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("open year: %d", resp.StatusCode)
		}
		_, body = admin.get("/tahun?tahun=2031")
		if !strings.Contains(body, "Triwulan IV 2031") || !strings.Contains(body, "Tahunan 2031") || !strings.Contains(body, "10-04-2031") {
			t.Fatalf("the periods are not listed")
		}
		id := regexp.MustCompile(`action="/tahun/periode/([0-9a-f]+)"`).FindStringSubmatch(body)[1]
		// Adjust the first quarter's report deadline, then a bad one.
		if resp, _ := admin.post("/tahun/periode/"+id, url.Values{"status": {"draft"}, "start": {"2031-01-01"}, "end": {"2031-03-31"}, "report_deadline": {"2031-04-15"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("adjust dates: %d", resp.StatusCode)
		}
		if _, body := admin.get("/tahun?tahun=2031"); !strings.Contains(body, "15-04-2031") {
			t.Error("the new deadline is not shown")
		}
		if resp, body := admin.post("/tahun/periode/"+id, url.Values{"status": {"draft"}, "start": {"2031-01-01"}, "end": {"2031-03-31"}, "report_deadline": {"2031-03-01"}}); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Batas pelaporan") {
			t.Errorf("a deadline before the end: %d", resp.StatusCode)
		}
		for _, st := range []string{"open", "closed", "locked"} {
			if resp, _ := admin.post("/tahun/periode/"+id, url.Values{"status": {st}}); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("move to %s: %d", st, resp.StatusCode)
			}
		}
		resp, body = admin.post("/tahun/periode/"+id, url.Values{"status": {"closed"}, "reason": {""}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "alasan") {
			t.Errorf("unlock without a reason: %d", resp.StatusCode)
		}
		if resp, _ := admin.post("/tahun/periode/"+id, url.Values{"status": {"closed"}, "reason": {"Koreksi atas keberatan"}}); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("unlock: %d", resp.StatusCode)
		}
		if resp, _ := admin.post("/tahun/periode/"+id, url.Values{"status": {"draft"}}); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("closed → draft: %d", resp.StatusCode)
		}
	})
}
