package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// A second factor: a TOTP authenticator (RFC 6238: 30-second steps, six
// digits, SHA-1, as every authenticator app reads it). A user enrols on
// their profile: the secret waits until a first code confirms it, then
// sign-ins need a code besides the password, or one of ten recovery codes
// shown once at confirmation (kept as their SHA-256, each usable once).
// Codes count against the sign-in limits like passwords (limiter.go), and
// a code is accepted once: never again within its time step, nor one of
// an earlier step.
//
// The instansi may require a second factor of its administrators and
// auditors (InstansiSettings.RequireTOTP). Such a user without one who
// signs in with the right password gets no session: the web takes them to
// enrolment first, the API answers a problem that tells them to enrol on
// the web. An administrator of accounts resets the second factor of a
// user who lost their phone.

// Parameters of the authenticator and the recovery codes.
const (
	totpPeriod        = 30
	totpIssuer        = "Kinerja"
	recoveryCodeCount = 10
	recoveryCodeLen   = 10
	// recoveryAlphabet leaves out letters and digits read alike (0/o,
	// 1/l/i): 31 signs, ten of them make some 49 bits.
	recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	// PendingSignInTTL is how long the half of a web sign-in that checked
	// the password waits for the code (or for the enrolment).
	PendingSignInTTL = 10 * time.Minute
)

