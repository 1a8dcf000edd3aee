package app

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Tindak lanjut of a final annual result (decision 11): angka kredit for
// functional positions, computed from the predikat by the assessment's
// rules; an improvement plan reviewed six months on for Butuh Perbaikan
// and below; recommendations (training, reward, sanction). The pejabat
// penilai of the day and BKPSDM write them; BKPSDM tracks them to the end.

// creditOf is the angka kredit a final annual assessment earns, nil when
// it earns none: not annual, not final, or not on a functional post with
// a koefisien. The months are those of the year the SKP covered, rounded
// to whole months.
func (a *App) creditOf(ctx context.Context, as model.Assessment, p model.Period, s model.SKP) (*model.CreditAward, error) {
	if p.Kind != model.PeriodAnnual || as.Status != model.AssessmentFinal || as.Predikat == "" || s.PositionID == "" {
		return nil, nil
	}
	pos, err := a.store.Position(ctx, s.PositionID)
	if err != nil {
		return nil, err
	}
	return creditFor(as, p, s, pos)
}

// creditFor is creditOf with the SKP's position at hand.
func creditFor(as model.Assessment, p model.Period, s model.SKP, pos model.Position) (*model.CreditAward, error) {
	if p.Kind != model.PeriodAnnual || as.Status != model.AssessmentFinal || as.Predikat == "" || s.PositionID == "" {
		return nil, nil
	}
	rules, err := model.RulesOf(as.Regime)
	if err != nil {
		return nil, err
	}
	k, ok := rules.Koefisien(pos.Jenjang)
	if pos.Kind != model.PositionFungsional || !ok {
		return nil, nil
	}
	months := int(math.Round(monthsBetween(maxDate(s.PeriodStart, p.Start), minDate(s.PeriodEnd, p.End))))
	months = min(max(months, 1), 12)
	value, ok := rules.AngkaKredit(as.Predikat, pos.Jenjang, months)
	if !ok {
		return nil, nil
	}
	return &model.CreditAward{Jenjang: pos.Jenjang, Months: months, Percent: rules.CreditPercent(as.Predikat), Koefisien: k, Value: value}, nil
}

// FollowUpView is a follow-up with what the actor may do with it.
type FollowUpView struct {
	model.FollowUp
	Can FollowUpRights
	// Overdue is how many days an improvement plan still open is past its
	// review, on the instansi's clock (terlambat); 0 when it is not.
	Overdue int
}

// FollowUpRights are what the actor may do with a follow-up now.
type FollowUpRights struct {
	Progress bool // start it, record it done with its outcome, or cancel it
	// Moves are the statuses it may be moved to now, when Progress: the
	// statuses ProgressFollowUp takes from its status.
	Moves []model.FollowUpStatus
}

// followUpRights is what the actor may do with fu, may being whether they
// write the assessment's follow-ups.
func followUpRights(may bool, fu model.FollowUp) FollowUpRights {
	r := FollowUpRights{Progress: may && !fu.Status.Closed()}
	if r.Progress {
		r.Moves = followUpMoves[fu.Status]
	}
	return r
}

// mayWriteFollowUp is the rule for writing the follow-ups of an
// assessment: its pejabat penilai of the day or BKPSDM, once the annual
// result is final.
func mayWriteFollowUp(actor model.Actor, f assessmentFacts) error {
	rater := actor.EmployeeID != "" && actor.EmployeeID == f.Rater && actor.EmployeeID != f.A.EmployeeID
	if !rater && !authz.Can(actor, authz.CalibrateAssessments, authz.Target{InstansiID: f.A.InstansiID}) {
		return forbidden("write the follow-ups of an assessment")
	}
	if f.Period.Kind != model.PeriodAnnual || f.A.Status != model.AssessmentFinal {
		return model.Refused("conflict.followup.notfinal")
	}
	return nil
}

// FollowUpInput is a new follow-up: its kind, title and plan, and for an
// improvement plan its review date ("" for the default).
type FollowUpInput struct {
	Kind      model.FollowUpKind
	Title     string
	Plan      string
	ReviewDue model.Date
}

