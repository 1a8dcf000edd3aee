package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestDevice(t *testing.T) {
	id, en := base{Lang: "id"}, base{Lang: "en"}
	cases := []struct {
		s      model.Session
		id, en string
	}{
		{model.Session{UserAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"}, "Edge di Windows", "Edge on Windows"},
		{model.Session{UserAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"}, "Firefox di Linux", "Firefox on Linux"},
		{model.Session{UserAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"}, "Safari di iPhone", "Safari on iPhone"},
		{model.Session{UserAgent: "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36"}, "Samsung Internet di Android", "Samsung Internet on Android"},
		{model.Session{UserAgent: "curl/8.5.0", Kind: "api"}, "curl", "curl"},
		{model.Session{UserAgent: "KinerjaSync/1.0 (integrasi BKPSDM Kota Sawahlunto, build 2026)"}, "KinerjaSync/1.0 (integrasi BKPSDM Kota S…", "KinerjaSync/1.0 (integrasi BKPSDM Kota S…"},
		{model.Session{Kind: "api"}, "Aplikasi (API)", "Application (API)"},
		{model.Session{Kind: "web"}, "Peramban tidak dikenal", "Unknown browser"},
	}
	for _, c := range cases {
		if got := id.Device(c.s); got != c.id {
			t.Errorf("Device(%q) in id = %q, want %q", c.s.UserAgent, got, c.id)
		}
		if got := en.Device(c.s); got != c.en {
			t.Errorf("Device(%q) in en = %q, want %q", c.s.UserAgent, got, c.en)
		}
	}
}

func TestDiffJSON(t *testing.T) {
	cases := []struct {
		name, before, after string
		want                []fieldChange
		ok                  bool
	}{
		{"changed fields in name order", `{"name":"Andi","locale":"id","roles":["asn"]}`, `{"name":"Andi","locale":"en","roles":["asn","auditor"]}`,
			[]fieldChange{{"locale", "id", "en"}, {"roles", `["asn"]`, `["asn","auditor"]`}}, true},
		{"added and removed fields", `{"a":"x","b":null}`, `{"b":"y","c":1}`,
			[]fieldChange{{"a", "x", "—"}, {"b", "—", "y"}, {"c", "—", "1"}}, true},
		{"spacing is no change", `{"a": [1, 2]}`, `{"a":[1,2]}`, nil, true},
		{"creation", ``, `{"a":1}`, nil, false},
		{"deletion", `{"a":1}`, ``, nil, false},
		{"not JSON", `oops`, `{"a":1}`, nil, false},
		{"not an object", `[1]`, `[2]`, nil, false},
	}
	for _, c := range cases {
		got, ok := diffJSON(c.before, c.after)
		if ok != c.ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: diffJSON = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestErrorPages(t *testing.T) {
	u := newUI(app.New(storetest.Open(t, "sqlite"), nil, app.Options{}))
	cases := []struct {
		err    error
		status int
		want   string
	}{
		{errors.New("pq: connection refused at 10.0.0.5"), 500, "Terjadi kesalahan"},
		{fmt.Errorf("load: %w", model.ErrNotFound), 404, "tidak ditemukan"},
		{fmt.Errorf("edit: %w", model.ErrForbidden), 403, "Tidak diizinkan"},
		{model.Invalid("x", "xyzzy-detail"), 400, "tidak dapat diproses"},
		{model.ErrConflict, 409, "Muat ulang halaman"},
		{fmt.Errorf("rate: %w", model.ErrStale), 409, "Muat ulang halaman"},
		{fmt.Errorf("send: %w", model.ErrInvalidTransition), 409, "Muat ulang halaman"},
	}
	for _, c := range cases {
		w := httptest.NewRecorder()
		r := httptest.NewRequest("GET", "/pegawai", nil)
		u.fail(w, r, base{Lang: "id"}, c.err)
		body := w.Body.String()
		if w.Code != c.status || !strings.Contains(body, c.want) || !strings.Contains(body, "<main") {
			t.Errorf("%v: %d, want %d with %q", c.err, w.Code, c.status, c.want)
		}
		if strings.Contains(body, "10.0.0.5") || strings.Contains(body, "xyzzy") {
			t.Errorf("%v: the page shows internal details", c.err)
		}
		if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%v: Content-Type %q", c.err, ct)
		}
	}
	// Unauthenticated goes to the sign-in page instead.
	w := httptest.NewRecorder()
	u.fail(w, httptest.NewRequest("GET", "/", nil), base{Lang: "id"}, model.ErrUnauthenticated)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/masuk" {
		t.Errorf("unauthenticated: %d %s", w.Code, w.Header().Get("Location"))
	}
}

func TestSummaryOf(t *testing.T) {
	cases := []struct{ before, after, want string }{
		{"", `{"ID":"1","NIP":"1990","Name":"Andi Pratama"}`, "Andi Pratama"},
		{`{"username":"admin","display_name":"Admin BKPSDM"}`, `{"username":"admin","display_name":"Admin"}`, "Admin"},
		{`{"Code":"KOMINFO","Name":""}`, "", "KOMINFO"},
		{"", `{"count":3}`, ""},
		{"", "not json", ""},
	}
	for _, c := range cases {
		if got := summaryOf(c.before, c.after); got != c.want {
			t.Errorf("summaryOf(%q, %q) = %q, want %q", c.before, c.after, got, c.want)
		}
	}
}

func TestEveryImportColumnNoteIsTranslated(t *testing.T) {
	id, en := importPage{base: base{Lang: "id"}}, importPage{base: base{Lang: "en"}}
	for _, c := range importer.Columns {
		if c.Hint == "" {
			continue
		}
		if got := id.Note(c.Name, c.Hint); got != c.Hint {
			t.Errorf("%s in Indonesian = %q, want the importer's %q", c.Name, got, c.Hint)
		}
		if got := en.Note(c.Name, c.Hint); got == c.Hint {
			t.Errorf("%s has no English note", c.Name)
		}
	}
}
