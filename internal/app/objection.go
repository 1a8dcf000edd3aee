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

// Keberatan (decision 8; PP 30/2019 Pasal 59): the employee objects to a
// final result with reasons, within model.ObjectionWindowDays calendar
// days of receiving it on the instansi's clock; the pejabat penilai of the
// day explains; the atasan pejabat penilai of the day decides to keep the
// ratings or to change them. The decision is final: the assessment takes
// the new ratings in the same transaction, its predikat computed by the
// rules of its regime, and nothing about it changes afterwards. The
// annual result may always be objected to; a periodic one only where the
// instansi enables it.

// TargetObjection is the evidence target of an objection: the employee
// attaches evidence to their objection while it waits for the
// explanation.
const TargetObjection = "objection"

// objectionTextMax is the limit of a reason, an explanation and a
// decision's note, in characters.
const objectionTextMax = 4000

// objectionStep is an act on an objection.
type objectionStep int

const (
	stepObject objectionStep = iota
	stepExplain
	stepDecide
)

// objectionFacts is what the rights on an objection depend on: the
// assessment's facts, its objection (ID "" when none), the instansi's
// clock and whether it takes objections to periodic results.
type objectionFacts struct {
	assessmentFacts
	O        model.Objection
	Zone     model.TimeZone
	Periodic bool
	Now      time.Time
}

// deadline is the last day to object to the result: "" until the result
// is final. It counts from the day the employee received the result as
// it stands (model.Redeliver): a result changed after it was sent opens
// the window again from the day of the change. Once objected to, the
// objection keeps the deadline it was made within.
func (f objectionFacts) deadline() model.Date {
	if f.O.ID != "" {
		return f.O.Deadline
	}
	if f.A.Status != model.AssessmentFinal || f.A.ReceivedAt.IsZero() {
		return ""
	}
	return model.ObjectionDeadline(f.A.ReceivedAt, f.Zone)
}

// decider is who decides the objection: the atasan pejabat penilai of
// the day; where the pejabat penilai has no atasan (the Wali Kota rating
// an OPD head), the pejabat penilai, who as the top of the line decides
// after explaining (docs/penilaian-keberatan.md).
func (f objectionFacts) decider() string {
	if f.Upper != "" {
		return f.Upper
	}
	return f.Rater
}

// objectionAllows is the rule for each act on an objection; the actions
// ask it before they act and ObjectionRights shows it.
func objectionAllows(actor model.Actor, f objectionFacts, step objectionStep) error {
	self := actor.EmployeeID != "" && actor.EmployeeID == f.A.EmployeeID
	switch step {
	case stepObject:
		if !self {
			return forbidden("object to another employee's result")
		}
		if f.O.ID != "" {
			return &model.StateError{Message: model.Msg("conflict.objection.exists"), Err: model.ErrConflict}
		}
		if f.A.Status != model.AssessmentFinal || f.A.ReceivedAt.IsZero() {
			return model.Refused("conflict.objection.notsent")
		}
		if f.Period.Kind != model.PeriodAnnual && !f.Periodic {
			return model.Refused("conflict.objection.periodic")
		}
		if d := f.deadline(); !model.ObjectionOpen(d, f.Zone, f.Now) {
			return model.Refused("conflict.objection.late", model.DateLabel(d))
		}
		return nil
	case stepExplain:
		if f.O.ID == "" {
			return fmt.Errorf("no objection: %w", model.ErrNotFound)
		}
		if self {
			return forbidden("explain one's own objection")
		}
		if actor.EmployeeID == "" || actor.EmployeeID != f.Rater {
			return forbidden("explain an objection one is not the pejabat penilai of")
		}
		if f.O.Status != model.ObjectionSubmitted {
			if f.O.Status == model.ObjectionDecided {
				return model.Refused("conflict.objection.decided")
			}
			return model.Refused("conflict.objection.explained")
		}
		return nil
	case stepDecide:
		if f.O.ID == "" {
			return fmt.Errorf("no objection: %w", model.ErrNotFound)
		}
		if self {
			return forbidden("decide one's own objection")
		}
		if actor.EmployeeID == "" || actor.EmployeeID != f.decider() {
			return forbidden("decide an objection one is not the atasan pejabat penilai of")
		}
		switch {
		case f.O.Status == model.ObjectionExplained:
		case f.O.Status == model.ObjectionSubmitted && f.Rater == "":
			// No pejabat penilai holds the post today to explain: the
			// atasan decides on the reason and the result as they are.
		case f.O.Status == model.ObjectionSubmitted:
			return model.Refused("conflict.objection.unexplained")
		default:
			return model.Refused("conflict.objection.decided")
		}
		return nil
	}
	return forbidden("unknown act")
}

