package web_test

import (
	"context"
	"io"
	"io/fs"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

type env struct {
	url string
	o   storetest.Org
	s   *store.Store
	a   *app.App // for arranging a test's organisation, not for acting
}

func setup(t *testing.T, s *store.Store, demo bool) env {
	t.Helper()
	o := storetest.SeedOrg(t, s)
	blobs, err := blob.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	a := app.New(s, nil, app.Options{Demo: demo, Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Blobs: blobs})
	sys := model.SystemActor(o.Instansi.ID, "test")
	for _, n := range []app.NewUser{
		{Username: "admin", DisplayName: "Admin BKPSDM", Password: "rahasia-admin", Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}},
		{EmployeeNIP: storetest.NIPStaff1, Password: "rahasia-staf1"},
		{EmployeeNIP: storetest.NIPKabid, Password: "rahasia-kabid"},
	} {
		if _, err := a.CreateUser(context.Background(), sys, n); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(server.New(a))
	t.Cleanup(ts.Close)
	return env{url: ts.URL, o: o, s: s, a: a}
}

// browser is an HTTP client with cookies that does not follow redirects.
type browser struct {
	t *testing.T
	c *http.Client
	e env
}

func (e env) browser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, e: e, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (b *browser) get(path string) (*http.Response, string) {
	b.t.Helper()
	resp, err := b.c.Get(b.e.url + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func (b *browser) post(path string, form url.Values) (*http.Response, string) {
	b.t.Helper()
	req, _ := http.NewRequest("POST", b.e.url+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", b.e.url)
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func (b *browser) signIn(user, pw string) {
	b.t.Helper()
	resp, body := b.post("/masuk", url.Values{"username": {user}, "password": {pw}, "next": {"/"}})
	if resp.StatusCode != http.StatusSeeOther {
		b.t.Fatalf("sign in as %s: %d %s", user, resp.StatusCode, body)
	}
}

func TestSignInAndOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		b := e.browser(t)
		resp, _ := b.get("/pegawai?q=andi")
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/masuk?next=%2Fpegawai%3Fq%3Dandi" {
			t.Fatalf("anonymous directory: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		resp, body := b.post("/masuk", url.Values{"username": {storetest.NIPStaff1}, "password": {"salah"}})
		if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "kata sandi salah") || len(resp.Cookies()) != 0 {
			t.Errorf("wrong password: %d, cookies %v", resp.StatusCode, resp.Cookies())
		}
		if !strings.Contains(body, `value="`+storetest.NIPStaff1+`"`) {
			t.Error("the username was not kept in the form")
		}
		resp, body = b.post("/masuk", url.Values{"username": {""}, "password": {""}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Isi NIP") {
			t.Errorf("empty form: %d", resp.StatusCode)
		}

		resp, _ = b.post("/masuk", url.Values{"username": {storetest.NIPStaff1}, "password": {"rahasia-staf1"}, "next": {"/pegawai?q=andi"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/pegawai?q=andi" {
			t.Fatalf("sign in: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		var cookie *http.Cookie
		for _, c := range resp.Cookies() {
			if c.Name == "kinerja_session" {
				cookie = c
			}
		}
		if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure || cookie.Path != "/" {
			t.Fatalf("session cookie = %+v", cookie)
		}
		resp, body = b.get("/")
		if resp.StatusCode != 200 || !strings.Contains(body, "Selamat datang, Andi Pratama") || !strings.Contains(body, "Siti Rahmawati") {
			t.Errorf("beranda: %d", resp.StatusCode)
		}

		resp, _ = b.post("/keluar", nil)
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/masuk" {
			t.Fatalf("sign out: %d", resp.StatusCode)
		}
		// The old cookie is revoked on the server, not only cleared.
		old := e.browser(t)
		u, _ := url.Parse(e.url)
		old.c.Jar.SetCookies(u, []*http.Cookie{{Name: "kinerja_session", Value: cookie.Value}})
		if resp, _ := old.get("/"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("a signed-out session still opens beranda: %d", resp.StatusCode)
		}
	})
}

func TestOpenRedirectIsRefused(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"), false)
	for _, next := range []string{"https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "http:/evil"} {
		b := e.browser(t)
		resp, _ := b.post("/masuk", url.Values{"username": {"admin"}, "password": {"rahasia-admin"}, "next": {next}})
		if loc := resp.Header.Get("Location"); loc != "/" {
			t.Errorf("next=%q redirected to %q", next, loc)
		}
	}
}

func TestPagesByRole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, true)
		staff, kabid, admin := e.browser(t), e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		admin.signIn("admin", "rahasia-admin")

		cases := []struct {
			name   string
			b      *browser
			path   string
			status int
			want   []string
			absent []string
		}{
			{"ASN beranda", staff, "/", 200, []string{"Penilai kinerja Anda", "Siti Rahmawati", "DEMO"}, []string{"Tim Anda", "/impor"}},
			{"supervisor beranda", kabid, "/", 200, []string{"Tim Anda (2 orang)", "Andi Pratama", "Dewi Lestari"}, nil},
			{"admin beranda", admin, "/", 200, []string{"8 pegawai aktif dalam 5 unit", "/impor", "/audit"}, nil},
			// Coaching and needs are in the menu of those who use them: an
			// ASN records their own, BKPSDM follows the city's.
			{"ASN menu", staff, "/profil", 200, []string{`<li><a href="/bimbingan">Bimbingan</a></li>`, `<li><a href="/kebutuhan">Kebutuhan</a></li>`}, nil},
			{"admin menu", admin, "/profil", 200, []string{`<li><a href="/bimbingan">Bimbingan</a></li>`, `<li><a href="/kebutuhan">Kebutuhan</a></li>`}, nil},
			{"directory", staff, "/pegawai", 200, []string{"Andi Pratama", "Yusuf Hidayat", "<label for=\"q\">"}, nil},
			{"search", staff, "/pegawai?q=rina", 200, []string{"Rina Marlina"}, []string{"Budi Santoso"}},
			{"unit filter", staff, "/pegawai?unit=" + e.o.Dinkes.ID, 200, []string{"Rina Marlina", "Yusuf Hidayat"}, []string{"Budi Santoso"}},
			{"no match", staff, "/pegawai?q=zzzz", 200, []string{"Tidak ada pegawai yang cocok"}, nil},
			{"garbage cursor", staff, "/pegawai?cursor=%%%", 200, []string{"Andi Pratama"}, nil},
			{"own page", staff, "/pegawai/" + e.o.Staff1.ID, 200, []string{"Riwayat jabatan", "03-03-1990"}, nil},
			{"colleague page", staff, "/pegawai/" + e.o.Staff2.ID, 200, []string{"hanya terlihat oleh"}, []string{"Riwayat jabatan", "04-04-1991"}},
			{"team member page", kabid, "/pegawai/" + e.o.Staff2.ID, 200, []string{"Riwayat jabatan"}, nil},
			{"unknown employee", staff, "/pegawai/nope", 404, []string{"tidak ditemukan"}, nil},
			{"unit tree", staff, "/unit", 200, []string{"<details", "Dinas Kesehatan", "Budi Santoso"}, nil},
			{"unit page", staff, "/unit/" + e.o.Kominfo.ID, 200, []string{"KOMINFO", "Bidang Aplikasi Informatika", "Andi Pratama"}, nil},
			{"unknown unit", staff, "/unit/nope", 404, nil, nil},
			{"import for ASN", staff, "/impor", 403, []string{"Tidak diizinkan"}, nil},
			{"import for admin", admin, "/impor", 200, []string{"enctype=\"multipart/form-data\"", "UNOR_ID"}, nil},
			{"audit for ASN", staff, "/audit", 403, nil, nil},
			{"audit for admin", admin, "/audit?entity_type=employee", 200, []string{"employee.create", "Andi Pratama"}, nil},
			{"sessions", staff, "/sesi", 200, []string{"sesi ini"}, nil},
			{"profile", staff, "/profil", 200, []string{storetest.NIPStaff1, "Ganti kata sandi"}, nil},
			{"unknown page", staff, "/tidak-ada", 404, nil, nil},
		}
		for _, c := range cases {
			resp, body := c.b.get(c.path)
			if resp.StatusCode != c.status {
				t.Errorf("%s: status %d, want %d", c.name, resp.StatusCode, c.status)
				continue
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s: page lacks %q", c.name, w)
				}
			}
			for _, w := range c.absent {
				if strings.Contains(body, w) {
					t.Errorf("%s: page shows %q", c.name, w)
				}
			}
			if !strings.Contains(body, "<main") || !strings.Contains(body, "</html>") {
				t.Errorf("%s: not a whole page", c.name)
			}
		}
	})
}

func TestProfileForms(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"), false)
	b := e.browser(t)
	b.signIn(storetest.NIPStaff1, "rahasia-staf1")
	resp, body := b.post("/profil/sandi", url.Values{"current_password": {"salah"}, "new_password": {"baru-sekali-1"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Kata sandi sekarang salah") || !strings.Contains(body, `aria-invalid="true"`) {
		t.Errorf("wrong current password: %d", resp.StatusCode)
	}
	resp, _ = b.post("/profil/sandi", url.Values{"current_password": {"rahasia-staf1"}, "new_password": {"baru-sekali-1"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("password change: %d", resp.StatusCode)
	}
	if _, body := b.get("/profil?ok=sandi"); !strings.Contains(body, "Kata sandi diganti") {
		t.Error("no confirmation after the password change")
	}
	// English, then back.
	b.post("/profil/bahasa", url.Values{"lang": {"en"}})
	if _, body := b.get("/"); !strings.Contains(body, "Welcome, Andi Pratama") || !strings.Contains(body, `<html lang="en">`) {
		t.Error("the page did not switch to English")
	}
	b.post("/profil/bahasa", url.Values{"lang": {"id"}})
	if _, body := b.get("/"); !strings.Contains(body, "Selamat datang") {
		t.Error("the page did not switch back to Indonesian")
	}
	// A cross-site form post is refused.
	req, _ := http.NewRequest("POST", e.url+"/profil/bahasa", strings.NewReader("lang=en"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	resp, err := b.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site post: %d", resp.StatusCode)
	}
}

func TestRevokingTheCurrentSessionSignsOut(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"), false)
	b := e.browser(t)
	b.signIn("admin", "rahasia-admin")
	_, body := b.get("/sesi")
	m := regexp.MustCompile(`action="/sesi/([0-9a-f]+)/akhiri"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no session on the sessions page")
	}
	resp, _ := b.post("/sesi/"+m[1]+"/akhiri", nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/masuk" {
		t.Fatalf("revoke current: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := b.get("/"); resp.StatusCode != http.StatusSeeOther {
		t.Error("still signed in after revoking the session")
	}
	other := e.browser(t)
	other.signIn(storetest.NIPStaff1, "rahasia-staf1")
	if resp, _ := other.post("/sesi/"+m[1]+"/akhiri", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("revoking someone else's session: %d", resp.StatusCode)
	}
}

func TestImportPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		b := e.browser(t)
		b.signIn("admin", "rahasia-admin")
		csv := "NIP;NAMA;UNOR_ID;JABATAN_NAMA\n199501012022031001;Pegawai Baru;KOMINFO-APL;Pranata Komputer Ahli Pertama\nabc;Salah;KOMINFO;Staf\n"
		resp, page := b.postMultipart("/impor", nil, "pegawai.csv", []byte(csv))
		if resp.StatusCode != 200 || !strings.Contains(string(page), "data-import-preview") || !strings.Contains(string(page), "NIP harus 18 digit") {
			t.Fatalf("preview: %d %s", resp.StatusCode, page)
		}
		if _, err := s.EmployeeByNIP(context.Background(), e.o.Instansi.ID, "199501012022031001"); err == nil {
			t.Fatal("the preview wrote the employee")
		}
		id := regexp.MustCompile(`name="upload_id" value="([0-9a-f]+)"`).FindStringSubmatch(string(page))
		if id == nil {
			t.Fatal("no upload id in the preview")
		}
		// Another admin cannot apply this upload.
		other := e.browser(t)
		other.signIn(storetest.NIPKabid, "rahasia-kabid")
		if resp, _ := other.post("/impor/terapkan", url.Values{"upload_id": {id[1]}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN applied an import: %d", resp.StatusCode)
		}
		resp2, result := b.post("/impor/terapkan", url.Values{"upload_id": {id[1]}})
		if resp2.StatusCode != 200 || !strings.Contains(result, "data-import-result") || !strings.Contains(result, "1 baru") {
			t.Fatalf("apply: %d %s", resp2.StatusCode, result)
		}
		if _, err := s.EmployeeByNIP(context.Background(), e.o.Instansi.ID, "199501012022031001"); err != nil {
			t.Fatalf("the import did not create the employee: %v", err)
		}
		// Applying twice: the staged file is gone.
		if resp, _ := b.post("/impor/terapkan", url.Values{"upload_id": {id[1]}}); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("second apply: %d", resp.StatusCode)
		}
		// A file that is not an employee list changes nothing and says why.
		resp, page = b.postMultipart("/impor", nil, "foto.csv", []byte("hello,world\n1,2\n"))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(page), "Kolom wajib tidak ditemukan") {
			t.Errorf("wrong file: %d", resp.StatusCode)
		}
	})
}

func TestTemplatesHaveNoInlineCode(t *testing.T) {
	script := regexp.MustCompile(`(?is)<script([^>]*)>(.*?)</script>`)
	inline := regexp.MustCompile(`(?i)\sstyle=|\son[a-z]+=|<style`)
	err := filepath.WalkDir("templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if loc := inline.FindIndex(b); loc != nil {
			t.Errorf("%s has an inline style or handler: %q", path, b[loc[0]:loc[1]])
		}
		for _, m := range script.FindAllSubmatch(b, -1) {
			if !strings.Contains(string(m[1]), "src=") || strings.TrimSpace(string(m[2])) != "" {
				t.Errorf("%s has an inline script: %q", path, m[0])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEveryInputHasALabel(t *testing.T) {
	input := regexp.MustCompile(`<(input|select)[^>]*\sid="([^"]+)"`)
	err := filepath.WalkDir("templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(path)
		for _, m := range input.FindAllSubmatch(b, -1) {
			if !strings.Contains(string(b), `for="`+string(m[2])+`"`) {
				t.Errorf("%s: %s #%s has no label", path, m[1], m[2])
			}
		}
		if strings.Contains(string(b), "<input") && !strings.Contains(string(b), "type=\"hidden\"") && !input.Match(b) {
			t.Errorf("%s has an input without an id", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStaticFilesAreVersionedAndCached(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"), false)
	b := e.browser(t)
	_, page := b.get("/masuk")
	m := regexp.MustCompile(`href="(/static/[0-9a-f]+/app\.css)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no versioned stylesheet on the sign-in page")
	}
	resp, css := b.get(m[1])
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") || !strings.Contains(css, "--brand") {
		t.Errorf("stylesheet: %d %s", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	if resp, _ := b.get("/static/abc/../../go.mod"); resp.StatusCode == 200 {
		t.Error("a path outside the static files was served")
	}
}

func TestAdminManagesPlacementsRatersAndSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin, staff := e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		ctx := context.Background()

		// The staff member sees no management forms, on their own page or another's.
		for _, id := range []string{e.o.Staff1.ID, e.o.Staff3.ID} {
			_, body := staff.get("/pegawai/" + id)
			for _, form := range []string{"/penempatan", "/penilai", "/sesi/"} {
				// The menu's /penilaian is no management form.
				if strings.Contains(strings.ReplaceAll(body, `"/penilaian"`, ""), form) {
					t.Errorf("an ASN sees the %s form on %s", form, id)
				}
			}
		}
		if resp, _ := staff.post("/pegawai/"+e.o.Kabid.ID+"/penempatan", url.Values{"position_code": {"KOMINFO-SEKR"}, "kind": {"plt"}, "start": {"2026-01-05"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN placed someone: %d", resp.StatusCode)
		}

		// Unknown code and bad date: the form comes back with the messages.
		resp, body := admin.post("/pegawai/"+e.o.Kabid.ID+"/penempatan", url.Values{"position_code": {"NOPE"}, "kind": {"plt"}, "start": {"2026-01-05"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tidak ada jabatan dengan kode ini") || !strings.Contains(body, `value="NOPE"`) {
			t.Errorf("unknown position: %d %s", resp.StatusCode, body[strings.Index(body, "<main"):])
		}
		resp, body = admin.post("/pegawai/"+e.o.Kabid.ID+"/penempatan", url.Values{"position_code": {"KOMINFO-SEKR"}, "kind": {"plt"}, "start": {"2026-13-45"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "tidak valid") {
			t.Errorf("bad date: %d", resp.StatusCode)
		}
		// Kabid becomes Plt Sekretaris, so Staff3 is now rated by Kabid.
		resp, _ = admin.post("/pegawai/"+e.o.Kabid.ID+"/penempatan", url.Values{"position_code": {"KOMINFO-SEKR"}, "kind": {"plt"}, "start": {"2026-01-05"}, "decree": {"821/5/2026"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("place: %d", resp.StatusCode)
		}
		if _, body := staff.get("/pegawai/" + e.o.Staff3.ID); !strings.Contains(body, "Siti Rahmawati") {
			t.Error("Staff3's page does not show the Plt as rater")
		}
		// The unit page lists the position codes and holders.
		if _, body := staff.get("/unit/" + e.o.Sekretariat.ID); !strings.Contains(body, "KOMINFO-SEKR") || !strings.Contains(body, "Siti Rahmawati") {
			t.Error("the unit page lacks the position code or its Plt holder")
		}

		// A placement is ended from its own employee's page only.
		_, body = admin.get("/pegawai/" + e.o.Kabid.ID)
		pm := regexp.MustCompile(`action="/pegawai/[0-9a-f]+/penempatan/([0-9a-f]+)/akhiri"`).FindStringSubmatch(body)
		if pm == nil {
			t.Fatal("no end button for the Plt")
		}
		if resp, _ := admin.post("/pegawai/"+e.o.Staff1.ID+"/penempatan/"+pm[1]+"/akhiri", url.Values{"end": {"2026-03-01"}}); resp.StatusCode != http.StatusNotFound {
			t.Errorf("ending Kabid's Plt from Staff1's page: %d, want 404", resp.StatusCode)
		}
		if _, body := staff.get("/pegawai/" + e.o.Staff3.ID); !strings.Contains(body, "Siti Rahmawati") {
			t.Error("the Plt ended through another employee's address")
		}

		// A substitute rater, then its end.
		resp, body = admin.post("/pegawai/"+e.o.Nurse.ID+"/penilai", url.Values{"rater_nip": {storetest.NIPKadis}, "start": {"2026-01-01"}, "reason": {""}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Alasan") {
			t.Errorf("override without a reason: %d", resp.StatusCode)
		}
		resp, _ = admin.post("/pegawai/"+e.o.Nurse.ID+"/penilai", url.Values{"rater_nip": {storetest.NIPKadis}, "start": {"2026-01-01"}, "reason": {"Ditugaskan di Kominfo"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("override: %d", resp.StatusCode)
		}
		_, body = admin.get("/pegawai/" + e.o.Nurse.ID)
		if !strings.Contains(body, "Ditugaskan di Kominfo") || !strings.Contains(body, "Budi Santoso") {
			t.Error("the override is not listed")
		}
		m := regexp.MustCompile(`action="/pegawai/[0-9a-f]+/penilai/([0-9a-f]+)/akhiri"`).FindStringSubmatch(body)
		if m == nil {
			t.Fatal("no end button for the override")
		}
		if resp, _ := admin.post("/pegawai/"+e.o.Nurse.ID+"/penilai/"+m[1]+"/akhiri", nil); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("end override: %d", resp.StatusCode)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "employee", EntityID: e.o.Nurse.ID})
		if len(entries) < 3 || entries[0].Action != "rater_override.end" {
			t.Errorf("override audit = %v", entries[0])
		}

		// The admin sees and ends the staff member's session.
		_, body = admin.get("/pegawai/" + e.o.Staff1.ID)
		m = regexp.MustCompile(`action="/pegawai/[0-9a-f]+/sesi/([0-9a-f]+)/akhiri"`).FindStringSubmatch(body)
		if m == nil {
			t.Fatal("the admin does not see the staff member's session")
		}
		admin.post("/pegawai/"+e.o.Staff1.ID+"/sesi/"+m[1]+"/akhiri", nil)
		if resp, _ := staff.get("/"); resp.StatusCode != http.StatusSeeOther {
			t.Error("the session ended by the admin still works")
		}
	})
}

func TestEveryMessageKeyExists(t *testing.T) {
	known := map[string]bool{}
	for _, k := range locale.Keys("id") {
		known[k] = true
	}
	for _, k := range locale.Keys("en") {
		if !known[k] && !strings.HasPrefix(k, "import.col.") { // Indonesian: importer.Columns
			t.Errorf("English key %q has no Indonesian text", k)
		}
	}
	key := regexp.MustCompile(`(?:\.T|b\.T\(|T\() ?"([a-z0-9_.]+)"`)
	files, _ := filepath.Glob("templates/*.html")
	gofiles, _ := filepath.Glob("*.go")
	for _, f := range append(files, gofiles...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, _ := os.ReadFile(f)
		for _, m := range key.FindAllSubmatch(b, -1) {
			if k := string(m[1]); !known[k] && !strings.HasSuffix(k, ".") {
				t.Errorf("%s uses the unknown message key %q", f, k)
			}
		}
	}
}

// TestNobodyRatesThemselvesForm checks that the substitute-rater form
// refuses to make an employee their own atasan pejabat penilai, and says
// why in the page.
func TestNobodyRatesThemselvesForm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		resp, body := admin.post("/pegawai/"+e.o.Staff1.ID+"/penilai", url.Values{"rater_nip": {storetest.NIPKabid},
			"upper_nip": {storetest.NIPStaff1}, "start": {"2026-01-01"}, "reason": {"Penugasan"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "atasan pejabat penilai Andi Pratama adalah dirinya sendiri") {
			t.Errorf("own atasan through the form: %d", resp.StatusCode)
		}
		list, err := s.RaterOverrides(context.Background(), e.o.Staff1.ID)
		if err != nil || len(list) != 0 {
			t.Errorf("the refused override was stored: %v, %v", list, err)
		}
	})
}

// TestImportRefusedForSelfRating checks that applying an import that would
// make someone assess themselves changes nothing and says why, also when
// the organisation changed after the preview.
func TestImportRefusedForSelfRating(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		b := e.browser(t)
		b.signIn("admin", "rahasia-admin")
		// Moved under the vacant Sekretaris post, Staff1 would be rated by the Kadis.
		resp, page := b.postMultipart("/impor", nil, "pindah.csv", []byte("NIP;NAMA;UNOR_ID;JABATAN_ID\n"+storetest.NIPStaff1+";Andi Pratama;KOMINFO-SEK;KOMINFO-ADM\n"))
		id := regexp.MustCompile(`name="upload_id" value="([0-9a-f]+)"`).FindStringSubmatch(string(page))
		if id == nil {
			t.Fatalf("no upload id in the preview: %d", resp.StatusCode)
		}
		// Between the preview and the apply, the Kabid comes to be rated by the wali kota and the Kadis by Staff1, by way of the Kabid.
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for _, o := range []model.RaterOverride{{EmployeeID: e.o.Kabid.ID, RaterID: e.o.WaliKota.ID},
				{EmployeeID: e.o.Kadis.ID, RaterID: e.o.Staff1.ID, UpperRaterID: e.o.WaliKota.ID}} {
				o.Start, o.Reason = "2026-02-01", "Penugasan khusus"
				if _, err := tx.CreateRaterOverride(ctx, o); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		resp2, result := b.post("/impor/terapkan", url.Values{"upload_id": {id[1]}})
		if resp2.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(result, "menilai dirinya sendiri") {
			t.Errorf("apply: %d %s", resp2.StatusCode, result[strings.Index(result, "<main"):])
		}
		// Beside the refusal, everything the preview finds: the update
		// and what it does to who rates whom; no way to apply it.
		if !strings.Contains(result, "data-import-blocked") || !strings.Contains(result, "data-import-warnings") ||
			!strings.Contains(result, `data-warned="`+storetest.NIPStaff1+`"`) || !strings.Contains(result, "Belum dapat diterapkan") && !strings.Contains(result, "belum dapat diterapkan") ||
			strings.Contains(result, "data-import-apply") {
			t.Errorf("the refused apply shows only its refusal:\n%s", result[strings.Index(result, "<main"):])
		}
		if emp, _ := s.Employee(ctx, e.o.Staff1.ID); emp.PositionID != e.o.PosStaff.ID {
			t.Errorf("the refused import moved Staff1 to %s", emp.PositionID)
		}
	})
}

// A file whose rows are each valid but that would make someone assess
// themselves is refused in the preview, before the admin can apply it.
func TestImportPreviewRefusesASelfRating(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		for _, o := range []model.RaterOverride{{EmployeeID: e.o.Kabid.ID, RaterID: e.o.WaliKota.ID},
			{EmployeeID: e.o.Kadis.ID, RaterID: e.o.Staff1.ID, UpperRaterID: e.o.WaliKota.ID}} {
			o.Start, o.Reason = "2026-02-01", "Penugasan khusus"
			if _, err := e.a.OverrideRater(ctx, model.SystemActor(e.o.Instansi.ID, "test"), o); err != nil {
				t.Fatal(err)
			}
		}
		b := e.browser(t)
		b.signIn("admin", "rahasia-admin")
		// Moved under the vacant Sekretaris post, Staff1 would be rated by the Kadis, whom Staff1 rates.
		resp, page := b.postMultipart("/impor", nil, "pindah.csv", []byte("NIP;NAMA;UNOR_ID;JABATAN_ID\n"+storetest.NIPStaff1+";Andi Pratama;KOMINFO-SEK;KOMINFO-ADM\n"))
		if resp.StatusCode != 200 || !strings.Contains(string(page), "data-import-blocked") || !strings.Contains(string(page), "Andi Pratama") {
			t.Fatalf("preview: %d %s", resp.StatusCode, page)
		}
		if strings.Contains(string(page), "data-import-apply") {
			t.Error("the preview offers to apply a file that would be refused")
		}
		// With a row in error and a new employee too: the refusal comes
		// with the row (number, column, reason), the warnings and what
		// the file would do, to fix it in one go.
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPStaff1 + ";Andi Pratama;KOMINFO-SEK;KOMINFO-ADM\n" +
			"199801012024011001;Joko Susilo;KOMINFO-APL;KOMINFO-PRAKOM\n" +
			"199801012024011002;Tono Sutono;KOMINFO-XYZ;KOMINFO-PRAKOM\n"
		resp, page = b.postMultipart("/impor", nil, "pindah.csv", []byte(file))
		if resp.StatusCode != 200 || !strings.Contains(page, "data-import-blocked") || strings.Contains(page, "data-import-apply") {
			t.Fatalf("preview: %d %s", resp.StatusCode, page)
		}
		row := page[strings.Index(page, `data-rejected-row="4"`):]
		row = row[:strings.Index(row, "</tr>")]
		if !strings.Contains(row, `data-rejected-column>UNOR_ID<`) || !strings.Contains(row, "KOMINFO-XYZ") || !strings.Contains(row, "Tono Sutono") {
			t.Errorf("the rejected row: %s", row)
		}
		warn := page[strings.Index(page, "data-import-warnings"):]
		warn = warn[:strings.Index(warn, "</section>")]
		if !strings.Contains(warn, "belum dapat diterapkan") || !strings.Contains(warn, `data-warned="`+storetest.NIPStaff1+`"`) {
			t.Errorf("the warnings of the blocked file:\n%s", warn)
		}
		if !strings.Contains(page, "Joko Susilo") || !strings.Contains(page, "3 baris dibaca: 1 baru, 1 diperbarui, 0 tidak berubah, 1 ditolak") {
			t.Errorf("what the file would create is not shown")
		}
	})
}

// The profile offers the daily e-mail digest and keeps the choice.
func TestProfileEmailChoice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		b := e.browser(t)
		b.signIn(storetest.NIPStaff1, "rahasia-staf1")
		_, page := b.get("/profil")
		if !strings.Contains(page, `name="email" value="each" checked`) {
			t.Fatalf("the profile does not offer the e-mail choice:\n%s", page)
		}
		if resp, _ := b.post("/profil/email", url.Values{"email": {"daily"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", resp.StatusCode)
		}
		if _, page = b.get("/profil?ok=email"); !strings.Contains(page, `name="email" value="daily" checked`) || !strings.Contains(page, "Pilihan e-mail pemberitahuan disimpan") {
			t.Errorf("the choice was not kept:\n%s", page)
		}
	})
}
