package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// ReportSKPs lists the SKPs of a year for the reconciliation reports, of
// one OPD when opdID is given, by NIP and then by the end of the SKP.
func (c conn) ReportSKPs(ctx context.Context, instansiID string, year int, opdID string) ([]model.ReportSKP, error) {
	q := `SELECT s.id, e.nip, e.name, s.acting, s.period_start, s.period_end, s.status, COALESCE(o.name, ''), COALESCE(u.id, ''), COALESCE(u.name, ''),
		COALESCE(pos.name, ''), COALESCE(now.name, '')
		FROM skps s JOIN employees e ON e.id = s.employee_id
		LEFT JOIN positions pos ON pos.id = s.position_id LEFT JOIN units u ON u.id = pos.unit_id
		LEFT JOIN positions now ON now.id = e.position_id
		LEFT JOIN units o ON o.id = COALESCE(u.opd_id, u.id)
		WHERE s.instansi_id = ? AND s.year = ?`
	args := []any{instansiID, year}
	if opdID != "" {
		q += ` AND COALESCE(u.opd_id, u.id) = ?`
		args = append(args, opdID)
	}
	rows, err := c.query(ctx, q+` ORDER BY e.nip, s.period_end, s.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("report SKPs: %w", err)
	}
	defer rows.Close()
	var out []model.ReportSKP
	for rows.Next() {
		var r model.ReportSKP
		var acting, start, end, status string
		if err := rows.Scan(&r.SKPID, &r.NIP, &r.Name, &acting, &start, &end, &status, &r.OPDName, &r.UnitID, &r.UnitName, &r.Position, &r.Jabatan); err != nil {
			return nil, err
		}
		r.Acting, r.PeriodStart, r.PeriodEnd, r.Status = model.PlacementKind(acting), model.Date(start), model.Date(end), model.SKPStatus(status)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReportAssessments lists the assessments of a year's SKPs for the
// reconciliation reports, of one OPD when opdID is given.
func (c conn) ReportAssessments(ctx context.Context, instansiID string, year int, opdID string) ([]model.ReportAssessment, error) {
	q := `SELECT a.skp_id, a.period_id, a.hasil_kerja, a.perilaku_kerja, a.predikat, a.status
		FROM assessments a JOIN skps s ON s.id = a.skp_id
		WHERE a.instansi_id = ? AND s.year = ?`
	args := []any{instansiID, year}
	if opdID != "" {
		q += ` AND a.opd_id = ?`
		args = append(args, opdID)
	}
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("report assessments: %w", err)
	}
	defer rows.Close()
	var out []model.ReportAssessment
	for rows.Next() {
		var r model.ReportAssessment
		var hk, pk, p, st string
		if err := rows.Scan(&r.SKPID, &r.PeriodID, &hk, &pk, &p, &st); err != nil {
			return nil, err
		}
		r.HasilKerja, r.PerilakuKerja, r.Predikat, r.Status = model.Rating(hk), model.Rating(pk), model.Predikat(p), model.AssessmentStatus(st)
		out = append(out, r)
	}
	return out, rows.Err()
}
