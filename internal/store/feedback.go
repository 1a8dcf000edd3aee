package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// CreateFeedback stores a message.
func (tx *Tx) CreateFeedback(ctx context.Context, f model.Feedback) (model.Feedback, error) {
	made, err := tx.CreateFeedbacks(ctx, []model.Feedback{f})
	if err != nil {
		return f, err
	}
	return made[0], nil
}

// CreateFeedbacks stores many messages in bulk, each as CreateFeedback
// would, with its audit entry.
func (tx *Tx) CreateFeedbacks(ctx context.Context, list []model.Feedback) ([]model.Feedback, error) {
	out := make([]model.Feedback, 0, len(list))
	rows := make([][]any, 0, len(list))
	audits := make([][]any, 0, len(list))
	for _, f := range list {
		f.ID, f.CreatedAt = model.NewID(), tx.now
		rows = append(rows, []any{f.ID, f.InstansiID, f.OwnerID, f.TargetType, f.TargetID, f.AuthorID, f.Body, formatTime(tx.now)})
		a, err := tx.auditRow("feedback.create", f.TargetType, f.TargetID, nil, f)
		if err != nil {
			return out, err
		}
		audits = append(audits, a)
		out = append(out, f)
	}
	if err := tx.insertRows(ctx, "feedback", []string{"id", "instansi_id", "owner_id", "target_type", "target_id", "author_id", "body",
		"created_at"}, rows); err != nil {
		return out, fmt.Errorf("create feedback: %w", err)
	}
	return out, tx.insertRows(ctx, "audit_log", auditColumns, audits)
}

const feedbackColumns = `f.id, f.instansi_id, f.owner_id, f.target_type, f.target_id, f.author_id, e.name, f.body, f.created_at`

func (c conn) feedbackRows(ctx context.Context, query string, args ...any) ([]model.Feedback, error) {
	rows, err := c.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Feedback
	for rows.Next() {
		var f model.Feedback
		var created string
		if err := rows.Scan(&f.ID, &f.InstansiID, &f.OwnerID, &f.TargetType, &f.TargetID, &f.AuthorID, &f.AuthorName, &f.Body, &created); err != nil {
			return nil, err
		}
		f.CreatedAt = parseTime(created)
		out = append(out, f)
	}
	return out, rows.Err()
}

// FeedbackOn returns the whole thread on one target, oldest first: a
// thread is shown whole, and an API client pages through it.
func (c conn) FeedbackOn(ctx context.Context, targetType, targetID string) ([]model.Feedback, error) {
	return c.feedbackRows(ctx, `SELECT `+feedbackColumns+` FROM feedback f JOIN employees e ON e.id = f.author_id
		WHERE f.target_type = ? AND f.target_id = ? ORDER BY f.id`, targetType, targetID)
}

// FeedbackOnMany returns the threads on several targets of one type,
// oldest first, keyed by target.
func (c conn) FeedbackOnMany(ctx context.Context, targetType string, targetIDs []string) (map[string][]model.Feedback, error) {
	out := map[string][]model.Feedback{}
	if len(targetIDs) == 0 {
		return out, nil
	}
	args := append([]any{targetType}, anys(targetIDs)...)
	list, err := c.feedbackRows(ctx, `SELECT `+feedbackColumns+` FROM feedback f JOIN employees e ON e.id = f.author_id
		WHERE f.target_type = ? AND f.target_id IN (`+placeholders(len(targetIDs))+`) ORDER BY f.id`, args...)
	for _, f := range list {
		out[f.TargetID] = append(out[f.TargetID], f)
	}
	return out, err
}

// RecentFeedback returns the newest messages on the work of some people.
func (c conn) RecentFeedback(ctx context.Context, ownerIDs []string, limit int) ([]model.Feedback, error) {
	if len(ownerIDs) == 0 {
		return nil, nil
	}
	args := anys(ownerIDs)
	args = append(args, clampLimit(limit))
	return c.feedbackRows(ctx, `SELECT `+feedbackColumns+` FROM feedback f JOIN employees e ON e.id = f.author_id
		WHERE f.owner_id IN (`+placeholders(len(ownerIDs))+`) ORDER BY f.id DESC LIMIT ?`, args...)
}