// CreateFollowUp records a follow-up of a final annual result. An
// improvement plan is for Butuh Perbaikan and below and is reviewed six
// months after the day it is recorded, in the instansi's calendar
// (model.ImprovementReview), or on an earlier day its writer chooses
// (model.ImprovementReviewAllowed); other kinds have no review date. A
// result has one improvement plan (model.ImprovementPlanOf): a second is
// refused while the first is not cancelled.
func (a *App) CreateFollowUp(ctx context.Context, actor model.Actor, assessmentID string, in FollowUpInput) (FollowUpView, error) {
	f, err := a.assessmentFacts(ctx, actor, assessmentID)
	if err != nil {
		return FollowUpView{}, err
	}
	if err := mayWriteFollowUp(actor, f); err != nil {
		return FollowUpView{}, err
	}
	var v model.ValidationError
	in.Title, in.Plan = strings.TrimSpace(in.Title), strings.TrimSpace(in.Plan)
	switch {
	case !in.Kind.Valid():
		v.Add("kind", "invalid.followup.kind")
	case in.Kind == model.FollowUpImprovement && !model.NeedsImprovementPlan(f.A.Predikat):
		v.Add("kind", "invalid.followup.improvement", f.A.Predikat.Label())
	case in.Kind == model.FollowUpReward && !model.FollowUpAllowed(in.Kind, f.A.Predikat):
		v.Add("kind", "invalid.followup.reward", f.A.Predikat.Label())
	case in.Kind == model.FollowUpSanction && !model.FollowUpAllowed(in.Kind, f.A.Predikat):
		v.Add("kind", "invalid.followup.sanction", f.A.Predikat.Label())
	}
	if in.Title == "" || utf8.RuneCountInString(in.Title) > model.FollowUpTitleMax {
		v.Add("title", "invalid.followup.title", model.FollowUpTitleMax)
	}
	if utf8.RuneCountInString(in.Plan) > model.FollowUpTextMax {
		v.Add("plan", "invalid.followup.text", model.FollowUpTextMax)
	}
	today := a.TimeZone(ctx, f.A.InstansiID).Today(a.now())
	in.ReviewDue = model.Date(strings.TrimSpace(string(in.ReviewDue)))
	switch {
	case in.ReviewDue == "":
	case in.Kind != model.FollowUpImprovement:
		v.Add("review_due", "invalid.followup.review.kind")
	case !model.ImprovementReviewAllowed(today, in.ReviewDue):
		v.Add("review_due", "invalid.followup.review", model.DateLabel(today), model.DateLabel(model.ImprovementReview(today)))
	}
	if err := v.Err(); err != nil {
		return FollowUpView{}, err
	}
	fu := model.FollowUp{InstansiID: f.A.InstansiID, AssessmentID: f.A.ID, EmployeeID: f.A.EmployeeID, Kind: in.Kind, Title: in.Title, Plan: in.Plan}
	if in.Kind == model.FollowUpImprovement {
		fu.ReviewDue = cmp.Or(in.ReviewDue, model.ImprovementReview(today))
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if in.Kind == model.FollowUpImprovement {
			// Checked against the result's follow-ups locked, so that two
			// plans sent at once do not both pass.
			list, err := tx.LockFollowUps(ctx, f.A.InstansiID, f.A.ID)
			if err != nil {
				return err
			}
			if plan, ok := model.ImprovementPlanOf(list); ok {
				return planExists(plan)
			}
		}
		var err error
		if fu, err = tx.CreateFollowUp(ctx, fu); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: fu.InstansiID, EmployeeID: fu.EmployeeID, Kind: "followup.created",
			Args: []string{fu.Title}, Link: "/penilaian/" + f.A.ID})
	})
	fu.EmployeeName = f.A.Employee.Name
	return FollowUpView{FollowUp: fu, Can: followUpRights(true, fu)}, err
}

// planExists refuses a second improvement plan of a result, naming the
// plan it has and how to change it: an open one is cancelled with its
// reason and another recorded; a done one has its review as its outcome.
func planExists(plan model.FollowUp) error {
	if plan.Status == model.FollowUpDone {
		return model.Refused("conflict.followup.plan.done", plan.Title, model.DateLabel(plan.ReviewDue))
	}
	return model.Refused("conflict.followup.plan.exists", plan.Title, model.Msg("followup.status."+string(plan.Status)),
		model.DateLabel(plan.ReviewDue))
}

