package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
)

// The matriks peran hasil: the supervisor's RHK with the subordinates'
// RHK that support them, and the RHK proposed down the line.

func (u *ui) matrixRoutes(page func(string, func(http.ResponseWriter, *http.Request, base) error)) {
	page("GET /skp/matriks", u.showMatrix)
	page("POST /skp/matriks/usul", u.proposeRHK)
	page("POST /skp/{id}/usulan/{pid}", u.acceptProposal)
	page("POST /skp/{id}/usulan/{pid}/tolak", u.declineProposal)
}

type matrixPage struct {
	base
	M     app.Matrix
	Error string
	Saved bool
}

func (u *ui) showMatrix(w http.ResponseWriter, r *http.Request, b base) error {
	m, err := u.a.ResultMatrix(r.Context(), *b.Actor, u.today(r).Time().Year())
	if err != nil {
		return err
	}
	b.Title, b.Nav = b.T("matrix.title"), "skp"
	u.render(w, r, http.StatusOK, "matrix", matrixPage{base: b, M: m, Error: r.URL.Query().Get("galat"),
		Saved: r.URL.Query().Get("ok") != ""})
	return nil
}

func (u *ui) proposeRHK(w http.ResponseWriter, r *http.Request, b base) error {
	_, err := u.a.ProposeRHK(r.Context(), *b.Actor, r.PostFormValue("to"), r.PostFormValue("parent_rhk_id"), r.PostFormValue("description"))
	if ve, ok := isValidation(err); ok {
		var msgs []string
		for _, m := range b.Errs(ve) {
			msgs = append(msgs, m)
		}
		http.Redirect(w, r, "/skp/matriks?galat="+url.QueryEscape(strings.Join(msgs, " ")), http.StatusSeeOther)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/skp/matriks?ok=1", http.StatusSeeOther)
	return nil
}

func (u *ui) acceptProposal(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if _, err := u.a.AcceptProposal(r.Context(), *b.Actor, r.PathValue("pid"), id, version(r)); err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"#rhk", http.StatusSeeOther)
	return nil
}

func (u *ui) declineProposal(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if err := u.a.DeclineProposal(r.Context(), *b.Actor, r.PathValue("pid")); err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"?ok=declined#rhk", http.StatusSeeOther)
	return nil
}
