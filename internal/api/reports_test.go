package api_test

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// boundedArrays are the arrays GET answers carry outside a paged list,
// each with why it cannot grow without bound (a fixed enumeration, the
// periods of one year, one person's records of one year ...). An array
// that is neither paged nor here fails TestEveryArrayIsPagedOrBounded:
// a new list inside a report must page (items or an array marked
// x-paged, with next_cursor, limit and cursor), state its bound in the
// document (maxItems) or say here why it need not.
var boundedArrays = map[string]string{
	"/api/v1/matrix .rows[].links[].rhk.indicators":                         "the indicators of one RHK",
	"/api/v1/matrix .rows[].links":                                          "the RHK of the page's people under one of the supervisor's: paged with the team",
	"/api/v1/matrix .rows[].rhk.indicators":                                 "the indicators of one RHK",
	"/api/v1/matrix .rows":                                                  "the RHK of the supervisor's SKPs of the year (of one definitive post and any held as Plt or Plh)",
	"/api/v1/desk .people[].rhk":                                            "the RHK of one person's SKP in force",
	"/api/v1/desk/people .items[].rhk":                                      "the RHK of one person's SKP in force",
	"/api/v1/desk/skps .items[].lampiran.dukungan_sumber_daya":              "one SKP's lampiran",
	"/api/v1/desk/skps .items[].lampiran.konsekuensi":                       "one SKP's lampiran",
	"/api/v1/desk/skps .items[].lampiran.skema_pertanggungjawaban":          "one SKP's lampiran",
	"/api/v1/assessments/{id} .annual.skps":                                 "the SKPs of one person in one year: one per post held, a handful",
	"/api/v1/assessments/{id} .annual.skps[].periods":                       "the periods of one year: at most 12",
	"/api/v1/assessments/{id} .annual.skps[].outside":                       "periods of one year outside one SKP's days: at most 12",
	"/api/v1/assessments/{id} .follow_ups[].next_statuses":                  "an enumeration: at most three statuses",
	"/api/v1/assessments/{id}/objections .items[].evidence":                 "the evidence one objector attached to one objection",
	"/api/v1/follow-ups .open[].next_statuses":                              "an enumeration: at most three statuses",
	"/api/v1/assessments/{id} .annual.skps[].results":                       "one per period of the year: at most 12",
	"/api/v1/assessments/{id} .behaviours":                                  "the seven core values (BerAKHLAK)",
	"/api/v1/assessments/{id} .follow_up_kinds":                             "an enumeration (model.FollowUpKinds)",
	"/api/v1/assessments/{id} .follow_ups":                                  "the follow-ups of one assessment, one per kind at most in practice",
	"/api/v1/assessments/{id} .history":                                     "the steps of one assessment: rated, finalised, objected, decided",
	"/api/v1/assessments/{id} .moves":                                       "the transfers of one person within one period",
	"/api/v1/assessments/{id} .results":                                     "one per period of the year: at most 12",
	"/api/v1/assessments/{id} .year":                                        "the periods of one year: at most 12",
	"/api/v1/coaching .items[].competence.items":                            "the fixed items of format B.1.9",
	"/api/v1/coaching/{id} .competence.items":                               "the fixed items of format B.1.9",
	"/api/v1/desk .feedback":                                                "the ten newest messages (RecentFeedback(..., 10)); the threads page",
	"/api/v1/desk .skps[].lampiran.dukungan_sumber_daya":                    "one SKP's lampiran, text the owner writes",
	"/api/v1/desk .skps[].lampiran.konsekuensi":                             "one SKP's lampiran, text the owner writes",
	"/api/v1/desk .skps[].lampiran.skema_pertanggungjawaban":                "one SKP's lampiran, text the owner writes",
	"/api/v1/employees/{id} .employment.nip_history":                        "the NIPs of one person",
	"/api/v1/employees/{id} .placements":                                    "the placements of one person",
	"/api/v1/employees/{id} .reassess":                                      "one person's assessments a back-dated transfer left out: the periods of a year or two",
	"/api/v1/me .acting":                                                    "the posts one person holds as Plt or Plh",
	"/api/v1/me .employee.employment.nip_history":                           "the NIPs of one person",
	"/api/v1/me .employee.placements":                                       "the placements of one person",
	"/api/v1/me .employee.reassess":                                         "one person's assessments a back-dated transfer left out",
	"/api/v1/me .user.roles":                                                "the roles of one account: an enumeration",
	"/api/v1/needs/summary .kinds":                                          "an enumeration (model.NeedKinds)",
	"/api/v1/notifications .items[].args":                                   "the arguments of one message",
	"/api/v1/objections .items[].evidence":                                  "the evidence one objector attached to one objection",
	"/api/v1/objections/{oid} .evidence":                                    "the evidence one objector attached to one objection",
	"/api/v1/progress/options .rhk":                                         "the RHK of one person's SKP in force",
	"/api/v1/skps .items[].lampiran.dukungan_sumber_daya":                   "one SKP's lampiran",
	"/api/v1/skps .items[].lampiran.konsekuensi":                            "one SKP's lampiran",
	"/api/v1/skps .items[].lampiran.skema_pertanggungjawaban":               "one SKP's lampiran",
	"/api/v1/skps/{id} .behaviours":                                         "the seven core values",
	"/api/v1/skps/{id} .behaviours[].guides":                                "the fixed guides of a core value",
	"/api/v1/skps/{id} .lampiran.dukungan_sumber_daya":                      "one SKP's lampiran",
	"/api/v1/skps/{id} .lampiran.konsekuensi":                               "one SKP's lampiran",
	"/api/v1/skps/{id} .lampiran.skema_pertanggungjawaban":                  "one SKP's lampiran",
	"/api/v1/skps/{id} .rhk":                                                "the RHK one person plans for one post and year",
	"/api/v1/skps/{id} .rhk[].indicators":                                   "the indicators of one RHK",
	"/api/v1/skps/{id}/intervention-options .pk_sasaran":                    "the sasaran of one unit's Perjanjian Kinerja",
	"/api/v1/skps/{id}/intervention-options .pk_sasaran[].indicators":       "the indicators of one sasaran",
	"/api/v1/skps/{id}/intervention-options .rhk":                           "the RHK of one rater's SKP",
	"/api/v1/skps/{id}/intervention-options .rhk[].indicators":              "the indicators of one RHK",
	"/api/v1/skps/{id}/realisasi .totals":                                   "the totals of the page's indicators: as many as items' indicators, paged with them",
	"/api/v1/skps/{id}/realisasi/{pid} .totals":                             "the totals of the page's indicators: as many as items' indicators, paged with them",
	"/api/v1/skps/{id}/transfer .offer":                                     "the RHK of one closed SKP",
	"/api/v1/skps/{id}/transfer .offer[].indicators":                        "the indicators of one RHK",
	"/api/v1/skps/{id}/transfer .taken_over":                                "the RHK of one closed SKP",
	"/api/v1/skps/{id}/versions .items[].behaviours":                        "the seven core values",
	"/api/v1/skps/{id}/versions .items[].behaviours[].guides":               "the fixed guides of a core value",
	"/api/v1/skps/{id}/versions .items[].lampiran.dukungan_sumber_daya":     "one SKP's lampiran",
	"/api/v1/skps/{id}/versions .items[].lampiran.konsekuensi":              "one SKP's lampiran",
	"/api/v1/skps/{id}/versions .items[].lampiran.skema_pertanggungjawaban": "one SKP's lampiran",
	"/api/v1/skps/{id}/versions .items[].rhk":                               "the RHK of one SKP",
	"/api/v1/skps/{id}/versions .items[].rhk[].indicators":                  "the indicators of one RHK",
	"/api/v1/teams .items[].kudos":                                          "the newest thanks of a team (the rest: GET /teams/{id}/kudos)",
	"/api/v1/teams/{id} .kudos":                                             "the newest thanks of a team (the rest: GET /teams/{id}/kudos)",
	"/api/v1/unit-performance .items[].can.sources":                         "an enumeration of the sources of a capaian",
	"/api/v1/unit-performance .items[].can.on_behalf":                       "an enumeration of the sources of a capaian",
	"/api/v1/unit-performance .items[].recommendations":                     "the recommendations of one unit's result",
	"/api/v1/units/{id}/curve .limits":                                      "one per predikat: five",
	"/api/v1/units/{id}/curve .limits[].predikats":                          "the five predikat",
	"/api/v1/units/{id}/curve .violations":                                  "one per predikat limit: five at most",
	"/api/v1/units/{id}/curve .violations[].predikats":                      "the five predikat",
	"/api/v1/units/{id}/performance/{period_id} .can.sources":               "an enumeration of the sources of a capaian",
	"/api/v1/units/{id}/performance/{period_id} .can.on_behalf":             "an enumeration of the sources of a capaian",
	"/api/v1/units/{id}/performance/{period_id} .recommendations":           "the recommendations of one unit's result",
	"/api/v1/units/{id}/pk .sasaran":                                        "the sasaran of one unit's Perjanjian Kinerja for a year",
	"/api/v1/units/{id}/pk .sasaran[].indicators":                           "the indicators of one sasaran",
	"/api/v1/users .items[].role_options":                                   "an enumeration of roles",
	"/api/v1/users .items[].roles":                                          "the roles of one account",
	"/api/v1/users/{id} .role_options":                                      "an enumeration of roles",
	"/api/v1/users/{id} .roles":                                             "the roles of one account",
}

