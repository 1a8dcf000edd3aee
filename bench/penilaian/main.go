// Command penilaian measures the two heavy moments of penilaian on a
// large instansi: closing a period, which makes an assessment for every
// SKP in force during it, and the calibration of the largest OPD, which
// counts its distribution against its pattern.
//
// Build the instansi first, e.g. on PostgreSQL:
//
//	kinerja seed --employees 100000 --db postgres://postgres@127.0.0.1:5432/bench?sslmode=disable
//	go run ./bench/penilaian -db postgres://postgres@127.0.0.1:5432/bench?sslmode=disable
//
// It reopens and closes the latest closed monthly period of the year (the
// seed closes past periods without assessments), has the Wali Kota set
// the largest OPD's capaian, has its rater rate a share of its people, and
// then asks GET /api/v1/units/{id}/curve once and then with concurrent
// clients, printing the period's closing time, the first request's time
// and the curve's latency percentiles after it.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime/pprof"
	"slices"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/cli"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

func main() {
	db := flag.String("db", "", "a database built by kinerja seed (required)")
	requests := flag.Int("requests", 400, "curve requests to time")
	clients := flag.Int("clients", 8, "concurrent clients")
	rate := flag.Int("rate", 300, "assessments of the largest OPD to rate before timing the curve")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the curve requests (server and clients) to this file")
	flag.Parse()
	if *db == "" {
		fmt.Fprintln(os.Stderr, "penilaian: -db is required (a database built by kinerja seed)")
		os.Exit(2)
	}
	if err := run(*db, *requests, *clients, *rate, *cpuprofile); err != nil {
		fmt.Fprintln(os.Stderr, "penilaian:", err)
		os.Exit(1)
	}
}

func run(db string, requests, clients, rate int, cpuprofile string) error {
	ctx := context.Background()
	srv, err := cli.Start(ctx, cli.ServerConfig{Addr: "127.0.0.1:0", DB: db, Out: io.Discard})
	if err != nil {
		return err
	}
	defer srv.Close()
	a, s := srv.App, srv.Store
	all, err := s.AllInstansi(ctx)
	if err != nil || len(all) == 0 {
		return fmt.Errorf("no instansi in %s: %v", db, err)
	}
	in := all[0].ID
	admin := model.Actor{UserID: "bench", Name: "bench", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
	year := a.Today(ctx, in).Time().Year()
	periods, err := a.Periods(ctx, admin, year)
	if err != nil {
		return err
	}
	var period model.Period
	for _, p := range periods {
		if p.Kind != model.PeriodAnnual && p.Status == model.PeriodClosed {
			period = p
		}
	}
	if period.ID == "" {
		return fmt.Errorf("no closed period in %d", year)
	}

	// Closing the period makes every assessment.
	before, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: in, PeriodID: period.ID, Limit: 1})
	if err != nil {
		return err
	}
	if len(before) == 0 {
		period.Status = model.PeriodOpen
		if err := a.MovePeriod(ctx, admin, period, ""); err != nil {
			return err
		}
		period.Status = model.PeriodClosed
		start := time.Now()
		if err := a.MovePeriod(ctx, admin, period, ""); err != nil {
			return err
		}
		took := time.Since(start)
		n, err := countAssessments(ctx, s, in, period.ID)
		if err != nil {
			return err
		}
		fmt.Printf("closing %s: %d assessments in %s\n", period.Name(), n, took.Round(time.Millisecond))
	} else {
		fmt.Printf("%s was closed before: its assessments exist\n", period.Name())
	}

	// The largest OPD, its capaian, some of its people rated.
	opd, total, err := largestOPD(ctx, a, s, admin, period.ID)
	if err != nil {
		return err
	}
	fmt.Printf("largest OPD: %s, %d assessments\n", opd.Name, total)
	if err := prepareCurve(ctx, a, s, in, opd, period, rate); err != nil {
		return err
	}
	token, err := login(srv.URL, "admin", demo.Password)
	if err != nil {
		return err
	}
	url := srv.URL + "/api/v1/units/" + opd.ID + "/curve?period=" + period.ID
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	// The first request counts the curve (and builds the org chart);
	// those after it are timed together.
	first, firstErrs := hammer(url, token, 1, 1)
	if firstErrs == 0 {
		fmt.Printf("first curve request (counts the curve): %s\n", first[0].Round(100*time.Microsecond))
	}
	lat, errs := hammer(url, token, requests, clients)
	if cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	slices.Sort(lat)
	if len(lat) == 0 {
		return errors.New("no curve request answered")
	}
	pct := func(q float64) time.Duration { return lat[min(len(lat)-1, int(q*float64(len(lat))))] }
	fmt.Printf("curve of the largest OPD (GET /api/v1/units/{id}/curve), %d requests, %d clients: p50 %s, p99 %s, max %s, errors %d\n",
		len(lat), clients, pct(0.50).Round(100*time.Microsecond), pct(0.99).Round(100*time.Microsecond), lat[len(lat)-1].Round(100*time.Microsecond), errs)
	fmt.Printf("engine %s\n", a.Engine())
	return nil
}

