package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Penilaian: assessments, their calibration moves and each OPD's
// calibration state per period.

const assessmentColumns = `id, instansi_id, skp_id, employee_id, period_id, opd_id, regime, leader, status,
	hasil_kerja, perilaku_kerja, predikat, note, feedback, employee_snapshot, rater_snapshot, upper_snapshot,
	rated_by, rated_at, finalized_by, finalized_at, received_at, acknowledged_at, version, created_at, updated_at`

func scanAssessment(sc interface{ Scan(...any) error }) (model.Assessment, error) {
	var a model.Assessment
	var regime, status, hk, pk, pred, feedback, es, rs, us, ratedAt, finalAt, recvAt, ackAt, created, updated string
	err := sc.Scan(&a.ID, &a.InstansiID, &a.SKPID, &a.EmployeeID, &a.PeriodID, &a.OPDID, &regime, &a.Leader, &status,
		&hk, &pk, &pred, &a.Note, &feedback, &es, &rs, &us, &a.RatedBy, &ratedAt, &a.FinalizedBy, &finalAt, &recvAt, &ackAt,
		&a.Version, &created, &updated)
	if err != nil {
		return a, err
	}
	a.Regime, a.Status = model.Regime(regime), model.AssessmentStatus(status)
	a.HasilKerja, a.PerilakuKerja, a.Predikat = model.Rating(hk), model.Rating(pk), model.Predikat(pred)
	for _, doc := range []struct {
		text string
		into any
	}{{feedback, &a.Feedback}, {es, &a.Employee}, {rs, &a.Rater}, {us, &a.UpperRater}} {
		if doc.text == "" {
			continue
		}
		if err := json.Unmarshal([]byte(doc.text), doc.into); err != nil {
			return a, fmt.Errorf("assessment %s: %w", a.ID, err)
		}
	}
	a.RatedAt, a.FinalizedAt, a.ReceivedAt, a.AcknowledgedAt = parseTime(ratedAt), parseTime(finalAt), parseTime(recvAt), parseTime(ackAt)
	a.CreatedAt, a.UpdatedAt = parseTime(created), parseTime(updated)
	return a, nil
}

// AssessmentCandidates returns the SKPs in force during period p that have
// no assessment for it yet: every SKP of the instansi's year that was
// approved at least once (approved now, or with an approval date: an SKP
// under revision counts with its approved plan, and one closed by a
// transfer counts for the days it was in force) and whose days overlap the period's. Each
// comes with the OPD of its post and whether the employee heads that OPD.
func (c conn) AssessmentCandidates(ctx context.Context, p model.Period) ([]model.AssessmentCandidate, error) {
	rows, err := c.query(ctx, `SELECT s.id, s.employee_id, COALESCE(u.opd_id, u.id), pos.is_head AND pos.unit_id = COALESCE(u.opd_id, u.id),
		s.employee_snapshot
		FROM skps s JOIN positions pos ON pos.id = s.position_id JOIN units u ON u.id = pos.unit_id
		WHERE s.instansi_id = ? AND s.year = ? AND (s.status = 'approved' OR s.approved_at <> '') AND s.period_start <= ? AND s.period_end >= ?
		AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.skp_id = s.id AND a.period_id = ?)
		ORDER BY s.id`, p.InstansiID, p.Year, string(p.End), string(p.Start), p.ID)
	if err != nil {
		return nil, fmt.Errorf("assessment candidates: %w", err)
	}
	defer rows.Close()
	var out []model.AssessmentCandidate
	for rows.Next() {
		var cand model.AssessmentCandidate
		var snap string
		if err := rows.Scan(&cand.SKPID, &cand.EmployeeID, &cand.OPDID, &cand.Leader, &snap); err != nil {
			return nil, err
		}
		if snap != "" {
			if err := json.Unmarshal([]byte(snap), &cand.Employee); err != nil {
				return nil, fmt.Errorf("SKP %s snapshot: %w", cand.SKPID, err)
			}
		}
		out = append(out, cand)
	}
	return out, rows.Err()
}

// assessmentBatch is how many assessments one INSERT statement writes.
const assessmentBatch = 200

