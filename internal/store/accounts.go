package store

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

const accountLinkColumns = `id, user_id, purpose, token_hash, created_by, created_at, expires_at, used_at, revoked_at`

func scanAccountLink(sc interface{ Scan(...any) error }) (model.AccountLink, error) {
	var l model.AccountLink
	var purpose, created, expires, used, revoked string
	err := sc.Scan(&l.ID, &l.UserID, &purpose, &l.TokenHash, &l.CreatedBy, &created, &expires, &used, &revoked)
	l.Purpose = model.LinkPurpose(purpose)
	l.CreatedAt, l.ExpiresAt, l.UsedAt, l.RevokedAt = parseTime(created), parseTime(expires), parseTime(used), parseTime(revoked)
	return l, err
}

// accountLinkRecord is what the audit log keeps of a link: never its
// token or the token's hash.
type accountLinkRecord struct {
	Purpose   model.LinkPurpose `json:"purpose"`
	ExpiresAt string            `json:"expires_at"`
	ByEmail   bool              `json:"by_email,omitempty"`
}

// IssueAccountLink stores a new one-time link for a user (its token's
// hash only) and revokes the user's earlier links that were not used. A
// link the user asked for by e-mail (no CreatedBy) revokes only earlier
// e-mailed ones: whoever knows a NIP could otherwise void the activation
// slip an administrator printed.
func (tx *Tx) IssueAccountLink(ctx context.Context, l model.AccountLink) (model.AccountLink, error) {
	if l.ID == "" {
		l.ID = model.NewID()
	}
	l.CreatedAt = tx.now
	revoke := `UPDATE account_links SET revoked_at = ? WHERE user_id = ? AND used_at = '' AND revoked_at = ''`
	if l.CreatedBy == "" {
		revoke += ` AND created_by = ''`
	}
	if _, err := tx.exec(ctx, revoke, formatTime(tx.now), l.UserID); err != nil {
		return l, fmt.Errorf("revoke earlier links: %w", err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO account_links (id, user_id, purpose, token_hash, created_by, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, l.ID, l.UserID, string(l.Purpose), l.TokenHash, l.CreatedBy,
		formatTime(l.CreatedAt), formatTime(l.ExpiresAt)); err != nil {
		return l, fmt.Errorf("issue account link: %w", err)
	}
	return l, tx.audit(ctx, "user.link_issue", "user", l.UserID, nil,
		accountLinkRecord{Purpose: l.Purpose, ExpiresAt: formatTime(l.ExpiresAt), ByEmail: l.CreatedBy == ""})
}

// UseAccountLink marks a link used and revokes the account's other
// links. A link already used or revoked, by
// another request a moment earlier too, is a conflict: a link works once.
func (tx *Tx) UseAccountLink(ctx context.Context, l model.AccountLink) error {
	res, err := tx.exec(ctx, `UPDATE account_links SET used_at = ? WHERE id = ? AND used_at = '' AND revoked_at = ''`,
		formatTime(tx.now), l.ID)
	if err != nil {
		return fmt.Errorf("use account link: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("account link already used: %w", model.ErrConflict)
	}
	// The password is set now: no other link of the account may set it again.
	if _, err := tx.exec(ctx, `UPDATE account_links SET revoked_at = ? WHERE user_id = ? AND id <> ? AND used_at = '' AND revoked_at = ''`,
		formatTime(tx.now), l.UserID, l.ID); err != nil {
		return fmt.Errorf("revoke the other links: %w", err)
	}
	return tx.audit(ctx, "user.link_use", "user", l.UserID, nil, accountLinkRecord{Purpose: l.Purpose, ExpiresAt: formatTime(l.ExpiresAt)})
}

// AccountLinkByTokenHash returns the link with a token hash.
func (c conn) AccountLinkByTokenHash(ctx context.Context, hash string) (model.AccountLink, error) {
	l, err := scanAccountLink(c.queryRow(ctx, `SELECT `+accountLinkColumns+` FROM account_links WHERE token_hash = ?`, hash))
	if err != nil {
		return l, notFound(err, "account link")
	}
	return l, nil
}

// PendingLinks returns, for each of the users, the expiry of their newest
// link still usable at now (users without one are absent).
func (c conn) PendingLinks(ctx context.Context, userIDs []string, now time.Time) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	for start := 0; start < len(userIDs); start += 500 {
		chunk := userIDs[start:min(start+500, len(userIDs))]
		rows, err := c.query(ctx, `SELECT user_id, expires_at FROM account_links WHERE used_at = '' AND revoked_at = '' AND expires_at > ?
			AND user_id IN (`+placeholders(len(chunk))+`)`, append([]any{formatTime(now)}, anys(chunk)...)...)
		if err != nil {
			return nil, fmt.Errorf("pending account links: %w", err)
		}
		for rows.Next() {
			var id, expires string
			if err := rows.Scan(&id, &expires); err != nil {
				rows.Close()
				return nil, err
			}
			if t := parseTime(expires); t.After(out[id]) {
				out[id] = t
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// UsersByEmployees returns the accounts linked to the employees, with
// their grants, by employee id (employees without one are absent).
func (c conn) UsersByEmployees(ctx context.Context, employeeIDs []string) (map[string]model.User, error) {
	out := map[string]model.User{}
	byID := map[string]string{}
	var ids []string
	for start := 0; start < len(employeeIDs); start += 500 {
		chunk := employeeIDs[start:min(start+500, len(employeeIDs))]
		rows, err := c.query(ctx, `SELECT `+userColumns+` FROM users WHERE employee_id IN (`+placeholders(len(chunk))+`)`, anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("accounts of employees: %w", err)
		}
		for rows.Next() {
			u, err := scanUser(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out[u.EmployeeID] = u
			byID[u.ID] = u.EmployeeID
			ids = append(ids, u.ID)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		rows, err := c.query(ctx, `SELECT user_id, role, unit_id FROM role_grants WHERE user_id IN (`+placeholders(len(chunk))+`)
			ORDER BY user_id, role, unit_id`, anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("grants of accounts: %w", err)
		}
		for rows.Next() {
			var userID, role, unit string
			if err := rows.Scan(&userID, &role, &unit); err != nil {
				rows.Close()
				return nil, err
			}
			u := out[byID[userID]]
			u.Grants = append(u.Grants, model.RoleGrant{Role: model.Role(role), UnitID: unit})
			out[byID[userID]] = u
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
