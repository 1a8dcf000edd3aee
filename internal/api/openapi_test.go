package api_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestResponsesMatchTheDocument calls the API as its clients do and checks
// every answer against the schema the OpenAPI document gives for that
// route and status: no undocumented field, every required one present,
// types and enumerations as documented.
func TestResponsesMatchTheDocument(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		doc := e.get(t, "/api/v1/openapi.json", "").json(t)
		check := func(method, pattern string, r response) {
			t.Helper()
			schema, err := responseSchema(doc, method, pattern, r)
			if err != nil {
				t.Errorf("%s %s: %v", method, pattern, err)
				return
			}
			if schema == nil {
				return
			}
			var v any
			if err := json.Unmarshal(r.body, &v); err != nil {
				t.Errorf("%s %s: %d answer is not JSON: %s", method, pattern, r.status, r.body)
				return
			}
			for _, problem := range conform(doc, schema, v, "$") {
				t.Errorf("%s %s (%d): %s", method, pattern, r.status, problem)
			}
		}

		// The bodies clients send, as the server accepts them, fit the
		// documented request schemas.
		for _, c := range []struct {
			method, pattern, body string
		}{
			{"POST", "/api/v1/auth/login", `{"username":"199001012020011001","password":"rahasia"}`},
			{"PATCH", "/api/v1/me", `{"locale":"en"}`},
			{"POST", "/api/v1/me/password", `{"current_password":"lama-sekali","new_password":"baru-sekali"}`},
			{"POST", "/api/v1/employees/{id}/placements", `{"position_code":"KOMINFO-SEKR","kind":"plt","start":"2026-01-05","decree":"800/1/2026"}`},
			{"POST", "/api/v1/employees/{id}/placements/{pid}/end", `{"end":"2026-02-01"}`},
			{"POST", "/api/v1/employees/{id}/rater-overrides", `{"rater_id":"x","upper_rater_id":"y","start":"2026-01-01","reason":"Penugasan"}`},
		} {
			schema, _ := dig(doc, "paths", c.pattern, strings.ToLower(c.method), "requestBody", "content", "application/json", "schema").(map[string]any)
			if schema == nil {
				t.Errorf("%s %s: no JSON request schema", c.method, c.pattern)
				continue
			}
			var v any
			json.Unmarshal([]byte(c.body), &v)
			for _, problem := range conform(doc, schema, v, "$") {
				t.Errorf("request %s %s: %s", c.method, c.pattern, problem)
			}
			// Unknown fields are documented as refused, as they are.
			resolved := dig(doc, strings.Split(strings.TrimPrefix(schema["$ref"].(string), "#/"), "/")...).(map[string]any)
			if resolved["additionalProperties"] != false {
				t.Errorf("request %s %s: the schema allows unknown fields, the server does not", c.method, c.pattern)
			}
		}

		login := e.post(t, "/api/v1/auth/login", "", map[string]string{"username": storetest.NIPKabid, "password": "rahasia-kabid"})
		check("POST", "/api/v1/auth/login", login)
		kabid := login.json(t)["token"].(string)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		check("POST", "/api/v1/auth/login", e.post(t, "/api/v1/auth/login", "", map[string]string{"username": "x", "password": "y"}))
		check("POST", "/api/v1/auth/login", e.post(t, "/api/v1/auth/login", "", map[string]string{}))

		check("GET", "/api/v1/me", e.get(t, "/api/v1/me", kabid))
		check("GET", "/api/v1/me", e.get(t, "/api/v1/me", admin))
		check("PATCH", "/api/v1/me", e.do(t, "PATCH", "/api/v1/me", kabid, "application/json", []byte(`{"locale":"en"}`)))
		check("GET", "/api/v1/sessions", e.get(t, "/api/v1/sessions", kabid))
		check("GET", "/api/v1/units", e.get(t, "/api/v1/units", staff))
		check("GET", "/api/v1/units/{id}", e.get(t, "/api/v1/units/"+e.o.Kominfo.ID, staff))
		check("GET", "/api/v1/units/{id}", e.get(t, "/api/v1/units/nope", staff))
		check("GET", "/api/v1/employees", e.get(t, "/api/v1/employees?limit=3", staff))
		check("GET", "/api/v1/employees", e.get(t, "/api/v1/employees?limit=500", staff))
		for _, id := range []string{e.o.Staff1.ID, e.o.Staff2.ID, e.o.Kadis.ID, e.o.Nurse.ID, e.o.WaliKota.ID} {
			check("GET", "/api/v1/employees/{id}", e.get(t, "/api/v1/employees/"+id, staff))
			check("GET", "/api/v1/employees/{id}", e.get(t, "/api/v1/employees/"+id, admin))
		}
		check("GET", "/api/v1/employees/{id}/rater-overrides", e.get(t, "/api/v1/employees/"+e.o.Nurse.ID+"/rater-overrides", admin))
		check("GET", "/api/v1/audit", e.get(t, "/api/v1/audit?limit=20", admin))
		check("GET", "/api/v1/audit", e.get(t, "/api/v1/audit", staff))
		file := "NIP,NAMA,UNOR_ID,JABATAN_NAMA\n199501012022031001,Pegawai Baru,KOMINFO-APL,Staf Aplikasi\n12,Salah,KOMINFO,Staf\n"
		check("POST", "/api/v1/imports/employees", upload(t, e, admin, "p.csv", file, nil))
		check("POST", "/api/v1/imports/employees", upload(t, e, admin, "p.csv", "a,b\n", nil))
		check("GET", "/api/v1/openapi.json", e.get(t, "/api/v1/openapi.json", ""))
	})
}

