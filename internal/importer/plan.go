package importer

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Reader is what planning reads from the database; *store.Store and
// *store.Tx both provide it.
type Reader interface {
	UnitByCode(ctx context.Context, instansiID, code string) (model.Unit, error)
	PositionByCode(ctx context.Context, instansiID, code string) (model.Position, error)
	Positions(ctx context.Context, instansiID, unitID string) ([]model.Position, error)
	EmployeeByNIP(ctx context.Context, instansiID, nip string) (model.Employee, error)
	Unit(ctx context.Context, id string) (model.Unit, error)
	// PositionLeads, DefinitiveHolders and Placements tell whether a post
	// has one definitive holder at a time, who holds it, and since when an
	// employee holds their post.
	PositionLeads(ctx context.Context, positionID string) (bool, error)
	DefinitiveHolders(ctx context.Context, positionID string, from model.Date, except string) ([]model.Employee, error)
	// ActingHoldings tells who acts on a post as Plt or Plh from a date.
	ActingHoldings(ctx context.Context, positionID string, from, to model.Date, except string) ([]model.ActingHolding, error)
	Placements(ctx context.Context, employeeID string) ([]model.Placement, error)
	// ActivePeople and NIPReplaced find the record of a person whose NIP
	// changed (see samePerson).
	ActivePeople(ctx context.Context, instansiID string) ([]model.Employee, error)
	NIPReplaced(ctx context.Context, instansiID, nip string) (model.NIPChange, error)
}

// Planned is a valid row turned into what to write.
type Planned struct {
	Row      int
	Action   Action
	Employee model.Employee // the record as it will be (ID set for updates)
	// Position is the existing position to place the employee in; when its
	// ID is empty a new position is to be created in Unit with Superior.
	Position model.Position
	// NewHead makes a new structural Position the head of its unit, when
	// the unit has none yet.
	NewHead bool
	Move    bool       // place the employee in Position
	Start   model.Date // TMT of the placement
	// OldNIP is the number the employee had until this row gave them
	// Employee.NIP (see samePerson); empty otherwise.
	OldNIP string
}

// Scope tells whether the importing user may touch a unit's OPD.
type Scope func(opdID string) bool

// Plan checks every row against the database and returns the report and
// the rows to write. It writes nothing.
func Plan(ctx context.Context, db Reader, instansiID string, rows []Row, scope Scope, today model.Date) (Report, []Planned, error) {
	db = newCachedReader(db)
	results := make([]RowResult, 0, len(rows))
	plans := make([]*plannedRow, 0, len(rows)) // nil for a rejected row
	reject := func(r Row, reason model.Message) {
		results = append(results, RowResult{Row: r.Line, NIP: r.Get("nip"), Name: r.Get("nama"), Action: ActionReject, Why: reason})
		plans = append(plans, nil)
	}
	firstLine := map[string]int{}
	newCodes := map[string]newPost{} // codes of positions this file creates
	newHeads := map[string]string{}  // unit → name of the head post this file creates
	newSeats := map[string]int{}     // unit + name of a one-holder post this file creates → its row
	for _, r := range rows {
		if nip := r.Get("nip"); nip != "" {
			if first, dup := firstLine[nip]; dup {
				reject(r, model.Msg("import.reject.nip.dup", nip, first))
				continue
			}
			firstLine[nip] = r.Line
		}
		p, reason, err := planRow(ctx, db, instansiID, r, scope, today)
		if err != nil {
			return Report{}, nil, err
		}
		if reason.Key != "" {
			reject(r, reason)
			continue
		}
		if pos := p.Position; pos.ID == "" && pos.Code != "" {
			post := newPost{unitID: pos.UnitID, name: strings.ToLower(pos.Name), line: r.Line}
			if other, ok := newCodes[pos.Code]; ok && (other.unitID != post.unitID || other.name != post.name) {
				reject(r, model.Msg("import.reject.code.dup", pos.Code, other.line))
				continue
			} else if !ok {
				newCodes[pos.Code] = post
			}
		}
		if p.NewHead {
			name := strings.ToLower(p.Position.Name)
			if other, ok := newHeads[p.Position.UnitID]; ok && other != name {
				p.NewHead = false // the unit got its head from an earlier row
			} else {
				newHeads[p.Position.UnitID] = name
			}
		}
		if pos := p.Position; pos.ID == "" && model.OneHolder(pos, p.NewHead) {
			key := pos.UnitID + "\x00" + strings.ToLower(pos.Name)
			if line, ok := newSeats[key]; ok {
				reject(r, model.Msg("import.reject.seat.dup", pos.Name, line))
				continue
			}
			newSeats[key] = r.Line
		}
		results = append(results, p.result)
		plans = append(plans, &p)
	}
	checkNIPChanges(rows, results, plans)
	if err := checkHeads(ctx, db, results, plans); err != nil {
		return Report{}, nil, err
	}
	var rep Report
	var out []Planned
	for i, res := range results {
		if res.Action == ActionReject && res.Column == "" && i < len(rows) {
			res.Column = columnOf(res.Why, rows[i])
			results[i] = res
		}
		rep.add(res)
		if p := plans[i]; p != nil && p.Action != ActionUnchanged {
			out = append(out, p.Planned)
		}
	}
	rep.Total = len(rows)
	return rep.In(locale.Default), out, nil
}

