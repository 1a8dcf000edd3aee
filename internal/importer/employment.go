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
// no record carries is compared with the active records: the same person
// has the same name (without gelar, case and punctuation aside) and the
// same birth date, which digits 1–8 of both a NIP and an NI PPPK give, or
// the same name in the same post (a correction of the birth date digits).
// One such record: the row changes its NIP (the old one kept in the NIP
// history). Several: the row is refused, naming them, rather than guessed.

// samePerson returns the active record a row with an unknown NIP is the
// same person as, nil when there is none, or the reason the row is
// refused: its NIP was replaced by another, or several records match.
func samePerson(ctx context.Context, db Reader, instansiID string, r Row, n model.NIP, nip, name string) (*model.Employee, model.Message, error) {
	if ch, err := db.NIPReplaced(ctx, instansiID, nip); err == nil {
		return nil, model.Msg("import.reject.nip.replaced", nip, ch.NewNIP), nil
	} else if !errors.Is(err, model.ErrNotFound) {
		return nil, model.Message{}, err
	}
	people, err := db.ActivePeople(ctx, instansiID)
	if err != nil {
		return nil, model.Message{}, err
	}
	bare, _, _ := splitName(name, r.Get("gelar_depan"), r.Get("gelar_belakang"), "", "")
	key := model.SamePersonName(bare)
	birth := model.Date(n.BirthDate.Format(time.DateOnly))
	inPost, err := rowPost(ctx, db, instansiID, r)
	if err != nil {
		return nil, model.Message{}, err
	}
	var found, strong []model.Employee
	for _, e := range people {
		if e.NIP == nip || model.SamePersonName(BareName(e.Name)) != key {
			continue
		}
		sameBirth, samePost := e.BirthDate == birth, inPost(e)
		if sameBirth || samePost {
			found = append(found, e)
		}
		if sameBirth && samePost {
			strong = append(strong, e)
		}
	}
	switch {
	case len(found) == 0:
		return nil, model.Message{}, nil
	case len(found) == 1:
		return &found[0], model.Message{}, nil
	case len(strong) == 1:
		return &strong[0], model.Message{}, nil
	}
	who := make([]string, len(found))
	for i, e := range found {
		who[i] = e.FullName() + " (" + e.NIP + ")"
	}
	return nil, model.Msg("import.reject.nip.ambiguous", nip, strings.Join(who, ", ")), nil
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
