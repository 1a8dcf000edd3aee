package web

import (
	"errors"
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
// the parsers the API uses too, and checks it as the API does.
func (u *ui) formEntry(r *http.Request) (model.Progress, progressForm, error) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		// The body's size was capped before; files beyond 8 MB in memory
		// go to temporary files.
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			return model.Progress{}, progressForm{}, model.Invalid("file", "invalid.form.unreadable")
		}
	}
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
	// The fields that parsed are checked at once too: every field's error
	// shows together.
	return p, f, u.a.CheckProgress(r.Context(), actorOf(r), p, v.Err())
}

func (u *ui) submitProgress(w http.ResponseWriter, r *http.Request, b base) error {
	p, form, err := u.formEntry(r)
	var uploads []app.Upload
	if err == nil && r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
		if file, header, ferr := r.FormFile("file"); ferr == nil && header.Size > 0 {
			// The file is checked and stored first: a refused file keeps
			// the entry from being sent, and the form comes back.
			var up app.Upload
			up, err = u.a.StoreUpload(r.Context(), *b.Actor, header.Filename, file)
			file.Close()
			uploads = append(uploads, up)
		}
	}
	if err == nil {
		p, err = u.a.SubmitProgress(r.Context(), *b.Actor, p, uploads...)
	}
	var tl *app.TooLargeError
	if errors.As(err, &tl) {
		return u.renderProgress(w, r, b, http.StatusRequestEntityTooLarge, &form, map[string]string{"file": b.T("evidence.err.large", tl.Max>>20)})
	}
	if ve, ok := isValidation(err); ok {
		return u.renderProgress(w, r, b, http.StatusUnprocessableEntity, &form, b.Errs(ve))
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
	if err == nil {
		_, err = u.a.ResubmitProgress(r.Context(), *b.Actor, form.Version, p)
	}
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
	MaxMin  int
}

func (u *ui) showDesk(w http.ResponseWriter, r *http.Request, b base) error {
	cursor := cleanParam(r.URL.Query().Get("kursor"), 40)
	d, err := u.a.SupervisorDesk(r.Context(), *b.Actor, app.DeskQuery{Cursor: cursor})
	if err != nil {
		return err
	}
	p := deskPage{base: b, D: d, Cursor: cursor, MaxMin: 1}
	p.Title, p.Nav = b.T("desk.title"), "desk"
	for _, person := range d.People {
		for _, rhk := range person.RHK {
			p.MaxMin = max(p.MaxMin, rhk.Minutes)
		}
	}
	if n := r.URL.Query().Get("disetujui"); n != "" {
		p.Message = b.T("desk.approved", n)
	}
	u.render(w, r, http.StatusOK, "desk", p)
	return nil
}

func (u *ui) approveSelected(w http.ResponseWriter, r *http.Request, b base) error {
	ids := r.PostForm["id"]
	if len(ids) > 200 {
		ids = ids[:200]
	}
	n, err := u.a.ApproveProgress(r.Context(), *b.Actor, ids)
	if err != nil {
		return err
	}
	back := "/meja?disetujui=" + strconv.Itoa(n)
	if c := cleanParam(r.PostFormValue("kursor"), 40); c != "" {
		back += "&kursor=" + url.QueryEscape(c)
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
func (u *ui) attachEvidence(w http.ResponseWriter, r *http.Request, b base) error {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		return model.Invalid("file", "evidence.err.form")
	}
	defer r.MultipartForm.RemoveAll()
	typ, id, back := r.PostFormValue("target_type"), r.PostFormValue("target_id"), safeNext(r.PostFormValue("back"))
	file, header, err := r.FormFile("file")
	if err != nil {
		// No file chosen: nothing to attach, but a target the actor may
		// not attach to is still refused.
		if err := u.a.MayAttach(r.Context(), *b.Actor, typ, id); err != nil {
			return err
		}
		http.Redirect(w, r, back, http.StatusSeeOther)
		return nil
	}
	defer file.Close()
	_, err = u.a.AttachFile(r.Context(), *b.Actor, typ, id, header.Filename, file)
	var tl *app.TooLargeError
	switch ve, ok := isValidation(err); {
	case errors.As(err, &tl):
		b.Flash = b.T("evidence.err.large", tl.Max>>20)
	case ok && b.Errs(ve)["file"] != "":
		b.Flash = b.Errs(ve)["file"]
	case err != nil:
		return err
	}
	if b.Flash != "" {
		u.render(w, r, http.StatusUnprocessableEntity, "evidence_refused", evidenceRefused{base: b, Back: back})
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
