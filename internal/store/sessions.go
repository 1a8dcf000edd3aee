package store

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

func scanSession(sc interface{ Scan(...any) error }) (model.Session, error) {
	var s model.Session
	var created, seen, expires, revoked string
	err := sc.Scan(&s.ID, &s.UserID, &s.TokenHash, &s.Kind, &created, &seen, &expires, &revoked, &s.IP, &s.UserAgent)
	s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.RevokedAt = parseTime(created), parseTime(seen), parseTime(expires), parseTime(revoked)
	return s, err
}

// CreateSession stores a new session (its token's hash only).
func (tx *Tx) CreateSession(ctx context.Context, s model.Session) (model.Session, error) {
	if s.ID == "" {
		s.ID = model.NewID()
	}
	s.CreatedAt, s.LastSeenAt = tx.now, tx.now
	_, err := tx.exec(ctx, `INSERT INTO sessions (id, user_id, token_hash, kind, created_at, last_seen_at, expires_at, ip, user_agent)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, s.ID, s.UserID, s.TokenHash, s.Kind, formatTime(s.CreatedAt),
		formatTime(s.LastSeenAt), formatTime(s.ExpiresAt), s.IP, s.UserAgent)
	if err != nil {
		return s, fmt.Errorf("create session: %w", err)
	}
	return s, tx.audit(ctx, "session.create", "session", s.ID, nil, map[string]string{
		"user_id": s.UserID, "kind": s.Kind, "ip": s.IP, "user_agent": s.UserAgent})
}

// RevokeSession ends a session. Revoking an already revoked one is a no-op.
func (tx *Tx) RevokeSession(ctx context.Context, id string) error {
	res, err := tx.exec(ctx, `UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at = ''`, formatTime(tx.now), id)
	if err != nil {
		return fmt.Errorf("revoke session: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	tx.ended.SessionIDs = append(tx.ended.SessionIDs, id)
	return tx.audit(ctx, "session.revoke", "session", id, nil, map[string]string{"revoked_at": formatTime(tx.now)})
}

// SessionByTokenHash returns the session with a token hash.
func (c conn) SessionByTokenHash(ctx context.Context, hash string) (model.Session, error) {
	s, err := scanSession(c.queryRow(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE token_hash = ?`, hash))
	if err != nil {
		return s, notFound(err, "session")
	}
	return s, nil
}

// Session returns one session.
func (c conn) Session(ctx context.Context, id string) (model.Session, error) {
	s, err := scanSession(c.queryRow(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE id = ?`, id))
	if err != nil {
		return s, notFound(err, "session "+id)
	}
	return s, nil
}

// ActiveSessions lists every session of a user still in force at now,
// newest first: none is left out, so that each can be seen and ended.
func (c conn) ActiveSessions(ctx context.Context, userID string, now time.Time) ([]model.Session, error) {
	rows, err := c.query(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE user_id = ? AND revoked_at = '' AND expires_at > ?
		ORDER BY last_seen_at DESC, id DESC`, userID, formatTime(now))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Session
	for rows.Next() {
		s, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// TouchSession records use of a session. It is not a state change worth an
// audit entry and runs outside Write; callers throttle it.
func (s *Store) TouchSession(ctx context.Context, id string, at time.Time) error {
	_, err := s.exec(ctx, `UPDATE sessions SET last_seen_at = ? WHERE id = ?`, formatTime(at), id)
	return err
}

const sessionColumns = `id, user_id, token_hash, kind, created_at, last_seen_at, expires_at, revoked_at, ip, user_agent`