// checkHeads rejects a row that moves someone into a post one person holds
// (a unit's head post, a structural or superior post: model.OneHolder)
// while another person holds it and the file does not move that person
// elsewhere by then, and a second row moving into the same post: such a
// post has one definitive holder at a time.
func checkHeads(ctx context.Context, db Reader, results []RowResult, plans []*plannedRow) error {
	goesTo := map[string]*plannedRow{} // NIP → the row that places them
	for _, p := range plans {
		if p != nil && p.Move {
			goesTo[p.Employee.NIP] = p
		}
	}
	claimed := map[string]int{} // post → row moving into it
	for i, p := range plans {
		if p == nil || !p.intoHead {
			continue
		}
		var reason model.Message
		if line, ok := claimed[p.Position.ID]; ok {
			key := "import.reject.seat.dup"
			if p.head {
				key = "import.reject.head.dup"
			}
			reason = model.Msg(key, p.Position.Name, line)
		} else {
			holders, err := db.DefinitiveHolders(ctx, p.Position.ID, p.Start, p.Employee.ID)
			if err != nil {
				return err
			}
			for _, h := range holders {
				if to, moved := goesTo[h.NIP]; h.NIP != "" && moved && to.Position.ID != p.Position.ID {
					if to.Start > p.Start { // they leave only after this row arrives
						reason = model.Msg("import.reject.seat.later", p.Position.Name, h.Name, h.NIP, to.Start, to.Row)
						break
					}
					continue // the holder moves elsewhere in this file
				}
				reason = model.Msg("import.reject.head.held", p.Position.Name, h.Name, h.NIP)
				break
			}
			if reason.Key == "" {
				// A Plt or Plh acting on the post ends first (see
				// app.refuseSecondActing).
				acting, err := db.ActingHoldings(ctx, p.Position.ID, p.Start, "", p.Employee.ID)
				if err != nil {
					return err
				}
				if len(acting) > 0 {
					x := acting[0]
					reason = model.Msg("invalid.placement.acting.first", p.Position.Name, strings.TrimSuffix(model.ActingTitle(x.Kind, ""), ". "), x.Holder, x.Start)
				}
			}
		}
		if reason.Key != "" {
			results[i] = RowResult{Row: p.Row, NIP: p.Employee.NIP, Name: p.Employee.Name, Action: ActionReject, Why: reason}
			plans[i] = nil
			continue
		}
		claimed[p.Position.ID] = p.Row
	}
	return nil
}

func (rep *Report) add(r RowResult) {
	switch r.Action {
	case ActionCreate:
		rep.Created++
	case ActionUpdate:
		rep.Updated++
	case ActionUnchanged:
		rep.Unchanged++
	case ActionReject:
		rep.Rejected++
	}
	rep.Rows = append(rep.Rows, r)
}

