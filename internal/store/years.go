package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// CreateYear opens a performance year with its periods.
func (tx *Tx) CreateYear(ctx context.Context, instansiID string, year int, kind model.PeriodKind, periods []model.Period) error {
	_, err := tx.exec(ctx, `INSERT INTO performance_years (id, instansi_id, year, period_kind, created_at) VALUES (?, ?, ?, ?, ?)`,
		model.NewID(), instansiID, year, string(kind), formatTime(tx.now))
	if err != nil {
		return fmt.Errorf("open year %d: %w", year, err)
	}
	for _, p := range periods {
		p.ID, p.InstansiID = model.NewID(), instansiID
		if _, err := tx.exec(ctx, `INSERT INTO periods (id, instansi_id, year, kind, number, start_date, end_date, report_deadline,
			status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, instansiID, p.Year, string(p.Kind), p.Number,
			string(p.Start), string(p.End), string(p.ReportDeadline), string(p.Status), formatTime(tx.now)); err != nil {
			return fmt.Errorf("create period: %w", err)
		}
	}
	return tx.audit(ctx, "year.open", "year", fmt.Sprint(year), nil, map[string]any{"year": year, "period_kind": kind, "periods": len(periods)})
}

// YearOpen reports whether a performance year exists, and its period kind.
func (c conn) YearOpen(ctx context.Context, instansiID string, year int) (model.PeriodKind, bool, error) {
	var kind string
	err := c.queryRow(ctx, `SELECT period_kind FROM performance_years WHERE instansi_id = ? AND year = ?`, instansiID, year).Scan(&kind)
	if isNoRows(err) {
		return "", false, nil
	}
	return model.PeriodKind(kind), err == nil, err
}

// PerformanceYear is a performance year an instansi has opened.
type PerformanceYear struct {
	Year int
	Kind model.PeriodKind // monthly or quarterly
}

// Years lists the performance years an instansi has opened, newest first.
func (c conn) Years(ctx context.Context, instansiID string) ([]PerformanceYear, error) {
	rows, err := c.query(ctx, `SELECT year, period_kind FROM performance_years WHERE instansi_id = ? ORDER BY year DESC`, instansiID)
	if err != nil {
		return nil, fmt.Errorf("list years: %w", err)
	}
	defer rows.Close()
	var out []PerformanceYear
	for rows.Next() {
		var y PerformanceYear
		var kind string
		if err := rows.Scan(&y.Year, &kind); err != nil {
			return nil, fmt.Errorf("list years: %w", err)
		}
		y.Kind = model.PeriodKind(kind)
		out = append(out, y)
	}
	return out, rows.Err()
}

const periodColumns = `id, instansi_id, year, kind, number, start_date, end_date, report_deadline, status`

func scanPeriod(sc interface{ Scan(...any) error }) (model.Period, error) {
	var p model.Period
	var kind, start, end, due, status string
	err := sc.Scan(&p.ID, &p.InstansiID, &p.Year, &kind, &p.Number, &start, &end, &due, &status)
	p.Kind, p.Start, p.End, p.ReportDeadline, p.Status = model.PeriodKind(kind), model.Date(start), model.Date(end), model.Date(due), model.PeriodStatus(status)
	return p, err
}

// Periods lists a year's periods: the periodic ones in order, then the
// annual one.
func (c conn) Periods(ctx context.Context, instansiID string, year int) ([]model.Period, error) {
	rows, err := c.query(ctx, `SELECT `+periodColumns+` FROM periods WHERE instansi_id = ? AND year = ?
		ORDER BY CASE WHEN kind = 'annual' THEN 1 ELSE 0 END, number`, instansiID, year)
	if err != nil {
		return nil, fmt.Errorf("list periods: %w", err)
	}
	defer rows.Close()
	var out []model.Period
	for rows.Next() {
		p, err := scanPeriod(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Period returns one period.
func (c conn) Period(ctx context.Context, id string) (model.Period, error) {
	p, err := scanPeriod(c.queryRow(ctx, `SELECT `+periodColumns+` FROM periods WHERE id = ?`, id))
	if err != nil {
		return p, notFound(err, "period "+id)
	}
	return p, nil
}

// SharePeriod reads a period in the transaction and holds it against
// change (a lock, a reopening, new dates) until the transaction ends,
// while other acts in the period that hold it the same way go on: an act
// on an assessment checks the period's status and writes before the
// status can change (forShare).
func (tx *Tx) SharePeriod(ctx context.Context, id string) (model.Period, error) {
	p, err := scanPeriod(tx.queryRow(ctx, `SELECT `+periodColumns+` FROM periods WHERE id = ?`+tx.d.forShare(), id))
	if err != nil {
		return p, notFound(err, "period "+id)
	}
	return p, nil
}

// UpdatePeriod changes a period's dates and status; reason is kept in the
// audit log (required by callers for an unlock).
func (tx *Tx) UpdatePeriod(ctx context.Context, p model.Period, reason string) error {
	before, err := tx.Period(ctx, p.ID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE periods SET start_date = ?, end_date = ?, report_deadline = ?, status = ?, updated_at = ? WHERE id = ?`,
		string(p.Start), string(p.End), string(p.ReportDeadline), string(p.Status), formatTime(tx.now), p.ID); err != nil {
		return fmt.Errorf("update period: %w", err)
	}
	after := p
	return tx.audit(ctx, "period.update", "period", p.ID, before, map[string]any{"period": after, "reason": reason})
}

// PeriodsByID returns the periods of ids keyed by id, in one statement
// for every 500; an id not found is left out.
func (c conn) PeriodsByID(ctx context.Context, ids []string) (map[string]model.Period, error) {
	out := make(map[string]model.Period, len(ids))
	err := c.eachByID(ctx, `SELECT `+periodColumns+` FROM periods WHERE id IN (%s)`, ids, func(rows *sql.Rows) error {
		p, err := scanPeriod(rows)
		out[p.ID] = p
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("periods by id: %w", err)
	}
	return out, nil
}
