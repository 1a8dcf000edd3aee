package app

import (
	"cmp"
	"context"
	"slices"

	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// What a file does to who rates whom. A preview applies the file in a
// transaction it rolls back (tryImport); before and after, it reads the
// org chart of the day the file's last move takes effect (today when all
// its TMT are past), and compares them person by person:
//
//   - a post that had a holder and has none afterwards is vacant: the
//     people rated through it are rated by the holder of the next post up
//     (model.OrgChart.RaterPostOn names the post a rater rates through);
//   - someone who has a pejabat penilai before and none afterwards, or a
//     newcomer who has none, is left without one;
//   - anyone else whose pejabat penilai changes is listed before → after,
//     among them the people the file moves (who leave a vacated post's
//     staff rather than stay under it);
//   - someone whose pejabat penilai stays while the atasan pejabat
//     penilai above them changes is listed with the atasan before → after.
//
// Each person is named once, in that order of groups, with what happens
// to their SKP of the year (docs/organisasi-pejabat-penilai.md): one
// waiting for approval goes to the new rater; an approved one keeps the
// rater who approved it on the document, and the new one carries on.
// A definitive holder placed on a post a Plt or Plh acts in is not a
// warning: importer.Plan refuses that row ("invalid.placement.acting.first").

// importBefore is what a tried import reads before its rows are written.
type importBefore struct {
	day     model.Date
	chart   *model.OrgChart
	existed map[string]bool // active employees before the file
}

// importDay is the day on which the file's consequences are read: today,
// or the latest TMT of a move in the file when that is later.
func importDay(today model.Date, plan []importer.Planned) model.Date {
	day := today
	for _, p := range plan {
		if p.Move && p.Start > day {
			day = p.Start
		}
	}
	return day
}

// readImportBefore reads the chart of day and who is employed, before the
// rows are written.
func readImportBefore(ctx context.Context, tx *store.Tx, instansiID string, day model.Date) (importBefore, error) {
	b := importBefore{day: day, existed: map[string]bool{}}
	var err error
	if b.chart, err = tx.OrgChart(ctx, instansiID, day); err != nil {
		return b, err
	}
	people, err := tx.ActivePeople(ctx, instansiID)
	if err != nil {
		return b, err
	}
	for _, e := range people {
		b.existed[e.ID] = true
	}
	return b, nil
}

// structural reports whether a post of kind k leads people, so that its
// vacancy is worth a warning even when nobody's rater changes by it.
func structural(k model.PositionKind) bool {
	switch k {
	case model.PositionJPTMadya, model.PositionJPTPratama, model.PositionAdministrator, model.PositionPengawas:
		return true
	}
	return false
}

// raterWarnings compares b with the chart after the rows of plan were
// written in tx.
func raterWarnings(ctx context.Context, tx *store.Tx, instansiID string, b importBefore, plan []importer.Planned) ([]importer.RaterWarning, error) {
	after, err := tx.OrgChart(ctx, instansiID, b.day)
	if err != nil {
		return nil, err
	}
	people, err := tx.ActivePeople(ctx, instansiID)
	if err != nil {
		return nil, err
	}
	positions, err := tx.Positions(ctx, instansiID, "")
	if err != nil {
		return nil, err
	}
	moved := map[string]bool{}
	for _, p := range plan {
		if p.Move && p.Employee.ID != "" {
			moved[p.Employee.ID] = true
		}
	}
	posByID := make(map[string]model.Position, len(positions))
	for _, p := range positions {
		posByID[p.ID] = p
	}
	names := make(map[string]string, len(people))
	for _, e := range people {
		names[e.ID] = e.Name
	}
	nameOf := func(id string) string {
		if id == "" {
			return ""
		}
		if n, ok := names[id]; ok {
			return n
		}
		n := id
		if e, err := tx.Employee(ctx, id); err == nil { // the kepala daerah has no NIP
			n = e.Name
		}
		names[id] = n
		return n
	}

	vacated := map[string][]importer.RaterChange{}
	var noRater, changed, upper []importer.RaterChange
	for _, e := range people {
		was, now := b.chart.Rater(e.ID), after.Rater(e.ID)
		newcomer := !b.existed[e.ID]
		if !newcomer && was == now && now != "" {
			// The pejabat penilai stays: the atasan above them may not.
			if up, upNow := b.chart.UpperRater(e.ID), after.UpperRater(e.ID); up != upNow {
				upper = append(upper, importer.RaterChange{EmployeeID: e.ID, NIP: e.NIP, Name: e.Name, Position: posByID[e.PositionID].Name,
					RaterBefore: nameOf(was), RaterAfter: nameOf(now), UpperBefore: nameOf(up), UpperAfter: nameOf(upNow), Moved: moved[e.ID]})
			}
			continue
		}
		if (!newcomer && was == now) || (newcomer && (now != "" || e.PositionID == "")) {
			continue
		}
		c := importer.RaterChange{EmployeeID: e.ID, NIP: e.NIP, Name: e.Name, Position: posByID[e.PositionID].Name,
			RaterBefore: nameOf(was), RaterAfter: nameOf(now), Moved: newcomer || moved[e.ID]}
		if through, _ := after.RaterPostOn(e.ID, ""); through != "" {
			c.RaterAfterPosition = posByID[through].Name
		}
		through, _ := b.chart.RaterPostOn(e.ID, "")
		switch {
		case now == "":
			noRater = append(noRater, c)
		case !c.Moved && through != "" && b.chart.Holder(through) != "" && after.Holder(through) == "":
			vacated[through] = append(vacated[through], c)
		default:
			changed = append(changed, c)
		}
	}
	if err := markSKPs(ctx, tx, instansiID, b.day, [][]importer.RaterChange{noRater, changed, upper}, vacated); err != nil {
		return nil, err
	}

	var out []importer.RaterWarning
	var posts []model.Position
	for _, p := range positions {
		if b.chart.Holder(p.ID) != "" && after.Holder(p.ID) == "" && (len(vacated[p.ID]) > 0 || structural(p.Kind)) {
			posts = append(posts, p)
		}
	}
	slices.SortFunc(posts, func(x, y model.Position) int { return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.ID, y.ID)) })
	unitNames := map[string]string{}
	if len(posts) > 0 {
		units, err := tx.Units(ctx, instansiID)
		if err != nil {
			return nil, err
		}
		for _, u := range units {
			unitNames[u.ID] = u.Name
		}
	}
	for _, p := range posts {
		unit := unitNames[p.UnitID]
		list := sortedChanges(vacated[p.ID])
		msg := model.Msg("import.warn.vacant", p.Name, unit, len(list))
		if len(list) == 0 {
			msg = model.Msg("import.warn.vacant.alone", p.Name, unit)
		}
		out = append(out, importer.RaterWarning{Kind: importer.WarnVacant, Position: p.Name, Unit: unit, Msg: msg, People: list})
	}
	if len(noRater) > 0 {
		out = append(out, importer.RaterWarning{Kind: importer.WarnNoRater, Msg: model.Msg("import.warn.norater", len(noRater)), People: sortedChanges(noRater)})
	}
	if len(changed) > 0 {
		out = append(out, importer.RaterWarning{Kind: importer.WarnRaterChanged, Msg: model.Msg("import.warn.raters", len(changed)), People: sortedChanges(changed)})
	}
	if len(upper) > 0 {
		out = append(out, importer.RaterWarning{Kind: importer.WarnUpperChanged, Msg: model.Msg("import.warn.upper", len(upper)), People: sortedChanges(upper)})
	}
	return out, nil
}

