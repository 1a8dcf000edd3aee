package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// CreateInstansi stores a new instansi.
func (tx *Tx) CreateInstansi(ctx context.Context, in model.Instansi) (model.Instansi, error) {
	if in.ID == "" {
		in.ID = model.NewID()
	}
	if in.JPTRater == "" {
		in.JPTRater = model.JPTRaterKepalaDaerah
	}
	in.CreatedAt = tx.now
	tx.instansi = in.ID
	_, err := tx.exec(ctx, `INSERT INTO instansi (id, name, kode_bkn, jpt_rater, created_at) VALUES (?, ?, ?, ?, ?)`,
		in.ID, in.Name, in.KodeBKN, in.JPTRater, formatTime(in.CreatedAt))
	if err != nil {
		return in, fmt.Errorf("create instansi: %w", err)
	}
	return in, tx.audit(ctx, "instansi.create", "instansi", in.ID, nil, in)
}

// SetSekdaPosition records which position is the Sekda's and whether JPT
// Pratama are rated by the Sekda.
func (tx *Tx) SetSekdaPosition(ctx context.Context, instansiID, positionID, jptRater string) error {
	before, err := tx.Instansi(ctx, instansiID)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `UPDATE instansi SET sekda_position_id = ?, jpt_rater = ?, org_version = org_version + 1 WHERE id = ?`,
		positionID, jptRater, instansiID); err != nil {
		return fmt.Errorf("set sekda position: %w", err)
	}
	after, err := tx.Instansi(ctx, instansiID)
	if err != nil {
		return err
	}
	return tx.audit(ctx, "instansi.update", "instansi", instansiID, before, after)
}

// bumpOrg marks the organisation of the transaction's instansi as changed,
// so that cached org charts are rebuilt.
func (tx *Tx) bumpOrg(ctx context.Context, instansiID string) error {
	return tx.bumpOrgBy(ctx, instansiID, 1)
}

// bumpOrgBy counts n changes to the organisation at once, as n calls of
// bumpOrg would: a bulk write updates the instansi's row once, not once a
// row (on PostgreSQL, thousands of updates of one row in one transaction
// each walk the versions the earlier ones left).
func (tx *Tx) bumpOrgBy(ctx context.Context, instansiID string, n int) error {
	if n == 0 {
		return nil
	}
	_, err := tx.exec(ctx, `UPDATE instansi SET org_version = org_version + ? WHERE id = ?`, n, instansiID)
	return err
}

// Instansi returns one instansi.
func (c conn) Instansi(ctx context.Context, id string) (model.Instansi, error) {
	var in model.Instansi
	var created, sekda string
	err := c.queryRow(ctx, `SELECT id, name, kode_bkn, jpt_rater, sekda_position_id, org_version, created_at
		FROM instansi WHERE id = ?`, id).Scan(&in.ID, &in.Name, &in.KodeBKN, &in.JPTRater, &sekda, &in.OrgVersion, &created)
	if err != nil {
		return in, notFound(err, "instansi "+id)
	}
	in.CreatedAt = parseTime(created)
	return in, nil
}

// SekdaPosition returns the Sekda's position of the instansi, or "".
func (c conn) SekdaPosition(ctx context.Context, instansiID string) (string, error) {
	var p string
	err := c.queryRow(ctx, `SELECT sekda_position_id FROM instansi WHERE id = ?`, instansiID).Scan(&p)
	return p, notFoundOrNil(err, "instansi")
}

// OrgVersion returns the organisation version of the instansi.
func (c conn) OrgVersion(ctx context.Context, instansiID string) (int64, error) {
	var v int64
	err := c.queryRow(ctx, `SELECT org_version FROM instansi WHERE id = ?`, instansiID).Scan(&v)
	if err != nil {
		return 0, notFound(err, "instansi "+instansiID)
	}
	return v, nil
}