// recheck asks the rule of step again in the act's transaction, of the
// facts read again under the lock a calibration move takes (the
// assessment's recheck), and refuses an objection changed since it was
// read as stale.
func (f objectionFacts) recheck(ctx context.Context, tx *store.Tx, actor model.Actor, step objectionStep) error {
	g, cur, err := recheck(ctx, tx, f.assessmentFacts)
	if err != nil {
		return err
	}
	if cur.ID != f.O.ID || cur.Version != f.O.Version {
		return fmt.Errorf("objection %s changed since version %d: %w", f.O.ID, f.O.Version, model.ErrStale)
	}
	now := f
	now.assessmentFacts, now.O = g, cur
	return objectionAllows(actor, now, step)
}

// sameResult reports whether two reads of an assessment show the employee
// the same result: the same ratings, received at the same moment (an
// acknowledgement in between changes neither).
func sameResult(a, b model.Assessment) bool {
	return a.Status == b.Status && a.HasilKerja == b.HasilKerja && a.PerilakuKerja == b.PerilakuKerja &&
		a.Predikat == b.Predikat && a.ReceivedAt.Equal(b.ReceivedAt)
}

// ObjectionRights is what the actor may do about a result's objection now.
type ObjectionRights struct {
	Object  bool // object to the result: its employee, while the window is open
	Explain bool // write the explanation: the pejabat penilai of the day
	Decide  bool // keep or change the ratings: the atasan pejabat penilai of the day
	Attach  bool // attach evidence to the objection: its employee, until it is explained
	// ObjectRefused says why the actor may not object to the result now
	// (someone else's result, not sent yet, a periodic result where the
	// instansi takes none, objected to already, the last day passed): the
	// reason objectionAllows gives. Its Key is "" when Object.
	ObjectRefused model.Message
}

func objectionRights(actor model.Actor, f objectionFacts) ObjectionRights {
	ok := func(s objectionStep) bool { return objectionAllows(actor, f, s) == nil }
	r := ObjectionRights{Explain: ok(stepExplain), Decide: ok(stepDecide),
		Attach: f.O.ID != "" && f.O.Status == model.ObjectionSubmitted && actor.EmployeeID != "" && actor.EmployeeID == f.O.EmployeeID}
	r.ObjectRefused = refusalOf(objectionAllows(actor, f, stepObject), "conflict.objection.notself")
	r.Object = r.ObjectRefused.Key == ""
	return r
}

// refusalOf is the reason a rule refused an act, as a message: the state
// it names, or forbidden (the act is not the actor's) for a refusal of
// who acts. The zero Message for nil.
func refusalOf(err error, forbidden string) model.Message {
	var refused *model.StateError
	switch {
	case err == nil:
		return model.Message{}
	case errors.As(err, &refused):
		return refused.Message
	}
	return model.Msg(forbidden)
}

// objectionFacts adds to an assessment's facts its objection and the
// instansi's clock and choice.
func (a *App) objectionFactsOf(ctx context.Context, f assessmentFacts) (objectionFacts, error) {
	// The facts were loaded with the objection (factsOfAll).
	of := objectionFacts{assessmentFacts: f, O: f.objection, Zone: a.TimeZone(ctx, f.A.InstansiID), Now: a.now()}
	var err error
	if of.Periodic, err = a.store.PeriodicObjections(ctx, f.A.InstansiID); err != nil {
		return of, err
	}
	return of, nil
}