// followUpMoves lists the status changes a follow-up allows.
var followUpMoves = map[model.FollowUpStatus][]model.FollowUpStatus{
	model.FollowUpOpen:       {model.FollowUpInProgress, model.FollowUpDone, model.FollowUpCancelled},
	model.FollowUpInProgress: {model.FollowUpDone, model.FollowUpCancelled},
}

// ProgressFollowUp moves a follow-up on: started, done with its outcome,
// or cancelled with the reason (outcome). Those who may write the
// assessment's follow-ups do; a closed one does not move again.
func (a *App) ProgressFollowUp(ctx context.Context, actor model.Actor, id string, version int, status model.FollowUpStatus, outcome string) (FollowUpView, error) {
	fu, err := a.store.FollowUp(ctx, id)
	if err != nil || fu.InstansiID != actor.InstansiID {
		return FollowUpView{}, fmt.Errorf("follow-up %s: %w", id, model.ErrNotFound)
	}
	f, err := a.assessmentFacts(ctx, actor, fu.AssessmentID)
	if err != nil {
		return FollowUpView{}, fmt.Errorf("follow-up %s: %w", id, model.ErrNotFound)
	}
	if err := mayWriteFollowUp(actor, f); err != nil {
		return FollowUpView{}, err
	}
	allowed := false
	for _, s := range followUpMoves[fu.Status] {
		allowed = allowed || s == status
	}
	if !status.Valid() {
		return FollowUpView{}, model.Invalid("status", "invalid.followup.status")
	}
	if !allowed {
		return FollowUpView{}, model.Refused("conflict.followup.status", model.Msg("followup.status."+string(fu.Status)), model.Msg("followup.status."+string(status)))
	}
	outcome = strings.TrimSpace(outcome)
	if status.Closed() && outcome == "" {
		return FollowUpView{}, model.Invalid("outcome", "invalid.followup.outcome")
	}
	if utf8.RuneCountInString(outcome) > model.FollowUpTextMax {
		return FollowUpView{}, model.Invalid("outcome", "invalid.followup.text", model.FollowUpTextMax)
	}
	if version != fu.Version {
		return FollowUpView{}, fmt.Errorf("follow-up %s: %w", id, model.ErrStale)
	}
	after := fu
	after.Status, after.Outcome = status, outcome
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		after, err = tx.UpdateFollowUp(ctx, fu, after)
		return err
	})
	return FollowUpView{FollowUp: after, Can: followUpRights(true, after),
		Overdue: overdueDays(a.Today(ctx, after.InstansiID), after)}, err
}

// followUpsOf lists an assessment's follow-ups with the actor's rights.
func (a *App) followUpsOf(ctx context.Context, actor model.Actor, f assessmentFacts) ([]FollowUpView, error) {
	list, err := a.store.FollowUps(ctx, store.FollowUpFilter{InstansiID: f.A.InstansiID, AssessmentID: f.A.ID})
	if err != nil {
		return nil, err
	}
	may := mayWriteFollowUp(actor, f) == nil
	today := a.Today(ctx, f.A.InstansiID)
	var out []FollowUpView
	for _, fu := range list {
		out = append(out, FollowUpView{FollowUp: fu, Can: followUpRights(may, fu), Overdue: overdueDays(today, fu)})
	}
	return out, nil
}

// FollowUpBoard is BKPSDM's view of a year's follow-ups: every final
// annual result's angka kredit, the results that still need an
// improvement plan, and the follow-ups not yet closed, each list of the
// results of that year's annual period (a follow-up belongs to the year
// of the annual result it follows from, whenever it is due).
type FollowUpBoard struct {
	Year         int
	Credits      []CreditLine
	PlansMissing []AssessmentItem
	Open         []FollowUpView
}

// CreditLine is the angka kredit of one final annual result.
type CreditLine struct {
	Assessment model.Assessment
	Credit     model.CreditAward
}

