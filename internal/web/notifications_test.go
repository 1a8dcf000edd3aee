package web_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
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
		for _, want := range []string{"<strong>SKP ", " reminder</strong>", "You have not drawn up your SKP for ", `href="/skp"`, "data-count>1 notifications</p>"} {
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
		if strings.Count(body, "data-count>1 notifikasi</p>") != 1 {
			t.Error("the page does not say once that it holds 1 notification")
		}
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

// The notifications page pages to the oldest notification.
func TestNotificationsPageToTheOldest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		err := e.s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := range 65 {
				if err := tx.Notify(ctx, model.Notification{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Kabid.ID, Kind: "test",
					Title: fmt.Sprintf("Pemberitahuan nomor %d.", i), Link: "/"}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		kabid := e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		title := regexp.MustCompile(`Pemberitahuan nomor (\d+)\.`)
		next := regexp.MustCompile(`href="(/notifikasi\?kursor=[^"]+)" rel="next"`)
		seen := map[string]bool{}
		path, pages := "/notifikasi", 0
		for path != "" && pages < 5 {
			resp, body := kabid.get(path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", path, resp.StatusCode)
			}
			pages++
			for _, m := range title.FindAllStringSubmatch(body, -1) {
				seen[m[1]] = true
			}
			path = ""
			if m := next.FindStringSubmatch(body); m != nil {
				path = m[1]
			}
		}
		if len(seen) != 65 || pages != 2 || !seen["0"] {
			t.Errorf("the notifications page reached %d of 65 in %d pages", len(seen), pages)
		}
	})
}
