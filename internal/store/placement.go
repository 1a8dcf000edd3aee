package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Place puts an employee in a position from a date. A definitive placement
// ends the current definitive one the day before and becomes the
// employee's position; Plt and Plh are added beside it.
func (tx *Tx) Place(ctx context.Context, pl model.Placement) (model.Placement, error) {
	if pl.ID == "" {
		pl.ID = model.NewID()
	}
	var v model.ValidationError
	if !pl.Kind.Valid() {
		v.Add("kind", "invalid.placement.kind.unknown", pl.Kind)
	}
	if _, err := model.ParseDate(string(pl.Start)); err != nil {
		v.Add("start", "invalid.placement.start.invalid", pl.Start)
	} else if model.EndsBeforeStart(pl.Start, pl.End) {
		v.Add("end", "invalid.placement.end.before")
	}
	if err := v.Err(); err != nil {
		return pl, err
	}
	emp, err := tx.Employee(ctx, pl.EmployeeID)
	if err != nil {
		return pl, err
	}
	pos, err := tx.Position(ctx, pl.PositionID)
	if err != nil {
		return pl, err
	}
	if pos.InstansiID != emp.InstansiID {
		return pl, model.Invalid("position_id", "invalid.placement.instansi")
	}
	if pl.Kind == model.PlacementDefinitif {
		current, err := tx.Placements(ctx, pl.EmployeeID)
		if err != nil {
			return pl, err
		}
		end := string(model.Date(pl.Start).Time().AddDate(0, 0, -1).Format("2006-01-02"))
		for _, c := range current {
			if c.Kind == model.PlacementDefinitif && c.End == "" {
				if c.Start > pl.Start {
					return pl, model.Invalid("start", "invalid.placement.start.before", c.Start)
				}
				if c.Start == pl.Start {
					// It would end the day before it began. The app refuses
					// it first, with the advice that fits (cancel one not in
					// force yet, else a later TMT); this is the last guard.
					return pl, model.Invalid("start", "invalid.placement.start.same", c.Start, c.PositionName)
				}
				if _, err := tx.exec(ctx, `UPDATE placements SET end_date = ? WHERE id = ?`, end, c.ID); err != nil {
					return pl, fmt.Errorf("end placement: %w", err)
				}
				before := c
				c.End = model.Date(end)
				if err := tx.audit(ctx, "placement.end", "placement", c.ID, before, c); err != nil {
					return pl, err
				}
			}
		}
		if _, err := tx.exec(ctx, `UPDATE employees SET position_id = ?, updated_at = ? WHERE id = ?`,
			pl.PositionID, formatTime(tx.now), pl.EmployeeID); err != nil {
			return pl, fmt.Errorf("set position: %w", err)
		}
	}
	_, err = tx.exec(ctx, `INSERT INTO placements (id, employee_id, position_id, kind, start_date, end_date, decree, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, pl.ID, pl.EmployeeID, pl.PositionID, string(pl.Kind), string(pl.Start),
		string(pl.End), pl.Decree, formatTime(tx.now))
	if err != nil {
		return pl, fmt.Errorf("create placement: %w", err)
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return pl, err
	}
	pl.PositionName = pos.Name
	if u, err := tx.Unit(ctx, pos.UnitID); err == nil {
		pl.UnitName = u.Name // as the employee's placements list it
	}
	return pl, tx.audit(ctx, "placement.create", "placement", pl.ID, nil, pl)
}

// placementInsertColumns are the columns PlaceNew fills.
var placementInsertColumns = []string{"id", "employee_id", "position_id", "kind", "start_date", "end_date", "decree", "created_at"}

// PlaceNew gives employees of instansiID created in this transaction, who
// hold no placement yet, their first placements in bulk, each as Place
// would (with its audit entry): nothing is ended, and a definitive
// placement becomes the employee's position. An employee takes at most one
// definitive placement here.
func (tx *Tx) PlaceNew(ctx context.Context, instansiID string, pls []model.Placement) ([]model.Placement, error) {
	if len(pls) == 0 {
		return nil, nil
	}
	positions, err := tx.Positions(ctx, instansiID, "")
	if err != nil {
		return nil, err
	}
	posByID := make(map[string]model.Position, len(positions))
	for _, p := range positions {
		posByID[p.ID] = p
	}
	// Only the names: Units also counts each unit's heads, a query per
	// unit that a bulk load cannot afford once per batch.
	unitName := map[string]string{}
	names, err := tx.query(ctx, `SELECT id, name FROM units WHERE instansi_id = ?`, instansiID)
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	for names.Next() {
		var id, name string
		if err := names.Scan(&id, &name); err != nil {
			names.Close()
			return nil, err
		}
		unitName[id] = name
	}
	names.Close()
	if err := names.Err(); err != nil {
		return nil, err
	}
	out := make([]model.Placement, 0, len(pls))
	rows := make([][]any, 0, len(pls))
	audits := make([][]any, 0, len(pls))
	definitive := map[string]bool{} // employees placed definitively
	for _, pl := range pls {
		if pl.ID == "" {
			pl.ID = model.NewID()
		}
		var v model.ValidationError
		if !pl.Kind.Valid() {
			v.Add("kind", "invalid.placement.kind.unknown", pl.Kind)
		}
		if _, err := model.ParseDate(string(pl.Start)); err != nil {
			v.Add("start", "invalid.placement.start.invalid", pl.Start)
		} else if model.EndsBeforeStart(pl.Start, pl.End) {
			v.Add("end", "invalid.placement.end.before")
		}
		if err := v.Err(); err != nil {
			return out, err
		}
		pos, ok := posByID[pl.PositionID]
		if !ok {
			return out, model.Invalid("position_id", "invalid.placement.instansi")
		}
		if pl.Kind == model.PlacementDefinitif {
			if definitive[pl.EmployeeID] {
				return out, fmt.Errorf("place employee %s: two definitive placements at once", pl.EmployeeID)
			}
			definitive[pl.EmployeeID] = true
		}
		rows = append(rows, []any{pl.ID, pl.EmployeeID, pl.PositionID, string(pl.Kind), string(pl.Start), string(pl.End), pl.Decree,
			formatTime(tx.now)})
		pl.PositionName, pl.UnitName = pos.Name, unitName[pos.UnitID] // as the employee's placements list it
		a, err := tx.auditRow("placement.create", "placement", pl.ID, nil, pl)
		if err != nil {
			return out, err
		}
		audits = append(audits, a)
		out = append(out, pl)
	}
	if err := tx.insertRows(ctx, "placements", placementInsertColumns, rows); err != nil {
		return out, fmt.Errorf("create placements: %w", err)
	}
	// The employees placed definitively take the position, a thousand to
	// a statement (by primary key, so the plan does not hang on
	// statistics the transaction's own rows have not reached yet).
	var ids []string
	for _, pl := range out {
		if pl.Kind == model.PlacementDefinitif {
			ids = append(ids, pl.EmployeeID)
		}
	}
	for start := 0; start < len(ids); start += 1000 {
		chunk := ids[start:min(start+1000, len(ids))]
		args := []any{formatTime(tx.now), string(model.PlacementDefinitif), formatTime(tx.now), instansiID}
		args = append(args, anys(chunk)...)
		if _, err := tx.exec(ctx, `UPDATE employees SET updated_at = ?, position_id = (SELECT p.position_id FROM placements p
			WHERE p.employee_id = employees.id AND p.kind = ? AND p.created_at = ?)
			WHERE instansi_id = ? AND position_id IS NULL AND id IN (`+placeholders(len(chunk))+`)`, args...); err != nil {
			return out, fmt.Errorf("set positions: %w", err)
		}
	}
	if err := tx.bumpOrgBy(ctx, instansiID, len(out)); err != nil {
		return out, err
	}
	return out, tx.insertRows(ctx, "audit_log", auditColumns, audits)
}

// EndPlacement ends an acting (Plt/Plh) or definitive placement on a date.
// A definitive placement whose end is before today (the instansi's) leaves
// the employee without that position at once; one ending today or later
// holds it until that day has passed (LeaveEndedPositions).
func (tx *Tx) EndPlacement(ctx context.Context, id string, end, today model.Date) error {
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
		return err
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
	return tx.audit(ctx, "placement.end", "placement", id, before, pl)
}

// leavePositionBy takes the position of a definitive placement, ended
// before today, from the employee, if it is still theirs.
func (tx *Tx) leavePositionBy(ctx context.Context, pl model.Placement, today model.Date) error {
	if pl.Kind != model.PlacementDefinitif || pl.End == "" || pl.End >= today {
		return nil
	}
	if _, err := tx.exec(ctx, `UPDATE employees SET position_id = NULL, updated_at = ? WHERE id = ? AND position_id = ?`,
		formatTime(tx.now), pl.EmployeeID, pl.PositionID); err != nil {
		return fmt.Errorf("leave position: %w", err)
	}
	return nil
}

// LeaveEndedPositions takes from the employees of an instansi the
// position of a definitive placement whose end, set ahead of time, is
// before today, unless another placement in the same post holds it
// today. It answers how many employees it changed.
func (tx *Tx) LeaveEndedPositions(ctx context.Context, instansiID string, today model.Date) (int64, error) {
	res, err := tx.exec(ctx, `UPDATE employees SET position_id = NULL, updated_at = ?
		WHERE instansi_id = ? AND position_id IS NOT NULL
		AND EXISTS (SELECT 1 FROM placements pl WHERE pl.employee_id = employees.id AND pl.position_id = employees.position_id
			AND pl.kind = ? AND pl.cancelled_at = '' AND pl.end_date <> '' AND pl.end_date < ?)
		AND NOT EXISTS (SELECT 1 FROM placements pl WHERE pl.employee_id = employees.id AND pl.position_id = employees.position_id
			AND pl.kind = ? AND pl.cancelled_at = '' AND pl.start_date <= ? AND (pl.end_date = '' OR pl.end_date >= ?))`,
		formatTime(tx.now), instansiID, string(model.PlacementDefinitif), string(today), string(model.PlacementDefinitif), string(today), string(today))
	if err != nil {
		return 0, fmt.Errorf("leave ended positions: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return n, err
	}
	return n, tx.bumpOrg(ctx, instansiID)
}

// ReopenPlacement gives a placement back the end it had ("" for none)
// before a mistaken end of employment ended it; a definitive placement
// with no end is the employee's position again.
func (tx *Tx) ReopenPlacement(ctx context.Context, id string, end model.Date) error {
	pl, err := tx.PlacementByID(ctx, id)
	if err != nil {
		return err
	}
	before := pl
	pl.End = end
	if _, err := tx.exec(ctx, `UPDATE placements SET end_date = ? WHERE id = ?`, string(end), id); err != nil {
		return fmt.Errorf("reopen placement: %w", err)
	}
	if pl.Kind == model.PlacementDefinitif && end == "" {
		if _, err := tx.exec(ctx, `UPDATE employees SET position_id = ?, updated_at = ? WHERE id = ?`,
			pl.PositionID, formatTime(tx.now), pl.EmployeeID); err != nil {
			return fmt.Errorf("reopen placement: %w", err)
		}
	}
	emp, err := tx.Employee(ctx, pl.EmployeeID)
	if err != nil {
		return err
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return err
	}
	return tx.audit(ctx, "placement.reopen", "placement", id, before, pl)
}

// Placements returns an employee's placement history, newest first.
func (c conn) Placements(ctx context.Context, employeeID string) ([]model.Placement, error) {
	rows, err := c.query(ctx, `SELECT pl.id, pl.employee_id, pl.position_id, pl.kind, pl.start_date, pl.end_date, pl.decree,
		p.name, u.name FROM placements pl JOIN positions p ON p.id = pl.position_id JOIN units u ON u.id = p.unit_id
		WHERE pl.employee_id = ? AND pl.cancelled_at = '' ORDER BY pl.start_date DESC, pl.id DESC`, employeeID)
	if err != nil {
		return nil, fmt.Errorf("list placements: %w", err)
	}
	defer rows.Close()
	var out []model.Placement
	for rows.Next() {
		var pl model.Placement
		var kind, start, end string
		if err := rows.Scan(&pl.ID, &pl.EmployeeID, &pl.PositionID, &kind, &start, &end, &pl.Decree, &pl.PositionName, &pl.UnitName); err != nil {
			return nil, err
		}
		pl.Kind, pl.Start, pl.End = model.PlacementKind(kind), model.Date(start), model.Date(end)
		out = append(out, pl)
	}
	return out, rows.Err()
}

// CreateRaterOverride stores a per-employee pejabat penilai override.
func (tx *Tx) CreateRaterOverride(ctx context.Context, o model.RaterOverride) (model.RaterOverride, error) {
	if o.ID == "" {
		o.ID = model.NewID()
	}
	var v model.ValidationError
	if o.RaterID == "" {
		v.Add("rater_id", "invalid.rater.required")
	}
	if o.RaterID == o.EmployeeID {
		v.Add("rater_id", "invalid.rater.self")
	}
	if _, err := model.ParseDate(string(o.Start)); err != nil {
		v.AddErr("start", err)
	} else if model.EndsBeforeStart(o.Start, o.End) {
		v.Add("end", "invalid.range.end.before")
	}
	if strings.TrimSpace(o.Reason) == "" {
		v.Add("reason", "invalid.rater.reason")
	}
	if err := v.Err(); err != nil {
		return o, err
	}
	emp, err := tx.Employee(ctx, o.EmployeeID)
	if err != nil {
		return o, err
	}
	_, err = tx.exec(ctx, `INSERT INTO rater_overrides (id, employee_id, rater_id, upper_rater_id, start_date, end_date, reason, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, o.ID, o.EmployeeID, o.RaterID, nullable(o.UpperRaterID), string(o.Start),
		string(o.End), o.Reason, formatTime(tx.now))
	if err != nil {
		return o, fmt.Errorf("create rater override: %w", err)
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return o, err
	}
	return o, tx.audit(ctx, "rater_override.create", "employee", o.EmployeeID, nil, o)
}

func scanOverride(sc interface{ Scan(...any) error }) (model.RaterOverride, error) {
	var o model.RaterOverride
	var start, end string
	err := sc.Scan(&o.ID, &o.EmployeeID, &o.RaterID, nullString{&o.UpperRaterID}, &start, &end, &o.Reason)
	o.Start, o.End = model.Date(start), model.Date(end)
	return o, err
}

func (c conn) overrides(ctx context.Context, query string, args ...any) ([]model.RaterOverride, error) {
	rows, err := c.query(ctx, `SELECT `+overrideColumns+` FROM rater_overrides o `+query, args...)
	if err != nil {
		return nil, fmt.Errorf("load rater overrides: %w", err)
	}
	defer rows.Close()
	var out []model.RaterOverride
	for rows.Next() {
		o, err := scanOverride(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func (c conn) raterOverridesInForce(ctx context.Context, instansiID string, date model.Date) ([]model.RaterOverride, error) {
	return c.overrides(ctx, `JOIN employees e ON e.id = o.employee_id
		WHERE e.instansi_id = ? AND o.start_date <= ? AND (o.end_date = '' OR o.end_date >= ?)
		ORDER BY o.start_date, o.id`, instansiID, string(date), string(date))
}

// RaterOverrides lists an employee's overrides, newest first.
func (c conn) RaterOverrides(ctx context.Context, employeeID string) ([]model.RaterOverride, error) {
	return c.overrides(ctx, `WHERE o.employee_id = ? ORDER BY o.start_date DESC, o.id DESC`, employeeID)
}

// EndRaterOverride ends an override on a date.
func (tx *Tx) EndRaterOverride(ctx context.Context, id string, end model.Date) error {
	return tx.setOverrideEnd(ctx, id, end, false)
}

// setOverrideEnd sets the end of override id to end, audited as its first
// end, or as a change of it when change is set.
func (tx *Tx) setOverrideEnd(ctx context.Context, id string, end model.Date, change bool) error {
	o, err := scanOverride(tx.queryRow(ctx, `SELECT `+overrideColumns+` FROM rater_overrides o WHERE o.id = ?`, id))
	if err != nil {
		return notFound(err, "rater override "+id)
	}
	if end < o.Start {
		return model.Invalid("end", "invalid.range.end.before")
	}
	before := o
	o.End = end
	if _, err := tx.exec(ctx, `UPDATE rater_overrides SET end_date = ? WHERE id = ?`, string(end), id); err != nil {
		return err
	}
	emp, err := tx.Employee(ctx, o.EmployeeID)
	if err != nil {
		return err
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return err
	}
	if change {
		return tx.audit(ctx, "rater_override.end.change", "employee", o.EmployeeID, before, o)
	}
	return tx.audit(ctx, "rater_override.end", "employee", o.EmployeeID, before, o)
}

// PlacementHistory returns an employee's placements, newest first, the
// cancelled ones too (Cancelled, with when and by whom): the history an
// employee's record shows. Rules read Placements, which holds only those
// that count.
func (c conn) PlacementHistory(ctx context.Context, employeeID string) ([]model.Placement, error) {
	rows, err := c.query(ctx, `SELECT pl.id, pl.employee_id, pl.position_id, pl.kind, pl.start_date, pl.end_date, pl.decree,
		p.name, u.name, pl.cancelled_at, COALESCE(us.display_name, pl.cancelled_by)
		FROM placements pl JOIN positions p ON p.id = pl.position_id JOIN units u ON u.id = p.unit_id
		LEFT JOIN users us ON us.id = pl.cancelled_by
		WHERE pl.employee_id = ? ORDER BY pl.start_date DESC, pl.id DESC`, employeeID)
	if err != nil {
		return nil, fmt.Errorf("list placement history: %w", err)
	}
	defer rows.Close()
	var out []model.Placement
	for rows.Next() {
		var pl model.Placement
		var kind, start, end, cancelled string
		if err := rows.Scan(&pl.ID, &pl.EmployeeID, &pl.PositionID, &kind, &start, &end, &pl.Decree, &pl.PositionName, &pl.UnitName,
			&cancelled, &pl.CancelledBy); err != nil {
			return nil, err
		}
		pl.Kind, pl.Start, pl.End = model.PlacementKind(kind), model.Date(start), model.Date(end)
		if cancelled != "" {
			pl.Cancelled, pl.CancelledAt = true, parseTime(cancelled)
		} else {
			pl.CancelledBy = ""
		}
		out = append(out, pl)
	}
	return out, rows.Err()
}

// PlacementByID returns one placement.
func (c conn) PlacementByID(ctx context.Context, id string) (model.Placement, error) {
	var pl model.Placement
	var kind, start, end, cancelled string
	err := c.queryRow(ctx, `SELECT pl.id, pl.employee_id, pl.position_id, pl.kind, pl.start_date, pl.end_date, pl.decree, pl.cancelled_at,
		COALESCE(us.display_name, pl.cancelled_by) FROM placements pl LEFT JOIN users us ON us.id = pl.cancelled_by WHERE pl.id = ?`, id).
		Scan(&pl.ID, &pl.EmployeeID, &pl.PositionID, &kind, &start, &end, &pl.Decree, &cancelled, &pl.CancelledBy)
	if err != nil {
		return pl, notFound(err, "placement "+id)
	}
	pl.Kind, pl.Start, pl.End, pl.Cancelled = model.PlacementKind(kind), model.Date(start), model.Date(end), cancelled != ""
	if pl.Cancelled {
		pl.CancelledAt = parseTime(cancelled)
	} else {
		pl.CancelledBy = ""
	}
	return pl, nil
}

const overrideColumns = `o.id, o.employee_id, o.rater_id, o.upper_rater_id, o.start_date, o.end_date, o.reason`

// OrgChangeDates returns, oldest first, every day after `after` on which
// the organisation of the instansi changes by a placement or a substitute
// rater already written: one starts, or one ended the day before. A change
// checked on its first day is checked on these days too, since what comes
// into force later may combine with it.
func (c conn) OrgChangeDates(ctx context.Context, instansiID string, after model.Date) ([]model.Date, error) {
	rows, err := c.query(ctx, `SELECT pl.start_date, pl.end_date FROM placements pl JOIN employees e ON e.id = pl.employee_id
		WHERE e.instansi_id = ? AND pl.cancelled_at = '' AND (pl.start_date > ? OR pl.end_date >= ?)
		UNION SELECT o.start_date, o.end_date FROM rater_overrides o JOIN employees e ON e.id = o.employee_id
		WHERE e.instansi_id = ? AND (o.start_date > ? OR o.end_date >= ?)`,
		instansiID, string(after), string(after), instansiID, string(after), string(after))
	if err != nil {
		return nil, fmt.Errorf("organisation change dates: %w", err)
	}
	defer rows.Close()
	seen := map[model.Date]bool{}
	for rows.Next() {
		var start, end string
		if err := rows.Scan(&start, &end); err != nil {
			return nil, err
		}
		if d := model.Date(start); d > after {
			seen[d] = true
		}
		if end != "" {
			if t, err := model.ParseDate(end); err == nil {
				if d := model.Date(t.Time().AddDate(0, 0, 1).Format(time.DateOnly)); d > after {
					seen[d] = true
				}
			}
		}
	}
	out := make([]model.Date, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	slices.Sort(out)
	return out, rows.Err()
}
