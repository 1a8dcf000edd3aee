package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Penilaian kinerja: when a period closes, every SKP in force during it
// gets an assessment (openAssessments). The pejabat penilai of the day
// rates it with the evidence in view (AssessmentView, RateAssessment),
// then sends it to the employee (FinalizeAssessment), who acknowledges it.
// The predikat always follows from the two ratings by the rules of the
// assessment's regime: no path takes a predikat as input.

// openAssessments makes the assessments of a period that closes, in the
// transaction that closes it: one for each SKP in force during the period
// that has none yet (a period closed again after a reopening only adds
// those of SKPs approved since).
func openAssessments(ctx context.Context, tx *store.Tx, p model.Period) (int, error) {
	list, err := tx.AssessmentCandidates(ctx, p)
	if err != nil {
		return 0, err
	}
	return tx.CreateAssessments(ctx, p, model.CurrentRegime, list)
}

// assessmentStep is an act on an assessment.
type assessmentStep int

const (
	stepRate assessmentStep = iota
	stepFinalize
	stepAcknowledge
	stepCalibrate
)

// assessmentFacts is what the rights on an assessment depend on, loaded
// once per request.
type assessmentFacts struct {
	A           model.Assessment
	SKP         model.SKP
	Period      model.Period
	Calibration model.Calibration
	Rater       string // the pejabat penilai of the SKP's post today
	Upper       string // the atasan pejabat penilai today
	OPDHead     string // who heads the OPD today
	decided     bool   // a keberatan on it was decided: its ratings are final (objection.go)
	objecting   bool   // a keberatan on it waits for the explanation or the decision
	// objection is its keberatan (ID "" when none).
	objection model.Objection
}

// lock is the refusal that names why the assessment's ratings can no
// longer change (a keberatan on it was decided, its period is locked, or
// its OPD's calibration for the period is final), nil while they can.
func (f assessmentFacts) lock() error {
	switch {
	case f.decided:
		return model.Refused("conflict.assessment.decided")
	case f.Period.Status == model.PeriodLocked:
		return model.Refused("conflict.period.locked")
	case f.Calibration.Status == model.CalibrationFinal:
		return model.Refused("conflict.calibration.final")
	}
	return nil
}

// mayCalibrate reports whether actor moves ratings on the OPD's
// calibration: its head, or BKPSDM.
func mayCalibrate(actor model.Actor, f assessmentFacts) bool {
	if actor.EmployeeID != "" && actor.EmployeeID == f.OPDHead {
		return true
	}
	return authz.Can(actor, authz.CalibrateAssessments, authz.Target{InstansiID: f.A.InstansiID})
}

// assessmentAllows is the rule for each act on an assessment; the actions
// ask it before they act and AssessmentRights shows it, so that a page
// never offers what the action refuses.
func assessmentAllows(actor model.Actor, f assessmentFacts, step assessmentStep) error {
	self := actor.EmployeeID != "" && actor.EmployeeID == f.A.EmployeeID
	switch step {
	case stepRate, stepFinalize:
		if self {
			return forbidden("rate oneself")
		}
		if actor.EmployeeID == "" || actor.EmployeeID != f.Rater {
			return forbidden("rate an assessment one is not the pejabat penilai of")
		}
		if err := f.lock(); err != nil {
			return err
		}
		if f.A.Status == model.AssessmentFinal {
			return model.Refused("conflict.assessment.sent")
		}
		if f.Period.Kind != model.PeriodAnnual && outsideSKP(f.SKP, f.Period) {
			// A back-dated transfer closed its SKP before the period:
			// it is rated on the SKP in force then (docs/organisasi-mutasi.md).
			return model.Refused("conflict.assessment.outside")
		}
		if step == stepFinalize && f.A.Status != model.AssessmentRated {
			return model.Refused("conflict.assessment.notrated")
		}
		return nil
	case stepAcknowledge:
		if !self {
			return forbidden("acknowledge another employee's result")
		}
		if f.A.Status != model.AssessmentFinal {
			return model.Refused("conflict.assessment.notsent")
		}
		if !f.A.AcknowledgedAt.IsZero() {
			return model.Refused("conflict.assessment.acknowledged")
		}
		return nil
	case stepCalibrate:
		if self {
			return forbidden("calibrate one's own rating")
		}
		if !mayCalibrate(actor, f) {
			return forbidden("calibrate the OPD's ratings")
		}
		if err := f.lock(); err != nil {
			return err
		}
		// Calibration moves results sent to the employee: a rating not yet
		// sent is still the rater's to change.
		if f.A.Status != model.AssessmentFinal {
			return model.Refused("conflict.calibration.notsent")
		}
		if f.objecting {
			return model.Refused("conflict.calibration.objection")
		}
		return nil
	}
	return forbidden("unknown act")
}

// AssessmentRights is what the actor may do with an assessment now.
type AssessmentRights struct {
	Rate        bool // set or change the ratings: the pejabat penilai, until final
	Finalize    bool // send the result to the employee: the pejabat penilai, once rated
	Acknowledge bool // confirm receiving the result: the employee, once final
	Calibrate   bool // move the rating with a reason: the OPD head or BKPSDM, until locked
	FollowUp    bool // write a follow-up of a final annual result: the pejabat penilai or BKPSDM
	// FinalizeRefused says why the pejabat penilai may not send the result
	// as it is rated now (sendRoom): the OPD's capaian kinerja organisasi
	// for the period is not set yet, or its predikat would pass a maximum
	// of the OPD's pattern (the limit named; Rate stays offered, since a
	// change of rating may make room). Its Key is "" otherwise.
	FinalizeRefused model.Message
	// CalibrateRefused says why a result under keberatan cannot be moved
	// (the objection is open, or was decided), to those who calibrate;
	// its Key is "" otherwise.
	CalibrateRefused model.Message
	// SeeRatings is whether the ratings, predikat, catatan and umpan balik
	// are shown: to the rated employee once sent, to the others who read
	// it always (ratingsSeen). While false they are left out of the read
	// model.
	SeeRatings bool
	// FollowUpKinds are the kinds a new follow-up of the result may take,
	// when FollowUp: those its predikat admits (model.FollowUpAllowed),
	// without the improvement plan once it has one (model.FollowUpKindsOpen).
	FollowUpKinds []model.FollowUpKind
	// Object is whether the actor may object to the result now (its
	// employee, within the window: objectionAllows); ObjectRefused says
	// why not. Both are the read model's keberatan part's (ObjectionPanel).
	Object        bool
	ObjectRefused model.Message
}