// maxValueLen bounds one cell: longer text is a pasting mistake, not data.
const maxValueLen = 300

// newPost is a position the file creates, to catch one new code given
// to two different posts.
type newPost struct {
	unitID, name string
	line         int
}

type plannedRow struct {
	Planned
	result   RowResult
	intoHead bool // moves the employee into an existing post one person holds
	head     bool // that post leads its unit
}

// normStatus reads a STATUS cell; an empty cell gives "" (the number
// then says the status).
func normStatus(s string) (model.EmployeeStatus, error) {
	u := strings.Join(strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '.'
	}), " ")
	switch u {
	case "":
		return "", nil
	case "PNS":
		return model.StatusPNS, nil
	case "CPNS":
		return model.StatusCPNS, nil
	case "PPPK", "P3K", "PPPK PENUH WAKTU", "P3K PENUH WAKTU":
		return model.StatusPPPK, nil
	case "PPPK PARUH WAKTU", "P3K PARUH WAKTU", "PARUH WAKTU", "PPPK PW", "P3K PW":
		return model.StatusPPPKParuhWaktu, nil
	}
	return "", model.Msg("import.reject.status", s)
}

// statusOf is the row's status: the STATUS cell when given, which must
// agree with the number; else what is stored when it agrees with the
// number (a CPNS stays CPNS); else what the number says.
func statusOf(cell model.EmployeeStatus, n model.NIP, nip string, stored *model.Employee) (model.EmployeeStatus, error) {
	if cell != "" {
		return cell, model.CheckStatusNIP(cell, nip)
	}
	if stored != nil && n.Fits(stored.Status) {
		return stored.Status, nil
	}
	return n.Status(), nil
}

func normGender(s string) (string, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "L", "1", "LAKI-LAKI", "LAKI LAKI", "PRIA", "M":
		return "L", nil
	case "P", "2", "PEREMPUAN", "WANITA", "F":
		return "P", nil
	}
	return "", model.Msg("import.reject.gender", s)
}

func normKind(s string) (model.PositionKind, error) {
	k := strings.ToLower(strings.Join(strings.Fields(s), " "))
	switch k {
	case "":
		return "", nil
	case "jpt madya", "pimpinan tinggi madya":
		return model.PositionJPTMadya, nil
	case "jpt pratama", "jpt", "pimpinan tinggi pratama", "struktural eselon ii":
		return model.PositionJPTPratama, nil
	case "administrator", "struktural eselon iii":
		return model.PositionAdministrator, nil
	case "pengawas", "struktural eselon iv":
		return model.PositionPengawas, nil
	case "pelaksana", "jfu", "jabatan fungsional umum", "jabatan pelaksana":
		return model.PositionPelaksana, nil
	case "fungsional", "jf", "jft", "jabatan fungsional", "jabatan fungsional tertentu":
		return model.PositionFungsional, nil
	}
	return "", model.Msg("import.reject.kind", s)
}

func normJenjang(s string) (string, error) {
	j := strings.ReplaceAll(strings.ToLower(strings.Join(strings.Fields(s), " ")), " ", "_")
	if j == "" {
		return "", nil
	}
	if model.ValidJenjang(j) {
		return j, nil
	}
	return "", model.Msg("import.reject.jenjang", s)
}

// normPhone puts back the leading zero of an Indonesian mobile number
// that Excel stored as a number (81234567890 → 081234567890).
func normPhone(s string) string {
	if len(s) >= 9 && len(s) <= 13 && s[0] == '8' && strings.Trim(s, "0123456789") == "" {
		return "0" + s
	}
	return s
}

// normDate reads YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or an Excel serial.
func normDate(s string) (model.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", "02-01-2006", "02/01/2006", "2/1/2006", "2-1-2006", "2006/01/02", "02.01.2006"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() > 1900 {
			return model.Date(t.Format(time.DateOnly)), nil
		}
	}
	// An Excel date serial (days since 1899-12-30), between 1950 and 2100.
	if n, err := strconv.ParseFloat(s, 64); err == nil && n >= 18264 && n < 73051 {
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n))
		return model.Date(t.Format(time.DateOnly)), nil
	}
	return "", model.Msg("import.reject.date", s)
}

