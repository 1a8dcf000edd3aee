package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Keberatan: objections to final assessment results, and the instansi's
// choice whether periodic results may be objected to.

const objectionColumns = `id, instansi_id, assessment_id, employee_id, reason, submitted_at, deadline, status, explanation,
	explained_by, explained_at, decision, decision_note, from_hasil_kerja, from_perilaku_kerja, from_predikat,
	to_hasil_kerja, to_perilaku_kerja, to_predikat, decided_by, decided_at, version`

func scanObjection(sc interface{ Scan(...any) error }) (model.Objection, error) {
	var o model.Objection
	var submitted, deadline, status, explained, decision, fh, fp, fpr, th, tp, tpr, decided string
	err := sc.Scan(&o.ID, &o.InstansiID, &o.AssessmentID, &o.EmployeeID, &o.Reason, &submitted, &deadline, &status, &o.Explanation,
		&o.ExplainedBy, &explained, &decision, &o.DecisionNote, &fh, &fp, &fpr, &th, &tp, &tpr, &o.DecidedBy, &decided, &o.Version)
	if err != nil {
		return o, err
	}
	o.SubmittedAt, o.ExplainedAt, o.DecidedAt = parseTime(submitted), parseTime(explained), parseTime(decided)
	o.Deadline, o.Status, o.Decision = model.Date(deadline), model.ObjectionStatus(status), model.ObjectionDecision(decision)
	o.From = model.RatingPair{HasilKerja: model.Rating(fh), PerilakuKerja: model.Rating(fp), Predikat: model.Predikat(fpr)}
	o.To = model.RatingPair{HasilKerja: model.Rating(th), PerilakuKerja: model.Rating(tp), Predikat: model.Predikat(tpr)}
	return o, nil
}

// CreateObjection records a submitted objection and audits it. A second
// objection to the same assessment is model.ErrConflict.
func (tx *Tx) CreateObjection(ctx context.Context, o model.Objection) (model.Objection, error) {
	o.ID, o.SubmittedAt, o.Status, o.Version = model.NewID(), tx.now, model.ObjectionSubmitted, 1
	_, err := tx.exec(ctx, `INSERT INTO objections (id, instansi_id, assessment_id, employee_id, reason, submitted_at, deadline, status, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, o.ID, o.InstansiID, o.AssessmentID, o.EmployeeID, o.Reason, formatTime(tx.now),
		string(o.Deadline), string(o.Status), o.Version)
	if err != nil {
		return o, fmt.Errorf("record objection: %w", mapError(err))
	}
	return o, tx.audit(ctx, "objection.submit", "objection", o.ID, nil, o)
}

// UpdateObjection writes a changed objection (explained, decided) when it
// still has the version before carries, bumping the version, and audits
// it as action. A stale version is model.ErrStale.
func (tx *Tx) UpdateObjection(ctx context.Context, action string, before, after model.Objection) (model.Objection, error) {
	after.Version = before.Version + 1
	res, err := tx.exec(ctx, `UPDATE objections SET status = ?, explanation = ?, explained_by = ?, explained_at = ?, decision = ?,
		decision_note = ?, from_hasil_kerja = ?, from_perilaku_kerja = ?, from_predikat = ?, to_hasil_kerja = ?, to_perilaku_kerja = ?,
		to_predikat = ?, decided_by = ?, decided_at = ?, version = ? WHERE id = ? AND version = ?`,
		string(after.Status), after.Explanation, after.ExplainedBy, formatTime(after.ExplainedAt), string(after.Decision),
		after.DecisionNote, string(after.From.HasilKerja), string(after.From.PerilakuKerja), string(after.From.Predikat),
		string(after.To.HasilKerja), string(after.To.PerilakuKerja), string(after.To.Predikat), after.DecidedBy,
		formatTime(after.DecidedAt), after.Version, before.ID, before.Version)
	if err != nil {
		return before, fmt.Errorf("update objection: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return before, fmt.Errorf("objection %s changed since version %d: %w", before.ID, before.Version, model.ErrStale)
	}
	return after, tx.audit(ctx, action, "objection", before.ID, before, after)
}

// Objection returns one objection.
func (c conn) Objection(ctx context.Context, id string) (model.Objection, error) {
	o, err := scanObjection(c.queryRow(ctx, `SELECT `+objectionColumns+` FROM objections WHERE id = ?`, id))
	if err != nil {
		return o, notFound(err, "objection "+id)
	}
	return o, nil
}

// ObjectionOf returns the objection to an assessment; model.ErrNotFound
// when there is none.
func (c conn) ObjectionOf(ctx context.Context, assessmentID string) (model.Objection, error) {
	o, err := scanObjection(c.queryRow(ctx, `SELECT `+objectionColumns+` FROM objections WHERE assessment_id = ?`, assessmentID))
	if err != nil {
		return o, notFound(err, "objection to assessment "+assessmentID)
	}
	return o, nil
}

// ObjectionFilter selects objections of one instansi.
type ObjectionFilter struct {
	InstansiID string
	EmployeeID string // "" for everyone's
	// Employees narrows to the objections of these employees: nil for
	// everyone's, empty for no one's (but OrOPDs).
	Employees []string
	// OrOPDs widens Employees: an objection to a result counted in one of
	// these OPDs is selected too, whoever objected.
	OrOPDs    []string
	Undecided bool   // only those still waiting for an explanation or a decision
	OPDID     string // only objections to results counted in this OPD
	Status    model.ObjectionStatus
	After     string // the id of the last objection of the previous page
	Limit     int    // 0 for no limit
}

// where is the condition of the objections f selects, its cursor (After)
// and limit aside, with its arguments.
func (f ObjectionFilter) where() (string, []any) {
	q := `instansi_id = ?`
	args := []any{f.InstansiID}
	if f.OPDID != "" {
		q += ` AND assessment_id IN (SELECT id FROM assessments WHERE opd_id = ?)`
		args = append(args, f.OPDID)
	}
	if f.Status != "" {
		q += ` AND status = ?`
		args = append(args, string(f.Status))
	}
	if f.EmployeeID != "" {
		q += ` AND employee_id = ?`
		args = append(args, f.EmployeeID)
	}
	if f.Undecided {
		q += ` AND status <> ?`
		args = append(args, string(model.ObjectionDecided))
	}
	if f.Employees != nil {
		var whose []string
		if len(f.Employees) > 0 {
			whose = append(whose, `employee_id IN (`+placeholders(len(f.Employees))+`)`)
			args = append(args, anys(f.Employees)...)
		}
		if len(f.OrOPDs) > 0 {
			whose = append(whose, `assessment_id IN (SELECT id FROM assessments WHERE opd_id IN (`+placeholders(len(f.OrOPDs))+`))`)
			args = append(args, anys(f.OrOPDs)...)
		}
		q += ` AND (` + strings.Join(whose, ` OR `) + `)`
	}
	return q, args
}

// none reports whether f selects nothing: narrowed to no one.
func (f ObjectionFilter) none() bool {
	return f.Employees != nil && len(f.Employees) == 0 && len(f.OrOPDs) == 0
}

// ObjectionCount counts the objections f selects on all pages (After and
// Limit aside).
func (c conn) ObjectionCount(ctx context.Context, f ObjectionFilter) (int, error) {
	if f.none() {
		return 0, nil
	}
	where, args := f.where()
	var n int
	if err := c.queryRow(ctx, `SELECT COUNT(*) FROM objections WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count objections: %w", err)
	}
	return n, nil
}

