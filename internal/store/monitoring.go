package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// FillingRow is one active employee with the status of their SKP for a
// year ("" when they have not started one).
type FillingRow struct {
	EmployeeID, UnitID, OPDID string
	Status                    model.SKPStatus
}

// Filling lists every active employee who plans an SKP (pejabat negara
// do not) with the status of their current SKP for the year: the SKP of
// their definitive position (one of a post they act in as Plt or Plh is
// beside it, not instead of it).
func (c conn) Filling(ctx context.Context, instansiID string, year int) ([]FillingRow, error) {
	rows, err := c.query(ctx, `SELECT e.id, p.unit_id, u.opd_id,
		(SELECT s.status FROM skps s WHERE s.employee_id = e.id AND s.year = ? AND s.status <> 'closed' AND s.acting = '' ORDER BY s.id DESC LIMIT 1)
		FROM employees e JOIN positions p ON p.id = e.position_id JOIN units u ON u.id = p.unit_id
		WHERE e.instansi_id = ? AND e.active = TRUE AND e.status <> 'pejabat_negara'`, year, instansiID)
	if err != nil {
		return nil, fmt.Errorf("SKP filling: %w", err)
	}
	defer rows.Close()
	var out []FillingRow
	for rows.Next() {
		var r FillingRow
		var status string
		if err := rows.Scan(&r.EmployeeID, &r.UnitID, nullString{&r.OPDID}, nullString{&status}); err != nil {
			return nil, err
		}
		r.Status = model.SKPStatus(status)
		out = append(out, r)
	}
	return out, rows.Err()
}