// objectionPanels is the keberatan part of the read model of each
// assessment of facts (a zero panel for nil facts): facts loaded with
// their objections, and the instansi's clock and choice read once.
func (a *App) objectionPanels(ctx context.Context, actor model.Actor, facts []*assessmentFacts) ([]ObjectionPanel, error) {
	out := make([]ObjectionPanel, len(facts))
	if len(facts) == 0 {
		return out, nil
	}
	periodic, err := a.store.PeriodicObjections(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	zone, now := a.TimeZone(ctx, actor.InstansiID), a.now()
	for i, f := range facts {
		if f != nil {
			out[i] = panelOf(actor, objectionFacts{assessmentFacts: *f, O: f.objection, Zone: zone, Periodic: periodic, Now: now})
		}
	}
	return out, nil
}

// objectionFactsByID loads an objection the actor may read (one whose
// assessment they may read) with its facts.
func (a *App) objectionFactsByID(ctx context.Context, actor model.Actor, id string) (objectionFacts, error) {
	hidden := fmt.Errorf("objection %s: %w", id, model.ErrNotFound)
	o, err := a.store.Objection(ctx, id)
	if err != nil || o.InstansiID != actor.InstansiID {
		return objectionFacts{}, hidden
	}
	f, err := a.assessmentFacts(ctx, actor, o.AssessmentID)
	if err != nil {
		if IsNotFound(err) {
			return objectionFacts{}, hidden
		}
		return objectionFacts{}, err
	}
	return a.objectionFactsOf(ctx, f)
}

// objectionItems lists objections with the results they concern and
// the actor's rights, in a fixed number of queries whatever their number
// (objectionFactsOf for each, in bulk). Those whose result the actor may
// not read are left out.
func (a *App) objectionItems(ctx context.Context, actor model.Actor, list []model.Objection) ([]ObjectionItem, error) {
	if len(list) == 0 {
		return nil, nil
	}
	ids := make([]string, len(list))
	for i, o := range list {
		ids[i] = o.AssessmentID
	}
	byID, err := a.store.AssessmentsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	var assessed []model.Assessment
	var objections []model.Objection
	for _, o := range list {
		if as, ok := byID[o.AssessmentID]; ok && as.InstansiID == actor.InstansiID {
			assessed, objections = append(assessed, as), append(objections, o)
		}
	}
	facts, err := a.factsOfAll(ctx, actor, assessed, false)
	if err != nil {
		return nil, err
	}
	periodic, err := a.store.PeriodicObjections(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	zone, now := a.TimeZone(ctx, actor.InstansiID), a.now()
	var out []ObjectionItem
	for i, f := range facts {
		if f == nil {
			continue
		}
		of := objectionFacts{assessmentFacts: *f, O: objections[i], Zone: zone, Now: now, Periodic: periodic}
		p := panelOf(actor, of)
		out = append(out, ObjectionItem{Objection: of.O, Assessment: f.A, Period: f.Period, Can: p.Can, Panel: p})
	}
	return out, nil
}

// ObjectionPanel is the keberatan part of an assessment's page: its
// objection (HasObjection false when none), the last day to object and
// whether that day has passed, whether the result may be objected to at
// all, and what the actor may do.
type ObjectionPanel struct {
	HasObjection bool
	Objection    model.Objection
	// Deadline is the last day to object, on the instansi's clock ("" while
	// the result is not final); the window closes at the end of that day.
	Deadline model.Date
	// Received is the day the result was received as it stands (its
	// sending, or its latest change), from which the window counts.
	Received model.Date
	Zone     model.TimeZone
	// Open: the window is open now (the result is final and its last day
	// has not ended).
	Open bool
	// Allowed: this result may be objected to at all (an annual one, or a
	// periodic one where the instansi enables it).
	Allowed bool
	Can     ObjectionRights
}

// DeadlineLabel is the last day to object as a message in the reader's
// language ("17 Maret 2026").
func (p ObjectionPanel) DeadlineLabel() any { return model.DateLabel(p.Deadline) }

// ReceivedLabel is the day the window counts from as a message in the
// reader's language.
func (p ObjectionPanel) ReceivedLabel() any { return model.DateLabel(p.Received) }

// DeadlineAt is the last minute to object, 23.59 of the last day on the
// instansi's clock (zero while the result is not final); the window
// closes at the end of that minute.
func (p ObjectionPanel) DeadlineAt() time.Time {
	if p.Deadline == "" {
		return time.Time{}
	}
	t := p.Deadline.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), 23, 59, 59, 0, p.Zone.Location())
}

func panelOf(actor model.Actor, f objectionFacts) ObjectionPanel {
	p := ObjectionPanel{HasObjection: f.O.ID != "", Objection: f.O, Deadline: f.deadline(), Zone: f.Zone,
		Allowed: f.Period.Kind == model.PeriodAnnual || f.Periodic, Can: objectionRights(actor, f)}
	p.Open = p.Deadline != "" && model.ObjectionOpen(p.Deadline, f.Zone, f.Now)
	if p.Deadline != "" {
		p.Received = model.Date(p.Deadline.Time().AddDate(0, 0, -model.ObjectionWindowDays).Format(time.DateOnly))
	}
	return p
}

// ObjectionPanel loads the keberatan part of the page of an assessment
// the actor may read.
func (a *App) ObjectionPanel(ctx context.Context, actor model.Actor, assessmentID string) (ObjectionPanel, error) {
	f, err := a.assessmentFacts(ctx, actor, assessmentID)
	if err != nil {
		return ObjectionPanel{}, err
	}
	of, err := a.objectionFactsOf(ctx, f)
	if err != nil {
		return ObjectionPanel{}, err
	}
	return panelOf(actor, of), nil
}