func assessmentRights(actor model.Actor, f assessmentFacts) AssessmentRights {
	ok := func(s assessmentStep) bool { return assessmentAllows(actor, f, s) == nil }
	return AssessmentRights{Rate: ok(stepRate), Finalize: ok(stepFinalize), Acknowledge: ok(stepAcknowledge), Calibrate: ok(stepCalibrate),
		CalibrateRefused: calibrateRefusal(actor, f), SeeRatings: ratingsSeen(actor, f.A)}
}

// calibrateRefusal is why calibration may not move a result because of
// its keberatan (open: the atasan decides on the result objected to;
// decided: the decision is final), for those who otherwise calibrate:
// the reason assessmentAllows gives the move.
func calibrateRefusal(actor model.Actor, f assessmentFacts) model.Message {
	if !f.objecting && !f.decided {
		return model.Message{}
	}
	var refused *model.StateError
	if err := assessmentAllows(actor, f, stepCalibrate); errors.As(err, &refused) {
		return refused.Message
	}
	return model.Message{}
}

// assessmentFacts loads an assessment the actor may read with what its
// rights depend on. An assessment the actor may not read is not found.
func (a *App) assessmentFacts(ctx context.Context, actor model.Actor, id string) (assessmentFacts, error) {
	hidden := fmt.Errorf("assessment %s: %w", id, model.ErrNotFound)
	as, err := a.store.Assessment(ctx, id)
	if err != nil || as.InstansiID != actor.InstansiID {
		return assessmentFacts{}, hidden
	}
	return a.factsOf(ctx, actor, as)
}

func (a *App) factsOf(ctx context.Context, actor model.Actor, as model.Assessment) (assessmentFacts, error) {
	all, err := a.factsOfAll(ctx, actor, []model.Assessment{as}, true)
	if err != nil {
		return assessmentFacts{}, err
	}
	if all[0] == nil {
		return assessmentFacts{}, fmt.Errorf("assessment %s: %w", as.ID, model.ErrNotFound)
	}
	return *all[0], nil
}

