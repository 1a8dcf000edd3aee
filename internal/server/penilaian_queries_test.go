package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// penilaianCity is a demo city signed in as its BKPSDM admin, with the
// paths of the penilaian lists on the year before the running one (its
// annual results final, calibrated and followed up).
type penilaianCity struct {
	h      http.Handler
	token  string
	a      *app.App
	paths  []string
	counts map[string]int // list path: items it listed
	// head is the token of the head with the longest line (the Sekda):
	// the assessment list without a filter reads it whole.
	head string
}

func newPenilaianCity(t *testing.T, employees int) penilaianCity {
	t.Helper()
	ctx := context.Background()
	s := storetest.Open(t, "sqlite")
	a := app.New(s, nil, app.Options{Demo: true, Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
	if _, err := demo.Generate(ctx, s, a, demo.Options{Employees: employees, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	c := penilaianCity{h: server.New(a), a: a, counts: map[string]int{}}
	body, _ := json.Marshal(map[string]string{"username": "admin", "password": demo.Password})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/api/v1/auth/login", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	c.h.ServeHTTP(rec, req)
	var login struct{ Token string }
	if err := json.Unmarshal(rec.Body.Bytes(), &login); err != nil || login.Token == "" {
		t.Fatalf("sign in: %d %s", rec.Code, rec.Body)
	}
	c.token = login.Token
	c.head = c.signIn(t, "")
	all, err := s.AllInstansi(ctx)
	if err != nil || len(all) == 0 {
		t.Fatalf("instansi: %v", err)
	}
	year := a.Today(ctx, all[0].ID).Time().Year() - 1
	var periods struct {
		Items []struct{ ID, Kind string }
	}
	c.get(t, fmt.Sprintf("/api/v1/years/%d/periods", year), &periods)
	annual := ""
	for _, p := range periods.Items {
		if p.Kind == "annual" {
			annual = p.ID
		}
	}
	// The OPD with the most annual results: its calibration screen and list.
	admin := model.Actor{UserID: "test", Name: "test", InstansiID: all[0].ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
	opds, err := a.CalibrationOPDs(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	opd, most := "", 0
	for _, u := range opds {
		var curve struct{ Total int }
		c.get(t, "/api/v1/units/"+u.ID+"/curve?period="+annual, &curve)
		if curve.Total > most {
			opd, most = u.ID, curve.Total
		}
	}
	if annual == "" || opd == "" {
		t.Fatalf("no annual results in %d: periods %+v", year, periods)
	}
	units, err := s.Units(ctx, all[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	chart, err := a.OrgChart(ctx, all[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var head model.Employee // the civil servant heading the longest line
	below := 0
	for _, u := range units {
		h := chart.Holder(u.HeadPositionID)
		if u.HeadPositionID == "" || h == "" || len(chart.Below(h)) <= below {
			continue
		}
		if e, err := s.Employee(ctx, h); err == nil && e.NIP != "" {
			head, below = e, len(chart.Below(h))
		}
	}
	if below == 0 {
		t.Fatal("no head with a line")
	}
	c.head = c.signIn(t, head.NIP)
	y := strconv.Itoa(year)
	c.paths = []string{
		"/tindak-lanjut?tahun=" + y,
		"/api/v1/follow-ups?year=" + y,
		"/api/v1/assessments?limit=200&period=" + annual + "&unit=" + opd,
		"/kalibrasi/" + opd + "?periode=" + annual,
		"/keberatan",
		"/api/v1/objections?limit=200",
		"head:/api/v1/assessments?limit=200&period=" + annual,
		"head:/api/v1/objections?limit=200",
	}
	var board struct {
		CreditCount int `json:"credit_count"` // credits pages; this counts every page
	}
	c.get(t, c.paths[1], &board)
	c.counts["credits"] = board.CreditCount
	var list struct{ Items []json.RawMessage }
	c.get(t, c.paths[2], &list)
	c.counts["the OPD's results"] = len(list.Items)
	c.get(t, c.paths[5], &list)
	c.counts["objections"] = len(list.Items)
	return c
}

// signIn answers a token of the demo account username ("" for none).
func (c penilaianCity) signIn(t *testing.T, username string) string {
	t.Helper()
	if username == "" {
		return ""
	}
	body, _ := json.Marshal(map[string]string{"username": username, "password": demo.Password})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/api/v1/auth/login", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	c.h.ServeHTTP(rec, req)
	var login struct{ Token string }
	if err := json.Unmarshal(rec.Body.Bytes(), &login); err != nil || login.Token == "" {
		t.Fatalf("sign in as %s: %d %s", username, rec.Code, rec.Body)
	}
	return login.Token
}

func (c penilaianCity) get(t *testing.T, path string, into any) {
	t.Helper()
	token := c.token
	if p, ok := strings.CutPrefix(path, "head:"); ok {
		path, token = p, c.head
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	c.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %.300s", path, rec.Code, rec.Body)
	}
	if into != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), into); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
}

// statements is how many SQL statements GET path sends, asked twice so
// that the caches (org chart, units, time zone) are warm.
func (c penilaianCity) statements(t *testing.T, path string) uint64 {
	c.get(t, path, nil)
	before := c.a.Statements()
	c.get(t, path, nil)
	return c.a.Statements() - before
}

// The penilaian lists (the follow-up board, the assessments of an OPD,
// the calibration screen, the keberatan lists) send as many statements in
// a city twice as large, and a handful in all: none of them reads per
// listed result (read per result, the board of the larger city took 2,400
// statements and the four objections of the keberatan list 50). So does
// the unfiltered assessment list of the head with the longest line, who
// reads every assessment below them (one employee read per result, it
// took 438), and their unfiltered keberatan list.
func TestPenilaianListsQueriesDoNotGrowWithTheList(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two demo cities")
	}
	small, large := newPenilaianCity(t, 250), newPenilaianCity(t, 480)
	for _, what := range []string{"credits", "the OPD's results"} {
		if n := large.counts[what]; n <= small.counts[what]+20 {
			t.Errorf("%s: %d in the large city, %d in the small one: the comparison says nothing", what, n, small.counts[what])
		}
	}
	if n := large.counts["objections"]; n < 3 {
		t.Errorf("%d objections: the bound says nothing", n)
	}
	const most = 20
	for i, path := range small.paths {
		s, l := small.statements(t, path), large.statements(t, large.paths[i])
		t.Logf("%s: %d statements (small city), %d (large city)", path, s, l)
		// The head's list reads on while a batch holds results they may
		// not read: a batch more or less, never one result at a time.
		if (l != s && !strings.HasPrefix(path, "head:")) || l > most || s > most {
			t.Errorf("%s: %d statements in the small city, %d in the large one (at most %d)", path, s, l, most)
		}
	}
}
