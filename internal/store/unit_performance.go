package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Capaian kinerja organisasi (model.UnitPerformance): one row per OPD and
// period, set and changed by the leader above the OPD with the version the
// form read, and the recommendations beside it, only ever added.

const unitPerformanceColumns = `up.instansi_id, up.unit_id, up.period_id, up.capaian, up.basis, up.set_by, up.set_at, up.version,
	e.name, e.front_title, e.back_title`

const unitPerformanceFrom = ` FROM unit_performance up LEFT JOIN employees e ON e.id = up.set_by`

func scanUnitPerformance(sc interface{ Scan(...any) error }) (model.UnitPerformance, error) {
	var p model.UnitPerformance
	var capaian, setAt string
	var setter model.Employee
	err := sc.Scan(&p.InstansiID, &p.UnitID, &p.PeriodID, &capaian, &p.Basis, &p.SetBy, &setAt, &p.Version,
		nullString{&setter.Name}, nullString{&setter.FrontTitle}, nullString{&setter.BackTitle})
	p.Capaian, p.SetAt = model.Capaian(capaian), parseTime(setAt)
	if setter.Name != "" {
		p.SetByName = setter.FullName()
	}
	return p, err
}

// unitPerformanceRecord is what the audit log keeps of a capaian: its own
// columns, not the names joined for display nor the recommendations.
func unitPerformanceRecord(p model.UnitPerformance) model.UnitPerformance {
	p.SetByName, p.Recommendations = "", nil
	return p
}

// UnitPerformance returns the capaian kinerja organisasi of an OPD in a
// period with its recommendations; model.ErrNotFound when none is set
// (recommendations alone are not a capaian).
func (c conn) UnitPerformance(ctx context.Context, unitID, periodID string) (model.UnitPerformance, error) {
	p, err := scanUnitPerformance(c.queryRow(ctx, `SELECT `+unitPerformanceColumns+unitPerformanceFrom+`
		WHERE up.unit_id = ? AND up.period_id = ?`, unitID, periodID))
	if err != nil {
		return p, notFound(err, "capaian of unit "+unitID+" in period "+periodID)
	}
	recs, err := c.UnitRecommendations(ctx, p.InstansiID, periodID, unitID)
	p.Recommendations = recs
	return p, err
}

