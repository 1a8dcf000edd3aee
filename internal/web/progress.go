package web

import (
	"bufio"
	"errors"
	"io"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

func (u *ui) progressRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /progres", u.showProgress)
	page("POST /progres", u.submitProgress)
	page("GET /progres/{id}", u.showProgressEntry)
	page("GET /progres/pegawai/{id}", u.showPersonProgress)
	page("POST /progres/{id}/ulang", u.resubmitProgress)
	page("POST /progres/{id}/setujui", u.approveProgress)
	page("POST /progres/{id}/kembalikan", u.returnProgress)
	page("POST /umpan-balik", u.addFeedback)
	page("GET /meja", u.showDesk)
	page("POST /meja/setujui", u.approveSelected)
	page("GET /fragmen/progres/{id}", u.progressFragment)
	page("GET /bukti/{id}", u.downloadEvidence)
	page("POST /bukti/{id}/hapus", u.deleteEvidence)
	page("POST /bukti", u.attachEvidence)
	u.realisasiRoutes(page)
}

// progressForm is the entry form as typed, kept when it comes back with
// errors.
type progressForm struct {
	ID          string
	Version     int
	Date        string
	RHKID       string
	Description string
	Output      string
	Minutes     string
}

// progressPage is the ASN's day: its entries, the quick form, and entries
// returned for a fix on any day.
type progressPage struct {
	base
	D       app.ProgressDay
	Form    progressForm
	Errors  map[string]string
	Message string
	MaxMB   int64
}

func (u *ui) showProgress(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderProgress(w, r, b, http.StatusOK, nil, nil)
}

func (u *ui) renderProgress(w http.ResponseWriter, r *http.Request, b base, status int, form *progressForm, errs map[string]string) error {
	d, err := u.a.ProgressDayOf(r.Context(), *b.Actor, r.FormValue("tanggal"))
	if err != nil {
		return err
	}
	p := progressPage{base: b, D: d, Errors: errs, MaxMB: d.MaxBytes >> 20}
	p.Title, p.Nav = b.T("progress.title"), "progress"
	if form != nil {
		p.Form = *form
	} else {
		p.Form = progressForm{Date: string(d.Date), RHKID: d.LastRHK}
	}
	if r.URL.Query().Get("ok") == "1" {
		p.Message = b.T("progress.ok")
	}
	u.render(w, r, status, "progress", p)
	return nil
}

// formEntry reads an entry from the form: output and time as typed, read by
// the parsers the API uses too, and checks it as the API does. A
// multipart form has been read by readMultipart before.
func (u *ui) formEntry(r *http.Request) (model.Progress, progressForm, error) {
	f := progressForm{Date: r.PostFormValue("date"), RHKID: r.PostFormValue("rhk_id"), Description: r.PostFormValue("description"),
		Output: r.PostFormValue("output"), Minutes: r.PostFormValue("minutes")}
	f.Version = version(r)
	p := model.Progress{WorkDate: model.Date(f.Date), RHKID: f.RHKID, Description: f.Description}
	var v model.ValidationError
	var outErr, minErr error
	p.OutputAmount, p.OutputUnit, outErr = app.ParseOutput(f.Output)
	p.Minutes, minErr = app.ParseMinutes(f.Minutes)
	for _, err := range []error{outErr, minErr} {
		if ve, ok := isValidation(err); ok {
			v.Merge(ve)
		}
	}
	return p, f, v.Err()
}

