package app

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// ratersOf names who rates the work planned on s on the day chart was
// built for: its pejabat penilai and atasan pejabat penilai as the
// organisation stands that day (decision 3), whatever the SKP's snapshot
// says. Every act that belongs to a rater asks it (approving and
// returning an SKP, writing the ekspektasi, a dialogue, reviewing
// progress, the desk), so that they agree with the employee page; a
// transfer, a Plt or a substitute rater counts from its first day.
//
// The raters are those of the SKP's post: on the definitive post, the
// employee's (substitute raters apply); on a post held as Plt or Plh, or
// one left by a transfer, whoever rates that post today.
func ratersOf(chart *model.OrgChart, s model.SKP) (rater, upper string) {
	return chart.RaterOn(s.EmployeeID, s.PositionID), chart.UpperRaterOn(s.EmployeeID, s.PositionID)
}

// pendingApproval reports whether s is not yet approved: its raters then
// follow the organisation, and its snapshot is brought up to date when
// they change. An approved SKP keeps the snapshot it was approved with,
// and so does a closed one (decision 9).
func pendingApproval(s model.SKP) bool {
	switch s.Status {
	case model.SKPDraft, model.SKPSubmitted, model.SKPReturned:
		return true
	}
	return false
}

// orgSync is the actor in whose name Kinerja writes what the organisation
// changed by itself (a placement that starts or ends on a day).
func orgSync(instansiID string) model.Actor { return model.SystemActor(instansiID, "organisasi") }

