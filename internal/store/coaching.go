package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Bimbingan kinerja: coaching sessions with their B.1.8 feedback and B.1.9
// competence evaluation, each stored as a JSON document ('' until given).

const coachingColumns = `id, instansi_id, employee_id, coach_id, kind, held_on, topic, notes, actions, next_review,
	feedback_b18, feedback_at, competence_b19, competence_at, reminded_at, created_at, updated_at`

func scanCoaching(sc interface{ Scan(...any) error }) (model.CoachingSession, error) {
	var s model.CoachingSession
	var kind, held, next, feedback, feedbackAt, competence, competenceAt, reminded, created, updated string
	err := sc.Scan(&s.ID, &s.InstansiID, &s.EmployeeID, &s.CoachID, &kind, &held, &s.Topic, &s.Notes, &s.Actions, &next,
		&feedback, &feedbackAt, &competence, &competenceAt, &reminded, &created, &updated)
	if err != nil {
		return s, err
	}
	s.Kind, s.HeldOn, s.NextReview = model.CoachingKind(kind), model.Date(held), model.Date(next)
	if feedback != "" {
		s.Feedback = &model.CoachingFeedback{}
		if err := json.Unmarshal([]byte(feedback), s.Feedback); err != nil {
			return s, fmt.Errorf("coaching session %s: B.1.8 feedback: %w", s.ID, err)
		}
	}
	if competence != "" {
		if err := json.Unmarshal([]byte(competence), &s.Competence); err != nil {
			return s, fmt.Errorf("coaching session %s: B.1.9 evaluation: %w", s.ID, err)
		}
	}
	s.FeedbackAt, s.CompetenceAt, s.RemindedAt = parseTime(feedbackAt), parseTime(competenceAt), parseTime(reminded)
	s.CreatedAt, s.UpdatedAt = parseTime(created), parseTime(updated)
	return s, nil
}

