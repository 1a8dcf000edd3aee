package web_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// addStaff places n more Pranata Komputer in Bidang Aplikasi, named
// "Pegawai Uji 001" and so on, so that the directory has several pages.
func addStaff(t *testing.T, s *store.Store, o storetest.Org, n int) {
	t.Helper()
	ctx := context.Background()
	err := s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
		for i := 1; i <= n; i++ {
			e, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: o.Instansi.ID, NIP: fmt.Sprintf("19950101202001%04d", 1000+i),
				Name: fmt.Sprintf("Pegawai Uji %03d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
			if err != nil {
				return err
			}
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: e.ID, PositionID: o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var nextLink = regexp.MustCompile(`<a href="([^"]+)" rel="next">`)

func TestDirectoryPaging(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		addStaff(t, s, e.o, 60) // 68 people with the fixture
		b := e.browser(t)
		b.signIn(storetest.NIPStaff1, "rahasia-staf1")

		seen := map[string]bool{}
		rows := regexp.MustCompile(`<a href="/pegawai/([0-9a-f]+)">`)
		path, pages := "/pegawai?q=pegawai+uji", 0
		for path != "" {
			pages++
			if pages > 3 {
				t.Fatal("paging does not end")
			}
			resp, body := b.get(path)
			if resp.StatusCode != 200 {
				t.Fatalf("%s: %d", path, resp.StatusCode)
			}
			for _, m := range rows.FindAllStringSubmatch(body, -1) {
				if seen[m[1]] {
					t.Errorf("%s repeats on page %d", m[1], pages)
				}
				seen[m[1]] = true
			}
			if pages == 1 {
				if n := len(rows.FindAllString(body, -1)); n != 50 {
					t.Errorf("first page has %d people, want 50", n)
				}
				if strings.Contains(body, "Halaman pertama") {
					t.Error("the first page links to the first page")
				}
			} else if !strings.Contains(html.UnescapeString(body), `href="/pegawai?q=pegawai+uji"`) {
				t.Errorf("page %d has no link back to the first page", pages)
			}
			path = ""
			if m := nextLink.FindStringSubmatch(body); m != nil {
				path = html.UnescapeString(m[1])
				if !strings.Contains(path, "q=pegawai+uji") || !strings.Contains(path, "cursor=") {
					t.Errorf("next link %q loses the search", path)
				}
			}
		}
		if pages != 2 || len(seen) != 60 {
			t.Errorf("%d pages, %d people; want 2 pages, 60 people", pages, len(seen))
		}

		// The audit log pages too: older entries follow without overlap.
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		entry := regexp.MustCompile(`<li class="card">\s*<p><strong>[^<]*</strong>[^<]*<code class="muted">[^<]*</code></p>\s*<p><a href="/audit\?entity_type=[a-z_]+&amp;entity_id=([0-9a-f]+)"`)
		_, page1 := admin.get("/audit?entity_type=placement")
		first := entry.FindAllStringSubmatch(page1, -1)
		older := nextLink.FindStringSubmatch(page1)
		if len(first) != 50 || older == nil {
			t.Fatalf("audit page one: %d entries, older link %v", len(first), older)
		}
		_, page2 := admin.get(html.UnescapeString(older[1]))
		second := entry.FindAllStringSubmatch(page2, -1)
		if len(second) != 18 { // 60 added + 8 in the fixture = 68 placements
			t.Errorf("audit page two: %d entries, want 18", len(second))
		}
		for _, a := range first {
			for _, z := range second {
				if a[1] == z[1] {
					t.Errorf("placement %s on both audit pages", a[1])
				}
			}
		}
		if nextLink.MatchString(page2) {
			t.Error("the last audit page links to an older one")
		}

		// The unit page pages its people the same way.
		_, body := b.get("/unit/" + e.o.Aplikasi.ID)
		m := nextLink.FindStringSubmatch(body)
		if m == nil || !strings.HasPrefix(m[1], "/unit/"+e.o.Aplikasi.ID+"?cursor=") {
			t.Fatalf("unit page next link = %v", m)
		}
		if resp, body := b.get(html.UnescapeString(m[1])); resp.StatusCode != 200 || !strings.Contains(body, "Pegawai Uji 060") {
			t.Errorf("unit page two: %d", resp.StatusCode)
		}
	})
}

func TestLayoutHeadersAndRibbon(t *testing.T) {
	for _, demo := range []bool{false, true} {
		e := setup(t, storetest.Open(t, "sqlite"), demo)
		b := e.browser(t)
		b.signIn(storetest.NIPStaff1, "rahasia-staf1")
		for _, path := range []string{"/masuk", "/", "/pegawai", "/unit", "/profil", "/sesi", "/pegawai/nope"} {
			if path == "/masuk" {
				b2 := e.browser(t)
				resp, body := b2.get(path)
				checkLayout(t, path, resp, body, demo, false)
				continue
			}
			resp, body := b.get(path)
			checkLayout(t, path, resp, body, demo, true)
			// An ASN's menu offers nothing they cannot open.
			for _, link := range []string{`href="/impor"`, `href="/audit"`} {
				if strings.Contains(body, link) {
					t.Errorf("%s: ASN menu shows %s", path, link)
				}
			}
		}
	}
}

func checkLayout(t *testing.T, path string, resp *http.Response, body string, demo, signedIn bool) {
	t.Helper()
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("%s: Content-Security-Policy = %q", path, csp)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("%s: Content-Type = %q", path, ct)
	}
	want := []string{`<html lang="id">`, `<a class="skip" href="#isi">`, `<header`, `<main id="isi"`, `<footer`}
	if signedIn {
		want = append(want, `<nav aria-label="Menu utama">`, `action="/keluar"`, "Andi Pratama")
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("%s: page lacks %q", path, w)
		}
	}
	if got := strings.Contains(body, "Data fiktif untuk demonstrasi"); got != demo {
		t.Errorf("%s: demo ribbon shown = %v in demo mode %v", path, got, demo)
	}
	// Every visible input on the rendered page has a label pointing at it.
	for _, m := range regexp.MustCompile(`<(?:input|select)([^>]*)>`).FindAllStringSubmatch(body, -1) {
		if strings.Contains(m[1], `type="hidden"`) {
			continue
		}
		id := regexp.MustCompile(`\sid="([^"]+)"`).FindStringSubmatch(m[1])
		if id == nil || !strings.Contains(body, `<label for="`+id[1]+`"`) {
			t.Errorf("%s: input without a label: %s", path, m[0])
		}
	}
}