var totpOpts = totp.ValidateOpts{Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// SecondFactorReason says why a sign-in needs more than the password.
type SecondFactorReason string

// Reasons of a SecondFactorError.
const (
	// SecondFactorNeeded: the account has an authenticator and no code was
	// given.
	SecondFactorNeeded SecondFactorReason = "needed"
	// SecondFactorWrong: the code (or recovery code) given is wrong,
	// used already, or of a time step used already.
	SecondFactorWrong SecondFactorReason = "wrong"
	// SecondFactorEnrol: the instansi requires a second factor of this
	// account and it has none yet.
	SecondFactorEnrol SecondFactorReason = "enrol"
)

// SecondFactorError refuses a sign-in whose password was right: a code is
// needed, the code is wrong, or an authenticator must be enrolled first.
// Pending names the half-done web sign-in that the next step continues
// (web sign-ins only); it is no session and opens nothing else.
type SecondFactorError struct {
	Reason  SecondFactorReason
	Pending string
}

func (e *SecondFactorError) Error() string { return "second factor " + string(e.Reason) }

// Unwrap makes a code needed or wrong ErrUnauthenticated, and an
// enrolment required ErrForbidden.
func (e *SecondFactorError) Unwrap() error {
	if e.Reason == SecondFactorEnrol {
		return model.ErrForbidden
	}
	return model.ErrUnauthenticated
}

// TOTPEnrolment is an authenticator waiting for its first code: the
// secret to type in, and the otpauth:// URL a QR code carries.
type TOTPEnrolment struct {
	Secret string
	URL    string
}

// GroupedSecret is the secret in groups of four, easier to type.
func (e TOTPEnrolment) GroupedSecret() string {
	var b strings.Builder
	for i, r := range e.Secret {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SecondFactorView is where the actor's second factor stands, for the
// profile.
type SecondFactorView struct {
	Enabled      bool
	Waiting      *TOTPEnrolment // an enrolment waiting for its first code
	RecoveryLeft int            // unused recovery codes
	Required     bool           // the instansi requires it of this account
	Can          SecondFactorRights
}

// SecondFactorRights is what the actor may do with their second factor.
type SecondFactorRights struct {
	Enrol   bool // start (or restart) an enrolment
	Disable bool // turn it off (not while the instansi requires it)
}

// otpauthURL is the key URI authenticator apps read (Google's "Key Uri
// Format").
func otpauthURL(secret, account string) string {
	v := url.Values{}
	v.Set("secret", secret)
	v.Set("issuer", totpIssuer)
	v.Set("algorithm", "SHA1")
	v.Set("digits", "6")
	v.Set("period", fmt.Sprint(totpPeriod))
	u := url.URL{Scheme: "otpauth", Host: "totp", Path: "/" + totpIssuer + ":" + account, RawQuery: v.Encode()}
	return u.String()
}

func enrolmentOf(secret, account string) TOTPEnrolment {
	return TOTPEnrolment{Secret: secret, URL: otpauthURL(secret, account)}
}

// newTOTPSecret is 160 random bits in base32, RFC 4226's recommended
// length.
func newTOTPSecret() string {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		panic("random source failed: " + err.Error())
	}
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)
}

// newRecoveryCodes returns fresh recovery codes, as shown ("abcde-fghjk"),
// and their hashes.
func newRecoveryCodes() (codes, hashes []string) {
	for range recoveryCodeCount {
		b := make([]byte, recoveryCodeLen)
		if _, err := rand.Read(b); err != nil {
			panic("random source failed: " + err.Error())
		}
		c := make([]byte, recoveryCodeLen)
		for i, x := range b {
			// 256 is not a multiple of 31: the first signs come up a
			// little more often, a loss of well under a bit.
			c[i] = recoveryAlphabet[int(x)%len(recoveryAlphabet)]
		}
		s := string(c)
		codes = append(codes, s[:5]+"-"+s[5:])
		hashes = append(hashes, recoveryHash(s))
	}
	return codes, hashes
}

// normalCode keeps the letters and digits of a code as typed, in lower
// case: spaces and dashes do not matter.
func normalCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func recoveryHash(code string) string {
	sum := sha256.Sum256([]byte("kinerja-recovery:" + code))
	return hex.EncodeToString(sum[:])
}

func isTOTPCode(c string) bool {
	if len(c) != 6 {
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// matchStep finds the time step, among the one of now and its two
// neighbours (a phone's clock drifts), whose code is code.
func matchStep(secret, code string, now time.Time) (int64, bool) {
	step := now.Unix() / totpPeriod
	for _, s := range []int64{step - 1, step, step + 1} {
		want, err := totp.GenerateCodeCustom(secret, time.Unix(s*totpPeriod, 0), totpOpts)
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return s, true
		}
	}
	return 0, false
}

// userTOTP returns u's authenticator; ok is false when u has none.
func (a *App) userTOTP(ctx context.Context, userID string) (model.TOTP, bool, error) {
	t, err := a.store.UserTOTP(ctx, userID)
	if errors.Is(err, model.ErrNotFound) {
		return t, false, nil
	}
	return t, err == nil, err
}

// mustEnrol reports whether u's instansi requires a second factor of u.
func (a *App) mustEnrol(ctx context.Context, u model.User) (bool, error) {
	if !u.NeedsSecondFactor() {
		return false, nil
	}
	return a.store.RequireTOTP(ctx, u.InstansiID)
}

// secondFactorOf says what a sign-in of u needs besides the password:
// a code (SecondFactorNeeded), an enrolment (SecondFactorEnrol), or
// nothing ("").
func (a *App) secondFactorOf(ctx context.Context, u model.User) (SecondFactorReason, error) {
	t, has, err := a.userTOTP(ctx, u.ID)
	if err != nil || (has && t.Enabled()) {
		return SecondFactorNeeded, err
	}
	must, err := a.mustEnrol(ctx, u)
	if err != nil || !must {
		return "", err
	}
	return SecondFactorEnrol, nil
}

// checkSecondFactor spends a code of u's authenticator, or one of u's
// recovery codes; false when it is wrong or was used.
func (a *App) checkSecondFactor(ctx context.Context, actor model.Actor, t model.TOTP, code string) (bool, error) {
	c := normalCode(code)
	if isTOTPCode(c) {
		step, ok := matchStep(t.Secret, c, a.Now())
		if !ok || step <= t.LastStep {
			return false, nil
		}
		var used bool
		err := a.store.Write(ctx, actor, func(tx *store.Tx) error {
			var err error
			used, err = tx.UseTOTPStep(ctx, t.UserID, step)
			return err
		})
		return used, err
	}
	if len(c) != recoveryCodeLen {
		return false, nil
	}
	var used bool
	err := a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		used, err = tx.UseRecoveryCode(ctx, t.UserID, recoveryHash(c))
		return err
	})
	return used, err
}