// planRow plans one row, or gives the reason (a message) it is rejected.
func planRow(ctx context.Context, db Reader, instansiID string, r Row, scope Scope, today model.Date) (plannedRow, model.Message, error) {
	for col, v := range r.Values {
		if len(v) > maxValueLen {
			return plannedRow{}, model.Msg("import.reject.long", strings.ToUpper(col), maxValueLen), nil
		}
	}
	nip := r.Get("nip")
	if nip == "" {
		return plannedRow{}, model.Msg("import.reject.nip.empty"), nil
	}
	if strings.ContainsAny(nip, "eE") && strings.ContainsAny(nip, "+.") {
		return plannedRow{}, model.Msg("import.reject.nip.excel", nip), nil
	}
	n, err := model.ParseNIP(nip)
	if err != nil {
		return plannedRow{}, reasonOf(err), nil
	}
	if err := n.CheckTMT(today); err != nil {
		return plannedRow{}, reasonOf(err), nil
	}
	name := strings.Join(strings.Fields(r.Get("nama")), " ")
	if name == "" {
		return plannedRow{}, model.Msg("import.reject.name.empty"), nil
	}
	existing, err := db.EmployeeByNIP(ctx, instansiID, nip)
	found := err == nil
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return plannedRow{}, model.Message{}, err
	}
	cell, err := normStatus(r.Get("status"))
	if err != nil {
		return plannedRow{}, reasonOf(err), nil
	}
	birthCell, err := normDate(r.Get("tanggal_lahir"))
	if err != nil {
		return plannedRow{}, model.Msg("import.reject.birth", r.Get("tanggal_lahir")), nil
	}
	// The number says the birth date (digits 1–8): a TANGGAL_LAHIR saying
	// another is refused naming both, as a JENIS_KELAMIN is.
	if born := model.Date(n.BirthDate.Format(time.DateOnly)); birthCell != "" && birthCell != born {
		return plannedRow{}, model.Msg("import.reject.birth.nip", birthCell, nip, born, born), nil
	}
	var oldNIP string // the number of the same person's record, when it changes
	var note model.Message
	if !found {
		same, maybe, reason, err := samePerson(ctx, db, instansiID, r, n, nip, name, cell)
		if err != nil || reason.Key != "" {
			return plannedRow{}, reason, err
		}
		note = maybe
		if same != nil {
			existing, found, oldNIP = *same, true, same.NIP
			if cell == "" && existing.Status.IsPPPK() && !n.PPPK {
				// A PPPK under a PNS-form number: CPNS, the file must say.
				return plannedRow{}, model.Msg("import.reject.nip.status.needed", existing.NIP, nip), nil
			}
		}
	}
	var stored *model.Employee
	if found {
		stored = &existing
	}
	status, err := statusOf(cell, n, nip, stored)
	if err != nil {
		return plannedRow{}, reasonOf(err), nil
	}
	gol, err := model.NormGolongan(r.Get("golongan"), status)
	if err != nil {
		return plannedRow{}, reasonOf(err), nil
	}
	gender, err := normGender(r.Get("jenis_kelamin"))
	if err != nil {
		return plannedRow{}, reasonOf(err), nil
	}
	// The number says the sex (digit 15): a cell saying the other is
	// refused naming both, as a STATUS the number contradicts is.
	fromNIP := map[bool]string{true: "P", false: "L"}[n.Female]
	if gender == "" {
		gender = fromNIP
	} else if gender != fromNIP {
		return plannedRow{}, model.Msg("import.reject.gender.nip", model.Msg("gender."+gender), nip,
			model.Msg("gender."+fromNIP), model.Msg("gender."+fromNIP)), nil
	}
	tmt, err := normDate(r.Get("tmt_jabatan"))
	if err != nil {
		return plannedRow{}, reasonOf(err), nil
	}
	if tmt == "" {
		tmt = today
	} else if err := model.CheckPlacementDate(tmt, today); err != nil {
		return plannedRow{}, reasonOf(err), nil
	} else if born := model.Date(n.BirthDate.Format(time.DateOnly)); tmt < born {
		return plannedRow{}, model.Msg("import.reject.tmt.birth", tmt, born), nil
	}
	kind, err := normKind(r.Get("position_kind"))
	if err != nil {
		return plannedRow{}, reasonOf(err), nil
	}
	jenjang, err := normJenjang(r.Get("jenjang"))
	if err != nil {
		return plannedRow{}, reasonOf(err), nil
	}
	email := r.Get("email")
	if email != "" && !strings.Contains(email, "@") {
		return plannedRow{}, model.Msg("import.reject.email", email), nil
	}

	code := r.Get("unit_code")
	if code == "" {
		return plannedRow{}, model.Msg("import.reject.unit.empty"), nil
	}
	unit, err := db.UnitByCode(ctx, instansiID, code)
	if errors.Is(err, model.ErrNotFound) {
		return plannedRow{}, model.Msg("import.reject.unit.unknown", code), nil
	}
	if err != nil {
		return plannedRow{}, model.Message{}, err
	}
	if scope != nil && !scope(unit.OPDID) {
		return plannedRow{}, model.Msg("import.reject.unit.scope", unit.Name), nil
	}

	pos, reason, err := resolvePosition(ctx, db, instansiID, unit, r, kind, jenjang)
	if err != nil || reason.Key != "" {
		return plannedRow{}, reason, err
	}
	// A structural post created in a unit without a head becomes its head.
	newHead := pos.ID == "" && unit.HeadPositionID == "" &&
		(pos.Kind.IsJPT() || pos.Kind == model.PositionAdministrator || pos.Kind == model.PositionPengawas)

	// The name may carry the titles, beside the GELAR columns or instead
	// of them: they are kept apart, and given once.
	var storedFront, storedBack string
	if found {
		storedFront, storedBack = existing.FrontTitle, existing.BackTitle
	}
	name, front, back := splitName(name, r.Get("gelar_depan"), r.Get("gelar_belakang"), storedFront, storedBack)
	name = standardName(name)
	emp := model.Employee{InstansiID: instansiID, NIP: nip, Name: name, FrontTitle: front,
		BackTitle: back, Gender: gender, BirthDate: model.Date(n.BirthDate.Format(time.DateOnly)),
		Status: status, Golongan: gol, Pangkat: r.Get("pangkat"), Email: email, Phone: normPhone(r.Get("phone")), Active: true}
	p := plannedRow{Planned: Planned{Row: r.Line, Employee: emp, Position: pos, NewHead: newHead, Start: tmt}}
	p.result = RowResult{Row: r.Line, NIP: nip, Name: name, Unit: unit.Code, Position: pos.Name, NewPosition: pos.ID == "",
		Status: status, Golongan: gol, Note: note}

	if !found {
		p.Action, p.Move = ActionCreate, true
	} else {
		if scope != nil && existing.UnitID != "" {
			cur, err := db.Unit(ctx, existing.UnitID)
			if err != nil {
				return plannedRow{}, model.Message{}, err
			}
			if !scope(cur.OPDID) {
				return plannedRow{}, model.Msg("import.reject.employee.scope", cur.Name), nil
			}
		}
		if scope != nil && existing.UnitID == "" {
			// Without a post the employee is in no OPD: BKPSDM places them.
			return plannedRow{}, model.Msg("import.reject.employee.unplaced"), nil
		}
		emp.ID = existing.ID
		// Columns absent from the file, or empty cells, keep what is
		// stored: a blank never erases data.
		keep := func(col string, v *string, old string) {
			if r.Get(col) == "" {
				*v = old
			}
		}
		keep("golongan", &emp.Golongan, existing.Golongan)
		// A stored golongan kept under a status the number changed (a record
		// saved as PNS before the number was read) must fit the new scale.
		if _, err := model.NormGolongan(emp.Golongan, emp.Status); err != nil {
			return plannedRow{}, reasonOf(err), nil
		}
		keep("pangkat", &emp.Pangkat, existing.Pangkat)
		keep("email", &emp.Email, existing.Email)
		keep("phone", &emp.Phone, existing.Phone)
		if r.Get("jenis_kelamin") == "" {
			emp.Gender = existing.Gender // not in the file: keep what is stored
		}
		if existing.BirthDate != "" && oldNIP == "" { // a new number says the birth date anew
			emp.BirthDate = existing.BirthDate
		}
		p.Employee = emp
		p.result.What = changes(existing, emp)
		p.Move = pos.ID == "" || pos.ID != existing.PositionID
		if p.Move {
			// The current post ends the day before the TMT: not before it began.
			since, err := definitiveSince(ctx, db, existing.ID)
			if err != nil {
				return plannedRow{}, model.Message{}, err
			}
			if since != "" && tmt <= since {
				return plannedRow{}, model.Msg("import.reject.tmt.before", tmt, since), nil
			}
			from := existing.PositionName
			if from == "" {
				from = "—"
			}
			var to any = pos.Name
			if pos.ID == "" {
				to = model.Msg("import.change.newposition", pos.Name)
			}
			p.result.What = append(p.result.What, model.Msg("import.change", model.Msg("import.field.position"), from, to))
		}
		if oldNIP != "" {
			p.OldNIP, p.result.OldNIP = oldNIP, oldNIP
			p.result.What = append([]model.Message{model.Msg("import.change.nip", oldNIP, nip)}, p.result.What...)
		}
		p.Action = ActionUpdate
		if len(p.result.What) == 0 {
			p.Action = ActionUnchanged
		}
	}
	p.result.Action = p.Action
	p.head = pos.ID != "" && pos.ID == unit.HeadPositionID
	if p.Move && pos.ID != "" {
		leads, err := db.PositionLeads(ctx, pos.ID)
		if err != nil {
			return plannedRow{}, model.Message{}, err
		}
		p.intoHead = p.head || model.OneHolder(pos, leads)
	}
	return p, model.Message{}, nil
}

