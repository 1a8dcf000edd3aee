package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/model"
)

const employeeColumns = `e.id, e.instansi_id, e.nip, e.name, e.front_title, e.back_title, e.gender, e.birth_date,
	e.status, e.golongan, e.pangkat, e.email, e.phone, e.active, e.position_id, e.updated_at,
	p.name, p.kind, p.unit_id, un.name`

const employeeFrom = ` FROM employees e LEFT JOIN positions p ON p.id = e.position_id
	LEFT JOIN units un ON un.id = p.unit_id`

func scanEmployee(sc interface{ Scan(...any) error }) (model.Employee, error) {
	var e model.Employee
	var birth, status, updated, kind string
	err := sc.Scan(&e.ID, &e.InstansiID, nullString{&e.NIP}, &e.Name, &e.FrontTitle, &e.BackTitle, &e.Gender, &birth,
		&status, &e.Golongan, &e.Pangkat, &e.Email, &e.Phone, &e.Active, nullString{&e.PositionID}, &updated,
		nullString{&e.PositionName}, nullString{&kind}, nullString{&e.UnitID}, nullString{&e.UnitName})
	e.BirthDate = model.Date(birth)
	e.Status = model.EmployeeStatus(status)
	e.PositionKind = model.PositionKind(kind)
	e.UpdatedAt = parseTime(updated)
	return e, err
}

// employeeRecord is what the audit log keeps of an employee.
type employeeRecord struct {
	NIP, Name, FrontTitle, BackTitle, Gender, BirthDate, Status, Golongan, Pangkat, Email, Phone string
	Active                                                                                       bool
	PositionID                                                                                   string
}

func recordOf(e model.Employee) employeeRecord {
	return employeeRecord{e.NIP, e.Name, e.FrontTitle, e.BackTitle, e.Gender, string(e.BirthDate), string(e.Status),
		e.Golongan, e.Pangkat, e.Email, e.Phone, e.Active, e.PositionID}
}

func searchKey(e model.Employee) string {
	return strings.ToLower(strings.Join([]string{e.NIP, e.FrontTitle, e.Name, e.BackTitle}, " "))
}

// ValidateEmployee checks an employee's fields; messages are for a BKPSDM
// admin.
func ValidateEmployee(e model.Employee) error {
	var v model.ValidationError
	if strings.TrimSpace(e.Name) == "" {
		v.Add("name", "invalid.employee.name.required")
	}
	if !e.Status.Valid() {
		v.Add("status", "invalid.employee.status.unknown", e.Status)
	}
	if e.Status != model.StatusPejabatNegara {
		if _, err := model.ParseNIP(e.NIP); err != nil {
			v.AddErr("nip", err)
		} else if e.Status.Valid() {
			// The number says PNS or PPPK (and which PPPK): the status agrees.
			if err := model.CheckStatusNIP(e.Status, e.NIP); err != nil {
				v.AddErr("status", err)
			}
		}
	}
	if e.Status.Valid() && e.Status != model.StatusPejabatNegara {
		// Stored as the rules write it: III/a for a PNS, IX for a PPPK.
		if g, err := model.NormGolongan(e.Golongan, e.Status); err != nil || g != e.Golongan {
			v.Add("golongan", "invalid.employee.golongan", e.Golongan, model.Msg("status."+string(e.Status)))
		}
	}
	if e.Gender != "" && e.Gender != "L" && e.Gender != "P" {
		v.Add("gender", "invalid.employee.sex")
	}
	if e.BirthDate != "" {
		if _, err := model.ParseDate(string(e.BirthDate)); err != nil {
			v.AddErr("birth_date", err)
		}
	}
	if e.Email != "" && !strings.Contains(e.Email, "@") {
		v.Add("email", "invalid.employee.email")
	}
	return v.Err()
}

// CreateEmployee stores a new employee (without placement: see Place).
func (tx *Tx) CreateEmployee(ctx context.Context, e model.Employee) (model.Employee, error) {
	made, err := tx.CreateEmployees(ctx, []model.Employee{e})
	if err != nil {
		return e, err
	}
	return made[0], nil
}

// employeeInsertColumns are the columns CreateEmployees fills.
var employeeInsertColumns = []string{"id", "instansi_id", "nip", "name", "front_title", "back_title", "gender", "birth_date", "status",
	"golongan", "pangkat", "email", "phone", "active", "position_id", "search_key", "created_at", "updated_at"}

