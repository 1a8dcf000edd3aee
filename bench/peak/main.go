// Command peak measures the morning peak of daily progress: every ASN of
// the demo city sends a progress entry with a small photo within a few
// minutes, while supervisors hold their live event streams open.
//
// It starts a server in this process on a fresh SQLite database (or the
// database given with -db), builds the demo city, signs everyone in, opens
// the supervisors' streams, and then lets each ASN send, at a random moment
// of the window, POST /api/v1/progress and POST /api/v1/evidence. It prints
// throughput, latency percentiles and errors of the sends, how long each
// entry took to reach its supervisor's open stream, and, for comparison,
// how many single-row commits per second the same database file takes.
//
//	go run ./bench/peak -asn 2000 -supervisors 200 -window 2m
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/cli"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

func main() {
	asn := flag.Int("asn", 2000, "ASN sending an entry with a photo")
	sups := flag.Int("supervisors", 200, "supervisors holding an event stream open")
	window := flag.Duration("window", 2*time.Minute, "the morning peak: every ASN sends once at a random moment of it")
	db := flag.String("db", "", "database (default: a new SQLite file in a temporary folder)")
	flag.Parse()
	if err := run(*asn, *sups, *window, *db); err != nil {
		fmt.Fprintln(os.Stderr, "peak:", err)
		os.Exit(1)
	}
}

type person struct {
	nip, employeeID, rhkID, token string
}

