package model

import "time"

// LinkPurpose tells what a one-time account link is for.
type LinkPurpose string

// Link purposes: activation sets the first password of an account created
// without one; reset replaces a password the user no longer knows.
const (
	LinkActivation LinkPurpose = "activation"
	LinkReset      LinkPurpose = "reset"
)

// AccountLink is a one-time link to set an account's password. Only the
// hash of its token is stored; the token itself is shown once.
type AccountLink struct {
	ID        string
	UserID    string
	Purpose   LinkPurpose
	TokenHash string
	CreatedBy string // the administrator who issued it; empty when the user asked by e-mail
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    time.Time
	RevokedAt time.Time
}

// Usable reports whether the link can still set a password at now: not
// used, not revoked, not expired.
func (l AccountLink) Usable(now time.Time) bool {
	return l.UsedAt.IsZero() && l.RevokedAt.IsZero() && now.Before(l.ExpiresAt)
}
