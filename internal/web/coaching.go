package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The pages of bimbingan kinerja: a supervisor's sessions with their team
// and the form to record one, the ASN's own sessions with the B.1.8
// feedback still to give, and one session with its B.1.8 and B.1.9 forms.

// coachingRoutes adds the pages of bimbingan kinerja (coaching, mentoring, counselling).
func (u *ui) coachingRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /bimbingan", u.showCoaching)
	page("POST /bimbingan", u.recordCoaching)
	page("GET /bimbingan/{id}", u.showCoachingSession)
	page("POST /bimbingan/{id}/umpan-balik", u.answerCoachingFeedback)
	page("POST /bimbingan/{id}/kompetensi", u.evaluateCompetence)
}

// competenceRows is how many rows the B.1.9 form offers at least.
const competenceRows = 3

// coachingRow is a session in a list with, when the reader may answer
// it, the B.1.8 form.
type coachingRow struct {
	app.CoachingView
	FeedbackForm *feedbackForm
}

// feedbackForm is the B.1.8 form of one session (the _coaching_feedback
// partial); P translates.
type feedbackForm struct {
	P          translator
	ID         string
	Statements []statementView
	Scale      []scaleView
	Comment    string
	Errors     map[string]string
}

type statementView struct {
	N     int
	Text  string
	Value int // the answer given, 0 when none
}

type scaleView struct {
	Value int
	Label string
}

// newFeedbackForm builds the B.1.8 form in the page's language with the
// answers given so far (nil for none).
func newFeedbackForm(b base, id string, f *model.CoachingFeedback) *feedbackForm {
	form := &feedbackForm{P: b, ID: id}
	for i := range model.FeedbackStatements {
		sv := statementView{N: i + 1, Text: statement(b, i)}
		if f != nil && i < len(f.Answers) {
			sv.Value = f.Answers[i]
		}
		form.Statements = append(form.Statements, sv)
	}
	for v := model.FeedbackScaleMin; v <= model.FeedbackScaleMax; v++ {
		form.Scale = append(form.Scale, scaleView{Value: v, Label: b.T(fmt.Sprintf("coaching.scale.%d", v))})
	}
	if f != nil {
		form.Comment = f.Comment
	}
	return form
}

// statement is the i-th B.1.8 statement in the page's language.
func statement(b base, i int) string {
	return b.T(fmt.Sprintf("coaching.b18.q%d", i+1))
}

type coachingListPage struct {
	base
	Team   []model.Employee // whom the form offers
	Mine   []coachingRow    // sessions the actor received
	Others []coachingRow    // sessions the actor gave, or of their line
	Next   string           // the address of the next page
	Form   model.CoachingSession
	Kinds  []model.CoachingKind
	Errors map[string]string
	Today  model.Date
}

func (u *ui) showCoaching(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderCoaching(w, r, b, http.StatusOK, nil)
}

// renderCoaching shows the list page; edit adjusts it (the record form
// shown again with its errors).
func (u *ui) renderCoaching(w http.ResponseWriter, r *http.Request, b base, status int, edit func(*coachingListPage)) error {
	ctx := r.Context()
	p := coachingListPage{base: b, Kinds: model.CoachingKinds, Today: u.today(r)}
	p.Title, p.Nav = b.T("coaching.title"), "coaching"
	p.Form = model.CoachingSession{Kind: model.CoachingCoaching, HeldOn: p.Today}
	var err error
	if p.Team, err = u.a.CoachingTeam(ctx, *b.Actor); err != nil {
		return err
	}
	cursor := cleanParam(r.URL.Query().Get("kursor"), 40)
	list, next, err := u.a.CoachingSessions(ctx, *b.Actor, app.CoachingQuery{Cursor: cursor})
	if _, ok := isValidation(err); ok {
		return model.ErrNotFound // a forged page address
	}
	if err != nil {
		return err
	}
	if next != "" {
		p.Next = "/bimbingan?kursor=" + url.QueryEscape(next)
	}
	for _, row := range coachingRows(b, list) {
		if row.EmployeeID == b.Actor.EmployeeID {
			p.Mine = append(p.Mine, row)
		} else {
			p.Others = append(p.Others, row)
		}
	}
	if edit != nil {
		edit(&p)
	}
	u.render(w, r, status, "coaching", p)
	return nil
}

// coachingRows gives the B.1.8 form to the sessions the reader may answer.
func coachingRows(b base, list []app.CoachingView) []coachingRow {
	rows := make([]coachingRow, 0, len(list))
	for _, s := range list {
		row := coachingRow{CoachingView: s}
		if s.Can.Feedback {
			row.FeedbackForm = newFeedbackForm(b, s.ID, nil)
		}
		rows = append(rows, row)
	}
	return rows
}

