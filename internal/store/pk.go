package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// CreatePKSasaran adds a sasaran with its indicators to the Perjanjian
// Kinerja of a unit for a year, after the unit's other sasaran.
func (tx *Tx) CreatePKSasaran(ctx context.Context, s model.PKSasaran) (model.PKSasaran, error) {
	s.ID = model.NewID()
	var n int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM pk_sasaran WHERE unit_id = ? AND year = ?`, s.UnitID, s.Year).Scan(&n); err != nil {
		return s, err
	}
	s.Position = n + 1
	if _, err := tx.exec(ctx, `INSERT INTO pk_sasaran (id, instansi_id, unit_id, year, description, position, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, s.ID, s.InstansiID, s.UnitID, s.Year, s.Description, s.Position, formatTime(tx.now)); err != nil {
		return s, fmt.Errorf("create PK sasaran: %w", err)
	}
	for i := range s.Indicators {
		in := &s.Indicators[i]
		in.ID, in.SasaranID, in.Position = model.NewID(), s.ID, i+1
		if _, err := tx.exec(ctx, `INSERT INTO pk_indicators (id, sasaran_id, description, target, unit, position)
			VALUES (?, ?, ?, ?, ?, ?)`, in.ID, s.ID, in.Description, in.Target, in.Unit, in.Position); err != nil {
			return s, fmt.Errorf("create PK indicator: %w", err)
		}
	}
	return s, tx.audit(ctx, "pk.sasaran.create", "unit", s.UnitID, nil, s)
}

// DeletePKSasaran removes a sasaran no RHK is taken from; one that an RHK
// uses is a conflict, so that no SKP loses its source silently.
func (tx *Tx) DeletePKSasaran(ctx context.Context, id string) error {
	s, err := tx.PKSasaranByID(ctx, id)
	if err != nil {
		return err
	}
	var used int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM rhk WHERE pk_sasaran_id = ?`, id).Scan(&used); err != nil {
		return err
	}
	if used > 0 {
		return fmt.Errorf("PK sasaran %s is the source of %d RHK: %w", id, used, model.ErrConflict)
	}
	if _, err := tx.exec(ctx, `DELETE FROM pk_indicators WHERE sasaran_id = ?`, id); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM pk_sasaran WHERE id = ?`, id); err != nil {
		return err
	}
	return tx.audit(ctx, "pk.sasaran.delete", "unit", s.UnitID, s, nil)
}

// PKSasaranByID returns one sasaran with its indicators.
func (c conn) PKSasaranByID(ctx context.Context, id string) (model.PKSasaran, error) {
	var s model.PKSasaran
	err := c.queryRow(ctx, `SELECT id, instansi_id, unit_id, year, description, position FROM pk_sasaran WHERE id = ?`, id).
		Scan(&s.ID, &s.InstansiID, &s.UnitID, &s.Year, &s.Description, &s.Position)
	if err != nil {
		return s, notFound(err, "PK sasaran "+id)
	}
	list := []model.PKSasaran{s}
	if err := c.loadPKIndicators(ctx, list); err != nil {
		return s, err
	}
	return list[0], nil
}

// PerjanjianKinerja returns the sasaran of a unit's Perjanjian Kinerja for a
// year, in order, each with its indicators.
func (c conn) PerjanjianKinerja(ctx context.Context, unitID string, year int) ([]model.PKSasaran, error) {
	rows, err := c.query(ctx, `SELECT id, instansi_id, unit_id, year, description, position FROM pk_sasaran
		WHERE unit_id = ? AND year = ? ORDER BY position, id`, unitID, year)
	if err != nil {
		return nil, err
	}
	var list []model.PKSasaran
	for rows.Next() {
		var s model.PKSasaran
		if err := rows.Scan(&s.ID, &s.InstansiID, &s.UnitID, &s.Year, &s.Description, &s.Position); err != nil {
			rows.Close()
			return nil, err
		}
		list = append(list, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return list, c.loadPKIndicators(ctx, list)
}

func (c conn) loadPKIndicators(ctx context.Context, list []model.PKSasaran) error {
	if len(list) == 0 {
		return nil
	}
	idx := map[string]int{}
	args := make([]any, len(list))
	for i, s := range list {
		idx[s.ID], args[i] = i, s.ID
	}
	rows, err := c.query(ctx, `SELECT id, sasaran_id, description, target, unit, position FROM pk_indicators
		WHERE sasaran_id IN (`+placeholders(len(list))+`) ORDER BY position, id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var in model.PKIndicator
		if err := rows.Scan(&in.ID, &in.SasaranID, &in.Description, &in.Target, &in.Unit, &in.Position); err != nil {
			return err
		}
		list[idx[in.SasaranID]].Indicators = append(list[idx[in.SasaranID]].Indicators, in)
	}
	return rows.Err()
}

// PKSasaranInUse reports which of the sasaran named an RHK is taken from,
// in one query.
func (c conn) PKSasaranInUse(ctx context.Context, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := c.query(ctx, `SELECT DISTINCT pk_sasaran_id FROM rhk WHERE pk_sasaran_id IN (`+placeholders(len(ids))+`)`, anys(ids)...)
	if err != nil {
		return nil, fmt.Errorf("PK sasaran in use: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
