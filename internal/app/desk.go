package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Desk is a supervisor's day on one screen: the entries waiting for review,
// who has not reported, each person's progress on each RHK this month, and
// the latest feedback on the team's work.
type Desk struct {
	Today   model.Date
	Workday bool
	// Waiting is one page of the entries waiting for review, oldest first,
	// each with what the actor may do; WaitingCount counts them all, and
	// NextCursor continues after this page ("" on the last one).
	Waiting      []ProgressView
	WaitingCount int
	NextCursor   string
	People       []DeskPerson
	Feedback     []model.Feedback
	Names        map[string]string // employee id → name, for the lists
	// SKPs are the SKPs submitted to the actor that they may approve or
	// return now, oldest submission first (approval happens on the SKP's
	// page, where its RHK are read).
	SKPs []SKPItem
}

// DeskPerson is one member of the team on the desk.
type DeskPerson struct {
	Employee     model.Employee
	LastReported model.Date // "" when never
	NotToday     bool       // no entry for today (a working day)
	NotThisWeek  bool       // no entry since Monday
	RHK          []DeskRHK
}

// DeskRHK is a person's progress on one RHK this month.
type DeskRHK struct {
	RHK     model.RHK
	Entries int
	Minutes int
	Output  string // the summed output with the unit of the latest entry
}

// DeskQuery picks the page of waiting entries a desk shows: Limit entries
// (DeskPageSize when 0, at most 200) after the entry named by Cursor.
type DeskQuery struct {
	Cursor string
	Limit  int
}

// DeskPageSize is how many waiting entries a desk page shows by default.
const DeskPageSize = 50