// factsOfAll is factsOf for a list of assessments, in a fixed number of
// queries whatever their number: their SKPs (whole with whole, for the
// rating screen; without RHK for a list), periods, calibrations and
// objections each in one, the org chart and units from the cache. An
// assessment the actor may not read has nil facts. Whether the actor sees
// a person's work is asked once per person.
func (a *App) factsOfAll(ctx context.Context, actor model.Actor, list []model.Assessment, whole bool) ([]*assessmentFacts, error) {
	out := make([]*assessmentFacts, len(list))
	if len(list) == 0 {
		return out, nil
	}
	var skpIDs, periodIDs, ids []string
	for _, as := range list {
		skpIDs, periodIDs, ids = append(skpIDs, as.SKPID), append(periodIDs, as.PeriodID), append(ids, as.ID)
	}
	var skps map[string]model.SKP
	var err error
	if whole {
		skps, err = a.store.SKPsWhole(ctx, skpIDs)
	} else {
		skps, err = a.store.SKPsByID(ctx, skpIDs)
	}
	if err != nil {
		return nil, err
	}
	chart, units, err := a.org(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	heads := map[string]string{} // OPD: who heads it today
	for _, u := range units {
		if u.HeadPositionID != "" {
			heads[u.ID] = chart.Holder(u.HeadPositionID)
		}
	}
	var periods map[string]model.Period
	var cals map[store.CalibrationKey]model.Calibration
	var objections map[string]model.Objection
	seesWork := map[string]error{} // employee: canSeeWorkOf, asked once
	readsAll := authz.Can(actor, authz.ReadSKP, authz.Target{InstansiID: actor.InstansiID, OPDID: "-", EmployeeID: "-"})
	for i, as := range list {
		s, ok := skps[as.SKPID]
		if !ok {
			continue
		}
		f := assessmentFacts{A: as, SKP: s, OPDHead: heads[as.OPDID]}
		f.Rater, f.Upper = ratersOf(chart, f.SKP)
		named := actor.EmployeeID != "" && (actor.EmployeeID == f.Rater || actor.EmployeeID == f.Upper ||
			actor.EmployeeID == as.Rater.EmployeeID || actor.EmployeeID == f.OPDHead)
		if !named && !mayCalibrate(actor, f) {
			// canReadSKP, with the person's work looked at once.
			raterNamed := actor.EmployeeID != "" && (s.Rater.EmployeeID == actor.EmployeeID || s.UpperRater.EmployeeID == actor.EmployeeID)
			// Someone in the actor's line today is seen as canSeeWorkOf
			// would see them, without asking the store per person (a long
			// line's list would read one employee per item).
			// So is anyone, to whom reads every SKP of the instansi
			// (leaders, auditors).
			inLine := readsAll || actor.EmployeeID != "" && chart.InLine(actor.EmployeeID, s.EmployeeID) &&
				authz.Can(actor, authz.ReadSKP, authz.Target{InstansiID: s.InstansiID, EmployeeID: s.EmployeeID, InTeam: true})
			if s.InstansiID != actor.InstansiID {
				continue
			}
			if !raterNamed && !inLine {
				seen, done := seesWork[s.EmployeeID]
				if !done {
					seen = a.canSeeWorkOf(ctx, actor, s.InstansiID, s.EmployeeID)
					seesWork[s.EmployeeID] = seen
				}
				if seen != nil {
					continue
				}
			}
		}
		if periods == nil {
			if periods, err = a.store.PeriodsByID(ctx, periodIDs); err != nil {
				return nil, err
			}
			if cals, err = a.store.Calibrations(ctx, actor.InstansiID, periodIDs); err != nil {
				return nil, err
			}
			if objections, err = a.store.ObjectionsOf(ctx, ids); err != nil {
				return nil, err
			}
		}
		if f.Period, ok = periods[as.PeriodID]; !ok {
			return nil, fmt.Errorf("period %s of assessment %s: %w", as.PeriodID, as.ID, model.ErrNotFound)
		}
		if f.Calibration, ok = cals[store.CalibrationKey{OPDID: as.OPDID, PeriodID: as.PeriodID}]; !ok {
			f.Calibration = model.Calibration{OPDID: as.OPDID, PeriodID: as.PeriodID, InstansiID: as.InstansiID, Status: model.CalibrationOpen}
		}
		if o, ok := objections[as.ID]; ok {
			f.objection = o
			f.decided, f.objecting = o.Status == model.ObjectionDecided, o.Status != model.ObjectionDecided
		}
		out[i] = &f
	}
	return out, nil
}

// recheck takes, in the transaction of an act on an assessment, the locks
// that every act changing whether its ratings may move takes (its period,
// shared, then its OPD's calibration row for the period:
// store.Tx.SharePeriod, store.Tx.LockCalibration), and reads again under
// them what the rules of those acts rest on: the period, the calibration,
// the assessment and its objection (ID "" when none). The act asks its
// rule again of the facts returned and writes in the same transaction, so
// that a calibration move and an objection, an explanation, a decision, an
// acknowledgement, a sending or the OPD's finalisation at the same instant
// are taken one after the other on both engines, the second judged by what
// the first wrote.
func recheck(ctx context.Context, tx *store.Tx, f assessmentFacts) (assessmentFacts, model.Objection, error) {
	var err error
	if f.Period, err = tx.SharePeriod(ctx, f.A.PeriodID); err != nil {
		return f, model.Objection{}, err
	}
	if f.Calibration, err = tx.LockCalibration(ctx, f.A.InstansiID, f.A.OPDID, f.A.PeriodID); err != nil {
		return f, model.Objection{}, err
	}
	if f.A, err = tx.Assessment(ctx, f.A.ID); err != nil {
		return f, model.Objection{}, err
	}
	o, err := tx.ObjectionOf(ctx, f.A.ID)
	switch {
	case err == nil:
		f.objection = o
		f.decided, f.objecting = o.Status == model.ObjectionDecided, o.Status != model.ObjectionDecided
	case errors.Is(err, model.ErrNotFound):
		o, f.decided, f.objecting = model.Objection{}, false, false
		f.objection = o
	default:
		return f, model.Objection{}, err
	}
	return f, o, nil
}

// AssessmentItem is an assessment in a list, with its period and what the
// actor may do with it.
type AssessmentItem struct {
	model.Assessment
	Period model.Period
	Can    AssessmentRights
	// Objection is the keberatan part: its objection, the last day to
	// object and whether the actor may (in the lists and Assessment).
	Objection ObjectionPanel
}

// withObjections fills the keberatan part of each read model (panels and
// rights, index for index with facts).
func (a *App) withObjections(ctx context.Context, actor model.Actor, facts []*assessmentFacts, panels []*ObjectionPanel, rights []*AssessmentRights) error {
	got, err := a.objectionPanels(ctx, actor, facts)
	if err != nil {
		return err
	}
	for i, p := range got {
		*panels[i] = p
		rights[i].Object, rights[i].ObjectRefused = p.Can.Object, p.Can.ObjectRefused
	}
	return nil
}

// AssessmentFilter selects assessments for the list.
type AssessmentFilter struct {
	PeriodID  string
	OPDID     string
	Employee  string // one employee's
	RatedByMe bool   // only those the actor rates today
	Status    model.AssessmentStatus
	Cursor    string
	Limit     int
}

// AssessmentPage is one page of assessments and the cursor of the next.
type AssessmentPage struct {
	Items []AssessmentItem
	Next  string
}

// Assessments lists the assessments the actor may read. Without a filter
// that is all of them: their own, those of the people they rate and of
// everyone below them in their line, and what their role reads (an OPD's
// for its admins, the instansi's for BKPSDM, leaders and auditors). Each
// filter narrows the list and they combine: RatedByMe to those whose SKP
// the actor rates today; Employee to one person's (their own, or of
// someone they may see); OPDID to an OPD's, for those who calibrate or
// read it (BKPSDM, leaders, auditors, the OPD's admins and head);
// PeriodID and Status, the status as the actor reads it (seenBy: the
// rated employee's own result not yet sent is open). A period, OPD or employee the actor may not look
// at through the filter is model.ErrNotFound, as one that does not exist.
func (a *App) Assessments(ctx context.Context, actor model.Actor, f AssessmentFilter) (AssessmentPage, error) {
	if f.PeriodID != "" {
		// An unknown period is not found, as an unknown unit or employee.
		if p, err := a.store.Period(ctx, f.PeriodID); err != nil || p.InstansiID != actor.InstansiID {
			return AssessmentPage{}, fmt.Errorf("period %s: %w", f.PeriodID, model.ErrNotFound)
		}
	}
	if f.Cursor != "" {
		// A cursor is the id of an assessment a page gave; any other
		// would answer an empty page.
		// One the actor may not read is no cursor of theirs either, so
		// that a cursor never tells whether someone else's result exists.
		as, err := a.store.Assessment(ctx, f.Cursor)
		readable := err == nil && as.InstansiID == actor.InstansiID
		if readable {
			facts, err := a.factsOfAll(ctx, actor, []model.Assessment{as}, false)
			if err != nil {
				return AssessmentPage{}, err
			}
			readable = facts[0] != nil
		}
		if err := cursorGiven(readable, "invalid.cursor.next"); err != nil {
			return AssessmentPage{}, err
		}
	}
	sf := store.AssessmentFilter{InstansiID: actor.InstansiID, PeriodID: f.PeriodID, Status: f.Status, After: f.Cursor}
	if actor.EmployeeID != "" && f.Status == model.AssessmentOpen {
		// The status filter is the status as the actor reads it (seenBy):
		// their own result rated and not sent is open to them; the
		// others' drafts are left out below (and their own from rated).
		sf.Status, sf.Statuses = "", []model.AssessmentStatus{model.AssessmentOpen, model.AssessmentRated}
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	sf.Limit = limit + 1
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return AssessmentPage{}, err
	}
	if f.OPDID != "" {
		if err := a.mayReadCurve(ctx, actor, chart, f.OPDID); err != nil {
			return AssessmentPage{}, unseen(err)
		}
		sf.OPDID = f.OPDID
	}
	var people []string // nil: not narrowed to people
	if f.Employee != "" {
		if err := a.canSeeWorkOf(ctx, actor, actor.InstansiID, f.Employee); err != nil {
			return AssessmentPage{}, unseen(err)
		}
		people = []string{f.Employee}
	}
	if f.RatedByMe {
		team := chart.Team(actor.EmployeeID)
		if people != nil {
			team = slices.DeleteFunc(slices.Clone(team), func(id string) bool { return !slices.Contains(people, id) })
		}
		people = append([]string{}, team...)
	}
	switch {
	case people != nil:
		sf.Employees = people
	case f.OPDID == "":
		// No filter names whose: everything the actor reads, narrowed in
		// SQL to their line and the OPDs their role reads (the rights of
		// each item are checked below all the same).
		reach, err := a.Reach(ctx, actor, authz.ReadSKP)
		if err != nil {
			return AssessmentPage{}, err
		}
		if !reach.Whole() {
			sf.Employees = append([]string{}, reach.EmployeeIDs...)
			for _, id := range chart.Team(actor.EmployeeID) {
				if !slices.Contains(sf.Employees, id) {
					sf.Employees = append(sf.Employees, id)
				}
			}
			sf.OrOPDs = reach.OPDIDs
			if len(sf.Employees) > lineCap {
				// The top of the pemda: read the instansi, in larger
				// batches, and keep what they may read.
				sf.Employees, sf.OrOPDs, sf.Limit = nil, nil, max(sf.Limit, lineCap)
			}
		}
	}
	// A page holds limit items the actor may read; the next cursor is set
	// when one more follows. The rights of each item are checked here
	// whatever SQL selected, so a batch may yield fewer: read on.
	var page AssessmentPage
	var shown []*assessmentFacts
	for full := false; !full; {
		list, err := a.store.Assessments(ctx, sf)
		if err != nil {
			return AssessmentPage{}, err
		}
		facts, err := a.factsOfAll(ctx, actor, list, false)
		if err != nil {
			return page, err
		}
		for i, as := range list {
			fs := facts[i]
			if fs == nil {
				continue
			}
			if f.RatedByMe && fs.Rater != actor.EmployeeID {
				continue // in the team, but rated through another post
			}
			seen := seenBy(actor, as)
			if f.Status != "" && seen.Status != f.Status {
				continue
			}
			if len(page.Items) == limit {
				page.Next = page.Items[limit-1].ID
				full = true
				break
			}
			page.Items = append(page.Items, AssessmentItem{Assessment: seen, Period: fs.Period, Can: assessmentRights(actor, *fs)})
			shown = append(shown, fs)
		}
		if len(list) < sf.Limit {
			break
		}
		sf.After = list[len(list)-1].ID
	}
	rights := make([]*AssessmentRights, len(page.Items))
	panels := make([]*ObjectionPanel, len(page.Items))
	for i := range page.Items {
		rights[i], panels[i] = &page.Items[i].Can, &page.Items[i].Objection
	}
	if err := a.sendRoom(ctx, shown, rights); err != nil {
		return page, err
	}
	if err := a.withObjections(ctx, actor, shown, panels, rights); err != nil {
		return page, err
	}
	return page, nil
}

// mayReadCurve is the rule for reading an OPD's distribution and its
// assessments as a whole: the OPD's head, those who calibrate (BKPSDM),
// and those who may monitor the OPD's SKP (its admins, leaders) or read
// every SKP (auditors).
func (a *App) mayReadCurve(ctx context.Context, actor model.Actor, chart *model.OrgChart, opdID string) error {
	u, err := a.store.Unit(ctx, opdID)
	if err != nil || u.InstansiID != actor.InstansiID {
		return fmt.Errorf("unit %s: %w", opdID, model.ErrNotFound)
	}
	return mayReadCurveOf(actor, chart, u)
}

// mayReadCurveOf is mayReadCurve for a unit at hand.
func mayReadCurveOf(actor model.Actor, chart *model.OrgChart, u model.Unit) error {
	if actor.EmployeeID != "" && u.HeadPositionID != "" && chart.Holder(u.HeadPositionID) == actor.EmployeeID {
		return nil
	}
	t := authz.Target{InstansiID: u.InstansiID, OPDID: u.OPDID}
	if authz.Can(actor, authz.CalibrateAssessments, t) || authz.Can(actor, authz.MonitorSKP, t) ||
		authz.Can(actor, authz.ReadSKP, authz.Target{InstansiID: u.InstansiID, OPDID: u.OPDID, EmployeeID: "-"}) {
		return nil
	}
	return forbidden("read the OPD's ratings")
}

// AssessmentView is the rating screen: the assessment with everything
// its rating rests on, per RHK and indicator (target, realisasi with its
// basis, evidence, the period's daily progress, the feedback given) and
// per core value (the ekspektasi khusus and the umpan balik), the
// suggested rating hasil kerja with its reasons, the calibration moves,
// and what the actor may do.
type AssessmentView struct {
	Assessment model.Assessment
	Period     model.Period
	SKP        model.SKP
	// Rater and UpperRater are who rate it today (the assessment's own
	// snapshots keep who rated it).
	Rater, UpperRater model.PersonSnapshot
	// Capaian is the OPD's capaian kinerja organisasi for the period, ""
	// until set; LeaderRating the rating hasil kerja it gives a leader.
	Capaian      model.Capaian
	LeaderRating model.Rating
	Results      []AssessmentResult
	Behaviours   []AssessmentBehaviour
	Suggestion   model.Suggestion
	Moves        []model.AssessmentMove
	// History is how the result was reached: every rating, move,
	// sending and decision with who and when.
	History []AssessmentEvent
	// Year is the employee's other assessments of the year (periodic and
	// annual, on every SKP of the year), which the annual rating rests on.
	Year []AssessmentItem
	// Annual is what an annual rating rests on (every SKP of the year
	// with its periodic results and the year's evidence), nil for a
	// periodic assessment; Suggestion is then its annual suggestion.
	Annual *AnnualEvaluation
	// Credit is the angka kredit a final annual result earns a
	// functional employee, nil otherwise; FollowUps its tindak lanjut.
	Credit    *model.CreditAward
	FollowUps []FollowUpView
	// ReviewDefault is the review date an improvement plan recorded
	// today gets when its writer chooses none (model.ImprovementReview),
	// "" when the actor may not record one.
	ReviewDefault model.Date
	Can           AssessmentRights
	// Objection is the keberatan part: its objection, the last day to
	// object and the day it counts from, and what the actor may do.
	Objection ObjectionPanel
	// Thread is the umpan balik on the result, to those who see its
	// ratings (feedbackTarget); nil to the rated employee before it is
	// sent to them.
	Thread *Thread
}

// AssessmentResult is one RHK as the rater sees it.
type AssessmentResult struct {
	RHK        model.RHK
	Standing   model.Standing
	Indicators []AssessmentIndicator
	// Progress sums the period's daily progress on the RHK (returned
	// entries left out).
	Progress model.ProgressTotal
	// ProgressEvidence counts the evidence attached to those entries.
	ProgressEvidence int
	// Threads counts the feedback messages on the RHK and on its
	// realisasi of the period.
	Feedback []model.Feedback
	// UmpanBalik is the rater's feedback on the result in this assessment.
	UmpanBalik string
}

// AssessmentIndicator is an indicator with what was reached.
type AssessmentIndicator struct {
	Indicator model.Indicator
	// Realisasi is what was reached in the period (for the annual
	// assessment, the year's: its own record, or the periods' sum for a
	// count and the last period's value for a level).
	Realisasi string
	Basis     string
	// Expected is the part of the target due in the period, as a share
	// (1 for the whole SKP).
	Share float64
	// Due is that part of the target as a number ("1" of a yearly "12"),
	// "" when the target is not a number.
	Due      string
	Standing model.Standing
	Evidence []model.Evidence
}

// PeriodDue is the part of the indicator's target due in the assessed
// period when it is a part of the whole ("1" of a yearly "10"), "" when
// the period is due the whole target or the part cannot be reckoned: what
// the rating screen shows as "target periode ini" and the Evaluasi Kinerja
// Pegawai prints beside the period's realisasi.
func (ai AssessmentIndicator) PeriodDue() string {
	whole, _ := model.PeriodTarget(ai.Indicator.Target, 1, true)
	if ai.Due == "" || ai.Share >= 1 || ai.Due == whole {
		return ""
	}
	return ai.Due
}

// AssessmentBehaviour is a core value as the rater sees it.
type AssessmentBehaviour struct {
	Behaviour  model.Behaviour
	UmpanBalik string
}

// AssessmentView loads the rating screen of an assessment the actor may
// read, without what its rater has not yet sent when the actor is the
// rated employee (ratingsSeen).
func (a *App) AssessmentView(ctx context.Context, actor model.Actor, id string) (AssessmentView, error) {
	f, err := a.assessmentFacts(ctx, actor, id)
	if err != nil {
		return AssessmentView{}, err
	}
	v := AssessmentView{Assessment: seenBy(actor, f.A), Period: f.Period, SKP: f.SKP, Can: assessmentRights(actor, f)}
	if err := a.sendRoom(ctx, []*assessmentFacts{&f}, []*AssessmentRights{&v.Can}); err != nil {
		return v, err
	}
	if err := a.withObjections(ctx, actor, []*assessmentFacts{&f}, []*ObjectionPanel{&v.Objection}, []*AssessmentRights{&v.Can}); err != nil {
		return v, err
	}
	chart, err := a.OrgChart(ctx, f.A.InstansiID)
	if err != nil {
		return v, err
	}
	if v.Rater, v.UpperRater, err = a.raterSnapshots(ctx, chart, f.SKP.EmployeeID, f.SKP.PositionID); err != nil {
		return v, err
	}
	if v.Capaian, err = a.capaianOf(ctx, f.A.OPDID, f.A.PeriodID); err != nil {
		return v, err
	}
	if v.Capaian != "" {
		rules, err := model.RulesOf(f.A.Regime)
		if err != nil {
			return v, err
		}
		own, err := a.leaderMapOf(ctx, f.A.InstansiID)
		if err != nil {
			return v, err
		}
		v.LeaderRating = rules.LeaderRating(v.Capaian, own)
		if f.A.Leader && f.A.Status == model.AssessmentFinal && f.A.HasilKerja != "" {
			// The rating it was given, under the map then in force.
			v.LeaderRating = f.A.HasilKerja
		}
	}
	if err := a.fillResults(ctx, &v); err != nil {
		return v, err
	}
	for _, b := range f.SKP.Behaviours {
		v.Behaviours = append(v.Behaviours, AssessmentBehaviour{Behaviour: b, UmpanBalik: v.Assessment.Feedback.Behaviours[b.Value]})
	}
	if v.Moves, err = a.store.AssessmentMoves(ctx, f.A.ID); err != nil {
		return v, err
	}
	if v.History, err = a.assessmentHistory(ctx, actor, f.A, v.Moves); err != nil {
		return v, err
	}
	if v.Year, err = a.assessmentYear(ctx, actor, f.A, f.Period); err != nil {
		return v, err
	}
	if f.Period.Kind == model.PeriodAnnual {
		if v.Annual, err = a.annualEvaluation(ctx, actor, &v); err != nil {
			return v, err
		}
		v.Suggestion = v.Annual.Suggestion.Suggestion
	}
	if !v.Can.SeeRatings {
		// The suggestion is the rater's, beside a rating not yet sent.
		v.Suggestion = model.Suggestion{}
		if v.Annual != nil {
			v.Annual.Suggestion = model.AnnualSuggestion{}
			for i := range v.Annual.SKPs {
				v.Annual.SKPs[i].Suggestion = model.Suggestion{}
			}
		}
	}
	if ratingsSeen(actor, f.A) {
		// The thread's rule (feedbackTarget), of the facts at hand.
		items, err := a.store.FeedbackOn(ctx, TargetAssessment, f.A.ID)
		if err != nil {
			return v, err
		}
		t := threadOf(actor, TargetAssessment, f.A.ID, items)
		v.Thread = &t
	}
	if v.Credit, err = a.creditOf(ctx, f.A, f.Period, f.SKP); err != nil {
		return v, err
	}
	if v.FollowUps, err = a.followUpsOf(ctx, actor, f); err != nil {
		return v, err
	}
	v.Can.FollowUp = mayWriteFollowUp(actor, f) == nil
	if v.Can.FollowUp {
		var list []model.FollowUp
		for _, fu := range v.FollowUps {
			list = append(list, fu.FollowUp)
		}
		v.Can.FollowUpKinds = model.FollowUpKindsOpen(f.A.Predikat, list)
		if slices.Contains(v.Can.FollowUpKinds, model.FollowUpImprovement) {
			v.ReviewDefault = model.ImprovementReview(a.TimeZone(ctx, f.A.InstansiID).Today(a.now()))
		}
	}
	return v, nil
}

// periodShare is the part of an SKP's time that falls in period p,
// counted in months (a day is its month's fraction), so that January is
// exactly a twelfth of a whole-year SKP.
func periodShare(s model.SKP, p model.Period) float64 {
	start, end := maxDate(s.PeriodStart, p.Start), minDate(s.PeriodEnd, p.End)
	total := monthsBetween(s.PeriodStart, s.PeriodEnd)
	if total <= 0 || end < start {
		return 0
	}
	return min(monthsBetween(start, end)/total, 1)
}

func maxDate(a, b model.Date) model.Date {
	if a > b {
		return a
	}
	return b
}

func minDate(a, b model.Date) model.Date {
	if a < b {
		return a
	}
	return b
}

// monthsBetween measures the days from a to b, both included, in months:
// each day counts as its month's fraction.
func monthsBetween(a, b model.Date) float64 {
	from, err1 := time.Parse(time.DateOnly, string(a))
	to, err2 := time.Parse(time.DateOnly, string(b))
	if err1 != nil || err2 != nil || to.Before(from) {
		return 0
	}
	months := 0.0
	for d := from; !d.After(to); {
		first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		next := first.AddDate(0, 1, 0)
		last := next.AddDate(0, 0, -1)
		if last.After(to) {
			last = to
		}
		days := next.Sub(first).Hours() / 24
		months += (last.Sub(d).Hours()/24 + 1) / days
		d = next
	}
	return months
}

// levelIndicator reports whether an indicator is a level expected in
// every period (a percentage, or the quality aspect) rather than a count
// that adds up over the year.
func levelIndicator(in model.Indicator) bool {
	return in.Aspect == model.AspectKualitas || model.IsPercentUnit(in.Unit)
}

// fillResults loads, per RHK, the realisasi of the period, its evidence,
// the period's progress and feedback, and computes the suggestion.
func (a *App) fillResults(ctx context.Context, v *AssessmentView) error {
	s, p := v.SKP, v.Period
	own, err := a.store.RealisasiOf(ctx, s.ID, p.ID)
	if err != nil {
		return err
	}
	// For the annual assessment, the periods' realisasi make the year's
	// where it has no record of its own.
	var periodic []map[string]model.Realisasi
	if p.Kind == model.PeriodAnnual {
		year, err := a.store.Periods(ctx, s.InstansiID, s.Year)
		if err != nil {
			return err
		}
		for _, q := range year {
			if q.Kind == model.PeriodAnnual || q.Start > s.PeriodEnd || q.End < s.PeriodStart {
				continue
			}
			r, err := a.store.RealisasiOf(ctx, s.ID, q.ID)
			if err != nil {
				return err
			}
			periodic = append(periodic, r)
		}
	}
	var realisasiIDs, rhkIDs []string
	for _, r := range own {
		realisasiIDs = append(realisasiIDs, r.ID)
	}
	// The year's evidence: what each period's realisasi carries too.
	for _, m := range periodic {
		for _, r := range m {
			realisasiIDs = append(realisasiIDs, r.ID)
		}
	}
	for _, r := range s.RHK {
		rhkIDs = append(rhkIDs, r.ID)
	}
	files, err := a.store.EvidenceOn(ctx, TargetRealisasi, realisasiIDs)
	if err != nil {
		return err
	}
	from, to := maxDate(s.PeriodStart, p.Start), minDate(s.PeriodEnd, p.End)
	totals, err := a.store.ProgressTotals(ctx, rhkIDs, from, to)
	if err != nil {
		return err
	}
	entries, err := a.store.ProgressList(ctx, store.ProgressFilter{InstansiID: s.InstansiID, EmployeeIDs: []string{s.EmployeeID},
		RHKIDs: rhkIDs, From: from, To: to, Limit: 1000})
	if err != nil {
		return err
	}
	var entryIDs []string
	rhkOf := map[string]string{}
	for _, e := range entries {
		entryIDs = append(entryIDs, e.ID)
		rhkOf[e.ID] = e.RHKID
	}
	entryFiles, err := a.store.EvidenceOn(ctx, TargetProgress, entryIDs)
	if err != nil {
		return err
	}
	threads, err := a.store.FeedbackOnMany(ctx, TargetRHK, rhkIDs)
	if err != nil {
		return err
	}
	share := periodShare(s, p)
	if p.Kind == model.PeriodAnnual {
		share = 1
	}
	var standings []model.ResultStanding
	for _, r := range s.RHK {
		res := AssessmentResult{RHK: r, Progress: totals[r.ID], Feedback: threads[r.ID], UmpanBalik: v.Assessment.Feedback.RHK[r.ID]}
		for id, files := range entryFiles {
			if rhkOf[id] == r.ID {
				res.ProgressEvidence += len(files)
			}
		}
		rs := model.ResultStanding{RHKID: r.ID, Kind: r.Kind}
		for _, in := range r.Indicators {
			ai := AssessmentIndicator{Indicator: in, Share: share}
			if got, ok := own[in.ID]; ok {
				ai.Realisasi, ai.Basis, ai.Evidence = got.Value, got.Basis, slices.Clone(files[got.ID])
			} else if p.Kind == model.PeriodAnnual {
				ai.Realisasi = yearRealisasi(in, periodic)
			}
			for _, m := range periodic {
				if got, ok := m[in.ID]; ok {
					ai.Evidence = append(ai.Evidence, files[got.ID]...)
				}
			}
			ai.Due, _ = model.PeriodTarget(in.Target, share, levelIndicator(in))
			ai.Standing = model.PeriodStanding(in.Target, ai.Realisasi, share, levelIndicator(in))
			rs.Indicators = append(rs.Indicators, ai.Standing)
			res.Indicators = append(res.Indicators, ai)
		}
		res.Standing = rs.Standing()
		standings = append(standings, rs)
		v.Results = append(v.Results, res)
	}
	v.Suggestion = model.SuggestHasilKerja(standings)
	return nil
}

// yearRealisasi makes an indicator's realisasi for the year from its
// periods': the sum of a count, the last value of a level; "" when a
// period's value is not a number or nothing was recorded.
func yearRealisasi(in model.Indicator, periods []map[string]model.Realisasi) string {
	var values []string
	for _, m := range periods {
		if r, ok := m[in.ID]; ok && strings.TrimSpace(r.Value) != "" {
			values = append(values, r.Value)
		}
	}
	if len(values) == 0 {
		return ""
	}
	if levelIndicator(in) {
		return values[len(values)-1]
	}
	sum, ok := model.SumAmounts(values)
	if !ok {
		return ""
	}
	return sum
}

// RateInput is what the pejabat penilai gives: the two ratings, the
// catatan/rekomendasi, the umpan balik per RHK and per core value, and the
// version read. There is no predikat in it: the predikat follows.
type RateInput struct {
	HasilKerja    model.Rating
	PerilakuKerja model.Rating
	Note          string
	Feedback      model.AssessmentFeedback
	Version       int
	// Predikat is whether the request also carried a predikat, whatever
	// its value: refused (refuseTypedPredikat).
	Predikat bool
}

// refuseTypedPredikat is the one answer to a request that gives ratings
// and a predikat with them (a rating, a calibration move, a keberatan
// decision, on a web form or the API): no predikat is ever set directly,
// it follows from the two ratings by the regime's matrix (C1), so the
// request is refused whole (422 naming predikat) rather than the
// predikat dropped without a word.
func refuseTypedPredikat(typed bool) error {
	if typed {
		return model.Invalid("predikat", "invalid.assessment.predikat.computed")
	}
	return nil
}

// Limits of the rater's texts, in characters.
const (
	assessmentNoteMax     = 4000
	assessmentFeedbackMax = 2000
)

// RateAssessment sets the ratings of an assessment (its pejabat penilai
// today, until it is final). A leader's rating hasil kerja is the OPD's
// capaian kinerja organisasi: it is taken from there, and a different one
// sent is refused. The predikat is computed by the rules of the
// assessment's regime.
func (a *App) RateAssessment(ctx context.Context, actor model.Actor, id string, in RateInput) (model.Assessment, error) {
	f, err := a.assessmentFacts(ctx, actor, id)
	if err != nil {
		return model.Assessment{}, err
	}
	if err := assessmentAllows(actor, f, stepRate); err != nil {
		return f.A, err
	}
	// Judged after access: whoever may not act is refused first.
	if err := refuseTypedPredikat(in.Predikat); err != nil {
		return f.A, err
	}
	rules, err := model.RulesOf(f.A.Regime)
	if err != nil {
		return f.A, err
	}
	var v model.ValidationError
	if f.A.Leader {
		capaian, err := a.capaianOf(ctx, f.A.OPDID, f.A.PeriodID)
		if err != nil {
			return f.A, err
		}
		own, err := a.leaderMapOf(ctx, f.A.InstansiID)
		if err != nil {
			return f.A, err
		}
		lr := rules.LeaderRating(capaian, own)
		switch {
		case lr == "":
			// The OPD's capaian is not set yet: nothing sent can rate the
			// head now.
			return f.A, model.Refused("conflict.assessment.leader.nocapaian")
		case in.HasilKerja != "" && in.HasilKerja != lr:
			v.Add("hasil_kerja", "invalid.assessment.leader.hasilkerja", capaian.Label(), lr.Label())
		default:
			in.HasilKerja = lr
		}
	} else if !in.HasilKerja.Valid() {
		v.Add("hasil_kerja", "invalid.rating")
	}
	if !in.PerilakuKerja.Valid() {
		v.Add("perilaku_kerja", "invalid.rating")
	}
	in.Note = strings.TrimSpace(in.Note)
	if utf8.RuneCountInString(in.Note) > assessmentNoteMax {
		v.Add("note", "invalid.assessment.note.long", assessmentNoteMax)
	}
	fb, fbErr := cleanFeedback(f.SKP, in.Feedback)
	if fbErr != nil {
		v.Merge(fbErr)
	}
	if err := v.Err(); err != nil {
		return f.A, err
	}
	predikat, err := rules.Predikat(in.HasilKerja, in.PerilakuKerja)
	if err != nil {
		return f.A, err
	}
	if in.Version != f.A.Version {
		return f.A, fmt.Errorf("assessment %s: %w", id, model.ErrStale)
	}
	chart, err := a.OrgChart(ctx, f.A.InstansiID)
	if err != nil {
		return f.A, err
	}
	rater, upper, err := a.raterSnapshots(ctx, chart, f.SKP.EmployeeID, f.SKP.PositionID)
	if err != nil {
		return f.A, err
	}
	after := f.A
	after.Status, after.HasilKerja, after.PerilakuKerja, after.Predikat = model.AssessmentRated, in.HasilKerja, in.PerilakuKerja, predikat
	after.Note, after.Feedback, after.Rater, after.UpperRater = in.Note, fb, rater, upper
	after.RatedBy, after.RatedAt = actor.EmployeeID, a.now().UTC()
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		g, _, err := recheck(ctx, tx, f)
		if err != nil {
			return err
		}
		if err := assessmentAllows(actor, g, stepRate); err != nil {
			return err
		}
		if after, err = tx.UpdateAssessment(ctx, "assessment.rate", f.A, after); err != nil {
			return err
		}
		return emitCurve(ctx, tx, f, after)
	})
	return after, err
}

