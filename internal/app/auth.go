package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Session lifetimes: a web session lasts a working day and a half; an API
// token a month. Both can be revoked at any time.
const (
	WebSessionTTL = 12 * time.Hour
	APISessionTTL = 30 * 24 * time.Hour
	touchEvery    = time.Minute
)

// RateLimitError says a sign-in was refused for too many failures.
type RateLimitError struct{ RetryAfter time.Duration }

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("too many failed sign-ins; retry after %s", e.RetryAfter.Round(time.Second))
}

// Unwrap makes errors.Is(err, model.ErrRateLimited) work.
func (e *RateLimitError) Unwrap() error { return model.ErrRateLimited }

// LoginRequest is a sign-in attempt.
type LoginRequest struct {
	Username, Password string
	// OTP is a code of the account's authenticator, or one of its
	// recovery codes, when it has one (see totp.go).
	OTP           string
	Kind          string // "web" or "api"
	IP, UserAgent string
}

// LoginResult is a successful sign-in: the token is shown once and only its
// hash is stored.
type LoginResult struct {
	Token   string
	Session model.Session
	Actor   model.Actor
}

// dummyHash keeps the time of a sign-in with an unknown username close to
// that of a wrong password.
var dummyHash, _ = HashPassword("kinerja-dummy-password", DefaultPasswordParams)

// Login checks a username and password, and the second factor of an
// account that has one, and opens a session. The attempt is reserved with
// the sign-in limits before the password is hashed (see limiter.go); past
// a budget it answers a RateLimitError without checking the password. A
// right password without the second factor it needs answers a
// SecondFactorError (see totp.go).
func (a *App) Login(ctx context.Context, r LoginRequest) (LoginResult, error) {
	username := strings.TrimSpace(r.Username)
	var missing model.ValidationError
	if username == "" {
		missing.Add("username", "invalid.login.username")
	}
	if r.Password == "" {
		missing.Add("password", "invalid.login.password")
	}
	if err := missing.Err(); err != nil {
		return LoginResult{}, err
	}
	at, wait := a.limiter.reserve(strings.ToLower(username), r.IP)
	if at == nil {
		return LoginResult{}, &RateLimitError{RetryAfter: wait}
	}
	u, err := a.store.UserByUsername(ctx, username)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		at.cancel()
		return LoginResult{}, err
	}
	hash := u.PasswordHash
	if err != nil {
		hash = dummyHash
	}
	ok, cerr := a.checkPassword(ctx, r.Password, hash)
	if cerr != nil {
		at.cancel()
		return LoginResult{}, cerr
	}
	if !ok || err != nil || u.Disabled {
		at.failed()
		a.log.Warn("sign-in failed", "username", username, "ip", r.IP)
		return LoginResult{}, fmt.Errorf("sign-in: %w", model.ErrUnauthenticated)
	}
	actor, err := a.actorFor(ctx, u)
	if err != nil {
		at.cancel()
		return LoginResult{}, err
	}
	actor.IP = r.IP
	if err := a.secondFactorStep(ctx, at, u, actor, r); err != nil {
		return LoginResult{}, err
	}
	at.succeeded()
	return a.openSession(ctx, u, actor, r.Kind, r.IP, r.UserAgent)
}

// openSession opens a web or API session of u, acting as actor.
func (a *App) openSession(ctx context.Context, u model.User, actor model.Actor, kind, ip, userAgent string) (LoginResult, error) {
	token, tokenHash := newToken()
	ttl := WebSessionTTL
	if kind == "api" {
		ttl = APISessionTTL
	} else {
		kind = "web"
	}
	var sess model.Session
	err := a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		sess, err = tx.CreateSession(ctx, model.Session{UserID: u.ID, TokenHash: tokenHash, Kind: kind,
			ExpiresAt: a.Now().Add(ttl), IP: ip, UserAgent: truncate(userAgent, 300)})
		return err
	})
	if err != nil {
		return LoginResult{}, err
	}
	actor.SessionID = sess.ID
	return LoginResult{Token: token, Session: sess, Actor: actor}, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// newToken returns a random token and the hash stored for it.
func newToken() (token, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("random source failed: " + err.Error())
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, TokenHash(token)
}

// TokenHash is the SHA-256 of a session token, as stored.
func TokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Authenticate turns a session token into the acting user. It fails with
// ErrUnauthenticated for an unknown, expired or revoked token or a disabled
// account.
func (a *App) Authenticate(ctx context.Context, token, ip string) (model.Actor, error) {
	if token == "" || len(token) > 200 {
		return model.Actor{}, model.ErrUnauthenticated
	}
	s, err := a.store.SessionByTokenHash(ctx, TokenHash(token))
	if errors.Is(err, model.ErrNotFound) {
		return model.Actor{}, model.ErrUnauthenticated
	}
	if err != nil {
		return model.Actor{}, err
	}
	now := a.Now()
	if !s.Active(now) {
		return model.Actor{}, model.ErrUnauthenticated
	}
	u, err := a.store.User(ctx, s.UserID)
	if err != nil {
		return model.Actor{}, err
	}
	if u.Disabled {
		return model.Actor{}, model.ErrUnauthenticated
	}
	actor, err := a.actorFor(ctx, u)
	if err != nil {
		return model.Actor{}, err
	}
	actor.IP, actor.SessionID = ip, s.ID
	if now.Sub(s.LastSeenAt) > touchEvery {
		if err := a.store.TouchSession(ctx, s.ID, now); err != nil {
			a.log.Warn("touch session", "err", err)
		}
	}
	return actor, nil
}

// actorFor builds the actor of a user: granted roles plus the derived asn
// (an account linked to an employee) and supervisor (a pejabat penilai).
func (a *App) actorFor(ctx context.Context, u model.User) (model.Actor, error) {
	actor := model.Actor{UserID: u.ID, Username: u.Username, Name: u.DisplayName, EmployeeID: u.EmployeeID,
		InstansiID: u.InstansiID, Locale: u.Locale}
	if u.EmployeeID != "" {
		actor.Roles = append(actor.Roles, model.RoleGrant{Role: model.RoleASN})
		chart, err := a.OrgChart(ctx, u.InstansiID)
		if err != nil {
			return actor, err
		}
		if chart.IsRater(u.EmployeeID) {
			actor.Roles = append(actor.Roles, model.RoleGrant{Role: model.RoleSupervisor})
		}
	}
	actor.Roles = append(actor.Roles, u.Grants...)
	return actor, nil
}

// Logout revokes the actor's current session.
func (a *App) Logout(ctx context.Context, actor model.Actor) error {
	if actor.SessionID == "" {
		return nil
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.RevokeSession(ctx, actor.SessionID)
	})
}
