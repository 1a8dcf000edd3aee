package api_test

import (
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestInstansiSettingsThroughTheAPI: the settings of the year page are
// read by everyone signed in and changed by BKPSDM.
func TestInstansiSettingsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		st := check("GET", "/api/v1/settings", e.get(t, "/api/v1/settings", staff))
		if st["evidence_max_mb"] != float64(10) || rightsOf(st)["edit"] {
			t.Errorf("settings for an ASN = %v", st)
		}
		if st := check("GET", "/api/v1/settings", e.get(t, "/api/v1/settings", admin)); !rightsOf(st)["edit"] {
			t.Errorf("settings for BKPSDM = %v", st)
		}
		patch := func(tok, body string) response {
			return e.do(t, "PATCH", "/api/v1/settings", tok, "application/json", []byte(body))
		}
		problem(t, patch(staff, `{"evidence_max_mb":20}`), 403)
		for _, body := range []string{`{"evidence_max_mb":0}`, `{"evidence_max_mb":101}`} {
			if p := problem(t, patch(admin, body), 422); p["errors"].(map[string]any)["evidence_max_mb"] == nil {
				t.Errorf("%s: errors %v", body, p["errors"])
			}
		}
		// An empty change blames no field: it says there is nothing to change.
		if p := problem(t, patch(admin, `{}`), 422); p["errors"] != nil || !strings.Contains(p["detail"].(string), "Tidak ada yang diubah") {
			t.Errorf("{}: %v", p)
		}
		r := patch(admin, `{"evidence_max_mb":20}`)
		if st := check("PATCH", "/api/v1/settings", r); r.status != 200 || st["evidence_max_mb"] != float64(20) {
			t.Fatalf("patch settings: %d %s", r.status, r.body)
		}
		if st := e.get(t, "/api/v1/settings", staff).json(t); st["evidence_max_mb"] != float64(20) {
			t.Errorf("the new limit is not read back: %v", st)
		}
		periods := check("GET", "/api/v1/years/{year}/periods", e.get(t, "/api/v1/years/2026/periods", staff))
		if len(periods["items"].([]any)) != 0 {
			t.Errorf("periods of a year not opened = %v", periods)
		}
		e.post(t, "/api/v1/years", admin, map[string]any{"year": 2026})
		for tok, want := range map[string]bool{staff: false, admin: true} {
			first := e.get(t, "/api/v1/years/2026/periods", tok).json(t)["items"].([]any)[0].(map[string]any)
			if got := rightsOf(first); got["edit"] != want || got["open"] != want || got["close"] || got["lock"] || got["unlock"] {
				t.Errorf("a draft period's can = %v, want edit and open %v", first["can"], want)
			}
		}
	})
}

// TestYearsThroughTheAPI: GET /api/v1/years lists the instansi's
// performance years as the year page offers them: each year opened with
// its period kind, newest first, and the current year while it is not
// opened, which BKPSDM may open.
func TestYearsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		items := func(tok string) []map[string]any {
			t.Helper()
			var out []map[string]any
			for _, it := range check("GET", "/api/v1/years", e.get(t, "/api/v1/years", tok))["items"].([]any) {
				out = append(out, it.(map[string]any))
			}
			return out
		}
		none := items(staff)
		if len(none) != 1 || none[0]["open"] != false || none[0]["period_kind"] != nil || rightsOf(none[0])["open"] {
			t.Fatalf("years before any is opened, for an ASN = %v", none)
		}
		now := none[0]["year"].(float64)
		if got := items(admin); len(got) != 1 || !rightsOf(got[0])["open"] {
			t.Errorf("years before any is opened, for BKPSDM = %v", got)
		}
		for _, y := range []map[string]any{{"year": now - 1}, {"year": now + 1, "period_kind": "quarterly"}} {
			if r := e.post(t, "/api/v1/years", admin, y); r.status != 201 {
				t.Fatalf("open %v: %d %s", y, r.status, r.body)
			}
		}
		got := items(admin)
		want := []struct {
			year float64
			kind any
			open bool
		}{{now + 1, "quarterly", true}, {now, nil, false}, {now - 1, "monthly", true}}
		if len(got) != len(want) {
			t.Fatalf("years = %v", got)
		}
		for i, w := range want {
			if got[i]["year"] != w.year || got[i]["period_kind"] != w.kind || got[i]["open"] != w.open || rightsOf(got[i])["open"] != !w.open {
				t.Errorf("year %d = %v, want %v", i, got[i], w)
			}
		}
		page := check("GET", "/api/v1/years", e.get(t, "/api/v1/years?limit=1", staff))
		if len(page["items"].([]any)) != 1 || page["next_cursor"] != jsonNumber(now+1) {
			t.Errorf("first page of years = %v", page)
		}
		if r := e.get(t, "/api/v1/years", ""); r.status != 401 {
			t.Errorf("years without a token: %d", r.status)
		}
	})
}

// TestTimeZoneThroughTheAPI: BKPSDM sets the instansi's time zone with
// PATCH /api/v1/settings; an unknown zone is a 422 that names the three,
// and changes nothing else sent with it.
func TestTimeZoneThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if st := check("GET", "/api/v1/settings", e.get(t, "/api/v1/settings", staff)); st["time_zone"] != "Asia/Jakarta" || st["time_zone_name"] != "WIB" {
			t.Errorf("a new instansi's zone = %v", st)
		}
		patch := func(tok, body string) response {
			return e.do(t, "PATCH", "/api/v1/settings", tok, "application/json", []byte(body))
		}
		problem(t, patch(staff, `{"time_zone":"Asia/Jayapura"}`), 403)
		p := problem(t, patch(admin, `{"time_zone":"Asia/Pontianak","evidence_max_mb":30}`), 422)
		if msg, _ := p["errors"].(map[string]any)["time_zone"].(string); !strings.Contains(msg, "Asia/Pontianak") || !strings.Contains(msg, "Asia/Jayapura (WIT)") {
			t.Errorf("an unknown zone: errors %v", p["errors"])
		}
		if st := e.get(t, "/api/v1/settings", admin).json(t); st["evidence_max_mb"] != float64(10) {
			t.Errorf("a refused patch changed the evidence limit: %v", st)
		}
		r := patch(admin, `{"time_zone":"Asia/Jayapura"}`)
		if st := check("PATCH", "/api/v1/settings", r); r.status != 200 || st["time_zone"] != "Asia/Jayapura" || st["time_zone_name"] != "WIT" {
			t.Fatalf("patch the zone: %d %s", r.status, r.body)
		}
		if st := e.get(t, "/api/v1/settings", staff).json(t); st["time_zone_name"] != "WIT" {
			t.Errorf("the zone is not read back: %v", st)
		}
		audit := e.get(t, "/api/v1/audit?entity_type=instansi", admin)
		if audit.status != 200 || !strings.Contains(string(audit.body), "instansi.time_zone") {
			t.Errorf("the change is not in the audit: %d %s", audit.status, audit.body)
		}
	})
}
