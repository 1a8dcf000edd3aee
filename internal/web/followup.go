package web

import (
	"net/http"
	"net/url"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Tindak lanjut: the follow-ups of a final annual result, written on its
// page by the pejabat penilai or BKPSDM, and BKPSDM's board of a year: the
// angka kredit earned, the results still needing an improvement plan,
// and the follow-ups not yet closed.

func (u *ui) followUpRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /tindak-lanjut", u.showFollowUpBoard)
	page("POST /penilaian/{id}/tindak-lanjut", u.createFollowUp)
	page("POST /tindak-lanjut/{id}", u.progressFollowUp)
}

type followUpBoardPage struct {
	base
	Board app.FollowUpBoard
	// Late counts the overdue improvement plans; OnlyLate when the board
	// shows only those (?terlambat=1).
	Late     int
	OnlyLate bool
	Year     int
	Years    []int
	OK       bool
}

// Credit writes an angka kredit in hundredths the Indonesian way.
func (p followUpBoardPage) Credit(v int) string { return model.FormatHundredths(v) }

func (u *ui) showFollowUpBoard(w http.ResponseWriter, r *http.Request, b base) error {
	p := followUpBoardPage{base: b, OK: r.URL.Query().Get("ok") != ""}
	p.Title, p.Nav = b.T("followup.board.title"), "calibration"
	p.Year, p.Years = u.needYear(r)
	if r.URL.Query().Get("tahun") == "" {
		year, err := u.a.FollowUpYear(r.Context(), *b.Actor)
		if err != nil {
			return err
		}
		p.Year = year
	}
	p.OnlyLate = r.URL.Query().Get("terlambat") == "1"
	board, late, err := u.a.FollowUpBoardOf(r.Context(), *b.Actor, app.FollowUpBoardQuery{Year: p.Year, Overdue: p.OnlyLate})
	if err != nil {
		return err
	}
	p.Board, p.Late = board, late
	u.render(w, r, http.StatusOK, "followups", p)
	return nil
}

// backTo is where a follow-up form returns: the page it was sent from
// when that is one of ours, else the assessment.
func backTo(r *http.Request, otherwise string) string {
	back := r.PostFormValue("back")
	if back == "" || back[0] != '/' || (len(back) > 1 && (back[1] == '/' || back[1] == '\\')) {
		return otherwise
	}
	return back
}

func (u *ui) createFollowUp(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	_, err := u.a.CreateFollowUp(r.Context(), *b.Actor, id, app.FollowUpInput{Kind: model.FollowUpKind(r.PostFormValue("kind")),
		Title: r.PostFormValue("title"), Plan: r.PostFormValue("plan"), ReviewDue: model.Date(r.PostFormValue("review_due"))})
	if ve, ok := isValidation(err); ok {
		return u.renderAssessment(w, r, b, http.StatusUnprocessableEntity, nil, b.Errs(ve), "")
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/penilaian/"+url.PathEscape(id)+"?ok=tindak-lanjut#tindak-lanjut", http.StatusSeeOther)
	return nil
}

func (u *ui) progressFollowUp(w http.ResponseWriter, r *http.Request, b base) error {
	version := version(r)
	v, err := u.a.ProgressFollowUp(r.Context(), *b.Actor, r.PathValue("id"), version, model.FollowUpStatus(r.PostFormValue("status")), r.PostFormValue("outcome"))
	if ve, ok := isValidation(err); ok {
		b.Title = b.T("followup.err")
		e := errorPage{base: b, Status: http.StatusUnprocessableEntity, Heading: b.T("followup.err"), Explanation: joinErrs(b.Errs(ve))}
		u.render(w, r, http.StatusUnprocessableEntity, "error", e)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, backTo(r, "/penilaian/"+url.PathEscape(v.AssessmentID)+"#tindak-lanjut"), http.StatusSeeOther)
	return nil
}

func joinErrs(m map[string]string) string {
	out := ""
	for _, v := range m {
		if out != "" {
			out += " "
		}
		out += v
	}
	return out
}