// cleanFeedback keeps the umpan balik on the SKP's own RHK and core
// values, trimmed, and refuses texts too long or aimed elsewhere.
func cleanFeedback(s model.SKP, in model.AssessmentFeedback) (model.AssessmentFeedback, *model.ValidationError) {
	var v model.ValidationError
	out := model.AssessmentFeedback{RHK: map[string]string{}, Behaviours: map[model.CoreValue]string{}}
	rhk := map[string]bool{}
	for _, r := range s.RHK {
		rhk[r.ID] = true
	}
	for id, text := range in.RHK {
		text = strings.TrimSpace(text)
		switch {
		case !rhk[id]:
			v.Add("feedback.rhk", "invalid.assessment.feedback.rhk")
		case utf8.RuneCountInString(text) > assessmentFeedbackMax:
			v.Add("feedback.rhk."+id, "invalid.assessment.feedback.long", assessmentFeedbackMax)
		case text != "":
			out.RHK[id] = text
		}
	}
	values := map[model.CoreValue]bool{}
	for _, b := range s.Behaviours {
		values[b.Value] = true
	}
	for cv, text := range in.Behaviours {
		text = strings.TrimSpace(text)
		switch {
		case !values[cv]:
			v.Add("feedback.behaviours", "invalid.assessment.feedback.value")
		case utf8.RuneCountInString(text) > assessmentFeedbackMax:
			v.Add("feedback.behaviours."+string(cv), "invalid.assessment.feedback.long", assessmentFeedbackMax)
		case text != "":
			out.Behaviours[cv] = text
		}
	}
	if v.Err() != nil {
		return out, &v
	}
	return out, nil
}

