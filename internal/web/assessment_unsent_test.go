package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The rated employee's pages show that the result is being rated and
// nothing of it (no catatan, no draft step in how it was reached, the
// two documents and their PDFs refused) until the pejabat penilai sends
// it; then the values sent, with the sending as the one step. The rater
// reads the draft all along.
func TestUnsentResultPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		const note = "Catatan yang belum dikirim"
		id, _, send := apptest.RatedJanuaryResult(t, e.s, e.o, note)
		staff, kabid := e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		page := "/penilaian/" + id
		docs := []string{page + "/evaluasi", page + "/dokumen", page + "/evaluasi.pdf", page + "/dokumen.pdf"}

		resp, body := staff.get(page)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("the employee's page: %d", resp.StatusCode)
		}
		if !strings.Contains(body, "Penilaian sedang berlangsung") {
			t.Errorf("the employee's page before sending does not say it is being rated")
		}
		for _, leak := range []string{note, "memberi rating", "SESUAI EKSPEKTASI", "Sesuai Ekspektasi"} {
			if strings.Contains(body, leak) {
				t.Errorf("the employee's page before sending shows %q", leak)
			}
		}
		for _, d := range docs {
			if resp, _ := staff.get(d); resp.StatusCode != http.StatusConflict {
				t.Errorf("%s for the employee before sending: %d, want 409", d, resp.StatusCode)
			}
		}

		if _, body := kabid.get(page); !strings.Contains(body, note) {
			t.Errorf("the rater's page lacks the draft's catatan")
		}
		for _, d := range docs {
			if resp, _ := kabid.get(d); resp.StatusCode != http.StatusOK {
				t.Errorf("%s for the rater: %d", d, resp.StatusCode)
			}
		}
		if _, body := kabid.get(page + "/evaluasi"); !strings.Contains(body, "SESUAI EKSPEKTASI") {
			t.Errorf("the rater's evaluasi lacks the draft rating")
		}

		send()
		resp, body = staff.get(page)
		if resp.StatusCode != http.StatusOK || strings.Contains(body, "Penilaian sedang berlangsung") {
			t.Fatalf("the employee's page once sent: %d", resp.StatusCode)
		}
		if !strings.Contains(body, "mengirim hasil kepada pegawai") || strings.Contains(body, "memberi rating") {
			t.Errorf("the employee's history once sent is not the sending alone")
		}
		for _, d := range docs {
			if resp, _ := staff.get(d); resp.StatusCode != http.StatusOK {
				t.Errorf("%s for the employee once sent: %d", d, resp.StatusCode)
			}
		}
		if _, body := staff.get(page + "/evaluasi"); !strings.Contains(body, "SESUAI EKSPEKTASI") {
			t.Errorf("the employee's evaluasi once sent lacks the rating")
		}
		if _, body := staff.get(page + "/dokumen"); !strings.Contains(body, note) || !strings.Contains(body, "BAIK") {
			t.Errorf("the employee's dokumen once sent lacks the catatan or the predikat")
		}
	})
}