// CreateEmployees stores employees in bulk, each as CreateEmployee would,
// with its audit entry.
func (tx *Tx) CreateEmployees(ctx context.Context, employees []model.Employee) ([]model.Employee, error) {
	out := make([]model.Employee, 0, len(employees))
	rows := make([][]any, 0, len(employees))
	audits := make([][]any, 0, len(employees))
	for _, e := range employees {
		if e.ID == "" {
			e.ID = model.NewID()
		}
		if err := ValidateEmployee(e); err != nil {
			return out, err
		}
		if e.NIP != "" && e.BirthDate == "" {
			n, _ := model.ParseNIP(e.NIP)
			e.BirthDate = model.Date(n.BirthDate.Format("2006-01-02"))
		}
		rows = append(rows, []any{e.ID, e.InstansiID, nullable(e.NIP), e.Name, e.FrontTitle, e.BackTitle, e.Gender, string(e.BirthDate),
			string(e.Status), e.Golongan, e.Pangkat, e.Email, e.Phone, e.Active, nullable(e.PositionID), searchKey(e),
			formatTime(tx.now), formatTime(tx.now)})
		e.UpdatedAt = tx.now
		a, err := tx.auditRow("employee.create", "employee", e.ID, nil, recordOf(e))
		if err != nil {
			return out, err
		}
		audits = append(audits, a)
		out = append(out, e)
	}
	if err := tx.insertRows(ctx, "employees", employeeInsertColumns, rows); err != nil {
		what := "employees"
		if len(out) == 1 {
			what = "employee " + out[0].NIP
		}
		return out, fmt.Errorf("create %s: %w", what, err)
	}
	return out, tx.insertRows(ctx, "audit_log", auditColumns, audits)
}

// UpdateEmployee changes an employee's personal data (not the placement).
// It reports whether anything changed; an unchanged record writes nothing.
func (tx *Tx) UpdateEmployee(ctx context.Context, e model.Employee) (bool, error) {
	before, err := tx.Employee(ctx, e.ID)
	if err != nil {
		return false, err
	}
	if err := ValidateEmployee(e); err != nil {
		return false, err
	}
	e.PositionID = before.PositionID
	if recordOf(before) == recordOf(e) {
		return false, nil
	}
	_, err = tx.exec(ctx, `UPDATE employees SET nip = ?, name = ?, front_title = ?, back_title = ?, gender = ?,
		birth_date = ?, status = ?, golongan = ?, pangkat = ?, email = ?, phone = ?, active = ?, search_key = ?,
		updated_at = ? WHERE id = ?`,
		nullable(e.NIP), e.Name, e.FrontTitle, e.BackTitle, e.Gender, string(e.BirthDate), string(e.Status),
		e.Golongan, e.Pangkat, e.Email, e.Phone, e.Active, searchKey(e), formatTime(tx.now), e.ID)
	if err != nil {
		return false, fmt.Errorf("update employee %s: %w", e.NIP, err)
	}
	// A new name changes the organisation as read: the raters named on a
	// cached curve (app's curveCounts) are kept against its version.
	if before.Active != e.Active || before.Name != e.Name {
		if err := tx.bumpOrg(ctx, e.InstansiID); err != nil {
			return false, err
		}
	}
	return true, tx.audit(ctx, "employee.update", "employee", e.ID, recordOf(before), recordOf(e))
}

// Employee returns one employee with their position and unit.
func (c conn) Employee(ctx context.Context, id string) (model.Employee, error) {
	e, err := scanEmployee(c.queryRow(ctx, `SELECT `+employeeColumns+employeeFrom+` WHERE e.id = ?`, id))
	if err != nil {
		return e, notFound(err, "employee "+id)
	}
	return e, nil
}

// EmployeeByNIP returns the employee with a NIP in an instansi.
func (c conn) EmployeeByNIP(ctx context.Context, instansiID, nip string) (model.Employee, error) {
	e, err := scanEmployee(c.queryRow(ctx, `SELECT `+employeeColumns+employeeFrom+` WHERE e.instansi_id = ? AND e.nip = ?`, instansiID, nip))
	if err != nil {
		return e, notFound(err, "employee "+nip)
	}
	return e, nil
}