// AllInstansi lists every instansi, by name.
func (c conn) AllInstansi(ctx context.Context) ([]model.Instansi, error) {
	rows, err := c.query(ctx, `SELECT id, name, kode_bkn, jpt_rater, org_version, created_at FROM instansi ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Instansi
	for rows.Next() {
		var in model.Instansi
		var created string
		if err := rows.Scan(&in.ID, &in.Name, &in.KodeBKN, &in.JPTRater, &in.OrgVersion, &created); err != nil {
			return nil, err
		}
		in.CreatedAt = parseTime(created)
		out = append(out, in)
	}
	return out, rows.Err()
}

func notFoundOrNil(err error, what string) error {
	if err == nil {
		return nil
	}
	return notFound(err, what)
}

const unitColumns = `u.id, u.instansi_id, u.parent_id, u.opd_id, u.code, u.name, u.kind, u.work_days,
	(SELECT p.id FROM positions p WHERE p.unit_id = u.id AND p.is_head = TRUE ORDER BY p.id LIMIT 1)`

func scanUnit(sc interface{ Scan(...any) error }) (model.Unit, error) {
	var u model.Unit
	var kind string
	err := sc.Scan(&u.ID, &u.InstansiID, nullString{&u.ParentID}, nullString{&u.OPDID}, &u.Code, &u.Name,
		&kind, &u.WorkDays, nullString{&u.HeadPositionID})
	u.Kind = model.UnitKind(kind)
	return u, err
}

// CreateUnit stores a new unit. OPDID is derived: the unit itself for an
// OPD, the parent's OPD otherwise.
func (tx *Tx) CreateUnit(ctx context.Context, u model.Unit) (model.Unit, error) {
	made, err := tx.CreateUnits(ctx, []model.Unit{u})
	if err != nil {
		return u, err
	}
	return made[0], nil
}

// unitInsertColumns are the columns CreateUnits fills.
var unitInsertColumns = []string{"id", "instansi_id", "parent_id", "opd_id", "code", "name", "kind", "work_days", "created_at", "updated_at"}

// CreateUnits stores units in bulk, each as CreateUnit would, with its
// audit entry; a unit's parent is stored already or comes earlier in
// units. All units belong to one instansi.
func (tx *Tx) CreateUnits(ctx context.Context, units []model.Unit) ([]model.Unit, error) {
	out := make([]model.Unit, 0, len(units))
	made := map[string]model.Unit{}
	rows := make([][]any, 0, len(units))
	audits := make([][]any, 0, len(units))
	for _, u := range units {
		if u.ID == "" {
			u.ID = model.NewID()
		}
		if u.WorkDays == 0 {
			u.WorkDays = 5
		}
		if err := validateUnit(u); err != nil {
			return out, err
		}
		if len(out) > 0 && u.InstansiID != out[0].InstansiID {
			return out, fmt.Errorf("create units: units of more than one instansi")
		}
		// A unit directly under the pemda is a perangkat daerah (a dinas, a
		// kecamatan, the RSUD); everything below belongs to that one.
		u.OPDID = ""
		if u.ParentID != "" {
			parent, ok := made[u.ParentID]
			if !ok {
				var err error
				if parent, err = tx.Unit(ctx, u.ParentID); err != nil {
					return out, fmt.Errorf("parent of unit %s: %w", u.Code, err)
				}
			}
			if parent.Kind == model.UnitPemda {
				u.OPDID = u.ID
			} else {
				u.OPDID = parent.OPDID
			}
		}
		rows = append(rows, []any{u.ID, u.InstansiID, nullable(u.ParentID), nullable(u.OPDID), u.Code, u.Name, string(u.Kind), u.WorkDays,
			formatTime(tx.now), formatTime(tx.now)})
		a, err := tx.auditRow("unit.create", "unit", u.ID, nil, u)
		if err != nil {
			return out, err
		}
		audits = append(audits, a)
		made[u.ID] = u
		out = append(out, u)
	}
	if err := tx.insertRows(ctx, "units", unitInsertColumns, rows); err != nil {
		what := "units"
		if len(out) == 1 {
			what = "unit " + out[0].Code
		}
		return out, fmt.Errorf("create %s: %w", what, err)
	}
	if len(out) > 0 {
		if err := tx.bumpOrgBy(ctx, out[0].InstansiID, len(out)); err != nil {
			return out, err
		}
	}
	return out, tx.insertRows(ctx, "audit_log", auditColumns, audits)
}

// UpdateUnit changes a unit's name, kind and working days.
func (tx *Tx) UpdateUnit(ctx context.Context, u model.Unit) (model.Unit, error) {
	before, err := tx.Unit(ctx, u.ID)
	if err != nil {
		return u, err
	}
	if err := validateUnit(u); err != nil {
		return u, err
	}
	if _, err := tx.exec(ctx, `UPDATE units SET name = ?, kind = ?, work_days = ?, updated_at = ? WHERE id = ?`,
		u.Name, string(u.Kind), u.WorkDays, formatTime(tx.now), u.ID); err != nil {
		return u, fmt.Errorf("update unit %s: %w", u.Code, err)
	}
	if err := tx.bumpOrg(ctx, before.InstansiID); err != nil {
		return u, err
	}
	after, err := tx.Unit(ctx, u.ID)
	if err != nil {
		return u, err
	}
	return after, tx.audit(ctx, "unit.update", "unit", u.ID, before, after)
}

func validateUnit(u model.Unit) error {
	var v model.ValidationError
	if u.Name == "" {
		v.Add("name", "invalid.unit.name.required")
	}
	if u.Code == "" {
		v.Add("code", "invalid.unit.code.required")
	}
	if !u.Kind.Valid() {
		v.Add("kind", "invalid.unit.kind.unknown", u.Kind)
	}
	if u.WorkDays != 5 && u.WorkDays != 6 {
		v.Add("work_days", "invalid.unit.workdays")
	}
	return v.Err()
}

// Unit returns one unit.
func (c conn) Unit(ctx context.Context, id string) (model.Unit, error) {
	u, err := scanUnit(c.queryRow(ctx, `SELECT `+unitColumns+` FROM units u WHERE u.id = ?`, id))
	if err != nil {
		return u, notFound(err, "unit "+id)
	}
	return u, nil
}

// UnitByCode returns the unit with a SIASN code in an instansi.
func (c conn) UnitByCode(ctx context.Context, instansiID, code string) (model.Unit, error) {
	u, err := scanUnit(c.queryRow(ctx, `SELECT `+unitColumns+` FROM units u WHERE u.instansi_id = ? AND u.code = ?`, instansiID, code))
	if err != nil {
		return u, notFound(err, "unit "+code)
	}
	return u, nil
}

// Units lists every unit of an instansi in tree order hints (sort order,
// then name); callers build the tree from ParentID.
func (c conn) Units(ctx context.Context, instansiID string) ([]model.Unit, error) {
	rows, err := c.query(ctx, `SELECT `+unitColumns+` FROM units u WHERE u.instansi_id = ? ORDER BY u.sort_order, u.name, u.id`, instansiID)
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	var out []model.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// UnitEmployeeCounts returns the number of active employees placed in each
// unit (not counting sub-units).
func (c conn) UnitEmployeeCounts(ctx context.Context, instansiID string) (map[string]int, error) {
	rows, err := c.query(ctx, `SELECT p.unit_id, COUNT(*) FROM employees e JOIN positions p ON p.id = e.position_id
		WHERE e.instansi_id = ? AND e.active = TRUE GROUP BY p.unit_id`, instansiID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

const positionColumns = `id, instansi_id, unit_id, code, name, kind, jenjang, superior_position_id, is_head`

func scanPosition(sc interface{ Scan(...any) error }) (model.Position, error) {
	var p model.Position
	var kind string
	var head bool
	err := sc.Scan(&p.ID, &p.InstansiID, &p.UnitID, &p.Code, &p.Name, &kind, &p.Jenjang, nullString{&p.SuperiorPositionID}, &head)
	p.Kind = model.PositionKind(kind)
	return p, err
}

// CreatePosition stores a new position; isHead marks it as the head of its
// unit.
func (tx *Tx) CreatePosition(ctx context.Context, p model.Position, isHead bool) (model.Position, error) {
	made, err := tx.CreatePositions(ctx, []model.Position{p}, []bool{isHead})
	if err != nil {
		return p, err
	}
	return made[0], nil
}

// positionInsertColumns are the columns CreatePositions fills.
var positionInsertColumns = []string{"id", "instansi_id", "unit_id", "code", "name", "kind", "jenjang", "superior_position_id", "is_head",
	"created_at", "updated_at"}

// CreatePositions stores positions in bulk, each as CreatePosition would,
// with its audit entry; heads[i] tells whether positions[i] heads its
// unit. A superior is stored already or comes earlier in positions. All
// positions belong to one instansi.
func (tx *Tx) CreatePositions(ctx context.Context, positions []model.Position, heads []bool) ([]model.Position, error) {
	if len(heads) != len(positions) {
		return nil, fmt.Errorf("create positions: %d positions, %d head flags", len(positions), len(heads))
	}
	out := make([]model.Position, 0, len(positions))
	rows := make([][]any, 0, len(positions))
	audits := make([][]any, 0, len(positions))
	for i, p := range positions {
		if p.ID == "" {
			p.ID = model.NewID()
		}
		if err := validatePosition(p); err != nil {
			return out, err
		}
		if len(out) > 0 && p.InstansiID != out[0].InstansiID {
			return out, fmt.Errorf("create positions: positions of more than one instansi")
		}
		rows = append(rows, []any{p.ID, p.InstansiID, p.UnitID, p.Code, p.Name, string(p.Kind), p.Jenjang, nullable(p.SuperiorPositionID),
			heads[i], formatTime(tx.now), formatTime(tx.now)})
		a, err := tx.auditRow("position.create", "position", p.ID, nil, struct {
			model.Position
			IsHead bool
		}{p, heads[i]})
		if err != nil {
			return out, err
		}
		audits = append(audits, a)
		out = append(out, p)
	}
	if err := tx.insertRows(ctx, "positions", positionInsertColumns, rows); err != nil {
		what := "positions"
		if len(out) == 1 {
			what = "position " + out[0].Code
		}
		return out, fmt.Errorf("create %s: %w", what, err)
	}
	if len(out) > 0 {
		if err := tx.bumpOrgBy(ctx, out[0].InstansiID, len(out)); err != nil {
			return out, err
		}
	}
	return out, tx.insertRows(ctx, "audit_log", auditColumns, audits)
}

// UpdatePosition changes a position's name, kind, jenjang, unit and superior.
func (tx *Tx) UpdatePosition(ctx context.Context, p model.Position) (model.Position, error) {
	before, err := tx.Position(ctx, p.ID)
	if err != nil {
		return p, err
	}
	if err := validatePosition(p); err != nil {
		return p, err
	}
	if p.SuperiorPositionID == p.ID {
		return p, model.Invalid("superior_position_id", "invalid.position.self")
	}
	if _, err := tx.exec(ctx, `UPDATE positions SET unit_id = ?, name = ?, kind = ?, jenjang = ?, superior_position_id = ?,
		updated_at = ? WHERE id = ?`, p.UnitID, p.Name, string(p.Kind), p.Jenjang, nullable(p.SuperiorPositionID),
		formatTime(tx.now), p.ID); err != nil {
		return p, fmt.Errorf("update position %s: %w", p.Code, err)
	}
	if err := tx.bumpOrg(ctx, p.InstansiID); err != nil {
		return p, err
	}
	after, err := tx.Position(ctx, p.ID)
	if err != nil {
		return p, err
	}
	return after, tx.audit(ctx, "position.update", "position", p.ID, before, after)
}

func validatePosition(p model.Position) error {
	var v model.ValidationError
	if p.Name == "" {
		v.Add("name", "invalid.position.name.required")
	}
	if p.Code == "" {
		v.Add("code", "invalid.position.code.required")
	}
	if p.UnitID == "" {
		v.Add("unit_id", "invalid.position.unit.required")
	}
	if !p.Kind.Valid() {
		v.Add("kind", "invalid.position.kind.unknown", p.Kind)
	}
	if p.Kind == model.PositionFungsional && p.Jenjang != "" && !model.ValidJenjang(p.Jenjang) {
		v.Add("jenjang", "invalid.position.level.unknown", p.Jenjang)
	}
	if p.Kind != model.PositionFungsional && p.Jenjang != "" {
		v.Add("jenjang", "invalid.position.level.functional")
	}
	return v.Err()
}

// Position returns one position.
func (c conn) Position(ctx context.Context, id string) (model.Position, error) {
	p, err := scanPosition(c.queryRow(ctx, `SELECT `+positionColumns+` FROM positions WHERE id = ?`, id))
	if err != nil {
		return p, notFound(err, "position "+id)
	}
	return p, nil
}

// PositionByCode returns the position with a code in an instansi.
func (c conn) PositionByCode(ctx context.Context, instansiID, code string) (model.Position, error) {
	p, err := scanPosition(c.queryRow(ctx, `SELECT `+positionColumns+` FROM positions WHERE instansi_id = ? AND code = ?`, instansiID, code))
	if err != nil {
		return p, notFound(err, "position "+code)
	}
	return p, nil
}

// Positions lists the positions of an instansi; unitID narrows to one unit.
func (c conn) Positions(ctx context.Context, instansiID, unitID string) ([]model.Position, error) {
	q := `SELECT ` + positionColumns + ` FROM positions WHERE instansi_id = ?`
	args := []any{instansiID}
	if unitID != "" {
		q += ` AND unit_id = ?`
		args = append(args, unitID)
	}
	rows, err := c.query(ctx, q+` ORDER BY is_head DESC, name, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list positions: %w", err)
	}
	defer rows.Close()
	var out []model.Position
	for rows.Next() {
		p, err := scanPosition(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Holdings returns the placements in force on date of the active
// employees of an instansi, narrowed by f, with the holders' names: per
// position, the definitive holders first, then the Plt, then the Plh,
// each in the order they started.
func (c conn) Holdings(ctx context.Context, instansiID string, f model.HoldingFilter, date model.Date) ([]model.Holding, error) {
	q := `SELECT pl.id, pl.employee_id, pl.position_id, pl.kind, pl.start_date, pl.end_date, pl.decree, e.name, e.front_title, e.back_title, e.nip
		FROM placements pl JOIN employees e ON e.id = pl.employee_id JOIN positions p ON p.id = pl.position_id
		WHERE p.instansi_id = ? AND e.active = TRUE AND pl.cancelled_at = '' AND pl.start_date <= ? AND (pl.end_date = '' OR pl.end_date >= ?)`
	args := []any{instansiID, string(date), string(date)}
	if f.UnitID != "" {
		q += ` AND p.unit_id = ?`
		args = append(args, f.UnitID)
	}
	if f.PositionID != "" {
		q += ` AND pl.position_id = ?`
		args = append(args, f.PositionID)
	}
	if f.HeadsOnly {
		q += ` AND p.is_head = TRUE`
	}
	q += ` ORDER BY pl.position_id, CASE pl.kind WHEN ? THEN 0 WHEN ? THEN 1 ELSE 2 END, pl.start_date, e.name, pl.id`
	args = append(args, string(model.PlacementDefinitif), string(model.PlacementPlt))
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("holdings: %w", err)
	}
	defer rows.Close()
	var out []model.Holding
	for rows.Next() {
		var h model.Holding
		var kind, start, end string
		var e model.Employee
		if err := rows.Scan(&h.ID, &h.EmployeeID, &h.PositionID, &kind, &start, &end, &h.Decree, &e.Name, &e.FrontTitle, &e.BackTitle, nullString{&h.NIP}); err != nil {
			return nil, err
		}
		h.Kind, h.Start, h.End, h.Holder = model.PlacementKind(kind), model.Date(start), model.Date(end), e.FullName()
		out = append(out, h)
	}
	return out, rows.Err()
}

// OrgChart loads the positions, the active placements and the overrides in
// force on date (YYYY-MM-DD) of an instansi into a model.OrgChart.
func (c conn) OrgChart(ctx context.Context, instansiID string, date model.Date) (*model.OrgChart, error) {
	return c.orgChart(ctx, instansiID, date, "e.active = TRUE")
}

// PastOrgChart is the org chart as it stood on a past day, with the
// people whose employment ended since: who rated someone who left, on a
// day they still worked. Records merged into another are left out (their
// placements went to the record kept).
func (c conn) PastOrgChart(ctx context.Context, instansiID string, date model.Date) (*model.OrgChart, error) {
	return c.orgChart(ctx, instansiID, date, "NOT EXISTS (SELECT 1 FROM employee_merges m WHERE m.merged_id = e.id)")
}

func (c conn) orgChart(ctx context.Context, instansiID string, date model.Date, who string) (*model.OrgChart, error) {
	positions, err := c.Positions(ctx, instansiID, "")
	if err != nil {
		return nil, err
	}
	rows, err := c.query(ctx, `SELECT pl.employee_id, pl.position_id, pl.kind FROM placements pl
		JOIN employees e ON e.id = pl.employee_id
		WHERE e.instansi_id = ? AND `+who+` AND pl.cancelled_at = '' AND pl.start_date <= ? AND (pl.end_date = '' OR pl.end_date >= ?)`,
		instansiID, string(date), string(date))
	if err != nil {
		return nil, fmt.Errorf("load placements: %w", err)
	}
	var holdings []model.OrgHolding
	for rows.Next() {
		var h model.OrgHolding
		var kind string
		if err := rows.Scan(&h.EmployeeID, &h.PositionID, &kind); err != nil {
			rows.Close()
			return nil, err
		}
		h.Kind = model.PlacementKind(kind)
		holdings = append(holdings, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	overrides, err := c.raterOverridesInForce(ctx, instansiID, date)
	if err != nil {
		return nil, err
	}
	var sekda string
	in, err := c.Instansi(ctx, instansiID)
	if err != nil {
		return nil, err
	}
	if in.JPTRater == model.JPTRaterSekda {
		sekda, err = c.SekdaPosition(ctx, instansiID)
		if err != nil {
			return nil, err
		}
	}
	return model.NewOrgChart(positions, holdings, overrides, sekda), nil
}

// PositionsByID returns the positions of ids keyed by id, in one
// statement for every 500; an id not found is left out.
func (c conn) PositionsByID(ctx context.Context, ids []string) (map[string]model.Position, error) {
	out := make(map[string]model.Position, len(ids))
	err := c.eachByID(ctx, `SELECT `+positionColumns+` FROM positions WHERE id IN (%s)`, ids, func(rows *sql.Rows) error {
		p, err := scanPosition(rows)
		out[p.ID] = p
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("positions by id: %w", err)
	}
	return out, nil
}
