package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// PositionLeads reports whether a position leads its unit or is the
// superior post of another position (see model.OneHolder).
func (c conn) PositionLeads(ctx context.Context, positionID string) (bool, error) {
	var head bool
	var below int
	err := c.queryRow(ctx, `SELECT p.is_head, (SELECT COUNT(*) FROM positions s WHERE s.superior_position_id = p.id)
		FROM positions p WHERE p.id = ?`, positionID).Scan(&head, &below)
	if err != nil {
		return false, notFound(err, "position "+positionID)
	}
	return head || below > 0, nil
}

// DefinitiveHolders returns the active employees other than except whose
// definitive placement in a position is in force on from or later (it
// has not ended before from), in the order they started.
func (c conn) DefinitiveHolders(ctx context.Context, positionID string, from model.Date, except string) ([]model.Employee, error) {
	rows, err := c.query(ctx, `SELECT `+employeeColumns+employeeFrom+` JOIN placements pl ON pl.employee_id = e.id
		WHERE pl.position_id = ? AND pl.kind = ? AND pl.cancelled_at = '' AND (pl.end_date = '' OR pl.end_date >= ?) AND e.id <> ? AND e.active = TRUE
		ORDER BY pl.start_date, pl.id`, positionID, string(model.PlacementDefinitif), string(from), except)
	if err != nil {
		return nil, fmt.Errorf("definitive holders of position %s: %w", positionID, err)
	}
	defer rows.Close()
	var out []model.Employee
	for rows.Next() {
		e, err := scanEmployee(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// PositionUnits maps each of the positions ids to its unit.
func (c conn) PositionUnits(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := c.query(ctx, `SELECT id, unit_id FROM positions WHERE id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("units of positions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, unit string
		if err := rows.Scan(&id, &unit); err != nil {
			return nil, err
		}
		out[id] = unit
	}
	return out, rows.Err()
}

// ActingHoldings returns the Plt and Plh placements on a position, of
// anyone but except, in force on some day from from to to (to "" for no
// end), in the order they started.
func (c conn) ActingHoldings(ctx context.Context, positionID string, from, to model.Date, except string) ([]model.ActingHolding, error) {
	q := `SELECT pl.id, pl.employee_id, pl.position_id, pl.kind, pl.start_date, pl.end_date, pl.decree, e.name, e.front_title, e.back_title
		FROM placements pl JOIN employees e ON e.id = pl.employee_id
		WHERE pl.position_id = ? AND pl.kind IN (?, ?) AND pl.cancelled_at = '' AND (pl.end_date = '' OR pl.end_date >= ?) AND e.id <> ? AND e.active = TRUE`
	args := []any{positionID, string(model.PlacementPlt), string(model.PlacementPlh), string(from), except}
	if to != "" {
		q += ` AND pl.start_date <= ?`
		args = append(args, string(to))
	}
	rows, err := c.query(ctx, q+` ORDER BY pl.start_date, pl.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("acting holders of position %s: %w", positionID, err)
	}
	defer rows.Close()
	var out []model.ActingHolding
	for rows.Next() {
		var h model.ActingHolding
		var kind, start, end string
		var e model.Employee
		if err := rows.Scan(&h.ID, &h.EmployeeID, &h.PositionID, &kind, &start, &end, &h.Decree, &e.Name, &e.FrontTitle, &e.BackTitle); err != nil {
			return nil, err
		}
		h.Kind, h.Start, h.End, h.Holder = model.PlacementKind(kind), model.Date(start), model.Date(end), e.FullName()
		out = append(out, h)
	}
	return out, rows.Err()
}

// LockPosition locks a position until the transaction ends, so that two
// placements on it sent at once are checked one after the other against
// its holders (DefinitiveHolders, ActingHoldings). Taken after the
// placed employee's record (LockEmployees), never before. SQLite needs
// no lock (forUpdate).
func (tx *Tx) LockPosition(ctx context.Context, id string) error {
	var got string
	if err := tx.queryRow(ctx, `SELECT id FROM positions WHERE id = ?`+tx.d.forUpdate(), id).Scan(&got); err != nil {
		return notFound(err, "position "+id)
	}
	return nil
}
