package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
)

// The storage side of transfers (mutasi): RHK taken over by the SKP begun
// after a transfer, and the records re-linked to it.

// RecordTakeOver records that an RHK of a new SKP was copied from an RHK
// of the SKP a transfer closed.
func (tx *Tx) RecordTakeOver(ctx context.Context, t model.RHKTakeOver) error {
	if _, err := tx.exec(ctx, `INSERT INTO rhk_takeovers (rhk_id, from_rhk_id, from_skp_id, skp_id, created_at) VALUES (?, ?, ?, ?, ?)`,
		t.RHKID, t.FromRHKID, t.FromSKPID, t.SKPID, formatTime(tx.now)); err != nil {
		return fmt.Errorf("record RHK take-over: %w", err)
	}
	return tx.audit(ctx, "rhk.takeover", "skp", t.SKPID, nil, t)
}

// TakeOvers lists the RHK an SKP took over from the SKP a transfer closed.
func (c conn) TakeOvers(ctx context.Context, skpID string) ([]model.RHKTakeOver, error) {
	rows, err := c.query(ctx, `SELECT rhk_id, skp_id, from_rhk_id, from_skp_id FROM rhk_takeovers WHERE skp_id = ? ORDER BY created_at, rhk_id`, skpID)
	if err != nil {
		return nil, fmt.Errorf("RHK take-overs: %w", err)
	}
	defer rows.Close()
	var out []model.RHKTakeOver
	for rows.Next() {
		var t model.RHKTakeOver
		if err := rows.Scan(&t.RHKID, &t.SKPID, &t.FromRHKID, &t.FromSKPID); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Relink selects the progress entries of an employee dated after a day
// (and up to another, when given) that name one SKP and one RHK ("" for
// none), and names the SKP and RHK ("" for none) they are to belong to.
type Relink struct {
	EmployeeID           string
	FromSKPID, FromRHKID string
	After, Until         model.Date
	ToSKPID, ToRHKID     string
}

// RelinkProgress moves the entries r selects to r's SKP and RHK, each with
// its audit entry, and returns how many moved. An entry's version goes up,
// so a form read before the move is stale.
func (tx *Tx) RelinkProgress(ctx context.Context, r Relink) (int, error) {
	where := []string{"employee_id = ?", "work_date > ?"}
	args := []any{r.EmployeeID, string(r.After)}
	if r.Until != "" {
		where, args = append(where, "work_date <= ?"), append(args, string(r.Until))
	}
	for _, c := range []struct{ col, v string }{{"skp_id", r.FromSKPID}, {"rhk_id", r.FromRHKID}} {
		if c.v == "" {
			where = append(where, c.col+" IS NULL")
		} else {
			where, args = append(where, c.col+" = ?"), append(args, c.v)
		}
	}
	rows, err := tx.query(ctx, `SELECT `+progressColumns+` FROM progress_entries WHERE `+strings.Join(where, " AND ")+` ORDER BY work_date, id`, args...)
	if err != nil {
		return 0, fmt.Errorf("progress to relink: %w", err)
	}
	var list []model.Progress
	for rows.Next() {
		p, err := scanProgress(rows)
		if err != nil {
			rows.Close()
			return 0, err
		}
		list = append(list, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	type link struct {
		SKPID   string `json:"skp_id"`
		RHKID   string `json:"rhk_id"`
		Version int    `json:"version"`
	}
	for _, p := range list {
		if _, err := tx.exec(ctx, `UPDATE progress_entries SET skp_id = ?, rhk_id = ?, version = version + 1, updated_at = ? WHERE id = ?`,
			nullable(r.ToSKPID), nullable(r.ToRHKID), formatTime(tx.now), p.ID); err != nil {
			return 0, fmt.Errorf("relink progress: %w", err)
		}
		if err := tx.audit(ctx, "progress.relink", "progress", p.ID, link{p.SKPID, p.RHKID, p.Version},
			link{r.ToSKPID, r.ToRHKID, p.Version + 1}); err != nil {
			return 0, err
		}
	}
	return len(list), nil
}

// MoveRealisasi moves a realisasi, still at the version given, to another
// SKP and indicator (the copy of its indicator on the SKP that took its RHK
// over), with its evidence and thread, which follow its id.
func (tx *Tx) MoveRealisasi(ctx context.Context, r model.Realisasi, skpID, indicatorID string) (model.Realisasi, error) {
	res, err := tx.exec(ctx, `UPDATE realisasi SET skp_id = ?, indicator_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
		skpID, indicatorID, formatTime(tx.now), r.ID, r.Version)
	if err != nil {
		return r, fmt.Errorf("move realisasi: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return r, fmt.Errorf("realisasi changed since version %d: %w", r.Version, model.ErrStale)
	}
	before := r
	r.SKPID, r.IndicatorID, r.Version, r.UpdatedAt = skpID, indicatorID, r.Version+1, formatTime(tx.now)
	return r, tx.audit(ctx, "realisasi.relink", "realisasi", r.ID, before, r)
}

// RealisasiOfSKP returns every realisasi of an SKP, in every period.
func (c conn) RealisasiOfSKP(ctx context.Context, skpID string) ([]model.Realisasi, error) {
	rows, err := c.query(ctx, `SELECT `+realisasiColumns+` FROM realisasi WHERE skp_id = ? ORDER BY period_id, id`, skpID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Realisasi
	for rows.Next() {
		r, err := scanRealisasi(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// LastWorkDate returns the latest date of a progress entry on an SKP, ""
// when it has none.
func (c conn) LastWorkDate(ctx context.Context, skpID string) (model.Date, error) {
	var d string
	err := c.queryRow(ctx, `SELECT COALESCE(MAX(work_date), '') FROM progress_entries WHERE skp_id = ?`, skpID).Scan(&d)
	return model.Date(d), err
}

// CountProgressAfter counts the progress entries on an SKP dated after a
// day: on an SKP a transfer closed, those dated after the TMT.
func (c conn) CountProgressAfter(ctx context.Context, skpID string, after model.Date) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM progress_entries WHERE skp_id = ? AND work_date > ?`, skpID, string(after)).Scan(&n)
	return n, err
}
