package app

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// ChangePassword lets a user replace their own password; every session
// but the current one is revoked.
func (a *App) ChangePassword(ctx context.Context, actor model.Actor, current, next string) error {
	u, err := a.store.User(ctx, actor.UserID)
	if err != nil {
		return err
	}
	if !CheckPassword(current, u.PasswordHash) {
		return model.Invalid("current_password", "invalid.auth.password.wrong")
	}
	if err := ValidatePassword(next); err != nil {
		return model.InvalidErr("new_password", err)
	}
	hash, err := HashPassword(next, a.hashCost)
	if err != nil {
		return err
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.SetPassword(ctx, u.ID, hash, actor.SessionID)
	})
}

// SetLocale changes the actor's language.
func (a *App) SetLocale(ctx context.Context, actor model.Actor, locale string) error {
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.SetLocale(ctx, actor.UserID, locale) })
}