// FollowUpBoard loads the year's follow-ups for BKPSDM, leaders and
// auditors.
func (a *App) FollowUpBoard(ctx context.Context, actor model.Actor, year int) (FollowUpBoard, error) {
	b := FollowUpBoard{Year: year}
	t := authz.Target{InstansiID: actor.InstansiID}
	if !authz.Can(actor, authz.CalibrateAssessments, t) && !authz.Can(actor, authz.ReadSKP, authz.Target{InstansiID: actor.InstansiID, EmployeeID: "-", OPDID: "-"}) {
		return b, forbidden("read the follow-ups of the instansi")
	}
	periods, err := a.store.Periods(ctx, actor.InstansiID, year)
	if err != nil {
		return b, err
	}
	var annual model.Period
	for _, p := range periods {
		if p.Kind == model.PeriodAnnual {
			annual = p
		}
	}
	if annual.ID != "" {
		list, err := a.store.Assessments(ctx, store.AssessmentFilter{InstansiID: actor.InstansiID, PeriodID: annual.ID, Status: model.AssessmentFinal})
		if err != nil {
			return b, err
		}
		written, err := a.store.FollowUps(ctx, store.FollowUpFilter{InstansiID: actor.InstansiID, PeriodID: annual.ID})
		if err != nil {
			return b, err
		}
		planned := map[string]bool{}
		for _, fu := range written {
			if fu.Kind == model.FollowUpImprovement && fu.Status != model.FollowUpCancelled {
				planned[fu.AssessmentID] = true
			}
		}
		// The SKPs and their positions in bulk: the board lists every
		// final annual result of the instansi.
		skpIDs := make([]string, len(list))
		for i, as := range list {
			skpIDs[i] = as.SKPID
		}
		skps, err := a.store.SKPsByID(ctx, skpIDs)
		if err != nil {
			return b, err
		}
		var posIDs []string
		for _, s := range skps {
			posIDs = append(posIDs, s.PositionID)
		}
		positions, err := a.store.PositionsByID(ctx, posIDs)
		if err != nil {
			return b, err
		}
		for _, as := range list {
			if model.NeedsImprovementPlan(as.Predikat) && !planned[as.ID] {
				b.PlansMissing = append(b.PlansMissing, AssessmentItem{Assessment: as, Period: annual})
			}
			s, ok := skps[as.SKPID]
			if !ok {
				return b, fmt.Errorf("SKP %s of assessment %s: %w", as.SKPID, as.ID, model.ErrNotFound)
			}
			pos, ok := positions[s.PositionID]
			if !ok && s.PositionID != "" {
				return b, fmt.Errorf("position %s of SKP %s: %w", s.PositionID, s.ID, model.ErrNotFound)
			}
			c, err := creditFor(as, annual, s, pos)
			if err != nil {
				return b, err
			}
			if c != nil {
				b.Credits = append(b.Credits, CreditLine{Assessment: as, Credit: *c})
			}
		}
	}
	// The open follow-ups are the year's too: those of its annual
	// results (none while the year has no annual period).
	var open []model.FollowUp
	if annual.ID != "" {
		if open, err = a.store.FollowUps(ctx, store.FollowUpFilter{InstansiID: actor.InstansiID, PeriodID: annual.ID, Open: true}); err != nil {
			return b, err
		}
	}
	may := authz.Can(actor, authz.CalibrateAssessments, t)
	today := a.Today(ctx, actor.InstansiID)
	for _, fu := range open {
		b.Open = append(b.Open, FollowUpView{FollowUp: fu, Can: followUpRights(may, fu), Overdue: overdueDays(today, fu)})
	}
	sortOverdueFirst(b.Open)
	sort.Slice(b.Credits, func(i, j int) bool {
		return b.Credits[i].Assessment.Employee.Name < b.Credits[j].Assessment.Employee.Name
	})
	return b, nil
}

// FollowUpYear is the year the follow-up board opens on when none is
// asked: this year once one of its annual results is final, else last
// year when one of its is (early in a year, last year's results are the
// ones being followed up), else this year.
func (a *App) FollowUpYear(ctx context.Context, actor model.Actor) (int, error) {
	now := a.Today(ctx, actor.InstansiID).Time().Year()
	for _, year := range []int{now, now - 1} {
		periods, err := a.store.Periods(ctx, actor.InstansiID, year)
		if err != nil {
			return now, err
		}
		for _, p := range periods {
			if p.Kind != model.PeriodAnnual {
				continue
			}
			final, err := a.store.Assessments(ctx, store.AssessmentFilter{InstansiID: actor.InstansiID, PeriodID: p.ID, Status: model.AssessmentFinal, Limit: 1})
			if err != nil {
				return now, err
			}
			if len(final) > 0 {
				return year, nil
			}
		}
	}
	return now, nil
}