// definitiveSince is the start of an employee's current definitive
// placement, "" when they have none.
func definitiveSince(ctx context.Context, db Reader, employeeID string) (model.Date, error) {
	list, err := db.Placements(ctx, employeeID)
	if err != nil {
		return "", err
	}
	for _, pl := range list {
		if pl.Kind == model.PlacementDefinitif && pl.End == "" {
			return pl.Start, nil
		}
	}
	return "", nil
}

// resolvePosition finds the row's position by code, else by name in the
// unit; a name not found yields a new position to create. A row whose
// position cannot be had gets the reason.
func resolvePosition(ctx context.Context, db Reader, instansiID string, unit model.Unit, r Row, kind model.PositionKind, jenjang string) (model.Position, model.Message, error) {
	if code := r.Get("position_code"); code != "" {
		p, err := db.PositionByCode(ctx, instansiID, code)
		if err == nil {
			if p.UnitID != unit.ID {
				return model.Position{}, model.Msg("import.reject.position.unit", code, unit.Code), nil
			}
			return p, model.Message{}, nil
		}
		if !errors.Is(err, model.ErrNotFound) {
			return model.Position{}, model.Message{}, err
		}
		if r.Get("position_name") == "" {
			return model.Position{}, model.Msg("import.reject.position.unknown", code), nil
		}
	}
	name := strings.Join(strings.Fields(r.Get("position_name")), " ")
	if name == "" {
		return model.Position{}, model.Msg("import.reject.position.name"), nil
	}
	list, err := db.Positions(ctx, instansiID, unit.ID)
	if err != nil {
		return model.Position{}, model.Message{}, err
	}
	var head model.Position
	for _, p := range list {
		if strings.EqualFold(p.Name, name) {
			return p, model.Message{}, nil
		}
		if p.ID == unit.HeadPositionID {
			head = p
		}
	}
	if kind == "" {
		kind = model.PositionPelaksana
		if jenjang != "" {
			kind = model.PositionFungsional
		}
	}
	if kind != model.PositionFungsional && jenjang != "" {
		return model.Position{}, model.Msg("invalid.position.level.functional"), nil
	}
	// A new post reports to the head of its unit, or of the unit above.
	superior := head.ID
	if superior == "" && unit.ParentID != "" {
		parent, err := db.Unit(ctx, unit.ParentID)
		if err != nil {
			return model.Position{}, model.Message{}, err
		}
		superior = parent.HeadPositionID
	}
	code := r.Get("position_code")
	return model.Position{InstansiID: instansiID, UnitID: unit.ID, Code: code, Name: name, Kind: kind, Jenjang: jenjang,
		SuperiorPositionID: superior}, model.Message{}, nil
}

