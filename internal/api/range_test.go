package api_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestIntegersOutOfRangeAreRefused walks every route of the OpenAPI
// document whose request body has a whole-number field and sends it a
// number no column can hold (2147483653, past PostgreSQL's integer), a
// negative one and one written as 1e20. Each is a 422 that names the field
// on both engines, before anything reaches the database (PostgreSQL once
// answered 500 where SQLite quietly compared), and its message names the
// range the document states for the field (1 to 100 for evidence_max_mb,
// the years' range for a year), never the databases' range where the rule
// is narrower. A route that decides access to the record it names first
// may answer 404 for the placeholder x instead. A route added later is
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
			versioned           bool   // the body takes a version too
			says                string // the range the message names ("" for a field read as text too)
			others              string // the other fields with a range, at their least
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
				least := map[string]string{}
				for field, f := range props {
					if m := dig(f, "minimum"); m != nil && field != "version" {
						least[field] = fmt.Sprintf("%q:%v,", field, m)
					}
				}
				for field, f := range props {
					if integerSchema(f) {
						lo, hi := any(0), any(model.MaxInt)
						if m := dig(f, "minimum"); m != nil {
							lo = m
						}
						if m := dig(f, "maximum"); m != nil {
							hi = m
						}
						says := fmt.Sprintf("%v sampai %v", lo, hi)
						if dig(f, "type") != "integer" {
							says = "" // minutes: "90", "1:30", "2 jam" too, with the messages of the time
						}
						others := ""
						for g, v := range least {
							if g != field {
								others += v
							}
						}
						calls = append(calls, call{strings.ToUpper(method), param.ReplaceAllString(p, "x"), field, versioned && field != "version",
							says, others})
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
				body := fmt.Sprintf(`{%s%q:%s}`, c.others, c.field, n)
				if c.versioned {
					body = fmt.Sprintf(`{"version":1,%s%q:%s}`, c.others, c.field, n)
				}
				r := e.do(t, c.method, c.path, admin, "application/json", []byte(body))
				if (r.status == 404 || r.status == 403) && strings.Contains(c.path, "/x") {
					// Who may act on the record is decided before its input
					// is judged (and x names none): the same field is
					// judged on the route that creates such a record.
					continue
				}
				if r.status != 422 {
					t.Errorf("%s %s %s: %d %s", c.method, c.path, body, r.status, r.body)
					continue
				}
				pr := problem(t, r, 422)
				if codes, _ := pr["codes"].(map[string]any); codes[c.field] == nil {
					t.Errorf("%s %s %s: the field is not named: %s", c.method, c.path, body, r.body)
				}
				// The message names the field's real range, the one the
				// document states, never a wider one nor a wrong kind.
				if errs, _ := pr["errors"].(map[string]any); !strings.Contains(fmt.Sprint(errs[c.field]), c.says) {
					t.Errorf("%s %s %s: %v does not say %q", c.method, c.path, body, errs[c.field], c.says)
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

// TestNestedNumbersNameTheirRange: a whole number inside a list or an
// object of a body is told its field's range too (the B.1.8 answers, the
// B.1.9 scores) when no record could hold it (negative, 20 digits, a
// fraction); one in the databases' range goes on to the field's rule,
// whose message says the same range with the request's other errors.
func TestNestedNumbersNameTheirRange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		answers := fmt.Sprintf("%d sampai %d", model.FeedbackScaleMin, model.FeedbackScaleMax)
		scores := fmt.Sprintf("%d sampai %d", model.CompetenceScoreMin, model.CompetenceScoreMax)
		for _, c := range []struct {
			path, body, field, says string
		}{
			{"/api/v1/coaching/x/feedback", `{"answers":[1,-1]}`, "answers[1]", answers},
			{"/api/v1/coaching/x/feedback", `{"answers":[12345678901234567890]}`, "answers", answers},
			{"/api/v1/coaching/x/feedback", `{"answers":[1.5]}`, "answers", answers},
			{"/api/v1/coaching/x/competence", `{"competences":[{"competence":"Analisis","score":-1,"reason":"x"}]}`, "competences[0].score", scores},
			{"/api/v1/coaching/x/competence", `{"competences":[{"competence":"Analisis","score":99999999999999999999,"reason":"x"}]}`, "competences.score", scores},
			{"/api/v1/settings", `{"evidence_max_mb":12345678901234567890}`, "evidence_max_mb", "1 sampai 100"},
			{"/api/v1/years", `{"year":-2026}`, "year", "2022 sampai 2100"},
		} {
			method := "PUT"
			if strings.HasSuffix(c.path, "settings") {
				method = "PATCH"
			} else if strings.HasSuffix(c.path, "years") {
				method = "POST"
			}
			r := e.do(t, method, c.path, kabid, "application/json", []byte(c.body))
			errs, _ := problem(t, r, 422)["errors"].(map[string]any)
			if msg := fmt.Sprint(errs[c.field]); !strings.Contains(msg, c.says) {
				t.Errorf("%s %s: %s; want %s to say %q", c.path, c.body, r.body, c.field, c.says)
			}
		}
	})
}