// TestEveryArrayIsPagedOrBounded walks the 200 answer of every GET route
// of the OpenAPI document and finds every array in it. An array is the
// paged list of its object (items, or one marked x-paged, beside
// next_cursor), states its bound in the document (maxItems: the first of
// a list whose own route pages it), or is listed above with why it is
// bounded. A report that returns a new growing list fails here until it
// pages; an entry above that no longer names an array fails too.
func TestEveryArrayIsPagedOrBounded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		schemas, _ := dig(doc, "components", "schemas").(map[string]any)
		paths, _ := doc["paths"].(map[string]any)
		found := map[string]bool{}
		var walk func(p string, s map[string]any, at string, seen map[string]bool)
		walk = func(p string, s map[string]any, at string, seen map[string]bool) {
			if ref, ok := s["$ref"].(string); ok {
				name := ref[strings.LastIndex(ref, "/")+1:]
				if seen[name] {
					return
				}
				next := map[string]bool{name: true}
				for k := range seen {
					next[k] = true
				}
				target, _ := schemas[name].(map[string]any)
				walk(p, target, at, next)
				return
			}
			for _, k := range []string{"oneOf", "anyOf"} {
				alts, _ := s[k].([]any)
				for _, a := range alts {
					m, _ := a.(map[string]any)
					walk(p, m, at, seen)
				}
			}
			props, _ := s["properties"].(map[string]any)
			_, paged := props["next_cursor"]
			for name, v := range props {
				ps, _ := v.(map[string]any)
				here := at + "." + name
				if isArray(ps) {
					switch {
					case paged && (name == "items" || ps["x-paged"] == true):
						// The paged list: its items are walked as items.
					case ps["maxItems"] != nil:
						// Bounded by the document itself (the holders of
						// a post: the first of them, and their count).
					default:
						found[p+" "+here] = true
					}
					items, _ := ps["items"].(map[string]any)
					walk(p, items, here+"[]", seen)
					continue
				}
				walk(p, ps, here, seen)
			}
		}
		var names []string
		for p := range paths {
			names = append(names, p)
		}
		sort.Strings(names)
		for _, p := range names {
			schema, ok := dig(paths[p], "get", "responses", "200", "content", "application/json", "schema").(map[string]any)
			if ok {
				walk(p, schema, "", map[string]bool{})
			}
		}
		var keys []string
		for k := range found {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if boundedArrays[k] == "" {
				t.Errorf("%s is an array that neither pages nor is bounded", k)
			}
		}
		for k := range boundedArrays {
			if !found[k] {
				t.Errorf("%s is listed but names no array of a GET answer", k)
			}
		}
	})
}

