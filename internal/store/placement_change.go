package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// ChangePlacementEnd moves the end of a placement whose end is set to
// another day (audited as a change of its end, not as a second end); a
// definitive one moved before today leaves its position at once.
func (tx *Tx) ChangePlacementEnd(ctx context.Context, id string, end, today model.Date) error {
	pl, err := tx.PlacementByID(ctx, id)
	if err != nil {
		return err
	}
	if end < pl.Start {
		return model.Invalid("end", "invalid.placement.end.before")
	}
	before := pl
	pl.End = end
	if _, err := tx.exec(ctx, `UPDATE placements SET end_date = ? WHERE id = ?`, string(end), id); err != nil {
		return fmt.Errorf("change the end of placement: %w", err)
	}
	if err := tx.leavePositionBy(ctx, pl, today); err != nil {
		return err
	}
	emp, err := tx.Employee(ctx, pl.EmployeeID)
	if err != nil {
		return err
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return err
	}
	return tx.audit(ctx, "placement.end.change", "placement", id, before, pl)
}

// CancelPlacement cancels a placement before it starts: it stays, for
// the history, but holds nothing. A definitive placement that was the
// employee's position leaves it to the definitive placement it ended the
// day before it began (given back its end, prev: "" for none), if any.
func (tx *Tx) CancelPlacement(ctx context.Context, id string, prev *model.Placement, prevEnd model.Date) error {
	pl, err := tx.PlacementByID(ctx, id)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE placements SET cancelled_at = ?, cancelled_by = ? WHERE id = ? AND cancelled_at = ''`,
		formatTime(tx.now), tx.actor.UserID, id); err != nil {
		return fmt.Errorf("cancel placement: %w", err)
	}
	if pl.Kind == model.PlacementDefinitif {
		to := any(nil)
		if prev != nil && prevEnd == "" {
			to = prev.PositionID
		}
		if _, err := tx.exec(ctx, `UPDATE employees SET position_id = ?, updated_at = ? WHERE id = ? AND position_id = ?`,
			to, formatTime(tx.now), pl.EmployeeID, pl.PositionID); err != nil {
			return fmt.Errorf("cancel placement: %w", err)
		}
		if prev != nil {
			if err := tx.ReopenPlacement(ctx, prev.ID, prevEnd); err != nil {
				return err
			}
		}
	}
	emp, err := tx.Employee(ctx, pl.EmployeeID)
	if err != nil {
		return err
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return err
	}
	after := pl
	after.Cancelled = true
	return tx.audit(ctx, "placement.cancel", "placement", id, pl, after)
}

// RestorePlacement takes back the cancellation of a placement that an
// end of employment cancelled, when that end is cancelled.
func (tx *Tx) RestorePlacement(ctx context.Context, id string) error {
	pl, err := tx.PlacementByID(ctx, id)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE placements SET cancelled_at = '', cancelled_by = '' WHERE id = ?`, id); err != nil {
		return fmt.Errorf("restore placement: %w", err)
	}
	if pl.Kind == model.PlacementDefinitif && pl.End == "" {
		if _, err := tx.exec(ctx, `UPDATE employees SET position_id = ?, updated_at = ? WHERE id = ?`,
			pl.PositionID, formatTime(tx.now), pl.EmployeeID); err != nil {
			return fmt.Errorf("restore placement: %w", err)
		}
	}
	emp, err := tx.Employee(ctx, pl.EmployeeID)
	if err != nil {
		return err
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return err
	}
	after := pl
	after.Cancelled = false
	return tx.audit(ctx, "placement.restore", "placement", id, pl, after)
}

// SetSKPPeriodEnd moves the last day of an SKP's period, as the end of
// the Plt/Plh placement it is for moves; its status stays.
func (tx *Tx) SetSKPPeriodEnd(ctx context.Context, s model.SKP, end model.Date) error {
	if err := tx.touchSKP(ctx, s.ID, s.Version); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE skps SET period_end = ? WHERE id = ?`, string(end), s.ID); err != nil {
		return fmt.Errorf("SKP period end: %w", err)
	}
	if err := tx.bumpCurves(ctx, `EXISTS (SELECT 1 FROM assessments a WHERE a.skp_id = ? AND a.opd_id = calibrations.opd_id
		AND a.period_id = calibrations.period_id)`, s.ID); err != nil {
		return err
	}
	return tx.audit(ctx, "skp.period_end", "skp", s.ID, map[string]any{"period_end": s.PeriodEnd}, map[string]any{"period_end": end})
}

// WorkAfter returns the latest day after `after` on which work is
// recorded on an SKP: a progress entry dated then, or realisasi for a
// period starting then (its start). "" when none.
func (c conn) WorkAfter(ctx context.Context, skpID string, after model.Date) (model.Date, error) {
	var d string
	err := c.queryRow(ctx, `SELECT COALESCE(MAX(d), '') FROM (
		SELECT work_date AS d FROM progress_entries WHERE skp_id = ? AND work_date > ?
		UNION ALL SELECT p.start_date AS d FROM realisasi r JOIN periods p ON p.id = r.period_id WHERE r.skp_id = ? AND p.start_date > ?) w`,
		skpID, string(after), skpID, string(after)).Scan(&d)
	return model.Date(d), err
}

// ChangeRaterOverrideEnd moves the end of a substitute rater whose end is
// set to another day (audited as a change of its end).
func (tx *Tx) ChangeRaterOverrideEnd(ctx context.Context, id string, end model.Date) error {
	return tx.setOverrideEnd(ctx, id, end, true)
}

// ActingEndedBefore returns the Plt and Plh placements of an instansi
// whose end lies before day and that still have an SKP of their post
// open: an end recorded ahead of time whose day has passed, so that the
// SKP closes then.
func (c conn) ActingEndedBefore(ctx context.Context, instansiID string, day model.Date) ([]model.Placement, error) {
	rows, err := c.query(ctx, `SELECT pl.id, pl.employee_id, pl.position_id, pl.kind, pl.start_date, pl.end_date, pl.decree
		FROM placements pl JOIN employees e ON e.id = pl.employee_id
		WHERE e.instansi_id = ? AND pl.kind <> ? AND pl.cancelled_at = '' AND pl.end_date <> '' AND pl.end_date < ?
		AND EXISTS (SELECT 1 FROM skps s WHERE s.employee_id = pl.employee_id AND s.position_id = pl.position_id
			AND s.acting <> '' AND s.status <> ? AND s.period_start <= pl.end_date AND s.period_end >= pl.start_date)
		ORDER BY pl.end_date, pl.id`, instansiID, string(model.PlacementDefinitif), string(day), string(model.SKPClosed))
	if err != nil {
		return nil, fmt.Errorf("acting placements ended: %w", err)
	}
	defer rows.Close()
	var out []model.Placement
	for rows.Next() {
		var pl model.Placement
		var kind, start, end string
		if err := rows.Scan(&pl.ID, &pl.EmployeeID, &pl.PositionID, &kind, &start, &end, &pl.Decree); err != nil {
			return nil, err
		}
		pl.Kind, pl.Start, pl.End = model.PlacementKind(kind), model.Date(start), model.Date(end)
		out = append(out, pl)
	}
	return out, rows.Err()
}