// CreateCoachingSession records a session; the feedback and the
// evaluation come later.
func (tx *Tx) CreateCoachingSession(ctx context.Context, s model.CoachingSession) (model.CoachingSession, error) {
	s.ID, s.CreatedAt, s.UpdatedAt = model.NewID(), tx.now, tx.now
	s.Feedback, s.FeedbackAt, s.Competence, s.CompetenceAt, s.RemindedAt = nil, time.Time{}, nil, time.Time{}, time.Time{}
	_, err := tx.exec(ctx, `INSERT INTO coaching_sessions (id, instansi_id, employee_id, coach_id, kind, held_on, topic, notes, actions,
		next_review, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, s.ID, s.InstansiID, s.EmployeeID, s.CoachID,
		string(s.Kind), string(s.HeldOn), s.Topic, s.Notes, s.Actions, string(s.NextReview), formatTime(tx.now), formatTime(tx.now))
	if err != nil {
		return s, fmt.Errorf("create coaching session: %w", err)
	}
	return s, tx.audit(ctx, "coaching.create", "coaching", s.ID, nil, s)
}

// AnswerCoachingFeedback stores the ASN's B.1.8 answer. It is given once:
// a session already answered is a conflict.
func (tx *Tx) AnswerCoachingFeedback(ctx context.Context, id string, f model.CoachingFeedback) (model.CoachingSession, error) {
	before, err := tx.CoachingSession(ctx, id)
	if err != nil {
		return before, err
	}
	res, err := tx.exec(ctx, `UPDATE coaching_sessions SET feedback_b18 = ?, feedback_at = ?, updated_at = ? WHERE id = ? AND feedback_b18 = ''`,
		mustJSON(f), formatTime(tx.now), formatTime(tx.now), id)
	if err != nil {
		return before, fmt.Errorf("answer coaching feedback: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return before, fmt.Errorf("coaching session %s has its B.1.8 feedback already: %w", id, model.ErrConflict)
	}
	after := before
	after.Feedback, after.FeedbackAt, after.UpdatedAt = &f, tx.now, tx.now
	return after, tx.audit(ctx, "coaching.feedback", "coaching", id, before, after)
}

// SetCoachingCompetence replaces the coach's B.1.9 evaluation.
func (tx *Tx) SetCoachingCompetence(ctx context.Context, id string, list []model.CompetenceScore) (model.CoachingSession, error) {
	before, err := tx.CoachingSession(ctx, id)
	if err != nil {
		return before, err
	}
	if _, err := tx.exec(ctx, `UPDATE coaching_sessions SET competence_b19 = ?, competence_at = ?, updated_at = ? WHERE id = ?`,
		mustJSON(list), formatTime(tx.now), formatTime(tx.now), id); err != nil {
		return before, fmt.Errorf("set coaching competence: %w", err)
	}
	after := before
	after.Competence, after.CompetenceAt, after.UpdatedAt = list, tx.now, tx.now
	return after, tx.audit(ctx, "coaching.competence", "coaching", id, before, after)
}

// MarkCoachingReminded records that the people of a session were reminded
// of its review. It reports false when someone did so already, so that a
// reminder is sent once even when two servers run the job.
func (tx *Tx) MarkCoachingReminded(ctx context.Context, id string) (bool, error) {
	res, err := tx.exec(ctx, `UPDATE coaching_sessions SET reminded_at = ? WHERE id = ? AND reminded_at = ''`, formatTime(tx.now), id)
	if err != nil {
		return false, fmt.Errorf("mark coaching review reminded: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	return true, tx.audit(ctx, "coaching.remind", "coaching", id, nil, map[string]string{"reminded_at": formatTime(tx.now)})
}

// CoachingSession returns one session.
func (c conn) CoachingSession(ctx context.Context, id string) (model.CoachingSession, error) {
	s, err := scanCoaching(c.queryRow(ctx, `SELECT `+coachingColumns+` FROM coaching_sessions WHERE id = ?`, id))
	if err != nil {
		return s, notFound(err, "coaching session "+id)
	}
	return s, nil
}

// CoachingFilter selects sessions of one instansi.
type CoachingFilter struct {
	InstansiID string
	// EmployeeIDs keeps the sessions of these employees; with PersonID,
	// the sessions of these employees or those the person gave. nil
	// means any employee.
	EmployeeIDs []string
	// PersonID, when set, keeps the sessions given by this employee (as
	// well as those of EmployeeIDs).
	PersonID string
	Before   string // cursor: sessions with a smaller id (recorded earlier)
	Limit    int    // at most 200
}

// CoachingSessions lists sessions, the most recently recorded first.
func (c conn) CoachingSessions(ctx context.Context, f CoachingFilter) ([]model.CoachingSession, error) {
	where := []string{"instansi_id = ?"}
	args := []any{f.InstansiID}
	var who []string
	if len(f.EmployeeIDs) > 0 {
		who = append(who, "employee_id IN ("+placeholders(len(f.EmployeeIDs))+")")
		for _, id := range f.EmployeeIDs {
			args = append(args, id)
		}
	}
	if f.PersonID != "" {
		who = append(who, "coach_id = ?")
		args = append(args, f.PersonID)
	}
	switch {
	case len(who) > 0:
		where = append(where, "("+strings.Join(who, " OR ")+")")
	case f.EmployeeIDs != nil:
		return nil, nil // nobody's sessions
	}
	if f.Before != "" {
		where = append(where, "id < ?")
		args = append(args, f.Before)
	}
	args = append(args, clampLimit(f.Limit))
	rows, err := c.query(ctx, `SELECT `+coachingColumns+` FROM coaching_sessions WHERE `+strings.Join(where, " AND ")+
		` ORDER BY id DESC LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("list coaching sessions: %w", err)
	}
	defer rows.Close()
	var out []model.CoachingSession
	for rows.Next() {
		s, err := scanCoaching(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
