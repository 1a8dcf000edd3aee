package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestLeaderMapOnTheYearPage: BKPSDM sees the map with the regulation's
// default beside each capaian, changes one, sees an incomplete map refused
// with why, and restores the regulation's; a staff member may not.
func TestLeaderMapOnTheYearPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin, staff := e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		_, body := admin.get("/tahun")
		if !strings.Contains(body, `name="leader.baik"`) || !strings.Contains(body, "Bawaan peraturan: Sesuai Ekspektasi") {
			t.Fatalf("the year page has no map: %.3000s", body)
		}
		form := url.Values{"leader.istimewa": {"di_atas"}, "leader.baik": {"di_atas"}, "leader.butuh_perbaikan": {"di_bawah"},
			"leader.kurang": {"di_bawah"}, "leader.sangat_kurang": {"di_bawah"}}
		if resp, _ := admin.post("/tahun/pimpinan", form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", resp.StatusCode)
		}
		_, body = admin.get("/tahun")
		if !strings.Contains(body, `<option value="di_atas" selected>`) || !strings.Contains(body, "Kembalikan ke bawaan peraturan") {
			t.Errorf("the saved map: %.3000s", body)
		}
		form.Del("leader.kurang")
		if resp, body := admin.post("/tahun/pimpinan", form); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Pilih rating hasil kerja untuk capaian Kurang") {
			t.Errorf("an incomplete map: %d", resp.StatusCode)
		}
		if resp, _ := admin.post("/tahun/pimpinan", url.Values{"reset": {"1"}}); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("reset: %d", resp.StatusCode)
		}
		if _, body := admin.get("/tahun"); !strings.Contains(body, "Instansi memakai pemetaan bawaan peraturan") {
			t.Errorf("after the reset the page says otherwise")
		}
		if resp, _ := staff.post("/tahun/pimpinan", form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a staff member sets the map: %d", resp.StatusCode)
		}
	})
}
