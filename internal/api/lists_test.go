package api_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestEveryListPages walks every GET route of the OpenAPI document that
// answers a list (items and next_cursor) and holds it to the contract:
// it declares limit and cursor; limit=abc, 0 and 201 are a 422 naming
// "limit" before anything is read (even for an id that does not exist);
// limit=1 answers at most one item, and a next_cursor when there are more;
// a cursor no page gave (garbage, an id of nothing, a position past the
// end) is a 422 naming "cursor".
// A report that pages (realisasi, monitoring, the needs summary, the desk)
// is walked as a list: its paged arrays are items or those marked x-paged
// (several lists of one report page together).
// A list route added later is walked without anyone listing it here.
func TestEveryListPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		paths, _ := doc["paths"].(map[string]any)
		var lists []string
		paged := map[string][]string{}
		for p, ops := range paths {
			get, ok := ops.(map[string]any)["get"]
			if !ok {
				continue
			}
			schema, _ := dig(get, "responses", "200", "content", "application/json", "schema").(map[string]any)
			ref, _ := schema["$ref"].(string)
			props, _ := dig(doc, append(strings.Split(strings.TrimPrefix(ref, "#/"), "/"), "properties")...).(map[string]any)
			if _, ok := props["next_cursor"]; !ok {
				continue
			}
			lists = append(lists, p)
			// The paged array: items, or the one marked x-paged (a report
			// whose list has another name).
			fields := []string{"items"}
			if _, ok := props["items"]; !ok {
				fields = nil
				for name, v := range props {
					if dig(v, "x-paged") == true {
						fields = append(fields, name)
					}
				}
			}
			paged[p] = fields
			query := map[string]bool{}
			params, _ := dig(get, "parameters").([]any)
			for _, q := range params {
				if dig(q, "in") == "query" {
					query[fmt.Sprint(dig(q, "name"))] = true
				}
			}
			if !query["limit"] || !query["cursor"] {
				t.Errorf("GET %s answers a list but does not declare limit and cursor", p)
			}
		}
		sort.Strings(lists)
		if len(lists) < 25 {
			t.Fatalf("only %d list routes found: %v", len(lists), lists)
		}
		param := regexp.MustCompile(`\{[a-z_]+\}`)
		answered := 0
		for _, p := range lists {
			path := strings.ReplaceAll(p, "{year}", "2026")
			path = param.ReplaceAllString(path, "x")
			for _, bad := range []string{"abc", "0", "201", "-1"} {
				r := e.get(t, path+"?limit="+bad, admin)
				if r.status != 422 {
					t.Errorf("GET %s?limit=%s: %d %s", path, bad, r.status, r.body)
					continue
				}
				if codes, _ := problem(t, r, 422)["codes"].(map[string]any); codes["limit"] == nil {
					t.Errorf("GET %s?limit=%s does not name limit: %s", path, bad, r.body)
				}
			}
			r := e.get(t, path+"?limit=1", admin)
			if r.status != 200 {
				continue // a route that needs an id or a filter the walk does not give
			}
			answered++
			if len(paged[p]) == 0 {
				t.Errorf("GET %s has next_cursor but no items and no array marked x-paged", p)
			}
			page := r.json(t)
			for _, f := range paged[p] {
				if items, _ := page[f].([]any); len(items) > 1 {
					t.Errorf("GET %s?limit=1 answered %d %s", path, len(items), f)
				}
			}
			// A cursor no page gave is a 422 naming cursor, never an
			// empty page or the first page again.
			for _, bad := range []string{"garbage", "01a2306067540006d1741afe669e0650", "@999999", "%21%21"} {
				r := e.get(t, path+"?cursor="+bad, admin)
				if r.status != 422 {
					t.Errorf("GET %s?cursor=%s: %d %.200s", path, bad, r.status, r.body)
					continue
				}
				if codes, _ := problem(t, r, 422)["codes"].(map[string]any); codes["cursor"] == nil {
					t.Errorf("GET %s?cursor=%s does not name cursor: %s", path, bad, r.body)
				}
			}
		}
		if answered < 8 {
			t.Errorf("only %d list routes answered limit=1", answered)
		}
		// Following next_cursor walks the units one at a time, each once.
		check := documented(t, e)
		ids := pageAll(t, e, check, "/api/v1/units", "/api/v1/units?limit=1", admin)
		all := e.get(t, "/api/v1/units?limit=200", admin).json(t)["items"].([]any)
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		if len(all) < 3 || len(ids) != len(all) || len(seen) != len(all) {
			t.Errorf("units one at a time: %d (%d different) of %d", len(ids), len(seen), len(all))
		}
	})
}
