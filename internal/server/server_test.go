package server_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func newServer(t *testing.T, s *store.Store) *httptest.Server {
	t.Helper()
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	ts := httptest.NewServer(server.New(a))
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestOperationsEndpoints(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ts := newServer(t, s)
		if resp, body := get(t, ts.URL+"/healthz"); resp.StatusCode != 200 || strings.TrimSpace(body) != "ok" {
			t.Errorf("healthz: %d %q", resp.StatusCode, body)
		}
		if resp, body := get(t, ts.URL+"/readyz"); resp.StatusCode != 200 || strings.TrimSpace(body) != "ready" {
			t.Errorf("readyz: %d %q", resp.StatusCode, body)
		}
		get(t, ts.URL+"/healthz")
		resp, body := get(t, ts.URL+"/metrics")
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Fatalf("metrics: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		for _, want := range []string{
			`kinerja_http_requests_total{route="GET /healthz",status="200"} 2`,
			`kinerja_http_request_duration_seconds_bucket{route="GET /healthz",status="200",le="+Inf"} 2`,
			`kinerja_http_requests_total{route="GET /readyz",status="200"} 1`,
			"kinerja_db_open_connections", "go_goroutines", "go_info{version=",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("metrics lack %q", want)
			}
		}
	})
}

func TestReadyzFailsWhenTheDatabaseIsGone(t *testing.T) {
	s := storetest.Open(t, "sqlite")
	ts := newServer(t, s)
	s.Close()
	if resp, body := get(t, ts.URL+"/readyz"); resp.StatusCode != http.StatusServiceUnavailable || strings.TrimSpace(body) != "database unreachable" {
		t.Errorf("readyz with a closed database: %d %q", resp.StatusCode, body)
	}
	if resp, _ := get(t, ts.URL+"/healthz"); resp.StatusCode != 200 {
		t.Errorf("healthz must not depend on the database: %d", resp.StatusCode)
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := newServer(t, storetest.Open(t, "sqlite"))
	resp, _ := get(t, ts.URL+"/healthz")
	csp := resp.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	for h, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "same-origin",
		"X-Frame-Options":        "DENY",
	} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
}

func TestCrossOriginPostsAreRefused(t *testing.T) {
	ts := newServer(t, storetest.Open(t, "sqlite"))
	for _, c := range []struct {
		name    string
		headers map[string]string
		refused bool
	}{
		{"a cross-site form post", map[string]string{"Sec-Fetch-Site": "cross-site"}, true},
		{"another origin", map[string]string{"Origin": "https://evil.example"}, true},
		{"same origin", map[string]string{"Sec-Fetch-Site": "same-origin"}, false},
		{"a non-browser client", nil, false},
	} {
		req, _ := http.NewRequest("POST", ts.URL+"/api/v1/auth/login", strings.NewReader(`{"username":"x","password":"y"}`))
		req.Header.Set("Content-Type", "application/json")
		for k, v := range c.headers {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if refused := resp.StatusCode == http.StatusForbidden; refused != c.refused {
			t.Errorf("%s: status %d, refused=%v want %v", c.name, resp.StatusCode, refused, c.refused)
		}
	}
}

// TestCrossOriginRefusalSpeaksTheReadersLanguage checks a refused
// cross-site request gets a page (or, under /api/, a problem) in the
// reader's language, not Go's plain English text.
func TestCrossOriginRefusalSpeaksTheReadersLanguage(t *testing.T) {
	ts := newServer(t, storetest.Open(t, "sqlite"))
	for _, c := range []struct {
		path, body, lang, cookie, ctype, want string
	}{
		{"/bahasa", "lang=id", "", "", "text/html", "Permintaan ditolak"},
		{"/bahasa", "lang=id", "", "en", "text/html", "Request refused"},
		{"/api/v1/auth/login", `{"username":"x","password":"y"}`, "en", "", "application/problem+json", "Cross-site request refused"},
		{"/api/v1/auth/login", `{"username":"x","password":"y"}`, "id", "", "application/problem+json", "Permintaan lintas situs ditolak"},
	} {
		req, _ := http.NewRequest("POST", ts.URL+c.path, strings.NewReader(c.body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		if c.lang != "" {
			req.Header.Set("Accept-Language", c.lang)
		}
		if c.cookie != "" {
			req.AddCookie(&http.Cookie{Name: "lang", Value: c.cookie})
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(b)
		if resp.StatusCode != http.StatusForbidden || !strings.HasPrefix(resp.Header.Get("Content-Type"), c.ctype) ||
			!strings.Contains(body, c.want) || strings.Contains(body, "cross-origin request detected") {
			t.Errorf("POST %s (%s%s): %d %s %q", c.path, c.lang, c.cookie, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
}

func TestReadyzWaitsForMigrations(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "kinerja.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ts := newServer(t, s)
	resp, body := get(t, ts.URL+"/readyz")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.HasPrefix(body, "migrations pending: ") || strings.HasPrefix(body, "migrations pending: 0") {
		t.Errorf("readyz before migrating: %d %q", resp.StatusCode, body)
	}
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	if resp, body := get(t, ts.URL+"/readyz"); resp.StatusCode != 200 || strings.TrimSpace(body) != "ready" {
		t.Errorf("readyz after migrating: %d %q", resp.StatusCode, body)
	}
}
