package web

import (
	"net/http"
	"net/url"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Keberatan: the employee objects to a final result, the pejabat penilai
// explains, the atasan pejabat penilai decides; /keberatan lists the
// actor's own and those waiting for them.

func (u *ui) objectionRoutes(page func(string, func(http.ResponseWriter, *http.Request, base) error)) {
	page("GET /keberatan", u.showObjections)
	page("GET /keberatan/{id}", u.showObjection)
	page("POST /keberatan/{id}/penjelasan", u.explainObjection)
	page("POST /keberatan/{id}/keputusan", u.decideObjection)
	page("GET /penilaian/{id}/keberatan", u.showObjectionForm)
	page("POST /penilaian/{id}/keberatan", u.submitObjection)
	page("POST /tahun/keberatan", u.setPeriodicObjections)
}

// objectionText is the name of an objection's status for people.
func objectionText(b base, s model.ObjectionStatus) string {
	switch s {
	case model.ObjectionSubmitted:
		return b.T("objection.status.submitted")
	case model.ObjectionExplained:
		return b.T("objection.status.explained")
	}
	return b.T("objection.status.decided")
}

// objectionRow is an objection in the list.
type objectionRow struct {
	app.ObjectionItem
	Status string
}

type objectionsPage struct {
	base
	Mine, Todo []objectionRow
	// All is the instansi's objections (BKPSDM and auditors: ShowAll),
	// filtered by OPD and state, a page at a time.
	ShowAll              bool
	All                  []objectionRow
	OPDs                 []model.Unit
	Statuses             []model.ObjectionStatus
	FilterOPD, FilterSts string
	NextURL              string
	AllTotal             int // All on all its pages
}

func (u *ui) showObjections(w http.ResponseWriter, r *http.Request, b base) error {
	ctx := r.Context()
	p := objectionsPage{base: b}
	// Each part of the page asks for what it shows: the actor's own, those
	// waiting for them, and the instansi's for BKPSDM and auditors.
	var err error
	if p.Mine, err = u.objectionRows(r, b, app.ObjectionFilter{Mine: true}); err != nil {
		return err
	}
	if p.Todo, err = u.objectionRows(r, b, app.ObjectionFilter{Todo: true}); err != nil {
		return err
	}
	if u.a.MayListAllObjections(*b.Actor) {
		q := r.URL.Query()
		p.ShowAll, p.FilterOPD, p.FilterSts = true, q.Get("opd"), q.Get("status")
		p.Statuses = []model.ObjectionStatus{model.ObjectionSubmitted, model.ObjectionExplained, model.ObjectionDecided}
		if p.OPDs, err = u.a.CalibrationOPDs(ctx, *b.Actor); err != nil {
			return err
		}
		page, err := u.a.Objections(ctx, *b.Actor, app.ObjectionFilter{OPDID: p.FilterOPD, Status: model.ObjectionStatus(p.FilterSts),
			Cursor: q.Get("setelah"), Limit: 50, Count: true})
		if err != nil {
			return err
		}
		for _, it := range page.Items {
			p.All = append(p.All, objectionRow{ObjectionItem: it, Status: objectionText(b, it.Objection.Status)})
		}
		p.AllTotal = page.Total
		if page.Next != "" {
			p.NextURL = "/keberatan?" + url.Values{"opd": {p.FilterOPD}, "status": {p.FilterSts}, "setelah": {page.Next}}.Encode() + "#semua-h"
		}
	}
	p.Title, p.Nav = b.T("objection.title"), "objections"
	u.render(w, r, http.StatusOK, "objections", p)
	return nil
}

// objectionRows is every objection f selects, page after page: the
// actor's own, or those waiting for them, a short list each.
func (u *ui) objectionRows(r *http.Request, b base, f app.ObjectionFilter) ([]objectionRow, error) {
	var rows []objectionRow
	f.Limit = 200
	for {
		page, err := u.a.Objections(r.Context(), *b.Actor, f)
		if err != nil {
			return nil, err
		}
		for _, it := range page.Items {
			rows = append(rows, objectionRow{ObjectionItem: it, Status: objectionText(b, it.Objection.Status)})
		}
		if page.Next == "" {
			return rows, nil
		}
		f.Cursor = page.Next
	}
}

// objectionPage is the whole story of an objection, or the form to make
// one when the assessment has none.
type objectionPage struct {
	base
	V       app.ObjectionView
	Status  string
	Ratings []model.Rating
	Errors  map[string]string
	// Deadline says the last day to object (and that it passed, once it
	// has); "" while the result is not final.
	Deadline string
	// Form keeps what was sent when a form is refused.
	Form map[string]string
	// MaxBytes is the instansi's evidence limit, which the browser checks
	// before a document is sent.
	MaxBytes int64
	MaxMB    int64
}

// objectionFields names the fields of the keberatan forms and where each
// is on the page.
var objectionFields = map[string][2]string{
	"reason":         {"objection.reason", "#reason"},
	"deadline":       {"objection.reason", "#object-h"},
	"file":           {"objection.evidence.file", "#file"},
	"explanation":    {"objection.explanation", "#explanation"},
	"decision":       {"objection.decision", "#f-decision"},
	"hasil_kerja":    {"objection.rating.hasil_kerja", "#hasil_kerja"},
	"perilaku_kerja": {"objection.rating.perilaku", "#perilaku_kerja"},
	"note":           {"objection.decision.note", "#note"},
}

// ErrorList is the page's messages, each linking to its field.
func (p objectionPage) ErrorList() []pageError {
	return linkedErrors(p.base, p.Errors, objectionFields)
}

func (u *ui) renderObjection(w http.ResponseWriter, r *http.Request, b base, status int, v app.ObjectionView, errs map[string]string) {
	p := objectionPage{base: b, V: v, Ratings: model.Ratings, Errors: errs, Form: map[string]string{}}
	p.MaxBytes = u.a.EvidenceLimit(r.Context(), b.Actor.InstansiID)
	p.MaxMB = p.MaxBytes >> 20
	if v.HasObjection {
		p.Status = objectionText(b, v.Objection.Status)
	}
	switch {
	case v.Deadline == "":
	case v.Open || v.HasObjection:
		p.Deadline = b.T("objection.deadline", v.DeadlineLabel(), v.Zone.Abbrev(), v.ReceivedLabel())
	default:
		p.Deadline = b.T("objection.deadline.passed", v.DeadlineLabel(), v.ReceivedLabel())
	}
	if r.Method == http.MethodPost {
		for _, k := range []string{"reason", "explanation", "decision", "hasil_kerja", "perilaku_kerja", "note"} {
			p.Form[k] = r.PostFormValue(k)
		}
	}
	p.Title, p.Nav = b.T("objection.title"), "objections"
	u.render(w, r, status, "objection", p)
}

func (u *ui) showObjection(w http.ResponseWriter, r *http.Request, b base) error {
	v, err := u.a.Objection(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	u.renderObjection(w, r, b, http.StatusOK, v, nil)
	return nil
}

// showObjectionForm is the form to object to an assessment; once it has
// an objection, its page.
func (u *ui) showObjectionForm(w http.ResponseWriter, r *http.Request, b base) error {
	v, err := u.a.ObjectionToAssessment(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	if v.HasObjection {
		http.Redirect(w, r, "/keberatan/"+v.Objection.ID, http.StatusSeeOther)
		return nil
	}
	u.renderObjection(w, r, b, http.StatusOK, v, nil)
	return nil
}

// afterObjectionStep shows the page again with the messages of a refused
// step, or goes to the objection's page.
func (u *ui) afterObjectionStep(w http.ResponseWriter, r *http.Request, b base, id string, err error, load func() (app.ObjectionView, error)) error {
	if ve, ok := isValidation(err); ok {
		v, lerr := load()
		if lerr != nil {
			return lerr
		}
		u.renderObjection(w, r, b, http.StatusUnprocessableEntity, v, b.Errs(ve))
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/keberatan/"+id, http.StatusSeeOther)
	return nil
}

func (u *ui) submitObjection(w http.ResponseWriter, r *http.Request, b base) error {
	aid := r.PathValue("id")
	o, err := u.a.SubmitObjection(r.Context(), *b.Actor, aid, r.PostFormValue("reason"))
	return u.afterObjectionStep(w, r, b, o.ID, err, func() (app.ObjectionView, error) {
		return u.a.ObjectionToAssessment(r.Context(), *b.Actor, aid)
	})
}

func (u *ui) explainObjection(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	_, err := u.a.ExplainObjection(r.Context(), *b.Actor, id, r.PostFormValue("explanation"), version(r))
	return u.afterObjectionStep(w, r, b, id, err, func() (app.ObjectionView, error) { return u.a.Objection(r.Context(), *b.Actor, id) })
}

func (u *ui) decideObjection(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	// The ratings go with either decision: "keep" with a rating changed
	// on the form is refused rather than the change dropped.
	in := app.DecideInput{Decision: model.ObjectionDecision(r.PostFormValue("decision")), Note: r.PostFormValue("note"), Version: version(r),
		HasilKerja: model.Rating(r.PostFormValue("hasil_kerja")), PerilakuKerja: model.Rating(r.PostFormValue("perilaku_kerja")),
		Predikat: typedPredikat(r)}
	_, err := u.a.DecideObjection(r.Context(), *b.Actor, id, in)
	return u.afterObjectionStep(w, r, b, id, err, func() (app.ObjectionView, error) { return u.a.Objection(r.Context(), *b.Actor, id) })
}

// setPeriodicObjections chooses whether periodic results may be objected
// to (the year page's settings).
func (u *ui) setPeriodicObjections(w http.ResponseWriter, r *http.Request, b base) error {
	if err := u.a.SetPeriodicObjections(r.Context(), *b.Actor, r.PostFormValue("periodic") == "1"); err != nil {
		return err
	}
	http.Redirect(w, r, "/tahun?ok=keberatan", http.StatusSeeOther)
	return nil
}
