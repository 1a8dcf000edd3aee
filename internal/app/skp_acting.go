package app

import (
	"context"
	"fmt"
	"slices"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// An employee placed as Plt or Plh does the acting post's work: they plan
// its results in an SKP of its own, beside the SKP of their definitive
// post, from the start of the placement to its end (or the end of the
// year), rated by whoever rates the acting post. BKN e-Kinerja keeps such
// an SKP apart too (its reports carry is_plt_plh); see
// docs/organisasi-plt-plh.md.

// SKPPost is a position an employee may plan an SKP for in a year: their
// definitive position, or a post they act in as Plt or Plh, with the part
// of the year they hold it.
type SKPPost struct {
	PositionID string
	Title      string // as documents name it: "Plt. Kepala SD Negeri 05"
	Unit       string
	Acting     model.PlacementKind // "" for the definitive position
	// Start and End are the period a new SKP of the post would cover,
	// within the year: from the day after the post's last closed SKP (a
	// transfer, or an ended placement that came back). When closed SKPs
	// cover the post to its end (Over), they are the days it is held in
	// the year: Start is never after End.
	Start, End model.Date
	// Over is set when the post's SKPs, closed, cover it to its end:
	// nothing is left to plan.
	Over bool
	// Open is the SKP of the post that is not closed, if any: a post has
	// one open SKP at a time.
	Open *model.SKP
	Can  SKPPostRights // filled by SKPPosts
}

// SKPPostRights is what the actor may do with a post now.
type SKPPostRights struct {
	Create bool // start its SKP (CreateSKPOn): the year is open and the post has no open SKP
}

// Plannable reports whether a new SKP may be started for the post: it has
// no open SKP and some of its period is left.
func (p SKPPost) Plannable() bool { return p.Open == nil && !p.Over }

// skpPosts returns the posts e may plan for year: the definitive position
// first, then each Plt or Plh placement in force during the year (the
// latest one when a post was held twice), with the SKP of the year open
// on each.
func (a *App) skpPosts(ctx context.Context, e model.Employee, year int, skps []model.SKP) ([]SKPPost, error) {
	first, last := model.Date(fmt.Sprintf("%d-01-01", year)), model.Date(fmt.Sprintf("%d-12-31", year))
	var out []SKPPost
	if e.PositionID != "" {
		out = append(out, SKPPost{PositionID: e.PositionID, Title: e.PositionName, Unit: e.UnitName, Start: first, End: last})
	}
	placements, err := a.store.Placements(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, pl := range placements { // newest first
		if pl.Kind == model.PlacementDefinitif || pl.Start > last || (pl.End != "" && pl.End < first) || seen[pl.PositionID] {
			continue
		}
		seen[pl.PositionID] = true
		p := SKPPost{PositionID: pl.PositionID, Title: model.ActingTitle(pl.Kind, pl.PositionName), Unit: pl.UnitName,
			Acting: pl.Kind, Start: max(pl.Start, first), End: last}
		if pl.End != "" {
			p.End = min(pl.End, last)
		}
		out = append(out, p)
	}
	for i := range out {
		held := out[i].Start
		for j := range skps {
			switch {
			case !out[i].holds(skps[j]):
			case skps[j].Status != model.SKPClosed:
				out[i].Open = &skps[j]
			case skps[j].PeriodEnd >= out[i].Start:
				out[i].Start = dayAfter(skps[j].PeriodEnd)
			}
		}
		if out[i].Start > out[i].End {
			out[i].Start, out[i].Over = held, true
		}
	}
	return out, nil
}

// holds reports whether s is an SKP of the post: of the definitive
// position (whichever it was: a transfer closes the old one), or of the
// same acting post.
func (p SKPPost) holds(s model.SKP) bool {
	if p.Acting == "" {
		return s.Acting == ""
	}
	return s.Acting != "" && s.PositionID == p.PositionID
}

// SKPPosts returns the posts an employee may plan an SKP for in year, with
// what the actor may do with each, to the employee and to those who may
// start an SKP for them.
func (a *App) SKPPosts(ctx context.Context, actor model.Actor, employeeID string, year int) ([]SKPPost, error) {
	e, err := a.skpPlanner(ctx, actor, employeeID)
	if err != nil {
		return nil, err
	}
	_, open, err := a.store.YearOpen(ctx, e.InstansiID, year)
	if err != nil {
		return nil, err
	}
	skps, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}, Year: year})
	if err != nil {
		return nil, err
	}
	posts, err := a.skpPosts(ctx, e, year, skps)
	for i := range posts {
		posts[i].Can.Create = open && posts[i].Plannable()
	}
	return posts, err
}