// recordCoaching records a session from the form on the list page.
func (u *ui) recordCoaching(w http.ResponseWriter, r *http.Request, b base) error {
	s := model.CoachingSession{EmployeeID: r.PostFormValue("employee_id"), Kind: model.CoachingKind(r.PostFormValue("kind")),
		HeldOn: model.Date(r.PostFormValue("held_on")), Topic: r.PostFormValue("topic"), Notes: r.PostFormValue("notes"),
		Actions: r.PostFormValue("actions"), NextReview: model.Date(r.PostFormValue("next_review"))}
	got, err := u.a.RecordCoaching(r.Context(), *b.Actor, s)
	if ve, ok := isValidation(err); ok {
		return u.renderCoaching(w, r, b, http.StatusUnprocessableEntity, func(p *coachingListPage) {
			p.Form, p.Errors = s, b.Errs(ve)
		})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/bimbingan/"+got.ID+"?ok=rekam", http.StatusSeeOther)
	return nil
}

type answerView struct {
	N           int
	Text, Label string
}

type coachingPage struct {
	base
	S              app.CoachingView
	Answers        []answerView            // the B.1.8 answers given
	Feedback       *feedbackForm           // the B.1.8 form, for the ASN until answered
	CompetenceForm []model.CompetenceScore // rows of the B.1.9 form, for the coach
	Errors         map[string]string
	Message        string
}

func (u *ui) showCoachingSession(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderCoachingSession(w, r, b, r.PathValue("id"), http.StatusOK, nil)
}

// renderCoachingSession shows one session; edit adjusts the page (a form
// shown again with its errors).
func (u *ui) renderCoachingSession(w http.ResponseWriter, r *http.Request, b base, id string, status int, edit func(*coachingPage)) error {
	ctx := r.Context()
	s, err := u.a.CoachingSession(ctx, *b.Actor, id)
	if err != nil {
		return err
	}
	p := coachingPage{base: b, S: s}
	p.Title, p.Nav = b.T("coaching.title")+" · "+s.Employee.FullName(), "coaching"
	if s.Feedback != nil {
		for i, a := range s.Feedback.Answers {
			p.Answers = append(p.Answers, answerView{N: i + 1, Text: statement(b, i), Label: b.T(fmt.Sprintf("coaching.scale.%d", a))})
		}
	} else if s.Can.Feedback {
		p.Feedback = newFeedbackForm(b, s.ID, nil)
	}
	if s.Can.Competence {
		p.CompetenceForm = append(p.CompetenceForm, s.Competence...)
		for len(p.CompetenceForm) < max(competenceRows, len(s.Competence)+1) && len(p.CompetenceForm) < model.MaxCompetences {
			p.CompetenceForm = append(p.CompetenceForm, model.CompetenceScore{})
		}
	}
	switch r.URL.Query().Get("ok") {
	case "rekam":
		p.Message = b.T("coaching.ok.recorded")
	case "umpan-balik":
		p.Message = b.T("coaching.ok.feedback")
	case "kompetensi":
		p.Message = b.T("coaching.ok.competence")
	}
	if edit != nil {
		edit(&p)
	}
	u.render(w, r, status, "coaching_session", p)
	return nil
}

// answerCoachingFeedback takes the B.1.8 form: q1 to q9 and a comment.
// It may come from the list page or the session's page; either way the
// session's page answers.
func (u *ui) answerCoachingFeedback(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	f := model.CoachingFeedback{Comment: r.PostFormValue("comment")}
	for i := range model.FeedbackStatements {
		n, _ := strconv.Atoi(r.PostFormValue(fmt.Sprintf("q%d", i+1)))
		f.Answers = append(f.Answers, n)
	}
	_, err := u.a.AnswerCoachingFeedback(r.Context(), *b.Actor, id, f)
	if ve, ok := isValidation(err); ok {
		return u.renderCoachingSession(w, r, b, id, http.StatusUnprocessableEntity, func(p *coachingPage) {
			p.Errors = b.Errs(ve)
			if p.Feedback != nil {
				p.Feedback = newFeedbackForm(b, id, &f)
				p.Feedback.Errors = b.Errs(ve)
			}
		})
	}
	if errors.Is(err, model.ErrConflict) {
		return u.renderCoachingSession(w, r, b, id, http.StatusConflict, func(p *coachingPage) {
			p.Errors = map[string]string{"feedback": b.T("coaching.err.answered")}
		})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/bimbingan/"+id+"?ok=umpan-balik#b18", http.StatusSeeOther)
	return nil
}

// evaluateCompetence takes the B.1.9 form: rows of competence, score and
// reason; empty rows are dropped.
func (u *ui) evaluateCompetence(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	var list []model.CompetenceScore
	for i := range model.MaxCompetences {
		n := strconv.Itoa(i)
		if _, ok := r.PostForm["competence"+n]; !ok {
			continue
		}
		score, _ := strconv.Atoi(r.PostFormValue("score" + n))
		list = append(list, model.CompetenceScore{Competence: r.PostFormValue("competence" + n), Score: score, Reason: r.PostFormValue("reason" + n)})
	}
	_, err := u.a.EvaluateCompetence(r.Context(), *b.Actor, id, list)
	if ve, ok := isValidation(err); ok {
		return u.renderCoachingSession(w, r, b, id, http.StatusUnprocessableEntity, func(p *coachingPage) {
			p.Errors, p.CompetenceForm = b.Errs(ve), list
			for len(p.CompetenceForm) < competenceRows {
				p.CompetenceForm = append(p.CompetenceForm, model.CompetenceScore{})
			}
		})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/bimbingan/"+id+"?ok=kompetensi#b19", http.StatusSeeOther)
	return nil
}
