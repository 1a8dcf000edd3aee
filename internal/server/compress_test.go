package server_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// fetch asks for path with the given Accept-Encoding and returns the
// response and its body as sent (still compressed when it was).
func fetch(t *testing.T, url, encoding, token string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if encoding != "" {
		req.Header.Set("Accept-Encoding", encoding) // set by hand, the client leaves the body as sent
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// newServerOf serves a over HTTP for the test.
func newServerOf(t *testing.T, a *app.App) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(server.New(a))
	t.Cleanup(ts.Close)
	return ts
}

// apiLogin signs in through the API and returns the bearer token.
func apiLogin(t *testing.T, base, username, password string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"username": username, "password": password})
	resp, err := http.Post(base+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Token string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Token == "" {
		t.Fatalf("sign in as %s: %d, %v", username, resp.StatusCode, err)
	}
	return out.Token
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("broken gzip: %v", err)
	}
	return string(plain)
}

// Pages, styles, scripts and JSON answers are gzip-compressed for a client
// that accepts it and sent plain to one that does not; an event stream is
// never compressed and still arrives as it is written.
func TestTextIsCompressed(t *testing.T) {
	s := storetest.Open(t, "sqlite")
	o := storetest.SeedOrg(t, s)
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	if _, err := a.CreateUser(context.Background(), model.SystemActor(o.Instansi.ID, "test"),
		app.NewUser{EmployeeNIP: storetest.NIPStaff1, Password: "rahasia-staf1"}); err != nil {
		t.Fatal(err)
	}
	ts := newServerOf(t, a)

	resp, plain := fetch(t, ts.URL+"/masuk", "", "")
	if resp.Header.Get("Content-Encoding") != "" || !strings.Contains(string(plain), "<!doctype html>") {
		t.Fatalf("a client without gzip gets %q", resp.Header.Get("Content-Encoding"))
	}
	css := regexp.MustCompile(`/static/[^"]+/app\.css`).FindString(string(plain))
	js := regexp.MustCompile(`/static/[^"]+/app\.js`).FindString(string(plain))
	if css == "" || js == "" {
		t.Fatal("the sign-in page links no style or script")
	}
	token := apiLogin(t, ts.URL, storetest.NIPStaff1, "rahasia-staf1")
	for _, c := range []struct{ path, token, want string }{
		{"/masuk", "", "<!doctype html>"},
		{css, "", ":root"},
		{js, "", "function"},
		{"/api/v1/openapi.json", "", `"openapi"`},
		{"/api/v1/me", token, `"username"`},
	} {
		resp, body := fetch(t, ts.URL+c.path, "br;q=1, gzip;q=0.8", c.token)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: %d, Content-Encoding %q", c.path, resp.StatusCode, resp.Header.Get("Content-Encoding"))
			continue
		}
		if !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") || resp.Header.Get("Content-Length") != "" && resp.ContentLength != int64(len(body)) {
			t.Errorf("%s: Vary %q, Content-Length %q of %d bytes", c.path, resp.Header.Get("Vary"), resp.Header.Get("Content-Length"), len(body))
		}
		if got := gunzip(t, body); !strings.Contains(got, c.want) {
			t.Errorf("%s: the unpacked body lacks %q", c.path, c.want)
		}
		if len(body) >= len(gunzip(t, body)) {
			t.Errorf("%s: %d bytes compressed is no smaller", c.path, len(body))
		}
	}
	if resp, _ := fetch(t, ts.URL+"/masuk", "gzip;q=0, identity", ""); resp.Header.Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 is compressed all the same")
	}

	// The event stream: plain, and its first bytes arrive at once.
	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/events", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("Authorization", "Bearer "+token)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // a guard, not a measure
	defer cancel()
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") || resp.Header.Get("Content-Encoding") != "" {
		t.Fatalf("event stream: %s, Content-Encoding %q", resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"))
	}
	if line, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil || !strings.Contains(line, ":") {
		t.Errorf("the stream's first line = %q, %v", line, err)
	}
}