// currentRaters brings the raters named on every SKP of list that waits
// for approval up to those of today, writing each change with its audit
// entry (who it was, who it is) in actor's name, and telling the new
// pejabat penilai of an SKP that waits for them. list is changed in place.
// It writes nothing when nothing changed, which is nearly always.
func (a *App) currentRaters(ctx context.Context, actor model.Actor, list []model.SKP) error {
	var stale []int
	var chart *model.OrgChart
	instansi := ""
	for i, s := range list {
		if !pendingApproval(s) {
			continue
		}
		if chart == nil {
			var err error
			if chart, err = a.OrgChart(ctx, s.InstansiID); err != nil {
				return err
			}
			instansi = s.InstansiID
		}
		if s.InstansiID != instansi {
			continue // lists never mix instansi
		}
		if r, u := ratersOf(chart, s); r != s.Rater.EmployeeID || u != s.UpperRater.EmployeeID {
			stale = append(stale, i)
		}
	}
	if len(stale) == 0 {
		return nil
	}
	// Named as they rate: a Plt with the post they act in.
	snapshots := map[int][2]model.PersonSnapshot{}
	for _, i := range stale {
		r, u, err := a.raterSnapshots(ctx, chart, list[i].EmployeeID, list[i].PositionID)
		if err != nil {
			return err
		}
		snapshots[i] = [2]model.PersonSnapshot{r, u}
	}
	updated := map[int]model.SKP{}
	err := a.store.Write(ctx, actor, func(tx *store.Tx) error {
		for _, i := range stale {
			was := list[i]
			s := was
			s.Rater, s.UpperRater = snapshots[i][0], snapshots[i][1]
			changed, err := tx.SetSKPRaters(ctx, s, was)
			if err != nil {
				return err
			}
			if !changed {
				continue
			}
			updated[i] = s
			// Only a new pejabat penilai is told: a change above them
			// (the atasan, or how they are named) hands them nothing.
			if s.Status != model.SKPSubmitted || s.Rater.EmployeeID == "" || s.Rater.EmployeeID == was.Rater.EmployeeID {
				continue
			}
			if err := tx.Emit(ctx, s.Rater.EmployeeID, "skp.submitted", map[string]any{"skp_id": s.ID, "status": s.Status,
				"employee_id": s.EmployeeID}); err != nil {
				return err
			}
			if err := tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.Rater.EmployeeID, Kind: "skp.raters",
				Args: []string{s.Employee.Name, fmt.Sprint(s.Year), was.Rater.Name}, Link: "/skp/" + s.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, s := range updated {
		list[i].Rater, list[i].UpperRater = s.Rater, s.UpperRater
	}
	return nil
}

// syncRaters brings the raters of every SKP of the instansi that waits for
// approval up to today's organisation, in the name of actor: called after
// an administrator changed the organisation, so that the change of hands
// is recorded as theirs.
func (a *App) syncRaters(ctx context.Context, actor model.Actor, instansiID string) error {
	var list []model.SKP
	for _, st := range []model.SKPStatus{model.SKPDraft, model.SKPSubmitted, model.SKPReturned} {
		l, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: instansiID, Status: st})
		if err != nil {
			return err
		}
		list = append(list, l...)
	}
	return a.currentRaters(ctx, actor, list)
}

// SyncRaters brings the raters of the SKPs waiting for approval in every
// instansi up to the organisation of today, in the system's name, and
// answers how many instansi it went through. Run periodically, it hands
// the SKPs to whoever rates them on the day a placement, an end or a
// substitute recorded ahead of time starts, and tells the new pejabat
// penilai that day (docs/organisasi-pejabat-penilai.md); nothing is
// announced ahead of time, since until then the SKP is not theirs.
func (a *App) SyncRaters(ctx context.Context) (int, error) {
	list, err := a.store.AllInstansi(ctx)
	if err != nil {
		return 0, err
	}
	for i, in := range list {
		if err := a.syncRaters(ctx, orgSync(in.ID), in.ID); err != nil {
			return i, fmt.Errorf("raters of instansi %s: %w", in.ID, err)
		}
	}
	return len(list), nil
}

// raterToday is the employee who rates s today (see ratersOf).
func (a *App) raterToday(ctx context.Context, s model.SKP) (string, error) {
	chart, err := a.OrgChart(ctx, s.InstansiID)
	if err != nil {
		return "", err
	}
	r, _ := ratersOf(chart, s)
	return r, nil
}

// orgChanged follows a change an administrator made to the organisation:
// the SKPs waiting for approval that change hands name their new raters
// at once, in the administrator's name. The change itself is written
// already; should this fail, the next read of each SKP does it.
func (a *App) orgChanged(ctx context.Context, actor model.Actor, instansiID string) {
	if err := a.syncRaters(ctx, actor, instansiID); err != nil {
		a.log.Error("bring SKP raters up to date", "instansi", instansiID, "err", err)
	}
}

// orgWrite is store.Write for a change of the organisation in instansiID:
// once it is written, the SKPs it hands to other raters follow
// (orgChanged).
func (a *App) orgWrite(ctx context.Context, actor model.Actor, instansiID string, fn func(tx *store.Tx) error) error {
	if err := a.store.Write(ctx, actor, fn); err != nil {
		return err
	}
	a.orgChanged(ctx, actor, instansiID)
	return nil
}

// lastDayOf returns the last day of employment of someone whose
// employment ended (the day before the TMT of the end in force), and
// false for anyone still employed or merged into another record.
func (a *App) lastDayOf(ctx context.Context, e model.Employee) (model.Date, bool, error) {
	if e.Active {
		return "", false, nil
	}
	ends, err := a.store.EmploymentEnds(ctx, e.ID)
	if err != nil {
		return "", false, err
	}
	end := endInForce(e, ends)
	if end == nil {
		return "", false, nil
	}
	return model.Date(end.Date.Time().AddDate(0, 0, -1).Format("2006-01-02")), true, nil
}

// reviewers names the org chart that says who reviews a progress entry:
// today's for an author still employed (mayReview: the author's pejabat
// penilai today or above); for an author whose employment ended, the
// chart of the entry's date, or of their last day of employment when the
// entry is dated later (recorded before a back-dated end was). The work
// someone left waiting is reviewed by whoever rated it, not dropped
// because its author is no longer in today's chart. One value serves one
// request and builds each chart once.
type reviewers struct {
	a       *App
	today   *model.OrgChart
	lastDay map[string]model.Date // ended author → last day of employment
	charts  map[model.Date]*model.OrgChart
}

// reviewersOf prepares the charts for the entries of authors.
func (a *App) reviewersOf(ctx context.Context, today *model.OrgChart, authors map[string]model.Employee) (*reviewers, error) {
	r := &reviewers{a: a, today: today, lastDay: map[string]model.Date{}, charts: map[model.Date]*model.OrgChart{}}
	for id, e := range authors {
		last, ok, err := a.lastDayOf(ctx, e)
		if err != nil {
			return nil, err
		}
		if ok {
			r.lastDay[id] = last
		}
	}
	return r, nil
}

// chartOf returns the chart that names who reviews p.
func (r *reviewers) chartOf(ctx context.Context, p model.Progress) (*model.OrgChart, error) {
	last, ended := r.lastDay[p.EmployeeID]
	if !ended {
		return r.today, nil
	}
	day := min(p.WorkDate, last)
	if c, ok := r.charts[day]; ok {
		return c, nil
	}
	c, err := r.a.store.PastOrgChart(ctx, p.InstansiID, day)
	if err != nil {
		return nil, fmt.Errorf("org chart of %s: %w", day, err)
	}
	r.charts[day] = c
	return c, nil
}

// reviewChart is the chart that names who reviews one entry (reviewers).
func (a *App) reviewChart(ctx context.Context, p model.Progress) (*model.OrgChart, error) {
	today, err := a.OrgChart(ctx, p.InstansiID)
	if err != nil {
		return nil, err
	}
	author, err := a.store.Employee(ctx, p.EmployeeID)
	if err != nil {
		return nil, err
	}
	r, err := a.reviewersOf(ctx, today, map[string]model.Employee{author.ID: author})
	if err != nil {
		return nil, err
	}
	return r.chartOf(ctx, p)
}

// formerRater reports whether actor rated, on their last day of
// employment, someone whose employment ended, or is above that rater in
// the line: they keep reading the work they rated, and the desk keeps
// the entries left waiting for them.
func (a *App) formerRater(ctx context.Context, actor model.Actor, e model.Employee) (bool, error) {
	if actor.EmployeeID == "" || actor.EmployeeID == e.ID {
		return false, nil
	}
	last, ok, err := a.lastDayOf(ctx, e)
	if err != nil || !ok {
		return false, err
	}
	chart, err := a.store.PastOrgChart(ctx, e.InstansiID, last)
	if err != nil {
		return false, err
	}
	return chart.InLine(actor.EmployeeID, e.ID), nil
}
