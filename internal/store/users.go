package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

const userColumns = `id, instansi_id, username, display_name, employee_id, password_hash, locale, disabled, created_at`

func scanUser(sc interface{ Scan(...any) error }) (model.User, error) {
	var u model.User
	var created string
	err := sc.Scan(&u.ID, &u.InstansiID, &u.Username, &u.DisplayName, nullString{&u.EmployeeID}, &u.PasswordHash,
		&u.Locale, &u.Disabled, &created)
	u.CreatedAt = parseTime(created)
	return u, err
}

// userRecord is what the audit log keeps of a user: never the hash.
type userRecord struct {
	Username, DisplayName, EmployeeID, Locale string
	Disabled                                  bool
}

func userRecordOf(u model.User) userRecord {
	return userRecord{u.Username, u.DisplayName, u.EmployeeID, u.Locale, u.Disabled}
}

// CreateUser stores an account. PasswordHash must already be a hash.
func (tx *Tx) CreateUser(ctx context.Context, u model.User) (model.User, error) {
	made, err := tx.CreateUsers(ctx, []model.User{u})
	if err != nil {
		return u, err
	}
	return made[0], nil
}

// userInsertColumns are the columns CreateUsers fills.
var userInsertColumns = []string{"id", "instansi_id", "username", "display_name", "employee_id", "password_hash", "locale", "disabled",
	"created_at", "updated_at"}

// CreateUsers stores accounts in bulk, each as CreateUser would, with its
// audit entry.
func (tx *Tx) CreateUsers(ctx context.Context, users []model.User) ([]model.User, error) {
	out := make([]model.User, 0, len(users))
	rows := make([][]any, 0, len(users))
	audits := make([][]any, 0, len(users))
	for _, u := range users {
		if u.ID == "" {
			u.ID = model.NewID()
		}
		if u.Locale == "" {
			u.Locale = "id"
		}
		if u.Username == "" {
			return out, model.Invalid("username", "invalid.user.username.required")
		}
		u.CreatedAt = tx.now
		rows = append(rows, []any{u.ID, u.InstansiID, u.Username, u.DisplayName, nullable(u.EmployeeID), u.PasswordHash, u.Locale, u.Disabled,
			formatTime(tx.now), formatTime(tx.now)})
		a, err := tx.auditRow("user.create", "user", u.ID, nil, userRecordOf(u))
		if err != nil {
			return out, err
		}
		audits = append(audits, a)
		out = append(out, u)
	}
	if err := tx.insertRows(ctx, "users", userInsertColumns, rows); err != nil {
		what := "users"
		if len(out) == 1 {
			what = "user " + out[0].Username
		}
		return out, fmt.Errorf("create %s: %w", what, err)
	}
	return out, tx.insertRows(ctx, "audit_log", auditColumns, audits)
}

// SetPassword replaces a user's password hash and revokes their sessions
// but keep (the session in use when users change their own password).
func (tx *Tx) SetPassword(ctx context.Context, userID, hash, keep string) error {
	if _, err := tx.exec(ctx, `UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?`, hash, formatTime(tx.now), userID); err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	if _, err := tx.exec(ctx, `UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at = '' AND id <> ?`,
		formatTime(tx.now), userID, keep); err != nil {
		return fmt.Errorf("revoke sessions: %w", err)
	}
	tx.ended.UserIDs = append(tx.ended.UserIDs, userID)
	return tx.audit(ctx, "user.password_reset", "user", userID, nil, map[string]string{"password": "(diubah)"})
}

// SetLocale changes the user's language ("id" or "en").
func (tx *Tx) SetLocale(ctx context.Context, userID, locale string) error {
	if locale != "id" && locale != "en" {
		return model.Invalid("locale", "invalid.user.locale")
	}
	before, err := tx.User(ctx, userID)
	if err != nil {
		return err
	}
	if before.Locale == locale {
		return nil
	}
	if _, err := tx.exec(ctx, `UPDATE users SET locale = ?, updated_at = ? WHERE id = ?`, locale, formatTime(tx.now), userID); err != nil {
		return err
	}
	after := before
	after.Locale = locale
	return tx.audit(ctx, "user.update", "user", userID, userRecordOf(before), userRecordOf(after))
}