// SecondFactor tells where the actor's second factor stands.
func (a *App) SecondFactor(ctx context.Context, actor model.Actor) (SecondFactorView, error) {
	u, err := a.store.User(ctx, actor.UserID)
	if err != nil {
		return SecondFactorView{}, err
	}
	var v SecondFactorView
	if v.Required, err = a.mustEnrol(ctx, u); err != nil {
		return v, err
	}
	t, has, err := a.userTOTP(ctx, u.ID)
	if err != nil {
		return v, err
	}
	switch {
	case has && t.Enabled():
		v.Enabled = true
		if v.RecoveryLeft, err = a.store.RecoveryCodesLeft(ctx, u.ID); err != nil {
			return v, err
		}
	case has:
		e := enrolmentOf(t.Secret, u.Username)
		v.Waiting = &e
	}
	v.Can = SecondFactorRights{Enrol: !v.Enabled, Disable: v.Enabled && !v.Required}
	return v, nil
}

// StartTOTP begins the actor's enrolment: a new secret waits for its
// first code (an enrolment already waiting is replaced). Refused while an
// authenticator is on: it is turned off first. Audited.
func (a *App) StartTOTP(ctx context.Context, actor model.Actor) (TOTPEnrolment, error) {
	u, err := a.store.User(ctx, actor.UserID)
	if err != nil {
		return TOTPEnrolment{}, err
	}
	return a.startTOTP(ctx, actor, u)
}

func (a *App) startTOTP(ctx context.Context, actor model.Actor, u model.User) (TOTPEnrolment, error) {
	t, has, err := a.userTOTP(ctx, u.ID)
	if err != nil {
		return TOTPEnrolment{}, err
	}
	if has && t.Enabled() {
		return TOTPEnrolment{}, model.Refused("totp.refused.enabled")
	}
	secret := newTOTPSecret()
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.StartTOTP(ctx, u.ID, secret) })
	return enrolmentOf(secret, u.Username), err
}

// ConfirmTOTP turns the actor's waiting authenticator on with its first
// code and answers the recovery codes, shown this once. A wrong code
// counts against the sign-in limits. Audited.
func (a *App) ConfirmTOTP(ctx context.Context, actor model.Actor, code string) ([]string, error) {
	u, err := a.store.User(ctx, actor.UserID)
	if err != nil {
		return nil, err
	}
	return a.confirmTOTP(ctx, actor, u, code)
}

func (a *App) confirmTOTP(ctx context.Context, actor model.Actor, u model.User, code string) ([]string, error) {
	t, has, err := a.userTOTP(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	if !has || t.Enabled() {
		return nil, model.Refused("totp.refused.nothing")
	}
	c := normalCode(code)
	if c == "" {
		return nil, model.Invalid("code", "invalid.totp.code.empty")
	}
	at, wait := a.limiter.reserve(strings.ToLower(u.Username), actor.IP)
	if at == nil {
		return nil, &RateLimitError{RetryAfter: wait}
	}
	step, ok := matchStep(t.Secret, c, a.Now())
	if !isTOTPCode(c) || !ok {
		at.failed()
		return nil, model.Invalid("code", "invalid.totp.code")
	}
	at.cancel()
	codes, hashes := newRecoveryCodes()
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.EnableTOTP(ctx, u.ID, step, hashes) })
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// DisableTOTP turns the actor's authenticator off. It asks for the
// password or a current code (or a recovery code); a wrong one counts
// against the sign-in limits. Refused while the instansi requires a second
// factor of the actor. Audited.
func (a *App) DisableTOTP(ctx context.Context, actor model.Actor, password, code string) error {
	u, err := a.store.User(ctx, actor.UserID)
	if err != nil {
		return err
	}
	t, has, err := a.userTOTP(ctx, u.ID)
	if err != nil {
		return err
	}
	if !has || !t.Enabled() {
		return model.Refused("totp.refused.nothing")
	}
	if must, err := a.mustEnrol(ctx, u); err != nil {
		return err
	} else if must {
		return model.Refused("totp.refused.required")
	}
	if password == "" && normalCode(code) == "" {
		return model.Invalid("password", "invalid.totp.disable.proof")
	}
	at, wait := a.limiter.reserve(strings.ToLower(u.Username), actor.IP)
	if at == nil {
		return &RateLimitError{RetryAfter: wait}
	}
	var ok bool
	field, key := "code", "invalid.totp.code"
	if password != "" {
		field, key = "password", "invalid.totp.password"
		ok, err = a.checkPassword(ctx, password, u.PasswordHash)
	} else {
		ok, err = a.checkSecondFactor(ctx, actor, t, code)
	}
	switch {
	case err != nil:
		at.cancel()
		return err
	case !ok:
		at.failed()
		return model.Invalid(field, key)
	}
	at.cancel()
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.RemoveTOTP(ctx, u.ID, false) })
}