// CreateAssessments makes an open assessment under regime for each
// candidate, in statements of a few hundred rows, and audits the period's
// closing once with how many were made (each assessment's own changes are
// audited from then on).
func (tx *Tx) CreateAssessments(ctx context.Context, p model.Period, regime model.Regime, list []model.AssessmentCandidate) (int, error) {
	now := formatTime(tx.now)
	for start := 0; start < len(list); start += assessmentBatch {
		end := min(start+assessmentBatch, len(list))
		var sb strings.Builder
		sb.WriteString(`INSERT INTO assessments (id, instansi_id, skp_id, employee_id, period_id, opd_id, regime, leader, status,
			employee_snapshot, version, created_at, updated_at) VALUES `)
		args := make([]any, 0, (end-start)*13)
		for i, cand := range list[start:end] {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			args = append(args, model.NewID(), p.InstansiID, cand.SKPID, cand.EmployeeID, p.ID, cand.OPDID, string(regime),
				cand.Leader, string(model.AssessmentOpen), mustJSON(cand.Employee), 1, now, now)
		}
		if _, err := tx.exec(ctx, sb.String(), args...); err != nil {
			return start, fmt.Errorf("create assessments: %w", err)
		}
	}
	if len(list) == 0 {
		return 0, nil
	}
	if err := tx.ensureCalibrations(ctx, `period_id = ?`, p.ID); err != nil {
		return 0, err
	}
	if err := tx.bumpCurves(ctx, `period_id = ?`, p.ID); err != nil {
		return 0, err
	}
	return len(list), tx.audit(ctx, "assessment.open", "period", p.ID, nil, map[string]any{"assessments": len(list), "regime": regime})
}

// Assessment returns one assessment.
func (c conn) Assessment(ctx context.Context, id string) (model.Assessment, error) {
	a, err := scanAssessment(c.queryRow(ctx, `SELECT `+assessmentColumns+` FROM assessments WHERE id = ?`, id))
	if err != nil {
		return a, notFound(err, "assessment "+id)
	}
	return a, nil
}

// AssessmentFilter selects assessments of one instansi.
type AssessmentFilter struct {
	InstansiID string
	PeriodID   string   // "" for every period
	OPDID      string   // "" for every OPD
	SKPID      string   // "" for every SKP
	Employees  []string // nil for everyone; empty for no one (but OrOPDs)
	// OrOPDs widens Employees: an assessment counted in one of these OPDs
	// is selected too, whoever it rates.
	OrOPDs []string
	Status model.AssessmentStatus
	// Statuses, when not empty, selects assessments in any of them (with
	// Status, in both).
	Statuses []model.AssessmentStatus
	After    string // the id to continue after (the cursor)
	Limit    int    // 0 for no limit
}

