package api_test

import (
	"encoding/json"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// PATCH /api/v1/me changes the language or the e-mail choice, each alone;
// a body that changes nothing is refused.
func TestPatchMe(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		check := documented(t, e)
		tok := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		r := e.do(t, "PATCH", "/api/v1/me", tok, "application/json", []byte(`{"email_digest":true}`))
		check("PATCH", "/api/v1/me", r)
		var me struct {
			EmailDigest bool `json:"email_digest"`
			User        struct {
				Locale string `json:"locale"`
			} `json:"user"`
		}
		if err := json.Unmarshal(r.body, &me); err != nil || r.status != 200 || !me.EmailDigest {
			t.Fatalf("digest on: %d %s", r.status, r.body)
		}
		r = e.do(t, "PATCH", "/api/v1/me", tok, "application/json", []byte(`{"locale":"en"}`))
		if err := json.Unmarshal(r.body, &me); err != nil || r.status != 200 || !me.EmailDigest || me.User.Locale != "en" {
			t.Fatalf("language alone: %d %s", r.status, r.body)
		}
		problem(t, e.do(t, "PATCH", "/api/v1/me", tok, "application/json", []byte(`{}`)), 422)
		problem(t, e.do(t, "PATCH", "/api/v1/me", tok, "application/json", []byte(`{"email_digest":"ya"}`)), 422)
	})
}