// ResetTOTP removes the second factor of an account the actor runs (see
// accounts.go), for a user who lost their phone, and ends the account's
// sessions (the phone may hold one): they sign in with the password
// alone, or enrol again first where the instansi requires it. Audited.
func (a *App) ResetTOTP(ctx context.Context, actor model.Actor, userID string) error {
	s, err := a.accountScope(ctx, actor)
	if err != nil {
		return err
	}
	u, _, err := a.accountOf(ctx, s, userID)
	if err != nil {
		return err
	}
	if _, has, err := a.userTOTP(ctx, u.ID); err != nil {
		return err
	} else if !has {
		return model.Refused("totp.refused.none", u.DisplayName)
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.RemoveTOTP(ctx, u.ID, true) })
}

// SetRequireTOTP chooses whether the instansi requires a second factor of
// its administrators and auditors (BKPSDM). Audited.
func (a *App) SetRequireTOTP(ctx context.Context, actor model.Actor, on bool) error {
	if !authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID}) {
		return forbidden("require a second factor")
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.SetRequireTOTP(ctx, actor.InstansiID, on) })
}

// pendingSignIn is a web sign-in whose password was right, waiting for a
// code (or an enrolment). It lives in memory, like the sign-in limits, and
// only for PendingSignInTTL; it is no session.
type pendingSignIn struct {
	userID   string
	username string
	enrol    bool
	expires  time.Time
}

// pendingSignIns holds the half-done web sign-ins, by the hash of their
// token; bounded like the limiter's tables.
type pendingSignIns struct {
	mu sync.Mutex
	m  map[string]pendingSignIn
}

func (p *pendingSignIns) add(s pendingSignIn, now time.Time) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil {
		p.m = map[string]pendingSignIn{}
	}
	if len(p.m) >= maxBudgets {
		for k, v := range p.m {
			if !now.Before(v.expires) || len(p.m) >= maxBudgets {
				delete(p.m, k)
			}
		}
	}
	token, hash := newToken()
	p.m[hash] = s
	return token
}

func (p *pendingSignIns) get(token string, now time.Time) (pendingSignIn, bool) {
	if token == "" || len(token) > 200 {
		return pendingSignIn{}, false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.m[TokenHash(token)]
	if ok && !now.Before(s.expires) {
		delete(p.m, TokenHash(token))
		return s, false
	}
	return s, ok
}

func (p *pendingSignIns) drop(token string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.m, TokenHash(token))
}

// secondFactorStep checks, after a right password, what else the sign-in
// needs: nothing (nil), a code (checked here when given), or an
// enrolment. at is settled here unless the answer is nil.
func (a *App) secondFactorStep(ctx context.Context, at *attempt, u model.User, actor model.Actor, r LoginRequest) error {
	t, has, err := a.userTOTP(ctx, u.ID)
	if err != nil {
		at.cancel()
		return err
	}
	pending := func(enrol bool) string {
		if r.Kind == "api" {
			return ""
		}
		return a.pending.add(pendingSignIn{userID: u.ID, username: u.Username, enrol: enrol, expires: a.Now().Add(PendingSignInTTL)}, a.Now())
	}
	if has && t.Enabled() {
		if normalCode(r.OTP) == "" {
			// The password was right: no failure, and the address is not
			// known yet either.
			at.cancel()
			return &SecondFactorError{Reason: SecondFactorNeeded, Pending: pending(false)}
		}
		ok, err := a.checkSecondFactor(ctx, actor, t, r.OTP)
		switch {
		case err != nil:
			at.cancel()
			return err
		case !ok:
			at.failed()
			a.log.Warn("sign-in failed: second factor", "username", u.Username, "ip", r.IP)
			return &SecondFactorError{Reason: SecondFactorWrong}
		}
		return nil
	}
	must, err := a.mustEnrol(ctx, u)
	if err != nil {
		at.cancel()
		return err
	}
	if must {
		at.cancel()
		return &SecondFactorError{Reason: SecondFactorEnrol, Pending: pending(true)}
	}
	return nil
}

