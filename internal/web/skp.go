package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The planning pages: the ASN's SKP, its RHK and indicators, the workflow
// with the pejabat penilai, and the team's SKP for supervisors.

func (u *ui) skpRoutes(page func(string, func(http.ResponseWriter, *http.Request, base) error)) {
	page("GET /skp", u.showSKPs)
	page("POST /skp", u.createSKP)
	page("GET /skp/{id}", u.showSKP)
	page("GET /skp/{id}/dokumen.pdf", u.skpDocument)
	page("GET /skp/{id}/versi/{rev}", u.skpVersionDocument)
	page("POST /skp/{id}/rhk", u.addRHK)
	page("POST /skp/{id}/rhk/{rhk}/ubah", u.changeRHK)
	page("POST /skp/{id}/rhk/{rhk}/hapus", u.deleteRHK)
	page("POST /skp/{id}/indikator", u.addIndicator)
	page("POST /skp/{id}/indikator/{ind}/ubah", u.changeIndicator)
	page("POST /skp/{id}/indikator/{ind}/hapus", u.removeIndicator)
	page("POST /skp/{id}/ekspektasi", u.setExpectation)
	page("POST /skp/{id}/dialog", u.addDialogue)
	page("POST /skp/{id}/lampiran", u.setLampiran)
	page("POST /skp/{id}/{action}", u.moveSKP)
	u.matrixRoutes(page)
}

type skpsPage struct {
	base
	app.SKPsView
	Error string
}

func (u *ui) showSKPs(w http.ResponseWriter, r *http.Request, b base) error {
	v, err := u.a.SKPsView(r.Context(), *b.Actor, u.today(r).Time().Year())
	if err != nil {
		return err
	}
	p := skpsPage{base: b, SKPsView: v, Error: r.URL.Query().Get("galat")}
	p.Title, p.Nav = b.T("skp.title"), "skp"
	u.render(w, r, http.StatusOK, "skps", p)
	return nil
}

func (u *ui) createSKP(w http.ResponseWriter, r *http.Request, b base) error {
	year, _ := app.ParseYear(r.PostFormValue("year"), 0) // an unreadable year is 0, which the use case refuses with its message
	s, err := u.a.CreateSKPOn(r.Context(), *b.Actor, b.Actor.EmployeeID, r.PostFormValue("position_id"), year, model.Approach(r.PostFormValue("approach")))
	if ve, ok := isValidation(err); ok {
		var msgs []string
		for _, m := range b.Errs(ve) {
			msgs = append(msgs, m)
		}
		http.Redirect(w, r, "/skp?galat="+url.QueryEscape(strings.Join(msgs, " ")), http.StatusSeeOther)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/skp/"+s.ID, http.StatusSeeOther)
	return nil
}

// skpPage shows an SKP from its read model: what is shown and offered
// follows the view's rights (.Can), never the page's own reading of
// status and ids.
type skpPage struct {
	base
	app.SKPView
	Names   map[model.CoreValue]string
	Errors  map[string]string
	Message string
	Today   model.Date
}

func (u *ui) skpPage(r *http.Request, b base, id string) (skpPage, error) {
	v, err := u.a.SKPView(r.Context(), *b.Actor, id)
	if err != nil {
		return skpPage{}, err
	}
	p := skpPage{base: b, SKPView: v, Names: map[model.CoreValue]string{}, Today: u.today(r)}
	p.Title, p.Nav = b.T("skp.title")+" "+strconv.Itoa(v.SKP.Year), "skp"
	for _, cv := range model.CoreValues {
		p.Names[cv.Value] = cv.Name
	}
	switch r.URL.Query().Get("ok") {
	case "dialog":
		p.Message = b.T("skp.ok.dialog")
	case "submit":
		p.Message = b.T("skp.ok.submit")
	case "approve":
		p.Message = b.T("skp.ok.approve")
	case "return":
		p.Message = b.T("skp.ok.return")
	case "revise":
		p.Message = b.T("skp.ok.revise")
	case "declined":
		p.Message = b.T("skp.proposal.declined")
	case "takeover":
		p.Message = b.T("transfer.ok.takeover")
	}
	return p, nil
}

func (u *ui) showSKP(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.skpPage(r, b, r.PathValue("id"))
	if err != nil {
		return err
	}
	u.render(w, r, http.StatusOK, "skp", p)
	return nil
}

// skpFormError shows the SKP page again with what went wrong: field
// messages, a stale version, or a step not allowed now.
func (u *ui) skpFormError(w http.ResponseWriter, r *http.Request, b base, id string, err error) error {
	p, perr := u.skpPage(r, b, id)
	if perr != nil {
		return perr
	}
	var se *model.StateError
	switch ve, ok := isValidation(err); {
	case ok:
		p.Errors = b.Errs(ve)
	case errors.Is(err, model.ErrStale):
		p.Errors = map[string]string{"version": b.T("skp.err.stale")}
	case errors.As(err, &se):
		// The refusal names its reason: say it, not a guess at one.
		p.Errors = map[string]string{"status": b.M(se.Message)}
	case errors.Is(err, model.ErrConflict), errors.Is(err, model.ErrInvalidTransition):
		p.Errors = map[string]string{"status": b.T("skp.err.state")}
	default:
		return err
	}
	u.render(w, r, http.StatusUnprocessableEntity, "skp", p)
	return nil
}

func (u *ui) addDialogue(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	_, err := u.a.AddDialogue(r.Context(), *b.Actor, id, model.Date(r.PostFormValue("held_on")), r.PostFormValue("notes"), r.PostFormValue("expectations"))
	if err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"?ok=dialog#dialog", http.StatusSeeOther)
	return nil
}

