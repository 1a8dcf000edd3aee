package app

import (
	"context"
	"sort"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
)

// An improvement plan is reviewed six months after the result was
// received (PP 30/2019 Pasal 57). One still open after its review day is
// terlambat: the board shows it first with the days it is late, and can
// show only those.

// overdueDays is how many days follow-up fu is past its review on day
// today: an improvement plan neither done nor cancelled whose review day
// has passed. 0 otherwise.
func overdueDays(today model.Date, fu model.FollowUp) int {
	if fu.Kind != model.FollowUpImprovement || fu.Status.Closed() || fu.ReviewDue == "" || today <= fu.ReviewDue {
		return 0
	}
	due, now := fu.ReviewDue.Time(), today.Time()
	if due.IsZero() || now.IsZero() {
		return 0
	}
	return int(now.Sub(due).Hours()/24 + 0.5)
}

// sortOverdueFirst orders follow-ups the most overdue first, keeping the
// order of the rest.
func sortOverdueFirst(list []FollowUpView) {
	sort.SliceStable(list, func(i, j int) bool { return list[i].Overdue > list[j].Overdue })
}

// FollowUpBoardQuery asks for a year's follow-up board, with only the
// overdue improvement plans among the open follow-ups when Overdue.
type FollowUpBoardQuery struct {
	Year    int
	Overdue bool
}

// FollowUpBoardOf is FollowUpBoard with the board's filter: OverdueCount
// tells how many open follow-ups are overdue whatever the filter.
func (a *App) FollowUpBoardOf(ctx context.Context, actor model.Actor, q FollowUpBoardQuery) (FollowUpBoard, int, error) {
	b, err := a.FollowUpBoard(ctx, actor, q.Year)
	if err != nil {
		return b, 0, err
	}
	var late []FollowUpView
	for _, fu := range b.Open {
		if fu.Overdue > 0 {
			late = append(late, fu)
		}
	}
	if q.Overdue {
		b.Open = late
	}
	return b, len(late), nil
}

// MayReadFollowUpBoard reports whether the actor reads the instansi's
// follow-up board: BKPSDM, leaders and auditors.
func (a *App) MayReadFollowUpBoard(actor model.Actor) bool {
	return authz.Can(actor, authz.CalibrateAssessments, authz.Target{InstansiID: actor.InstansiID}) ||
		authz.Can(actor, authz.ReadSKP, authz.Target{InstansiID: actor.InstansiID, EmployeeID: "-", OPDID: "-"})
}
