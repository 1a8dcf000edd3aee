package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Event is one entry of a person's event log, numbered from 1 per person.
type Event struct {
	Seq  int64
	Type string
	Data json.RawMessage
}

// Emit appends an event to a person's log. Its number is taken under a row
// lock, so that numbers follow commit order; the live stream is woken after
// the transaction commits.
func (tx *Tx) Emit(ctx context.Context, employeeID, typ string, data any) error {
	if employeeID == "" {
		return nil
	}
	payload, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("event %s: %w", typ, err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO event_cursors (employee_id, last_seq) VALUES (?, 0) ON CONFLICT (employee_id) DO NOTHING`, employeeID); err != nil {
		return fmt.Errorf("event cursor: %w", err)
	}
	var seq int64
	if err := tx.queryRow(ctx, `UPDATE event_cursors SET last_seq = last_seq + 1 WHERE employee_id = ? RETURNING last_seq`, employeeID).Scan(&seq); err != nil {
		return fmt.Errorf("event number: %w", err)
	}
	if _, err := tx.exec(ctx, `INSERT INTO events (employee_id, seq, type, data, created_at) VALUES (?, ?, ?, ?, ?)`,
		employeeID, seq, typ, string(payload), formatTime(tx.now)); err != nil {
		return fmt.Errorf("event: %w", err)
	}
	if !slices.Contains(tx.woken, employeeID) {
		tx.woken = append(tx.woken, employeeID)
	}
	return nil
}

// Events returns a person's events after number after, oldest first.
func (c conn) Events(ctx context.Context, employeeID string, after int64, limit int) ([]Event, error) {
	rows, err := c.query(ctx, `SELECT seq, type, data FROM events WHERE employee_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
		employeeID, after, clampLimit(limit))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var data string
		if err := rows.Scan(&e.Seq, &e.Type, &data); err != nil {
			return nil, err
		}
		e.Data = json.RawMessage(data)
		out = append(out, e)
	}
	return out, rows.Err()
}

// LastEvent returns the number of a person's newest event (0 when none).
func (c conn) LastEvent(ctx context.Context, employeeID string) (int64, error) {
	var seq int64
	err := c.queryRow(ctx, `SELECT last_seq FROM event_cursors WHERE employee_id = ?`, employeeID).Scan(&seq)
	if isNoRows(err) {
		return 0, nil
	}
	return seq, err
}

// PruneEvents deletes events older than before; a stream resumed from
// further back starts from the oldest kept.
func (s *Store) PruneEvents(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.exec(ctx, `DELETE FROM events WHERE created_at < ?`, formatTime(before))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
