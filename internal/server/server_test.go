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
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// metricsToken is the token the tests' servers serve /metrics to.
const metricsToken = "rahasia-metrik"

func newServer(t *testing.T, s *store.Store) *httptest.Server {
	t.Helper()
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	ts := httptest.NewServer(server.NewWith(a, server.Config{MetricsToken: metricsToken}))
	t.Cleanup(ts.Close)
	return ts
}

// getWith is get with an Authorization header.
func getWith(t *testing.T, url, auth string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
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
		for _, auth := range []string{"", "Bearer salah", "Basic " + metricsToken} {
			if resp, _ := getWith(t, ts.URL+"/metrics", auth); resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("metrics with %q: %d, want 401", auth, resp.StatusCode)
			}
		}
		resp, body := getWith(t, ts.URL+"/metrics", "Bearer "+metricsToken)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Fatalf("metrics: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		for _, want := range []string{
			`kinerja_http_requests_total{route="GET /healthz",status="200"} 2`,
			`kinerja_http_requests_total{route="GET /metrics",status="401"} 3`,
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

// Without a token /metrics is not served with the site; Build hands the
// metrics alone for an address of their own.
func TestMetricsAreNotPublic(t *testing.T) {
	s := storetest.Open(t, "sqlite")
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	site, metrics := server.Build(a, server.Config{})
	ts := httptest.NewServer(site)
	t.Cleanup(ts.Close)
	if resp, body := get(t, ts.URL+"/metrics"); resp.StatusCode == http.StatusOK || strings.Contains(body, "kinerja_http_requests_total") {
		t.Errorf("/metrics without a token: %d", resp.StatusCode)
	}
	ops := httptest.NewServer(metrics)
	t.Cleanup(ops.Close)
	if resp, body := get(t, ops.URL+"/metrics"); resp.StatusCode != http.StatusOK || !strings.Contains(body, `status="404"} 1`) { // the site counted the refused request
		t.Errorf("the operators' metrics: %d %.300s", resp.StatusCode, body)
	}
}

// Behind a proxy that ends TLS the session cookie is Secure and HSTS is
// sent: when the public URL is https, or when a trusted proxy forwards
// https; a forwarded proto from anyone else means nothing.
func TestSecureBehindAProxy(t *testing.T) {
	s := storetest.Open(t, "sqlite")
	o := storetest.SeedOrg(t, s)
	sign := func(t *testing.T, a *app.App, cfg server.Config, proto string) (hsts string, secure bool) {
		t.Helper()
		ts := httptest.NewServer(server.NewWith(a, cfg))
		defer ts.Close()
		req, _ := http.NewRequest("POST", ts.URL+"/api/v1/auth/login", strings.NewReader(`{"username":"`+storetest.NIPStaff1+`","password":"Kinerja-Uji-2026!"}`))
		req.Header.Set("Content-Type", "application/json")
		if proto != "" {
			req.Header.Set("X-Forwarded-Proto", proto)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		page, err := http.Get(ts.URL + "/masuk")
		if err != nil {
			t.Fatal(err)
		}
		page.Body.Close()
		hsts = resp.Header.Get("Strict-Transport-Security")
		req, _ = http.NewRequest("POST", ts.URL+"/masuk", strings.NewReader("username="+storetest.NIPStaff1+"&password=Kinerja-Uji-2026%21"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if proto != "" {
			req.Header.Set("X-Forwarded-Proto", proto)
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		web, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		web.Body.Close()
		for _, c := range web.Cookies() {
			if c.Value != "" {
				secure = c.Secure
			}
		}
		return hsts, secure
	}
	plain := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	if _, err := plain.CreateUser(context.Background(), model.SystemActor(o.Instansi.ID, "test"),
		app.NewUser{EmployeeNIP: storetest.NIPStaff1, Password: "Kinerja-Uji-2026!"}); err != nil {
		t.Fatal(err)
	}
	public := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, PublicURL: "https://kinerja.example.go.id"})
	loopback, err := httpx.ParseProxies("127.0.0.1/32,::1/128")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		a      *app.App
		cfg    server.Config
		proto  string
		secure bool
	}{
		{"plain HTTP", plain, server.Config{}, "", false},
		{"a forwarded proto from an untrusted peer", plain, server.Config{}, "https", false},
		{"a trusted proxy forwarding https", plain, server.Config{TrustedProxies: loopback}, "https", true},
		{"a trusted proxy forwarding http", plain, server.Config{TrustedProxies: loopback}, "http", false},
		{"an https public URL", public, server.Config{}, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hsts, secure := sign(t, tc.a, tc.cfg, tc.proto)
			if secure != tc.secure || (hsts != "") != tc.secure {
				t.Errorf("cookie Secure %v, HSTS %q; want secure %v", secure, hsts, tc.secure)
			}
		})
	}
}