// ObjectionView is the whole story of an objection: the result objected
// to, the reason and its evidence, the explanation, the decision, the
// deadline, who explains and who decides today, and what the actor may
// do.
type ObjectionView struct {
	ObjectionPanel
	Assessment model.Assessment
	Period     model.Period
	// Rater and UpperRater are the pejabat penilai and the atasan of the
	// day; Rater explains, Decider (the atasan, or the pejabat penilai
	// where there is no atasan) decides.
	Rater, UpperRater, Decider model.PersonSnapshot
	// ExplainedByName and DecidedByName name who did.
	ExplainedByName, DecidedByName string
	Evidence                       []EvidenceView
}

// Objection loads an objection the actor may read.
func (a *App) Objection(ctx context.Context, actor model.Actor, id string) (ObjectionView, error) {
	f, err := a.objectionFactsByID(ctx, actor, id)
	if err != nil {
		return ObjectionView{}, err
	}
	return a.objectionView(ctx, actor, f)
}

// AssessmentObjections lists the objections to an assessment the actor
// may read, as Objection reads each: none, or its one (a result is
// objected to once). An assessment the actor may not read is not found.
func (a *App) AssessmentObjections(ctx context.Context, actor model.Actor, assessmentID string) ([]ObjectionView, error) {
	f, err := a.assessmentFacts(ctx, actor, assessmentID)
	if err != nil {
		return nil, err
	}
	if f.objection.ID == "" {
		return nil, nil
	}
	of, err := a.objectionFactsOf(ctx, f)
	if err != nil {
		return nil, err
	}
	v, err := a.objectionView(ctx, actor, of)
	if err != nil {
		return nil, err
	}
	return []ObjectionView{v}, nil
}

// ObjectionToAssessment loads the objection page of an assessment the
// actor may read, with or without an objection yet (the form to object).
func (a *App) ObjectionToAssessment(ctx context.Context, actor model.Actor, assessmentID string) (ObjectionView, error) {
	f, err := a.assessmentFacts(ctx, actor, assessmentID)
	if err != nil {
		return ObjectionView{}, err
	}
	of, err := a.objectionFactsOf(ctx, f)
	if err != nil {
		return ObjectionView{}, err
	}
	return a.objectionView(ctx, actor, of)
}

func (a *App) objectionView(ctx context.Context, actor model.Actor, f objectionFacts) (ObjectionView, error) {
	v := ObjectionView{ObjectionPanel: panelOf(actor, f), Assessment: f.A, Period: f.Period}
	chart, err := a.OrgChart(ctx, f.A.InstansiID)
	if err != nil {
		return v, err
	}
	if v.Rater, v.UpperRater, err = a.raterSnapshots(ctx, chart, f.SKP.EmployeeID, f.SKP.PositionID); err != nil {
		return v, err
	}
	v.Decider = v.UpperRater
	if f.Upper == "" {
		v.Decider = v.Rater
	}
	if f.O.ID == "" {
		return v, nil
	}
	var ids []string
	for _, id := range []string{f.O.ExplainedBy, f.O.DecidedBy} {
		if id != "" {
			ids = append(ids, id)
		}
	}
	people, err := a.store.EmployeesByID(ctx, ids)
	if err != nil {
		return v, err
	}
	v.ExplainedByName, v.DecidedByName = people[f.O.ExplainedBy].Name, people[f.O.DecidedBy].Name
	files, err := a.store.EvidenceOn(ctx, TargetObjection, []string{f.O.ID})
	if err != nil {
		return v, err
	}
	v.Evidence = withoutDelete(evidenceViews(actor, files[f.O.ID]), v.Can.Attach)
	return v, nil
}

// cleanText trims a text and checks it is given (else the message
// required) and not too long.
func cleanText(v *model.ValidationError, field, required, text string) string {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		v.Add(field, required)
	case utf8.RuneCountInString(text) > objectionTextMax:
		v.Add(field, "invalid.objection.text.long", objectionTextMax)
	}
	return text
}

// objectionEvent is what the live events of an objection carry.
func objectionEvent(o model.Objection) map[string]any {
	return map[string]any{"id": o.ID, "assessment_id": o.AssessmentID, "status": o.Status, "deadline": o.Deadline,
		"decision": o.Decision}
}

