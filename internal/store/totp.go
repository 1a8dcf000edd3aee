package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// UserTOTP returns a user's authenticator, enabled or waiting for its
// first code; ErrNotFound when the user has none.
func (c conn) UserTOTP(ctx context.Context, userID string) (model.TOTP, error) {
	t := model.TOTP{UserID: userID}
	var created, enabled string
	err := c.queryRow(ctx, `SELECT secret, created_at, enabled_at, last_step FROM user_totp WHERE user_id = ?`, userID).
		Scan(&t.Secret, &created, &enabled, &t.LastStep)
	if err != nil {
		return t, notFound(err, "authenticator of user "+userID)
	}
	t.CreatedAt, t.EnabledAt = parseTime(created), parseTime(enabled)
	return t, nil
}

// StartTOTP keeps a new secret waiting for its first code, in place of
// one that waited already. A user whose authenticator is on is a
// conflict: it is turned off first.
func (tx *Tx) StartTOTP(ctx context.Context, userID, secret string) error {
	if _, err := tx.exec(ctx, `DELETE FROM user_totp WHERE user_id = ? AND enabled_at = ''`, userID); err != nil {
		return fmt.Errorf("drop the waiting authenticator: %w", err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO user_totp (user_id, secret, created_at) VALUES (?, ?, ?)`,
		userID, secret, formatTime(tx.now)); err != nil {
		return fmt.Errorf("start authenticator: %w", err)
	}
	return tx.audit(ctx, "totp.enrol", "user", userID, nil, nil)
}

// EnableTOTP turns the waiting authenticator on with the time step of its
// first code, and replaces the recovery codes by the given hashes.
func (tx *Tx) EnableTOTP(ctx context.Context, userID string, step int64, codeHashes []string) error {
	res, err := tx.exec(ctx, `UPDATE user_totp SET enabled_at = ?, last_step = ? WHERE user_id = ? AND enabled_at = ''`,
		formatTime(tx.now), step, userID)
	if err != nil {
		return fmt.Errorf("enable authenticator: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("no authenticator waits for user %s: %w", userID, model.ErrConflict)
	}
	if _, err := tx.exec(ctx, `DELETE FROM totp_recovery_codes WHERE user_id = ?`, userID); err != nil {
		return fmt.Errorf("drop old recovery codes: %w", err)
	}
	for _, h := range codeHashes {
		if _, err := tx.exec(ctx, `INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES (?, ?)`, userID, h); err != nil {
			return fmt.Errorf("store recovery code: %w", err)
		}
	}
	return tx.audit(ctx, "totp.confirm", "user", userID, nil, map[string]int{"recovery_codes": len(codeHashes)})
}

// UseTOTPStep records that a code of time step was accepted; it reports
// false when a code of that step or a later one was accepted already (a
// replay), or the authenticator is not on.
func (tx *Tx) UseTOTPStep(ctx context.Context, userID string, step int64) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE user_totp SET last_step = ? WHERE user_id = ? AND enabled_at <> '' AND last_step < ?`,
		step, userID, step)
	if err != nil {
		return false, fmt.Errorf("use authenticator code: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// UseRecoveryCode spends the unused recovery code of hash; it reports
// false when the user has no such code left. Audited with how many are
// left.
func (tx *Tx) UseRecoveryCode(ctx context.Context, userID, hash string) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE totp_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at = ''`,
		formatTime(tx.now), userID, hash)
	if err != nil {
		return false, fmt.Errorf("use recovery code: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	left, err := tx.RecoveryCodesLeft(ctx, userID)
	if err != nil {
		return false, err
	}
	return true, tx.audit(ctx, "totp.recovery_use", "user", userID, nil, map[string]int{"recovery_codes_left": left})
}

// RecoveryCodesLeft counts the user's unused recovery codes.
func (c conn) RecoveryCodesLeft(ctx context.Context, userID string) (int, error) {
	var n int
	if err := c.queryRow(ctx, `SELECT COUNT(*) FROM totp_recovery_codes WHERE user_id = ? AND used_at = ''`, userID).Scan(&n); err != nil {
		return 0, fmt.Errorf("count recovery codes: %w", err)
	}
	return n, nil
}

// RemoveTOTP removes a user's authenticator and recovery codes: turned
// off by the user, or reset by an administrator (byAdmin) when the phone
// is lost, which also ends every session of the user. Audited either way,
// with whether it was on.
func (tx *Tx) RemoveTOTP(ctx context.Context, userID string, byAdmin bool) error {
	t, err := tx.UserTOTP(ctx, userID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM totp_recovery_codes WHERE user_id = ?`, userID); err != nil {
		return fmt.Errorf("drop recovery codes: %w", err)
	}
	if _, err := tx.exec(ctx, `DELETE FROM user_totp WHERE user_id = ?`, userID); err != nil {
		return fmt.Errorf("drop authenticator: %w", err)
	}
	before := map[string]bool{"enabled": t.Enabled()}
	if byAdmin {
		// The phone is lost, and with it whatever sessions it held: every
		// session of the account ends.
		res, err := tx.exec(ctx, `UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at = ''`, formatTime(tx.now), userID)
		if err != nil {
			return fmt.Errorf("revoke sessions: %w", err)
		}
		n, _ := res.RowsAffected()
		tx.ended.UserIDs = append(tx.ended.UserIDs, userID)
		return tx.audit(ctx, "totp.reset", "user", userID, before, map[string]int64{"sessions_ended": n})
	}
	return tx.audit(ctx, "totp.disable", "user", userID, before, nil)
}

// RequireTOTP reports whether the instansi requires its administrators
// and auditors to sign in with a second factor.
func (c conn) RequireTOTP(ctx context.Context, instansiID string) (bool, error) {
	var on bool
	if err := c.queryRow(ctx, `SELECT require_totp FROM instansi WHERE id = ?`, instansiID).Scan(&on); err != nil {
		return false, notFound(err, "instansi "+instansiID)
	}
	return on, nil
}

// SetRequireTOTP changes whether the instansi requires a second factor of
// its administrators and auditors, and audits it.
func (tx *Tx) SetRequireTOTP(ctx context.Context, instansiID string, on bool) error {
	before, err := tx.RequireTOTP(ctx, instansiID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE instansi SET require_totp = ? WHERE id = ?`, on, instansiID); err != nil {
		return fmt.Errorf("set require second factor: %w", err)
	}
	return tx.audit(ctx, "instansi.require_totp", "instansi", instansiID, map[string]bool{"require_totp": before},
		map[string]bool{"require_totp": on})
}