// Objections returns the objections the filter selects, the newest first.
func (c conn) Objections(ctx context.Context, f ObjectionFilter) ([]model.Objection, error) {
	if f.none() {
		return nil, nil
	}
	where, args := f.where()
	q := `SELECT ` + objectionColumns + ` FROM objections WHERE ` + where
	if f.After != "" {
		// The page after the objection named: newest first, ties by id.
		q += ` AND (submitted_at < (SELECT submitted_at FROM objections WHERE id = ?)
			OR (submitted_at = (SELECT submitted_at FROM objections WHERE id = ?) AND id > ?))`
		args = append(args, f.After, f.After, f.After)
	}
	q += ` ORDER BY submitted_at DESC, id`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("objections: %w", err)
	}
	defer rows.Close()
	var out []model.Objection
	for rows.Next() {
		o, err := scanObjection(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// PeriodicObjections reports whether the instansi lets periodic results
// be objected to (the annual result always may be).
func (c conn) PeriodicObjections(ctx context.Context, instansiID string) (bool, error) {
	var on bool
	if err := c.queryRow(ctx, `SELECT periodic_objections FROM instansi WHERE id = ?`, instansiID).Scan(&on); err != nil {
		return false, notFound(err, "instansi "+instansiID)
	}
	return on, nil
}

// SetPeriodicObjections changes whether the instansi lets periodic
// results be objected to, and audits it.
func (tx *Tx) SetPeriodicObjections(ctx context.Context, instansiID string, on bool) error {
	before, err := tx.PeriodicObjections(ctx, instansiID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE instansi SET periodic_objections = ? WHERE id = ?`, on, instansiID); err != nil {
		return fmt.Errorf("set periodic objections: %w", err)
	}
	return tx.audit(ctx, "instansi.periodic_objections", "instansi", instansiID, map[string]bool{"periodic_objections": before},
		map[string]bool{"periodic_objections": on})
}

// ObjectionsOf returns the objections to the assessments of ids, keyed by
// assessment, in one statement for every 500; an assessment without one
// is left out.
func (c conn) ObjectionsOf(ctx context.Context, assessmentIDs []string) (map[string]model.Objection, error) {
	out := map[string]model.Objection{}
	err := c.eachByID(ctx, `SELECT `+objectionColumns+` FROM objections WHERE assessment_id IN (%s)`, assessmentIDs, func(rows *sql.Rows) error {
		o, err := scanObjection(rows)
		out[o.AssessmentID] = o
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("objections of assessments: %w", err)
	}
	return out, nil
}