func countAssessments(ctx context.Context, s *store.Store, in, period string) (int, error) {
	n, after := 0, ""
	for {
		page, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: in, PeriodID: period, After: after, Limit: 5000})
		if err != nil {
			return n, err
		}
		n += len(page)
		if len(page) < 5000 {
			return n, nil
		}
		after = page[len(page)-1].ID
	}
}

func largestOPD(ctx context.Context, a *app.App, s *store.Store, admin model.Actor, period string) (model.Unit, int, error) {
	opds, err := a.CalibrationOPDs(ctx, admin)
	if err != nil {
		return model.Unit{}, 0, err
	}
	var best model.Unit
	most := -1
	for _, u := range opds {
		entries, err := s.CurveEntries(ctx, u.ID, period)
		if err != nil {
			return best, 0, err
		}
		if len(entries) > most {
			best, most = u, len(entries)
		}
	}
	return best, most, nil
}

// prepareCurve sets the OPD's capaian as the Wali Kota and has each rater
// rate up to n of their people, so that the curve has something to count.
func prepareCurve(ctx context.Context, a *app.App, s *store.Store, in string, opd model.Unit, period model.Period, n int) error {
	chart, err := a.OrgChart(ctx, in)
	if err != nil {
		return err
	}
	wali := ""
	for _, kind := range []model.PositionKind{model.PositionKepalaDaerah} {
		positions, err := s.PositionsOfKind(ctx, in, kind)
		if err != nil {
			return err
		}
		for _, p := range positions {
			if h := chart.Holder(p); h != "" {
				wali = h
			}
		}
	}
	if wali != "" {
		actor := model.Actor{UserID: "bench-wali", InstansiID: in, EmployeeID: wali, Roles: []model.RoleGrant{{Role: model.RoleLeader}}}
		if _, err := a.SetUnitPerformance(ctx, actor, opd.ID, period.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik, Basis: "Bench"}); err != nil &&
			!errors.Is(err, model.ErrConflict) {
			return err
		}
	}
	if n <= 0 {
		return nil // the store's Limit 0 would be every open assessment
	}
	list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: in, PeriodID: period.ID, OPDID: opd.ID, Status: model.AssessmentOpen, Limit: n})
	if err != nil {
		return err
	}
	ratings := []model.Rating{model.RatingSesuai, model.RatingSesuai, model.RatingDiAtas, model.RatingDiBawah}
	for i, as := range list {
		sk, err := s.SKP(ctx, as.SKPID)
		if err != nil {
			return err
		}
		rater := chart.RaterOn(sk.EmployeeID, sk.PositionID)
		if rater == "" {
			continue
		}
		actor := model.Actor{UserID: "bench-rater", InstansiID: in, EmployeeID: rater, Roles: []model.RoleGrant{{Role: model.RoleSupervisor}}}
		if _, err := a.RateAssessment(ctx, actor, as.ID, app.RateInput{HasilKerja: ratings[i%len(ratings)], PerilakuKerja: model.RatingSesuai,
			Version: as.Version}); err != nil {
			return fmt.Errorf("rate %s: %w", as.ID, err)
		}
	}
	return nil
}

func hammer(url, token string, requests, clients int) ([]time.Duration, int) {
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	defer tr.CloseIdleConnections()
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	next := make(chan struct{}, requests)
	for range requests {
		next <- struct{}{}
	}
	close(next)
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				req, _ := http.NewRequest("GET", url, nil)
				req.Header.Set("Authorization", "Bearer "+token)
				start := time.Now()
				resp, err := client.Do(req)
				d := time.Since(start)
				ok := err == nil && resp.StatusCode == http.StatusOK
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				mu.Lock()
				if ok {
					lat = append(lat, d)
				} else {
					errs++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return lat, errs
}

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