// markSKPs sets SKPWaiting and SKPInForce of the people listed, from
// their SKPs of day's year (read after the file's rows were written, so
// that the SKPs a transfer closes are not counted).
func markSKPs(ctx context.Context, tx *store.Tx, instansiID string, day model.Date, lists [][]importer.RaterChange, byPost map[string][]importer.RaterChange) error {
	for _, l := range byPost {
		lists = append(lists, l)
	}
	var ids []string
	for _, l := range lists {
		for _, c := range l {
			ids = append(ids, c.EmployeeID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	skps, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: instansiID, EmployeeIDs: ids, Year: day.Time().Year()})
	if err != nil {
		return err
	}
	waiting, inForce := map[string]bool{}, map[string]bool{}
	for _, s := range skps {
		if s.Acting != "" { // the SKP of an acting post is rated through that post
			continue
		}
		switch s.Status {
		case model.SKPApproved:
			inForce[s.EmployeeID] = true
		case model.SKPSubmitted, model.SKPDraft, model.SKPReturned:
			waiting[s.EmployeeID] = waiting[s.EmployeeID] || s.Status == model.SKPSubmitted
			// A revision after the first: the approved one before it
			// stays in force meanwhile (app.inForce).
			inForce[s.EmployeeID] = inForce[s.EmployeeID] || s.Revision > 1
		}
	}
	for _, l := range lists {
		for i := range l {
			l[i].SKPWaiting, l[i].SKPInForce = waiting[l[i].EmployeeID], inForce[l[i].EmployeeID]
		}
	}
	return nil
}

// sortedChanges orders people by name, then NIP.
func sortedChanges(l []importer.RaterChange) []importer.RaterChange {
	slices.SortFunc(l, func(x, y importer.RaterChange) int {
		return cmp.Or(cmp.Compare(x.Name, y.Name), cmp.Compare(x.NIP, y.NIP))
	})
	if l == nil {
		return []importer.RaterChange{}
	}
	return l
}
