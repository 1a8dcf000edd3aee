package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestFillingDashboard(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		approvedBossSKP(t, e)
		admin, staff := e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")

		if resp, _ := staff.get("/skp/pantau"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN opened the dashboard: %d", resp.StatusCode)
		}
		_, body := admin.get("/skp/pantau")
		for _, want := range []string{"7 pegawai: 1 disetujui", "Dinas Komunikasi dan Informatika", "Dinas Kesehatan", `href="/skp/pantau"`} {
			if !strings.Contains(body, want) {
				t.Errorf("the dashboard lacks %q", want)
			}
		}
		_, body = admin.get("/skp/pantau?opd=" + e.o.Kominfo.ID)
		if !strings.Contains(body, "Bidang Aplikasi Informatika") {
			t.Error("the OPD view does not list its units")
		}
		_, body = admin.get("/skp/pantau?unit=" + e.o.Aplikasi.ID)
		if !strings.Contains(body, "Andi Pratama") || !strings.Contains(body, "Kirim pengingat kepada 3 pegawai") {
			t.Fatalf("the unit drill-down lacks the people behind")
		}
		resp, _ := admin.post("/skp/pantau/ingatkan", url.Values{"unit": {e.o.Aplikasi.ID}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("remind: %d", resp.StatusCode)
		}
		notes, _ := s.Notifications(context.Background(), e.o.Staff1.ID, 5)
		if len(notes) != 1 || !strings.Contains(notificationBody(notes[0]), "belum menyusun SKP") {
			t.Errorf("notifications = %+v", notes)
		}
	})
}