// SubmitObjection records the employee's objection to their final result
// with a reason, within the window, and tells the pejabat penilai of the
// day (who explains) and the atasan pejabat penilai (to whom it is
// addressed).
func (a *App) SubmitObjection(ctx context.Context, actor model.Actor, assessmentID, reason string) (model.Objection, error) {
	f, err := a.assessmentFacts(ctx, actor, assessmentID)
	if err != nil {
		return model.Objection{}, err
	}
	of, err := a.objectionFactsOf(ctx, f)
	if err != nil {
		return model.Objection{}, err
	}
	if err := objectionAllows(actor, of, stepObject); err != nil {
		return model.Objection{}, err
	}
	var v model.ValidationError
	reason = cleanText(&v, "reason", "invalid.objection.reason.required", reason)
	if err := v.Err(); err != nil {
		return model.Objection{}, err
	}
	o := model.Objection{InstansiID: f.A.InstansiID, AssessmentID: f.A.ID, EmployeeID: f.A.EmployeeID, Reason: reason, Deadline: of.deadline()}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		// Under the lock a calibration move takes (recheck): the result
		// objected to is the one the employee read, not one moved since,
		// and a move waits for the objection and then leaves it alone.
		g, cur, err := recheck(ctx, tx, f)
		if err != nil {
			return err
		}
		if !sameResult(f.A, g.A) {
			// The objection carries no version: it is told the result moved.
			return model.Refused("conflict.objection.result.changed")
		}
		now := of
		now.assessmentFacts, now.O = g, cur
		if err := objectionAllows(actor, now, stepObject); err != nil {
			return err
		}
		if o, err = tx.CreateObjection(ctx, o); err != nil {
			return err
		}
		link := "/keberatan/" + o.ID
		args := []string{f.A.Employee.Name, f.Period.Name()}
		for i, to := range []struct{ id, variant string }{{f.Rater, ""}, {f.Upper, "upper"}} {
			if to.id == "" || to.id == f.A.EmployeeID || (i == 1 && to.id == f.Rater) {
				continue // nobody, the employee, or the rater told already
			}
			if err := tx.Notify(ctx, model.Notification{InstansiID: o.InstansiID, EmployeeID: to.id, Kind: "objection.submitted",
				Variant: to.variant, Args: args, Link: link}); err != nil {
				return err
			}
			if err := tx.Emit(ctx, to.id, "objection.submitted", objectionEvent(o)); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, model.ErrConflict) && !errors.Is(err, model.ErrStale) && !errors.As(err, new(*model.StateError)) {
		// Another request objected to the same result a moment ago.
		err = &model.StateError{Message: model.Msg("conflict.objection.exists"), Err: model.ErrConflict}
	}
	return o, err
}

// ExplainObjection records the pejabat penilai's explanation and tells
// the atasan pejabat penilai, who decides next.
func (a *App) ExplainObjection(ctx context.Context, actor model.Actor, id, explanation string, version int) (model.Objection, error) {
	f, err := a.objectionFactsByID(ctx, actor, id)
	if err != nil {
		return model.Objection{}, err
	}
	if err := objectionAllows(actor, f, stepExplain); err != nil {
		return f.O, err
	}
	var v model.ValidationError
	explanation = cleanText(&v, "explanation", "invalid.objection.explanation.required", explanation)
	if err := v.Err(); err != nil {
		return f.O, err
	}
	if version != 0 && version != f.O.Version {
		return f.O, fmt.Errorf("objection %s: %w", id, model.ErrStale)
	}
	after := f.O
	after.Status, after.Explanation, after.ExplainedBy, after.ExplainedAt = model.ObjectionExplained, explanation, actor.EmployeeID, a.now().UTC()
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := f.recheck(ctx, tx, actor, stepExplain); err != nil {
			return err
		}
		var err error
		if after, err = tx.UpdateObjection(ctx, "objection.explain", f.O, after); err != nil {
			return err
		}
		link := "/keberatan/" + after.ID
		if d := f.decider(); d != actor.EmployeeID {
			if err := tx.Notify(ctx, model.Notification{InstansiID: after.InstansiID, EmployeeID: d, Kind: "objection.explained",
				Args: []string{f.A.Employee.Name, f.Period.Name()}, Link: link}); err != nil {
				return err
			}
		}
		for _, to := range []string{f.decider(), f.A.EmployeeID} {
			if err := tx.Emit(ctx, to, "objection.explained", objectionEvent(after)); err != nil {
				return err
			}
		}
		return nil
	})
	return after, err
}

// DecideInput is the atasan pejabat penilai's decision: keep the ratings,
// or change them to the two ratings given. There is no predikat in it:
// the predikat follows.
type DecideInput struct {
	Decision      model.ObjectionDecision
	HasilKerja    model.Rating
	PerilakuKerja model.Rating
	Note          string
	Version       int // the objection's version read; 0 for any
	// Predikat is whether the request also carried a predikat, whatever
	// its value: refused (refuseTypedPredikat).
	Predikat bool
}

