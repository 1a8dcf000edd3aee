package server_test

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// signInServer serves an instansi whose staff member (NIPStaff1, password
// rahasia-staf1) can sign in; checks counts the passwords checked.
func signInServer(t *testing.T, s *store.Store, cfg server.Config) (url string, checks *atomic.Int64) {
	t.Helper()
	checks = new(atomic.Int64)
	o := storetest.SeedOrg(t, s)
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1},
		OnPasswordCheck: func() { checks.Add(1) }})
	if _, err := a.CreateUser(context.Background(), model.SystemActor(o.Instansi.ID, "test"),
		app.NewUser{EmployeeNIP: storetest.NIPStaff1, Password: "rahasia-staf1"}); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.NewWith(a, cfg))
	t.Cleanup(ts.Close)
	return ts.URL, checks
}

// clientFrom is an HTTP client whose connections leave from a loopback
// address of its own (Linux answers on all of 127.0.0.0/8).
func clientFrom(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 64}}
}

func signIn(t *testing.T, c *http.Client, url, password, forwardedFor string) *http.Response {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"username": storetest.NIPStaff1, "password": password})
	req, _ := http.NewRequest("POST", url+"/api/v1/auth/login", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	if forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", forwardedFor)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// attack sends 64 wrong passwords at once and answers the statuses.
func attack(t *testing.T, c *http.Client, url, forwardedFor string) map[int]int {
	t.Helper()
	var wg sync.WaitGroup
	var mu sync.Mutex
	statuses := map[int]int{}
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp := signIn(t, c, url, "tebakan-salah", forwardedFor)
			mu.Lock()
			statuses[resp.StatusCode]++
			mu.Unlock()
			if resp.StatusCode == http.StatusTooManyRequests {
				if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || s < 1 {
					t.Errorf("429 with Retry-After %q", resp.Header.Get("Retry-After"))
				}
			}
		}()
	}
	wg.Wait()
	return statuses
}

func TestOwnerSignsInWhileAnotherAddressAttacks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		url, checks := signInServer(t, s, server.Config{})
		statuses := attack(t, clientFrom("127.0.0.2"), url, "")
		if checks.Load() > 5 || statuses[http.StatusUnauthorized] != int(checks.Load()) || statuses[http.StatusTooManyRequests] != 64-int(checks.Load()) {
			t.Fatalf("64 parallel wrong passwords: %d checked, statuses %v", checks.Load(), statuses)
		}
		if resp := signIn(t, clientFrom("127.0.0.2"), url, "rahasia-staf1", ""); resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("the attacking address right away: %d", resp.StatusCode)
		}
		if resp := signIn(t, clientFrom("127.0.0.1"), url, "rahasia-staf1", ""); resp.StatusCode != http.StatusOK {
			t.Fatalf("the owner from another address: %d", resp.StatusCode)
		}
		// A forwarded address from a peer that is not a trusted proxy is
		// not believed: the attacker cannot pass for the owner.
		if resp := signIn(t, clientFrom("127.0.0.2"), url, "rahasia-staf1", "127.0.0.1"); resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("the attacker forging X-Forwarded-For: %d", resp.StatusCode)
		}
	})
}

func TestBehindTrustedProxyClientsAreTheForwardedAddresses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		proxies, err := httpx.ParseProxies("127.0.0.1/32")
		if err != nil {
			t.Fatal(err)
		}
		url, checks := signInServer(t, s, server.Config{TrustedProxies: proxies})
		proxy := clientFrom("127.0.0.1")
		// The attacker writes a hop of their own on the left; the proxy
		// appends the address it saw.
		statuses := attack(t, proxy, url, "192.0.2.1, 203.0.113.66")
		if checks.Load() > 5 || statuses[http.StatusTooManyRequests] < 59 {
			t.Fatalf("through the proxy: %d checked, statuses %v", checks.Load(), statuses)
		}
		if resp := signIn(t, proxy, url, "rahasia-staf1", "192.0.2.1"); resp.StatusCode != http.StatusOK {
			t.Fatalf("the owner behind the same proxy: %d", resp.StatusCode)
		}
		if resp := signIn(t, proxy, url, "rahasia-staf1", "203.0.113.66"); resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("the attacker behind the proxy: %d", resp.StatusCode)
		}
	})
}