func isArray(s map[string]any) bool {
	switch t := s["type"].(type) {
	case string:
		return t == "array"
	case []any:
		for _, v := range t {
			if v == "array" {
				return true
			}
		}
	}
	return false
}

// walkReport follows next_cursor from path and returns the key field of
// every element of the paged array field, and the first page.
func walkReport(t *testing.T, e env, check func(string, string, response) map[string]any, pattern, path, token, field, key string) ([]string, map[string]any) {
	t.Helper()
	var keys []string
	var first map[string]any
	for page := 0; path != ""; page++ {
		if page > 50 {
			t.Fatalf("%s: more than 50 pages", pattern)
		}
		d := check("GET", pattern, e.get(t, path, token))
		if first == nil {
			first = d
		}
		items, _ := d[field].([]any)
		if len(items) > 1 {
			t.Errorf("%s: %d on a page of limit=1", path, len(items))
		}
		for _, it := range items {
			keys = append(keys, fmt.Sprint(it.(map[string]any)[key]))
		}
		c, ok := d["next_cursor"].(string)
		if !ok {
			break
		}
		u, _ := url.Parse(path)
		q := u.Query()
		q.Set("cursor", c)
		u.RawQuery = q.Encode()
		path = u.String()
	}
	return keys, first
}

// The report-shaped answers page: the realisasi of an SKP with more
// indicators than a page, the filling dashboard's lines, the people behind
// in a unit and the needs summary's lines are each read to the end one at
// a time, each once, and as many as the report counts.
func TestReportsPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		today := a.Today(ctx, e.o.Instansi.ID)
		year := today.Time().Year()
		bkpsdm := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		periods, err := a.OpenYear(ctx, bkpsdm, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		month := periods[today.Time().Month()-1]
		month.Status = model.PeriodOpen
		if err := a.MovePeriod(ctx, bkpsdm, month, ""); err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "s", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		skp, err := a.CreateSKP(ctx, staffActor, e.o.Staff1.ID, year, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		rhk, err := a.SaveRHK(ctx, staffActor, skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, Description: "Tersusunnya laporan"})
		if err != nil {
			t.Fatal(err)
		}
		var indicators []string
		for i := range 3 {
			in, err := a.AddIndicator(ctx, staffActor, skp.Version+1+i, model.Indicator{RHKID: rhk.ID, Aspect: model.AspectKuantitas,
				Description: fmt.Sprintf("Laporan %d", i), Target: "12", Unit: "laporan"})
			if err != nil {
				t.Fatal(err)
			}
			indicators = append(indicators, in.ID)
		}
		full, _ := s.SKP(ctx, skp.ID)
		full.Status = model.SKPApproved
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "t"), func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove) }); err != nil {
			t.Fatal(err)
		}
		check := documented(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		admin := e.login(t, "admin", "rahasia-admin")
		var body strings.Builder
		for i, id := range indicators {
			if i > 0 {
				body.WriteString(",")
			}
			fmt.Fprintf(&body, `{"indicator_id":%q,"value":"%d","version":0}`, id, i+1)
		}
		r := e.do(t, "PUT", "/api/v1/skps/"+skp.ID+"/realisasi/"+month.ID, staff, "application/json", []byte(`{"items":[`+body.String()+`]}`))
		if all := check("PUT", "/api/v1/skps/{id}/realisasi/{pid}", r); len(all["items"].([]any)) != 3 || all["next_cursor"] != nil {
			t.Fatalf("the period's realisasi: %d %s", r.status, r.body)
		}

		// Realisasi: a page of two indicators, then the third; totals go
		// with the page's indicators.
		base := "/api/v1/skps/" + skp.ID + "/realisasi?period=" + month.ID
		p1 := check("GET", "/api/v1/skps/{id}/realisasi", e.get(t, base+"&limit=2", staff))
		c, _ := p1["next_cursor"].(string)
		if len(p1["items"].([]any)) != 2 || len(p1["totals"].([]any)) != 2 || p1["indicators"] != 3.0 || c == "" {
			t.Fatalf("first page of realisasi = %v", p1)
		}
		p2 := check("GET", "/api/v1/skps/{id}/realisasi", e.get(t, base+"&limit=2&cursor="+url.QueryEscape(c), staff))
		if len(p2["items"].([]any)) != 1 || len(p2["totals"].([]any)) != 1 || p2["next_cursor"] != nil {
			t.Fatalf("second page of realisasi = %v", p2)
		}
		var seen []string
		for _, p := range []map[string]any{p1, p2} {
			for _, it := range p["totals"].([]any) {
				seen = append(seen, it.(map[string]any)["indicator_id"].(string))
			}
		}
		if strings.Join(seen, ",") != strings.Join(indicators, ",") {
			t.Errorf("indicators paged %v, want %v", seen, indicators)
		}
		keys, _ := walkReport(t, e, check, "/api/v1/skps/{id}/realisasi", base+"&limit=1", staff, "items", "indicator_id")
		if strings.Join(keys, ",") != strings.Join(indicators, ",") {
			t.Errorf("realisasi one at a time = %v, want %v", keys, indicators)
		}
		problem(t, e.get(t, base+"&cursor=@9", staff), 422)

		// The filling dashboard: every OPD's line once.
		keys, first := walkReport(t, e, check, "/api/v1/monitoring/skps", "/api/v1/monitoring/skps?limit=1", admin, "items", "unit_id")
		if n := first["lines"].(float64); len(keys) < 2 || len(keys) != int(n) || len(distinct(keys)) != len(keys) {
			t.Errorf("filling lines one at a time = %v of %v", keys, n)
		}
		// The people behind in a unit.
		keys, first = walkReport(t, e, check, "/api/v1/monitoring/skps/units/{id}",
			"/api/v1/monitoring/skps/units/"+e.o.Aplikasi.ID+"?limit=1", admin, "items", "employee_id")
		if n := first["total"].(float64); len(keys) < 2 || len(keys) != int(n) || len(distinct(keys)) != len(keys) {
			t.Errorf("people behind one at a time = %v of %v", keys, n)
		}
		// The needs summary's lines.
		for _, tok := range []string{staff, e.login(t, storetest.NIPNurse, "rahasia-nurse")} {
			if r := e.post(t, "/api/v1/needs", tok, map[string]any{"kind": "training", "title": "Pelatihan"}); r.status != 201 {
				t.Fatalf("need: %d %s", r.status, r.body)
			}
		}
		keys, first = walkReport(t, e, check, "/api/v1/needs/summary", fmt.Sprintf("/api/v1/needs/summary?year=%d&limit=1", year), admin, "lines", "unit_id")
		if n := first["line_count"].(float64); len(keys) < 2 || len(keys) != int(n) || len(distinct(keys)) != len(keys) {
			t.Errorf("needs summary lines one at a time = %v of %v", keys, n)
		}
	})
}

func distinct(keys []string) map[string]bool {
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return m
}