// changes lists what an update changes, field by field, as messages.
func changes(old, new model.Employee) []model.Message {
	var out []model.Message
	add := func(label, a, b string) {
		if a != b {
			if a == "" {
				a = "—"
			}
			if b == "" {
				b = "—"
			}
			out = append(out, model.Msg("import.change", model.Msg(label), a, b))
		}
	}
	add("import.field.name", old.Name, new.Name)
	add("import.field.fronttitle", old.FrontTitle, new.FrontTitle)
	add("import.field.backtitle", old.BackTitle, new.BackTitle)
	coded := func(label, prefix, a, b string) {
		if a != b {
			name := func(code string) any {
				if code == "" {
					return "—"
				}
				return model.Msg(prefix + code)
			}
			out = append(out, model.Msg("import.change", model.Msg(label), name(a), name(b)))
		}
	}
	coded("import.field.gender", "gender.", old.Gender, new.Gender)
	if old.BirthDate != new.BirthDate {
		var a, b any = old.BirthDate, new.BirthDate
		if old.BirthDate == "" {
			a = "—"
		}
		if new.BirthDate == "" {
			b = "—"
		}
		out = append(out, model.Msg("import.change", model.Msg("import.field.birth"), a, b))
	}
	coded("import.field.status", "status.", string(old.Status), string(new.Status))
	add("import.field.golongan", old.Golongan, new.Golongan)
	add("import.field.pangkat", old.Pangkat, new.Pangkat)
	add("import.field.email", old.Email, new.Email)
	add("import.field.phone", old.Phone, new.Phone)
	if !old.Active {
		out = append(out, model.Msg("import.change.active"))
	}
	return out
}

