package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The calibration screen offers no move of a result under keberatan and
// says why; a move sent anyway is refused with the same reason (409).
func TestCalibrationPageLeavesAResultUnderObjection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, as := objectionSetup(t, s)
		admin, staff := e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		path := "/kalibrasi/" + as.OPDID + "?periode=" + url.QueryEscape(as.PeriodID)
		move := "/kalibrasi/" + as.OPDID + "/geser/" + as.ID
		const reason = "Keberatan atas hasil ini sedang berjalan."
		resp, body := admin.get(path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `action="`+move+`"`) || strings.Contains(body, reason) {
			t.Fatalf("before the objection: %d %.600s", resp.StatusCode, body)
		}
		if resp, _ := staff.post("/penilaian/"+as.ID+"/keberatan", url.Values{"reason": {"Realisasi saya melampaui target."}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("object: %d", resp.StatusCode)
		}
		resp, body = admin.get(path)
		if resp.StatusCode != http.StatusOK || strings.Contains(body, `action="`+move+`"`) || !strings.Contains(body, reason) {
			t.Errorf("while the objection is open: %d %.2000s", resp.StatusCode, body)
		}
		form := url.Values{"periode": {as.PeriodID}, "version": {strconv.Itoa(as.Version)}, "hasil_kerja": {"di_bawah"},
			"perilaku_kerja": {"sesuai"}, "reason": {"Kalibrasi OPD"}}
		if resp, body := admin.post(move, form); resp.StatusCode != http.StatusConflict || !strings.Contains(body, reason) {
			t.Errorf("a move sent anyway: %d %.600s", resp.StatusCode, body)
		}
		if got, _ := s.Assessment(t.Context(), as.ID); got.Predikat != as.Predikat || got.Version != as.Version {
			t.Errorf("the result changed: %+v", got)
		}
	})
}
