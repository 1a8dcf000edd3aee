package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// CreateProposal stores an open proposal.
func (tx *Tx) CreateProposal(ctx context.Context, p model.Proposal) (model.Proposal, error) {
	p.ID, p.Status, p.CreatedAt = model.NewID(), model.ProposalOpen, formatTime(tx.now)
	_, err := tx.exec(ctx, `INSERT INTO rhk_proposals (id, instansi_id, from_employee_id, to_employee_id, year, parent_rhk_id,
		description, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, p.InstansiID, p.FromEmployeeID, p.ToEmployeeID,
		p.Year, p.ParentRHKID, p.Description, p.Status, p.CreatedAt)
	if err != nil {
		return p, fmt.Errorf("create RHK proposal: %w", err)
	}
	return p, tx.audit(ctx, "rhk_proposal.create", "employee", p.ToEmployeeID, nil, p)
}

// DecideProposal marks an open proposal accepted or declined.
func (tx *Tx) DecideProposal(ctx context.Context, id, status string) error {
	res, err := tx.exec(ctx, `UPDATE rhk_proposals SET status = ?, decided_at = ? WHERE id = ? AND status = ?`,
		status, formatTime(tx.now), id, model.ProposalOpen)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("proposal %s is no longer open: %w", id, model.ErrConflict)
	}
	return tx.audit(ctx, "rhk_proposal."+status, "rhk_proposal", id, nil, map[string]string{"status": status})
}

// Proposals lists the open proposals to an employee for a year.
func (c conn) Proposals(ctx context.Context, toEmployeeID string, year int) ([]model.Proposal, error) {
	rows, err := c.query(ctx, `SELECT id, instansi_id, from_employee_id, to_employee_id, year, parent_rhk_id, description, status, created_at
		FROM rhk_proposals WHERE to_employee_id = ? AND year = ? AND status = ? ORDER BY id`, toEmployeeID, year, model.ProposalOpen)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Proposal
	for rows.Next() {
		var p model.Proposal
		if err := rows.Scan(&p.ID, &p.InstansiID, &p.FromEmployeeID, &p.ToEmployeeID, &p.Year, &p.ParentRHKID, &p.Description, &p.Status, &p.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ProposalByID returns one proposal.
func (c conn) ProposalByID(ctx context.Context, id string) (model.Proposal, error) {
	var p model.Proposal
	err := c.queryRow(ctx, `SELECT id, instansi_id, from_employee_id, to_employee_id, year, parent_rhk_id, description, status, created_at
		FROM rhk_proposals WHERE id = ?`, id).Scan(&p.ID, &p.InstansiID, &p.FromEmployeeID, &p.ToEmployeeID, &p.Year, &p.ParentRHKID,
		&p.Description, &p.Status, &p.CreatedAt)
	if err != nil {
		return p, notFound(err, "proposal "+id)
	}
	return p, nil
}