// DecideObjection records the atasan pejabat penilai's final decision.
// On change the assessment takes the new ratings and the predikat they
// give by its regime's rules, in the same transaction; a leader's rating
// hasil kerja follows the capaian kinerja organisasi, so only their
// perilaku kerja may change. The employee and the pejabat penilai are
// told.
func (a *App) DecideObjection(ctx context.Context, actor model.Actor, id string, in DecideInput) (model.Objection, error) {
	f, err := a.objectionFactsByID(ctx, actor, id)
	if err != nil {
		return model.Objection{}, err
	}
	if err := objectionAllows(actor, f, stepDecide); err != nil {
		return f.O, err
	}
	// Judged after access: whoever may not act is refused first.
	if err := refuseTypedPredikat(in.Predikat); err != nil {
		return f.O, err
	}
	rules, err := model.RulesOf(f.A.Regime)
	if err != nil {
		return f.O, err
	}
	from := model.RatingPair{HasilKerja: f.A.HasilKerja, PerilakuKerja: f.A.PerilakuKerja, Predikat: f.A.Predikat}
	to := from
	var v model.ValidationError
	in.Note = cleanText(&v, "note", "invalid.objection.note.required", in.Note)
	switch in.Decision {
	case model.DecisionKeep:
		// Keeping takes no new rating: one that differs from the result
		// would be dropped without a word, so it is refused instead.
		if in.HasilKerja != "" && in.HasilKerja != f.A.HasilKerja {
			v.Add("hasil_kerja", "invalid.objection.keep.rating", f.A.HasilKerja.Label())
		}
		if in.PerilakuKerja != "" && in.PerilakuKerja != f.A.PerilakuKerja {
			v.Add("perilaku_kerja", "invalid.objection.keep.rating", f.A.PerilakuKerja.Label())
		}
	case model.DecisionChange:
		if f.A.Leader {
			switch {
			case in.HasilKerja == "":
				in.HasilKerja = f.A.HasilKerja
			case in.HasilKerja != f.A.HasilKerja:
				v.Add("hasil_kerja", "invalid.objection.leader.hasilkerja", f.A.HasilKerja.Label())
			}
		} else if !in.HasilKerja.Valid() {
			v.Add("hasil_kerja", "invalid.rating")
		}
		if !in.PerilakuKerja.Valid() {
			v.Add("perilaku_kerja", "invalid.rating")
		}
		to.HasilKerja, to.PerilakuKerja = in.HasilKerja, in.PerilakuKerja
	default:
		v.Add("decision", "invalid.objection.decision")
	}
	if err := v.Err(); err != nil {
		return f.O, err
	}
	if in.Decision == model.DecisionChange {
		if to.Predikat, err = rules.Predikat(to.HasilKerja, to.PerilakuKerja); err != nil {
			return f.O, err
		}
		if to == from {
			return f.O, model.Invalid("decision", "invalid.objection.nochange")
		}
	}
	if in.Version != 0 && in.Version != f.O.Version {
		return f.O, fmt.Errorf("objection %s: %w", id, model.ErrStale)
	}
	after := f.O
	after.Status, after.Decision, after.DecisionNote, after.From, after.To = model.ObjectionDecided, in.Decision, in.Note, from, to
	after.DecidedBy, after.DecidedAt = actor.EmployeeID, a.now().UTC()
	assessed := f.A
	assessed.HasilKerja, assessed.PerilakuKerja, assessed.Predikat = to.HasilKerja, to.PerilakuKerja, to.Predikat
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := f.recheck(ctx, tx, actor, stepDecide); err != nil {
			return err
		}
		var err error
		if after, err = tx.UpdateObjection(ctx, "objection.decide", f.O, after); err != nil {
			return err
		}
		if assessed, err = tx.UpdateAssessment(ctx, "assessment.decide", f.A, assessed); err != nil {
			return err
		}
		link := "/keberatan/" + after.ID
		label := "keep"
		if after.Decision == model.DecisionChange {
			label = "change"
		}
		args := []string{f.A.Employee.Name, f.Period.Name()}
		for _, to := range []struct{ id, variant string }{{f.A.EmployeeID, label}, {f.Rater, "rater"}} {
			if to.id == "" || to.id == actor.EmployeeID {
				continue
			}
			if err := tx.Notify(ctx, model.Notification{InstansiID: after.InstansiID, EmployeeID: to.id, Kind: "objection.decided",
				Variant: to.variant, Args: args, Link: link}); err != nil {
				return err
			}
			if err := tx.Emit(ctx, to.id, "objection.decided", objectionEvent(after)); err != nil {
				return err
			}
		}
		if after.Decision == model.DecisionChange {
			return emitCurve(ctx, tx, f.assessmentFacts, assessed)
		}
		return nil
	})
	return after, err
}

// ObjectionItem is an objection in a list with the result it concerns.
type ObjectionItem struct {
	Objection  model.Objection
	Assessment model.Assessment
	Period     model.Period
	Can        ObjectionRights
	// ExplainedByName and DecidedByName name who did ("" before the step).
	ExplainedByName, DecidedByName string
	// Panel is the objection's deadline on the instansi's clock and the
	// day it counts from, as the objection's page shows them.
	Panel ObjectionPanel
}