func lines(s string) []string { return strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") }

func (u *ui) setLampiran(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	err := u.a.SetLampiran(r.Context(), *b.Actor, id, version(r), model.Lampiran{DukunganSumberDaya: lines(r.PostFormValue("dukungan_sumber_daya")),
		SkemaPertanggungjawaban: lines(r.PostFormValue("skema_pertanggungjawaban")), Konsekuensi: lines(r.PostFormValue("konsekuensi"))})
	if err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"#lampiran", http.StatusSeeOther)
	return nil
}

// version is the version a form was rendered with, 0 when it sent none.
// One that is not a whole number from 0 to model.MaxInt names no version
// of any record: it reads as -1, which the use case refuses as changed
// since it was read, alike on both engines (PostgreSQL would fail on a
// number past its integer).
func version(r *http.Request) int { return versionOf(r, "version") }

// versionOf reads the version a form sends in field, as version does.
func versionOf(r *http.Request, field string) int {
	s := strings.TrimSpace(r.PostFormValue(field))
	if s == "" {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 || v > model.MaxInt {
		return -1
	}
	return v
}

func (u *ui) addRHK(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	_, err := u.a.SaveRHK(r.Context(), *b.Actor, version(r), model.RHK{SKPID: id, Kind: model.RHKKind(r.PostFormValue("kind")),
		Description: r.PostFormValue("description"), ParentRHKID: r.PostFormValue("parent_rhk_id"),
		PenugasanDari: r.PostFormValue("penugasan_dari"), Perspektif: r.PostFormValue("perspektif"), PKSasaranID: r.PostFormValue("pk_sasaran_id")})
	if err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"#rhk", http.StatusSeeOther)
	return nil
}

// changeRHK changes an RHK of the SKP (its kind, text, and the RHK it
// intervenes): the same action as PATCH /api/v1/rhk/{id}. The form sends
// every field it shows.
func (u *ui) changeRHK(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	rhk, err := u.a.RHK(r.Context(), *b.Actor, r.PathValue("rhk"))
	if err != nil || rhk.SKPID != id {
		return u.skpFormError(w, r, b, id, model.Invalid("rhk_id", "skp.err.rhk"))
	}
	if err := r.ParseForm(); err != nil {
		return u.skpFormError(w, r, b, id, model.Invalid("rhk_id", "skp.err.rhk"))
	}
	field := func(name string) *string {
		if _, ok := r.PostForm[name]; !ok {
			return nil
		}
		v := r.PostForm.Get(name)
		return &v
	}
	c := app.RHKChange{Description: field("description"), ParentRHKID: field("parent_rhk_id"), ParentText: field("parent_text"),
		PenugasanDari: field("penugasan_dari"), Perspektif: field("perspektif")}
	if k := field("kind"); k != nil {
		kind := model.RHKKind(*k)
		c.Kind = &kind
	}
	if _, err := u.a.ChangeRHK(r.Context(), *b.Actor, version(r), rhk.ID, c); err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"#rhk-"+rhk.ID, http.StatusSeeOther)
	return nil
}