func TestAnonymousLanguage(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"), false)
	b := e.browser(t)
	if _, body := b.get("/masuk?lang=en"); !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, "Sign in") {
		t.Error("?lang=en does not show the sign-in page in English")
	}
	if _, body := e.browser(t).get("/masuk"); !strings.Contains(body, `<html lang="id">`) {
		t.Error("the sign-in page is not in Indonesian by default")
	}
	b = e.browser(t)
	resp, _ := b.post("/bahasa", url.Values{"lang": {"en"}, "next": {"/masuk"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/masuk" {
		t.Fatalf("choose language: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, body := b.get("/masuk"); !strings.Contains(body, `<html lang="en">`) {
		t.Error("the language cookie is not used")
	}
	// A bad language falls back to Indonesian; an outside next stays here.
	resp, _ = b.post("/bahasa", url.Values{"lang": {"xx"}, "next": {"https://evil.example/"}})
	if resp.Header.Get("Location") != "/" {
		t.Errorf("language switch redirected to %q", resp.Header.Get("Location"))
	}
	if _, body := b.get("/masuk"); !strings.Contains(body, `<html lang="id">`) {
		t.Error("an unknown language did not fall back to Indonesian")
	}
}

func TestSignInRateLimited(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"), false)
	b := e.browser(t)
	var resp *http.Response
	var body string
	for i := 0; i < 8; i++ {
		resp, body = b.post("/masuk", url.Values{"username": {"admin"}, "password": {"salah"}})
		if resp.StatusCode == http.StatusTooManyRequests {
			break
		}
	}
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Terlalu banyak percobaan") ||
		!regexp.MustCompile(`Tunggu \d+ detik, lalu coba lagi`).MatchString(body) {
		t.Fatalf("after repeated failures: %d", resp.StatusCode)
	}
	if resp.Header.Get("Retry-After") == "" || len(resp.Cookies()) != 0 {
		t.Errorf("Retry-After %q, cookies %v", resp.Header.Get("Retry-After"), resp.Cookies())
	}
	// Even the right password waits.
	if resp, _ := b.post("/masuk", url.Values{"username": {"admin"}, "password": {"rahasia-admin"}}); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("right password while limited: %d", resp.StatusCode)
	}
}

func TestUnitsSessionsAndAuditReadably(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin := e.browser(t)
		req, _ := http.NewRequest("POST", e.url+"/masuk", strings.NewReader(url.Values{"username": {"admin"}, "password": {"rahasia-admin"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 14; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36")
		resp, err := admin.c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign in: %d", resp.StatusCode)
		}
		if _, body := admin.get("/sesi"); !strings.Contains(body, "Chrome di Android") || strings.Contains(body, ">Mozilla/5.0") {
			t.Error("the sessions page does not name the device shortly")
		}

		_, body := admin.get("/unit")
		for _, w := range []string{"Perangkat daerah", "Bidang", "Subbagian", "Kepala: Budi Santoso"} {
			if !strings.Contains(body, w) {
				t.Errorf("unit tree lacks %q", w)
			}
		}
		if _, body := admin.get("/unit/" + e.o.Aplikasi.ID); !strings.Contains(body, "Jenis unit") || !strings.Contains(body, "Siti Rahmawati") {
			t.Error("unit page lacks its kind or head")
		}

		// A changed language shows in the audit log as a changed field.
		admin.post("/profil/bahasa", url.Values{"lang": {"en"}})
		admin.post("/profil/bahasa", url.Values{"lang": {"id"}})
		_, body = admin.get("/audit?entity_type=user")
		if !strings.Contains(body, "<del>English</del>") || !strings.Contains(body, "<ins>Bahasa Indonesia</ins>") || !strings.Contains(body, "user.update") ||
			!strings.Contains(body, "Akun diubah") || !strings.Contains(body, `<option value="user" selected>Akun</option>`) {
			t.Errorf("the audit log does not show the changed field: %s", body[strings.Index(body, "<main"):])
		}
		// The actor filter takes a username as well as a user id, and an
		// employee's entry links to their page.
		if _, body := admin.get("/audit?actor=admin"); !strings.Contains(body, "user.update") {
			t.Error("filtering the audit log by username finds nothing")
		}
		if _, body := admin.get("/audit?actor=" + storetest.NIPKabid); strings.Contains(body, "user.update") {
			t.Error("filtering by another person's NIP shows the admin's entries")
		}
		if _, body := admin.get("/audit?entity_type=employee&entity_id=" + e.o.Staff1.ID); !strings.Contains(body, `href="/pegawai/`+e.o.Staff1.ID+`"`) ||
			!strings.Contains(body, "Pegawai ditambahkan</strong> · Andi Pratama") {
			t.Error("an employee's audit entry does not link to their page")
		}
		// Odd addresses answer a page, not a server error, on both engines.
		for _, path := range []string{"/pegawai/%FF%FE", "/pegawai/%00", "/unit/%FF", "/pegawai?q=%FF%FE", "/pegawai?q=%00andi",
			"/pegawai?cursor=" + base64.RawURLEncoding.EncodeToString([]byte("\xff\x00abc")),
			"/pegawai?cursor=" + base64.StdEncoding.EncodeToString([]byte("\xff\x00abc")),
			"/unit/" + e.o.Aplikasi.ID + "?cursor=%FF"} {
			if resp, _ := admin.get(path); resp.StatusCode >= 500 {
				t.Errorf("%s: %d", path, resp.StatusCode)
			}
		}
		// Filters that match nothing, or nonsense, answer an empty list, not an error.
		for _, q := range []string{"?entity_id=nope", "?entity_id=%FF%FE", "?actor=%00", "?entity_type=%3Cscript%3E", "?before=zzz", "?actor=" + strings.Repeat("x", 500)} {
			if resp, _ := admin.get("/audit" + q); resp.StatusCode != 200 {
				t.Errorf("audit %s: %d", q, resp.StatusCode)
			}
		}
	})
}

func TestSmallRoutes(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"), false)
	b := e.browser(t)
	b.signIn(storetest.NIPStaff1, "rahasia-staf1")

	// Odd searches answer a page, never an error: long, invalid UTF-8, control characters.
	for _, q := range []string{strings.Repeat("é", 300), "%FF%FE", "%00andi", "%27%3B--"} {
		if resp, _ := b.get("/pegawai?q=" + q); resp.StatusCode != 200 {
			t.Errorf("search %.20s: %d", q, resp.StatusCode)
		}
	}

	// Typing /keluar does not sign out and does not show an error.
	if resp, _ := b.get("/keluar"); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Errorf("GET /keluar: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := b.get("/"); resp.StatusCode != 200 {
		t.Error("GET /keluar signed out")
	}

	// An unknown language is refused with a message and changes nothing.
	resp, body := b.post("/profil/bahasa", url.Values{"lang": {"fr"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `class="field-error"`) {
		t.Errorf("unknown language: %d", resp.StatusCode)
	}
	if _, body := b.get("/"); !strings.Contains(body, `<html lang="id">`) {
		t.Error("an unknown language changed the page language")
	}

	// The sign-in page's language switch returns to the same address,
	// keeping where the visitor wanted to go.
	anon := e.browser(t)
	_, body = anon.get("/masuk?next=%2Fpegawai&lang=en")
	if !strings.Contains(body, `name="next" value="/masuk?next=%2Fpegawai"`) {
		t.Errorf("the language switch does not return to the same page: %s", body)
	}
	// ?lang= sticks: the form posted next answers in English too.
	if _, body := anon.post("/masuk", url.Values{"username": {"x"}, "password": {"y"}}); !strings.Contains(body, `<html lang="en">`) {
		t.Error("the sign-in error is not in the chosen language")
	}
}

func TestFormsWithBrokenText(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		anon := e.browser(t)
		for _, user := range []string{"adm\x00in", "\xff\xfe", strings.Repeat("x", 5000)} {
			resp, _ := anon.post("/masuk", url.Values{"username": {user}, "password": {"p\x00w"}})
			if resp.StatusCode >= 500 || len(resp.Cookies()) != 0 {
				t.Errorf("sign in as %.10q: %d", user, resp.StatusCode)
			}
		}
		if resp, body := anon.post("/masuk", url.Values{"username": {strings.Repeat("x", 100<<10)}, "password": {"x"}}); resp.StatusCode != http.StatusRequestEntityTooLarge ||
			!strings.Contains(body, "Kiriman terlalu besar") {
			t.Errorf("a 100 KB sign-in form: %d", resp.StatusCode)
		}
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		before, _ := s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: e.o.Instansi.ID})
		for _, f := range []url.Values{
			{"position_code": {"KOMINFO-SEKR\x00"}, "kind": {"plt"}, "start": {"2026-01-05"}},
			{"position_code": {"KOMINFO-SEKR"}, "kind": {"plt"}, "start": {"2026-01-05"}, "decree": {"821\xff"}},
		} {
			resp, body := admin.post("/pegawai/"+e.o.Kabid.ID+"/penempatan", f)
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Tidak ada data yang diubah") {
				t.Errorf("placement with broken text %q: %d", f, resp.StatusCode)
			}
		}
		if resp, _ := admin.post("/pegawai/"+e.o.Nurse.ID+"/penilai", url.Values{"rater_nip": {storetest.NIPKadis}, "start": {"2026-01-01"}, "reason": {"a\x00b"}}); resp.StatusCode >= 500 || resp.StatusCode == http.StatusSeeOther {
			t.Errorf("override with a NUL in the reason: %d", resp.StatusCode)
		}
		if resp, _ := admin.post("/profil/sandi", url.Values{"current_password": {"rahasia-admin"}, "new_password": {"baru\x00sekali"}}); resp.StatusCode >= 500 {
			t.Errorf("new password with a NUL: %d", resp.StatusCode)
		}
		after, _ := s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: e.o.Instansi.ID})
		if len(after) != len(before) {
			t.Errorf("broken input changed something: %d audit entries, then %d", len(before), len(after))
		}
	})
}