// ownPosts is skpPosts for the actor's own SKP list (mine, every year).
func (a *App) ownPosts(ctx context.Context, actor model.Actor, year int, mine []SKPItem) ([]SKPPost, error) {
	e, err := a.store.Employee(ctx, actor.EmployeeID)
	if err != nil {
		return nil, err
	}
	var skps []model.SKP
	for _, it := range mine {
		if it.SKP.Year == year {
			skps = append(skps, it.SKP)
		}
	}
	return a.skpPosts(ctx, e, year, skps)
}

// skpPlanner loads the employee whose SKP actor starts: themselves, or
// anyone for a BKPSDM admin.
func (a *App) skpPlanner(ctx context.Context, actor model.Actor, employeeID string) (model.Employee, error) {
	e, err := a.store.Employee(ctx, employeeID)
	if err != nil || e.InstansiID != actor.InstansiID {
		return model.Employee{}, fmt.Errorf("employee %s: %w", employeeID, model.ErrNotFound)
	}
	if actor.EmployeeID != employeeID && !authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: e.InstansiID}) {
		return model.Employee{}, forbidden("create another employee's SKP")
	}
	return e, nil
}

// CreateSKPOn starts the draft SKP of an employee for a year on one post:
// their definitive position (positionID empty or that position), or a
// post they act in as Plt or Plh that year. It holds snapshots of the
// employee on that post and of whoever rates it, as they are today, and
// the seven core values. An employee has one open SKP per year and post;
// the SKP of an acting post runs from the start of the placement to its
// end within the year. The employee does it, or a BKPSDM admin for them.
func (a *App) CreateSKPOn(ctx context.Context, actor model.Actor, employeeID, positionID string, year int, approach model.Approach) (model.SKP, error) {
	e, err := a.skpPlanner(ctx, actor, employeeID)
	if err != nil {
		return model.SKP{}, err
	}
	if err := a.refuseClosed(ctx, e); err != nil {
		return model.SKP{}, err
	}
	var v model.ValidationError
	if approach != model.ApproachKuantitatif && approach != model.ApproachKualitatif {
		v.Add("approach", "invalid.skp.approach")
	}
	if e.PositionID == "" && positionID == "" {
		v.Add("employee_id", "invalid.field.employee.noposition")
	}
	if e.Status == model.StatusPejabatNegara {
		v.Add("employee_id", "invalid.skp.pejabat.negara")
	}
	if _, open, err := a.store.YearOpen(ctx, e.InstansiID, year); err != nil {
		return model.SKP{}, err
	} else if !open {
		v.Add("year", "invalid.skp.year.closed", year)
	}
	if err := v.Err(); err != nil {
		return model.SKP{}, err
	}
	existing, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}, Year: year})
	if err != nil {
		return model.SKP{}, err
	}
	posts, err := a.skpPosts(ctx, e, year, existing)
	if err != nil {
		return model.SKP{}, err
	}
	if positionID == "" {
		positionID = e.PositionID
	}
	i := slices.IndexFunc(posts, func(p SKPPost) bool { return p.PositionID == positionID })
	if i < 0 {
		return model.SKP{}, model.Invalid("position_id", "invalid.skp.position")
	}
	post := posts[i]
	if post.Open != nil {
		// A conflict that says why: the SKP to open instead.
		return model.SKP{}, &model.StateError{Message: model.Msg("conflict.skp.exists", year, post.Title), Err: model.ErrConflict}
	}
	if !post.Plannable() { // its period is over: the placement ended and its SKP was closed
		return model.SKP{}, model.Invalid("position_id", "invalid.skp.position")
	}
	s := model.SKP{InstansiID: e.InstansiID, EmployeeID: e.ID, Year: year, Approach: approach, Format: model.FormatFor(e.PositionKind),
		PeriodStart: post.Start, PeriodEnd: post.End, Acting: post.Acting, Employee: model.SnapshotOf(e),
		Lampiran: model.Lampiran{DukunganSumberDaya: []string{}, SkemaPertanggungjawaban: []string{}, Konsekuensi: []string{}}}
	if post.Acting != "" {
		pos, err := a.store.Position(ctx, post.PositionID)
		if err != nil {
			return model.SKP{}, err
		}
		s.Format = model.FormatFor(pos.Kind)
		s.Employee.Position, s.Employee.Unit = post.Title, post.Unit
	}
	chart, err := a.OrgChart(ctx, e.InstansiID)
	if err != nil {
		return model.SKP{}, err
	}
	if s.Rater, s.UpperRater, err = a.raterSnapshots(ctx, chart, e.ID, post.PositionID); err != nil {
		return model.SKP{}, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		s, err = tx.CreateSKP(ctx, s, post.PositionID)
		return err
	})
	return s, err
}

