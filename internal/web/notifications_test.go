package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// notificationBody is a stored notification's body as an Indonesian reader
// sees it.
func notificationBody(n model.Notification) string {
	_, body := app.RenderNotification("id", n)
	return body
}

// TestNotificationsPageInTheReadersLanguage: an administrator reminds the
// unit; the ASN, who chose English, sees the bell count it and reads the
// reminder in English; after switching to Indonesian the same notification
// reads in Indonesian.
func TestNotificationsPageInTheReadersLanguage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		approvedBossSKP(t, e)
		admin, staff := e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		staff.post("/profil/bahasa", url.Values{"lang": {"en"}})

		if resp, _ := admin.post("/skp/pantau/ingatkan", url.Values{"unit": {e.o.Aplikasi.ID}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("remind: %d", resp.StatusCode)
		}
		if _, body := staff.get("/"); !strings.Contains(body, "<span data-bell-count>1</span>") {
			t.Error("the bell does not count the reminder")
		}
		_, body := staff.get("/notifikasi")
		body = html.UnescapeString(body)
		for _, want := range []string{"<strong>SKP ", " reminder</strong>", "You have not drawn up your SKP for ", `href="/skp"`} {
			if !strings.Contains(body, want) {
				t.Errorf("the English page lacks %q", want)
			}
		}
		for _, not := range []string{"Pengingat", "belum menyusun"} {
			if strings.Contains(body, not) {
				t.Errorf("the English page shows %q", not)
			}
		}
		if _, body := staff.get("/"); strings.Contains(body, "<span data-bell-count>1</span>") {
			t.Error("the page did not mark the reminder read")
		}

		staff.post("/profil/bahasa", url.Values{"lang": {"id"}})
		_, body = staff.get("/notifikasi")
		for _, want := range []string{"Pengingat SKP ", "Anda belum menyusun SKP tahun "} {
			if !strings.Contains(body, want) {
				t.Errorf("the Indonesian page lacks %q", want)
			}
		}
		if strings.Contains(body, "reminder") {
			t.Error("the Indonesian page shows English")
		}
	})
}
