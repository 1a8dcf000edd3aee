package app

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Sessions lists the active sessions of a user: the actor's own, or any
// user's for an administrator of accounts.
func (a *App) Sessions(ctx context.Context, actor model.Actor, userID string) ([]SessionView, error) {
	if err := a.canManageSessionsOf(ctx, actor, userID); err != nil {
		return nil, err
	}
	list, err := a.store.ActiveSessions(ctx, userID, a.Now())
	if err != nil {
		return nil, err
	}
	// Whoever may list a user's sessions may end each of them
	// (RevokeSession asks canManageSessionsOf too).
	out := make([]SessionView, len(list))
	for i, s := range list {
		out[i] = SessionView{Session: s, Current: s.ID == actor.SessionID, Can: SessionRights{Revoke: true}}
	}
	return out, nil
}

// SessionView is an active session with whether it is the one the actor
// uses now and what the actor may do with it.
type SessionView struct {
	model.Session
	Current bool
	Can     SessionRights
}

// SessionRights is what the actor may do with a session.
type SessionRights struct {
	Revoke bool // end it (signing that device out)
}

// RevokeSession ends a session of the actor's own, or of any user of the
// instansi for an administrator of accounts.
func (a *App) RevokeSession(ctx context.Context, actor model.Actor, sessionID string) error {
	s, err := a.store.Session(ctx, sessionID)
	if err != nil {
		return err
	}
	if err := a.canManageSessionsOf(ctx, actor, s.UserID); err != nil {
		return fmt.Errorf("session %s: %w", sessionID, model.ErrNotFound)
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.RevokeSession(ctx, sessionID) })
}

func (a *App) canManageSessionsOf(ctx context.Context, actor model.Actor, userID string) error {
	if userID == actor.UserID {
		return nil
	}
	u, err := a.store.User(ctx, userID)
	if err != nil {
		return err
	}
	if !mayManageAccount(actor, u) {
		return forbidden("sessions of another user")
	}
	return nil
}

// mayManageAccount is the rule for running another person's account (its
// sessions among others): administrators of accounts of its instansi.
func mayManageAccount(actor model.Actor, u model.User) bool {
	return authz.Can(actor, authz.ManageUsers, authz.Target{InstansiID: u.InstansiID})
}
