package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"sort"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Penilaian: the list of assessments (those one rates, one's own
// results), the rating screen, and the result the employee receives.

func (u *ui) assessmentRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /penilaian", u.showAssessments)
	page("GET /penilaian/{id}", u.showAssessment)
	page("POST /penilaian/{id}", u.rateAssessment)
	page("POST /penilaian/{id}/kirim", u.finalizeAssessment)
	page("POST /penilaian/{id}/terima", u.acknowledgeAssessment)
}

// assessmentGroup is the assessments of one period a rater rates.
type assessmentGroup struct {
	Period  model.Period
	Items   []app.AssessmentItem
	Open    int // not rated yet
	Unsent  int // rated, not yet sent to the employee
	Waiting int // Open + Unsent: what is left for the rater
}

// assessmentsPage lists, for a rater, the assessments they rate today by
// period, and for everyone their own results, newest first.
type assessmentsPage struct {
	base
	Periods  []model.Period // the periods with an assessment, for the filter
	PeriodID string
	Rate     []assessmentGroup
	Waiting  int
	Own      []app.AssessmentItem
	// FollowUps: the actor reads the instansi's follow-up board (offered
	// with the other lists to an account that is no employee's).
	FollowUps bool
}

func (u *ui) showAssessments(w http.ResponseWriter, r *http.Request, b base) error {
	ctx, actor := r.Context(), *b.Actor
	mine, err := u.a.Assessments(ctx, actor, app.AssessmentFilter{RatedByMe: true, Limit: 200})
	if err != nil {
		return err
	}
	// Their own results: the unfiltered list holds everything they may
	// read, the people below them and their OPD's included.
	var own app.AssessmentPage
	if actor.EmployeeID != "" {
		if own, err = u.a.Assessments(ctx, actor, app.AssessmentFilter{Employee: actor.EmployeeID, Limit: 200}); err != nil {
			return err
		}
	}
	p := assessmentsPage{base: b, PeriodID: cleanParam(r.URL.Query().Get("periode"), 64), FollowUps: u.a.MayReadFollowUpBoard(actor)}
	p.Title, p.Nav = b.T("penilaian.title"), "penilaian"
	seen := map[string]bool{}
	for _, it := range append(append([]app.AssessmentItem{}, mine.Items...), own.Items...) {
		if !seen[it.PeriodID] {
			seen[it.PeriodID] = true
			p.Periods = append(p.Periods, it.Period)
		}
	}
	newestFirst := func(a, b model.Period) bool {
		if a.Start != b.Start {
			return a.Start > b.Start
		}
		return a.Kind != model.PeriodAnnual && b.Kind == model.PeriodAnnual
	}
	sort.SliceStable(p.Periods, func(i, j int) bool { return newestFirst(p.Periods[i], p.Periods[j]) })
	if !seen[p.PeriodID] {
		p.PeriodID = ""
	}
	groups := map[string]int{}
	for _, it := range mine.Items {
		if p.PeriodID != "" && it.PeriodID != p.PeriodID {
			continue
		}
		i, ok := groups[it.PeriodID]
		if !ok {
			i = len(p.Rate)
			groups[it.PeriodID] = i
			p.Rate = append(p.Rate, assessmentGroup{Period: it.Period})
		}
		g := &p.Rate[i]
		g.Items = append(g.Items, it)
		switch it.Status {
		case model.AssessmentOpen:
			g.Open++
		case model.AssessmentRated:
			g.Unsent++
		}
		g.Waiting = g.Open + g.Unsent
	}
	sort.SliceStable(p.Rate, func(i, j int) bool { return newestFirst(p.Rate[i].Period, p.Rate[j].Period) })
	for i := range p.Rate {
		items := p.Rate[i].Items
		sort.SliceStable(items, func(a, b int) bool { return items[a].Employee.Name < items[b].Employee.Name })
		p.Waiting += p.Rate[i].Waiting
	}
	for _, it := range own.Items {
		if p.PeriodID == "" || it.PeriodID == p.PeriodID {
			p.Own = append(p.Own, it)
		}
	}
	sort.SliceStable(p.Own, func(i, j int) bool { return newestFirst(p.Own[i].Period, p.Own[j].Period) })
	u.render(w, r, http.StatusOK, "assessments", p)
	return nil
}

// assessmentForm is the rating form as typed, kept when it comes back
// with errors.
type assessmentForm struct {
	HasilKerja    string
	PerilakuKerja string
	Note          string
	RHK           map[string]string
	Behaviours    map[model.CoreValue]string
	Version       int
}

// assessmentPage is the rating screen for the pejabat penilai, and the
// result with how it was reached for the employee and those who may read
// it.
type assessmentPage struct {
	base
	V       app.AssessmentView
	Names   map[model.CoreValue]string
	Form    assessmentForm
	Errors  map[string]string // field → message, from a refused rating or sending
	Message string
	// Rater shows the rating form; Own is the rated employee looking at
	// their own assessment; Hidden keeps a draft rating from the employee
	// until it is sent.
	Rater, Own, Hidden bool
	// Matrix maps "hasil_kerja:perilaku_kerja" to the predikat's name, for
	// the live preview; FixedHasil is a leader's rating hasil kerja.
	Matrix     string
	FixedHasil model.Rating
	Ratings    []model.Rating
	// Panel is the keberatan part of a final result.
	Panel *app.ObjectionPanel
	// FollowUpKinds are the kinds a new follow-up may take: those the
	// result's predikat admits.
	FollowUpKinds []model.FollowUpKind
}