// SupervisorDesk builds the desk of the actor's team. Someone who rates
// nobody has an empty desk, which still says whether today is a working
// day. The waiting entries come a page at a time, oldest first, with the
// count of all of them: none is out of reach, however many wait.
func (a *App) SupervisorDesk(ctx context.Context, actor model.Actor, q DeskQuery) (Desk, error) {
	d := Desk{Today: a.Today(ctx, actor.InstansiID), Names: map[string]string{}}
	today := d.Today.Time()
	// Whether today is a working day does not depend on having a team.
	d.Workday = model.IsWorkday(today, 5)
	if actor.EmployeeID == "" {
		// Nothing waits on the desk: no page gave a cursor.
		return d, cursorGiven(q.Cursor == "", "invalid.cursor.restart")
	}
	chart, units, err := a.org(ctx, actor.InstansiID)
	if err != nil {
		return d, err
	}
	team := append([]string{}, chart.Team(actor.EmployeeID)...)
	// Whoever left with entries waiting for the actor's review: their
	// entries wait on this desk, though they are no longer in the team.
	former, err := a.formerTeam(ctx, actor)
	if err != nil {
		return d, err
	}
	if len(team) == 0 && len(former) == 0 {
		return d, cursorGiven(q.Cursor == "", "invalid.cursor.restart")
	}
	for _, e := range former {
		d.Names[e.ID] = e.FullName()
	}
	people, err := a.store.EmployeesByID(ctx, team)
	if err != nil {
		return d, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DeskPageSize
	}
	limit = min(limit, 200)
	// Oldest first: the entries waiting longest come first.
	authors := slices.Clone(team)
	for _, e := range former {
		authors = append(authors, e.ID)
	}
	f := store.ProgressFilter{InstansiID: actor.InstansiID, EmployeeIDs: authors, Status: model.ProgressSubmitted,
		Oldest: true, Cursor: q.Cursor, Limit: limit + 1}
	waiting, err := a.store.ProgressList(ctx, f)
	if errors.Is(err, model.ErrNotFound) && q.Cursor != "" {
		return d, model.Invalid("cursor", "invalid.cursor.restart")
	}
	if err != nil {
		return d, err
	}
	if len(waiting) > limit {
		waiting = waiting[:limit]
		d.NextCursor = waiting[limit-1].ID
	}
	if d.WaitingCount, err = a.store.CountProgress(ctx, f); err != nil {
		return d, err
	}
	if d.Waiting, err = a.progressViews(ctx, actor, waiting); err != nil {
		return d, err
	}
	if len(team) == 0 {
		return d, nil
	}
	if d.SKPs, err = a.skpsToApprove(ctx, actor, chart, team); err != nil {
		return d, err
	}
	last, err := a.store.LastReported(ctx, team, d.Today)
	if err != nil {
		return d, err
	}
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	monthStart := model.Date(time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	// Every person's SKP of today, their RHK and their unit's working
	// week, each in one query for the whole team.
	skps, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: actor.InstansiID, EmployeeIDs: team, Year: today.Year()})
	if err != nil {
		return d, err
	}
	// Progress is recorded on the SKP of the definitive post, not on that
	// of a post held as Plt or Plh; an open one comes before one a
	// transfer closed (as skpInForceOn chooses).
	ofToday := map[string]model.SKP{} // employee → SKP of today
	for _, s := range skps {
		if s.Acting != "" || s.PeriodStart > d.Today || d.Today > s.PeriodEnd {
			continue
		}
		if cur, ok := ofToday[s.EmployeeID]; !ok || cur.Status == model.SKPClosed && s.Status != model.SKPClosed {
			ofToday[s.EmployeeID] = s
		}
	}
	current := map[string]string{} // employee → SKP of today
	var skpIDs []string
	var todays []model.SKP
	for id, s := range ofToday {
		current[id] = s.ID
		skpIDs = append(skpIDs, s.ID)
		todays = append(todays, s)
	}
	own, err := a.store.RHKOfSKPs(ctx, skpIDs)
	if err != nil {
		return d, err
	}
	// Only the RHK in force count: none of an SKP never approved, and
	// those of the last approved revision while a new one is drafted.
	rhkOf, err := a.rhkInForceOf(ctx, todays, own)
	if err != nil {
		return d, err
	}
	sixDays := map[string]bool{}
	for _, u := range units {
		sixDays[u.ID] = u.WorkDays == 6
	}
	var rhkIDs []string
	for _, id := range team {
		e, ok := people[id]
		if !ok {
			continue
		}
		d.Names[id] = e.FullName()
		p := DeskPerson{Employee: e, LastReported: last[id]}
		workDays := 5
		if sixDays[e.UnitID] {
			workDays = 6
		}
		p.NotToday = model.IsWorkday(today, workDays) && p.LastReported != d.Today
		p.NotThisWeek = p.LastReported < model.Date(monday.Format(time.DateOnly))
		for _, r := range rhkOf[current[id]] {
			p.RHK = append(p.RHK, DeskRHK{RHK: r})
			rhkIDs = append(rhkIDs, r.ID)
		}
		d.People = append(d.People, p)
	}
	totals, err := a.store.ProgressTotals(ctx, rhkIDs, monthStart, d.Today)
	if err != nil {
		return d, err
	}
	for i := range d.People {
		for j := range d.People[i].RHK {
			r := &d.People[i].RHK[j]
			t := totals[r.RHK.ID]
			r.Entries, r.Minutes = t.Entries, t.Minutes
			if t.Output > 0 {
				r.Output = model.FormatAmount(t.Output)
			}
		}
	}
	slices.SortFunc(d.People, func(x, y DeskPerson) int {
		if x.NotToday != y.NotToday {
			if x.NotToday {
				return -1
			}
			return 1
		}
		return strings.Compare(x.Employee.Name, y.Employee.Name)
	})
	if d.Feedback, err = a.store.RecentFeedback(ctx, team, 10); err != nil {
		return d, err
	}
	return d, nil
}

// formerTeam returns the people whose employment ended with progress
// entries still waiting for review, whom the actor rated on their last
// day of employment (or is above that rater in the line).
func (a *App) formerTeam(ctx context.Context, actor model.Actor) ([]model.Employee, error) {
	left, err := a.store.InactiveWithWaiting(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	var out []model.Employee
	for _, e := range left {
		ok, err := a.formerRater(ctx, actor, e)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, e)
		}
	}
	return out, nil
}

// IsRater reports whether the actor rates anyone (and so has a desk).
func (a *App) IsRater(ctx context.Context, actor model.Actor) bool {
	if actor.EmployeeID == "" {
		return false
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	return err == nil && chart.IsRater(actor.EmployeeID)
}

// skpsToApprove lists the submitted SKPs of team that the actor may
// approve or return now, oldest submission first.
func (a *App) skpsToApprove(ctx context.Context, actor model.Actor, chart *model.OrgChart, team []string) ([]SKPItem, error) {
	list, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: actor.InstansiID, EmployeeIDs: team, Status: model.SKPSubmitted})
	if err != nil {
		return nil, err
	}
	var out []SKPItem
	for _, s := range list {
		r, _ := ratersOf(chart, s)
		if can := skpRights(actor, s, r); can.Approve {
			out = append(out, SKPItem{SKP: s, Can: can})
		}
	}
	slices.SortStableFunc(out, func(x, y SKPItem) int { return x.SKP.SubmittedAt.Compare(y.SKP.SubmittedAt) })
	return out, nil
}
