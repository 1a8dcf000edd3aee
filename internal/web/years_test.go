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
		resp, body := admin.post("/tahun", url.Values{"year": {"2025"}, "period_kind": {"weekly"}, "report_days": {"5"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "tidak dikenal") {
			t.Errorf("an unknown period kind: %d", resp.StatusCode)
		}
		resp, _ = admin.post("/tahun", url.Values{"year": {"2025"}, "period_kind": {"quarterly"}, "report_days": {"10"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("open year: %d", resp.StatusCode)
		}
		_, body = admin.get("/tahun?tahun=2025")
		if !strings.Contains(body, "Triwulan IV 2025") || !strings.Contains(body, "Tahunan 2025") || !strings.Contains(body, "10-04-2025") {
			t.Fatalf("the periods are not listed")
		}
		id := regexp.MustCompile(`action="/tahun/periode/([0-9a-f]+)"`).FindStringSubmatch(body)[1]
		// Adjust the first quarter's report deadline, then a bad one.
		if resp, _ := admin.post("/tahun/periode/"+id, url.Values{"status": {"draft"}, "start": {"2025-01-01"}, "end": {"2025-03-31"}, "report_deadline": {"2025-04-15"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("adjust dates: %d", resp.StatusCode)
		}
		if _, body := admin.get("/tahun?tahun=2025"); !strings.Contains(body, "15-04-2025") {
			t.Error("the new deadline is not shown")
		}
		if resp, body := admin.post("/tahun/periode/"+id, url.Values{"status": {"draft"}, "start": {"2025-01-01"}, "end": {"2025-03-31"}, "report_deadline": {"2025-03-01"}}); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Batas pelaporan") {
			t.Errorf("a deadline before the end: %d", resp.StatusCode)
		}
		// Opening is done at once; closing and locking first ask, saying
		// what they do, and are done once confirmed.
		for _, st := range []string{"open", "closed", "locked"} {
			if st != "open" {
				resp, body := admin.post("/tahun/periode/"+id, url.Values{"status": {st}})
				if resp.StatusCode != http.StatusOK || !strings.Contains(body, `data-period-confirm="`+st+`"`) ||
					!strings.Contains(body, `name="confirm" value="1"`) || !strings.Contains(body, "Triwulan I 2025") {
					t.Fatalf("move to %s without confirming: %d", st, resp.StatusCode)
				}
				if st == "closed" && !strings.Contains(body, "penilaian dibuat untuk setiap SKP") {
					t.Error("the confirmation does not say that closing creates the assessments")
				}
				if _, body := admin.get("/tahun?tahun=2025"); !strings.Contains(body, periodStatus(st == "closed")) {
					t.Errorf("asking to %s moved the period", st)
				}
			}
			if resp, _ := admin.post("/tahun/periode/"+id, url.Values{"status": {st}, "confirm": {"1"}}); resp.StatusCode != http.StatusSeeOther {
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
		if resp, body := admin.post("/tahun/periode/"+id, url.Values{"status": {"draft"}}); resp.StatusCode != http.StatusConflict ||
			!strings.Contains(between(body, `role="alert">`, `</p>`), "tidak dapat kembali menjadi draf") {
			t.Errorf("closed → draft: %d", resp.StatusCode)
		}

		// A period still to come is not closed: the button is withheld
		// with the reason, and a close sent anyway is refused with it.
		if resp, _ := admin.post("/tahun", url.Values{"year": {"2099"}, "period_kind": {"monthly"}, "report_days": {"5"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("open 2099: %d", resp.StatusCode)
		}
		_, body = admin.get("/tahun?tahun=2099")
		jan := regexp.MustCompile(`action="/tahun/periode/([0-9a-f]+)"`).FindStringSubmatch(body)[1]
		if resp, _ := admin.post("/tahun/periode/"+jan, url.Values{"status": {"open"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("open January 2099: %d", resp.StatusCode)
		}
		// Locking a period not closed names the period and the way, not
		// another record's state.
		resp, body = admin.post("/tahun/periode/"+jan, url.Values{"status": {"locked"}, "confirm": {"1"}})
		if alert := between(body, `role="alert">`, `</p>`); resp.StatusCode != http.StatusConflict || !strings.Contains(alert, "Januari 2099 belum ditutup") || strings.Contains(alert, "SKP") {
			t.Errorf("locking an open month: %d %q", resp.StatusCode, alert)
		}
		_, body = admin.get("/tahun?tahun=2099")
		if !strings.Contains(body, "data-period-refused") || !strings.Contains(body, "31 Januari 2099, belum lewat") {
			t.Error("January 2099 offers to close, or does not say why not")
		}
		resp, body = admin.post("/tahun/periode/"+jan, url.Values{"status": {"closed"}, "confirm": {"1"}})
		if resp.StatusCode != http.StatusConflict || !strings.Contains(between(body, `role="alert">`, `</p>`), "31 Januari 2099, belum lewat") || strings.Contains(body, "data-period-confirm") {
			t.Errorf("January 2099 closed early: %d", resp.StatusCode)
		}
	})
}

// periodStatus is how the year page names the status a period had
// before the move to closed (open) or to locked (closed).
func periodStatus(beforeClose bool) string {
	if beforeClose {
		return "<td data-label=\"Status\">Dibuka</td>"
	}
	return "<td data-label=\"Status\">Ditutup</td>"
}