// raterSnapshots records the pejabat penilai and the atasan pejabat
// penilai of employeeID's work on positionID as they are today, each with
// the post through which they rate: a Plt or Plh who rates through the
// post they act in is named with it ("Plt. Kepala SD Negeri 05"), not
// with their own.
func (a *App) raterSnapshots(ctx context.Context, chart *model.OrgChart, employeeID, positionID string) (rater, upper model.PersonSnapshot, err error) {
	r, up := chart.RaterOn(employeeID, positionID), chart.UpperRaterOn(employeeID, positionID)
	people, err := a.store.EmployeesByID(ctx, []string{r, up})
	if err != nil {
		return rater, upper, err
	}
	through, kind := chart.RaterPostOn(employeeID, positionID)
	if p, ok := people[r]; ok {
		if rater, err = a.snapshotOnPost(ctx, p, through, kind); err != nil {
			return rater, upper, err
		}
	}
	if p, ok := people[up]; ok {
		upThrough, upKind := "", model.PlacementKind("")
		if up != r && through != "" {
			upThrough, upKind = chart.RaterPostOn(r, through)
		}
		if upper, err = a.snapshotOnPost(ctx, p, upThrough, upKind); err != nil {
			return rater, upper, err
		}
	}
	return rater, upper, nil
}

// snapshotOnPost records e as they are today, named with post when they
// hold it as Plt or Plh.
func (a *App) snapshotOnPost(ctx context.Context, e model.Employee, post string, kind model.PlacementKind) (model.PersonSnapshot, error) {
	snap := model.SnapshotOf(e)
	if kind != model.PlacementPlt && kind != model.PlacementPlh {
		return snap, nil
	}
	placements, err := a.store.Placements(ctx, e.ID)
	if err != nil {
		return snap, err
	}
	for _, pl := range placements {
		if pl.PositionID == post && pl.Kind == kind {
			snap.Position, snap.Unit = model.ActingTitle(kind, pl.PositionName), pl.UnitName
			break
		}
	}
	return snap, nil
}

