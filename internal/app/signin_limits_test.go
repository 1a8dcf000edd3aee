package app_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// counted is a second App over the test's store whose password checks are
// counted; its sign-in limits start empty.
func counted(t *testing.T, s *store.Store, e env) (*app.App, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	a := app.New(s, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{Password: cheap, Now: e.clock.now,
		OnPasswordCheck: func() { n.Add(1) }})
	return a, &n
}

// burst sends n sign-ins at once and answers how many were refused by
// the limits.
func burst(a *app.App, n int, user, pw string, ip func(i int) string) (limited int) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, err := a.Login(context.Background(), app.LoginRequest{Username: user, Password: pw, Kind: "api", IP: ip(i)})
			if errors.Is(err, model.ErrRateLimited) {
				mu.Lock()
				limited++
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	return limited
}

func TestParallelWrongPasswordsCheckAtMostTheBudget(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		a, checks := counted(t, s, e)
		limited := burst(a, 64, storetest.NIPStaff1, "salah-sekali", func(int) string { return "203.0.113.5" })
		if checks.Load() > 5 || checks.Load() == 0 || limited != 64-int(checks.Load()) {
			t.Fatalf("64 parallel wrong passwords from one address: %d checked, %d limited", checks.Load(), limited)
		}

		// From 64 addresses at once: no more than five are checked at a
		// time, and no more than the account's budget in all.
		b, checks := counted(t, s, e)
		limited = burst(b, 64, storetest.NIPStaff2, "salah-sekali", func(i int) string { return fmt.Sprintf("198.18.0.%d", i+1) })
		if checks.Load() > 20 || limited < 64-20 {
			t.Fatalf("64 parallel wrong passwords from 64 addresses: %d checked, %d limited", checks.Load(), limited)
		}
	})
}

func TestOwnerSignsInWhileAttackedFromElsewhere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		a, _ := counted(t, s, e)
		ctx := context.Background()
		login := func(pw, ip string) error {
			_, err := a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: pw, Kind: "web", IP: ip})
			return err
		}
		// The owner signed in once from the office.
		if err := login("rahasia-staf1", "192.0.2.10"); err != nil {
			t.Fatal(err)
		}
		// One attacker: slowed down at their address only.
		for range 8 {
			login("tebakan", "203.0.113.66")
		}
		var rl *app.RateLimitError
		if err := login("rahasia-staf1", "203.0.113.66"); !errors.As(err, &rl) || rl.RetryAfter <= 0 {
			t.Fatalf("the attacker's address after its budget: %v", err)
		}
		if err := login("rahasia-staf1", "192.0.2.77"); err != nil {
			t.Fatalf("the owner from a new address while one address attacks: %v", err)
		}
		// Many attackers, each within their pair's budget, use up the
		// account's: a new address is slowed down, the owner's known one
		// is not.
		for i := range 30 {
			login("tebakan", fmt.Sprintf("198.51.100.%d", i+1))
			login("tebakan-lagi", fmt.Sprintf("198.51.100.%d", i+1))
		}
		if err := login("rahasia-staf1", "192.0.2.200"); !errors.Is(err, model.ErrRateLimited) {
			t.Fatalf("a new address while the account is attacked from many: %v", err)
		}
		if err := login("rahasia-staf1", "192.0.2.10"); err != nil {
			t.Fatalf("the owner from their known address: %v", err)
		}
		// Other accounts are not held by any of it.
		if _, err := a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff2, Password: "rahasia-staf2", IP: "192.0.2.200"}); err != nil {
			t.Fatalf("another account: %v", err)
		}
	})
}

