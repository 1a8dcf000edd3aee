package app

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Home is the beranda: the signed-in person's own work for the year and
// the day, who rates them and whom they rate, and for administrators the
// size of the instansi.
type Home struct {
	// Detail is the actor's own employee record; nil for an account
	// without one (a staff account).
	Detail *EmployeeDetail
	Team   []model.Employee
	Year   int
	// YearOpen tells whether the year has been opened, so an SKP can be
	// drafted for it.
	YearOpen bool
	// MySKP is the actor's SKP of the year that is not closed.
	MySKP *model.SKP
	// WaitingSKP counts the SKPs the actor may approve now, of every year:
	// the count the SKP page shows (waitingSKP).
	WaitingSKP int
	// ReportedToday counts the actor's progress entries of today;
	// WaitingProgress the team's entries waiting for the actor (a rater).
	ReportedToday   int
	WaitingProgress int
	// Admin is true for those who import employees or read the audit log:
	// they see how many employees and units the instansi has.
	Admin     bool
	Employees int
	Units     int
}

// Home returns the actor's beranda.
func (a *App) Home(ctx context.Context, actor model.Actor) (Home, error) {
	var h Home
	if actor.EmployeeID != "" {
		d, err := a.Employee(ctx, actor, actor.EmployeeID)
		if err != nil {
			return h, err
		}
		h.Detail = &d
		if h.Team, err = a.Team(ctx, actor); err != nil {
			return h, err
		}
		today := a.Today(ctx, actor.InstansiID)
		h.Year = today.Time().Year()
		if _, h.YearOpen, err = a.store.YearOpen(ctx, actor.InstansiID, h.Year); err != nil {
			return h, err
		}
		// Every year's SKP, as the SKP page the beranda links to counts
		// those waiting for the actor.
		skps, err := a.SKPList(ctx, actor, "", 0, "")
		if err != nil {
			return h, err
		}
		chart, err := a.OrgChart(ctx, actor.InstansiID)
		if err != nil {
			return h, err
		}
		h.WaitingSKP = waitingSKP(actor, chart, skps)
		for i, s := range skps {
			// Of the definitive post before one held as Plt or Plh.
			if s.EmployeeID == actor.EmployeeID && s.Year == h.Year && s.Status != model.SKPClosed && (h.MySKP == nil || s.Acting == "") {
				h.MySKP = &skps[i]
			}
		}
		// Counted, not listed: a count of a capped list stops at the cap.
		if h.ReportedToday, err = a.ProgressCount(ctx, actor, ProgressQuery{From: today, To: today}); err != nil {
			return h, err
		}
		// Raters, and whoever rated someone who left with entries waiting
		// (formerTeam): the home page leads them to the desk.
		if h.WaitingProgress, err = a.ProgressCount(ctx, actor, ProgressQuery{Team: true, Status: model.ProgressSubmitted}); err != nil {
			return h, err
		}
	}
	if m := a.Menu(actor); m.Import || m.Audit {
		h.Admin = true
		n, err := a.store.CountEmployees(ctx, actor.InstansiID)
		if err != nil {
			return h, err
		}
		units, err := a.Units(ctx, actor)
		if err != nil {
			return h, err
		}
		h.Employees, h.Units = n, len(units)
	}
	return h, nil
}