// ApplyEndedPlacements carries out, in every instansi, the ends of
// placements recorded ahead of time whose day has passed: the SKP of each
// Plt or Plh post closes (until then it runs, planned, submitted and
// filled in, as any open SKP), and an employee whose definitive placement
// ended no longer holds that position. Run periodically; it answers how
// many placements and employees it changed.
func (a *App) ApplyEndedPlacements(ctx context.Context) (int, error) {
	list, err := a.store.AllInstansi(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, in := range list {
		today := a.Today(ctx, in.ID)
		ended, err := a.store.ActingEndedBefore(ctx, in.ID, today)
		if err != nil {
			return n, fmt.Errorf("acting SKPs of instansi %s: %w", in.ID, err)
		}
		err = a.store.Write(ctx, orgSync(in.ID), func(tx *store.Tx) error {
			left, err := tx.LeaveEndedPositions(ctx, in.ID, today)
			if err != nil {
				return err
			}
			n += int(left)
			for _, pl := range ended {
				e, err := tx.Employee(ctx, pl.EmployeeID)
				if err != nil {
					return err
				}
				if err := closeActingSKPs(ctx, tx, e, pl, pl.End); err != nil {
					return err
				}
			}
			n += len(ended)
			return nil
		})
		if err != nil {
			return n, fmt.Errorf("ended placements of instansi %s: %w", in.ID, err)
		}
	}
	return n, nil
}

// closeActingSKPs ends, on the last day of a Plt or Plh placement, the
// open SKP of that post: it takes realisasi up to that day, as an SKP a
// transfer closes does, and the employee is told.
func closeActingSKPs(ctx context.Context, tx *store.Tx, e model.Employee, pl model.Placement, end model.Date) error {
	list, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}})
	if err != nil {
		return err
	}
	for _, s := range list {
		if s.Acting == "" || s.PositionID != pl.PositionID || s.Status == model.SKPClosed || s.PeriodStart > end || s.PeriodEnd < pl.Start {
			continue
		}
		next, err := model.NextSKPStatus(s.Status, model.ActClose)
		if err != nil {
			continue
		}
		s.Status = next
		s.PeriodEnd = min(s.PeriodEnd, end)
		if err := tx.SetSKPStatus(ctx, s.Version, s, model.ActClose); err != nil {
			return err
		}
		if err := tx.Notify(ctx, model.Notification{InstansiID: e.InstansiID, EmployeeID: e.ID, Kind: "skp.close.acting",
			Args: []string{fmt.Sprint(s.Year), string(end), s.Employee.Position}, Link: "/skp/" + s.ID}); err != nil {
			return err
		}
	}
	return nil
}

// skpInForceAmong returns the SKP of an employee in force on date, with
// the revision of it in force: among the SKPs whose period covers the
// date (an open one before one a transfer closed), the one on the
// nearest of posts (positions, nearest first); failing that, the SKP of
// their definitive position before one of a post they act in. ok is false
// when the employee has no SKP for that date.
func (a *App) skpInForceAmong(ctx context.Context, instansiID, employeeID string, date model.Date, posts []string) (skpInForce, bool, error) {
	list, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: instansiID, EmployeeIDs: []string{employeeID}, Year: date.Time().Year()})
	if err != nil {
		return skpInForce{}, false, err
	}
	rank := func(s model.SKP) int { // lower is better
		r := len(posts) * 4
		if i := slices.Index(posts, s.PositionID); i >= 0 && s.PositionID != "" {
			r = i * 4
		}
		if s.Acting != "" {
			r += 2
		}
		if s.Status == model.SKPClosed {
			r++
		}
		return r
	}
	var found *model.SKP
	for i, s := range list {
		if s.PeriodStart <= date && date <= s.PeriodEnd && (found == nil || rank(s) < rank(*found)) {
			found = &list[i]
		}
	}
	if found == nil {
		return skpInForce{}, false, nil
	}
	full, err := a.store.SKP(ctx, found.ID)
	if err != nil {
		return skpInForce{}, false, err
	}
	f, err := a.inForce(ctx, full)
	return f, err == nil, err
}

// raterSKPFor returns the SKP of s's pejabat penilai whose RHK s
// intervenes, in force on date: the rater's SKP on the position nearest
// above s's (for the staff of a post someone acts in, the SKP of that
// acting post, not their own definitive one), else their definitive SKP.
//
// When the pejabat penilai rates s's post as its Plt or Plh, only their
// SKP of that post counts: without one, ok is false (the staff wait for
// it), never their home post's SKP, whose results are not the acting
// post's (docs/organisasi-plt-plh.md).
func (a *App) raterSKPFor(ctx context.Context, s model.SKP, date model.Date) (skpInForce, bool, error) {
	var above []string
	acting := ""
	if s.PositionID != "" {
		chart, err := a.OrgChart(ctx, s.InstansiID)
		if err != nil {
			return skpInForce{}, false, err
		}
		above = chart.Superiors(s.PositionID)
		if chart.RaterOn(s.EmployeeID, s.PositionID) == s.Rater.EmployeeID {
			if through, kind := chart.RaterPostOn(s.EmployeeID, s.PositionID); kind == model.PlacementPlt || kind == model.PlacementPlh {
				acting, above = through, []string{through}
			}
		}
	}
	f, ok, err := a.skpInForceAmong(ctx, s.InstansiID, s.Rater.EmployeeID, date, above)
	if err != nil || !ok || acting == "" || f.SKP.PositionID == acting {
		return f, ok, err
	}
	return skpInForce{}, false, nil
}