func TestHeaderLanguageSwitchIsRemembered(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"), false)
	b := e.browser(t)
	b.signIn(storetest.NIPStaff1, "rahasia-staf1")
	_, body := b.get("/pegawai?q=andi")
	if !strings.Contains(body, `action="/bahasa"`) || !strings.Contains(body, `name="next" value="/pegawai?q=andi"`) {
		t.Fatal("the header has no language switch back to this page")
	}
	resp, _ := b.post("/bahasa", url.Values{"lang": {"en"}, "next": {"/pegawai?q=andi"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/pegawai?q=andi" {
		t.Fatalf("switch: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	// A page shown in answer to a form returns to the page of the form.
	req, _ := http.NewRequest("POST", e.url+"/profil/bahasa", strings.NewReader("lang=fr"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Referer", e.url+"/profil")
	resp, err := b.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), `name="next" value="/profil"`) {
		t.Error("the language switch on a re-rendered form does not return to the form's page")
	}
	// Stored in the account: another device signs in to English pages.
	other := e.browser(t)
	other.signIn(storetest.NIPStaff1, "rahasia-staf1")
	if _, body := other.get("/"); !strings.Contains(body, "Welcome, Andi Pratama") || !strings.Contains(body, `lang="id">Bahasa Indonesia</button>`) {
		t.Error("the chosen language is not kept in the account")
	}
}
