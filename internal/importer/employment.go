package importer

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

// One person, one record. BKN gives a person a new number when a PPPK is
// appointed CPNS, and corrects a wrong one; a SIASN file then carries the
// new number for someone Kinerja knows under the old one. A row whose NIP
// no record carries is compared with the active records. It is the same
// person only when three things agree: the name (without gelar, case and
// punctuation aside), the birth date (digits 1–8 of both a NIP and an NI
// PPPK give it; a TANGGAL_LAHIR column saying another is refused), and a status move
// that really happens (PPPK → CPNS, PPPK paruh waktu → PPPK, CPNS → PNS,
// or a correction keeping the status; never PNS → CPNS, nor back to
// PPPK). One such record: the row changes its NIP (the old one kept in
// the NIP history); several: the post they hold settles it, else the row
// is refused, naming them. A record that shares the name and the post or
// the birth date but not the rest is not guessed to be the person: the
// row is a new employee with a note naming the possible match, which an
// admin merges when it is the same person (docs/organisasi-nip-dan-akhir-kerja.md).

// samePerson returns the active record a row with an unknown NIP is the
// same person as, nil when there is none, or the reason the row is
// refused: its NIP was replaced by another, or several records match.
// note names a record that may be the person but is not taken for them.
func samePerson(ctx context.Context, db Reader, instansiID string, r Row, n model.NIP, nip, name string,
	cell model.EmployeeStatus) (same *model.Employee, note, reason model.Message, err error) {
	if ch, err := db.NIPReplaced(ctx, instansiID, nip); err == nil {
		return nil, note, model.Msg("import.reject.nip.replaced", nip, ch.NewNIP), nil
	} else if !errors.Is(err, model.ErrNotFound) {
		return nil, note, reason, err
	}
	people, err := db.ActivePeople(ctx, instansiID)
	if err != nil {
		return nil, note, reason, err
	}
	bare, _, _ := splitName(name, r.Get("gelar_depan"), r.Get("gelar_belakang"), "", "")
	key := model.SamePersonName(bare)
	birth := model.Date(n.BirthDate.Format(time.DateOnly))
	status := cell
	if status == "" {
		status = n.Status()
	}
	inPost, err := rowPost(ctx, db, instansiID, r)
	if err != nil {
		return nil, note, reason, err
	}
	var found, strong []model.Employee
	var maybe *model.Employee
	var why model.Message
	for _, e := range people {
		if e.NIP == nip || model.SamePersonName(BareName(e.Name)) != key {
			continue
		}
		born := birthOf(e)
		sameBirth := born != "" && born == birth
		// Without a STATUS cell a PNS-form number may be a CPNS's: a PPPK
		// appointed CPNS is still the person (planRow then asks for the
		// status rather than guess it).
		moves := StatusMoves(e.Status, status) || (cell == "" && !n.PPPK && StatusMoves(e.Status, model.StatusCPNS))
		if sameBirth && moves {
			found = append(found, e)
			if inPost(e) {
				strong = append(strong, e)
			}
			continue
		}
		if maybe == nil && (sameBirth || inPost(e)) {
			maybe = &e
			if !sameBirth {
				why = model.Msg("import.note.maybe.birth", born, birth)
			} else {
				why = model.Msg("import.note.maybe.status", model.Msg("status."+string(e.Status)), model.Msg("status."+string(status)))
			}
		}
	}
	switch {
	case len(found) == 1:
		return &found[0], note, reason, nil
	case len(strong) == 1:
		return &strong[0], note, reason, nil
	case len(found) > 1:
		who := make([]string, len(found))
		for i, e := range found {
			who[i] = e.FullName() + " (" + e.NIP + ")"
		}
		return nil, note, model.Msg("import.reject.nip.ambiguous", nip, strings.Join(who, ", ")), nil
	case maybe != nil:
		note = model.Msg("import.note.maybe", maybe.FullName(), maybe.NIP, why)
	}
	return nil, note, reason, nil
}

// birthOf is the birth date of a record: the one stored, else the one its
// NIP says; "" when neither is known.
func birthOf(e model.Employee) model.Date {
	if e.BirthDate != "" {
		return e.BirthDate
	}
	if n, err := model.ParseNIP(e.NIP); err == nil {
		return model.Date(n.BirthDate.Format(time.DateOnly))
	}
	return ""
}

// StatusMoves reports whether a person of status from can, under a new
// number, be of status to: a correction keeps the status; a PPPK
// (full-time or paruh waktu) is appointed CPNS; a PPPK paruh waktu gets a
// full-time formation; a CPNS becomes PNS. A PNS is never CPNS again and
// a civil servant never PPPK under a new number.
func StatusMoves(from, to model.EmployeeStatus) bool {
	switch {
	case from == to:
		return true
	case from.IsPPPK() && to == model.StatusCPNS:
		return true
	case from == model.StatusPPPKParuhWaktu && to == model.StatusPPPK:
		return true
	case from == model.StatusCPNS && to == model.StatusPNS:
		return true
	}
	return false
}

// rowPost returns whether an employee holds the post a row names (by its
// code, or by its name in the row's unit); a row whose unit or post is
// unknown names no one's post.
func rowPost(ctx context.Context, db Reader, instansiID string, r Row) (func(model.Employee) bool, error) {
	none := func(model.Employee) bool { return false }
	if code := r.Get("position_code"); code != "" {
		p, err := db.PositionByCode(ctx, instansiID, code)
		if errors.Is(err, model.ErrNotFound) {
			return none, nil
		}
		if err != nil {
			return nil, err
		}
		return func(e model.Employee) bool { return e.PositionID == p.ID }, nil
	}
	unit, err := db.UnitByCode(ctx, instansiID, r.Get("unit_code"))
	if errors.Is(err, model.ErrNotFound) {
		return none, nil
	}
	if err != nil {
		return nil, err
	}
	name := strings.Join(strings.Fields(r.Get("position_name")), " ")
	if name == "" {
		return none, nil
	}
	return func(e model.Employee) bool { return e.UnitID == unit.ID && strings.EqualFold(e.PositionName, name) }, nil
}

// checkNIPChanges refuses a NIP change the rest of the file contradicts:
// a row with the old number too (which of the two is right is for the
// admin to say), or a second row changing the same record.
func checkNIPChanges(rows []Row, results []RowResult, plans []*plannedRow) {
	line := map[string]int{}
	for _, r := range rows {
		if nip := r.Get("nip"); nip != "" {
			if _, ok := line[nip]; !ok {
				line[nip] = r.Line
			}
		}
	}
	changed := map[string]*plannedRow{} // record → the row changing it
	for i, p := range plans {
		if p == nil || p.Employee.ID == "" {
			continue
		}
		var reason model.Message
		if first, ok := changed[p.Employee.ID]; ok && (p.OldNIP != "" || first.OldNIP != "") {
			reason = model.Msg("import.reject.nip.twice", p.Employee.Name, first.Row)
		} else if other, ok := line[p.OldNIP]; p.OldNIP != "" && ok {
			reason = model.Msg("import.reject.nip.oldinfile", p.OldNIP, other)
		}
		if reason.Key != "" {
			results[i] = RowResult{Row: p.Row, NIP: p.Employee.NIP, Name: p.Employee.Name, Action: ActionReject, Why: reason}
			plans[i] = nil
			continue
		}
		if _, ok := changed[p.Employee.ID]; !ok {
			changed[p.Employee.ID] = p
		}
	}
}
