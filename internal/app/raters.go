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
func ratersOf(chart *model.OrgChart, s model.SKP) (rater, upper string) {
	return chart.Rater(s.EmployeeID), chart.UpperRater(s.EmployeeID)
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
	var ids []string
	for _, i := range stale {
		r, u := ratersOf(chart, list[i])
		ids = append(ids, r, u)
	}
	people, err := a.store.EmployeesByID(ctx, ids)
	if err != nil {
		return err
	}
	updated := map[int]model.SKP{}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		for _, i := range stale {
			was := list[i]
			s := was
			r, u := ratersOf(chart, s)
			s.Rater, s.UpperRater = model.PersonSnapshot{}, model.PersonSnapshot{}
			if p, ok := people[r]; ok {
				s.Rater = model.SnapshotOf(p)
			}
			if p, ok := people[u]; ok {
				s.UpperRater = model.SnapshotOf(p)
			}
			changed, err := tx.SetSKPRaters(ctx, s, was)
			if err != nil {
				return err
			}
			if !changed {
				continue
			}
			updated[i] = s
			if s.Status != model.SKPSubmitted || s.Rater.EmployeeID == "" {
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
