package store

import (
	"context"
	"encoding/base64"
	"fmt"
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
	if e.ID == "" {
		e.ID = model.NewID()
	}
	if err := ValidateEmployee(e); err != nil {
		return e, err
	}
	if e.NIP != "" && e.BirthDate == "" {
		n, _ := model.ParseNIP(e.NIP)
		e.BirthDate = model.Date(n.BirthDate.Format("2006-01-02"))
	}
	_, err := tx.exec(ctx, `INSERT INTO employees (id, instansi_id, nip, name, front_title, back_title, gender,
		birth_date, status, golongan, pangkat, email, phone, active, position_id, search_key, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.InstansiID, nullable(e.NIP), e.Name, e.FrontTitle, e.BackTitle, e.Gender, string(e.BirthDate),
		string(e.Status), e.Golongan, e.Pangkat, e.Email, e.Phone, e.Active, nullable(e.PositionID), searchKey(e),
		formatTime(tx.now), formatTime(tx.now))
	if err != nil {
		return e, fmt.Errorf("create employee %s: %w", e.NIP, err)
	}
	e.UpdatedAt = tx.now
	return e, tx.audit(ctx, "employee.create", "employee", e.ID, nil, recordOf(e))
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
	if before.Active != e.Active {
		if err := tx.bumpOrg(ctx, e.InstansiID); err != nil {
			return false, err
		}
	}
	return true, tx.audit(ctx, "employee.update", "employee", e.ID, recordOf(before), recordOf(e))
}

// Place puts an employee in a position from a date. A definitive placement
// ends the current definitive one the day before and becomes the
// employee's position; Plt and Plh are added beside it.
func (tx *Tx) Place(ctx context.Context, pl model.Placement) (model.Placement, error) {
	if pl.ID == "" {
		pl.ID = model.NewID()
	}
	var v model.ValidationError
	if !pl.Kind.Valid() {
		v.Add("kind", "invalid.placement.kind.unknown", pl.Kind)
	}
	if _, err := model.ParseDate(string(pl.Start)); err != nil {
		v.Add("start", "invalid.placement.start.invalid", pl.Start)
	}
	if err := v.Err(); err != nil {
		return pl, err
	}
	emp, err := tx.Employee(ctx, pl.EmployeeID)
	if err != nil {
		return pl, err
	}
	pos, err := tx.Position(ctx, pl.PositionID)
	if err != nil {
		return pl, err
	}
	if pos.InstansiID != emp.InstansiID {
		return pl, model.Invalid("position_id", "invalid.placement.instansi")
	}
	if pl.Kind == model.PlacementDefinitif {
		current, err := tx.Placements(ctx, pl.EmployeeID)
		if err != nil {
			return pl, err
		}
		end := string(model.Date(pl.Start).Time().AddDate(0, 0, -1).Format("2006-01-02"))
		for _, c := range current {
			if c.Kind == model.PlacementDefinitif && c.End == "" {
				if c.Start > pl.Start {
					return pl, model.Invalid("start", "invalid.placement.start.before", c.Start)
				}
				if _, err := tx.exec(ctx, `UPDATE placements SET end_date = ? WHERE id = ?`, end, c.ID); err != nil {
					return pl, fmt.Errorf("end placement: %w", err)
				}
				before := c
				c.End = model.Date(end)
				if err := tx.audit(ctx, "placement.end", "placement", c.ID, before, c); err != nil {
					return pl, err
				}
			}
		}
		if _, err := tx.exec(ctx, `UPDATE employees SET position_id = ?, updated_at = ? WHERE id = ?`,
			pl.PositionID, formatTime(tx.now), pl.EmployeeID); err != nil {
			return pl, fmt.Errorf("set position: %w", err)
		}
	}
	_, err = tx.exec(ctx, `INSERT INTO placements (id, employee_id, position_id, kind, start_date, end_date, decree, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, pl.ID, pl.EmployeeID, pl.PositionID, string(pl.Kind), string(pl.Start),
		string(pl.End), pl.Decree, formatTime(tx.now))
	if err != nil {
		return pl, fmt.Errorf("create placement: %w", err)
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return pl, err
	}
	pl.PositionName = pos.Name
	return pl, tx.audit(ctx, "placement.create", "placement", pl.ID, nil, pl)
}

// EndPlacement ends an acting (Plt/Plh) or definitive placement on a date.
func (tx *Tx) EndPlacement(ctx context.Context, id string, end model.Date) error {
	pl, err := tx.PlacementByID(ctx, id)
	if err != nil {
		return err
	}
	if end < pl.Start {
		return model.Invalid("end", "invalid.placement.end.before")
	}
	before := pl
	pl.End = end
	if _, err := tx.exec(ctx, `UPDATE placements SET end_date = ? WHERE id = ?`, string(end), id); err != nil {
		return err
	}
	if pl.Kind == model.PlacementDefinitif {
		if _, err := tx.exec(ctx, `UPDATE employees SET position_id = NULL, updated_at = ? WHERE id = ? AND position_id = ?`,
			formatTime(tx.now), pl.EmployeeID, pl.PositionID); err != nil {
			return err
		}
	}
	emp, err := tx.Employee(ctx, pl.EmployeeID)
	if err != nil {
		return err
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return err
	}
	return tx.audit(ctx, "placement.end", "placement", id, before, pl)
}

// Placements returns an employee's placement history, newest first.
func (c conn) Placements(ctx context.Context, employeeID string) ([]model.Placement, error) {
	rows, err := c.query(ctx, `SELECT pl.id, pl.employee_id, pl.position_id, pl.kind, pl.start_date, pl.end_date, pl.decree,
		p.name, u.name FROM placements pl JOIN positions p ON p.id = pl.position_id JOIN units u ON u.id = p.unit_id
		WHERE pl.employee_id = ? ORDER BY pl.start_date DESC, pl.id DESC`, employeeID)
	if err != nil {
		return nil, fmt.Errorf("list placements: %w", err)
	}
	defer rows.Close()
	var out []model.Placement
	for rows.Next() {
		var pl model.Placement
		var kind, start, end string
		if err := rows.Scan(&pl.ID, &pl.EmployeeID, &pl.PositionID, &kind, &start, &end, &pl.Decree, &pl.PositionName, &pl.UnitName); err != nil {
			return nil, err
		}
		pl.Kind, pl.Start, pl.End = model.PlacementKind(kind), model.Date(start), model.Date(end)
		out = append(out, pl)
	}
	return out, rows.Err()
}

// CreateRaterOverride stores a per-employee pejabat penilai override.
func (tx *Tx) CreateRaterOverride(ctx context.Context, o model.RaterOverride) (model.RaterOverride, error) {
	if o.ID == "" {
		o.ID = model.NewID()
	}
	var v model.ValidationError
	if o.RaterID == "" {
		v.Add("rater_id", "invalid.rater.required")
	}
	if o.RaterID == o.EmployeeID {
		v.Add("rater_id", "invalid.rater.self")
	}
	if _, err := model.ParseDate(string(o.Start)); err != nil {
		v.AddErr("start", err)
	}
	if strings.TrimSpace(o.Reason) == "" {
		v.Add("reason", "invalid.rater.reason")
	}
	if err := v.Err(); err != nil {
		return o, err
	}
	emp, err := tx.Employee(ctx, o.EmployeeID)
	if err != nil {
		return o, err
	}
	_, err = tx.exec(ctx, `INSERT INTO rater_overrides (id, employee_id, rater_id, upper_rater_id, start_date, end_date, reason, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, o.ID, o.EmployeeID, o.RaterID, nullable(o.UpperRaterID), string(o.Start),
		string(o.End), o.Reason, formatTime(tx.now))
	if err != nil {
		return o, fmt.Errorf("create rater override: %w", err)
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return o, err
	}
	return o, tx.audit(ctx, "rater_override.create", "employee", o.EmployeeID, nil, o)
}

const overrideColumns = `o.id, o.employee_id, o.rater_id, o.upper_rater_id, o.start_date, o.end_date, o.reason`

func scanOverride(sc interface{ Scan(...any) error }) (model.RaterOverride, error) {
	var o model.RaterOverride
	var start, end string
	err := sc.Scan(&o.ID, &o.EmployeeID, &o.RaterID, nullString{&o.UpperRaterID}, &start, &end, &o.Reason)
	o.Start, o.End = model.Date(start), model.Date(end)
	return o, err
}

func (c conn) overrides(ctx context.Context, query string, args ...any) ([]model.RaterOverride, error) {
	rows, err := c.query(ctx, `SELECT `+overrideColumns+` FROM rater_overrides o `+query, args...)
	if err != nil {
		return nil, fmt.Errorf("load rater overrides: %w", err)
	}
	defer rows.Close()
	var out []model.RaterOverride
	for rows.Next() {
		o, err := scanOverride(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func (c conn) raterOverridesInForce(ctx context.Context, instansiID string, date model.Date) ([]model.RaterOverride, error) {
	return c.overrides(ctx, `JOIN employees e ON e.id = o.employee_id
		WHERE e.instansi_id = ? AND o.start_date <= ? AND (o.end_date = '' OR o.end_date >= ?)
		ORDER BY o.start_date, o.id`, instansiID, string(date), string(date))
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

// Employees lists employees by name, a page at a time.
func (c conn) Employees(ctx context.Context, f model.EmployeeFilter) (model.EmployeePage, error) {
	var where []string
	var args []any
	prefix := ""
	where = append(where, "e.instansi_id = ?")
	args = append(args, f.InstansiID)
	if f.UnitID != "" {
		prefix = `WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = ? UNION ALL
			SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) `
		args = append([]any{f.UnitID}, args...)
		where = append(where, "p.unit_id IN (SELECT id FROM sub)")
	}
	if q := strings.ToLower(strings.TrimSpace(f.Query)); q != "" {
		for _, word := range strings.Fields(q) {
			where = append(where, "e.search_key LIKE ? ESCAPE '\\'")
			args = append(args, "%"+escapeLike(word)+"%")
		}
	}
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			return model.EmployeePage{}, nil
		}
		where = append(where, "e.id IN ("+placeholders(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	if f.ActiveOnly {
		where = append(where, "e.active = TRUE")
	}
	if f.Cursor != "" {
		name, id, ok := decodeCursor(f.Cursor)
		if !ok {
			return model.EmployeePage{}, model.Invalid("cursor", "invalid.field.cursor")
		}
		where = append(where, "(e.name > ? OR (e.name = ? AND e.id > ?))")
		args = append(args, name, name, id)
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

// RaterOverrides lists an employee's overrides, newest first.
func (c conn) RaterOverrides(ctx context.Context, employeeID string) ([]model.RaterOverride, error) {
	return c.overrides(ctx, `WHERE o.employee_id = ? ORDER BY o.start_date DESC, o.id DESC`, employeeID)
}

// EndRaterOverride ends an override on a date.
func (tx *Tx) EndRaterOverride(ctx context.Context, id string, end model.Date) error {
	o, err := scanOverride(tx.queryRow(ctx, `SELECT `+overrideColumns+` FROM rater_overrides o WHERE o.id = ?`, id))
	if err != nil {
		return notFound(err, "rater override "+id)
	}
	if end < o.Start {
		return model.Invalid("end", "invalid.range.end.before")
	}
	before := o
	o.End = end
	if _, err := tx.exec(ctx, `UPDATE rater_overrides SET end_date = ? WHERE id = ?`, string(end), id); err != nil {
		return err
	}
	emp, err := tx.Employee(ctx, o.EmployeeID)
	if err != nil {
		return err
	}
	if err := tx.bumpOrg(ctx, emp.InstansiID); err != nil {
		return err
	}
	return tx.audit(ctx, "rater_override.end", "employee", o.EmployeeID, before, o)
}

// PlacementByID returns one placement.
func (c conn) PlacementByID(ctx context.Context, id string) (model.Placement, error) {
	var pl model.Placement
	var kind, start, end string
	err := c.queryRow(ctx, `SELECT id, employee_id, position_id, kind, start_date, end_date, decree FROM placements WHERE id = ?`, id).
		Scan(&pl.ID, &pl.EmployeeID, &pl.PositionID, &kind, &start, &end, &pl.Decree)
	if err != nil {
		return pl, notFound(err, "placement "+id)
	}
	pl.Kind, pl.Start, pl.End = model.PlacementKind(kind), model.Date(start), model.Date(end)
	return pl, nil
}