// cachedReader remembers units and positions while one file is planned:
// thousands of rows name the same few hundred units, and nothing changes
// them during planning. Employees are read once per row anyway.
type cachedReader struct {
	Reader
	unitsByCode map[string]unitResult
	units       map[string]unitResult
	positions   map[string][]model.Position
	leads       map[string]bool
	people      []model.Employee // ActivePeople, read once
	peopleRead  bool
}

type unitResult struct {
	unit model.Unit
	err  error
}

func newCachedReader(db Reader) *cachedReader {
	return &cachedReader{Reader: db, unitsByCode: map[string]unitResult{}, units: map[string]unitResult{},
		positions: map[string][]model.Position{}, leads: map[string]bool{}}
}

func (c *cachedReader) PositionLeads(ctx context.Context, positionID string) (bool, error) {
	if l, ok := c.leads[positionID]; ok {
		return l, nil
	}
	l, err := c.Reader.PositionLeads(ctx, positionID)
	if err == nil {
		c.leads[positionID] = l
	}
	return l, err
}

func (c *cachedReader) UnitByCode(ctx context.Context, instansiID, code string) (model.Unit, error) {
	if r, ok := c.unitsByCode[code]; ok {
		return r.unit, r.err
	}
	u, err := c.Reader.UnitByCode(ctx, instansiID, code)
	if err == nil || errors.Is(err, model.ErrNotFound) {
		c.unitsByCode[code] = unitResult{u, err}
	}
	return u, err
}

