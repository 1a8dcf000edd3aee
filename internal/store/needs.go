package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Development needs and resource constraints (model.Need): recorded for an
// employee, confirmed or closed by the supervisor, addressed by BKPSDM, a
// leader or an OPD admin. Every change checks the version the form read.

const needColumns = `n.id, n.instansi_id, n.employee_id, n.opd_id, n.unit_id, n.rhk_id, n.year, n.category, n.kind, n.title,
	n.description, n.status, n.reported_by, n.confirmed_by, n.confirmed_at, n.closed_by, n.closed_at, n.closed_note,
	n.action_note, n.addressed_by, n.addressed_at, n.version, n.created_at, n.updated_at,
	e.name, e.front_title, e.back_title, e.nip, un.name, od.name, r.description,
	ur.display_name, uc.display_name, ux.display_name, ua.display_name`

// needFrom joins what a need names, for display: the employee, the unit
// and OPD, the RHK and the people who acted on it.
const needFrom = ` FROM needs n JOIN employees e ON e.id = n.employee_id
	LEFT JOIN units un ON un.id = n.unit_id LEFT JOIN units od ON od.id = n.opd_id LEFT JOIN rhk r ON r.id = n.rhk_id
	LEFT JOIN users ur ON ur.id = n.reported_by LEFT JOIN users uc ON uc.id = n.confirmed_by
	LEFT JOIN users ux ON ux.id = n.closed_by LEFT JOIN users ua ON ua.id = n.addressed_by`

func scanNeed(sc interface{ Scan(...any) error }) (model.Need, error) {
	var n model.Need
	var category, kind, status, confirmedAt, closedAt, addressedAt, created, updated string
	var emp model.Employee
	err := sc.Scan(&n.ID, &n.InstansiID, &n.EmployeeID, &n.OPDID, &n.UnitID, nullString{&n.RHKID}, &n.Year, &category, &kind, &n.Title,
		&n.Description, &status, &n.ReportedBy, &n.ConfirmedBy, &confirmedAt, &n.ClosedBy, &closedAt, &n.ClosedNote,
		&n.ActionNote, &n.AddressedBy, &addressedAt, &n.Version, &created, &updated,
		&emp.Name, &emp.FrontTitle, &emp.BackTitle, nullString{&n.EmployeeNIP}, nullString{&n.UnitName}, nullString{&n.OPDName},
		nullString{&n.RHKText}, nullString{&n.ReporterName}, nullString{&n.ConfirmerName}, nullString{&n.CloserName}, nullString{&n.AddresserName})
	n.Category, n.Kind, n.Status = model.NeedCategory(category), model.NeedKind(kind), model.NeedStatus(status)
	n.ConfirmedAt, n.ClosedAt, n.AddressedAt = parseTime(confirmedAt), parseTime(closedAt), parseTime(addressedAt)
	n.CreatedAt, n.UpdatedAt = parseTime(created), parseTime(updated)
	n.EmployeeName = emp.FullName()
	return n, err
}

// needRecord is what the audit log keeps of a need: its own columns, not the
// names joined for display.
func needRecord(n model.Need) model.Need {
	n.EmployeeName, n.EmployeeNIP, n.UnitName, n.OPDName, n.RHKText = "", "", "", "", ""
	n.ReporterName, n.ConfirmerName, n.CloserName, n.AddresserName = "", "", "", ""
	return n
}

