package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
)

// audit writes one audit entry in the transaction. before and after are
// marshalled to JSON; nil means "did not exist".
func (tx *Tx) audit(ctx context.Context, action, entityType, entityID string, before, after any) error {
	row, err := tx.auditRow(action, entityType, entityID, before, after)
	if err != nil {
		return err
	}
	_, err = tx.exec(ctx, auditInsert, row...)
	if err != nil {
		return fmt.Errorf("write audit entry %s: %w", action, err)
	}
	return nil
}

// auditColumns are the columns auditRow fills.
var auditColumns = []string{"id", "instansi_id", "at", "actor_id", "actor_name", "action",
	"entity_type", "entity_id", "before_json", "after_json", "ip"}

var auditInsert = `INSERT INTO audit_log (` + strings.Join(auditColumns, ", ") + `) VALUES (` + placeholders(len(auditColumns)) + `)`

// auditRow is the row audit writes, for the bulk writes that insert many
// entries at once (see bulkInsert).
func (tx *Tx) auditRow(action, entityType, entityID string, before, after any) ([]any, error) {
	b, err := auditJSON(before)
	if err != nil {
		return nil, err
	}
	a, err := auditJSON(after)
	if err != nil {
		return nil, err
	}
	instansi := tx.instansi
	if instansi == "" {
		instansi = "-"
	}
	return []any{model.NewID(), instansi, formatTime(tx.now), tx.actor.UserID, tx.actor.Name, action,
		entityType, entityID, b, a, tx.actor.IP}, nil
}

// Audit records an action that is not a row change of its own (a sign-in,
// an import run); the store's mutation methods audit themselves.
func (tx *Tx) Audit(ctx context.Context, action, entityType, entityID string, before, after any) error {
	return tx.audit(ctx, action, entityType, entityID, before, after)
}

func auditJSON(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("audit: encode %T: %w", v, err)
	}
	return string(b), nil
}

// AuditEntries lists entries newest first.
func (c conn) AuditEntries(ctx context.Context, f model.AuditFilter) ([]model.AuditEntry, error) {
	var where []string
	var args []any
	where = append(where, "instansi_id = ?")
	args = append(args, f.InstansiID)
	if f.EntityType != "" {
		where = append(where, "entity_type = ?")
		args = append(args, f.EntityType)
	}
	if f.EntityID != "" {
		where = append(where, "entity_id = ?")
		args = append(args, f.EntityID)
	}
	if f.ActorID != "" {
		where = append(where, "actor_id = ?")
		args = append(args, f.ActorID)
	}
	if f.Before != "" {
		where = append(where, "id < ?")
		args = append(args, f.Before)
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 50
	}
	args = append(args, limit)
	rows, err := c.query(ctx, `SELECT id, instansi_id, at, actor_id, actor_name, action, entity_type,
		entity_id, before_json, after_json, ip FROM audit_log WHERE `+strings.Join(where, " AND ")+
		` ORDER BY id DESC LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("list audit entries: %w", err)
	}
	defer rows.Close()
	var out []model.AuditEntry
	for rows.Next() {
		var e model.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &e.InstansiID, &at, &e.ActorID, &e.ActorName, &e.Action,
			&e.EntityType, &e.EntityID, &e.Before, &e.After, &e.IP); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// AuditEntryExists reports whether id names an audit entry of the
// instansi: one a page of its audit log could have given as its next
// cursor.
func (c conn) AuditEntryExists(ctx context.Context, instansiID, id string) (bool, error) {
	var n int
	if err := c.queryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE instansi_id = ? AND id = ?`, instansiID, id).Scan(&n); err != nil {
		return false, fmt.Errorf("audit cursor: %w", err)
	}
	return n > 0, nil
}

// maxPage is the most rows a list answers at once.
const maxPage = 200

// clampLimit keeps a page size within 1..maxPage, 50 by default.
func clampLimit(n int) int {
	switch {
	case n <= 0:
		return 50
	case n > maxPage:
		return maxPage
	}
	return n
}