// formUploads reads a form with files part by part (readMultipart) and
// stores each non-empty file of the fields named as it arrives
// (app.StoreUpload), by field, for the fields accept takes. A file refused (over the instansi's limit,
// of a kind not accepted) is an error of its field, in the reader's
// language, and the other fields are still read; a body over the cap of
// every form is answered with the limit on the file field being read. An
// error it returns is one no page can answer.
func (u *ui) formUploads(r *http.Request, b base, accept func(field string) bool) (map[string][]app.Upload, map[string]string, int, error) {
	uploads, errs, status := map[string][]app.Upload{}, map[string]string{}, 0
	large := func(field string, max int64) {
		errs[field], status = b.T("evidence.err.large", max>>20), http.StatusRequestEntityTooLarge
	}
	last := "file" // the file field being read when the body went over its cap
	err := readMultipart(r, func(field, name string, part io.Reader) error {
		if !accept(field) || errs[field] != "" {
			return nil
		}
		last = field
		body := bufio.NewReader(part)
		if _, err := body.Peek(1); err != nil {
			return nil // an empty file input
		}
		up, err := u.a.StoreUpload(r.Context(), *b.Actor, name, body)
		var tl *app.TooLargeError
		switch ve, ok := isValidation(err); {
		case errors.As(err, &tl):
			large(field, tl.Max)
		case ok:
			errs[field], status = b.Errs(ve)["file"], http.StatusUnprocessableEntity
		case err != nil:
			return err
		default:
			uploads[field] = append(uploads[field], up)
		}
		return nil
	})
	switch {
	case errors.Is(err, errBodyTooLarge):
		large(last, u.a.EvidenceLimit(r.Context(), b.Actor.InstansiID))
	case errors.Is(err, errUnreadable):
		errs[last], status = b.T("invalid.form.unreadable"), http.StatusBadRequest
	case err != nil:
		return nil, nil, 0, err
	}
	return uploads, errs, status, nil
}

func (u *ui) submitProgress(w http.ResponseWriter, r *http.Request, b base) error {
	var uploads map[string][]app.Upload
	fileErrs, status := map[string]string{}, 0
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		var err error
		if uploads, fileErrs, status, err = u.formUploads(r, b, func(f string) bool { return f == "file" }); err != nil {
			return err
		}
	}
	p, form, err := u.formEntry(r)
	// The fields that parsed are checked at once too: every field's error
	// shows together.
	err = u.a.CheckProgress(r.Context(), *b.Actor, p, err)
	if err == nil && status == 0 {
		p, err = u.a.SubmitProgress(r.Context(), *b.Actor, p, uploads["file"]...)
	}
	ve, invalid := isValidation(err)
	if invalid || status != 0 {
		// Every field's error shows at once, and what was typed stays.
		errs := map[string]string{}
		if invalid {
			errs = b.Errs(ve)
		}
		maps.Copy(errs, fileErrs)
		if status == 0 || status == http.StatusBadRequest {
			status = http.StatusUnprocessableEntity
		}
		return u.renderProgress(w, r, b, status, &form, errs)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/progres?tanggal="+string(p.WorkDate)+"&ok=1#progress-"+p.ID, http.StatusSeeOther)
	return nil
}

// entryPage is one progress entry with its feedback thread.
type entryPage struct {
	base
	P      app.ProgressView
	Owner  bool
	RHK    []model.RHK
	Form   progressForm
	Errors map[string]string
}

func (u *ui) showProgressEntry(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderEntry(w, r, b, http.StatusOK, nil, nil)
}

