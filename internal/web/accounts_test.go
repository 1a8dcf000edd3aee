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

// TestAccountPages: BKPSDM creates an imported employee's account on the
// Akun page and gets the one-time link; the employee opens it, is refused
// a short password with the reason in the page, sets one and is signed
// in; the link then says to ask for a new one. An ASN has no Akun page,
// and "Lupa kata sandi" without e-mail says whom to ask.
func TestAccountPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		_, body := admin.get("/")
		if !strings.Contains(body, `href="/akun"`) {
			t.Error("BKPSDM's menu has no Akun")
		}
		resp, body := admin.get("/akun?q=" + storetest.NIPStaff3)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Rudi Hartono") || !strings.Contains(body, `action="/akun/buat"`) {
			t.Fatalf("the accounts page: %d\n%s", resp.StatusCode, body)
		}
		resp, body = admin.post("/akun/buat", url.Values{"employee_id": {e.o.Staff3.ID}})
		m := regexp.MustCompile(`/aktivasi\?token=([A-Za-z0-9_-]+)`).FindStringSubmatch(body)
		if resp.StatusCode != http.StatusOK || m == nil {
			t.Fatalf("creating the account: %d\n%s", resp.StatusCode, body)
		}
		token := m[1]

		rudi := e.browser(t)
		resp, body = rudi.get("/aktivasi?token=" + token)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Rudi Hartono") {
			t.Fatalf("the activation page: %d\n%s", resp.StatusCode, body)
		}
		resp, body = rudi.post("/aktivasi", url.Values{"token": {token}, "password": {"pendek"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "8 karakter") {
			t.Errorf("a short password: %d\n%s", resp.StatusCode, body)
		}
		resp, _ = rudi.post("/aktivasi", url.Values{"token": {token}, "password": {"sawah lunto hijau"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("setting the password: %d", resp.StatusCode)
		}
		if _, body = rudi.get("/"); !strings.Contains(body, `action="/keluar"`) || !strings.Contains(body, "Rudi Hartono") {
			t.Errorf("after activation the employee is not signed in:\n%s", body)
		}
		if resp, body = e.browser(t).get("/aktivasi?token=" + token); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "Minta tautan baru") {
			t.Errorf("a used link: %d\n%s", resp.StatusCode, body)
		}

		staff := e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		if resp, body = staff.get("/akun"); resp.StatusCode != http.StatusForbidden || strings.Contains(body, `href="/akun"`) {
			t.Errorf("an ASN opens /akun: %d", resp.StatusCode)
		}

		visitor := e.browser(t)
		if _, body = visitor.get("/masuk"); !strings.Contains(body, `href="/lupa-sandi"`) {
			t.Error("the sign-in page has no Lupa kata sandi link")
		}
		if resp, body = visitor.get("/lupa-sandi"); resp.StatusCode != http.StatusOK || !strings.Contains(body, "BKPSDM") || strings.Contains(body, `action="/lupa-sandi"`) {
			t.Errorf("Lupa kata sandi without e-mail: %d\n%s", resp.StatusCode, body)
		}
	})
}
