package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// indonesian finds words that only an Indonesian sentence has; the
// regulation's own terms (SKP, RHK, predikat, realisasi, bukti dukung,
// perangkat daerah...) are allowed in English text and are not listed.
var indonesian = regexp.MustCompile(`(?i)\b(tidak|wajib|harus|belum|sudah|isi|pilih|dan|atau|yang|untuk|dengan|kosong|berkas|baris|kolom|tanggal|silakan|kirim|periksa|terlalu|ditemukan|diizinkan|masuk|coba|lagi|Anda)\b`)

// rawKey finds a catalog key shown instead of its text.
var rawKey = regexp.MustCompile(`\b(invalid|problem|import|version)\.[a-z]`)

// english fails when text, shown to a user who chose English, holds an
// Indonesian sentence or a raw message key.
func english(t *testing.T, what, text string) {
	t.Helper()
	if w := indonesian.FindString(text); w != "" {
		t.Errorf("%s: Indonesian word %q in %q", what, w, text)
	}
	if k := rawKey.FindString(text); k != "" {
		t.Errorf("%s: raw message key in %q", what, text)
	}
}

// TestProblemsInTheReadersLanguage sends invalid and malformed requests as
// users who chose English (and as a visitor whose browser asks for
// English) and finds no Indonesian in the problem titles, details, field
// errors or import reasons; the codes of a validation problem are catalog
// keys. An Indonesian user still reads Indonesian.
func TestProblemsInTheReadersLanguage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		for _, tok := range []string{admin, staff} {
			b, _ := json.Marshal(map[string]string{"locale": "en"})
			if r := e.do(t, "PATCH", "/api/v1/me", tok, "application/json", b); r.status != 200 {
				t.Fatalf("choose English: %d %s", r.status, r.body)
			}
		}
		js := func(v any) []byte { b, _ := json.Marshal(v); return b }
		cases := []struct {
			name, method, path, token, ct string
			body                          []byte
			status                        int
		}{
			{"create an SKP in a closed year", "POST", "/api/v1/skps", staff, "application/json",
				js(map[string]any{"employee_id": e.o.Staff1.ID, "year": 2027, "approach": "campuran"}), 422},
			{"empty progress", "POST", "/api/v1/progress", staff, "application/json", js(map[string]any{"date": "2999-01-01", "minutes": 0, "output": "banyak"}), 422},
			{"empty feedback", "POST", "/api/v1/feedback", staff, "application/json", js(map[string]any{"target_type": "x"}), 422},
			{"empty need", "POST", "/api/v1/needs", staff, "application/json", js(map[string]any{"kind": "laptop"}), 422},
			{"short password", "POST", "/api/v1/me/password", staff, "application/json", js(map[string]any{"current_password": "salah", "new_password": "pendek"}), 422},
			{"bad limit", "GET", "/api/v1/employees?limit=0", staff, "", nil, 422},
			{"bad cursor", "GET", "/api/v1/employees?cursor=%21%21", staff, "", nil, 422},
			{"NUL in the search", "GET", "/api/v1/employees?q=%00", staff, "", nil, 422},
			{"unknown field", "POST", "/api/v1/feedback", staff, "application/json", []byte(`{"body":"a","admin":true}`), 422},
			{"wrong value type", "POST", "/api/v1/feedback", staff, "application/json", []byte(`{"body":1}`), 422},
			{"broken JSON", "POST", "/api/v1/feedback", staff, "application/json", []byte(`{"body":`), 400},
			{"syntax error", "POST", "/api/v1/feedback", staff, "application/json", []byte(`{"body" "a"}`), 400},
			{"not an object", "POST", "/api/v1/feedback", staff, "application/json", []byte(`[1]`), 400},
			{"two objects", "POST", "/api/v1/feedback", staff, "application/json", []byte(`{} {}`), 400},
			{"empty body", "POST", "/api/v1/feedback", staff, "application/json", nil, 422},
			{"wrong content type", "POST", "/api/v1/feedback", staff, "text/plain", []byte(`{}`), 415},
			{"forbidden", "GET", "/api/v1/audit", staff, "", nil, 403},
			{"not found", "GET", "/api/v1/employees/nope", staff, "", nil, 404},
			{"unknown path", "GET", "/api/v1/nothing-here", staff, "", nil, 404},
			{"wrong method", "DELETE", "/api/v1/employees", staff, "", nil, 405},
			{"import without a file", "POST", "/api/v1/imports/employees", admin, "application/json", []byte(`{}`), 422},
		}
		for _, c := range cases {
			r := e.do(t, c.method, c.path, c.token, c.ct, c.body)
			p := problem(t, r, c.status)
			for _, k := range []string{"title", "detail"} {
				s, _ := p[k].(string)
				english(t, c.name+" "+k, s)
			}
			errs, _ := p["errors"].(map[string]any)
			codes, _ := p["codes"].(map[string]any)
			if c.status == 422 && (len(errs) == 0 || len(codes) != len(errs)) {
				t.Errorf("%s: errors %v, codes %v", c.name, errs, codes)
			}
			for f, m := range errs {
				s, _ := m.(string)
				english(t, c.name+" field "+f, s)
				if key, _ := codes[f].(string); locale.T("en", key) == key {
					t.Errorf("%s: code of %s is %q, not a catalog key", c.name, f, key)
				}
			}
		}

		// A write with a stale version is a conflict that says the record
		// changed since it was read.
		if r := e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026, "period_kind": "quarterly"}); r.status != 201 {
			t.Fatalf("open the year: %d %s", r.status, r.body)
		}
		r0 := e.post(t, "/api/v1/skps", staff, map[string]any{"employee_id": e.o.Staff1.ID, "year": 2026, "approach": "kuantitatif"})
		if r0.status != 201 {
			t.Fatalf("create SKP: %d %s", r0.status, r0.body)
		}
		id, _ := r0.json(t)["id"].(string)
		r := e.post(t, "/api/v1/skps/"+id+"/rhk", staff, map[string]any{"kind": "tambahan", "description": "Menata arsip", "version": 99})
		if p := problem(t, r, 409); !strings.Contains(p["detail"].(string), "changed since you read it") {
			t.Errorf("stale version: %v", p)
		}
		english(t, "conflict", string(r.body))

		// A visitor without an account is answered in the language the
		// browser asks for.
		r = e.doLang(t, "GET", "/api/v1/me", "", "fr;q=0.9, en;q=0.8")
		english(t, "unauthenticated", problem(t, r, 401)["detail"].(string))
		r = e.doLang(t, "POST", "/api/v1/auth/login", `{"username":"admin","password":"salah"}`, "en-GB")
		english(t, "wrong password", problem(t, r, 401)["detail"].(string))

		// The import report's rejected rows read in English too.
		rep := upload(t, e, admin, "pegawai.csv", "NIP;NAMA;UNOR_ID;JABATAN_NAMA\n123;Budi;KOMINFO;Staf\n"+storetest.NIPStaff1+";;KOMINFO;Staf\n", nil)
		if rep.status != 200 {
			t.Fatalf("import: %d %s", rep.status, rep.body)
		}
		rows, _ := rep.json(t)["rows"].([]any)
		if len(rows) != 2 {
			t.Fatalf("import rows = %v", rows)
		}
		for _, row := range rows {
			reason, _ := row.(map[string]any)["reason"].(string)
			if reason == "" {
				t.Errorf("row without a reason: %v", row)
			}
			english(t, "import reason", reason)
		}
		r = upload(t, e, admin, "pegawai.csv", "NIP;NAMA\n1;2\n", nil)
		for _, m := range problem(t, r, 422)["errors"].(map[string]any) {
			english(t, "import file", m.(string))
		}

		// The same mistake, for a user who kept Indonesian.
		r = e.get(t, "/api/v1/employees?limit=0", kabid)
		if p := problem(t, r, 422); p["title"] != "Data tidak valid" || !strings.Contains(p["detail"].(string), "limit harus bilangan") {
			t.Errorf("Indonesian problem = %v", p)
		}
	})
}

// doLang sends a request with an Accept-Language header and no token.
func (e env) doLang(t *testing.T, method, path, body, lang string) response {
	t.Helper()
	req, _ := http.NewRequest(method, e.url+path, strings.NewReader(body))
	req.Header.Set("Accept-Language", lang)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header, b}
}
