package app

import (
	"context"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// ChangePassword lets a user replace their own password; every session
// but the current one is revoked. A wrong current password counts against
// the sign-in limits like a failed sign-in, from the actor's address.
func (a *App) ChangePassword(ctx context.Context, actor model.Actor, current, next string) error {
	u, err := a.store.User(ctx, actor.UserID)
	if err != nil {
		return err
	}
	at, wait := a.limiter.reserve(strings.ToLower(u.Username), actor.IP)
	if at == nil {
		return &RateLimitError{RetryAfter: wait}
	}
	ok, err := a.checkPassword(ctx, current, u.PasswordHash)
	switch {
	case err != nil:
		at.cancel()
		return err
	case !ok:
		at.failed()
		return model.Invalid("current_password", "invalid.auth.password.wrong")
	}
	at.cancel()
	personal, err := a.personalWords(ctx, u)
	if err != nil {
		return err
	}
	if err := ValidatePassword(next, personal...); err != nil {
		return model.InvalidErr("new_password", err)
	}
	hash, err := a.hashPassword(ctx, next)
	if err != nil {
		return err
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.SetPassword(ctx, u.ID, hash, actor.SessionID)
	})
}

// personalWords are what a password of u must not be made of: their
// username, name and, for an employee, NIP and name.
func (a *App) personalWords(ctx context.Context, u model.User) ([]string, error) {
	personal := []string{u.Username, u.DisplayName}
	if u.EmployeeID != "" {
		e, err := a.store.Employee(ctx, u.EmployeeID)
		if err != nil {
			return nil, err
		}
		personal = append(personal, e.NIP, e.Name)
	}
	return personal, nil
}

// SetLocale changes the actor's language.
func (a *App) SetLocale(ctx context.Context, actor model.Actor, locale string) error {
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.SetLocale(ctx, actor.UserID, locale) })
}