// ObjectionFilter selects objections for the list. Each field narrows it
// and they combine; the zero filter selects every objection the actor may
// read.
type ObjectionFilter struct {
	Mine bool // only the actor's own
	// Todo: only those waiting for the actor to explain (the pejabat
	// penilai of the day) or decide (the atasan pejabat penilai of the day).
	Todo   bool
	OPDID  string // only objections to results counted in this OPD
	Status model.ObjectionStatus
	Cursor string // the id of the last objection of the page before
	Limit  int    // 50 when 0; at most 200
	// Count asks for Page.Total.
	Count bool
}

// ObjectionPage is one page of objections, newest first, and the cursor
// of the next ("" on the last).
type ObjectionPage struct {
	Items []ObjectionItem
	Next  string
	// Total is the objections the filter selects on all pages, when
	// ObjectionFilter.Count asks for it and they can be counted in SQL (the
	// todo filter aside, which rests on each item's rights, or on one page);
	// -1 otherwise.
	Total int
}

// mayListAllObjections is the rule for the instansi-wide keberatan section
// of /keberatan: BKPSDM, who runs personnel, and those who read every SKP
// (auditors, read-only: an item's rights stay their own, which lets them
// do nothing). They read every objection of the instansi in the list.
func mayListAllObjections(actor model.Actor) bool {
	return authz.Can(actor, authz.CalibrateAssessments, authz.Target{InstansiID: actor.InstansiID}) ||
		authz.Can(actor, authz.ReadSKP, authz.Target{InstansiID: actor.InstansiID, OPDID: "-", EmployeeID: "-"})
}

// MayListAllObjections reports whether /keberatan shows the actor the
// instansi's objections as a whole, with its OPD and state choices.
func (a *App) MayListAllObjections(actor model.Actor) bool { return mayListAllObjections(actor) }