// Assessments returns the assessments the filter selects, by id.
func (c conn) Assessments(ctx context.Context, f AssessmentFilter) ([]model.Assessment, error) {
	if f.Employees != nil && len(f.Employees) == 0 && len(f.OrOPDs) == 0 {
		return nil, nil
	}
	q := `SELECT ` + assessmentColumns + ` FROM assessments WHERE instansi_id = ?`
	args := []any{f.InstansiID}
	for _, w := range []struct{ col, v string }{{"period_id", f.PeriodID}, {"opd_id", f.OPDID}, {"skp_id", f.SKPID}, {"status", string(f.Status)}} {
		if w.v != "" {
			q += ` AND ` + w.col + ` = ?`
			args = append(args, w.v)
		}
	}
	if len(f.Statuses) > 0 {
		q += ` AND status IN (` + placeholders(len(f.Statuses)) + `)`
		for _, st := range f.Statuses {
			args = append(args, string(st))
		}
	}
	if f.Employees != nil {
		var whose []string
		if len(f.Employees) > 0 {
			whose = append(whose, `employee_id IN (`+placeholders(len(f.Employees))+`)`)
			args = append(args, anys(f.Employees)...)
		}
		if len(f.OrOPDs) > 0 {
			whose = append(whose, `opd_id IN (`+placeholders(len(f.OrOPDs))+`)`)
			args = append(args, anys(f.OrOPDs)...)
		}
		q += ` AND (` + strings.Join(whose, ` OR `) + `)`
	}
	if f.After != "" {
		q += ` AND id > ?`
		args = append(args, f.After)
	}
	q += ` ORDER BY id`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("assessments: %w", err)
	}
	defer rows.Close()
	var out []model.Assessment
	for rows.Next() {
		a, err := scanAssessment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// UpdateAssessment writes a changed assessment (a rating, a finalisation,
// an acknowledgement, a calibration move) when it still has the version
// before carries, bumping the version, and audits it as action. A stale
// version is model.ErrStale. The moment the employee receives the result
// follows model.Redeliver: a sent result that changes is received again.
func (tx *Tx) UpdateAssessment(ctx context.Context, action string, before, after model.Assessment) (model.Assessment, error) {
	after = model.Redeliver(before, after, tx.now)
	after.Version, after.UpdatedAt = before.Version+1, tx.now
	res, err := tx.exec(ctx, `UPDATE assessments SET status = ?, hasil_kerja = ?, perilaku_kerja = ?, predikat = ?, note = ?, feedback = ?,
		rater_snapshot = ?, upper_snapshot = ?, rated_by = ?, rated_at = ?, finalized_by = ?, finalized_at = ?, received_at = ?,
		acknowledged_at = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?`,
		string(after.Status), string(after.HasilKerja), string(after.PerilakuKerja), string(after.Predikat), after.Note,
		mustJSON(after.Feedback), mustJSON(after.Rater), mustJSON(after.UpperRater), after.RatedBy, formatTime(after.RatedAt),
		after.FinalizedBy, formatTime(after.FinalizedAt), formatTime(after.ReceivedAt), formatTime(after.AcknowledgedAt), after.Version, formatTime(tx.now),
		before.ID, before.Version)
	if err != nil {
		return before, fmt.Errorf("update assessment: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return before, fmt.Errorf("assessment %s changed since version %d: %w", before.ID, before.Version, model.ErrStale)
	}
	if err := tx.bumpCurves(ctx, `opd_id = ? AND period_id = ?`, before.OPDID, before.PeriodID); err != nil {
		return before, err
	}
	return after, tx.audit(ctx, action, "assessment", before.ID, before, after)
}

// bumpCurves marks the curves of the OPDs' periods the condition selects
// on the calibrations table as changed: it bumps their calibration row's
// version, which a cached count of a curve is kept against (app's
// curveCounts). Every write of what the curve counts (an assessment's
// status, predikat or rater, a calibration move, a decision, the SKP's
// end) calls it, or LockCalibration, in its transaction. The callers
// that change an assessment hold the row already (LockCalibration first),
// so the order of locks stays calibration, then assessment.
func (tx *Tx) bumpCurves(ctx context.Context, where string, args ...any) error {
	if _, err := tx.exec(ctx, `UPDATE calibrations SET version = version + 1 WHERE `+where, args...); err != nil {
		return fmt.Errorf("mark the curve changed: %w", err)
	}
	return nil
}

// ensureCalibrations makes the calibration row of every OPD's period
// that the condition on assessments selects, where missing, so that a
// later bumpCurves finds it.
func (tx *Tx) ensureCalibrations(ctx context.Context, where string, args ...any) error {
	if _, err := tx.exec(ctx, `INSERT INTO calibrations (opd_id, period_id, instansi_id, status, version)
		SELECT DISTINCT opd_id, period_id, instansi_id, '`+string(model.CalibrationOpen)+`', 0 FROM assessments WHERE `+where+`
		ON CONFLICT (opd_id, period_id) DO NOTHING`, args...); err != nil {
		return fmt.Errorf("make the calibrations: %w", err)
	}
	return nil
}

// AddAssessmentMove records a change of a sent result with its cause (a
// calibration move when none is given); the assessment itself is changed
// with UpdateAssessment in the same transaction.
func (tx *Tx) AddAssessmentMove(ctx context.Context, m model.AssessmentMove) (model.AssessmentMove, error) {
	m.ID, m.MovedAt = model.NewID(), tx.now
	if m.Cause == "" {
		m.Cause = model.MoveCalibration
	}
	_, err := tx.exec(ctx, `INSERT INTO assessment_moves (id, assessment_id, cause, moved_by, moved_at, reason, from_hasil_kerja,
		from_perilaku_kerja, from_predikat, to_hasil_kerja, to_perilaku_kerja, to_predikat, from_capaian, to_capaian)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.ID, m.AssessmentID, string(m.Cause), m.MovedBy, formatTime(tx.now), m.Reason, string(m.From.HasilKerja), string(m.From.PerilakuKerja),
		string(m.From.Predikat), string(m.To.HasilKerja), string(m.To.PerilakuKerja), string(m.To.Predikat),
		string(m.FromCapaian), string(m.ToCapaian))
	if err != nil {
		return m, fmt.Errorf("record the change of a sent result: %w", err)
	}
	return m, nil
}

// AssessmentMoves returns the changes of an assessment after it was sent
// (calibration moves and capaian changes), oldest first, with the name of
// who made each (an employee, or an administrator's account).
func (c conn) AssessmentMoves(ctx context.Context, assessmentID string) ([]model.AssessmentMove, error) {
	rows, err := c.query(ctx, `SELECT m.id, m.assessment_id, m.cause, m.moved_by, COALESCE(e.name, u.display_name, ''), m.moved_at, m.reason,
		m.from_hasil_kerja, m.from_perilaku_kerja, m.from_predikat, m.to_hasil_kerja, m.to_perilaku_kerja, m.to_predikat,
		m.from_capaian, m.to_capaian
		FROM assessment_moves m LEFT JOIN employees e ON e.id = m.moved_by LEFT JOIN users u ON u.id = m.moved_by
		WHERE m.assessment_id = ? ORDER BY m.moved_at, m.id`, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("changes of a sent result: %w", err)
	}
	defer rows.Close()
	var out []model.AssessmentMove
	for rows.Next() {
		var m model.AssessmentMove
		var at, cause, fh, fp, fpr, th, tp, tpr, fc, tc string
		if err := rows.Scan(&m.ID, &m.AssessmentID, &cause, &m.MovedBy, &m.MovedByName, &at, &m.Reason, &fh, &fp, &fpr, &th, &tp, &tpr, &fc, &tc); err != nil {
			return nil, err
		}
		m.Cause, m.FromCapaian, m.ToCapaian = model.MoveCause(cause), model.Capaian(fc), model.Capaian(tc)
		m.MovedAt = parseTime(at)
		m.From = model.RatingPair{HasilKerja: model.Rating(fh), PerilakuKerja: model.Rating(fp), Predikat: model.Predikat(fpr)}
		m.To = model.RatingPair{HasilKerja: model.Rating(th), PerilakuKerja: model.Rating(tp), Predikat: model.Predikat(tpr)}
		out = append(out, m)
	}
	return out, rows.Err()
}

const calibrationColumns = `opd_id, period_id, instansi_id, status, override_reason, overridden_by, finalized_by, finalized_at, version`

func scanCalibration(sc interface{ Scan(...any) error }) (model.Calibration, error) {
	var k model.Calibration
	var status, at string
	err := sc.Scan(&k.OPDID, &k.PeriodID, &k.InstansiID, &status, &k.OverrideReason, &k.OverriddenBy, &k.FinalizedBy, &at, &k.Version)
	k.Status, k.FinalizedAt = model.CalibrationStatus(status), parseTime(at)
	return k, err
}

// Calibration returns an OPD's calibration state for a period; one never
// touched is open at version 0.
func (c conn) Calibration(ctx context.Context, instansiID, opdID, periodID string) (model.Calibration, error) {
	k, err := scanCalibration(c.queryRow(ctx, `SELECT `+calibrationColumns+` FROM calibrations WHERE opd_id = ? AND period_id = ?`, opdID, periodID))
	if isNoRows(err) {
		return model.Calibration{OPDID: opdID, PeriodID: periodID, InstansiID: instansiID, Status: model.CalibrationOpen}, nil
	}
	if err != nil {
		return k, fmt.Errorf("calibration: %w", err)
	}
	return k, nil
}

// LockCalibration takes the OPD's calibration row for the period for the
// rest of the transaction: it creates it when missing and bumps its
// version, which holds a row lock on PostgreSQL (SQLite's write
// transactions are serial already). Whoever counts the curve and writes a
// predikat of the OPD in the period takes it first, so two raters
// finalising at once are counted one after the other.
func (tx *Tx) LockCalibration(ctx context.Context, instansiID, opdID, periodID string) (model.Calibration, error) {
	if _, err := tx.exec(ctx, `INSERT INTO calibrations (opd_id, period_id, instansi_id, status, version) VALUES (?, ?, ?, ?, 0)
		ON CONFLICT (opd_id, period_id) DO NOTHING`, opdID, periodID, instansiID, string(model.CalibrationOpen)); err != nil {
		return model.Calibration{}, fmt.Errorf("lock calibration: %w", err)
	}
	if _, err := tx.exec(ctx, `UPDATE calibrations SET version = version + 1 WHERE opd_id = ? AND period_id = ?`, opdID, periodID); err != nil {
		return model.Calibration{}, fmt.Errorf("lock calibration: %w", err)
	}
	return scanCalibration(tx.queryRow(ctx, `SELECT `+calibrationColumns+` FROM calibrations WHERE opd_id = ? AND period_id = ?`, opdID, periodID))
}

// SetCalibration writes an OPD's calibration state (finalised, with an
// override, or unlocked) after LockCalibration in the same transaction,
// and audits it as action with reason.
func (tx *Tx) SetCalibration(ctx context.Context, action string, before, after model.Calibration) (model.Calibration, error) {
	if _, err := tx.exec(ctx, `UPDATE calibrations SET status = ?, override_reason = ?, overridden_by = ?, finalized_by = ?, finalized_at = ?
		WHERE opd_id = ? AND period_id = ?`, string(after.Status), after.OverrideReason, after.OverriddenBy, after.FinalizedBy,
		formatTime(after.FinalizedAt), before.OPDID, before.PeriodID); err != nil {
		return before, fmt.Errorf("set calibration: %w", err)
	}
	return after, tx.audit(ctx, action, "calibration", before.OPDID+"/"+before.PeriodID, before, after)
}

// CurveEntries lists an OPD's assessments in a period as the curve counts
// them (model.TallyCurve): whose each is, its status and predikat, and
// whether its SKP is an acting one and when it ends, so that a person
// with several SKPs counts once.
func (c conn) CurveEntries(ctx context.Context, opdID, periodID string) ([]model.CurveEntry, error) {
	rows, err := c.query(ctx, `SELECT a.id, a.employee_id, a.status, a.predikat, s.acting, s.period_end
		FROM assessments a JOIN skps s ON s.id = a.skp_id WHERE a.opd_id = ? AND a.period_id = ?`, opdID, periodID)
	if err != nil {
		return nil, fmt.Errorf("count the curve: %w", err)
	}
	defer rows.Close()
	var out []model.CurveEntry
	for rows.Next() {
		var e model.CurveEntry
		var status, pred, acting, end string
		if err := rows.Scan(&e.AssessmentID, &e.EmployeeID, &status, &pred, &acting, &end); err != nil {
			return nil, err
		}
		e.Status, e.Predikat, e.Acting, e.SKPEnd = model.AssessmentStatus(status), model.Predikat(pred), acting != "", model.Date(end)
		out = append(out, e)
	}
	return out, rows.Err()
}

// RaterCount is how many predikat of one kind a rater gave in an OPD's
// period.
type RaterCount struct {
	RaterID, Name string
	Predikat      model.Predikat
	N             int
}

// RaterCounts counts the predikat each rater gave in an OPD's period, as
// they gave it: a result moved in calibration counts with the predikat
// before its first move, one changed by a keberatan decision with the
// predikat objected to, so that the OPD head's, BKPSDM's and the atasan's
// changes are never held against the rater. The counts come in no
// particular order.
func (c conn) RaterCounts(ctx context.Context, opdID, periodID string) ([]RaterCount, error) {
	// The predikat as they stand, counted from the index on (opd_id,
	// period_id, rated_by, predikat) alone ("> ''" is a range on it where
	// "<> ''" is a filter over every row), then corrected for the few
	// results moved or changed by a decision: asking each result for its
	// moves and objection made the count read the whole OPD's rows and
	// sort them (240 ms for 74,000 results on PostgreSQL).
	type key struct {
		rater string
		p     model.Predikat
	}
	counts := map[key]int{}
	rows, err := c.query(ctx, `SELECT rated_by, predikat, COUNT(*) FROM assessments
		WHERE opd_id = ? AND period_id = ? AND rated_by > '' AND predikat > '' GROUP BY rated_by, predikat`, opdID, periodID)
	if err != nil {
		return nil, fmt.Errorf("count by rater: %w", err)
	}
	for rows.Next() {
		var k key
		var n int
		if err := rows.Scan(&k.rater, &k.p, &n); err != nil {
			rows.Close()
			return nil, err
		}
		counts[k] += n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count by rater: %w", err)
	}
	rows, err = c.query(ctx, `SELECT a.rated_by, a.predikat, COALESCE(
			(SELECT m.from_predikat FROM assessment_moves m WHERE m.assessment_id = a.id ORDER BY m.moved_at, m.id LIMIT 1),
			(SELECT o.from_predikat FROM objections o WHERE o.assessment_id = a.id AND o.decision = 'change'),
			a.predikat)
		FROM (SELECT assessment_id FROM assessment_moves UNION SELECT assessment_id FROM objections WHERE decision = 'change') x
		JOIN assessments a ON a.id = x.assessment_id
		WHERE a.opd_id = ? AND a.period_id = ? AND a.rated_by > '' AND a.predikat > ''`, opdID, periodID)
	if err != nil {
		return nil, fmt.Errorf("count by rater, changed results: %w", err)
	}
	for rows.Next() {
		var now, own key
		if err := rows.Scan(&now.rater, &now.p, &own.p); err != nil {
			rows.Close()
			return nil, err
		}
		own.rater = now.rater
		counts[now]--
		counts[own]++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count by rater, changed results: %w", err)
	}
	var out []RaterCount
	var ids []string
	seen := map[string]bool{}
	for k, n := range counts {
		if n <= 0 {
			continue
		}
		out = append(out, RaterCount{RaterID: k.rater, Predikat: k.p, N: n})
		if !seen[k.rater] {
			seen[k.rater] = true
			ids = append(ids, k.rater)
		}
	}
	names, err := c.EmployeeNames(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Name = names[out[i].RaterID]
	}
	return out, nil
}

// SeedAssessments writes the ratings of many assessments at once, in
// statements of a few hundred rows: for each, its status, ratings,
// predikat, note, umpan balik, rater snapshots, who rated and finalised it
// and when, when it was received (its sending when zero) and
// acknowledged, its version and when it last
// changed (UpdatedAt, or now when zero). It is for the demo city and
// load-test data only: it checks no rule and no version (the caller
// computes every predikat by the rules of the assessment's regime). Each
// step is audited as the app audits it, by its person at its moment:
// "assessment.rate" by the rater at RatedAt, "assessment.finalize" by
// whoever sent it at FinalizedAt, "assessment.acknowledge" by the employee
// at AcknowledgedAt, each person's actor taken from actors by employee id
// (the transaction's actor for one missing). The entries carry the
// ratings and the steps' moments, not the umpan balik.
func (tx *Tx) SeedAssessments(ctx context.Context, list []model.Assessment, actors map[string]model.Actor) error {
	const cols = 17
	for start := 0; start < len(list); start += assessmentBatch {
		end := min(start+assessmentBatch, len(list))
		var sb strings.Builder
		// A VALUES list names its columns column1, column2... on both
		// engines; every value travels as text.
		sb.WriteString(`UPDATE assessments SET status = v.column2, hasil_kerja = v.column3, perilaku_kerja = v.column4,
			predikat = v.column5, note = v.column6, feedback = v.column7, rater_snapshot = v.column8, upper_snapshot = v.column9,
			rated_by = v.column10, rated_at = v.column11, finalized_by = v.column12, finalized_at = v.column13,
			acknowledged_at = v.column14, version = CAST(v.column15 AS INTEGER), updated_at = v.column16, received_at = v.column17
			FROM (VALUES `)
		args := make([]any, 0, (end-start)*cols)
		for i, a := range list[start:end] {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			updated := a.UpdatedAt
			received := a.ReceivedAt
			if received.IsZero() && a.Status == model.AssessmentFinal {
				received = a.FinalizedAt
			}
			if updated.IsZero() {
				updated = tx.now
			}
			args = append(args, a.ID, string(a.Status), string(a.HasilKerja), string(a.PerilakuKerja), string(a.Predikat), a.Note,
				mustJSON(a.Feedback), mustJSON(a.Rater), mustJSON(a.UpperRater), a.RatedBy, formatTime(a.RatedAt),
				a.FinalizedBy, formatTime(a.FinalizedAt), formatTime(a.AcknowledgedAt), fmt.Sprint(a.Version), formatTime(updated),
				formatTime(received))
		}
		sb.WriteString(`) AS v WHERE assessments.id = v.column1`)
		if _, err := tx.exec(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("seed assessments: %w", err)
		}
	}
	if len(list) > 0 {
		// The curves of the instansi are counted again on their next read.
		if err := tx.ensureCalibrations(ctx, `instansi_id = ?`, tx.instansi); err != nil {
			return err
		}
		if err := tx.bumpCurves(ctx, `instansi_id = ?`, tx.instansi); err != nil {
			return err
		}
	}
	return tx.seedAssessmentSteps(ctx, list, actors)
}

// seedStep is what an audit entry of a seeded step records of the
// assessment: its ratings and the steps' moments.
type seedStep struct {
	ID, EmployeeID, PeriodID             string
	Status                               model.AssessmentStatus
	HasilKerja                           model.Rating
	PerilakuKerja                        model.Rating
	Predikat                             model.Predikat
	RatedBy, FinalizedBy                 string
	RatedAt, FinalizedAt, AcknowledgedAt time.Time
	Version                              int
}

// seedAssessmentSteps audits the steps of seeded assessments (see
// SeedAssessments) in bulk.
func (tx *Tx) seedAssessmentSteps(ctx context.Context, list []model.Assessment, actors map[string]model.Actor) error {
	as := func(employeeID string, at time.Time) *Tx {
		if a, ok := actors[employeeID]; ok {
			return tx.At(a, at)
		}
		return tx.At(tx.actor, at)
	}
	var rows [][]any
	add := func(row []any, err error) error {
		rows = append(rows, row)
		return err
	}
	for _, a := range list {
		open := seedStep{ID: a.ID, EmployeeID: a.EmployeeID, PeriodID: a.PeriodID, Status: model.AssessmentOpen, Version: 1}
		rated := open
		rated.Status, rated.HasilKerja, rated.PerilakuKerja, rated.Predikat = model.AssessmentRated, a.HasilKerja, a.PerilakuKerja, a.Predikat
		rated.RatedBy, rated.RatedAt, rated.Version = a.RatedBy, a.RatedAt, 2
		if a.RatedAt.IsZero() {
			continue
		}
		if err := add(as(a.RatedBy, a.RatedAt).auditRow("assessment.rate", "assessment", a.ID, open, rated)); err != nil {
			return err
		}
		if a.Status != model.AssessmentFinal || a.FinalizedAt.IsZero() {
			continue
		}
		sent := rated
		sent.Status, sent.FinalizedBy, sent.FinalizedAt, sent.Version = model.AssessmentFinal, a.FinalizedBy, a.FinalizedAt, 3
		if err := add(as(a.FinalizedBy, a.FinalizedAt).auditRow("assessment.finalize", "assessment", a.ID, rated, sent)); err != nil {
			return err
		}
		if a.AcknowledgedAt.IsZero() {
			continue
		}
		read := sent
		read.AcknowledgedAt, read.Version = a.AcknowledgedAt, 4
		if err := add(as(a.EmployeeID, a.AcknowledgedAt).auditRow("assessment.acknowledge", "assessment", a.ID, sent, read)); err != nil {
			return err
		}
	}
	if len(rows) == 0 {
		return nil
	}
	if err := tx.insertRows(ctx, "audit_log", auditColumns, rows); err != nil {
		return fmt.Errorf("audit seeded assessments: %w", err)
	}
	return nil
}

// CalibrationKey names an OPD's calibration in a period.
type CalibrationKey struct{ OPDID, PeriodID string }

// Calibrations returns the calibration state of every OPD of the instansi
// in the periods of periodIDs, keyed by OPD and period, in one statement
// for every 500 periods. One never touched is left out: it is open at
// version 0 (Calibration).
func (c conn) Calibrations(ctx context.Context, instansiID string, periodIDs []string) (map[CalibrationKey]model.Calibration, error) {
	out := map[CalibrationKey]model.Calibration{}
	err := c.eachByID(ctx, `SELECT `+calibrationColumns+` FROM calibrations WHERE period_id IN (%s)`, periodIDs, func(rows *sql.Rows) error {
		k, err := scanCalibration(rows)
		if k.InstansiID == instansiID {
			out[CalibrationKey{k.OPDID, k.PeriodID}] = k
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("calibrations: %w", err)
	}
	return out, nil
}

// AssessmentsByID returns the assessments of ids keyed by id, in one
// statement for every 500; an id not found is left out.
func (c conn) AssessmentsByID(ctx context.Context, ids []string) (map[string]model.Assessment, error) {
	out := make(map[string]model.Assessment, len(ids))
	err := c.eachByID(ctx, `SELECT `+assessmentColumns+` FROM assessments WHERE id IN (%s)`, ids, func(rows *sql.Rows) error {
		a, err := scanAssessment(rows)
		out[a.ID] = a
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("assessments by id: %w", err)
	}
	return out, nil
}
