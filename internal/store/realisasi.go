package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

const realisasiColumns = `id, skp_id, period_id, indicator_id, value, basis, version, updated_by, updated_at`

func scanRealisasi(sc interface{ Scan(...any) error }) (model.Realisasi, error) {
	var r model.Realisasi
	err := sc.Scan(&r.ID, &r.SKPID, &r.PeriodID, &r.IndicatorID, &r.Value, &r.Basis, &r.Version, &r.UpdatedBy, &r.UpdatedAt)
	return r, err
}

// SaveRealisasi creates the realisasi of an indicator in a period (version
// 0: none read yet) or changes it if it is still at version.
func (tx *Tx) SaveRealisasi(ctx context.Context, version int, r model.Realisasi) (model.Realisasi, error) {
	before, err := scanRealisasi(tx.queryRow(ctx, `SELECT `+realisasiColumns+` FROM realisasi WHERE period_id = ? AND indicator_id = ?`,
		r.PeriodID, r.IndicatorID))
	exists := err == nil
	if err != nil && !isNoRows(err) {
		return r, err
	}
	if (exists && before.Version != version) || (!exists && version != 0) {
		return r, fmt.Errorf("realisasi changed since version %d: %w", version, model.ErrStale)
	}
	r.UpdatedBy, r.UpdatedAt = tx.actor.EmployeeID, formatTime(tx.now)
	if !exists {
		r.ID, r.Version = model.NewID(), 1
		if _, err := tx.exec(ctx, `INSERT INTO realisasi (id, skp_id, period_id, indicator_id, value, basis, version, updated_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.SKPID, r.PeriodID, r.IndicatorID, r.Value, r.Basis, r.Version, r.UpdatedBy,
			r.UpdatedAt, r.UpdatedAt); err != nil {
			return r, fmt.Errorf("create realisasi: %w", err)
		}
		return r, tx.audit(ctx, "realisasi.create", "realisasi", r.ID, nil, r)
	}
	r.ID, r.Version = before.ID, before.Version+1
	res, err := tx.exec(ctx, `UPDATE realisasi SET value = ?, basis = ?, version = ?, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?`,
		r.Value, r.Basis, r.Version, r.UpdatedBy, r.UpdatedAt, r.ID, version)
	if err != nil {
		return r, fmt.Errorf("update realisasi: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return r, fmt.Errorf("realisasi changed since version %d: %w", version, model.ErrStale)
	}
	return r, tx.audit(ctx, "realisasi.update", "realisasi", r.ID, before, r)
}

// CreateRealisasi stores the first realisasi of many indicators in bulk,
// each as SaveRealisasi with version 0 would, with its audit entry; an
// indicator that has one in the period already is a conflict (the table
// keeps one per indicator and period), and nothing is written. A
// realisasi that names who entered it and when (UpdatedBy, UpdatedAt, as
// history written at once does) is written and audited as entered by
// that employee, whose actor actors holds, at that moment; one that names
// nobody by the transaction's actor now.
func (tx *Tx) CreateRealisasi(ctx context.Context, list []model.Realisasi, actors map[string]model.Actor) ([]model.Realisasi, error) {
	out := make([]model.Realisasi, 0, len(list))
	rows := make([][]any, 0, len(list))
	audits := make([][]any, 0, len(list))
	for _, r := range list {
		by := tx
		if a, ok := actors[r.UpdatedBy]; ok && r.UpdatedAt != "" {
			by = tx.At(a, parseTime(r.UpdatedAt))
		}
		r.UpdatedBy, r.UpdatedAt = by.actor.EmployeeID, formatTime(by.now)
		r.ID, r.Version = model.NewID(), 1
		rows = append(rows, []any{r.ID, r.SKPID, r.PeriodID, r.IndicatorID, r.Value, r.Basis, r.Version, r.UpdatedBy, r.UpdatedAt, r.UpdatedAt})
		a, err := by.auditRow("realisasi.create", "realisasi", r.ID, nil, r)
		if err != nil {
			return out, err
		}
		audits = append(audits, a)
		out = append(out, r)
	}
	if err := tx.insertRows(ctx, "realisasi", []string{"id", "skp_id", "period_id", "indicator_id", "value", "basis", "version",
		"updated_by", "created_at", "updated_at"}, rows); err != nil {
		return out, fmt.Errorf("create realisasi: %w", err)
	}
	return out, tx.insertRows(ctx, "audit_log", auditColumns, audits)
}

// RealisasiByID returns one realisasi.
func (c conn) RealisasiByID(ctx context.Context, id string) (model.Realisasi, error) {
	r, err := scanRealisasi(c.queryRow(ctx, `SELECT `+realisasiColumns+` FROM realisasi WHERE id = ?`, id))
	if err != nil {
		return r, notFound(err, "realisasi "+id)
	}
	return r, nil
}

// RealisasiOf returns the realisasi of an SKP in a period, by indicator.
func (c conn) RealisasiOf(ctx context.Context, skpID, periodID string) (map[string]model.Realisasi, error) {
	rows, err := c.query(ctx, `SELECT `+realisasiColumns+` FROM realisasi WHERE skp_id = ? AND period_id = ?`, skpID, periodID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]model.Realisasi{}
	for rows.Next() {
		r, err := scanRealisasi(rows)
		if err != nil {
			return nil, err
		}
		out[r.IndicatorID] = r
	}
	return out, rows.Err()
}

// RealisasiOfPeriod returns every realisasi recorded for period p, by
// indicator (an indicator has at most one per period), in one query.
func (c conn) RealisasiOfPeriod(ctx context.Context, periodID string) (map[string]model.Realisasi, error) {
	rows, err := c.query(ctx, `SELECT `+realisasiColumns+` FROM realisasi WHERE period_id = ?`, periodID)
	if err != nil {
		return nil, fmt.Errorf("realisasi of the period: %w", err)
	}
	defer rows.Close()
	out := map[string]model.Realisasi{}
	for rows.Next() {
		r, err := scanRealisasi(rows)
		if err != nil {
			return nil, err
		}
		out[r.IndicatorID] = r
	}
	return out, rows.Err()
}

// RealisasiHistory returns the audit entries of several realisasi, newest
// first, keyed by realisasi: a period's page shows each one's changes.
func (c conn) RealisasiHistory(ctx context.Context, instansiID string, ids []string) (map[string][]model.AuditEntry, error) {
	out := map[string][]model.AuditEntry{}
	if len(ids) == 0 {
		return out, nil
	}
	args := append([]any{instansiID}, anys(ids)...)
	args = append(args, 50*len(ids))
	rows, err := c.query(ctx, `SELECT id, instansi_id, at, actor_id, actor_name, action, entity_type,
		entity_id, before_json, after_json, ip FROM audit_log WHERE instansi_id = ? AND entity_type = 'realisasi'
		AND entity_id IN (`+placeholders(len(ids))+`) ORDER BY id DESC LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("realisasi history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e model.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &e.InstansiID, &at, &e.ActorID, &e.ActorName, &e.Action,
			&e.EntityType, &e.EntityID, &e.Before, &e.After, &e.IP); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		out[e.EntityID] = append(out[e.EntityID], e)
	}
	return out, rows.Err()
}