// Objections lists a page of the objections the actor may read, newest
// first. Without a filter that is all of them (docs/architecture.md): the
// objections to every result the actor reads, their own, those of the
// people in their line below them (the pejabat penilai's and the atasan's
// among them), and what their role reads (an OPD's for its admins, the
// instansi's for BKPSDM, leaders and auditors). Each filter narrows the
// list and they combine: Mine to the actor's own; Todo to those waiting
// for the actor to explain or decide (so Mine with Todo holds none: no one
// explains or decides their own); OPDID to those counted in an OPD, for
// those who read its ratings as a whole (the OPD's head and admins,
// BKPSDM, leaders, auditors); Status to a state. An OPD the actor may not
// look at through the filter is model.ErrNotFound, as one that does not
// exist; a state that is none is a field error. The list is read in SQL
// narrowed to the actor's line and the OPDs their role reads, and the
// rights of each item are checked all the same, in a fixed number of
// queries per batch whatever the number of items.
func (a *App) Objections(ctx context.Context, actor model.Actor, f ObjectionFilter) (ObjectionPage, error) {
	switch f.Status {
	case "", model.ObjectionSubmitted, model.ObjectionExplained, model.ObjectionDecided:
	default:
		return ObjectionPage{}, model.Invalid("status", "invalid.objection.status")
	}
	if f.Cursor != "" {
		// A cursor is the id of an objection a page gave; any other would
		// answer an empty page.
		// One the actor may not read is no cursor of theirs either, so
		// that a cursor never tells whether someone else's objection exists.
		o, err := a.store.Objection(ctx, f.Cursor)
		readable := err == nil && o.InstansiID == actor.InstansiID
		if readable {
			items, err := a.objectionItems(ctx, actor, []model.Objection{o})
			if err != nil {
				return ObjectionPage{}, err
			}
			readable = len(items) == 1
		}
		if err := cursorGiven(readable, "invalid.cursor.next"); err != nil {
			return ObjectionPage{}, err
		}
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return ObjectionPage{}, err
	}
	sf := store.ObjectionFilter{InstansiID: actor.InstansiID, Status: f.Status, After: f.Cursor, Undecided: f.Todo}
	if f.OPDID != "" {
		u, err := a.store.Unit(ctx, f.OPDID)
		if err != nil || u.InstansiID != actor.InstansiID || !isOPD(u) {
			return ObjectionPage{}, fmt.Errorf("unit %s: %w", f.OPDID, model.ErrNotFound)
		}
		if err := mayReadCurveOf(actor, chart, u); err != nil {
			return ObjectionPage{}, unseen(err)
		}
		sf.OPDID = f.OPDID
	}
	if (f.Mine || f.Todo) && actor.EmployeeID == "" {
		// An account that is no employee objects to nothing and explains
		// or decides nothing.
		return ObjectionPage{Total: 0}, nil
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	sf.Limit = limit + 1
	// exact: SQL selects what the list holds, so that it counts it.
	exact := !f.Todo
	switch {
	case f.Mine:
		sf.Employees = []string{actor.EmployeeID}
	case f.OPDID != "":
		// The OPD's head reads it through their line, which may leave
		// someone out; its readers by role read it all.
		exact = exact && authz.Can(actor, authz.ReadSKP, authz.Target{InstansiID: actor.InstansiID, OPDID: f.OPDID, EmployeeID: "-"})
	default:
		reach, err := a.Reach(ctx, actor, authz.ReadSKP)
		if err != nil {
			return ObjectionPage{}, err
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
				sf.Employees, sf.OrOPDs, sf.Limit, exact = nil, nil, max(sf.Limit, lineCap), false
			}
		}
	}
	// A page holds limit items the actor may read; the next cursor is set
	// when one more follows. The rights of each item are checked whatever
	// SQL selected, so a batch may yield fewer: read on.
	page := ObjectionPage{Total: -1}
	for full := false; !full; {
		list, err := a.store.Objections(ctx, sf)
		if err != nil {
			return ObjectionPage{}, err
		}
		items, err := a.objectionItems(ctx, actor, list)
		if err != nil {
			return ObjectionPage{}, err
		}
		for _, it := range items {
			if f.Todo && !it.Can.Explain && !it.Can.Decide {
				continue
			}
			if len(page.Items) == limit {
				page.Next = page.Items[limit-1].Objection.ID
				full = true
				break
			}
			page.Items = append(page.Items, it)
		}
		if len(list) < sf.Limit {
			break
		}
		sf.After = list[len(list)-1].ID
	}
	if f.Count {
		switch {
		case f.Cursor == "" && page.Next == "":
			page.Total = len(page.Items) // the one page holds them all
		case exact:
			sf.After, sf.Limit = "", 0
			if page.Total, err = a.store.ObjectionCount(ctx, sf); err != nil {
				return page, err
			}
		}
	}
	// Who explained and who decided, read once for the page.
	var ids []string
	for _, it := range page.Items {
		for _, id := range []string{it.Objection.ExplainedBy, it.Objection.DecidedBy} {
			if id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > 0 {
		people, err := a.store.EmployeesByID(ctx, ids)
		if err != nil {
			return page, err
		}
		for i := range page.Items {
			it := &page.Items[i]
			it.ExplainedByName, it.DecidedByName = people[it.Objection.ExplainedBy].Name, people[it.Objection.DecidedBy].Name
		}
	}
	return page, nil
}

// HasObjections reports whether the keberatan page has something for the
// actor: objections of their own, or open ones in the instansi while they
// rate someone (the menu shows the page to them).
func (a *App) HasObjections(ctx context.Context, actor model.Actor) bool {
	if actor.EmployeeID == "" {
		return false
	}
	mine, err := a.store.Objections(ctx, store.ObjectionFilter{InstansiID: actor.InstansiID, EmployeeID: actor.EmployeeID, Limit: 1})
	if err == nil && len(mine) > 0 {
		return true
	}
	open, err := a.store.Objections(ctx, store.ObjectionFilter{InstansiID: actor.InstansiID, Undecided: true, Limit: 1})
	return err == nil && len(open) > 0 && a.IsRater(ctx, actor)
}

// objectionTarget is the work record an objection's evidence belongs to:
// the objector's.
func (a *App) objectionTarget(ctx context.Context, id string) (workTarget, error) {
	o, err := a.store.Objection(ctx, id)
	if err != nil {
		return workTarget{}, fmt.Errorf("%s %s: %w", TargetObjection, id, model.ErrNotFound)
	}
	return workTarget{o.InstansiID, o.EmployeeID, "/keberatan/" + o.ID, string(o.Deadline)}, nil
}

// objectionEvidenceOpen is the rule for evidence on an objection: it is
// attached or removed only until the pejabat penilai explains.
func (a *App) objectionEvidenceOpen(ctx context.Context, id string) error {
	o, err := a.store.Objection(ctx, id)
	if err != nil {
		return err
	}
	if o.Status != model.ObjectionSubmitted {
		return model.Refused("conflict.objection.evidence.closed")
	}
	return nil
}

// SetPeriodicObjections chooses whether the instansi lets periodic results
// be objected to (BKPSDM); the annual result always may be. Audited.
func (a *App) SetPeriodicObjections(ctx context.Context, actor model.Actor, on bool) error {
	if !authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID}) {
		return forbidden("set whether periodic results may be objected to")
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.SetPeriodicObjections(ctx, actor.InstansiID, on)
	})
}