// SetDisabled disables or enables an account; disabling revokes sessions.
func (tx *Tx) SetDisabled(ctx context.Context, userID string, disabled bool) error {
	before, err := tx.User(ctx, userID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?`, disabled, formatTime(tx.now), userID); err != nil {
		return err
	}
	if disabled {
		if _, err := tx.exec(ctx, `UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at = ''`, formatTime(tx.now), userID); err != nil {
			return err
		}
		tx.ended.UserIDs = append(tx.ended.UserIDs, userID)
	}
	after := before
	after.Disabled = disabled
	return tx.audit(ctx, "user.update", "user", userID, userRecordOf(before), userRecordOf(after))
}

// Grant gives a role to a user; unitID scopes opd_admin to one OPD.
func (tx *Tx) Grant(ctx context.Context, userID string, g model.RoleGrant) error {
	if !g.Role.Grantable() {
		return model.Invalid("role", "invalid.user.role.grantable", g.Role)
	}
	if g.Role == model.RoleOPDAdmin && g.UnitID == "" {
		return model.Invalid("unit_id", "invalid.user.role.opd")
	}
	if g.Role != model.RoleOPDAdmin {
		g.UnitID = ""
	}
	var n int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM role_grants WHERE user_id = ? AND role = ? AND unit_id = ?`,
		userID, string(g.Role), g.UnitID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.exec(ctx, `INSERT INTO role_grants (user_id, role, unit_id, created_at) VALUES (?, ?, ?, ?)`,
		userID, string(g.Role), g.UnitID, formatTime(tx.now)); err != nil {
		return fmt.Errorf("grant %s: %w", g.Role, err)
	}
	return tx.audit(ctx, "role.grant", "user", userID, nil, g)
}

// Revoke takes a role from a user (every scope when unitID is empty).
func (tx *Tx) Revoke(ctx context.Context, userID string, role model.Role, unitID string) error {
	q := `DELETE FROM role_grants WHERE user_id = ? AND role = ?`
	args := []any{userID, string(role)}
	if unitID != "" {
		q += ` AND unit_id = ?`
		args = append(args, unitID)
	}
	res, err := tx.exec(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("revoke %s: %w", role, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("role %s of user %s: %w", role, userID, model.ErrNotFound)
	}
	return tx.audit(ctx, "role.revoke", "user", userID, model.RoleGrant{Role: role, UnitID: unitID}, nil)
}

// User returns an account with its grants.
func (c conn) User(ctx context.Context, id string) (model.User, error) {
	u, err := scanUser(c.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, id))
	if err != nil {
		return u, notFound(err, "user "+id)
	}
	u.Grants, err = c.grants(ctx, u.ID)
	return u, err
}

// UserByUsername returns an account by its username.
func (c conn) UserByUsername(ctx context.Context, username string) (model.User, error) {
	u, err := scanUser(c.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE username = ?`, username))
	if err != nil {
		return u, notFound(err, "user "+username)
	}
	u.Grants, err = c.grants(ctx, u.ID)
	return u, err
}

// UserByEmployee returns the account linked to an employee.
func (c conn) UserByEmployee(ctx context.Context, employeeID string) (model.User, error) {
	u, err := scanUser(c.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE employee_id = ?`, employeeID))
	if err != nil {
		return u, notFound(err, "user of employee "+employeeID)
	}
	u.Grants, err = c.grants(ctx, u.ID)
	return u, err
}

// StaffUsers lists the accounts that hold a granted role in an instansi.
func (c conn) StaffUsers(ctx context.Context, instansiID string) ([]model.User, error) {
	rows, err := c.query(ctx, `SELECT `+userColumns+` FROM users WHERE instansi_id = ? AND id IN (SELECT user_id FROM role_grants)
		ORDER BY username`, instansiID)
	if err != nil {
		return nil, err
	}
	var out []model.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, u)
	}
	rows.Close()
	for i := range out {
		if out[i].Grants, err = c.grants(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c conn) grants(ctx context.Context, userID string) ([]model.RoleGrant, error) {
	rows, err := c.query(ctx, `SELECT role, unit_id FROM role_grants WHERE user_id = ? ORDER BY role, unit_id`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.RoleGrant
	for rows.Next() {
		var g model.RoleGrant
		var role string
		if err := rows.Scan(&role, &g.UnitID); err != nil {
			return nil, err
		}
		g.Role = model.Role(role)
		out = append(out, g)
	}
	return out, rows.Err()
}
