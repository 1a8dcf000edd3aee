package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// code is the authenticator's code of secret at t, as a phone computes it.
func code(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	c, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// reason is the SecondFactorError reason of err ("" for none).
func reason(err error) app.SecondFactorReason {
	var sf *app.SecondFactorError
	if errors.As(err, &sf) {
		return sf.Reason
	}
	return ""
}

// enrol turns on an authenticator for actor with a code of the step
// before now, and answers the secret and the recovery codes.
func enrol(t *testing.T, e env, actor model.Actor) (string, []string) {
	t.Helper()
	ctx := context.Background()
	en, err := e.a.StartTOTP(ctx, actor)
	if err != nil {
		t.Fatal(err)
	}
	codes, err := e.a.ConfirmTOTP(ctx, actor, code(t, en.Secret, e.clock.now().Add(-30*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	return en.Secret, codes
}

func userAuditActions(t *testing.T, s *store.Store, e env, userID string) []string {
	t.Helper()
	entries, err := s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "user", EntityID: userID})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, en := range entries {
		out = append(out, en.Action)
	}
	return out
}

func TestTOTPEnrolAndSignIn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		login := func(otp string) error {
			_, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", OTP: otp, Kind: "api", IP: "198.51.100.7"})
			return err
		}

		// Enrolled but not confirmed: sign-ins need no code yet, and a
		// wrong first code turns nothing on.
		en, err := e.a.StartTOTP(ctx, staff)
		if err != nil || len(en.Secret) != 32 || en.URL == "" {
			t.Fatalf("start: %+v, %v", en, err)
		}
		if err := login(""); err != nil {
			t.Fatalf("sign-in while the enrolment waits: %v", err)
		}
		if _, err := e.a.ConfirmTOTP(ctx, staff, "000000"); err == nil {
			t.Fatal("a wrong first code turned the authenticator on")
		}
		codes, err := e.a.ConfirmTOTP(ctx, staff, code(t, en.Secret, e.clock.now().Add(-30*time.Second)))
		if err != nil || len(codes) != 10 {
			t.Fatalf("confirm: %v, %v", codes, err)
		}
		if _, err := e.a.StartTOTP(ctx, staff); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a second enrolment while one is on: %v", err)
		}

		// From now on the password alone is not enough.
		if err := login(""); reason(err) != app.SecondFactorNeeded || !errors.Is(err, model.ErrUnauthenticated) {
			t.Fatalf("without a code: %v", err)
		}
		if err := login("123456"); reason(err) != app.SecondFactorWrong {
			t.Fatalf("with a wrong code: %v", err)
		}
		now := code(t, en.Secret, e.clock.now())
		if err := login(now); err != nil {
			t.Fatalf("with the right code: %v", err)
		}
		if err := login(now); reason(err) != app.SecondFactorWrong {
			t.Fatalf("the same code again (replay): %v", err)
		}
		// An older step, still within the drift allowed, is refused too.
		if err := login(code(t, en.Secret, e.clock.now().Add(-30*time.Second))); reason(err) != app.SecondFactorWrong {
			t.Fatalf("a code of an earlier step: %v", err)
		}
		e.clock.add(30 * time.Second)
		if err := login(code(t, en.Secret, e.clock.now())); err != nil {
			t.Fatalf("the next step's code: %v", err)
		}

		// A recovery code works once, typed however.
		if err := login(" " + codes[3] + " "); err != nil {
			t.Fatalf("recovery code: %v", err)
		}
		if err := login(codes[3]); reason(err) != app.SecondFactorWrong {
			t.Fatalf("the same recovery code again: %v", err)
		}
		v, err := e.a.SecondFactor(ctx, staff)
		if err != nil || !v.Enabled || v.RecoveryLeft != 9 || v.Can.Enrol || !v.Can.Disable {
			t.Errorf("second factor view: %+v, %v", v, err)
		}

		// Turning it off needs the password or a code.
		if err := e.a.DisableTOTP(ctx, staff, "salah", ""); err == nil {
			t.Fatal("turned off with a wrong password")
		}
		if err := e.a.DisableTOTP(ctx, staff, "rahasia-staf1", ""); err != nil {
			t.Fatal(err)
		}
		if err := login(""); err != nil {
			t.Fatalf("sign-in after turning it off: %v", err)
		}
		got := userAuditActions(t, s, e, staff.UserID)
		for _, want := range []string{"totp.enrol", "totp.confirm", "totp.recovery_use", "totp.disable"} {
			if !slices.Contains(got, want) {
				t.Errorf("audit lacks %s: %v", want, got)
			}
		}
	})
}

func TestWrongCodesCountAgainstTheSignInLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		secret, _ := enrol(t, e, staff)
		var err error
		for i := range 6 {
			_, err = e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", OTP: "00000" + string(rune('0'+i)), Kind: "api", IP: "203.0.113.50"})
		}
		if !errors.Is(err, model.ErrRateLimited) {
			t.Fatalf("the sixth wrong code from one address: %v", err)
		}
		// Even the right code waits now.
		_, err = e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", OTP: code(t, secret, e.clock.now()), Kind: "api", IP: "203.0.113.50"})
		if !errors.Is(err, model.ErrRateLimited) {
			t.Fatalf("the right code right after: %v", err)
		}
	})
}

func TestInstansiRequiresASecondFactorOfAdministrators(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if err := e.a.SetRequireTOTP(ctx, staff, true); !errors.Is(err, model.ErrForbidden) {
			t.Fatalf("an ASN set the requirement: %v", err)
		}
		if err := e.a.SetRequireTOTP(ctx, e.admin, true); err != nil {
			t.Fatal(err)
		}
		if set, err := e.a.InstansiSettings(ctx, e.admin); err != nil || !set.RequireTOTP {
			t.Fatalf("settings: %+v, %v", set, err)
		}
		// An ASN is not concerned.
		e.login(t, storetest.NIPStaff1, "rahasia-staf1")

		// The administrator gets no API session, and on the web only a
		// pending sign-in that enrols.
		_, err := e.a.Login(ctx, app.LoginRequest{Username: "admin", Password: "rahasia-admin", Kind: "api"})
		var sf *app.SecondFactorError
		if !errors.As(err, &sf) || sf.Reason != app.SecondFactorEnrol || sf.Pending != "" || !errors.Is(err, model.ErrForbidden) {
			t.Fatalf("API sign-in of an administrator without a second factor: %v", err)
		}
		_, err = e.a.Login(ctx, app.LoginRequest{Username: "admin", Password: "rahasia-admin", Kind: "web", IP: "198.51.100.7"})
		if !errors.As(err, &sf) || sf.Reason != app.SecondFactorEnrol || sf.Pending == "" {
			t.Fatalf("web sign-in: %v", err)
		}
		if _, err := e.a.Authenticate(ctx, sf.Pending, ""); err == nil {
			t.Fatal("the pending sign-in works as a session")
		}
		if _, err := e.a.CompleteSignIn(ctx, app.SecondStepRequest{Pending: sf.Pending, Code: "123456"}); !errors.Is(err, model.ErrUnauthenticated) {
			t.Fatalf("an enrolling sign-in passed as a code step: %v", err)
		}
		en, err := e.a.PendingEnrolment(ctx, sf.Pending)
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := e.a.PendingEnrolment(ctx, sf.Pending); again.Secret != en.Secret {
			t.Error("reloading the enrolment page changed the secret")
		}
		if _, _, err := e.a.CompleteEnrolment(ctx, app.SecondStepRequest{Pending: sf.Pending, Code: "000000"}); err == nil {
			t.Fatal("a wrong code enrolled")
		}
		res, codes, err := e.a.CompleteEnrolment(ctx, app.SecondStepRequest{Pending: sf.Pending, Code: code(t, en.Secret, e.clock.now())})
		if err != nil || res.Token == "" || len(codes) != 10 {
			t.Fatalf("enrol: %v, %d codes", err, len(codes))
		}
		if _, _, err := e.a.CompleteEnrolment(ctx, app.SecondStepRequest{Pending: sf.Pending, Code: code(t, en.Secret, e.clock.now())}); err == nil {
			t.Fatal("the pending sign-in was used twice")
		}
		admin, err := e.a.Authenticate(ctx, res.Token, "")
		if err != nil {
			t.Fatal(err)
		}
		// Required: it cannot be turned off.
		if err := e.a.DisableTOTP(ctx, admin, "rahasia-admin", ""); !errors.Is(err, model.ErrInvalidTransition) {
			t.Fatalf("turned a required second factor off: %v", err)
		}

		// The web's second step: a wrong code leaves the pending sign-in
		// for another try, the right one opens the session.
		e.clock.add(30 * time.Second)
		_, err = e.a.Login(ctx, app.LoginRequest{Username: "admin", Password: "rahasia-admin", Kind: "web", IP: "198.51.100.7"})
		if !errors.As(err, &sf) || sf.Reason != app.SecondFactorNeeded || sf.Pending == "" {
			t.Fatalf("web sign-in with a second factor: %v", err)
		}
		if _, err := e.a.CompleteSignIn(ctx, app.SecondStepRequest{Pending: sf.Pending, Code: "111111"}); reason(err) != app.SecondFactorWrong {
			t.Fatalf("wrong code: %v", err)
		}
		if _, err := e.a.CompleteSignIn(ctx, app.SecondStepRequest{Pending: sf.Pending, Code: code(t, en.Secret, e.clock.now())}); err != nil {
			t.Fatalf("right code: %v", err)
		}
		// A pending sign-in ends after its time.
		_, err = e.a.Login(ctx, app.LoginRequest{Username: "admin", Password: "rahasia-admin", Kind: "web", IP: "198.51.100.7"})
		if !errors.As(err, &sf) {
			t.Fatal(err)
		}
		e.clock.add(app.PendingSignInTTL + time.Second)
		if _, err := e.a.CompleteSignIn(ctx, app.SecondStepRequest{Pending: sf.Pending, Code: code(t, en.Secret, e.clock.now())}); !errors.Is(err, model.ErrUnauthenticated) {
			t.Fatalf("an expired pending sign-in: %v", err)
		}
	})
}