// emitCurve tells whoever watches the OPD's calibration that its curve
// moved: the OPD head, live. The head's own result not yet sent moves the
// curve without its predikat.
func emitCurve(ctx context.Context, tx *store.Tx, f assessmentFacts, after model.Assessment) error {
	if f.OPDHead == "" {
		return nil
	}
	seen := seenBy(model.Actor{InstansiID: after.InstansiID, EmployeeID: f.OPDHead}, after)
	return tx.Emit(ctx, f.OPDHead, "curve.changed", map[string]any{"opd_id": after.OPDID, "period_id": after.PeriodID,
		"assessment_id": after.ID, "predikat": seen.Predikat, "status": seen.Status})
}

// FinalizeAssessment sends a rated assessment to the employee. The OPD's
// capaian kinerja organisasi for the period must be set (the curve comes
// from it), and the result may not push the OPD past a maximum of its
// pattern as the calibration screen states it (model.Rules.CurveRoom: a
// refusal naming the limit): the count and the write are one transaction,
// queued behind any other finalisation in the OPD, so two raters at once
// cannot both take the last place under a limit. An OPD of fewer people
// than the rules' SmallOPD only warns.
func (a *App) FinalizeAssessment(ctx context.Context, actor model.Actor, id string, version int) (model.Assessment, error) {
	f, err := a.assessmentFacts(ctx, actor, id)
	if err != nil {
		return model.Assessment{}, err
	}
	if err := assessmentAllows(actor, f, stepFinalize); err != nil {
		return f.A, err
	}
	if version != f.A.Version {
		return f.A, fmt.Errorf("assessment %s: %w", id, model.ErrStale)
	}
	capaian, err := a.capaianOf(ctx, f.A.OPDID, f.A.PeriodID)
	if err != nil {
		return f.A, err
	}
	if capaian == "" {
		return f.A, model.Refused("conflict.assessment.nocapaian")
	}
	rules, err := model.RulesOf(f.A.Regime)
	if err != nil {
		return f.A, err
	}
	after := f.A
	after.Status, after.FinalizedBy, after.FinalizedAt = model.AssessmentFinal, actor.EmployeeID, a.now().UTC()
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		g, _, err := recheck(ctx, tx, f)
		if err != nil {
			return err
		}
		if err := assessmentAllows(actor, g, stepFinalize); err != nil {
			return err
		}
		entries, err := tx.CurveEntries(ctx, f.A.OPDID, f.A.PeriodID)
		if err != nil {
			return err
		}
		if err := rules.CurveRoom(capaian, model.TallyCurve(entries), after.ID, after.Predikat); err != nil {
			return err
		}
		if after, err = tx.UpdateAssessment(ctx, "assessment.finalize", f.A, after); err != nil {
			return err
		}
		if err := tx.Emit(ctx, after.EmployeeID, "assessment.finalized", map[string]any{"assessment_id": after.ID,
			"period_id": after.PeriodID, "predikat": after.Predikat, "hasil_kerja": after.HasilKerja, "perilaku_kerja": after.PerilakuKerja}); err != nil {
			return err
		}
		if err := tx.Notify(ctx, model.Notification{InstansiID: after.InstansiID, EmployeeID: after.EmployeeID, Kind: "assessment.finalized",
			Args: []string{f.Period.Name()}, Link: "/penilaian/" + after.ID}); err != nil {
			return err
		}
		return emitCurve(ctx, tx, f, after)
	})
	return after, err
}

