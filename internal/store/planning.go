package store

import (
	"context"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Notify stores a notification (not audited: it records no change of
// state of its own, the action that caused it is).
func (tx *Tx) Notify(ctx context.Context, n model.Notification) error {
	if n.EmployeeID == "" {
		return nil
	}
	n.ID = model.NewID()
	_, err := tx.exec(ctx, `INSERT INTO notifications (id, instansi_id, employee_id, kind, title, body, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.InstansiID, n.EmployeeID, n.Kind, n.Title, n.Body, n.Link, formatTime(tx.now))
	if err != nil {
		return err
	}
	// The bell on the person's open pages counts it at once.
	return tx.Emit(ctx, n.EmployeeID, "notification", map[string]string{"id": n.ID, "kind": n.Kind, "title": n.Title, "body": n.Body, "link": n.Link})
}

// Notifications lists an employee's newest notifications.
func (c conn) Notifications(ctx context.Context, employeeID string, limit int) ([]model.Notification, error) {
	rows, err := c.query(ctx, `SELECT id, instansi_id, employee_id, kind, title, body, link, created_at, read_at FROM notifications
		WHERE employee_id = ? ORDER BY id DESC LIMIT ?`, employeeID, clampLimit(limit))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Notification
	for rows.Next() {
		var n model.Notification
		if err := rows.Scan(&n.ID, &n.InstansiID, &n.EmployeeID, &n.Kind, &n.Title, &n.Body, &n.Link, &n.CreatedAt, &n.ReadAt); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// UnreadNotifications counts an employee's unread notifications.
func (c conn) UnreadNotifications(ctx context.Context, employeeID string) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM notifications WHERE employee_id = ? AND read_at = ''`, employeeID).Scan(&n)
	return n, err
}

// MarkNotificationsRead marks every notification of an employee read. It
// records that they were seen, not a change worth an audit entry.
func (s *Store) MarkNotificationsRead(ctx context.Context, employeeID string, at time.Time) error {
	_, err := s.exec(ctx, `UPDATE notifications SET read_at = ? WHERE employee_id = ? AND read_at = ''`, formatTime(at), employeeID)
	return err
}

// PendingEmail is a notification to send by e-mail to its employee.
type PendingEmail struct {
	model.Notification
	Email, Name string
}

// PendingEmails lists notifications created before cutoff that are
// neither read in the app nor e-mailed yet, to employees with an address.
func (c conn) PendingEmails(ctx context.Context, cutoff time.Time, limit int) ([]PendingEmail, error) {
	rows, err := c.query(ctx, `SELECT n.id, n.instansi_id, n.employee_id, n.kind, n.title, n.body, n.link, n.created_at, e.email, e.name
		FROM notifications n JOIN employees e ON e.id = n.employee_id
		WHERE n.read_at = '' AND n.emailed_at = '' AND n.created_at < ? AND e.email <> '' ORDER BY n.id LIMIT ?`,
		formatTime(cutoff), clampLimit(limit))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PendingEmail
	for rows.Next() {
		var p PendingEmail
		if err := rows.Scan(&p.ID, &p.InstansiID, &p.EmployeeID, &p.Kind, &p.Title, &p.Body, &p.Link, &p.CreatedAt, &p.Email, &p.Name); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// MarkEmailed records that a notification was e-mailed.
func (s *Store) MarkEmailed(ctx context.Context, id string, at time.Time) error {
	_, err := s.exec(ctx, `UPDATE notifications SET emailed_at = ? WHERE id = ?`, formatTime(at), id)
	return err
}