// Credit writes an angka kredit in hundredths the Indonesian way.
func (p assessmentPage) Credit(v int) string { return model.FormatHundredths(v) }

// Due says which part of an indicator's target is due in the period
// ("target periode ini: 1 dari 12 modul"), or "" when it is the whole
// target or cannot be reckoned.
func (p assessmentPage) Due(ai app.AssessmentIndicator) string {
	due := ai.PeriodDue()
	if due == "" {
		return ""
	}
	key := "penilaian.due"
	if p.V.Period.Kind == model.PeriodAnnual {
		key = "penilaian.due.year"
	}
	return p.T(key, due, strings.TrimSpace(ai.Indicator.Target), ai.Indicator.Unit)
}

// pageError is one message of a refused act, with the field it is about
// and where that field is on the page.
type pageError struct {
	Label, Text, Anchor string
}

// errorFields names the fields of the rating form and where each is:
// every message links to the place that shows it.
var errorFields = map[string][2]string{
	"hasil_kerja":    {"penilaian.hasilkerja", "#f-hasil_kerja"},
	"perilaku_kerja": {"penilaian.perilakukerja", "#f-perilaku_kerja"},
	"note":           {"penilaian.note", "#note"},
	"predikat":       {"penilaian.predikat", "#f-predikat"},
	"capaian":        {"penilaian.capaian", "#kirim"},
	"status":         {"penilaian.finalize", "#kirim"},
}

// linkedErrors lists a form's messages in a stable order, each with the
// label of its field and the anchor of the place on the page that shows
// it (fields names them: field → {label key, anchor}); a message of a
// field not named has neither.
func linkedErrors(b base, errs map[string]string, fields map[string][2]string) []pageError {
	keys := make([]string, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]pageError, 0, len(keys))
	for _, k := range keys {
		e := pageError{Text: errs[k]}
		if f, ok := fields[k]; ok {
			e.Label, e.Anchor = b.T(f[0]), f[1]
		}
		out = append(out, e)
	}
	return out
}

// ErrorList is the page's error messages in a stable order, each with
// the field it is about.
func (p assessmentPage) ErrorList() []pageError {
	fields := map[string][2]string{}
	for k, f := range errorFields {
		fields[k] = f
	}
	for k := range p.Errors {
		if id, ok := strings.CutPrefix(k, "feedback.rhk."); ok {
			fields[k] = [2]string{"penilaian.umpan.rhk", "#umpan-rhk-" + id}
		} else if cv, ok := strings.CutPrefix(k, "feedback.behaviours."); ok {
			fields[k] = [2]string{"penilaian.behaviours", "#umpan-nilai-" + cv}
		}
	}
	return linkedErrors(p.base, p.Errors, fields)
}

// RHKError is the message on one RHK's umpan balik, if any.
func (p assessmentPage) RHKError(id string) string { return p.Errors["feedback.rhk."+id] }

// ValueError is the message on one core value's umpan balik, if any.
func (p assessmentPage) ValueError(cv model.CoreValue) string {
	return p.Errors["feedback.behaviours."+string(cv)]
}

func (u *ui) showAssessment(w http.ResponseWriter, r *http.Request, b base) error {
	var msg string
	switch r.URL.Query().Get("ok") {
	case "rate":
		msg = b.T("penilaian.ok.rate")
	case "kirim":
		msg = b.T("penilaian.ok.finalize")
	case "tindak-lanjut":
		msg = b.T("followup.ok")
	case "terima":
		msg = b.T("penilaian.ok.acknowledge")
	}
	return u.renderAssessment(w, r, b, http.StatusOK, nil, nil, msg)
}

