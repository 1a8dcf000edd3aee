package api_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// testClock is a settable clock, so that each code of a test falls in a
// time step of its choosing.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// setupClocked is setup on a clock the test moves.
func setupClocked(t *testing.T, s *store.Store) (env, *testClock) {
	t.Helper()
	o := storetest.SeedOrg(t, s)
	c := &testClock{t: time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)}
	a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Now: c.now})
	sys := model.SystemActor(o.Instansi.ID, "test")
	for _, n := range []app.NewUser{
		{Username: "admin", Password: "rahasia-admin", Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}},
		{Username: "auditor", Password: "rahasia-audit", Roles: []model.RoleGrant{{Role: model.RoleAuditor}}},
		{EmployeeNIP: storetest.NIPStaff1, Password: "rahasia-staf1"},
	} {
		if _, err := a.CreateUser(context.Background(), sys, n); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(server.New(a))
	t.Cleanup(ts.Close)
	return env{url: ts.URL, o: o, s: s}, c
}

func totpCode(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	c, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// problemType checks r is a problem of status and answers its type's slug.
func problemType(t *testing.T, r response, status int) string {
	t.Helper()
	p := problem(t, r, status)
	typ, _ := p["type"].(string)
	return strings.TrimPrefix(typ, "https://kinerja.id/problems/")
}

func TestSecondFactorOverTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, clock := setupClocked(t, s)
		tok := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		login := func(otp string) response {
			body := map[string]string{"username": storetest.NIPStaff1, "password": "rahasia-staf1"}
			if otp != "" {
				body["otp"] = otp
			}
			return e.post(t, "/api/v1/auth/login", "", body)
		}

		r := e.post(t, "/api/v1/me/totp", tok, nil)
		if r.status != 201 {
			t.Fatalf("enrol: %d %s", r.status, r.body)
		}
		enrolment := r.json(t)
		secret, _ := enrolment["secret"].(string)
		url, _ := enrolment["otpauth_url"].(string)
		if len(secret) != 32 || !strings.HasPrefix(url, "otpauth://totp/Kinerja:"+storetest.NIPStaff1+"?") || !strings.Contains(url, "secret="+secret) {
			t.Fatalf("enrolment = %v", enrolment)
		}
		// Pending: the password still signs in alone.
		if r := login(""); r.status != 200 {
			t.Fatalf("sign-in while pending: %d %s", r.status, r.body)
		}
		if slug := problemType(t, e.post(t, "/api/v1/me/totp/confirm", tok, map[string]string{"code": "000000"}), 422); slug != "validation" {
			t.Errorf("a wrong first code: %s", slug)
		}
		r = e.post(t, "/api/v1/me/totp/confirm", tok, map[string]string{"code": totpCode(t, secret, clock.now().Add(-30*time.Second))})
		if r.status != 200 {
			t.Fatalf("confirm: %d %s", r.status, r.body)
		}
		codes := toStrings(r.json(t)["recovery_codes"])
		if len(codes) != 10 {
			t.Fatalf("recovery codes = %v", codes)
		}
		if st := e.get(t, "/api/v1/me/totp", tok).json(t); st["enabled"] != true || st["recovery_codes_left"] != float64(10) || st["waiting"] != nil {
			t.Errorf("status = %v", st)
		}

		if slug := problemType(t, login(""), 401); slug != "otp-required" {
			t.Errorf("without a code: %s", slug)
		}
		if slug := problemType(t, login("999999"), 401); slug != "otp-invalid" {
			t.Errorf("with a wrong code: %s", slug)
		}
		right := totpCode(t, secret, clock.now())
		if r := login(right); r.status != 200 || r.json(t)["token"] == "" {
			t.Fatalf("with the right code: %d %s", r.status, r.body)
		}
		if slug := problemType(t, login(right), 401); slug != "otp-invalid" {
			t.Errorf("the same code again: %s", slug)
		}
		if r := login(codes[0]); r.status != 200 {
			t.Fatalf("with a recovery code: %d %s", r.status, r.body)
		}
		if slug := problemType(t, login(codes[0]), 401); slug != "otp-invalid" {
			t.Errorf("the same recovery code again: %s", slug)
		}

		// Turning it off needs a proof; a used code is none.
		problemType(t, e.do(t, "DELETE", "/api/v1/me/totp", tok, "application/json", []byte(`{}`)), 422)
		problemType(t, e.do(t, "DELETE", "/api/v1/me/totp", tok, "application/json", []byte(`{"code":"`+right+`"}`)), 422)
		clock.add(30 * time.Second)
		if r := e.do(t, "DELETE", "/api/v1/me/totp", tok, "application/json", []byte(`{"code":"`+totpCode(t, secret, clock.now())+`"}`)); r.status != 204 {
			t.Fatalf("turn off: %d %s", r.status, r.body)
		}
		if r := login(""); r.status != 200 {
			t.Fatalf("sign-in after turning it off: %d %s", r.status, r.body)
		}
	})
}

func TestSecondFactorRequiredAndReset(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, clock := setupClocked(t, s)
		admin := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if r := e.do(t, "PATCH", "/api/v1/settings", staff, "application/json", []byte(`{"require_totp":true}`)); r.status != 403 {
			t.Fatalf("an ASN required a second factor: %d %s", r.status, r.body)
		}
		r := e.do(t, "PATCH", "/api/v1/settings", admin, "application/json", []byte(`{"require_totp":true}`))
		if r.status != 200 || r.json(t)["require_totp"] != true {
			t.Fatalf("require: %d %s", r.status, r.body)
		}
		// The auditor has none: no token, and a problem that says to enrol.
		if slug := problemType(t, e.post(t, "/api/v1/auth/login", "", map[string]string{"username": "auditor", "password": "rahasia-audit"}), 403); slug != "totp-enrolment-required" {
			t.Errorf("auditor without a second factor: %s", slug)
		}
		// The ASN is not concerned; she enrols of her own will.
		staff = e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		secret := e.post(t, "/api/v1/me/totp", staff, nil).json(t)["secret"].(string)
		if r := e.post(t, "/api/v1/me/totp/confirm", staff, map[string]string{"code": totpCode(t, secret, clock.now())}); r.status != 200 {
			t.Fatalf("confirm: %d %s", r.status, r.body)
		}
		var userID string
		for _, it := range e.get(t, "/api/v1/users?q="+storetest.NIPStaff1, admin).json(t)["items"].([]any) {
			userID, _ = it.(map[string]any)["id"].(string)
		}
		acct := e.get(t, "/api/v1/users/"+userID, admin).json(t)
		if acct["second_factor"] != "on" || acct["can"].(map[string]any)["reset_totp"] != true {
			t.Fatalf("account = %v", acct)
		}
		// Her phone is lost: the administrator resets it.
		if r := e.do(t, "DELETE", "/api/v1/users/"+userID+"/totp", staff, "", nil); r.status < 400 {
			t.Fatalf("she reset her own through the admin route: %d", r.status)
		}
		if r := e.do(t, "DELETE", "/api/v1/users/"+userID+"/totp", admin, "", nil); r.status != 204 {
			t.Fatalf("reset: %d %s", r.status, r.body)
		}
		e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		var audited []string
		for _, it := range e.get(t, "/api/v1/audit?entity_type=user&entity_id="+userID, admin).json(t)["items"].([]any) {
			audited = append(audited, it.(map[string]any)["action"].(string))
		}
		for _, want := range []string{"totp.enrol", "totp.confirm", "totp.reset"} {
			if !strings.Contains(strings.Join(audited, " "), want) {
				t.Errorf("audit lacks %s: %v", want, audited)
			}
		}
	})
}