// UnitPerformances lists the capaian set in a period across the OPDs of
// an instansi, each with its recommendations, by unit id.
func (c conn) UnitPerformances(ctx context.Context, instansiID, periodID string) ([]model.UnitPerformance, error) {
	rows, err := c.query(ctx, `SELECT `+unitPerformanceColumns+unitPerformanceFrom+`
		WHERE up.instansi_id = ? AND up.period_id = ? ORDER BY up.unit_id`, instansiID, periodID)
	if err != nil {
		return nil, fmt.Errorf("list capaian of period %s: %w", periodID, err)
	}
	var out []model.UnitPerformance
	for rows.Next() {
		p, err := scanUnitPerformance(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	recs, err := c.UnitRecommendations(ctx, instansiID, periodID, "")
	if err != nil {
		return nil, err
	}
	byUnit := map[string][]model.UnitRecommendation{}
	for _, r := range recs {
		byUnit[r.UnitID] = append(byUnit[r.UnitID], r)
	}
	for i := range out {
		out[i].Recommendations = byUnit[out[i].UnitID]
	}
	return out, nil
}

// UnitRecommendations lists the recommendations of a period, oldest first:
// of one OPD, or of every OPD when unitID is "".
func (c conn) UnitRecommendations(ctx context.Context, instansiID, periodID, unitID string) ([]model.UnitRecommendation, error) {
	q := `SELECT r.id, r.instansi_id, r.unit_id, r.period_id, r.source, r.capaian, r.note, r.recommended_by, r.recommended_at,
		r.on_behalf_basis, u.display_name FROM unit_performance_recommendations r LEFT JOIN users u ON u.id = r.recommended_by
		WHERE r.instansi_id = ? AND r.period_id = ?`
	args := []any{instansiID, periodID}
	if unitID != "" {
		q += ` AND r.unit_id = ?`
		args = append(args, unitID)
	}
	rows, err := c.query(ctx, q+` ORDER BY r.recommended_at, r.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list recommendations: %w", err)
	}
	defer rows.Close()
	var out []model.UnitRecommendation
	for rows.Next() {
		var r model.UnitRecommendation
		var source, capaian, at string
		if err := rows.Scan(&r.ID, &r.InstansiID, &r.UnitID, &r.PeriodID, &source, &capaian, &r.Note, &r.By, &at,
			&r.Basis, nullString{&r.ByName}); err != nil {
			return nil, err
		}
		r.Source, r.Capaian, r.At = model.RecommendationSource(source), model.Capaian(capaian), parseTime(at)
		r.OnBehalf = r.Basis != ""
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetUnitPerformance sets or changes the capaian of p.UnitID in
// p.PeriodID: version is the version the setter read, 0 when none was set.
// A version that is not the stored one (or 0 when one is set) is
// model.ErrStale. The change is audited with what it replaced.
func (tx *Tx) SetUnitPerformance(ctx context.Context, p model.UnitPerformance, version int) (model.UnitPerformance, error) {
	before, err := tx.UnitPerformance(ctx, p.UnitID, p.PeriodID)
	exists := err == nil
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return p, err
	}
	stale := fmt.Errorf("capaian of unit %s in period %s changed since version %d: %w", p.UnitID, p.PeriodID, version, model.ErrStale)
	p.SetAt = tx.now
	if !exists {
		if version != 0 {
			return p, stale
		}
		p.Version = 1
		_, err := tx.exec(ctx, `INSERT INTO unit_performance (instansi_id, unit_id, period_id, capaian, basis, set_by, set_at, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			p.InstansiID, p.UnitID, p.PeriodID, string(p.Capaian), p.Basis, p.SetBy, formatTime(p.SetAt), p.Version)
		if errors.Is(err, model.ErrConflict) {
			return p, stale // set meanwhile by someone else
		}
		if err != nil {
			return p, fmt.Errorf("set capaian: %w", err)
		}
		if err := tx.audit(ctx, "unit_performance.set", "unit_performance", p.UnitID+"/"+p.PeriodID, nil, unitPerformanceRecord(p)); err != nil {
			return p, err
		}
		return tx.UnitPerformance(ctx, p.UnitID, p.PeriodID)
	}
	if before.Version != version {
		return p, stale
	}
	p.Version = version + 1
	res, err := tx.exec(ctx, `UPDATE unit_performance SET capaian = ?, basis = ?, set_by = ?, set_at = ?, version = ?
		WHERE unit_id = ? AND period_id = ? AND version = ?`,
		string(p.Capaian), p.Basis, p.SetBy, formatTime(p.SetAt), p.Version, p.UnitID, p.PeriodID, version)
	if err != nil {
		return p, fmt.Errorf("change capaian: %w", err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return p, stale
	}
	if err := tx.audit(ctx, "unit_performance.set", "unit_performance", p.UnitID+"/"+p.PeriodID,
		unitPerformanceRecord(before), unitPerformanceRecord(p)); err != nil {
		return p, err
	}
	return tx.UnitPerformance(ctx, p.UnitID, p.PeriodID)
}

// AddUnitRecommendation records a recommendation on an OPD's capaian in a
// period, with its basis when it is recorded on the body's behalf (its
// OnBehalf is then true); it is audited, one recorded on behalf as such.
func (tx *Tx) AddUnitRecommendation(ctx context.Context, r model.UnitRecommendation) (model.UnitRecommendation, error) {
	r.ID, r.At = model.NewID(), tx.now
	if !r.OnBehalf {
		r.Basis = ""
	}
	_, err := tx.exec(ctx, `INSERT INTO unit_performance_recommendations (id, instansi_id, unit_id, period_id, source, capaian, note,
		recommended_by, recommended_at, on_behalf_basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, r.InstansiID, r.UnitID, r.PeriodID, string(r.Source), string(r.Capaian), r.Note, r.By, formatTime(r.At), r.Basis)
	if err != nil {
		return r, fmt.Errorf("record recommendation: %w", err)
	}
	rec := r
	rec.ByName, rec.SupersededBy = "", ""
	if r.OnBehalf {
		return r, tx.audit(ctx, "unit_performance.recommend_on_behalf", "unit_performance", r.UnitID+"/"+r.PeriodID, nil, rec)
	}
	return r, tx.audit(ctx, "unit_performance.recommend", "unit_performance", r.UnitID+"/"+r.PeriodID, nil, rec)
}

// UnitPerformanceSettings returns who sets the capaian kinerja organisasi
// of an instansi and which units recommend as BKPSDM, Bappeda and the
// Inspektorat.
func (c conn) UnitPerformanceSettings(ctx context.Context, instansiID string) (model.UnitPerformanceSettings, error) {
	var s model.UnitPerformanceSettings
	err := c.queryRow(ctx, `SELECT capaian_setter, bkpsdm_unit_id, bappeda_unit_id, inspektorat_unit_id FROM instansi WHERE id = ?`,
		instansiID).Scan(&s.Setter, &s.BKPSDMUnitID, &s.BappedaUnitID, &s.InspektoratUnitID)
	if err != nil {
		return s, notFound(err, "instansi "+instansiID)
	}
	if s.Setter != model.CapaianSetterSekda {
		s.Setter = model.CapaianSetterKepalaDaerah
	}
	return s, nil
}

// SetUnitPerformanceSettings changes those settings; the change is
// audited with what it replaced.
func (tx *Tx) SetUnitPerformanceSettings(ctx context.Context, instansiID string, s model.UnitPerformanceSettings) error {
	before, err := tx.UnitPerformanceSettings(ctx, instansiID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE instansi SET capaian_setter = ?, bkpsdm_unit_id = ?, bappeda_unit_id = ?, inspektorat_unit_id = ?
		WHERE id = ?`, s.Setter, s.BKPSDMUnitID, s.BappedaUnitID, s.InspektoratUnitID, instansiID); err != nil {
		return fmt.Errorf("set capaian settings: %w", err)
	}
	return tx.audit(ctx, "instansi.unit_performance", "instansi", instansiID, before, s)
}

// PositionsOfKind returns the ids of an instansi's positions of one kind
// (the kepala daerah's, say), by id.
func (c conn) PositionsOfKind(ctx context.Context, instansiID string, kind model.PositionKind) ([]string, error) {
	rows, err := c.query(ctx, `SELECT id FROM positions WHERE instansi_id = ? AND kind = ? ORDER BY id`, instansiID, string(kind))
	if err != nil {
		return nil, fmt.Errorf("positions of kind %s: %w", kind, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// FinalCalibrations returns the OPDs of an instansi whose calibration for
// a period is final: their capaian no longer changes.
func (c conn) FinalCalibrations(ctx context.Context, instansiID, periodID string) (map[string]bool, error) {
	rows, err := c.query(ctx, `SELECT opd_id FROM calibrations WHERE instansi_id = ? AND period_id = ? AND status = ?`,
		instansiID, periodID, string(model.CalibrationFinal))
	if err != nil {
		return nil, fmt.Errorf("final calibrations: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
