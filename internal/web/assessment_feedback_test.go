package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The assessment page holds the umpan balik on the result, with its form,
// for those who see its ratings: the rater at once, the rated employee
// once the result is sent to them. Writing there returns to the thread.
func TestAssessmentPageThread(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		id, _, send := apptest.RatedJanuaryResult(t, e.s, e.o, "")
		staff, kabid, other := e.browser(t), e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		other.signIn(storetest.NIPStaff2, "rahasia-staf2")
		page := "/penilaian/" + id
		form := func(body string) url.Values {
			return url.Values{"target_type": {"assessment"}, "target_id": {id}, "body": {body}, "back": {page + "#umpan-balik"}}
		}

		if resp, body := kabid.get(page); resp.StatusCode != http.StatusOK || !strings.Contains(body, `data-thread="assessment:`+id+`"`) ||
			!strings.Contains(body, `action="/umpan-balik"`) {
			t.Fatalf("the rater's page lacks the thread and its form: %d", resp.StatusCode)
		}
		if resp, _ := kabid.post("/umpan-balik", form("Catatan sebelum dikirim")); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != page+"#umpan-balik" {
			t.Fatalf("the rater writes: %d", resp.StatusCode)
		}
		if _, body := staff.get(page); strings.Contains(body, "Catatan sebelum dikirim") || strings.Contains(body, `data-thread="assessment:`) {
			t.Errorf("the employee's page before sending shows the thread")
		}
		if resp, _ := staff.post("/umpan-balik", form("Halo")); resp.StatusCode != http.StatusNotFound {
			t.Errorf("the employee writes before sending: %d", resp.StatusCode)
		}
		if resp, _ := other.post("/umpan-balik", form("Halo")); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a colleague writes: %d", resp.StatusCode)
		}

		send()
		resp, body := staff.get(page)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Catatan sebelum dikirim") || !strings.Contains(body, `action="/umpan-balik"`) {
			t.Fatalf("the employee's page once sent lacks the thread: %d", resp.StatusCode)
		}
		if resp, _ := staff.post("/umpan-balik", form("Terima kasih, Pak")); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("the employee's answer: %d", resp.StatusCode)
		}
		if _, body := kabid.get(page); !strings.Contains(body, "Terima kasih, Pak") {
			t.Errorf("the rater's page lacks the employee's answer")
		}
		if _, body := kabid.get("/notifikasi"); !strings.Contains(body, "umpan balik pada hasil penilaian") {
			t.Errorf("the rater is not told of the answer")
		}
		if resp, _ := other.get(page); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a colleague's page: %d", resp.StatusCode)
		}
	})
}
