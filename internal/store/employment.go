package store

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// One person, one record: the end of employment, the NIP history and the
// merge of two records of one person (see model/employment.go).

const endColumns = `id, instansi_id, employee_id, kind, tmt, decree, opd_id, account_disabled, created_by, created_at,
	cancelled_by, cancelled_at`

func scanEnd(sc interface{ Scan(...any) error }) (model.EmploymentEnd, error) {
	var e model.EmploymentEnd
	var kind, tmt, created, cancelled string
	err := sc.Scan(&e.ID, &e.InstansiID, &e.EmployeeID, &kind, &tmt, &e.Decree, &e.OPDID, &e.AccountDisabled, &e.CreatedBy,
		&created, &e.CancelledBy, &cancelled)
	e.Kind, e.Date = model.EndKind(kind), model.Date(tmt)
	e.CreatedAt, e.CancelledAt = parseTime(created), parseTime(cancelled)
	return e, err
}

// EndEmployment records the end of an employee's employment from its TMT:
// every open placement ends the day before, one starting on the TMT or
// later is cancelled (ClosedPlacementCancel), the
// employee is no longer active and holds no position. The account and the
// SKPs are the caller's (app) to handle in the same transaction.
func (tx *Tx) EndEmployment(ctx context.Context, end model.EmploymentEnd) (model.EmploymentEnd, error) {
	emp, err := tx.Employee(ctx, end.EmployeeID)
	if err != nil {
		return end, err
	}
	last := model.Date(end.Date.Time().AddDate(0, 0, -1).Format(time.DateOnly))
	placements, err := tx.Placements(ctx, emp.ID)
	if err != nil {
		return end, err
	}
	var closed []model.EndClosure
	for _, pl := range placements {
		if pl.End != "" && pl.End <= last {
			continue
		}
		if pl.Start > last {
			// Starting on the TMT or later: never held, so cancelled, not
			// ended before it began.
			closed = append(closed, model.EndClosure{Kind: model.ClosedPlacementCancel, RefID: pl.ID, End: pl.End})
			if _, err := tx.exec(ctx, `UPDATE placements SET cancelled_at = ?, cancelled_by = ? WHERE id = ?`,
				formatTime(tx.now), tx.actor.UserID, pl.ID); err != nil {
				return end, fmt.Errorf("cancel placement: %w", err)
			}
			after := pl
			after.Cancelled = true
			if err := tx.audit(ctx, "placement.cancel", "placement", pl.ID, pl, after); err != nil {
				return end, err
			}
			continue
		}
		closed = append(closed, model.EndClosure{Kind: model.ClosedPlacement, RefID: pl.ID, End: pl.End})
		to := max(last, pl.Start)
		if _, err := tx.exec(ctx, `UPDATE placements SET end_date = ? WHERE id = ?`, string(to), pl.ID); err != nil {
			return end, fmt.Errorf("end placement: %w", err)
		}
		before := pl
		pl.End = to
		if err := tx.audit(ctx, "placement.end", "placement", pl.ID, before, pl); err != nil {
			return end, err
		}
	}
	if _, err := tx.exec(ctx, `UPDATE employees SET active = FALSE, position_id = NULL, updated_at = ? WHERE id = ?`,
		formatTime(tx.now), emp.ID); err != nil {
		return end, fmt.Errorf("end employment: %w", err)
	}
	end.ID, end.InstansiID, end.CreatedBy, end.CreatedAt = model.NewID(), emp.InstansiID, tx.actor.UserID, tx.now
	if _, err := tx.exec(ctx, `INSERT INTO employment_ends (`+endColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')`,
		end.ID, end.InstansiID, end.EmployeeID, string(end.Kind), string(end.Date), end.Decree, end.OPDID, end.AccountDisabled,
		end.CreatedBy, formatTime(tx.now)); err != nil {
		return end, fmt.Errorf("record end of employment: %w", err)
	}
	if err := tx.RecordEndClosures(ctx, end.ID, closed); err != nil {
		return end, err
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return end, err
	}
	after := recordOf(emp)
	after.Active, after.PositionID = false, ""
	return end, tx.audit(ctx, "employment.end", "employee", emp.ID, recordOf(emp), map[string]any{"employee": after,
		"kind": end.Kind, "tmt": end.Date, "decree": end.Decree, "account_disabled": end.AccountDisabled})
}

