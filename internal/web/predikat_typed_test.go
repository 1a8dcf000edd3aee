package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestTypedPredikatRefusedOnEveryForm walks every web form that takes
// ratings (the rating, a calibration move, a keberatan decision): each
// refuses a posted predikat with 422 naming it and changes nothing, and
// the same form without the predikat goes through.
func TestTypedPredikatRefusedOnEveryForm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, as := objectionSetup(t, s)
		ctx := context.Background()
		staff, kabid, kadis, admin := e.browser(t), e.browser(t), e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")
		admin.signIn("admin", "rahasia-admin")
		current := func() model.Assessment {
			t.Helper()
			got, err := s.Assessment(ctx, as.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		refused := func(what string, resp *http.Response, body string, before model.Assessment) {
			t.Helper()
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Predikat tidak dapat diisi") {
				t.Errorf("%s with a predikat: %d", what, resp.StatusCode)
			}
			if got := current(); got.Version != before.Version || got.Predikat != before.Predikat {
				t.Errorf("%s with a predikat changed the result: %+v", what, got)
			}
		}
		for _, p := range []string{"sangat_baik", ""} {
			before := current()
			v := strconv.Itoa(before.Version)
			// The rater's form on a result already sent is refused for its
			// state first (a predikat on a result still to rate is a 422:
			// TestRatingAnAssessment).
			resp, body := kabid.post("/penilaian/"+as.ID, url.Values{"version": {v}, "hasil_kerja": {"di_atas"}, "perilaku_kerja": {"di_atas"}, "predikat": {p}})
			if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "sudah dikirim") {
				t.Errorf("the rating form with a predikat on a sent result: %d", resp.StatusCode)
			}
			if got := current(); got.Version != before.Version || got.Predikat != before.Predikat {
				t.Errorf("the rating form with a predikat changed the result: %+v", got)
			}

			move := "/kalibrasi/" + as.OPDID + "/geser/" + as.ID
			form := url.Values{"version": {v}, "periode": {as.PeriodID}, "hasil_kerja": {"di_bawah"}, "perilaku_kerja": {"sesuai"},
				"reason": {"Bukti belum lengkap."}, "predikat": {p}}
			resp, body = admin.post(move, form)
			refused("the calibration move", resp, body, before)
		}
		// Without the predikat the move goes through.
		before := current()
		resp, _ := admin.post("/kalibrasi/"+as.OPDID+"/geser/"+as.ID, url.Values{"version": {strconv.Itoa(before.Version)}, "periode": {as.PeriodID},
			"hasil_kerja": {"di_bawah"}, "perilaku_kerja": {"sesuai"}, "reason": {"Bukti belum lengkap."}})
		if resp.StatusCode != http.StatusSeeOther || current().Predikat != model.PredikatButuhPerbaikan {
			t.Fatalf("the move without a predikat: %d %+v", resp.StatusCode, current())
		}

		resp, _ = staff.post("/penilaian/"+as.ID+"/keberatan", url.Values{"reason": {"Realisasi saya melampaui target."}})
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/keberatan/") {
			t.Fatalf("object: %d %s", resp.StatusCode, loc)
		}
		if resp, _ := kabid.post(loc+"/penjelasan", url.Values{"explanation": {"Bukti belum lengkap."}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("explain: %d", resp.StatusCode)
		}
		for _, d := range []url.Values{
			{"decision": {"change"}, "hasil_kerja": {"di_atas"}, "perilaku_kerja": {"di_atas"}, "note": {"Bukti mendukung."}, "predikat": {"sangat_baik"}},
			{"decision": {"keep"}, "note": {"Tetap."}, "predikat": {"butuh_perbaikan"}},
			{"decision": {"change"}, "hasil_kerja": {"di_atas"}, "perilaku_kerja": {"di_atas"}, "note": {"Bukti mendukung."}, "predikat": {""}},
		} {
			before := current()
			resp, body := kadis.post(loc+"/keputusan", d)
			refused("the keberatan decision ("+d.Get("decision")+")", resp, body, before)
			o, err := s.ObjectionOf(ctx, as.ID)
			if err != nil || o.Status == model.ObjectionDecided {
				t.Errorf("the objection after a decision with a predikat: %+v %v", o, err)
			}
		}
		resp, _ = kadis.post(loc+"/keputusan", url.Values{"decision": {"change"}, "hasil_kerja": {"di_atas"}, "perilaku_kerja": {"di_atas"},
			"note": {"Bukti mendukung."}})
		if resp.StatusCode != http.StatusSeeOther || current().Predikat != model.PredikatSangatBaik {
			t.Errorf("the decision without a predikat: %d %+v", resp.StatusCode, current())
		}
	})
}