// CreateNeed records a need at version 1, open or, when the caller says
// so (a supervisor recording for their team), already confirmed by
// n.ConfirmedBy.
func (tx *Tx) CreateNeed(ctx context.Context, n model.Need) (model.Need, error) {
	n.ID, n.Version, n.CreatedAt, n.UpdatedAt = model.NewID(), 1, tx.now, tx.now
	switch n.Status {
	case model.NeedOpen:
		n.ConfirmedBy = ""
	case model.NeedConfirmed:
		n.ConfirmedAt = tx.now
	default:
		return n, fmt.Errorf("a need starts open or confirmed, not %q: %w", n.Status, model.ErrInvalidTransition)
	}
	_, err := tx.exec(ctx, `INSERT INTO needs (id, instansi_id, employee_id, opd_id, unit_id, rhk_id, year, category, kind, title,
		description, status, reported_by, confirmed_by, confirmed_at, version, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		n.ID, n.InstansiID, n.EmployeeID, n.OPDID, n.UnitID, nullable(n.RHKID), n.Year, string(n.Category), string(n.Kind), n.Title,
		n.Description, string(n.Status), n.ReportedBy, n.ConfirmedBy, formatTime(n.ConfirmedAt), n.Version, formatTime(tx.now), formatTime(tx.now))
	if err != nil {
		return n, fmt.Errorf("record need: %w", err)
	}
	if err := tx.audit(ctx, "need.create", "need", n.ID, nil, needRecord(n)); err != nil {
		return n, err
	}
	return tx.Need(ctx, n.ID)
}

// MoveNeed takes a need read at version one step on: the supervisor
// confirms or closes it (note: why), or someone records what was done
// about it (note: the action). by is the user who acts. A version that is
// not the stored one is a conflict; a step the status does not allow is
// model.ErrInvalidTransition.
func (tx *Tx) MoveNeed(ctx context.Context, id string, version int, act model.NeedAction, by, note string) (model.Need, error) {
	before, err := tx.Need(ctx, id)
	if err != nil {
		return before, err
	}
	if before.Version != version {
		return before, fmt.Errorf("need %s changed since version %d: %w", id, version, model.ErrStale)
	}
	next, err := model.NextNeedStatus(before.Status, act)
	if err != nil {
		return before, err
	}
	n := before
	n.Status, n.Version, n.UpdatedAt = next, version+1, tx.now
	switch act {
	case model.NeedConfirm:
		n.ConfirmedBy, n.ConfirmedAt = by, tx.now
	case model.NeedClose:
		n.ClosedBy, n.ClosedAt, n.ClosedNote = by, tx.now, note
	case model.NeedAddress:
		n.AddressedBy, n.AddressedAt, n.ActionNote = by, tx.now, note
	}
	res, err := tx.exec(ctx, `UPDATE needs SET status = ?, confirmed_by = ?, confirmed_at = ?, closed_by = ?, closed_at = ?, closed_note = ?,
		addressed_by = ?, addressed_at = ?, action_note = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?`,
		string(n.Status), n.ConfirmedBy, formatTime(n.ConfirmedAt), n.ClosedBy, formatTime(n.ClosedAt), n.ClosedNote,
		n.AddressedBy, formatTime(n.AddressedAt), n.ActionNote, n.Version, formatTime(tx.now), id, version)
	if err != nil {
		return before, fmt.Errorf("%s need: %w", act, err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return before, fmt.Errorf("need %s changed since version %d: %w", id, version, model.ErrStale)
	}
	if err := tx.audit(ctx, "need."+string(act), "need", id, needRecord(before), needRecord(n)); err != nil {
		return before, err
	}
	return tx.Need(ctx, id)
}

// Need returns one need with the names it refers to.
func (c conn) Need(ctx context.Context, id string) (model.Need, error) {
	n, err := scanNeed(c.queryRow(ctx, `SELECT `+needColumns+needFrom+` WHERE n.id = ?`, id))
	if err != nil {
		return n, notFound(err, "need "+id)
	}
	return n, nil
}

// NeedScope limits needs to those an actor may see: of the employees
// named, or of the OPDs named. A nil scope is the whole instansi.
type NeedScope struct {
	EmployeeIDs []string
	OPDIDs      []string
}

// NeedFilter selects needs of one instansi.
type NeedFilter struct {
	InstansiID  string
	Scope       *NeedScope
	Year        int // 0: every year
	OPDID       string
	UnitIDs     []string // any of these units
	EmployeeID  string
	Category    model.NeedCategory
	Kind        model.NeedKind
	Statuses    []model.NeedStatus // any of these
	Cursor      string             // needs older than this id
	Limit       int
	OrderByRank bool // outstanding first, then newest
}

func (f NeedFilter) where() (string, []any) {
	where := []string{"n.instansi_id = ?"}
	args := []any{f.InstansiID}
	in := func(col string, ids []string) string {
		for _, id := range ids {
			args = append(args, id)
		}
		return col + " IN (" + placeholders(len(ids)) + ")"
	}
	if f.Scope != nil {
		var or []string
		if len(f.Scope.EmployeeIDs) > 0 {
			or = append(or, in("n.employee_id", f.Scope.EmployeeIDs))
		}
		if len(f.Scope.OPDIDs) > 0 {
			or = append(or, in("n.opd_id", f.Scope.OPDIDs))
		}
		if len(or) == 0 {
			or = append(or, "1 = 0")
		}
		where = append(where, "("+strings.Join(or, " OR ")+")")
	}
	if f.Year != 0 {
		where = append(where, "n.year = ?")
		args = append(args, f.Year)
	}
	if f.OPDID != "" {
		where = append(where, "n.opd_id = ?")
		args = append(args, f.OPDID)
	}
	if f.UnitIDs != nil {
		if len(f.UnitIDs) == 0 {
			where = append(where, "1 = 0")
		} else {
			where = append(where, in("n.unit_id", f.UnitIDs))
		}
	}
	if f.EmployeeID != "" {
		where = append(where, "n.employee_id = ?")
		args = append(args, f.EmployeeID)
	}
	if f.Category != "" {
		where = append(where, "n.category = ?")
		args = append(args, string(f.Category))
	}
	if f.Kind != "" {
		where = append(where, "n.kind = ?")
		args = append(args, string(f.Kind))
	}
	if len(f.Statuses) > 0 {
		ss := make([]string, len(f.Statuses))
		for i, s := range f.Statuses {
			ss[i] = string(s)
		}
		where = append(where, in("n.status", ss))
	}
	return strings.Join(where, " AND "), args
}

// Needs lists needs newest first, a page at a time.
func (c conn) Needs(ctx context.Context, f NeedFilter) (model.NeedPage, error) {
	where, args := f.where()
	limit := clampLimit(f.Limit)
	order := " ORDER BY n.id DESC"
	switch {
	case f.OrderByRank:
		// The page after the cursor's need: a lower rank, or the same rank
		// and older. The cursor's rank is its need's status now; a need
		// whose status changed between two pages moves the seam with it.
		if f.Cursor != "" {
			cursorRank := `(SELECT ` + needRank("c") + ` FROM needs c WHERE c.id = ?)`
			where += " AND (" + needRank("n") + " > " + cursorRank + " OR (" + needRank("n") + " = " + cursorRank + " AND n.id < ?))"
			args = append(args, f.Cursor, f.Cursor, f.Cursor)
		}
		order = " ORDER BY " + needRank("n") + ", n.id DESC"
	case f.Cursor != "":
		where += " AND n.id < ?"
		args = append(args, f.Cursor)
	}
	rows, err := c.query(ctx, `SELECT `+needColumns+needFrom+` WHERE `+where+order+` LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return model.NeedPage{}, fmt.Errorf("list needs: %w", err)
	}
	defer rows.Close()
	var page model.NeedPage
	for rows.Next() {
		n, err := scanNeed(rows)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, n)
	}
	if err := rows.Err(); err != nil {
		return page, err
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		page.NextCursor = page.Items[limit-1].ID
	}
	return page, nil
}

