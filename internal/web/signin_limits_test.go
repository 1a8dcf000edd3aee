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

func TestAdminLiftsASignInLimitFromTheWeb(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin, staff, anon := e.browser(t), e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPKabid, "rahasia-kabid")
		for range 5 {
			anon.post("/masuk", url.Values{"username": {storetest.NIPStaff1}, "password": {"salah"}})
		}
		if resp, _ := anon.post("/masuk", url.Values{"username": {storetest.NIPStaff1}, "password": {"rahasia-staf1"}}); resp.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("sixth attempt: %d", resp.StatusCode)
		}

		if _, body := admin.get("/"); !strings.Contains(body, `href="/batas-masuk"`) {
			t.Error("the beranda's administration box does not lead to the sign-in limits")
		}
		if _, body := staff.get("/"); strings.Contains(body, `href="/batas-masuk"`) {
			t.Error("an ASN is offered the sign-in limits")
		}
		if resp, _ := staff.get("/batas-masuk"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN opens the sign-in limits: %d", resp.StatusCode)
		}
		resp, body := admin.get("/batas-masuk")
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, storetest.NIPStaff1) || !strings.Contains(body, "Cabut batas") {
			t.Fatalf("limits page: %d %s", resp.StatusCode, body)
		}
		action := regexp.MustCompile(`action="(/batas-masuk/[0-9a-f]+/cabut)"`).FindStringSubmatch(body)
		if action == nil {
			t.Fatal("no lift button")
		}
		if resp, _ := staff.post(action[1], nil); resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN lifts: %d", resp.StatusCode)
		}
		resp, _ = admin.post(action[1], nil)
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/batas-masuk?ok=1" {
			t.Fatalf("lift: %d %s", resp.StatusCode, loc)
		}
		if _, body := admin.get("/batas-masuk?ok=1"); !strings.Contains(body, "Batas dicabut") || strings.Contains(body, storetest.NIPStaff1) {
			t.Error("after the lift the page still lists the account or does not say so")
		}
		anon.signIn(storetest.NIPStaff1, "rahasia-staf1")
	})
}
