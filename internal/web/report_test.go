package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestReportJob: BKPSDM asks for the Laporan SKP, follows its progress and
// downloads it; a staff member has no reports and cannot read the job.
func TestReportJob(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin, staff := e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		if resp, body := admin.get("/laporan"); resp.StatusCode != http.StatusOK || !strings.Contains(body, `value="penilaian-skp"`) {
			t.Fatalf("reports page: %d %.300s", resp.StatusCode, body)
		}
		resp, _ := admin.post("/laporan", url.Values{"name": {"laporan-skp"}, "year": {"2026"}})
		job := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(job, "/laporan/") {
			t.Fatalf("start: %d %s", resp.StatusCode, job)
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			_, body := admin.get(job + "?format=json")
			if strings.Contains(body, `"ready":true`) {
				break
			}
			if strings.Contains(body, `"failed":true`) || time.Now().After(deadline) {
				t.Fatalf("job: %s", body)
			}
			time.Sleep(50 * time.Millisecond)
		}
		if _, body := admin.get(job); !strings.Contains(body, job+"/unduh") {
			t.Errorf("the ready page has no download: %.300s", body)
		}
		resp, body := admin.get(job + "/unduh")
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "PK") || !strings.Contains(resp.Header.Get("Content-Disposition"), "laporan-skp-2026.xlsx") {
			t.Errorf("download: %d %s", resp.StatusCode, resp.Header)
		}
		if resp, _ := staff.get("/laporan"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a staff member's reports page: %d", resp.StatusCode)
		}
		if resp, _ := staff.get(job); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a staff member reads another's job: %d", resp.StatusCode)
		}
		if resp, _ := staff.post("/laporan", url.Values{"name": {"laporan-skp"}, "year": {"2026"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a staff member starts a report: %d", resp.StatusCode)
		}
	})
}

// TestReportOPDAdmin: an OPD admin's form offers only their OPD and the
// report is built for it; asking for another OPD shows the form again
// with the reason, naming theirs.
func TestReportOPDAdmin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		opd := e.opdAdmin(t)
		_, body := opd.get("/laporan")
		if !strings.Contains(body, `value="`+e.o.Kominfo.ID+`"`) || strings.Contains(body, `value="`+e.o.Dinkes.ID+`"`) || strings.Contains(body, `<option value="">`) {
			t.Fatalf("the OPD admin's form: %.2000s", body)
		}
		resp, _ := opd.post("/laporan", url.Values{"name": {"penilaian-skp"}, "year": {"2026"}, "opd": {e.o.Kominfo.ID}})
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/laporan/") {
			t.Fatalf("start: %d", resp.StatusCode)
		}
		// Another OPD (the form offers none) is not found, as an id of nothing.
		resp, body = opd.post("/laporan", url.Values{"name": {"penilaian-skp"}, "year": {"2026"}, "opd": {e.o.Dinkes.ID}})
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("another OPD: %d %.3000s", resp.StatusCode, body)
		}
	})
}