func TestAdministratorResetsALostSecondFactor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		enrol(t, e, staff)
		v, err := e.a.Account(ctx, e.admin, staff.UserID)
		if err != nil || !v.SecondFactor || !v.Can.ResetTOTP {
			t.Fatalf("account view: %+v, %v", v, err)
		}
		colleague := e.login(t, storetest.NIPStaff2, "rahasia-staf2")
		if err := e.a.ResetTOTP(ctx, colleague, staff.UserID); err == nil {
			t.Fatal("a colleague reset the second factor")
		}
		if err := e.a.ResetTOTP(ctx, e.admin, staff.UserID); err != nil {
			t.Fatal(err)
		}
		// The sessions the lost phone may hold end too.
		if sessions, err := s.ActiveSessions(ctx, staff.UserID, e.a.Now()); err != nil || len(sessions) != 0 {
			t.Errorf("sessions left after the reset: %d, %v", len(sessions), err)
		}
		if err := e.a.ResetTOTP(ctx, e.admin, staff.UserID); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a second reset: %v", err)
		}
		e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if got := userAuditActions(t, s, e, staff.UserID); !slices.Contains(got, "totp.reset") {
			t.Errorf("the reset is not audited: %v", got)
		}
	})
}

func TestAResetLinkDoesNotPassTheSecondFactor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		secret, _ := enrol(t, e, staff)
		l, err := e.a.IssueAccountLink(ctx, e.admin, staff.UserID)
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.a.ActivateAccount(ctx, app.ActivateRequest{Token: l.Token, Password: "sawah lunto indah", Kind: "web"})
		if reason(err) != app.SecondFactorNeeded || res.Token != "" {
			t.Fatalf("a reset link signed an account with a second factor in: %v, token %q", err, res.Token)
		}
		// The password is set all the same, and signs in with a code.
		if _, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "sawah lunto indah", OTP: code(t, secret, e.clock.now()), Kind: "api"}); err != nil {
			t.Fatalf("sign-in with the new password and a code: %v", err)
		}
	})
}