// CancelEmploymentEnd cancels an end recorded by mistake: the employee is
// active again. What the end closed is the caller's (app) to put back in
// the same transaction (EndClosures, ReopenPlacement, SetSKPStatus).
func (tx *Tx) CancelEmploymentEnd(ctx context.Context, end model.EmploymentEnd) error {
	emp, err := tx.Employee(ctx, end.EmployeeID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE employment_ends SET cancelled_by = ?, cancelled_at = ? WHERE id = ? AND cancelled_at = ''`,
		tx.actor.UserID, formatTime(tx.now), end.ID); err != nil {
		return fmt.Errorf("cancel end of employment: %w", err)
	}
	if _, err := tx.exec(ctx, `UPDATE employees SET active = TRUE, updated_at = ? WHERE id = ?`, formatTime(tx.now), emp.ID); err != nil {
		return fmt.Errorf("cancel end of employment: %w", err)
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return err
	}
	after := recordOf(emp)
	after.Active = true
	return tx.audit(ctx, "employment.end.cancel", "employee", emp.ID, map[string]any{"employee": recordOf(emp),
		"kind": end.Kind, "tmt": end.Date, "decree": end.Decree}, after)
}

// RecordEndClosures keeps what an end of employment closed, as it was
// before, for a cancellation to put back.
func (tx *Tx) RecordEndClosures(ctx context.Context, endID string, closed []model.EndClosure) error {
	for _, c := range closed {
		if _, err := tx.exec(ctx, `INSERT INTO employment_end_closures (end_id, kind, ref_id, status, end_date) VALUES (?, ?, ?, ?, ?)`,
			endID, string(c.Kind), c.RefID, c.Status, string(c.End)); err != nil {
			return fmt.Errorf("record what the end of employment closed: %w", err)
		}
	}
	return nil
}

// EndClosures returns what an end of employment closed (RecordEndClosures),
// placements first, then SKPs, then teams.
func (c conn) EndClosures(ctx context.Context, endID string) ([]model.EndClosure, error) {
	rows, err := c.query(ctx, `SELECT kind, ref_id, status, end_date FROM employment_end_closures WHERE end_id = ?
		ORDER BY CASE kind WHEN 'placement' THEN 0 WHEN 'placement_cancel' THEN 0 WHEN 'skp' THEN 1 ELSE 2 END, ref_id`, endID)
	if err != nil {
		return nil, fmt.Errorf("what the end of employment closed: %w", err)
	}
	defer rows.Close()
	var out []model.EndClosure
	for rows.Next() {
		var cl model.EndClosure
		var kind, end string
		if err := rows.Scan(&kind, &cl.RefID, &cl.Status, &end); err != nil {
			return nil, err
		}
		cl.Kind, cl.End = model.EndClosureKind(kind), model.Date(end)
		out = append(out, cl)
	}
	return out, rows.Err()
}

// EmploymentEnds lists the ends recorded for an employee, newest first,
// the cancelled ones too.
func (c conn) EmploymentEnds(ctx context.Context, employeeID string) ([]model.EmploymentEnd, error) {
	rows, err := c.query(ctx, `SELECT `+endColumns+` FROM employment_ends WHERE employee_id = ? ORDER BY created_at DESC, id DESC`, employeeID)
	if err != nil {
		return nil, fmt.Errorf("list ends of employment: %w", err)
	}
	defer rows.Close()
	var out []model.EmploymentEnd
	for rows.Next() {
		e, err := scanEnd(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// RecordNIPChange keeps an employee's previous NIP in the NIP history once
// the record carries the new one, and renames the account whose username
// was the old NIP (an ASN signs in with their NIP).
func (tx *Tx) RecordNIPChange(ctx context.Context, ch model.NIPChange) (model.NIPChange, error) {
	ch.ID, ch.At = model.NewID(), tx.now
	if _, err := tx.exec(ctx, `INSERT INTO nip_changes (id, instansi_id, employee_id, old_nip, new_nip, reason, merged_id, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, ch.ID, ch.InstansiID, ch.EmployeeID, ch.OldNIP, ch.NewNIP, ch.Reason, nullable(ch.MergedID),
		tx.actor.UserID, formatTime(tx.now)); err != nil {
		return ch, fmt.Errorf("record NIP change: %w", err)
	}
	if ch.Reason == model.NIPChangeImport {
		if u, err := tx.UserByEmployee(ctx, ch.EmployeeID); err == nil && u.Username == ch.OldNIP {
			if err := tx.renameUser(ctx, u, ch.NewNIP); err != nil {
				return ch, err
			}
		}
	}
	return ch, tx.audit(ctx, "employee.nip_change", "employee", ch.EmployeeID, map[string]string{"nip": ch.OldNIP},
		map[string]string{"nip": ch.NewNIP, "reason": ch.Reason, "merged_id": ch.MergedID})
}

// renameUser changes an account's username (an ASN's NIP changed).
func (tx *Tx) renameUser(ctx context.Context, u model.User, username string) error {
	if _, err := tx.exec(ctx, `UPDATE users SET username = ?, updated_at = ? WHERE id = ?`, username, formatTime(tx.now), u.ID); err != nil {
		return fmt.Errorf("rename account %s: %w", u.Username, err)
	}
	after := u
	after.Username = username
	return tx.audit(ctx, "user.update", "user", u.ID, userRecordOf(u), userRecordOf(after))
}

const nipChangeColumns = `id, instansi_id, employee_id, old_nip, new_nip, reason, merged_id, created_at`

func (c conn) nipChanges(ctx context.Context, where string, args ...any) ([]model.NIPChange, error) {
	rows, err := c.query(ctx, `SELECT `+nipChangeColumns+` FROM nip_changes WHERE `+where+` ORDER BY created_at DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list NIP changes: %w", err)
	}
	defer rows.Close()
	var out []model.NIPChange
	for rows.Next() {
		var ch model.NIPChange
		var at string
		if err := rows.Scan(&ch.ID, &ch.InstansiID, &ch.EmployeeID, &ch.OldNIP, &ch.NewNIP, &ch.Reason, nullString{&ch.MergedID}, &at); err != nil {
			return nil, err
		}
		ch.At = parseTime(at)
		out = append(out, ch)
	}
	return out, rows.Err()
}

// NIPChanges is the NIP history of an employee, newest first.
func (c conn) NIPChanges(ctx context.Context, employeeID string) ([]model.NIPChange, error) {
	return c.nipChanges(ctx, `employee_id = ?`, employeeID)
}

// NIPReplaced returns the change that retired a NIP in an instansi, or
// model.ErrNotFound when the number was never replaced.
func (c conn) NIPReplaced(ctx context.Context, instansiID, nip string) (model.NIPChange, error) {
	list, err := c.nipChanges(ctx, `instansi_id = ? AND old_nip = ?`, instansiID, nip)
	if err != nil {
		return model.NIPChange{}, err
	}
	if len(list) == 0 {
		return model.NIPChange{}, fmt.Errorf("NIP %s replaced: %w", nip, model.ErrNotFound)
	}
	return list[0], nil
}

// ActivePeople returns every active employee of an instansi with a NIP:
// the records an import compares an unknown NIP with.
func (c conn) ActivePeople(ctx context.Context, instansiID string) ([]model.Employee, error) {
	rows, err := c.query(ctx, `SELECT `+employeeColumns+employeeFrom+` WHERE e.instansi_id = ? AND e.active = TRUE
		AND e.nip IS NOT NULL ORDER BY e.id`, instansiID)
	if err != nil {
		return nil, fmt.Errorf("list active employees: %w", err)
	}
	defer rows.Close()
	var out []model.Employee
	for rows.Next() {
		e, err := scanEmployee(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// MergedInto returns the merge that folded an employee record into
// another, or model.ErrNotFound when it was not merged.
func (c conn) MergedInto(ctx context.Context, employeeID string) (model.EmployeeMerge, error) {
	var m model.EmployeeMerge
	var at string
	err := c.queryRow(ctx, `SELECT id, instansi_id, merged_id, into_id, created_by, created_at FROM employee_merges WHERE merged_id = ?`,
		employeeID).Scan(&m.ID, &m.InstansiID, &m.MergedID, &m.IntoID, &m.CreatedBy, &at)
	if err != nil {
		return m, notFound(err, "merge of "+employeeID)
	}
	m.At = parseTime(at)
	return m, nil
}

// MergedIntoOf maps each of the employees ids that was merged into
// another record to the record kept; the others are left out.
func (c conn) MergedIntoOf(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := c.query(ctx, `SELECT merged_id, into_id FROM employee_merges WHERE merged_id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("merges of employees: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var from, into string
		if err := rows.Scan(&from, &into); err != nil {
			return nil, err
		}
		out[from] = into
	}
	return out, rows.Err()
}

// mergeMoves are the references to an employee that a merge moves to the
// kept record: table and column. Team membership is moved apart (one row
// per team and person).
var mergeMoves = [][2]string{
	{"placements", "employee_id"},
	{"rater_overrides", "employee_id"}, {"rater_overrides", "rater_id"}, {"rater_overrides", "upper_rater_id"},
	{"skps", "employee_id"}, {"skps", "rater_id"}, {"skps", "upper_rater_id"},
	{"progress_entries", "employee_id"}, {"progress_entries", "rater_id"},
	{"evidence", "owner_id"},
	{"feedback", "owner_id"}, {"feedback", "author_id"},
	{"notifications", "employee_id"},
	{"rhk_proposals", "from_employee_id"}, {"rhk_proposals", "to_employee_id"},
	{"coaching_sessions", "employee_id"}, {"coaching_sessions", "coach_id"},
	{"needs", "employee_id"},
	{"teams", "lead_id"}, {"team_kudos", "from_id"}, {"team_kudos", "to_id"},
	{"nip_changes", "employee_id"},
}

// MergeEmployee folds the record merged into the record into: its
// placements, SKPs and their work, needs, coaching, teams, notifications
// and NIP history move to into; into takes merged's position when it has
// none; merged keeps its row, inactive, without NIP (its number goes to
// into's NIP history) and marked merged. Accounts and open placements are
// the caller's to settle first. reason, when given, is why the admin
// merged two records whose names and birth dates differ; the audit keeps
// it. It answers how many rows moved per table.
func (tx *Tx) MergeEmployee(ctx context.Context, mergedID, intoID, reason string) (model.EmployeeMerge, map[string]int64, error) {
	from, err := tx.Employee(ctx, mergedID)
	if err != nil {
		return model.EmployeeMerge{}, nil, err
	}
	into, err := tx.Employee(ctx, intoID)
	if err != nil {
		return model.EmployeeMerge{}, nil, err
	}
	moved := map[string]int64{}
	for _, m := range mergeMoves {
		res, err := tx.exec(ctx, `UPDATE `+m[0]+` SET `+m[1]+` = ? WHERE `+m[1]+` = ?`, into.ID, from.ID)
		if err != nil {
			return model.EmployeeMerge{}, nil, fmt.Errorf("merge %s.%s: %w", m[0], m[1], err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			moved[m[0]+"."+m[1]] = n
		}
	}
	res, err := tx.exec(ctx, `UPDATE team_members SET employee_id = ? WHERE employee_id = ?
		AND team_id NOT IN (SELECT team_id FROM team_members WHERE employee_id = ?)`, into.ID, from.ID, into.ID)
	if err != nil {
		return model.EmployeeMerge{}, nil, fmt.Errorf("merge team members: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		moved["team_members.employee_id"] = n
	}
	if _, err := tx.exec(ctx, `DELETE FROM team_members WHERE employee_id = ?`, from.ID); err != nil {
		return model.EmployeeMerge{}, nil, fmt.Errorf("merge team members: %w", err)
	}
	position := into.PositionID
	if position == "" {
		position = from.PositionID
	}
	if _, err := tx.exec(ctx, `UPDATE employees SET active = FALSE, nip = NULL, position_id = NULL, updated_at = ? WHERE id = ?`,
		formatTime(tx.now), from.ID); err != nil {
		return model.EmployeeMerge{}, nil, fmt.Errorf("mark merged: %w", err)
	}
	if _, err := tx.exec(ctx, `UPDATE employees SET active = TRUE, position_id = ?, updated_at = ? WHERE id = ?`,
		nullable(position), formatTime(tx.now), into.ID); err != nil {
		return model.EmployeeMerge{}, nil, fmt.Errorf("merge into: %w", err)
	}
	if from.NIP != "" {
		if _, err := tx.RecordNIPChange(ctx, model.NIPChange{InstansiID: into.InstansiID, EmployeeID: into.ID, OldNIP: from.NIP,
			NewNIP: into.NIP, Reason: model.NIPChangeMerge, MergedID: from.ID}); err != nil {
			return model.EmployeeMerge{}, nil, err
		}
	}
	m := model.EmployeeMerge{ID: model.NewID(), InstansiID: into.InstansiID, MergedID: from.ID, IntoID: into.ID,
		CreatedBy: tx.actor.UserID, At: tx.now}
	if _, err := tx.exec(ctx, `INSERT INTO employee_merges (id, instansi_id, merged_id, into_id, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, m.ID, m.InstansiID, m.MergedID, m.IntoID, m.CreatedBy, formatTime(tx.now)); err != nil {
		return m, nil, fmt.Errorf("record merge: %w", err)
	}
	if err := tx.bumpOrg(ctx, into.InstansiID); err != nil {
		return m, nil, err
	}
	fromAfter, intoAfter := recordOf(from), recordOf(into)
	fromAfter.NIP, fromAfter.Active, fromAfter.PositionID = "", false, ""
	intoAfter.Active, intoAfter.PositionID = true, position
	before := map[string]any{"merged": recordOf(from), "merged_id": from.ID, "kept": recordOf(into), "kept_id": into.ID}
	after := map[string]any{"merged": fromAfter, "merged_id": from.ID, "kept": intoAfter, "kept_id": into.ID, "moved": moved}
	if reason != "" {
		after["unlike_reason"] = reason
	}
	if err := tx.audit(ctx, "employee.merge", "employee", into.ID, before, after); err != nil {
		return m, nil, err
	}
	return m, moved, tx.audit(ctx, "employee.merged", "employee", from.ID, before, after)
}

// MoveAccount links an account to another employee record (the record
// kept in a merge) and makes its username that record's NIP.
func (tx *Tx) MoveAccount(ctx context.Context, u model.User, to model.Employee) error {
	username := u.Username
	if to.NIP != "" {
		username = to.NIP
	}
	if _, err := tx.exec(ctx, `UPDATE users SET employee_id = ?, username = ?, updated_at = ? WHERE id = ?`,
		to.ID, username, formatTime(tx.now), u.ID); err != nil {
		return fmt.Errorf("move account %s: %w", u.Username, err)
	}
	after := u
	after.EmployeeID, after.Username = to.ID, username
	return tx.audit(ctx, "user.update", "user", u.ID, userRecordOf(u), userRecordOf(after))
}
