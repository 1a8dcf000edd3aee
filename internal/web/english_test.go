package web_test

import (
	"context"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// indonesian finds words that only an Indonesian sentence has; the
// regulation's own terms (SKP, RHK, predikat, realisasi, bukti dukung,
// perangkat daerah...) are allowed in English text and are not listed.
var indonesian = regexp.MustCompile(`(?i)\b(tidak|wajib|harus|belum|sudah|isi|pilih|dan|atau|yang|untuk|dengan|kosong|berkas|baris|kolom|tanggal|silakan|kirim|periksa|terlalu|ditemukan|diizinkan|coba|lagi|Anda)\b`)

// rawKey finds a catalog key shown instead of its text.
var rawKey = regexp.MustCompile(`\b(invalid|problem|import\.reject|import\.file|import\.change|version)\.[a-z]`)

// shownErrors are the parts of a page that tell what is wrong with a form:
// field errors, error alerts and the reasons of rejected import rows.
var shownErrors = []*regexp.Regexp{
	regexp.MustCompile(`(?s)<p class="field-error"[^>]*>(.*?)</p>`),
	regexp.MustCompile(`(?s)<div class="alert error"[^>]*>(.*?)</div>`),
	regexp.MustCompile(`(?s)<p class="alert error"[^>]*>(.*?)</p>`),
	regexp.MustCompile(`(?s)data-label="Reason">(.*?)</td>`),
}

var tags = regexp.MustCompile(`<[^>]*>`)

// errorTexts returns the error texts of a page, tags removed.
func errorTexts(body string) []string {
	var out []string
	for _, re := range shownErrors {
		for _, m := range re.FindAllStringSubmatch(body, -1) {
			if s := strings.TrimSpace(html.UnescapeString(tags.ReplaceAllString(m[1], " "))); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// TestFormErrorsInEnglish submits invalid forms as people who chose
// English and finds the errors they are shown in English: no Indonesian
// word, no raw message key. The same form for an Indonesian user still
// answers in Indonesian.
func TestFormErrorsInEnglish(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		skp, _ := staffSKP(t, e)
		staff, kabid, admin := e.browser(t), e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		admin.signIn("admin", "rahasia-admin")
		for _, b := range []*browser{staff, kabid, admin} {
			if resp, _ := b.post("/profil/bahasa", url.Values{"lang": {"en"}}); resp.StatusCode != 303 {
				t.Fatalf("choose English: %d", resp.StatusCode)
			}
		}
		cases := []struct {
			name string
			b    *browser
			path string
			form url.Values
		}{
			{"wrong current password", staff, "/profil/sandi", url.Values{"current_password": {"salah"}, "new_password": {"baru-sekali-1"}}},
			{"progress from the future", staff, "/progres", url.Values{"date": {"2999-01-01"}, "description": {""}, "output": {"banyak sekali"}, "minutes": {"sejam"}}},
			{"need without a title", staff, "/kebutuhan", url.Values{"employee_id": {e.o.Staff1.ID}, "kind": {"laptop"}, "title": {""}}},
			{"RHK without a description", staff, "/skp/" + skp.ID + "/rhk", url.Values{"kind": {"utama"}, "description": {""}, "version": {"2"}}},
			{"team without a goal", kabid, "/tim", url.Values{"name": {""}, "goal": {""}}},
			{"coaching without a topic", kabid, "/bimbingan", url.Values{"employee_id": {e.o.Staff1.ID}, "kind": {"x"}, "held_on": {"2999-01-01"}}},
			{"year out of range", admin, "/tahun", url.Values{"year": {"1999"}, "period_kind": {"weekly"}, "report_days": {"5"}}},
		}
		for _, c := range cases {
			resp, body := c.b.post(c.path, c.form)
			shown := errorTexts(body)
			if resp.StatusCode < 400 || len(shown) == 0 {
				t.Errorf("%s: %d with no error shown", c.name, resp.StatusCode)
				continue
			}
			for _, s := range shown {
				if w := indonesian.FindString(s); w != "" {
					t.Errorf("%s: Indonesian word %q in %q", c.name, w, s)
				}
			}
			if k := rawKey.FindString(body); k != "" {
				t.Errorf("%s: raw message key %q on the page", c.name, k)
			}
		}

		// An import preview names the reasons of rejected rows in English.
		csv := "NIP;NAMA;UNOR_ID;JABATAN_NAMA\n123;Budi;KOMINFO;Staf\n" + storetest.NIPStaff1 + ";;KOMINFO;Staf\n"
		resp, body := admin.postMultipart("/impor", nil, "pegawai.csv", []byte(csv))
		shown := errorTexts(body)
		if resp.StatusCode != 200 || len(shown) < 2 {
			t.Errorf("import preview: %d, reasons %q", resp.StatusCode, shown)
		}
		for _, s := range shown {
			if w := indonesian.FindString(s); w != "" {
				t.Errorf("import reason: Indonesian word %q in %q", w, s)
			}
		}

		// The same mistake for someone who kept Indonesian.
		id := e.browser(t)
		id.signIn(storetest.NIPStaff1, "rahasia-staf1")
		id.post("/profil/bahasa", url.Values{"lang": {"id"}})
		_, body = id.post("/profil/sandi", url.Values{"current_password": {"salah"}, "new_password": {"baru-sekali-1"}})
		if !strings.Contains(body, "Kata sandi sekarang salah") {
			t.Error("an Indonesian user does not read the error in Indonesian")
		}
	})
}

// TestPagesRenderFieldErrors keeps the web and API handlers from showing
// a validation error's Fields, which hold message keys: the web renders
// them through base.Errs and the API through fieldMessages, in the
// reader's language.
func TestPagesRenderFieldErrors(t *testing.T) {
	allowed := regexp.MustCompile(`range ve\.Fields|len\(ve\.Fields\)`)
	fields := regexp.MustCompile(`\.Fields\b`)
	files, _ := filepath.Glob("*.go")
	api, _ := filepath.Glob("../api/*.go")
	for _, f := range append(files, api...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if fields.MatchString(line) && !allowed.MatchString(line) && !strings.Contains(line, "strings.Fields") {
				t.Errorf("%s:%d shows message keys: render ve through b.Errs(ve) (web) or fail (API): %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}

// TestMainPagesInEnglish walks the main pages as people who chose English
// and finds no Indonesian word outside the data the pages show (names of
// people, units, positions and the RHK typed in Indonesian), and no raw
// message key. The panduan perilaku of the BerAKHLAK values, which the
// regulation words and each SKP keeps, are data too.
func TestMainPagesInEnglish(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"), false)
	skp, _ := staffSKP(t, e)
	ctx := context.Background()
	// The data of the fixture, longest first, is removed from the pages'
	// text before the words are looked at.
	data := []string{"Terpeliharanya aplikasi layanan", "Pemerintah Kota Uji"}
	// The panduan perilaku of the BerAKHLAK values are the regulation's
	// own sentences (SE MenPANRB 20/2021), copied into each SKP.
	for _, cv := range model.CoreValues {
		data = append(data, cv.Guides[:]...)
	}
	units, err := e.s.Units(ctx, e.o.Instansi.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		data = append(data, u.Name)
		positions, err := e.s.Positions(ctx, e.o.Instansi.ID, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range positions {
			data = append(data, p.Name)
		}
	}
	people, err := e.s.Employees(ctx, model.EmployeeFilter{InstansiID: e.o.Instansi.ID, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people.Items {
		data = append(data, p.FullName(), p.Name)
	}
	sort.Slice(data, func(i, j int) bool { return len(data[i]) > len(data[j]) })

	script := regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>`)
	text := func(body string) string {
		s := html.UnescapeString(tags.ReplaceAllString(script.ReplaceAllString(body, " "), " "))
		for _, d := range data {
			s = strings.ReplaceAll(s, d, " ")
		}
		return s
	}
	staff, kabid, admin := e.browser(t), e.browser(t), e.browser(t)
	staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
	kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
	admin.signIn("admin", "rahasia-admin")
	pages := map[*browser][]string{
		staff: {"/", "/progres", "/skp", "/skp/" + skp.ID, "/profil", "/sesi", "/kebutuhan", "/tim", "/bimbingan", "/notifikasi", "/pegawai/" + e.o.Staff1.ID},
		kabid: {"/", "/meja", "/skp/matriks", "/tim", "/bimbingan"},
		admin: {"/", "/pegawai", "/unit", "/unit/" + e.o.Kominfo.ID, "/impor", "/audit", "/tahun", "/skp/pantau"},
	}
	for b, paths := range pages {
		if resp, _ := b.post("/profil/bahasa", url.Values{"lang": {"en"}}); resp.StatusCode != 303 {
			t.Fatalf("choose English: %d", resp.StatusCode)
		}
		for _, path := range paths {
			resp, body := b.get(path)
			if resp.StatusCode != 200 {
				t.Errorf("%s: %d", path, resp.StatusCode)
				continue
			}
			s := text(body)
			for _, w := range indonesian.FindAllString(s, -1) {
				i := strings.Index(s, w)
				t.Errorf("%s: Indonesian word %q in %q", path, w, s[max(0, i-60):min(len(s), i+60)])
			}
			if k := rawKey.FindString(s); k != "" {
				t.Errorf("%s: raw message key %q", path, k)
			}
		}
	}
}
