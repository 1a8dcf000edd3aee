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

// TestIntegersOutOfRangeAreRefused walks every route of the OpenAPI
// document whose request body has a whole-number field and sends it a
// number no column can hold (2147483653, past PostgreSQL's integer), a
// negative one and one written as 1e20. Each is a 422 that names the field
// on both engines, before anything reaches the database (PostgreSQL once
// answered 500 where SQLite quietly compared). A route added later is
// walked without anyone listing it here.
func TestIntegersOutOfRangeAreRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		paths, _ := doc["paths"].(map[string]any)
		param := regexp.MustCompile(`\{[a-z_]+\}`)
		type call struct {
			method, path, field string
			versioned           bool // the body takes a version too
		}
		var calls []call
		for p, ops := range paths {
			for method, o := range ops.(map[string]any) {
				schema, _ := dig(o, "requestBody", "content", "application/json", "schema").(map[string]any)
				if schema == nil {
					continue
				}
				ref, _ := schema["$ref"].(string)
				props, _ := dig(doc, append(strings.Split(strings.TrimPrefix(ref, "#/"), "/"), "properties")...).(map[string]any)
				_, versioned := props["version"]
				for field, f := range props {
					if integerSchema(f) {
						calls = append(calls, call{strings.ToUpper(method), param.ReplaceAllString(p, "x"), field, versioned && field != "version"})
					}
				}
			}
		}
		sort.Slice(calls, func(i, j int) bool { return fmt.Sprint(calls[i]) < fmt.Sprint(calls[j]) })
		if len(calls) < 30 {
			t.Fatalf("only %d routes with a whole-number field found: %v", len(calls), calls)
		}
		for _, c := range calls {
			for _, n := range []string{"2147483653", "-1", "1e20", "-9223372036854775809"} {
				body := fmt.Sprintf(`{%q:%s}`, c.field, n)
				if c.versioned {
					body = fmt.Sprintf(`{"version":1,%q:%s}`, c.field, n)
				}
				r := e.do(t, c.method, c.path, admin, "application/json", []byte(body))
				if r.status != 422 {
					t.Errorf("%s %s %s: %d %s", c.method, c.path, body, r.status, r.body)
					continue
				}
				if codes, _ := problem(t, r, 422)["codes"].(map[string]any); codes[c.field] == nil {
					t.Errorf("%s %s %s: the field is not named: %s", c.method, c.path, body, r.body)
				}
			}
		}
	})
}

// integerSchema reports whether a property schema takes a whole number.
func integerSchema(f any) bool {
	switch t := dig(f, "type").(type) {
	case string:
		return t == "integer"
	case []any:
		for _, x := range t {
			if x == "integer" {
				return true
			}
		}
	}
	return false
}