func (u *ui) renderEntry(w http.ResponseWriter, r *http.Request, b base, status int, form *progressForm, errs map[string]string) error {
	ctx := r.Context()
	p, err := u.a.ProgressOne(ctx, *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	pg := entryPage{base: b, P: p, Errors: errs, Owner: p.EmployeeID == b.Actor.EmployeeID}
	pg.Title, pg.Nav = b.T("progress.entry"), "progress"
	if p.Can.Edit {
		skp, err := u.a.WorkRHK(ctx, *b.Actor, p.WorkDate)
		if err != nil {
			return err
		}
		pg.RHK = skp.RHK
		pg.Form = progressForm{ID: p.ID, Version: p.Version, Date: string(p.WorkDate), RHKID: p.RHKID, Description: p.Description,
			Output: p.Output(), Minutes: strconv.Itoa(p.Minutes)}
		if form != nil {
			pg.Form = *form
		}
	}
	u.render(w, r, status, "progress_entry", pg)
	return nil
}

func (u *ui) resubmitProgress(w http.ResponseWriter, r *http.Request, b base) error {
	p, form, err := u.formEntry(r)
	p.ID, form.ID = r.PathValue("id"), r.PathValue("id")
	_, err = u.a.ResubmitProgress(r.Context(), *b.Actor, form.Version, p, err)
	switch ve, ok := isValidation(err); {
	case ok:
		return u.renderEntry(w, r, b, http.StatusUnprocessableEntity, &form, b.Errs(ve))
	case errors.Is(err, model.ErrConflict):
		return u.renderEntry(w, r, b, http.StatusConflict, nil, map[string]string{"version": b.T("progress.err.stale")})
	case err != nil:
		return err
	}
	http.Redirect(w, r, "/progres/"+p.ID, http.StatusSeeOther)
	return nil
}

func (u *ui) review(w http.ResponseWriter, r *http.Request, b base, approve bool) error {
	id := r.PathValue("id")
	version := version(r)
	_, err := u.a.ReviewProgress(r.Context(), *b.Actor, id, version, approve, r.PostFormValue("note"))
	switch ve, ok := isValidation(err); {
	case ok:
		return u.renderEntry(w, r, b, http.StatusUnprocessableEntity, nil, b.Errs(ve))
	case errors.Is(err, model.ErrConflict):
		return u.renderEntry(w, r, b, http.StatusConflict, nil, map[string]string{"version": b.T("progress.err.reviewed")})
	case err != nil:
		return err
	}
	back := safeNext(r.PostFormValue("back"))
	if back == "/" {
		back = "/progres/" + id
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

func (u *ui) approveProgress(w http.ResponseWriter, r *http.Request, b base) error {
	return u.review(w, r, b, true)
}

func (u *ui) returnProgress(w http.ResponseWriter, r *http.Request, b base) error {
	return u.review(w, r, b, false)
}

// addFeedback adds a message to a thread and goes back to the page it was
// written on.
func (u *ui) addFeedback(w http.ResponseWriter, r *http.Request, b base) error {
	typ, id := r.PostFormValue("target_type"), r.PostFormValue("target_id")
	_, err := u.a.AddFeedback(r.Context(), *b.Actor, typ, id, r.PostFormValue("body"))
	// The form asks for a message before it is sent; an empty one sent
	// anyway changes nothing and returns to the thread.
	if _, empty := isValidation(err); err != nil && !empty {
		return err
	}
	http.Redirect(w, r, safeNext(r.PostFormValue("back")), http.StatusSeeOther)
	return nil
}

// deskPage is the supervisor's desk.
type deskPage struct {
	base
	D       app.Desk
	Cursor  string // the page's cursor: "" on the first page
	Message string
	Problem string // why "approve selected" did nothing
	MaxMin  int
}

func (u *ui) showDesk(w http.ResponseWriter, r *http.Request, b base) error {
	cursor := cleanParam(r.URL.Query().Get("kursor"), 40)
	p, err := u.deskPage(r, b, cursor)
	if err != nil {
		return err
	}
	switch n := r.URL.Query().Get("disetujui"); {
	case n == "0":
		p.Problem = b.T("desk.approved.none")
	case n != "":
		p.Message = b.T("desk.approved", n)
	}
	u.render(w, r, http.StatusOK, "desk", p)
	return nil
}

func (u *ui) deskPage(r *http.Request, b base, cursor string) (deskPage, error) {
	d, err := u.a.SupervisorDesk(r.Context(), *b.Actor, app.DeskQuery{Cursor: cursor})
	if err != nil {
		return deskPage{}, err
	}
	p := deskPage{base: b, D: d, Cursor: cursor, MaxMin: 1}
	p.Title, p.Nav = b.T("desk.title"), "desk"
	for _, person := range d.People {
		for _, rhk := range person.RHK {
			p.MaxMin = max(p.MaxMin, rhk.Minutes)
		}
	}
	return p, nil
}

// approveSelected approves the entries ticked on the desk; with none
// ticked it shows the desk again saying so.
func (u *ui) approveSelected(w http.ResponseWriter, r *http.Request, b base) error {
	ids := r.PostForm["id"]
	if len(ids) > 200 {
		ids = ids[:200]
	}
	cursor := cleanParam(r.PostFormValue("kursor"), 40)
	if len(ids) == 0 {
		p, err := u.deskPage(r, b, cursor)
		if err != nil {
			return err
		}
		p.Problem = b.T("desk.pick.none")
		u.render(w, r, http.StatusUnprocessableEntity, "desk", p)
		return nil
	}
	n, err := u.a.ApproveProgress(r.Context(), *b.Actor, ids)
	if err != nil {
		return err
	}
	back := "/meja?disetujui=" + strconv.Itoa(n)
	if cursor != "" {
		back += "&kursor=" + url.QueryEscape(cursor)
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

// progressFragment renders one waiting entry as the desk lists it, for the
// desk's live update to insert.
func (u *ui) progressFragment(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.a.ProgressOne(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	d := deskPage{base: b}
	u.renderFragment(w, r, "desk", "desk-entry", map[string]any{"P": p, "Page": d})
	return nil
}

// downloadEvidence sends an evidence file to someone who may see it.
func (u *ui) downloadEvidence(w http.ResponseWriter, r *http.Request, b base) error {
	e, f, err := u.a.EvidenceFile(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	defer f.Close()
	httpx.ServeFile(w, r, e.ContentType, e.FileName, e.SHA256, e.CreatedAt, f)
	return nil
}

// deleteEvidence removes evidence from the actor's own record.
func (u *ui) deleteEvidence(w http.ResponseWriter, r *http.Request, b base) error {
	if err := u.a.DeleteEvidence(r.Context(), *b.Actor, r.PathValue("id")); err != nil {
		return err
	}
	http.Redirect(w, r, safeNext(r.PostFormValue("back")), http.StatusSeeOther)
	return nil
}

// attachEvidence attaches a file from a form to a record of the actor's
// work (a realisasi, an SKP) and goes back to the page it was sent from.
// The form is read as it arrives: the target's fields come before the
// file, which streams to AttachFile under the instansi's limit.
func (u *ui) attachEvidence(w http.ResponseWriter, r *http.Request, b base) error {
	sent := false
	var fileErr error
	err := readMultipart(r, func(field, name string, part io.Reader) error {
		if field != "file" || sent {
			return nil
		}
		sent = true
		_, fileErr = u.a.AttachFile(r.Context(), *b.Actor, r.PostFormValue("target_type"), r.PostFormValue("target_id"), name, part)
		return nil
	})
	typ, id, back := r.PostFormValue("target_type"), r.PostFormValue("target_id"), safeNext(r.PostFormValue("back"))
	var tl *app.TooLargeError
	switch ve, ok := isValidation(fileErr); {
	case errors.Is(err, errBodyTooLarge):
		b.Flash = b.T("evidence.err.large", u.a.EvidenceLimit(r.Context(), b.Actor.InstansiID)>>20)
	case err != nil:
		b.Flash = b.T("evidence.err.form")
	case errors.As(fileErr, &tl):
		b.Flash = b.T("evidence.err.large", tl.Max>>20)
	case ok && b.Errs(ve)["file"] != "":
		b.Flash = b.Errs(ve)["file"]
	case fileErr != nil:
		return fileErr
	case !sent:
		// No file chosen: nothing to attach, but a target the actor may
		// not attach to is still refused.
		if err := u.a.MayAttach(r.Context(), *b.Actor, typ, id); err != nil {
			return err
		}
	}
	if b.Flash != "" {
		status := http.StatusUnprocessableEntity
		if tl != nil || errors.Is(err, errBodyTooLarge) {
			status = http.StatusRequestEntityTooLarge
		}
		u.render(w, r, status, "evidence_refused", evidenceRefused{base: b, Back: back})
		return nil
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}

// evidenceRefused tells why a file was not attached, with the way back.
type evidenceRefused struct {
	base
	Back string
}

// personPage is one employee's entries of a week, for their supervisor (and
// anyone who may see their work).
type personPage struct {
	base
	W app.PersonWeek
}

func (u *ui) showPersonProgress(w http.ResponseWriter, r *http.Request, b base) error {
	week, err := u.a.PersonProgress(r.Context(), *b.Actor, r.PathValue("id"), r.FormValue("tanggal"))
	if err != nil {
		return err
	}
	p := personPage{base: b, W: week}
	p.Title, p.Nav = b.T("progress.person", week.Person.FullName()), "desk"
	u.render(w, r, http.StatusOK, "progress_person", p)
	return nil
}