func (c *cachedReader) Unit(ctx context.Context, id string) (model.Unit, error) {
	if r, ok := c.units[id]; ok {
		return r.unit, r.err
	}
	u, err := c.Reader.Unit(ctx, id)
	if err == nil {
		c.units[id] = unitResult{u, nil}
	}
	return u, err
}

func (c *cachedReader) Positions(ctx context.Context, instansiID, unitID string) ([]model.Position, error) {
	if list, ok := c.positions[unitID]; ok {
		return list, nil
	}
	list, err := c.Reader.Positions(ctx, instansiID, unitID)
	if err == nil {
		c.positions[unitID] = list
	}
	return list, err
}

func (c *cachedReader) ActivePeople(ctx context.Context, instansiID string) ([]model.Employee, error) {
	if c.peopleRead {
		return c.people, nil
	}
	list, err := c.Reader.ActivePeople(ctx, instansiID)
	if err == nil {
		c.people, c.peopleRead = list, true
	}
	return list, err
}

// reasonOf is the message of a check's error.
func reasonOf(err error) model.Message {
	var m model.Message
	if errors.As(err, &m) {
		return m
	}
	return model.Msg(err.Error())
}

// columnNames are the columns as a SIASN export spells them, by the name
// a Row knows them under.
var columnNames = map[string]string{
	"nip": "NIP", "nama": "NAMA", "unit_code": "UNOR_ID", "unit_name": "UNOR_NAMA",
	"position_code": "JABATAN_ID", "position_name": "JABATAN_NAMA", "position_kind": "JENIS_JABATAN",
	"jenjang": "JENJANG", "status": "STATUS", "golongan": "GOLONGAN", "pangkat": "PANGKAT",
	"gelar_depan": "GELAR_DEPAN", "gelar_belakang": "GELAR_BELAKANG", "jenis_kelamin": "JENIS_KELAMIN",
	"tmt_jabatan": "TMT_JABATAN", "tanggal_lahir": "TANGGAL_LAHIR", "email": "EMAIL", "phone": "NOMOR_HP",
}

// columnOf names the column a row is rejected for, from the reason's
// key: the cell the admin fixes. The post is named by JABATAN_ID when the
// row gives one, else by JABATAN_NAMA.
func columnOf(why model.Message, r Row) string {
	post := "position_name"
	if r.Get("position_code") != "" {
		post = "position_code"
	}
	key := why.Key
	var col string
	switch {
	case key == "import.reject.long" && len(why.Args) > 0:
		col = strings.ToLower(fmt.Sprint(why.Args[0]))
	case key == "import.reject.name.empty":
		col = "nama"
	case key == "import.reject.nip.status.needed":
		col = "status"
	case strings.HasPrefix(key, "import.reject.nip") || strings.HasPrefix(key, "invalid.nip") ||
		strings.HasPrefix(key, "import.reject.employee."):
		col = "nip"
	case key == "import.reject.birth" || key == "import.reject.birth.nip":
		col = "tanggal_lahir"
	case strings.HasPrefix(key, "import.reject.status"):
		col = "status"
	case strings.HasPrefix(key, "import.reject.golongan"):
		col = "golongan"
	case key == "import.reject.gender" || key == "import.reject.gender.nip":
		col = "jenis_kelamin"
	case key == "import.reject.date" || key == "import.reject.tmt.before" || key == "import.reject.tmt.birth" || strings.HasPrefix(key, "invalid.placement.date"):
		col = "tmt_jabatan"
	case key == "import.reject.kind":
		col = "position_kind"
	case key == "import.reject.jenjang" || key == "invalid.position.level.functional":
		col = "jenjang"
	case key == "import.reject.email":
		col = "email"
	case strings.HasPrefix(key, "import.reject.unit."):
		col = "unit_code"
	case key == "import.reject.code.dup":
		col = "position_code"
	case strings.HasPrefix(key, "import.reject.position.") || strings.HasPrefix(key, "import.reject.seat.") ||
		strings.HasPrefix(key, "import.reject.head.") || key == "invalid.placement.acting.first":
		col = post
	}
	return columnNames[col]
}