// EmployeesByID returns the employees with the given ids, in any order.
func (c conn) EmployeesByID(ctx context.Context, ids []string) (map[string]model.Employee, error) {
	out := make(map[string]model.Employee, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := c.query(ctx, `SELECT `+employeeColumns+employeeFrom+` WHERE e.id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("load employees: %w", err)
		}
		for rows.Next() {
			e, err := scanEmployee(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out[e.ID] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// employeeWhere is the query of the people filter f matches, cursor
// aside: a WITH prefix (for a unit's subtree), the conditions on
// employeeFrom and their arguments. none is true when f can match no one
// (an empty IDs list).
func employeeWhere(f model.EmployeeFilter) (prefix string, where []string, args []any, none bool) {
	where = append(where, "e.instansi_id = ?")
	args = append(args, f.InstansiID)
	if f.UnitID != "" {
		prefix = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ? UNION ALL
			SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) `
		args = append([]any{f.UnitID}, args...)
		in := "p.unit_id IN (SELECT id FROM sub)"
		if f.Leavers {
			in = "(" + in + ` OR (p.unit_id IS NULL AND e.active = FALSE AND (SELECT x.opd_id FROM employment_ends x
				WHERE x.employee_id = e.id AND x.cancelled_at = '' ORDER BY x.created_at DESC, x.id DESC LIMIT 1) IN (SELECT id FROM sub)))`
		}
		where = append(where, in)
	}
	if q := strings.ToLower(strings.TrimSpace(f.Query)); q != "" {
		for _, word := range strings.Fields(q) {
			where = append(where, "e.search_key LIKE ? ESCAPE '\\'")
			args = append(args, "%"+escapeLike(word)+"%")
		}
	}
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			return "", nil, nil, true
		}
		where = append(where, "e.id IN ("+placeholders(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	if f.ActiveOnly {
		where = append(where, "e.active = TRUE")
	}
	if f.InactiveOnly {
		where = append(where, "e.active = FALSE")
	}
	return prefix, where, args, false
}

// EmployeeCount is how many people filter f matches on all its pages
// (its cursor and limit aside): the total a paged list of Employees
// stands for.
func (c conn) EmployeeCount(ctx context.Context, f model.EmployeeFilter) (int, error) {
	prefix, where, args, none := employeeWhere(f)
	if none {
		return 0, nil
	}
	var n int
	if err := c.queryRow(ctx, prefix+`SELECT COUNT(*)`+employeeFrom+` WHERE `+strings.Join(where, " AND "), args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count employees: %w", err)
	}
	return n, nil
}

// Employees lists employees by name, a page at a time.
func (c conn) Employees(ctx context.Context, f model.EmployeeFilter) (model.EmployeePage, error) {
	prefix, where, args, none := employeeWhere(f)
	if none {
		return model.EmployeePage{}, nil
	}
	if f.Cursor != "" {
		name, id, ok := decodeCursor(f.Cursor)
		if !ok {
			return model.EmployeePage{}, model.Invalid("cursor", "invalid.field.cursor")
		}
		// A row comparison, so both engines seek the (instansi_id, name,
		// id) index to the cursor; the same condition spelled with OR was
		// a filter, and every page read the instansi from its first name.
		where = append(where, "(e.name, e.id) > (?, ?)")
		args = append(args, name, id)
	}
	limit := clampLimit(f.Limit)
	args = append(args, limit+1)
	rows, err := c.query(ctx, prefix+`SELECT `+employeeColumns+employeeFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY e.name, e.id LIMIT ?`, args...)
	if err != nil {
		return model.EmployeePage{}, fmt.Errorf("list employees: %w", err)
	}
	defer rows.Close()
	var page model.EmployeePage
	for rows.Next() {
		e, err := scanEmployee(rows)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, e)
	}
	if err := rows.Err(); err != nil {
		return page, err
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = encodeCursor(last.Name, last.ID)
	}
	return page, nil
}

// CountEmployees counts the active employees of an instansi.
func (c conn) CountEmployees(ctx context.Context, instansiID string) (int, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM employees WHERE instansi_id = ? AND active = TRUE`, instansiID).Scan(&n)
	return n, err
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

func encodeCursor(parts ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strings.Join(parts, "\x00")))
}

func decodeCursor(c string) (string, string, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", "", false
	}
	a, z, ok := strings.Cut(string(b), "\x00")
	if !ok || strings.IndexByte(z, 0) >= 0 || !utf8.ValidString(a) || !utf8.ValidString(z) {
		return "", "", false
	}
	return a, z, ok
}

// EmployeeNames returns the names of the employees of ids keyed by id, in
// one statement for every 500: for lists that show a name beside counts
// (the raters of a calibration), where the whole record is not needed.
func (c conn) EmployeeNames(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	err := c.eachByID(ctx, `SELECT id, name FROM employees WHERE id IN (%s)`, ids, func(rows *sql.Rows) error {
		var id, name string
		err := rows.Scan(&id, &name)
		out[id] = name
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("employee names: %w", err)
	}
	return out, nil
}

// LockEmployees locks the records of employees ids until the transaction
// ends and returns them as they are then, in the order asked. An act
// whose rule depends on the state of a record (its end, merge, placements,
// substitute raters, account) takes this lock before it reads that state
// inside its transaction, so that two acts on one record run one after
// the other and the second sees what the first did. PostgreSQL locks the
// rows (SELECT … FOR UPDATE), always in id order so that two acts on the
// same two records cannot wait on each other; SQLite's write transactions
// already run one at a time. An unknown id is model.ErrNotFound.
func (tx *Tx) LockEmployees(ctx context.Context, ids ...string) ([]model.Employee, error) {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	for _, id := range slices.Compact(sorted) {
		var got string
		if err := tx.queryRow(ctx, `SELECT id FROM employees WHERE id = ?`+tx.d.forUpdate(), id).Scan(&got); err != nil {
			return nil, notFound(err, "employee "+id)
		}
	}
	out := make([]model.Employee, len(ids))
	for i, id := range ids {
		e, err := tx.Employee(ctx, id)
		if err != nil {
			return nil, err
		}
		out[i] = e
	}
	return out, nil
}