func TestFailuresSlowDownRatherThanLock(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		a, checks := counted(t, s, e)
		ctx := context.Background()
		login := func(pw string) error {
			_, err := a.Login(ctx, app.LoginRequest{Username: storetest.NIPNurse, Password: pw, Kind: "api", IP: "203.0.113.1"})
			return err
		}
		for i := range 5 {
			if err := login("salah"); !errors.Is(err, model.ErrUnauthenticated) {
				t.Fatalf("failure %d: %v", i+1, err)
			}
		}
		// Past the budget each try waits, twice as long after each
		// failure; a refused try is not checked and does not count.
		var waits []time.Duration
		for range 3 {
			var rl *app.RateLimitError
			if err := login("salah"); !errors.As(err, &rl) {
				t.Fatalf("right after a failure past the budget: %v", err)
			}
			waits = append(waits, rl.RetryAfter)
			before := checks.Load()
			login("salah")
			if checks.Load() != before {
				t.Fatal("a refused try was checked")
			}
			e.clock.add(rl.RetryAfter)
			if err := login("salah"); !errors.Is(err, model.ErrUnauthenticated) {
				t.Fatalf("after waiting %s: %v", rl.RetryAfter, err)
			}
		}
		if waits[0] <= 0 || waits[1] != 2*waits[0] || waits[2] != 2*waits[1] {
			t.Errorf("waits %v do not double", waits)
		}
		// Never longer than a quarter of an hour, however many failures.
		for range 20 {
			var rl *app.RateLimitError
			if err := login("salah"); errors.As(err, &rl) {
				if rl.RetryAfter > 15*time.Minute {
					t.Fatalf("wait %s", rl.RetryAfter)
				}
				e.clock.add(rl.RetryAfter)
			}
		}
		e.clock.add(16 * time.Minute)
		if err := login("rahasia-nurse"); err != nil {
			t.Fatalf("the right password after the wait: %v", err)
		}
		// Success clears the count: the next typo is checked at once.
		if err := login("salah"); !errors.Is(err, model.ErrUnauthenticated) {
			t.Fatalf("a typo after signing in: %v", err)
		}
	})
}

func TestAdministratorsSeeAndLiftSignInLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		for _, n := range []app.NewUser{
			{Username: "opd-kominfo", Password: "rahasia-opd1", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Kominfo.ID}}},
			{Username: "opd-dinkes", Password: "rahasia-opd2", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Dinkes.ID}}},
		} {
			if _, err := e.a.CreateUser(ctx, sys, n); err != nil {
				t.Fatal(err)
			}
		}
		kominfo, dinkes := e.login(t, "opd-kominfo", "rahasia-opd1"), e.login(t, "opd-dinkes", "rahasia-opd2")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		for range 5 {
			e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "salah", IP: "203.0.113.8"})
		}
		try := func() error {
			_, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", IP: "203.0.113.8"})
			return err
		}
		if err := try(); !errors.Is(err, model.ErrRateLimited) {
			t.Fatalf("sixth attempt: %v", err)
		}

		holds, err := e.a.SignInHolds(ctx, e.admin)
		if err != nil || len(holds) != 1 {
			t.Fatalf("the BKPSDM admin sees %+v, %v", holds, err)
		}
		h := holds[0]
		if h.UserID == "" || h.Address != "203.0.113.8" || h.Failures != 5 || !h.Can.Lift || h.Until.IsZero() {
			t.Errorf("hold %+v", h)
		}
		if got, err := e.a.SignInHolds(ctx, kominfo); err != nil || len(got) != 1 || got[0].ID != h.ID {
			t.Errorf("the OPD admin of the account's OPD sees %+v, %v", got, err)
		}
		if got, err := e.a.SignInHolds(ctx, dinkes); err != nil || len(got) != 0 {
			t.Errorf("another OPD's admin sees %+v, %v", got, err)
		}
		if _, err := e.a.SignInHolds(ctx, staff); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN: %v", err)
		}
		if err := e.a.LiftSignInHold(ctx, dinkes, h.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("another OPD's admin lifts: %v", err)
		}
		if err := e.a.LiftSignInHold(ctx, kominfo, h.ID); err != nil {
			t.Fatal(err)
		}
		if err := try(); err != nil {
			t.Fatalf("after the lift: %v", err)
		}
		entries, err := e.a.Audit(ctx, e.admin, model.AuditFilter{EntityType: "user", EntityID: h.UserID})
		if err != nil {
			t.Fatal(err)
		}
		lifted := false
		for _, a := range entries {
			lifted = lifted || a.Action == "sign_in.lift" && a.ActorID == kominfo.UserID
		}
		if !lifted {
			t.Errorf("the lift is not audited: %+v", entries)
		}

		// Unlocking an account lifts its limits from every address.
		for _, ip := range []string{"203.0.113.20", "203.0.113.21"} {
			for range 5 {
				e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPNurse, Password: "salah", IP: ip})
			}
		}
		nurse := ""
		for _, h := range must(e.a.SignInHolds(ctx, e.admin)) {
			nurse = h.UserID
		}
		if _, err := e.a.UnlockUser(ctx, kominfo, nurse); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("another OPD's admin unlocks: %v", err)
		}
		if n, err := e.a.UnlockUser(ctx, dinkes, nurse); err != nil || n < 2 { // both addresses, and the account's own count
			t.Fatalf("unlock: %d, %v", n, err)
		}
		if got := must(e.a.SignInHolds(ctx, e.admin)); len(got) != 0 {
			t.Errorf("after unlocking: %+v", got)
		}
		if _, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPNurse, Password: "rahasia-nurse", IP: "203.0.113.21"}); err != nil {
			t.Fatalf("after unlocking: %v", err)
		}
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestChangingPasswordIsLimitedAndChecked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		for _, c := range []struct{ pw, key string }{
			{"1234567890", "invalid.password.digits"},
			{"password123", "invalid.password.common"},
			{"qwertyuiop", "invalid.password.pattern"},
			{storetest.NIPStaff1 + "x", "invalid.password.personal"},
			{"kinerja2026", "invalid.password.common"},
		} {
			err := e.a.ChangePassword(ctx, staff, "rahasia-staf1", c.pw)
			var ve *model.ValidationError
			if !errors.As(err, &ve) || ve.Fields["new_password"] == "" {
				t.Errorf("%q: %v", c.pw, err)
			}
		}
		for i := range 5 {
			if err := e.a.ChangePassword(ctx, staff, "bukan-sandi", "kuda-lompat-tinggi"); !errors.As(err, new(*model.ValidationError)) {
				t.Fatalf("wrong current password %d: %v", i+1, err)
			}
		}
		if err := e.a.ChangePassword(ctx, staff, "rahasia-staf1", "kuda-lompat-tinggi"); !errors.Is(err, model.ErrRateLimited) {
			t.Fatalf("after five wrong current passwords: %v", err)
		}
		// They count against sign-in from that address too.
		if _, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", IP: staff.IP}); !errors.Is(err, model.ErrRateLimited) {
			t.Fatalf("sign-in from the same address: %v", err)
		}
		e.clock.add(time.Minute)
		if err := e.a.ChangePassword(ctx, staff, "rahasia-staf1", "kuda-lompat-tinggi"); err != nil {
			t.Fatalf("after the wait: %v", err)
		}
	})
}

func TestValidatePassword(t *testing.T) {
	for _, c := range []struct {
		pw       string
		personal []string
		key      string // "" when accepted
	}{
		{"1234567890", nil, "invalid.password.digits"},
		{"12345678901234567890", nil, "invalid.password.digits"},
		{"pendek", nil, "invalid.password.short"},
		{"password", nil, "invalid.password.common"},
		{"iloveyou123", nil, "invalid.password.common"},
		{"abcdefghijk", nil, "invalid.password.pattern"},
		{"aaaaaaaaaaaa", nil, "invalid.password.pattern"},
		{"sawahlunto", nil, "invalid.password.common"},
		{"andipratama", []string{"198001012005011001", "Andi Pratama"}, "invalid.password.personal"},
		{"a198001012005011001", []string{"198001012005011001"}, "invalid.password.personal"},
		{"rahasia-admin", []string{"admin", "Admin BKPSDM"}, ""},
		{"kuda-lompat-tinggi", nil, ""},
		{"Pagi ini hujan di Sawahlunto", nil, ""},
	} {
		err := app.ValidatePassword(c.pw, c.personal...)
		var m model.Message
		switch {
		case c.key == "" && err != nil:
			t.Errorf("%q refused: %v", c.pw, err)
		case c.key != "" && (!errors.As(err, &m) || m.Key != c.key):
			t.Errorf("%q: %v, want %s", c.pw, err, c.key)
		}
	}
}
