package app

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// AssessmentEvent is one step of how a result was reached, as the
// employee reads it: who rated, moved, sent or decided, when, and the
// ratings and predikat after the step.
type AssessmentEvent struct {
	At            time.Time
	By            string
	Action        string // rate, finalize, acknowledge, move, decide
	HasilKerja    model.Rating
	PerilakuKerja model.Rating
	Predikat      model.Predikat
}

// assessmentSteps are the audited actions that make an assessment's
// history.
var assessmentSteps = []string{"rate", "finalize", "acknowledge", "move", "decide"}

// assessmentHistory reads the steps of an assessment from the audit log,
// oldest first, as actor may see them: the rated employee never reads the
// rater's draft ratings (a rating is theirs once sent, and the sending
// carries the values sent), nor any value while the result is not sent;
// calibration moves and decisions after the sending stay, with who made
// them.
func (a *App) assessmentHistory(ctx context.Context, actor model.Actor, as model.Assessment) ([]AssessmentEvent, error) {
	entries, err := a.store.AuditEntries(ctx, model.AuditFilter{InstansiID: as.InstansiID, EntityType: "assessment", EntityID: as.ID, Limit: 500})
	if err != nil {
		return nil, err
	}
	slices.Reverse(entries)
	drafts := ratingsSeen(actor, model.Assessment{EmployeeID: as.EmployeeID, Status: model.AssessmentRated})
	seen := ratingsSeen(actor, as)
	out := []AssessmentEvent{}
	for _, e := range entries {
		action, ok := strings.CutPrefix(e.Action, "assessment.")
		if !ok || !slices.Contains(assessmentSteps, action) {
			continue
		}
		if action == "rate" && !drafts {
			continue
		}
		var after model.Assessment
		_ = json.Unmarshal([]byte(e.After), &after)
		ev := AssessmentEvent{At: e.At, By: e.ActorName, Action: action, HasilKerja: after.HasilKerja,
			PerilakuKerja: after.PerilakuKerja, Predikat: after.Predikat}
		if !seen {
			ev.HasilKerja, ev.PerilakuKerja, ev.Predikat = "", "", ""
		}
		out = append(out, ev)
	}
	return out, nil
}

// assessmentYear lists the employee's assessments of the year of p, periodic and
// annual, on every SKP (a person transferred during the year has several),
// with their periods, oldest period first, each as actor may see it.
func (a *App) assessmentYear(ctx context.Context, actor model.Actor, as model.Assessment, p model.Period) ([]AssessmentItem, error) {
	list, err := a.store.Assessments(ctx, store.AssessmentFilter{InstansiID: as.InstansiID, Employees: []string{as.EmployeeID}})
	if err != nil {
		return nil, err
	}
	periods, err := a.store.Periods(ctx, as.InstansiID, p.Year)
	if err != nil {
		return nil, err
	}
	byID := map[string]model.Period{}
	for _, q := range periods {
		byID[q.ID] = q
	}
	var out []AssessmentItem
	for _, x := range list {
		q, ok := byID[x.PeriodID]
		if !ok || x.ID == as.ID {
			continue
		}
		out = append(out, AssessmentItem{Assessment: seenBy(actor, x), Period: q})
	}
	slices.SortFunc(out, func(x, y AssessmentItem) int {
		if c := strings.Compare(string(x.Period.Start), string(y.Period.Start)); c != 0 {
			return c
		}
		return strings.Compare(string(x.Period.Kind), string(y.Period.Kind))
	})
	return out, nil
}
