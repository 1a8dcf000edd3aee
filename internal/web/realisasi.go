package web

import (
	"errors"
	"maps"
	"net/http"
	"strconv"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

func (u *ui) realisasiRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /realisasi/{id}", u.showRealisasi)
	page("POST /realisasi/{id}", u.saveRealisasi)
}

// realisasiPage is an SKP's realisasi in one period, indicator by
// indicator, with the period's progress beside each RHK, and one form
// that saves every indicator at once.
type realisasiPage struct {
	base
	V      app.RealisasiPeriod
	Errors map[string]string // by field: "value.<indicator id>", "note.", "file.", or "period_id"
	Saved  bool
	// Sent is the form as typed ("value.<id>", "basis.<id>",
	// "version.<id>") when it comes back unsaved; nil on a fresh page.
	Sent     map[string]string
	MaxBytes int64 // the instansi's evidence limit
	MaxMB    int64
	// Refile says files were chosen in a form that came back: a browser
	// cannot keep them, so they are to be chosen again.
	Refile bool
}

// TypedValue is the value to show in an indicator's input: as typed when the
// form came back, else as stored (also for an indicator whose fields came
// after a body cut off at its cap).
func (p realisasiPage) TypedValue(id string) string {
	if v, ok := p.Sent["value."+id]; ok {
		return v
	}
	return p.V.Realisasi[id].Value
}

// TypedBasis is the basis to show in an indicator's input (see TypedValue).
func (p realisasiPage) TypedBasis(id string) string {
	if v, ok := p.Sent["basis."+id]; ok {
		return v
	}
	return p.V.Realisasi[id].Basis
}

// TypedVersion is the version of an indicator's realisasi the form carries: the
// one read when the page was first opened, so that a change made
// meanwhile is still caught when a form comes back with errors.
func (p realisasiPage) TypedVersion(id string) int {
	if p.Sent != nil {
		if v, err := strconv.Atoi(p.Sent["version."+id]); err == nil {
			return v
		}
	}
	return p.V.Realisasi[id].Version
}

func (u *ui) showRealisasi(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderRealisasi(w, r, b, http.StatusOK, nil, nil, false)
}

func (u *ui) renderRealisasi(w http.ResponseWriter, r *http.Request, b base, status int, errs, sent map[string]string, refile bool) error {
	v, err := u.a.Realisasi(r.Context(), *b.Actor, r.PathValue("id"), r.FormValue("periode"))
	if err != nil {
		return err
	}
	p := realisasiPage{base: b, V: v, Errors: errs, Sent: sent, Refile: refile, Saved: r.URL.Query().Get("ok") == "1",
		MaxBytes: u.a.EvidenceLimit(r.Context(), b.Actor.InstansiID)}
	p.MaxMB = p.MaxBytes >> 20
	p.Title, p.Nav = b.T("realisasi.title"), "skp"
	u.render(w, r, status, "realisasi", p)
	return nil
}

// saveRealisasi saves every indicator of the period from the page's one
// form, with the files chosen beside them, all or nothing. A refusal
// brings the form back with everything typed and each error beside its
// input; a file over the limit is answered with the limit.
func (u *ui) saveRealisasi(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	var uploads map[string][]app.Upload
	fileErrs, status := map[string]string{}, 0
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		var err error
		uploads, fileErrs, status, err = u.formUploads(r, b, func(f string) bool { return strings.HasPrefix(f, "file.") })
		if err != nil {
			return err
		}
	}
	period := r.PostFormValue("periode")
	sent := map[string]string{}
	var items []app.RealisasiInput
	for _, in := range r.PostForm["indicator"] {
		it := app.RealisasiInput{IndicatorID: in, Value: r.PostFormValue("value." + in), Note: r.PostFormValue("basis." + in),
			Uploads: uploads["file."+in]}
		it.Version = versionOf(r, "version."+in)
		sent["value."+in], sent["basis."+in], sent["version."+in] = it.Value, it.Note, strconv.Itoa(it.Version)
		items = append(items, it)
	}
	if one := r.PostFormValue("indicator_id"); len(items) == 0 && one != "" {
		// The form of one indicator that pages once had.
		it := app.RealisasiInput{IndicatorID: one, Value: r.PostFormValue("value"), Note: r.PostFormValue("basis")}
		it.Version = version(r)
		sent["value."+one], sent["basis."+one], sent["version."+one] = it.Value, it.Note, strconv.Itoa(it.Version)
		items = append(items, it)
	}
	refile := len(uploads) > 0 || len(fileErrs) > 0
	var err error
	if status == 0 {
		_, err = u.a.SaveRealisasiPeriod(r.Context(), *b.Actor, id, period, items)
	}
	ve, invalid := isValidation(err)
	switch {
	case invalid || status != 0:
		errs := map[string]string{}
		if invalid {
			errs = b.Errs(ve)
		}
		maps.Copy(errs, fileErrs)
		if status == 0 || status == http.StatusBadRequest {
			status = http.StatusUnprocessableEntity
		}
		return u.renderRealisasi(w, r, b, status, errs, sent, refile)
	case errors.Is(err, model.ErrConflict):
		// What was typed stays; the versions are those stored now, so
		// that saving again, after a look at the values shown above each
		// input, is a choice.
		for _, it := range items {
			delete(sent, "version."+it.IndicatorID)
		}
		return u.renderRealisasi(w, r, b, http.StatusConflict, map[string]string{"version": b.T("realisasi.err.stale")}, sent, refile)
	case err != nil:
		return err
	}
	http.Redirect(w, r, "/realisasi/"+id+"?periode="+period+"&ok=1", http.StatusSeeOther)
	return nil
}
