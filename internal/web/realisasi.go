package web

import (
	"errors"
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

func (u *ui) realisasiRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /realisasi/{id}", u.showRealisasi)
	page("POST /realisasi/{id}", u.saveRealisasi)
}

// realisasiPage is an SKP's realisasi in one period, indicator by
// indicator, with the period's progress beside each RHK.
type realisasiPage struct {
	base
	V      app.RealisasiPeriod
	Errors map[string]string
	Saved  bool
	Form   map[string]string // indicator id → value typed, when sent back
}

func (u *ui) showRealisasi(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderRealisasi(w, r, b, http.StatusOK, nil, nil)
}

func (u *ui) renderRealisasi(w http.ResponseWriter, r *http.Request, b base, status int, errs, form map[string]string) error {
	v, err := u.a.Realisasi(r.Context(), *b.Actor, r.PathValue("id"), r.FormValue("periode"))
	if err != nil {
		return err
	}
	p := realisasiPage{base: b, V: v, Errors: errs, Form: form, Saved: r.URL.Query().Get("ok") == "1"}
	p.Title, p.Nav = b.T("realisasi.title"), "skp"
	u.render(w, r, status, "realisasi", p)
	return nil
}

// saveRealisasi saves one indicator's realisasi from its form.
func (u *ui) saveRealisasi(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	version := version(r)
	period, indicator := r.PostFormValue("periode"), r.PostFormValue("indicator_id")
	_, err := u.a.SaveRealisasi(r.Context(), *b.Actor, id, version, model.Realisasi{PeriodID: period, IndicatorID: indicator,
		Value: r.PostFormValue("value"), Basis: r.PostFormValue("basis")})
	switch ve, ok := isValidation(err); {
	case ok:
		return u.renderRealisasi(w, r, b, http.StatusUnprocessableEntity, b.Errs(ve), map[string]string{indicator: r.PostFormValue("value")})
	case errors.Is(err, model.ErrConflict):
		return u.renderRealisasi(w, r, b, http.StatusConflict, map[string]string{"version": b.T("realisasi.err.stale")}, nil)
	case err != nil:
		return err
	}
	http.Redirect(w, r, "/realisasi/"+id+"?periode="+period+"&ok=1#iki-"+indicator, http.StatusSeeOther)
	return nil
}