// AcknowledgeAssessment records that the employee received their result.
func (a *App) AcknowledgeAssessment(ctx context.Context, actor model.Actor, id string) (model.Assessment, error) {
	f, err := a.assessmentFacts(ctx, actor, id)
	if err != nil {
		return model.Assessment{}, err
	}
	if err := assessmentAllows(actor, f, stepAcknowledge); err != nil {
		return f.A, err
	}
	after := f.A
	after.AcknowledgedAt = a.now().UTC()
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		// Under the lock a calibration move takes: the result
		// acknowledged is the one read, not one moved meanwhile.
		g, _, err := recheck(ctx, tx, f)
		if err != nil {
			return err
		}
		if err := assessmentAllows(actor, g, stepAcknowledge); err != nil {
			return err
		}
		after, err = tx.UpdateAssessment(ctx, "assessment.acknowledge", f.A, after)
		return err
	})
	return after, err
}

// Assessment returns one assessment the actor may read, with its rights,
// as the actor may see it (seenBy).
func (a *App) Assessment(ctx context.Context, actor model.Actor, id string) (AssessmentItem, error) {
	f, err := a.assessmentFacts(ctx, actor, id)
	if err != nil {
		return AssessmentItem{}, err
	}
	it := AssessmentItem{Assessment: seenBy(actor, f.A), Period: f.Period, Can: assessmentRights(actor, f)}
	if err := a.sendRoom(ctx, []*assessmentFacts{&f}, []*AssessmentRights{&it.Can}); err != nil {
		return it, err
	}
	if err := a.withObjections(ctx, actor, []*assessmentFacts{&f}, []*ObjectionPanel{&it.Objection}, []*AssessmentRights{&it.Can}); err != nil {
		return it, err
	}
	return it, nil
}
