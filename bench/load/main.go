// Command load measures Kinerja's throughput and latency on the demo city.
//
// It starts a server in this process on a fresh SQLite database (or the
// database given with -db), builds the demo city, signs in, and then runs a
// fixed number of concurrent clients against each target for a fixed time:
// a trivial handler (/healthz) as the baseline, the directory page, the
// employees API, a supervisor's SKP page, team list and desk. It prints
// requests per second, p50/p99 latency, errors, and the SQL statements one
// request costs (the store's count over the target's run, divided by its
// requests).
//
//	go run ./bench/load -duration 10s -clients 16
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/cli"
	"github.com/kinerja-id/kinerja/internal/demo"
)

func main() {
	duration := flag.Duration("duration", 10*time.Second, "how long to load each target")
	clients := flag.Int("clients", 16, "concurrent clients")
	db := flag.String("db", "", "database (default: a new SQLite file in a temporary folder)")
	flag.Parse()
	if err := run(*duration, *clients, *db); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

type target struct {
	name, path string
	auth       string // "cookie", "bearer" or ""
}

func run(duration time.Duration, clients int, db string) error {
	ctx := context.Background()
	if db == "" {
		dir, err := os.MkdirTemp("", "kinerja-load-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		db = filepath.Join(dir, "kinerja.db")
	}
	srv, err := cli.Start(ctx, cli.ServerConfig{Addr: "127.0.0.1:0", DB: db, Demo: true, Out: io.Discard})
	if err != nil {
		return err
	}
	defer srv.Close()

	token, err := login(srv.URL, "admin", "sawahlunto")
	if err != nil {
		return err
	}
	boss, bossSKP, err := supervisor(ctx, srv)
	if err != nil {
		return err
	}
	targets := []target{
		{"trivial handler (GET /healthz)", "/healthz", ""},
		{"directory page (GET /pegawai)", "/pegawai", "cookie"},
		{"directory search (GET /pegawai?q=siti)", "/pegawai?q=siti", "cookie"},
		{"employees API (GET /api/v1/employees)", "/api/v1/employees", "bearer"},
		{"employees API, 200 per page", "/api/v1/employees?limit=200", "bearer"},
		{"supervisor's SKP page (GET /skp/{id})", "/skp/" + bossSKP, "boss"},
		{"supervisor's team SKP list (GET /skp)", "/skp", "boss"},
		{"supervisor's desk (GET /meja)", "/meja", "boss"},
	}
	fmt.Printf("Kinerja load run: %s, %d CPU, %s, engine %s, %d clients, %s per target\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.NumCPU(), runtime.Version(), srv.App.Engine(), clients, duration)
	fmt.Printf("| target | requests/s | p50 ms | p99 ms | errors | SQL statements per request |\n|---|---:|---:|---:|---:|---:|\n")
	for _, t := range targets {
		tok := token
		if t.auth == "boss" {
			tok, t.auth = boss, "cookie"
		}
		before := srv.App.Statements()
		r := load(srv.URL, t, tok, clients, duration)
		perRequest := float64(srv.App.Statements()-before) / float64(max(r.n, 1))
		fmt.Printf("| %s | %.0f | %.2f | %.2f | %d | %.1f |\n", t.name, r.rps, ms(r.p50), ms(r.p99), r.errors, perRequest)
	}
	return nil
}

// supervisor signs in the demo's kepala bidang and finds their SKP through
// the API, as a client would.
func supervisor(ctx context.Context, srv *cli.Server) (token, skpID string, err error) {
	accounts, err := demo.Accounts(ctx, srv.Store, srv.App)
	if err != nil {
		return "", "", err
	}
	for _, a := range accounts {
		if a.Role != "Kepala bidang (atasan langsung)" {
			continue
		}
		if token, err = login(srv.URL, a.Username, demo.Password); err != nil {
			return "", "", err
		}
		var me struct {
			Employee struct {
				ID string `json:"id"`
			} `json:"employee"`
		}
		if err := getJSON(srv.URL+"/api/v1/me", token, &me); err != nil {
			return "", "", err
		}
		var list struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		if err := getJSON(srv.URL+"/api/v1/skps?employee="+me.Employee.ID, token, &list); err != nil {
			return "", "", err
		}
		if len(list.Items) == 0 {
			return "", "", fmt.Errorf("the supervisor has no SKP")
		}
		return token, list.Items[0].ID, nil
	}
	return "", "", fmt.Errorf("no supervisor among the demo accounts")
}

// getJSON reads a JSON answer with a bearer token.
func getJSON(url, token string, v any) error {
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func login(base, user, pw string) (string, error) {
	body, _ := json.Marshal(map[string]string{"username": user, "password": pw})
	resp, err := http.Post(base+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct{ Token string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Token == "" {
		return "", fmt.Errorf("sign in as %s: status %d", user, resp.StatusCode)
	}
	return out.Token, nil
}

type result struct {
	n        int // requests answered
	rps      float64
	p50, p99 time.Duration
	errors   int
}

func load(base string, t target, token string, clients int, duration time.Duration) result {
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for time.Now().Before(deadline) {
				req, _ := http.NewRequest("GET", base+t.path, nil)
				switch t.auth {
				case "cookie":
					req.AddCookie(&http.Cookie{Name: "kinerja_session", Value: token})
				case "bearer":
					req.Header.Set("Authorization", "Bearer "+token)
				}
				s := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					bad++
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mine = append(mine, time.Since(s))
				if resp.StatusCode != http.StatusOK {
					bad++
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(float64(len(lat))*p))]
	}
	return result{n: len(lat), rps: float64(len(lat)) / elapsed.Seconds(), p50: pct(0.50), p99: pct(0.99), errors: errs}
}