// deleteRHK removes an RHK, with its indicators, from the SKP: the same
// action as DELETE /api/v1/rhk/{id}.
func (u *ui) deleteRHK(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	rhk, err := u.a.RHK(r.Context(), *b.Actor, r.PathValue("rhk"))
	if err != nil || rhk.SKPID != id {
		return u.skpFormError(w, r, b, id, model.Invalid("rhk_id", "skp.err.rhk"))
	}
	if _, err := u.a.DeleteRHK(r.Context(), *b.Actor, version(r), rhk.ID); err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"#rhk", http.StatusSeeOther)
	return nil
}

func (u *ui) addIndicator(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	rhk, err := u.a.RHK(r.Context(), *b.Actor, r.PostFormValue("rhk_id"))
	if err != nil || rhk.SKPID != id {
		return u.skpFormError(w, r, b, id, model.Invalid("rhk_id", "skp.err.rhk"))
	}
	_, err = u.a.AddIndicator(r.Context(), *b.Actor, version(r), model.Indicator{RHKID: rhk.ID, Aspect: model.Aspect(r.PostFormValue("aspect")),
		Description: r.PostFormValue("description"), Target: r.PostFormValue("target"), Unit: r.PostFormValue("unit")})
	if err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"#rhk-"+rhk.ID, http.StatusSeeOther)
	return nil
}

// changeIndicator changes an indicator of the SKP (its aspect, text,
// target, unit): the same action as PATCH /api/v1/indicators/{id}. The
// form sends every field it shows.
func (u *ui) changeIndicator(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if err := r.ParseForm(); err != nil {
		return u.skpFormError(w, r, b, id, model.Invalid("indicator_id", "skp.err.rhk"))
	}
	field := func(name string) *string {
		if _, ok := r.PostForm[name]; !ok {
			return nil
		}
		v := r.PostForm.Get(name)
		return &v
	}
	c := app.IndicatorChange{Description: field("description"), Target: field("target"), Unit: field("unit")}
	if a := field("aspect"); a != nil {
		aspect := model.Aspect(*a)
		c.Aspect = &aspect
	}
	in, err := u.a.ChangeIndicator(r.Context(), *b.Actor, version(r), r.PathValue("ind"), c)
	if err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"#iki-"+in.ID, http.StatusSeeOther)
	return nil
}

// removeIndicator removes an indicator from the SKP: the same action as
// DELETE /api/v1/indicators/{id}.
func (u *ui) removeIndicator(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if _, err := u.a.RemoveIndicator(r.Context(), *b.Actor, version(r), r.PathValue("ind")); err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"#rhk", http.StatusSeeOther)
	return nil
}

func (u *ui) setExpectation(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	err := u.a.SetExpectation(r.Context(), *b.Actor, id, version(r), model.CoreValue(r.PostFormValue("core_value")), r.PostFormValue("expectation"))
	if err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"#perilaku", http.StatusSeeOther)
	return nil
}

func (u *ui) moveSKP(w http.ResponseWriter, r *http.Request, b base) error {
	id, ctx := r.PathValue("id"), r.Context()
	var err error
	action := r.PathValue("action")
	switch action {
	case "ajukan":
		_, err = u.a.SubmitSKP(ctx, *b.Actor, id, version(r))
		action = "submit"
	case "setujui":
		_, err = u.a.ApproveSKP(ctx, *b.Actor, id, version(r))
		action = "approve"
	case "kembalikan":
		_, err = u.a.ReturnSKP(ctx, *b.Actor, id, version(r), r.PostFormValue("note"))
		action = "return"
	case "revisi":
		_, err = u.a.ReviseSKP(ctx, *b.Actor, id, version(r))
		action = "revise"
	default:
		return model.ErrNotFound
	}
	if err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"?ok="+action, http.StatusSeeOther)
	return nil
}

func (u *ui) skpVersionDocument(w http.ResponseWriter, r *http.Request, b base) error {
	rev, err := strconv.Atoi(strings.TrimSuffix(r.PathValue("rev"), ".pdf"))
	if err != nil {
		return model.ErrNotFound
	}
	var buf strings.Builder
	if err := u.a.WriteSKPVersionDocument(r.Context(), *b.Actor, r.PathValue("id"), rev, &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="skp-versi.pdf"`)
	_, err = w.Write([]byte(buf.String()))
	return err
}

func (u *ui) skpDocument(w http.ResponseWriter, r *http.Request, b base) error {
	var buf strings.Builder
	if err := u.a.WriteSKPDocument(r.Context(), *b.Actor, r.PathValue("id"), &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="skp.pdf"`)
	_, err := w.Write([]byte(buf.String()))
	return err
}
