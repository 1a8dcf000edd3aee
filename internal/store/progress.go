package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
)

const progressColumns = `id, instansi_id, employee_id, rater_id, skp_id, rhk_id, work_date, description, output_amount, output_unit,
	minutes, status, late, review_note, reviewed_by, reviewed_at, submitted_at, version, created_at`

func scanProgress(sc interface{ Scan(...any) error }) (model.Progress, error) {
	var p model.Progress
	var date, status, reviewed, submitted, created string
	var late int
	err := sc.Scan(&p.ID, &p.InstansiID, &p.EmployeeID, nullString{&p.RaterID}, nullString{&p.SKPID}, nullString{&p.RHKID}, &date,
		&p.Description, &p.OutputAmount, &p.OutputUnit, &p.Minutes, &status, &late, &p.ReviewNote, &p.ReviewedBy, &reviewed,
		&submitted, &p.Version, &created)
	p.WorkDate, p.Status, p.Late = model.Date(date), model.ProgressStatus(status), late != 0
	p.ReviewedAt, p.SubmittedAt, p.CreatedAt = parseTime(reviewed), parseTime(submitted), parseTime(created)
	return p, err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// CreateProgress stores a progress entry as sent to the supervisor.
func (tx *Tx) CreateProgress(ctx context.Context, p model.Progress) (model.Progress, error) {
	p.ID, p.Status, p.Version = model.NewID(), model.ProgressSubmitted, 1
	p.SubmittedAt, p.CreatedAt = tx.now, tx.now
	_, err := tx.exec(ctx, `INSERT INTO progress_entries (id, instansi_id, employee_id, rater_id, skp_id, rhk_id, work_date, description,
		output_amount, output_unit, minutes, status, late, submitted_at, version, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.ID, p.InstansiID, p.EmployeeID, nullable(p.RaterID),
		nullable(p.SKPID), nullable(p.RHKID), string(p.WorkDate), p.Description, p.OutputAmount, p.OutputUnit, p.Minutes,
		string(p.Status), boolInt(p.Late), formatTime(tx.now), p.Version, formatTime(tx.now), formatTime(tx.now))
	if err != nil {
		return p, fmt.Errorf("create progress: %w", err)
	}
	return p, tx.audit(ctx, "progress.create", "progress", p.ID, nil, p)
}

// DayMinutes answers the minutes an employee has recorded on day, in
// entries of any status but except (the entry being fixed, or ""). It locks
// the employee's record until the transaction ends, so that the day's total
// checked before a write is still the total when the write commits.
func (tx *Tx) DayMinutes(ctx context.Context, employeeID string, day model.Date, except string) (int, error) {
	var id string
	if err := tx.queryRow(ctx, `SELECT id FROM employees WHERE id = ?`+tx.d.forUpdate(), employeeID).Scan(&id); err != nil {
		return 0, notFound(err, "employee "+employeeID)
	}
	var total int
	err := tx.queryRow(ctx, `SELECT COALESCE(SUM(minutes), 0) FROM progress_entries WHERE employee_id = ? AND work_date = ? AND id <> ?`,
		employeeID, string(day), except).Scan(&total)
	if err != nil {
		return 0, fmt.Errorf("minutes of %s on %s: %w", employeeID, day, err)
	}
	return total, nil
}

// ResubmitProgress replaces a returned entry's content (with the SKP in
// force on its date, which a new date may change) and sends it again, if
// it is still at version.
func (tx *Tx) ResubmitProgress(ctx context.Context, version int, p model.Progress) (model.Progress, error) {
	before, err := tx.Progress(ctx, p.ID)
	if err != nil {
		return p, err
	}
	res, err := tx.exec(ctx, `UPDATE progress_entries SET skp_id = ?, rhk_id = ?, work_date = ?, description = ?, output_amount = ?, output_unit = ?,
		minutes = ?, status = ?, late = ?, submitted_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
		nullable(p.SKPID), nullable(p.RHKID), string(p.WorkDate), p.Description, p.OutputAmount, p.OutputUnit, p.Minutes, string(model.ProgressSubmitted),
		boolInt(p.Late), formatTime(tx.now), formatTime(tx.now), p.ID, version)
	if err != nil {
		return p, fmt.Errorf("resubmit progress: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return p, fmt.Errorf("progress %s changed since version %d: %w", p.ID, version, model.ErrStale)
	}
	after, err := tx.Progress(ctx, p.ID)
	if err != nil {
		return p, err
	}
	return after, tx.audit(ctx, "progress.resubmit", "progress", p.ID, before, after)
}

// ReviewProgress records the supervisor's decision on an entry still at
// version: approved, or returned with a note.
func (tx *Tx) ReviewProgress(ctx context.Context, id string, version int, status model.ProgressStatus, note, reviewer string) (model.Progress, error) {
	res, err := tx.exec(ctx, `UPDATE progress_entries SET status = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?,
		version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = ?`, string(status), note, reviewer,
		formatTime(tx.now), formatTime(tx.now), id, version, string(model.ProgressSubmitted))
	if err != nil {
		return model.Progress{}, fmt.Errorf("review progress: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		// Tell a stale version from an entry no longer waiting.
		cur, err := tx.Progress(ctx, id)
		if err != nil {
			return model.Progress{}, err
		}
		if cur.Version != version {
			return model.Progress{}, fmt.Errorf("progress %s changed since version %d: %w", id, version, model.ErrStale)
		}
		return model.Progress{}, fmt.Errorf("progress %s is %s, not waiting: %w", id, cur.Status, model.ErrConflict)
	}
	p, err := tx.Progress(ctx, id)
	if err != nil {
		return p, err
	}
	return p, tx.audit(ctx, "progress."+string(status), "progress", id, map[string]any{"status": model.ProgressSubmitted, "version": version},
		map[string]any{"status": status, "note": note, "version": p.Version})
}

// Progress returns one entry.
func (c conn) Progress(ctx context.Context, id string) (model.Progress, error) {
	p, err := scanProgress(c.queryRow(ctx, `SELECT `+progressColumns+` FROM progress_entries WHERE id = ?`, id))
	if err != nil {
		return p, notFound(err, "progress "+id)
	}
	return p, nil
}

// ProgressFilter selects progress entries. EmployeeIDs or RaterID bound
// the search; the caller has checked access.
type ProgressFilter struct {
	InstansiID  string
	EmployeeIDs []string
	RaterID     string
	RHKIDs      []string
	Status      model.ProgressStatus
	From, To    model.Date // inclusive
	// Cursor continues after the entry with this id, newest first (or
	// oldest first with Oldest).
	Cursor string
	Limit  int
	// Oldest lists the entries oldest first: the ones waiting longest
	// come first on a reviewer's desk.
	Oldest bool
}

// ProgressList returns entries newest first (by date, then by creation),
// or oldest first when the filter says so.
func (c conn) ProgressList(ctx context.Context, f ProgressFilter) ([]model.Progress, error) {
	where, args, ok := progressWhere(f)
	if !ok {
		return nil, nil
	}
	order := "work_date DESC, id DESC"
	if f.Cursor != "" {
		cur, err := c.Progress(ctx, f.Cursor)
		if err != nil || cur.InstansiID != f.InstansiID {
			return nil, fmt.Errorf("cursor: %w", model.ErrNotFound)
		}
		if f.Oldest {
			where = append(where, "(work_date > ? OR (work_date = ? AND id > ?))")
		} else {
			where = append(where, "(work_date < ? OR (work_date = ? AND id < ?))")
		}
		args = append(args, string(cur.WorkDate), string(cur.WorkDate), cur.ID)
	}
	if f.Oldest {
		order = "work_date, id"
	}
	// One more than the largest page, so that a caller can tell whether
	// another page follows.
	limit := min(f.Limit, maxPage+1)
	if limit <= 0 {
		limit = clampLimit(0)
	}
	args = append(args, limit)
	rows, err := c.query(ctx, `SELECT `+progressColumns+` FROM progress_entries WHERE `+strings.Join(where, " AND ")+`
		ORDER BY `+order+` LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Progress
	for rows.Next() {
		p, err := scanProgress(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CountProgress counts every entry the filter selects, however many pages
// they fill (its cursor and limit are ignored).
func (c conn) CountProgress(ctx context.Context, f ProgressFilter) (int, error) {
	where, args, ok := progressWhere(f)
	if !ok {
		return 0, nil
	}
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM progress_entries WHERE `+strings.Join(where, " AND "), args...).Scan(&n)
	return n, err
}

// InactiveWithWaiting returns the employees of an instansi who are no
// longer active and still have progress entries waiting for review: the
// work someone left behind, which whoever rated it still reviews.
func (c conn) InactiveWithWaiting(ctx context.Context, instansiID string) ([]model.Employee, error) {
	rows, err := c.query(ctx, `SELECT DISTINCT p.employee_id FROM progress_entries p JOIN employees e ON e.id = p.employee_id
		WHERE p.instansi_id = ? AND p.status = ? AND e.active = FALSE ORDER BY p.employee_id`, instansiID, string(model.ProgressSubmitted))
	if err != nil {
		return nil, fmt.Errorf("inactive employees with waiting progress: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	by, err := c.EmployeesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]model.Employee, 0, len(ids))
	for _, id := range ids {
		if e, ok := by[id]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}

// progressWhere turns a filter, but its cursor, into conditions; ok is
// false when it selects nothing (an empty list of people or RHK).
func progressWhere(f ProgressFilter) (where []string, args []any, ok bool) {
	where, args = append(where, "instansi_id = ?"), append(args, f.InstansiID)
	if f.EmployeeIDs != nil {
		if len(f.EmployeeIDs) == 0 {
			return nil, nil, false
		}
		where = append(where, "employee_id IN ("+placeholders(len(f.EmployeeIDs))+")")
		args = append(args, anys(f.EmployeeIDs)...)
	}
	if f.RaterID != "" {
		where, args = append(where, "rater_id = ?"), append(args, f.RaterID)
	}
	if f.RHKIDs != nil {
		if len(f.RHKIDs) == 0 {
			return nil, nil, false
		}
		where = append(where, "rhk_id IN ("+placeholders(len(f.RHKIDs))+")")
		args = append(args, anys(f.RHKIDs)...)
	}
	if f.Status != "" {
		where, args = append(where, "status = ?"), append(args, string(f.Status))
	}
	if f.From != "" {
		where, args = append(where, "work_date >= ?"), append(args, string(f.From))
	}
	if f.To != "" {
		where, args = append(where, "work_date <= ?"), append(args, string(f.To))
	}
	return where, args, true
}

// LastReported returns, for each of the people, the latest date they
// reported progress for, on or before to; people who never did are absent.
func (c conn) LastReported(ctx context.Context, employeeIDs []string, to model.Date) (map[string]model.Date, error) {
	out := map[string]model.Date{}
	if len(employeeIDs) == 0 {
		return out, nil
	}
	args := anys(employeeIDs)
	args = append(args, string(to))
	rows, err := c.query(ctx, `SELECT employee_id, MAX(work_date) FROM progress_entries WHERE employee_id IN (`+
		placeholders(len(employeeIDs))+`) AND work_date <= ? GROUP BY employee_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, d string
		if err := rows.Scan(&id, &d); err != nil {
			return nil, err
		}
		out[id] = model.Date(d)
	}
	return out, rows.Err()
}

// ProgressTotals returns the totals per RHK of the given RHK.
func (c conn) ProgressTotals(ctx context.Context, rhkIDs []string, from, to model.Date) (map[string]model.ProgressTotal, error) {
	out := map[string]model.ProgressTotal{}
	if len(rhkIDs) == 0 {
		return out, nil
	}
	args := anys(rhkIDs)
	args = append(args, string(from), string(to), string(model.ProgressReturned))
	rows, err := c.query(ctx, `SELECT rhk_id, COUNT(*), SUM(minutes), SUM(output_amount) FROM progress_entries
		WHERE rhk_id IN (`+placeholders(len(rhkIDs))+`) AND work_date >= ? AND work_date <= ? AND status <> ? GROUP BY rhk_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t model.ProgressTotal
		if err := rows.Scan(&t.RHKID, &t.Entries, &t.Minutes, &t.Output); err != nil {
			return nil, err
		}
		out[t.RHKID] = t
	}
	return out, rows.Err()
}

// SeedProgress writes many entries as they are given (statuses, review and
// times included), in bulk (see bulkInsert), with one audit entry for the
// batch. It is for building demo and load-test data, not for users' input.
func (tx *Tx) SeedProgress(ctx context.Context, entries []model.Progress) error {
	rows := make([][]any, len(entries))
	for i, p := range entries {
		reviewed := ""
		if !p.ReviewedAt.IsZero() {
			reviewed = formatTime(p.ReviewedAt)
		}
		rows[i] = []any{p.ID, p.InstansiID, p.EmployeeID, nullable(p.RaterID), nullable(p.SKPID), nullable(p.RHKID),
			string(p.WorkDate), p.Description, p.OutputAmount, p.OutputUnit, p.Minutes, string(p.Status), boolInt(p.Late),
			p.ReviewNote, p.ReviewedBy, reviewed, formatTime(p.SubmittedAt), p.Version, formatTime(p.SubmittedAt), formatTime(p.SubmittedAt)}
	}
	if err := tx.bulkInsert(ctx, "progress_entries", []string{"id", "instansi_id", "employee_id", "rater_id", "skp_id", "rhk_id",
		"work_date", "description", "output_amount", "output_unit", "minutes", "status", "late", "review_note", "reviewed_by",
		"reviewed_at", "submitted_at", "version", "created_at", "updated_at"}, rows); err != nil {
		return fmt.Errorf("seed progress: %w", err)
	}
	return tx.audit(ctx, "progress.seed", "instansi", tx.instansi, nil, map[string]int{"entries": len(entries)})
}