func (u *ui) renderAssessment(w http.ResponseWriter, r *http.Request, b base, status int, form *assessmentForm, errs map[string]string, msg string) error {
	v, err := u.a.AssessmentView(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	as := v.Assessment
	p := assessmentPage{base: b, V: v, Errors: errs, Message: msg, Names: map[model.CoreValue]string{}, Ratings: model.Ratings,
		FollowUpKinds: v.Can.FollowUpKinds}
	p.Nav = "penilaian"
	for _, cv := range model.CoreValues {
		p.Names[cv.Value] = cv.Name
	}
	p.Own = b.Actor.EmployeeID != "" && b.Actor.EmployeeID == as.EmployeeID
	p.Rater = v.Can.Rate || v.Can.Finalize
	p.Hidden = !v.Can.SeeRatings
	if as.Leader {
		p.FixedHasil = v.LeaderRating
	}
	if as.Status == model.AssessmentFinal {
		p.Panel = &v.Objection
	}
	if form != nil {
		p.Form = *form
	} else {
		p.Form = assessmentForm{HasilKerja: string(as.HasilKerja), PerilakuKerja: string(as.PerilakuKerja), Note: as.Note,
			RHK: as.Feedback.RHK, Behaviours: as.Feedback.Behaviours, Version: as.Version}
	}
	if rules, err := model.RulesOf(as.Regime); err == nil {
		m := map[string]string{}
		for _, h := range model.Ratings {
			for _, pk := range model.Ratings {
				if pr, err := rules.Predikat(h, pk); err == nil {
					m[string(h)+":"+string(pk)] = b.M(pr.Label())
				}
			}
		}
		js, _ := json.Marshal(m)
		p.Matrix = string(js)
	}
	p.Title = b.T("penilaian.rate.title", as.Employee.Name)
	if p.Own {
		p.Title = b.T("penilaian.result.title")
	}
	u.render(w, r, status, "assessment", p)
	return nil
}

// typedPredikat reports whether a form that gives ratings also posted a
// predikat field, whatever its value: app refuses it on every path
// (a predikat follows from the ratings and is never typed).
func typedPredikat(r *http.Request) bool {
	_ = r.ParseForm()
	_, sent := r.PostForm["predikat"]
	return sent
}

// rateAssessment saves the ratings and umpan balik. A predikat in the
// form is refused: it follows from the two ratings.
func (u *ui) rateAssessment(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	f := assessmentForm{HasilKerja: r.PostFormValue("hasil_kerja"), PerilakuKerja: r.PostFormValue("perilaku_kerja"),
		Note: r.PostFormValue("note"), RHK: map[string]string{}, Behaviours: map[model.CoreValue]string{}}
	f.Version = version(r)
	for k, vs := range r.PostForm {
		if len(vs) == 0 {
			continue
		}
		if rhk, ok := strings.CutPrefix(k, "umpan_rhk."); ok {
			f.RHK[rhk] = vs[0]
		} else if cv, ok := strings.CutPrefix(k, "umpan_nilai."); ok {
			f.Behaviours[model.CoreValue(cv)] = vs[0]
		}
	}
	in := app.RateInput{HasilKerja: model.Rating(f.HasilKerja), PerilakuKerja: model.Rating(f.PerilakuKerja), Note: f.Note,
		Feedback: model.AssessmentFeedback{RHK: f.RHK, Behaviours: f.Behaviours}, Version: f.Version, Predikat: typedPredikat(r)}
	_, err := u.a.RateAssessment(r.Context(), *b.Actor, id, in)
	if handled, err := u.assessmentRefused(w, r, b, err, &f); handled || err != nil {
		return err
	}
	http.Redirect(w, r, "/penilaian/"+id+"?ok=rate#hasil", http.StatusSeeOther)
	return nil
}

// assessmentRefused shows the page again for a refused act: a field
// error (422) or a stale version (409), with what was typed kept and,
// for a stale page, the version read now, so that sending again after a
// look at the current values goes through.
func (u *ui) assessmentRefused(w http.ResponseWriter, r *http.Request, b base, err error, f *assessmentForm) (bool, error) {
	if err == nil {
		return false, nil
	}
	if ve, ok := isValidation(err); ok {
		return true, u.renderAssessment(w, r, b, http.StatusUnprocessableEntity, f, b.Errs(ve), "")
	}
	// A send refused at a limit of the curve is said on the page, beside
	// the result, with the limit it would pass.
	// So is a refusal of what the result still lacks (the OPD's capaian, a
	// rating), beside the field it is about.
	if se := (*model.StateError)(nil); errors.As(err, &se) {
		if field, ok := map[string]string{"conflict.assessment.curve.full": "predikat", "conflict.assessment.nocapaian": "capaian",
			"conflict.assessment.leader.nocapaian": "hasil_kerja", "conflict.assessment.notrated": "status"}[se.Message.Key]; ok {
			return true, u.renderAssessment(w, r, b, http.StatusConflict, f, map[string]string{field: b.M(se.Message)}, "")
		}
	}
	if errors.Is(err, model.ErrStale) {
		if f != nil {
			if cur, e := u.a.Assessment(r.Context(), *b.Actor, r.PathValue("id")); e == nil {
				f.Version = cur.Version
			}
		}
		return true, u.renderAssessment(w, r, b, http.StatusConflict, f, map[string]string{"version": b.T("penilaian.err.stale")}, "")
	}
	return true, err
}

// finalizeAssessment sends the rated result to the employee.
func (u *ui) finalizeAssessment(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	version := version(r)
	_, err := u.a.FinalizeAssessment(r.Context(), *b.Actor, id, version)
	if handled, err := u.assessmentRefused(w, r, b, err, nil); handled || err != nil {
		return err
	}
	http.Redirect(w, r, "/penilaian/"+id+"?ok=kirim#hasil", http.StatusSeeOther)
	return nil
}

// acknowledgeAssessment records that the employee received their result.
func (u *ui) acknowledgeAssessment(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if _, err := u.a.AcknowledgeAssessment(r.Context(), *b.Actor, id); err != nil {
		return err
	}
	http.Redirect(w, r, "/penilaian/"+id+"?ok=terima#hasil", http.StatusSeeOther)
	return nil
}
