package api

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

// FuzzDecode: every JSON body a client sends is read whole or refused as
// a malformed request or a field error; never a crash. A body read
// holds no key twice (in any letter case), no number past model.MaxInt
// and no hidden character, whatever the body was.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"username":"admin","password":"rahasia"}`,
		`{"username":"nobody","username":"admin","password":"x"}`,
		`{"username":"nobody","Username":"admin","password":"x"}`,
		`{"version":2147483653,"year":2026,"answers":[1,5],"note":"baris\nkedua"}`,
		`{"version":-1}`, `{"year":1e20}`, `{"note":"\u202Eabc"}`, `{"note":"a\u0000b"}`,
		`{"meta":{"a":1,"A":2}}`, `{"answers":[9223372036854775808]}`, ` {} `, `[]`, `{"note":1}`, `{"x":1}`, "{\"note\":\"\xff\"}",
	} {
		f.Add(s)
	}
	type body struct {
		Username string            `json:"username"`
		Password string            `json:"password"`
		Version  *int              `json:"version"`
		Year     int               `json:"year"`
		Answers  []int             `json:"answers"`
		Note     string            `json:"note"`
		Meta     map[string]any    `json:"meta"`
		Tags     map[string]string `json:"tags"`
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := httptest.NewRequest("POST", "/api/v1/x", strings.NewReader(s))
		r.Header.Set("Content-Type", "application/json")
		var v body
		err := decode(httptest.NewRecorder(), r, &v)
		if err != nil {
			var be *badRequest
			var ve *model.ValidationError
			if !errors.As(err, &be) && !errors.As(err, &ve) {
				t.Fatalf("decode(%q): %v is neither a bad request nor a field error", s, err)
			}
			return
		}
		if strings.TrimSpace(s) == "" {
			return
		}
		if k, dup := duplicateKey([]byte(s)); dup {
			t.Fatalf("decode(%q) read a body with %q twice", s, k)
		}
		var again body
		if err := json.Unmarshal([]byte(s), &again); err != nil {
			t.Fatalf("decode(%q) read what encoding/json refuses: %v", s, err)
		}
		if v.Version != nil && (*v.Version < 0 || *v.Version > model.MaxInt) || v.Year < 0 || v.Year > model.MaxInt {
			t.Fatalf("decode(%q) read a number out of range: %+v", s, v)
		}
		for _, n := range v.Answers {
			if n < 0 || n > model.MaxInt {
				t.Fatalf("decode(%q) read answer %d", s, n)
			}
		}
		for _, text := range []string{v.Username, v.Password, v.Note} {
			if model.TextFault(text, true) >= 0 {
				t.Fatalf("decode(%q) read text %q", s, text)
			}
		}
		for k, x := range v.Tags {
			if model.TextFault(k, true) >= 0 || model.TextFault(x, true) >= 0 {
				t.Fatalf("decode(%q) read tag %q=%q", s, k, x)
			}
		}
	})
}
