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
// ratings and predikat after the step. A step that changed a sent result
// carries its cause: a calibration move its reason, a capaian change the
// capaian before and after with its basis (By is who set it), a
// keberatan decision the atasan's note.
type AssessmentEvent struct {
	At            time.Time
	By            string
	Action        string // rate, finalize, acknowledge, move, capaian, decide
	HasilKerja    model.Rating
	PerilakuKerja model.Rating
	Predikat      model.Predikat
	// From is the ratings and predikat before a step that changed them
	// (move, capaian, decide); zero otherwise.
	From model.RatingPair
	// Reason is why the result changed: a move's reason, the capaian's
	// basis, the decision's note; "" for the other steps.
	Reason string
	// FromCapaian and ToCapaian are the OPD's capaian before and after a
	// capaian step.
	FromCapaian, ToCapaian model.Capaian
}

// assessmentSteps are the audited actions that make an assessment's
// history: every write of an assessment's ratings or state but its
// opening (store.UpdateAssessment's actions).
var assessmentSteps = []string{"rate", "finalize", "acknowledge", "move", "capaian", "decide"}

// assessmentHistory reads the steps of an assessment from the audit log,
// oldest first, as actor may see them: the rated employee never reads the
// rater's draft ratings (a rating is theirs once sent, and the sending
// carries the values sent), nor any value while the result is not sent,
// nor a change of a draft (a capaian change before the sending);
// calibration moves, capaian changes and decisions after the sending
// stay, with who made them and why (moves are the result's changes after
// sending, matched to their steps by the moment, which one transaction
// gives both).
func (a *App) assessmentHistory(ctx context.Context, actor model.Actor, as model.Assessment, moves []model.AssessmentMove) ([]AssessmentEvent, error) {
	entries, err := a.store.AuditEntries(ctx, model.AuditFilter{InstansiID: as.InstansiID, EntityType: "assessment", EntityID: as.ID, Limit: 500})
	if err != nil {
		return nil, err
	}
	var decided *model.Objection
	if o, err := a.store.ObjectionOf(ctx, as.ID); err == nil && o.Status == model.ObjectionDecided {
		decided = &o
	} else if err != nil && !IsNotFound(err) {
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
		var before, after model.Assessment
		_ = json.Unmarshal([]byte(e.Before), &before)
		_ = json.Unmarshal([]byte(e.After), &after)
		if !drafts && (action == "rate" || (action == "capaian" && before.Status != model.AssessmentFinal)) {
			continue
		}
		ev := AssessmentEvent{At: e.At, By: e.ActorName, Action: action, HasilKerja: after.HasilKerja,
			PerilakuKerja: after.PerilakuKerja, Predikat: after.Predikat}
		switch action {
		case "move", "capaian", "decide":
			ev.From = model.RatingPair{HasilKerja: before.HasilKerja, PerilakuKerja: before.PerilakuKerja, Predikat: before.Predikat}
		}
		cause := map[string]model.MoveCause{"move": model.MoveCalibration, "capaian": model.MoveCapaian}[action]
		for _, m := range moves {
			if cause != "" && m.Cause == cause && m.MovedAt.Equal(e.At) {
				ev.Reason, ev.FromCapaian, ev.ToCapaian = m.Reason, m.FromCapaian, m.ToCapaian
			}
		}
		if action == "decide" && decided != nil {
			ev.Reason = decided.DecisionNote
		}
		if !seen {
			ev.HasilKerja, ev.PerilakuKerja, ev.Predikat, ev.From = "", "", "", model.RatingPair{}
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
