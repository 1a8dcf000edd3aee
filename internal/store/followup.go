package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

const followUpColumns = `f.id, f.instansi_id, f.assessment_id, f.employee_id, COALESCE(e.name, ''), f.kind, f.title, f.plan, f.review_due,
	f.status, f.outcome, f.created_by, f.created_at, f.updated_by, f.updated_at, f.version`

const followUpFrom = ` FROM follow_ups f LEFT JOIN employees e ON e.id = f.employee_id`

func scanFollowUp(sc interface{ Scan(...any) error }) (model.FollowUp, error) {
	var f model.FollowUp
	var kind, due, status, created, updated string
	err := sc.Scan(&f.ID, &f.InstansiID, &f.AssessmentID, &f.EmployeeID, &f.EmployeeName, &kind, &f.Title, &f.Plan, &due,
		&status, &f.Outcome, &f.CreatedBy, &created, &f.UpdatedBy, &updated, &f.Version)
	f.Kind, f.ReviewDue, f.Status = model.FollowUpKind(kind), model.Date(due), model.FollowUpStatus(status)
	f.CreatedAt, f.UpdatedAt = parseTime(created), parseTime(updated)
	return f, err
}

// CreateFollowUp records a follow-up of an assessment, open, audited.
func (tx *Tx) CreateFollowUp(ctx context.Context, f model.FollowUp) (model.FollowUp, error) {
	f.ID, f.Status, f.Version, f.CreatedAt, f.UpdatedAt = model.NewID(), model.FollowUpOpen, 1, tx.now, tx.now
	f.CreatedBy = tx.actor.UserID
	_, err := tx.exec(ctx, `INSERT INTO follow_ups (id, instansi_id, assessment_id, employee_id, kind, title, plan, review_due, status,
		created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, f.ID, f.InstansiID, f.AssessmentID,
		f.EmployeeID, string(f.Kind), f.Title, f.Plan, string(f.ReviewDue), string(f.Status), f.CreatedBy, formatTime(tx.now), formatTime(tx.now), f.Version)
	if err != nil {
		return f, fmt.Errorf("create follow-up: %w", err)
	}
	return f, tx.audit(ctx, "followup.create", "followup", f.ID, nil, f)
}

// LockFollowUps locks an assessment's follow-ups until the transaction
// ends and returns them: the assessment's record is locked (SELECT … FOR
// UPDATE), so that two follow-ups of it sent at once are checked one after
// the other against those it has (one improvement plan per result).
// SQLite needs no lock (forUpdate).
func (tx *Tx) LockFollowUps(ctx context.Context, instansiID, assessmentID string) ([]model.FollowUp, error) {
	var got string
	if err := tx.queryRow(ctx, `SELECT id FROM assessments WHERE id = ?`+tx.d.forUpdate(), assessmentID).Scan(&got); err != nil {
		return nil, notFound(err, "assessment "+assessmentID)
	}
	return tx.FollowUps(ctx, FollowUpFilter{InstansiID: instansiID, AssessmentID: assessmentID})
}

// UpdateFollowUp records progress on a follow-up read at before's version;
// a stale version is model.ErrStale.
func (tx *Tx) UpdateFollowUp(ctx context.Context, before, after model.FollowUp) (model.FollowUp, error) {
	after.Version, after.UpdatedAt, after.UpdatedBy = before.Version+1, tx.now, tx.actor.UserID
	res, err := tx.exec(ctx, `UPDATE follow_ups SET status = ?, outcome = ?, plan = ?, updated_by = ?, updated_at = ?, version = ?
		WHERE id = ? AND version = ?`, string(after.Status), after.Outcome, after.Plan, after.UpdatedBy, formatTime(tx.now), after.Version,
		before.ID, before.Version)
	if err != nil {
		return before, fmt.Errorf("update follow-up: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return before, fmt.Errorf("follow-up %s changed since version %d: %w", before.ID, before.Version, model.ErrStale)
	}
	return after, tx.audit(ctx, "followup."+string(after.Status), "followup", before.ID, before, after)
}

// FollowUp returns one follow-up.
func (c conn) FollowUp(ctx context.Context, id string) (model.FollowUp, error) {
	f, err := scanFollowUp(c.queryRow(ctx, `SELECT `+followUpColumns+followUpFrom+` WHERE f.id = ?`, id))
	if err != nil {
		return f, notFound(err, "follow-up "+id)
	}
	return f, nil
}

// FollowUpFilter selects follow-ups of one instansi.
type FollowUpFilter struct {
	InstansiID   string
	AssessmentID string
	Employees    []string // nil for everyone; empty for no one
	Open         bool     // only those not done nor cancelled
	// PeriodID keeps those that follow from an assessment of this period
	// (the annual period of a year: that year's follow-ups); "" any.
	PeriodID string
	After    string
	Limit    int
}

// FollowUps lists follow-ups by id.
func (c conn) FollowUps(ctx context.Context, f FollowUpFilter) ([]model.FollowUp, error) {
	if f.Employees != nil && len(f.Employees) == 0 {
		return nil, nil
	}
	q := `SELECT ` + followUpColumns + followUpFrom + ` WHERE f.instansi_id = ?`
	args := []any{f.InstansiID}
	if f.AssessmentID != "" {
		q += ` AND f.assessment_id = ?`
		args = append(args, f.AssessmentID)
	}
	if f.PeriodID != "" {
		q += ` AND f.assessment_id IN (SELECT id FROM assessments WHERE period_id = ?)`
		args = append(args, f.PeriodID)
	}
	if f.Employees != nil {
		q += ` AND f.employee_id IN (` + placeholders(len(f.Employees)) + `)`
		args = append(args, anys(f.Employees)...)
	}
	if f.Open {
		q += ` AND f.status IN (?, ?)`
		args = append(args, string(model.FollowUpOpen), string(model.FollowUpInProgress))
	}
	if f.After != "" {
		q += ` AND f.id > ?`
		args = append(args, f.After)
	}
	q += ` ORDER BY f.id`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("follow-ups: %w", err)
	}
	defer rows.Close()
	var out []model.FollowUp
	for rows.Next() {
		f, err := scanFollowUp(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
