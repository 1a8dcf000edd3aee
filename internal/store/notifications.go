package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Notify stores a notification (not audited: it records no change of
// state of its own, the action that caused it is). Its arguments are kept
// as a JSON array; a notification given only a title (as before they had
// arguments) keeps it.
func (tx *Tx) Notify(ctx context.Context, n model.Notification) error {
	if n.EmployeeID == "" {
		return nil
	}
	replaces, err := tx.groupNotification(ctx, &n)
	if err != nil {
		return err
	}
	n.ID = model.NewID()
	args := ""
	if n.Args != nil || n.Title == "" {
		if n.Args == nil {
			n.Args = []string{}
		}
		b, err := json.Marshal(n.Args)
		if err != nil {
			return fmt.Errorf("notification arguments: %w", err)
		}
		args = string(b)
	}
	_, err = tx.exec(ctx, `INSERT INTO notifications (id, instansi_id, employee_id, kind, variant, args, title, body, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.InstansiID, n.EmployeeID, n.Kind, n.Variant, args, n.Title, n.Body, n.Link, formatTime(tx.now))
	if err != nil {
		return err
	}
	// The bell on the person's open pages counts it at once. The event
	// carries the kind and arguments; the stream renders them in the
	// reader's language when it sends them.
	event := map[string]any{"id": n.ID, "kind": n.Kind, "variant": n.Variant, "args": n.Args, "link": n.Link}
	if replaces != "" {
		event["replaces"] = replaces // the bell's count stays
	}
	if n.Args == nil {
		event["title"], event["body"] = n.Title, n.Body
	}
	return tx.Emit(ctx, n.EmployeeID, "notification", event)
}

// NotificationGroupWindow is how long after the newest unread one a
// notification of a grouped kind joins it instead of standing alone.
const NotificationGroupWindow = 2 * time.Hour

// groupedNotifications are the kinds that come in numbers (every entry a
// team sends, every entry a supervisor approves at once): while the
// newest of a kind is unread, not yet e-mailed and less than
// NotificationGroupWindow old, the next one replaces it with one that
// counts them ("5 progres baru dari tim"). Its variant is "many", its
// arguments the count followed by the newest one's, and its link the
// place that lists them all.
var groupedNotifications = map[string]string{
	"progress.submitted": "/meja",
	"progress.approved":  "/progres",
	"progress.returned":  "/progres",
	"skp.raters":         "/meja#skp-wait-h", // one change of the organisation hands over many
}

// groupNotification turns n into the grouped notification of its kind
// when one is open (see groupedNotifications), deleting the one it
// replaces, whose id it returns.
func (tx *Tx) groupNotification(ctx context.Context, n *model.Notification) (string, error) {
	link, ok := groupedNotifications[n.Kind]
	if !ok || n.Args == nil {
		return "", nil
	}
	var prev model.Notification
	err := scanNotification(tx.queryRow(ctx, `SELECT `+notificationColumns+` FROM notifications n
		WHERE n.employee_id = ? AND n.kind = ? AND n.read_at = '' AND n.emailed_at = '' AND n.created_at >= ?
		ORDER BY n.id DESC LIMIT 1`, n.EmployeeID, n.Kind, formatTime(tx.now.Add(-NotificationGroupWindow))), &prev)
	if isNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	count := 1
	if prev.Variant == "many" && len(prev.Args) > 0 {
		count, _ = strconv.Atoi(prev.Args[0])
	}
	if _, err := tx.exec(ctx, `DELETE FROM notifications WHERE id = ?`, prev.ID); err != nil {
		return "", err
	}
	n.Variant, n.Args, n.Link = "many", append([]string{strconv.Itoa(max(count, 1) + 1)}, n.Args...), link
	return prev.ID, nil
}

const notificationColumns = `n.id, n.instansi_id, n.employee_id, n.kind, n.variant, n.args, n.title, n.body, n.link, n.created_at, n.read_at`

// scanNotification reads the notificationColumns, then the extra
// destinations.
func scanNotification(row interface{ Scan(...any) error }, n *model.Notification, extra ...any) error {
	var args string
	dest := append([]any{&n.ID, &n.InstansiID, &n.EmployeeID, &n.Kind, &n.Variant, &args, &n.Title, &n.Body, &n.Link, &n.CreatedAt, &n.ReadAt}, extra...)
	if err := row.Scan(dest...); err != nil {
		return err
	}
	if args != "" {
		if err := json.Unmarshal([]byte(args), &n.Args); err != nil {
			return fmt.Errorf("notification %s arguments: %w", n.ID, err)
		}
		if n.Args == nil {
			n.Args = []string{}
		}
	}
	return nil
}

// Notifications lists an employee's newest notifications.
func (c conn) Notifications(ctx context.Context, employeeID string, limit int) ([]model.Notification, error) {
	return c.NotificationsBefore(ctx, employeeID, "", limit)
}

// NotificationsBefore lists an employee's notifications, newest first:
// those older than the one named by before (all when it is ""), at most
// limit (up to one more than a page, to tell whether another follows).
func (c conn) NotificationsBefore(ctx context.Context, employeeID, before string, limit int) ([]model.Notification, error) {
	q := `SELECT ` + notificationColumns + ` FROM notifications n WHERE n.employee_id = ?`
	args := []any{employeeID}
	if before != "" {
		q += ` AND n.id < ?`
		args = append(args, before)
	}
	rows, err := c.query(ctx, q+` ORDER BY n.id DESC LIMIT ?`, append(args, max(1, min(limit, maxPage+1)))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Notification
	for rows.Next() {
		var n model.Notification
		if err := scanNotification(rows, &n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// NotificationCount counts all an employee's notifications, read or not.
func (c conn) NotificationCount(ctx context.Context, employeeID string) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM notifications WHERE employee_id = ?`, employeeID).Scan(&n)
	return n, err
}

// UnreadNotifications counts an employee's unread notifications.
func (c conn) UnreadNotifications(ctx context.Context, employeeID string) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM notifications WHERE employee_id = ? AND read_at = ''`, employeeID).Scan(&n)
	return n, err
}

// MarkNotificationsRead marks notifications of an employee read: the ones
// named by ids, or every one when ids is empty. It answers how many were
// unread. It records that they were seen, not a change worth an audit
// entry.
func (s *Store) MarkNotificationsRead(ctx context.Context, employeeID string, ids []string, at time.Time) (int, error) {
	q := `UPDATE notifications SET read_at = ? WHERE employee_id = ? AND read_at = ''`
	args := []any{formatTime(at), employeeID}
	if len(ids) > 0 {
		q += ` AND id IN (?` + strings.Repeat(`, ?`, len(ids)-1) + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	res, err := s.exec(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// NotificationsOf returns which of ids are notifications of the employee.
func (c conn) NotificationsOf(ctx context.Context, employeeID string, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	args := []any{employeeID}
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := c.query(ctx, `SELECT id FROM notifications WHERE employee_id = ? AND id IN (?`+strings.Repeat(`, ?`, len(ids)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// PendingEmail is a notification to send by e-mail to its employee, in
// the language of their account (Indonesian when they have none).
type PendingEmail struct {
	model.Notification
	Email, Name, Locale string
}

// PendingEmails lists notifications created before cutoff that are
// neither read in the app nor e-mailed yet, to employees with an address
// who did not choose the daily digest instead.
func (c conn) PendingEmails(ctx context.Context, cutoff time.Time, limit int) ([]PendingEmail, error) {
	rows, err := c.query(ctx, `SELECT `+notificationColumns+`, e.email, e.name, COALESCE(u.locale, '')
		FROM notifications n JOIN employees e ON e.id = n.employee_id LEFT JOIN users u ON u.employee_id = n.employee_id
		WHERE n.read_at = '' AND n.emailed_at = '' AND n.created_at < ? AND e.email <> ''
		AND (u.id IS NULL OR u.email_digest = ?) ORDER BY n.id LIMIT ?`,
		formatTime(cutoff), false, clampLimit(limit))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PendingEmail
	for rows.Next() {
		var p PendingEmail
		if err := scanNotification(rows, &p.Notification, &p.Email, &p.Name, &p.Locale); err != nil {
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

// SetEmailDigest sets whether a user receives one digest a day by e-mail
// instead of an e-mail per notification.
func (tx *Tx) SetEmailDigest(ctx context.Context, userID string, on bool) error {
	before, err := tx.EmailDigest(ctx, userID)
	if err != nil || before == on {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE users SET email_digest = ?, updated_at = ? WHERE id = ?`, on, formatTime(tx.now), userID); err != nil {
		return err
	}
	return tx.audit(ctx, "user.update", "user", userID, map[string]bool{"email_digest": before}, map[string]bool{"email_digest": on})
}

// EmailDigest reports whether a user chose the daily digest.
func (c conn) EmailDigest(ctx context.Context, userID string) (bool, error) {
	var on bool
	if err := c.queryRow(ctx, `SELECT email_digest FROM users WHERE id = ?`, userID).Scan(&on); err != nil {
		return false, notFound(err, "user "+userID)
	}
	return on, nil
}

// DigestRecipient is someone due a daily digest, with the notifications
// it lists (unread, not e-mailed, oldest first).
type DigestRecipient struct {
	UserID, Email, Name, Locale string
	Notifications               []model.Notification
}

// DigestsDue lists the users of an instansi who chose the daily digest,
// were last sent one before since, have an address and have unread
// notifications not e-mailed yet; each with at most limit of them.
func (c conn) DigestsDue(ctx context.Context, instansiID string, since time.Time, limit int) ([]DigestRecipient, error) {
	rows, err := c.query(ctx, `SELECT u.id, u.employee_id, e.email, e.name, u.locale FROM users u JOIN employees e ON e.id = u.employee_id
		WHERE u.instansi_id = ? AND u.email_digest = ? AND u.disabled = ? AND u.digest_sent_at < ? AND e.email <> ''
		AND EXISTS (SELECT 1 FROM notifications n WHERE n.employee_id = u.employee_id AND n.read_at = '' AND n.emailed_at = '')
		ORDER BY u.id`, instansiID, true, false, formatTime(since))
	if err != nil {
		return nil, err
	}
	var out []DigestRecipient
	var employees []string
	for rows.Next() {
		var d DigestRecipient
		var employee string
		if err := rows.Scan(&d.UserID, &employee, &d.Email, &d.Name, &d.Locale); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, d)
		employees = append(employees, employee)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, employee := range employees {
		ns, err := c.query(ctx, `SELECT `+notificationColumns+` FROM notifications n
			WHERE n.employee_id = ? AND n.read_at = '' AND n.emailed_at = '' ORDER BY n.id LIMIT ?`, employee, clampLimit(limit))
		if err != nil {
			return nil, err
		}
		for ns.Next() {
			var n model.Notification
			if err := scanNotification(ns, &n); err != nil {
				ns.Close()
				return nil, err
			}
			out[i].Notifications = append(out[i].Notifications, n)
		}
		ns.Close()
		if err := ns.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// MarkDigestSent records that a user's digest went out at with the
// notifications ids, which count as e-mailed.
func (s *Store) MarkDigestSent(ctx context.Context, userID string, ids []string, at time.Time) error {
	return s.inTx(ctx, func(c conn) error {
		if _, err := c.exec(ctx, `UPDATE users SET digest_sent_at = ? WHERE id = ?`, formatTime(at), userID); err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := c.exec(ctx, `UPDATE notifications SET emailed_at = ? WHERE id = ?`, formatTime(at), id); err != nil {
				return err
			}
		}
		return nil
	})
}
