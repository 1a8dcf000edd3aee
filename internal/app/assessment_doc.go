package app

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/export"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The documents of penilaian (domain reference §6.2 to §6.4): the
// Evaluasi Kinerja Pegawai and the Dokumen Evaluasi Kinerja Pegawai of an
// assessment, for those who may read the assessment, and the Penetapan
// Predikat Kinerja Organisasi of an OPD in a period, for those who may
// read its capaian. Each is a read model (for the printable page) and a
// PDF of the same data.

// EvaluationDocument is the Evaluasi Kinerja Pegawai as pages and the
// PDF show it.
type EvaluationDocument = export.EvaluationDocument

// AssessmentDocument is the Dokumen Evaluasi Kinerja Pegawai as pages and
// the PDF show it.
type AssessmentDocument = export.AssessmentDocument

// PerformanceDocument is the Penetapan Predikat Kinerja Organisasi as
// pages and the PDF show it.
type PerformanceDocument = export.PerformanceDocument

// docPlace is where an instansi's documents are signed: the name of the
// city or regency ("Sawahlunto" for "Pemerintah Kota Sawahlunto"), or ""
// (dots on the document) when the name does not say.
func docPlace(instansiName string) string {
	for _, prefix := range []string{"Pemerintah Kota ", "Pemerintah Kabupaten ", "Pemerintah Provinsi "} {
		if rest, ok := strings.CutPrefix(instansiName, prefix); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// dayIn is the day of t on clock zone, "" for the zero time.
func dayIn(t time.Time, zone *time.Location) model.Date {
	if t.IsZero() {
		return ""
	}
	return model.Date(t.In(zone).Format(time.DateOnly))
}

// distribution is the pola distribusi of an OPD in a period: the final
// predikat counted over the pegawai assessed (model.TallyCurve, as the
// calibration screen and sending count), and the pattern of capaian c in
// words with each limit the distribution breaks marked.
func (a *App) distribution(ctx context.Context, regime model.Regime, opdID, periodID string, c model.Capaian) (export.Distribution, error) {
	entries, err := a.store.CurveEntries(ctx, opdID, periodID)
	if err != nil {
		return export.Distribution{}, err
	}
	rules, err := model.RulesOf(regime)
	if err != nil {
		return export.Distribution{}, err
	}
	_, check := rules.CurveOf(c, model.TallyCurve(entries))
	d := export.Distribution{Capaian: c, Counts: check.Counts, Total: check.Total, Small: check.Small}
	for _, l := range check.Limits {
		d.Limits = append(d.Limits, export.DistributionLimit{Text: export.Label(l.Message), Broken: check.Rated > 0 && l.Broken()})
	}
	return d, nil
}

// assessmentPeople are the three people of an assessment as its documents
// name them: the snapshots taken when it was rated, or who rates it today
// while it is not.
func assessmentPeople(v AssessmentView) (employee, rater, upper model.PersonSnapshot) {
	employee, rater, upper = v.Assessment.Employee, v.Assessment.Rater, v.Assessment.UpperRater
	if employee.Name == "" {
		employee = v.SKP.Employee
	}
	if rater.Name == "" {
		rater = v.Rater
	}
	if upper.Name == "" {
		upper = v.UpperRater
	}
	return employee, rater, upper
}

// EvaluationDocument loads the Evaluasi Kinerja Pegawai of an assessment
// the actor may read (AssessmentView's rule; otherwise model.ErrNotFound),
// refused to the rated employee until the result is sent to them.
func (a *App) EvaluationDocument(ctx context.Context, actor model.Actor, id string) (EvaluationDocument, error) {
	v, err := a.AssessmentView(ctx, actor, id)
	if err != nil {
		return EvaluationDocument{}, err
	}
	if err := unsentDocument(actor, v.Assessment); err != nil {
		return EvaluationDocument{}, err
	}
	in, err := a.store.Instansi(ctx, v.Assessment.InstansiID)
	if err != nil {
		return EvaluationDocument{}, err
	}
	zone := a.TimeZone(ctx, in.ID).Location()
	as := v.Assessment
	employee, rater, _ := assessmentPeople(v)
	doc := EvaluationDocument{InstansiName: in.Name, Approach: v.SKP.Approach, Period: v.Period,
		From: maxDate(v.SKP.PeriodStart, v.Period.Start), To: minDate(v.SKP.PeriodEnd, v.Period.End),
		Employee: employee, Rater: rater, HasilKerja: as.HasilKerja, Perilaku: as.PerilakuKerja, Predikat: as.Predikat,
		Place: docPlace(in.Name)}
	if doc.Distribution, err = a.distribution(ctx, as.Regime, as.OPDID, as.PeriodID, v.Capaian); err != nil {
		return doc, err
	}
	for _, r := range v.Results {
		res := export.EvaluationResult{Kind: r.RHK.Kind, Description: r.RHK.Description, UmpanBalik: r.UmpanBalik}
		for _, ai := range r.Indicators {
			in := ai.Indicator
			// The period's part of the target beside the period's
			// realisasi, as the rating screen shows it; the whole
			// target beside it, labelled.
			ei := export.EvaluationIndicator{Description: in.Description, Target: strings.TrimSpace(in.Target + " " + in.Unit), Basis: ai.Basis}
			if due := ai.PeriodDue(); due != "" {
				ei.Target, ei.WholeTarget = strings.TrimSpace(due+" "+in.Unit), ei.Target
			}
			if strings.TrimSpace(ai.Realisasi) != "" {
				ei.Realisasi = strings.TrimSpace(ai.Realisasi + " " + in.Unit)
			}
			res.Indicators = append(res.Indicators, ei)
		}
		doc.Results = append(doc.Results, res)
	}
	names := map[model.CoreValue]string{}
	for _, cv := range model.CoreValues {
		names[cv.Value] = cv.Name
	}
	for _, b := range v.Behaviours {
		doc.Behaviours = append(doc.Behaviours, export.EvaluationBehaviour{Name: names[b.Behaviour.Value], Guides: b.Behaviour.Guides[:],
			Expectation: b.Behaviour.Expectation, UmpanBalik: b.UmpanBalik})
	}
	if doc.Changes, err = a.resultChanges(ctx, as, v.Moves, zone); err != nil {
		return doc, err
	}
	doc.Signatures = []export.Signature{employeeSignature(as, employee, zone), withSentNote(raterSignature(as, rater, zone), doc.Changes)}
	return doc, nil
}

// WriteEvaluationDocument renders the Evaluasi Kinerja Pegawai of an
// assessment as a PDF.
func (a *App) WriteEvaluationDocument(ctx context.Context, actor model.Actor, id string, w io.Writer) error {
	doc, err := a.EvaluationDocument(ctx, actor, id)
	if err != nil {
		return err
	}
	return export.WriteEvaluation(w, doc)
}

// AssessmentDocument loads the Dokumen Evaluasi Kinerja Pegawai of an
// assessment the actor may read (AssessmentView's rule; otherwise
// model.ErrNotFound), refused to the rated employee until the result is
// sent to them.
func (a *App) AssessmentDocument(ctx context.Context, actor model.Actor, id string) (AssessmentDocument, error) {
	f, err := a.assessmentFacts(ctx, actor, id)
	if err != nil {
		return AssessmentDocument{}, err
	}
	if err := unsentDocument(actor, f.A); err != nil {
		return AssessmentDocument{}, err
	}
	as := seenBy(actor, f.A)
	in, err := a.store.Instansi(ctx, as.InstansiID)
	if err != nil {
		return AssessmentDocument{}, err
	}
	zone := a.TimeZone(ctx, in.ID).Location()
	v := AssessmentView{Assessment: as, SKP: f.SKP}
	if as.Rater.Name == "" || as.UpperRater.Name == "" {
		chart, err := a.OrgChart(ctx, as.InstansiID)
		if err != nil {
			return AssessmentDocument{}, err
		}
		if v.Rater, v.UpperRater, err = a.raterSnapshots(ctx, chart, f.SKP.EmployeeID, f.SKP.PositionID); err != nil {
			return AssessmentDocument{}, err
		}
	}
	employee, rater, upper := assessmentPeople(v)
	capaian, err := a.capaianOf(ctx, as.OPDID, as.PeriodID)
	if err != nil {
		return AssessmentDocument{}, err
	}
	objection, decided, err := a.objectionForDocument(ctx, as)
	if err != nil {
		return AssessmentDocument{}, err
	}
	upperSign, err := a.upperSignature(ctx, decided, upper, zone)
	if err != nil {
		return AssessmentDocument{}, err
	}
	moves, err := a.store.AssessmentMoves(ctx, as.ID)
	if err != nil {
		return AssessmentDocument{}, err
	}
	changes, err := a.resultChanges(ctx, as, moves, zone)
	if err != nil {
		return AssessmentDocument{}, err
	}
	return AssessmentDocument{InstansiName: in.Name, Period: f.Period,
		From: maxDate(f.SKP.PeriodStart, f.Period.Start), To: minDate(f.SKP.PeriodEnd, f.Period.End),
		Employee: employee, Rater: rater, UpperRater: upper, Capaian: capaian, Predikat: as.Predikat, Note: as.Note,
		Objection: objection, Changes: changes, Place: docPlace(in.Name),
		Signatures: []export.Signature{employeeSignature(as, employee, zone), withSentNote(raterSignature(as, rater, zone), changes), upperSign}}, nil
}

// The signature blocks of an assessment's documents (docs/penilaian-dokumen.md,
// "Tanggal dan tempat"): a block is dated, and carries its electronic
// note, only for an act its signer did in Kinerja: the employee when they
// confirmed receiving the result as it stands (not when it reached them:
// a result changed since, by calibration or a keberatan decision, is
// confirmed anew), the pejabat penilai when they sent it, the atasan
// when they decided the keberatan. What is not done is left dotted for
// the pen.

// employeeSignature is the rated employee's block: dated the day they
// confirmed the result.
func employeeSignature(as model.Assessment, employee model.PersonSnapshot, zone *time.Location) export.Signature {
	return export.Signed(export.RoleEmployee, employee, export.SignConfirmed, actedAt(employee, as.EmployeeID, as.AcknowledgedAt), zone)
}

// raterSignature is the pejabat penilai's block: dated the day they sent
// the result.
func raterSignature(as model.Assessment, rater model.PersonSnapshot, zone *time.Location) export.Signature {
	return export.Signed(export.RoleRater, rater, export.SignSent, actedAt(rater, as.FinalizedBy, as.FinalizedAt), zone)
}

// upperSignature is the atasan pejabat penilai's block: dated the day
// they decided the keberatan (nil: none decided). The atasan who decided
// signs, also when they are not the one of the day of the rating.
func (a *App) upperSignature(ctx context.Context, decided *model.Objection, upper model.PersonSnapshot, zone *time.Location) (export.Signature, error) {
	if decided == nil {
		return export.Signed(export.RoleUpperRater, upper, export.SignDecided, time.Time{}, zone), nil
	}
	if decided.DecidedBy != "" && decided.DecidedBy != upper.EmployeeID {
		people, err := a.store.EmployeesByID(ctx, []string{decided.DecidedBy})
		if err != nil {
			return export.Signature{}, err
		}
		if e, ok := people[decided.DecidedBy]; ok {
			upper = model.SnapshotOf(e)
		}
	}
	return export.Signed(export.RoleUpperRater, upper, export.SignDecided, actedAt(upper, decided.DecidedBy, decided.DecidedAt), zone), nil
}

// actedAt is when person did an act done by who at t: t when they are
// the one who did it, else zero (someone else's act is not theirs to
// sign for). A person or an act without a recorded employee counts as
// theirs.
func actedAt(person model.PersonSnapshot, who string, t time.Time) time.Time {
	if person.EmployeeID != "" && who != "" && person.EmployeeID != who {
		return time.Time{}
	}
	return t
}

// resultChanges are the changes of a result after it was sent, oldest
// first, as the documents print them (export.ResultChange): each
// calibration move and capaian change (moves) and a keberatan decision
// that changed the ratings, with who made it and why, so that a
// predikat changed after sending is never read as the pejabat penilai's.
func (a *App) resultChanges(ctx context.Context, as model.Assessment, moves []model.AssessmentMove, zone *time.Location) ([]export.ResultChange, error) {
	type dated struct {
		at time.Time
		c  export.ResultChange
	}
	var list []dated
	for _, m := range moves {
		c := export.ResultChange{Date: dayIn(m.MovedAt, zone), Cause: export.ChangeCalibration, By: m.MovedByName, Reason: m.Reason, From: m.From, To: m.To}
		if m.Cause == model.MoveCapaian {
			c.Cause, c.FromCapaian, c.ToCapaian = export.ChangeCapaian, m.FromCapaian, m.ToCapaian
		}
		list = append(list, dated{m.MovedAt, c})
	}
	o, err := a.store.ObjectionOf(ctx, as.ID)
	if err != nil && !IsNotFound(err) {
		return nil, err
	}
	if err == nil && o.Status == model.ObjectionDecided && o.Decision == model.DecisionChange && o.From != o.To {
		by := o.DecidedBy
		if people, err := a.store.EmployeesByID(ctx, []string{o.DecidedBy}); err != nil {
			return nil, err
		} else if e, ok := people[o.DecidedBy]; ok {
			by = e.Name
		}
		list = append(list, dated{o.DecidedAt, export.ResultChange{Date: dayIn(o.DecidedAt, zone), Cause: export.ChangeDecision, By: by,
			Reason: o.DecisionNote, From: o.From, To: o.To}})
	}
	slices.SortStableFunc(list, func(x, y dated) int { return x.at.Compare(y.at) })
	out := make([]export.ResultChange, 0, len(list))
	for _, d := range list {
		out = append(out, d.c)
	}
	return out, nil
}

// withSentNote adds to the pejabat penilai's block the predikat they
// sent when the result changed after they sent it (export.SentNote).
func withSentNote(sig export.Signature, changes []export.ResultChange) export.Signature {
	if n := export.SentNote(changes); n != "" && sig.Note != "" {
		sig.Note += ". " + n
	}
	return sig
}

// objectionForDocument is the keberatan of an assessment as the Dokumen
// Evaluasi Kinerja Pegawai prints it (sections 6 to 8): the employee's
// reason, the pejabat penilai's explanation and the atasan's decision
// with their dates, each on the instansi's calendar; "-" for what is not
// (yet) there. decided is the keberatan once decided, nil before.
func (a *App) objectionForDocument(ctx context.Context, as model.Assessment) (text export.ObjectionText, decided *model.Objection, err error) {
	o, err := a.store.ObjectionOf(ctx, as.ID)
	if IsNotFound(err) {
		return export.ObjectionText{Reason: "-", Explanation: "-", Decision: "-"}, nil, nil
	}
	if err != nil {
		return export.ObjectionText{}, nil, err
	}
	zone := a.TimeZone(ctx, as.InstansiID).Location()
	t := export.ObjectionText{Reason: o.Reason, Explanation: cmpOr(o.Explanation, "-"), Decision: cmpOr(o.DecisionNote, "-"),
		ReasonDate: dayIn(o.SubmittedAt, zone), ExplanationDate: dayIn(o.ExplainedAt, zone), DecisionDate: dayIn(o.DecidedAt, zone),
		Outcome: o.Decision, To: o.To}
	if o.Status == model.ObjectionDecided && !o.DecidedAt.IsZero() {
		decided = &o
	}
	return t, decided, nil
}

func cmpOr(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// WriteAssessmentDocument renders the Dokumen Evaluasi Kinerja Pegawai of
// an assessment as a PDF.
func (a *App) WriteAssessmentDocument(ctx context.Context, actor model.Actor, id string, w io.Writer) error {
	doc, err := a.AssessmentDocument(ctx, actor, id)
	if err != nil {
		return err
	}
	return export.WriteAssessmentDocument(w, doc)
}

// PerformanceDocument loads the Penetapan Predikat Kinerja Organisasi of
// OPD unitID in period periodID for those who may read its capaian
// (UnitPerformanceView's rule; otherwise model.ErrNotFound). Before the
// capaian is set it shows the levels unmarked and no signer's date.
func (a *App) PerformanceDocument(ctx context.Context, actor model.Actor, unitID, periodID string) (PerformanceDocument, error) {
	v, err := a.UnitPerformanceView(ctx, actor, unitID, periodID)
	if err != nil {
		return PerformanceDocument{}, err
	}
	in, err := a.store.Instansi(ctx, v.Unit.InstansiID)
	if err != nil {
		return PerformanceDocument{}, err
	}
	zone := a.TimeZone(ctx, in.ID).Location()
	doc := PerformanceDocument{InstansiName: in.Name, UnitName: v.Unit.Name, Period: v.Period, Place: docPlace(in.Name),
		Setter: export.Signature{Role: export.RoleSetter}}
	var capaian model.Capaian
	setter := ""
	if v.Performance != nil {
		// Set: the one who set it signs, dated the day they did.
		capaian, doc.Basis, setter = v.Performance.Capaian, v.Performance.Basis, v.Performance.SetBy
		doc.Setter = export.Signed(export.RoleSetter, model.PersonSnapshot{}, export.SignSet, v.Performance.SetAt, zone)
	} else if v.Setter != nil {
		setter = v.Setter.ID
	}
	doc.Capaian = capaian
	if setter != "" {
		people, err := a.store.EmployeesByID(ctx, []string{setter})
		if err != nil {
			return doc, err
		}
		if e, ok := people[setter]; ok {
			doc.Setter.Person = model.SnapshotOf(e)
			if doc.Setter.Person.Position != "" {
				doc.Setter.Role = doc.Setter.Person.Position
			}
		} else if v.Performance != nil {
			doc.Setter.Person.Name = v.Performance.SetByName
		}
	}
	for _, r := range v.Recommendations {
		rec := export.Recommendation{Source: export.Label(r.Source.Label()), Capaian: r.Capaian,
			Note: r.Note, By: r.ByName, Date: dayIn(r.At, zone)}
		if r.OnBehalf {
			rec.Basis = r.Basis
		}
		if by := v.Recommendation(r.SupersededBy); by != nil {
			rec.Superseded, rec.SupersededDate = true, dayIn(by.At, zone)
		}
		doc.Recommendations = append(doc.Recommendations, rec)
	}
	if doc.Distribution, err = a.distribution(ctx, model.CurrentRegime, v.Unit.ID, v.Period.ID, capaian); err != nil {
		return doc, err
	}
	return doc, nil
}

// WritePerformanceDocument renders the Penetapan Predikat Kinerja
// Organisasi of an OPD in a period as a PDF.
func (a *App) WritePerformanceDocument(ctx context.Context, actor model.Actor, unitID, periodID string, w io.Writer) error {
	doc, err := a.PerformanceDocument(ctx, actor, unitID, periodID)
	if err != nil {
		return err
	}
	if err := export.WritePerformanceDocument(w, doc); err != nil {
		return fmt.Errorf("penetapan of unit %s: %w", unitID, err)
	}
	return nil
}
