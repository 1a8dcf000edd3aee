package app

import (
	"context"
	"fmt"

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
	// MySKP is the actor's SKP of the year that is not closed (of the
	// definitive post before one held as Plt or Plh).
	MySKP *model.SKP
	// Acting is every post the actor holds today as Plt or Plh, with its
	// SKP and desk (see ActingPosts).
	Acting []ActingPost
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
		if h.Acting, err = a.actingPosts(ctx, actor, chart, skps, today, h.YearOpen); err != nil {
			return h, err
		}
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

// ActingPost is a post the signed-in person holds today as Plt or Plh: what
// their home page says of it ("Plt. Kepala Dinas X sejak 2 Januari 2026",
// and until when when the end is set), the SKP of the post this year, and
// whether they rate anyone through it (their desk holds that post's
// staff). See docs/organisasi-plt-plh.md.
type ActingPost struct {
	PositionID string
	Title      string // "Plt. Kepala Dinas X", as documents name it
	Unit       string
	Kind       model.PlacementKind
	Start, End model.Date // the placement's; End "" while open-ended
	Text       model.Message
	// SKP is the post's SKP of the year that is not closed, if any.
	SKP *model.SKP
	// Staff counts the people the actor rates through the post today.
	Staff int
	Can   ActingPostRights
}

// ActingPostRights is what the actor may do with an acting post now.
type ActingPostRights struct {
	// CreateSKP: the year is open, the post has no open SKP and some of
	// the term is left this year (CreateSKPOn would start it).
	CreateSKP bool
	// Desk: they rate someone through the post, whose work waits on
	// their desk.
	Desk bool
}

// ActingPosts returns the posts the actor holds today as Plt or Plh (see
// ActingPost); none for an account without an employee.
func (a *App) ActingPosts(ctx context.Context, actor model.Actor) ([]ActingPost, error) {
	if actor.EmployeeID == "" {
		return nil, nil
	}
	today := a.Today(ctx, actor.InstansiID)
	_, open, err := a.store.YearOpen(ctx, actor.InstansiID, today.Time().Year())
	if err != nil {
		return nil, err
	}
	skps, err := a.SKPList(ctx, actor, actor.EmployeeID, today.Time().Year(), "")
	if err != nil {
		return nil, err
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	return a.actingPosts(ctx, actor, chart, skps, today, open)
}

// actingPosts builds ActingPosts from the SKPs the actor may read (their
// own of the year among them) and whether the year is open.
func (a *App) actingPosts(ctx context.Context, actor model.Actor, chart *model.OrgChart, skps []model.SKP, today model.Date, yearOpen bool) ([]ActingPost, error) {
	placements, err := a.store.Placements(ctx, actor.EmployeeID)
	if err != nil {
		return nil, err
	}
	year := today.Time().Year()
	last := model.Date(fmt.Sprintf("%d-12-31", year))
	var out []ActingPost
	for _, pl := range placements {
		if pl.Kind == model.PlacementDefinitif || pl.Start > today || (pl.End != "" && pl.End < today) {
			continue
		}
		p := ActingPost{PositionID: pl.PositionID, Title: model.ActingTitle(pl.Kind, pl.PositionName), Unit: pl.UnitName,
			Kind: pl.Kind, Start: pl.Start, End: pl.End}
		if pl.End != "" {
			p.Text = model.Msg("holder.acting.until", p.Title, model.DateLabel(pl.Start), model.DateLabel(pl.End))
		} else {
			p.Text = model.Msg("holder.acting", p.Title, model.DateLabel(pl.Start))
		}
		// The SKP of the post: the one not closed, else whether a closed
		// one covers the term to the end of the year already.
		from := max(pl.Start, model.Date(fmt.Sprintf("%d-01-01", year)))
		for i, s := range skps {
			if s.EmployeeID != actor.EmployeeID || s.Year != year || s.Acting == "" || s.PositionID != pl.PositionID {
				continue
			}
			if s.Status != model.SKPClosed {
				p.SKP = &skps[i]
			} else if s.PeriodEnd >= from {
				from = dayAfter(s.PeriodEnd)
			}
		}
		end := last
		if pl.End != "" {
			end = min(pl.End, last)
		}
		p.Can.CreateSKP = yearOpen && p.SKP == nil && from <= end
		for _, m := range chart.Team(actor.EmployeeID) {
			if through, _ := chart.RaterPostOn(m, ""); through == pl.PositionID {
				p.Staff++
			}
		}
		p.Can.Desk = p.Staff > 0
		out = append(out, p)
	}
	return out, nil
}