func run(nASN, nSup int, window time.Duration, db string) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "kinerja-peak-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if db == "" {
		db = filepath.Join(dir, "kinerja.db")
	}
	// Sign-in cost is not what this run measures: the demo's one shared
	// password hash is made cheap so that 2,200 sign-ins take seconds.
	srv, err := cli.Start(ctx, cli.ServerConfig{Addr: "127.0.0.1:0", DB: db, Demo: true, Out: io.Discard, Log: io.Discard,
		DataDir: dir, Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	if err != nil {
		return err
	}
	defer srv.Close()
	asns, sups, err := people(ctx, srv, nASN, nSup)
	if err != nil {
		return err
	}
	tr := &http.Transport{MaxIdleConnsPerHost: 512, MaxConnsPerHost: 0, IdleConnTimeout: time.Minute}
	client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	if asns, err = signIn(client, srv.URL, asns); err != nil {
		return err
	}
	if sups, err = signIn(client, srv.URL, sups); err != nil {
		return err
	}

	// The supervisors' streams: when did each entry reach its supervisor?
	var sentAt sync.Map // entry id → time the send was answered
	var delivered []time.Duration
	var dmu sync.Mutex
	var streamsUp sync.WaitGroup
	streamErrs := atomic.Int64{}
	sctx, stopStreams := context.WithCancel(ctx)
	for _, s := range sups {
		streamsUp.Add(1)
		go func() {
			req, _ := http.NewRequestWithContext(sctx, "GET", srv.URL+"/api/v1/events", nil)
			req.Header.Set("Authorization", "Bearer "+s.token)
			resp, err := (&http.Client{Transport: tr}).Do(req)
			streamsUp.Done()
			if err != nil || resp.StatusCode != 200 {
				streamErrs.Add(1)
				return
			}
			defer resp.Body.Close()
			sc := bufio.NewScanner(resp.Body)
			typ := ""
			for sc.Scan() {
				line := sc.Text()
				switch {
				case strings.HasPrefix(line, "event: "):
					typ = line[7:]
				case strings.HasPrefix(line, "data: ") && typ == "progress.submitted":
					got := time.Now()
					var d struct{ ID string }
					json.Unmarshal([]byte(line[6:]), &d)
					for i := 0; i < 200; i++ { // the answer may arrive a moment after the event
						if t, ok := sentAt.Load(d.ID); ok {
							dmu.Lock()
							delivered = append(delivered, max(0, got.Sub(t.(time.Time))))
							dmu.Unlock()
							break
						}
						time.Sleep(5 * time.Millisecond)
					}
				}
			}
		}()
	}
	streamsUp.Wait()
	time.Sleep(500 * time.Millisecond)

	photo := blob.SampleJPEG(640, 480, 42) // a small photo, as a phone sends it after resizing
	// The demo city works by WIB.
	today := model.DefaultTimeZone.Today(srv.App.Now())
	rng := rand.New(rand.NewPCG(7, 7))
	var lat []time.Duration
	var lmu sync.Mutex
	errs := atomic.Int64{}
	start := time.Now()
	var wg sync.WaitGroup
	// Supervisors are ASN too: they send their own day's entry as well.
	senders := append(append([]*person{}, asns...), sups...)
	for _, p := range senders {
		at := time.Duration(rng.Int64N(int64(window)))
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(at)
			body, _ := json.Marshal(map[string]any{"date": today, "rhk_id": p.rhkID, "description": "Melayani permohonan masyarakat",
				"output": "3 permohonan", "minutes": 120})
			t0 := time.Now()
			req, _ := http.NewRequest("POST", srv.URL+"/api/v1/progress", bytes.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+p.token)
			req.Header.Set("Content-Type", "application/json")
			var entry struct{ ID string }
			status, err := do(client, req, &entry)
			t1 := time.Now()
			if err != nil || status != 201 {
				errs.Add(1)
				return
			}
			sentAt.Store(entry.ID, t1)
			var buf bytes.Buffer
			w := multipart.NewWriter(&buf)
			w.WriteField("target_type", "progress")
			w.WriteField("target_id", entry.ID)
			f, _ := w.CreateFormFile("file", "IMG_0412.JPG")
			f.Write(photo)
			w.Close()
			req, _ = http.NewRequest("POST", srv.URL+"/api/v1/evidence", &buf)
			req.Header.Set("Authorization", "Bearer "+p.token)
			req.Header.Set("Content-Type", w.FormDataContentType())
			status, err = do(client, req, nil)
			t2 := time.Now()
			if err != nil || status != 201 {
				errs.Add(1)
			}
			lmu.Lock()
			lat = append(lat, t1.Sub(t0), t2.Sub(t1))
			lmu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	time.Sleep(2 * time.Second) // let the last events arrive
	stopStreams()

	slices.Sort(lat)
	dmu.Lock()
	slices.Sort(delivered)
	dmu.Unlock()
	fmt.Printf("Kinerja morning peak: %s, %d CPU, %s, engine %s\n", time.Now().UTC().Format("2006-01-02"), runtime.NumCPU(),
		runtime.Version(), srv.Store.Engine())
	fmt.Printf("%d ASN (%d supervisors among them) each send POST /api/v1/progress then POST /api/v1/evidence (a %d-byte JPEG) at a random moment of %s;\n",
		len(senders), len(sups), len(photo), window)
	fmt.Printf("%d supervisors hold GET /api/v1/events open (%d streams failed).\n\n", len(sups), streamErrs.Load())
	fmt.Printf("| measure | value |\n|---|---:|\n")
	fmt.Printf("| requests | %d in %s |\n", len(lat), elapsed.Round(time.Second))
	fmt.Printf("| requests/s over the window | %.1f |\n", float64(len(lat))/elapsed.Seconds())
	fmt.Printf("| request p50 / p99 / max | %s / %s / %s |\n", pct(lat, .5), pct(lat, .99), pct(lat, 1))
	fmt.Printf("| errors | %d |\n", errs.Load())
	fmt.Printf("| entries seen on a supervisor's open stream | %d of %d |\n", len(delivered), len(senders))
	fmt.Printf("| delivery to the stream p50 / p99 / max | %s / %s / %s |\n", pct(delivered, .5), pct(delivered, .99), pct(delivered, 1))
	return commitRate(ctx, srv.Store)
}

// commitRate measures, on the same database, how many single-row
// transactions per second it commits: one writer, then sixteen.
func commitRate(ctx context.Context, s *store.Store) error {
	db := s.DB()
	if _, err := db.ExecContext(ctx, `CREATE TABLE bench_commits (id TEXT PRIMARY KEY, at TEXT NOT NULL)`); err != nil {
		return err
	}
	q := `INSERT INTO bench_commits (id, at) VALUES (?, ?)`
	if s.Engine() == "postgres" {
		q = `INSERT INTO bench_commits (id, at) VALUES ($1, $2)`
	}
	for _, writers := range []int{1, 16} {
		var n atomic.Int64
		deadline := time.Now().Add(5 * time.Second)
		var wg sync.WaitGroup
		for range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for time.Now().Before(deadline) {
					if _, err := db.ExecContext(ctx, q, model.NewID(), time.Now().UTC().Format(time.RFC3339Nano)); err == nil {
						n.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		fmt.Printf("| single-row commits/s, %d writer(s), same database | %.0f |\n", writers, float64(n.Load())/5)
	}
	return nil
}

func pct(l []time.Duration, p float64) string {
	if len(l) == 0 {
		return "–"
	}
	return l[min(len(l)-1, int(float64(len(l))*p))].Round(100 * time.Microsecond).String()
}

func do(c *http.Client, req *http.Request, into any) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if into != nil {
		return resp.StatusCode, json.NewDecoder(resp.Body).Decode(into)
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// people picks the ASN (with the RHK of their approved SKP when they have
// one) and the supervisors of the demo city.
func people(ctx context.Context, srv *cli.Server, nASN, nSup int) (asns, sups []*person, err error) {
	a, db := srv.App, srv.Store
	all, err := db.AllInstansi(ctx)
	if err != nil || len(all) == 0 {
		return nil, nil, fmt.Errorf("no demo city: %v", err)
	}
	in := all[0].ID
	chart, err := a.OrgChart(ctx, in)
	if err != nil {
		return nil, nil, err
	}
	skps, err := db.SKPs(ctx, store.SKPFilter{InstansiID: in, Year: a.Today(ctx, in).Time().Year(), Status: model.SKPApproved})
	if err != nil {
		return nil, nil, err
	}
	rhkOf := map[string]string{}
	for _, s := range skps {
		full, err := db.SKP(ctx, s.ID)
		if err == nil && len(full.RHK) > 0 {
			rhkOf[s.EmployeeID] = full.RHK[0].ID
		}
	}
	// Supervisors first, then their teams, so that most entries have an
	// open stream to reach; then everyone else.
	picked := map[string]bool{}
	var cursor string
	var everyone []model.Employee
	for {
		page, err := db.Employees(ctx, model.EmployeeFilter{InstansiID: in, Cursor: cursor, Limit: 200})
		if err != nil {
			return nil, nil, err
		}
		everyone = append(everyone, page.Items...)
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	byID := map[string]model.Employee{}
	for _, e := range everyone {
		byID[e.ID] = e
	}
	for _, e := range everyone {
		if len(sups) < nSup && chart.IsRater(e.ID) && e.PositionID != "" {
			sups = append(sups, &person{nip: e.NIP, employeeID: e.ID, rhkID: rhkOf[e.ID]})
			picked[e.ID] = true
		}
	}
	for _, s := range sups {
		for _, id := range chart.Team(s.employeeID) {
			if e, ok := byID[id]; ok && !picked[id] && len(asns) < nASN && !chart.IsRater(id) {
				asns = append(asns, &person{nip: e.NIP, employeeID: e.ID, rhkID: rhkOf[e.ID]})
				picked[id] = true
			}
		}
	}
	for _, e := range everyone {
		if !picked[e.ID] && len(asns) < nASN && e.PositionID != "" && e.Status != model.StatusPejabatNegara {
			asns = append(asns, &person{nip: e.NIP, employeeID: e.ID, rhkID: rhkOf[e.ID]})
			picked[e.ID] = true
		}
	}
	return asns, sups, nil
}

// signIn signs everyone in and keeps those who could: an account may be
// missing or disabled in the city.
func signIn(c *http.Client, base string, group []*person) ([]*person, error) {
	sem := make(chan struct{}, 16)
	var wg sync.WaitGroup
	var failed atomic.Int64
	for _, p := range group {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			body, _ := json.Marshal(map[string]string{"username": p.nip, "password": demo.Password})
			req, _ := http.NewRequest("POST", base+"/api/v1/auth/login", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			var out struct{ Token string }
			if status, err := do(c, req, &out); err != nil || status != 200 {
				failed.Add(1)
				return
			}
			p.token = out.Token
		}()
	}
	wg.Wait()
	var in []*person
	for _, p := range group {
		if p.token != "" {
			in = append(in, p)
		}
	}
	if n := failed.Load(); n > int64(len(group)/20) {
		return nil, fmt.Errorf("%d of %d sign-ins failed", n, len(group))
	} else if n > 0 {
		fmt.Fprintf(os.Stderr, "peak: %d of %d accounts could not sign in and are left out\n", n, len(group))
	}
	return in, nil
}