// responseSchema finds the documented schema of r as an answer to method
// pattern: nil for a documented answer without a body.
func responseSchema(doc map[string]any, method, pattern string, r response) (map[string]any, error) {
	op, ok := dig(doc, "paths", pattern, strings.ToLower(method)).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("not in the document")
	}
	resp, ok := dig(op, "responses", strconv.Itoa(r.status)).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("status %d is not documented: %.300s", r.status, r.body)
	}
	content, _ := resp["content"].(map[string]any)
	if content == nil {
		if len(r.body) > 0 {
			return nil, fmt.Errorf("status %d is documented without a body but has one", r.status)
		}
		return nil, nil
	}
	ct := r.header.Get("Content-Type")
	mt, _, _ := strings.Cut(ct, ";")
	media, ok := content[mt].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("status %d answers %s, documented as %v", r.status, ct, content)
	}
	return media["schema"].(map[string]any), nil
}

func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// conform checks v against a JSON Schema subset (the one the document
// uses: $ref, type, properties, required, items, enum, oneOf,
// additionalProperties) and lists what does not fit.
func conform(doc, schema map[string]any, v any, at string) []string {
	if ref, ok := schema["$ref"].(string); ok {
		target, ok := dig(doc, strings.Split(strings.TrimPrefix(ref, "#/"), "/")...).(map[string]any)
		if !ok {
			return []string{at + ": dangling " + ref}
		}
		return conform(doc, target, v, at)
	}
	if alts, ok := schema["oneOf"].([]any); ok {
		var all []string
		for _, alt := range alts {
			errs := conform(doc, alt.(map[string]any), v, at)
			if len(errs) == 0 {
				return nil
			}
			all = append(all, errs...)
		}
		return []string{fmt.Sprintf("%s: fits none of oneOf: %v", at, all)}
	}
	var out []string
	if types := typesOf(schema["type"]); len(types) > 0 && !slices.Contains(types, jsonType(v)) &&
		!(jsonType(v) == "integer" && slices.Contains(types, "number")) {
		return []string{fmt.Sprintf("%s: %s, documented as %v", at, jsonType(v), types)}
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.ContainsFunc(enum, func(x any) bool { return fmt.Sprint(x) == fmt.Sprint(v) }) {
		out = append(out, fmt.Sprintf("%s: %v is not one of %v", at, v, enum))
	}
	if str, ok := v.(string); ok {
		switch schema["format"] {
		case "date-time":
			if ts, err := time.Parse(time.RFC3339Nano, str); err != nil || !strings.HasSuffix(str, "Z") || ts.IsZero() {
				out = append(out, fmt.Sprintf("%s: %q is not an RFC 3339 time in UTC", at, str))
			}
		case "date":
			if _, err := time.Parse(time.DateOnly, str); err != nil {
				out = append(out, fmt.Sprintf("%s: %q is not a YYYY-MM-DD date", at, str))
			}
		}
	}
	switch x := v.(type) {
	case map[string]any:
		props, hasProps := schema["properties"].(map[string]any)
		for _, req := range asStrings(schema["required"]) {
			if _, ok := x[req]; !ok {
				out = append(out, fmt.Sprintf("%s: required %q missing", at, req))
			}
		}
		for k, val := range x {
			if p, ok := props[k].(map[string]any); ok {
				out = append(out, conform(doc, p, val, at+"."+k)...)
			} else if ap, ok := schema["additionalProperties"].(map[string]any); ok {
				out = append(out, conform(doc, ap, val, at+"."+k)...)
			} else if hasProps {
				out = append(out, fmt.Sprintf("%s: field %q is not documented", at, k))
			}
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok {
			for i, it := range x {
				out = append(out, conform(doc, items, it, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	}
	return out
}

func typesOf(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		return asStrings(t)
	}
	return nil
}

func asStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		if x == float64(int64(x)) {
			return "integer"
		}
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

// TestCanIsAlwaysRequired: every object a client can act on carries its
// "can" rights in every answer, so wherever the OpenAPI document gives an
// object a "can" property it lists it as required, and every right in a
// "can" object is required too.
func TestCanIsAlwaysRequired(t *testing.T) {
	e := setup(t, storetest.Open(t, "sqlite"))
	doc := e.get(t, "/api/v1/openapi.json", "").json(t)
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch v := v.(type) {
		case map[string]any:
			if props, ok := v["properties"].(map[string]any); ok {
				if can, ok := props["can"].(map[string]any); ok && !strings.HasSuffix(at, ".properties") {
					if !slices.Contains(asStrings(v["required"]), "can") {
						t.Errorf("%s: can is not required", at)
					}
					if cp, ok := can["properties"].(map[string]any); ok {
						for k := range cp {
							if !slices.Contains(asStrings(can["required"]), k) {
								t.Errorf("%s: can.%s is not required", at, k)
							}
						}
					}
				}
			}
			for k, c := range v {
				walk(c, at+"."+k)
			}
		case []any:
			for i, c := range v {
				walk(c, fmt.Sprintf("%s[%d]", at, i))
			}
		}
	}
	walk(doc["components"], "components")
	walk(doc["paths"], "paths")
}