// needRank is the SQL rank of a need of table alias t in the outstanding-
// first order: open, then confirmed, then the rest.
func needRank(t string) string {
	return "CASE " + t + ".status WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END"
}

// NeedInScope reports whether id names a need of f's instansi within f's
// scope (the other filters aside): one a page of needs could have given
// as its next cursor.
func (c conn) NeedInScope(ctx context.Context, f NeedFilter, id string) (bool, error) {
	where, args := NeedFilter{InstansiID: f.InstansiID, Scope: f.Scope}.where()
	var n int
	if err := c.queryRow(ctx, `SELECT COUNT(*) FROM needs n WHERE `+where+` AND n.id = ?`, append(args, id)...).Scan(&n); err != nil {
		return false, fmt.Errorf("need cursor: %w", err)
	}
	return n > 0, nil
}

// NeedCounts counts the needs the filter selects by OPD, unit, kind and
// status (Cursor and Limit are ignored).
func (c conn) NeedCounts(ctx context.Context, f NeedFilter) ([]model.NeedCount, error) {
	where, args := f.where()
	rows, err := c.query(ctx, `SELECT n.opd_id, n.unit_id, n.kind, n.status, COUNT(*) FROM needs n WHERE `+where+`
		GROUP BY n.opd_id, n.unit_id, n.kind, n.status`, args...)
	if err != nil {
		return nil, fmt.Errorf("count needs: %w", err)
	}
	defer rows.Close()
	var out []model.NeedCount
	for rows.Next() {
		var nc model.NeedCount
		var kind, status string
		if err := rows.Scan(&nc.OPDID, &nc.UnitID, &kind, &status, &nc.N); err != nil {
			return nil, err
		}
		nc.Kind, nc.Status = model.NeedKind(kind), model.NeedStatus(status)
		out = append(out, nc)
	}
	return out, rows.Err()
}