// SecondStepRequest continues a web sign-in whose password was right:
// the pending sign-in's token and the code (or recovery code).
type SecondStepRequest struct {
	Pending, Code string
	IP, UserAgent string
}

// pendingUser returns the user of a pending sign-in still usable;
// ErrUnauthenticated otherwise (expired, unknown, account disabled).
func (a *App) pendingUser(ctx context.Context, token string, enrol bool) (pendingSignIn, model.User, error) {
	p, ok := a.pending.get(token, a.Now())
	if !ok || p.enrol != enrol {
		return p, model.User{}, fmt.Errorf("pending sign-in: %w", model.ErrUnauthenticated)
	}
	u, err := a.store.User(ctx, p.userID)
	if err != nil {
		return p, u, err
	}
	if u.Disabled {
		return p, u, fmt.Errorf("pending sign-in: %w", model.ErrUnauthenticated)
	}
	return p, u, nil
}

// PendingSignIn reports whether a pending web sign-in is still usable,
// and whether it waits for an enrolment rather than a code.
func (a *App) PendingSignIn(token string) (ok, enrol bool) {
	p, ok := a.pending.get(token, a.Now())
	return ok, p.enrol
}

// CompleteSignIn checks the code of a pending web sign-in and opens the
// session. A wrong code counts against the sign-in limits and leaves the
// pending sign-in for another try; ErrUnauthenticated when it expired.
func (a *App) CompleteSignIn(ctx context.Context, r SecondStepRequest) (LoginResult, error) {
	_, u, err := a.pendingUser(ctx, r.Pending, false)
	if err != nil {
		return LoginResult{}, err
	}
	if normalCode(r.Code) == "" {
		return LoginResult{}, &SecondFactorError{Reason: SecondFactorNeeded, Pending: r.Pending}
	}
	at, wait := a.limiter.reserve(strings.ToLower(u.Username), r.IP)
	if at == nil {
		return LoginResult{}, &RateLimitError{RetryAfter: wait}
	}
	actor, err := a.actorFor(ctx, u)
	if err != nil {
		at.cancel()
		return LoginResult{}, err
	}
	actor.IP = r.IP
	if err := a.secondFactorStep(ctx, at, u, actor, LoginRequest{OTP: r.Code, Kind: "web", IP: r.IP}); err != nil {
		var sf *SecondFactorError
		if errors.As(err, &sf) {
			sf.Pending = r.Pending
		}
		return LoginResult{}, err
	}
	at.succeeded()
	a.pending.drop(r.Pending)
	return a.openSession(ctx, u, actor, "web", r.IP, r.UserAgent)
}

// PendingEnrolment is the enrolment a pending web sign-in must make first:
// the one waiting already, else a new one (audited).
func (a *App) PendingEnrolment(ctx context.Context, token string) (TOTPEnrolment, error) {
	_, u, err := a.pendingUser(ctx, token, true)
	if err != nil {
		return TOTPEnrolment{}, err
	}
	t, has, err := a.userTOTP(ctx, u.ID)
	if err != nil {
		return TOTPEnrolment{}, err
	}
	if has && !t.Enabled() {
		return enrolmentOf(t.Secret, u.Username), nil
	}
	actor, err := a.actorFor(ctx, u)
	if err != nil {
		return TOTPEnrolment{}, err
	}
	return a.startTOTP(ctx, actor, u)
}

// CompleteEnrolment confirms the enrolment of a pending web sign-in with
// its first code, opens the session, and answers the recovery codes, shown
// this once.
func (a *App) CompleteEnrolment(ctx context.Context, r SecondStepRequest) (LoginResult, []string, error) {
	_, u, err := a.pendingUser(ctx, r.Pending, true)
	if err != nil {
		return LoginResult{}, nil, err
	}
	actor, err := a.actorFor(ctx, u)
	if err != nil {
		return LoginResult{}, nil, err
	}
	actor.IP = r.IP
	codes, err := a.confirmTOTP(ctx, actor, u, r.Code)
	if err != nil {
		return LoginResult{}, nil, err
	}
	a.pending.drop(r.Pending)
	res, err := a.openSession(ctx, u, actor, "web", r.IP, r.UserAgent)
	return res, codes, err
}
