package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Capaian kinerja organisasi: every OPD in a chosen period with its
// capaian, the recommendations of BKPSDM, Bappeda and the Inspektorat, the
// rating hasil kerja it implies for the OPD head, and the forms for those
// who set or recommend it. BKPSDM keeps who sets it and which OPDs
// recommend at the foot of the page.

// unitPerformanceRoutes adds the page of capaian kinerja organisasi.
func (u *ui) unitPerformanceRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /capaian-organisasi", u.showUnitPerformance)
	page("POST /capaian-organisasi/pengaturan", u.saveUnitPerformanceSettings)
	page("POST /capaian-organisasi/{unit}/{period}", u.setUnitPerformance)
	page("POST /capaian-organisasi/{unit}/{period}/rekomendasi", u.recommendUnitPerformance)
}

type unitPerfPage struct {
	base
	L        app.UnitPerformanceList
	Empty    string // why there is no period to show
	Capaians []model.Capaian
	BasisMax int // the longest basis of a recommendation recorded on a body's behalf
	OK       string
	// The form that was refused: the OPD it was for, what was sent and
	// what was wrong.
	Failed    string
	Form      app.UnitPerformanceRequest
	RecForm   app.UnitRecommendationRequest
	Errors    map[string]string
	RecErrors map[string]string
	// The settings form when it was refused.
	Settings       model.UnitPerformanceSettings
	SettingsErrors map[string]string
}

// unitPerfOK is the message for ?ok= after a step, "" for anything else.
func unitPerfOK(b base, step string) string {
	switch step {
	case "set":
		return b.T("unitperf.ok.set")
	case "recommend":
		return b.T("unitperf.ok.recommend")
	case "settings":
		return b.T("unitperf.ok.settings")
	}
	return ""
}

// unitPerfPageFor loads the page for period periodID ("" for the
// latest begun); a period that is none shows the latest instead.
func (u *ui) unitPerfPageFor(r *http.Request, b base, periodID string) (unitPerfPage, error) {
	p := unitPerfPage{base: b, Capaians: model.Capaians, BasisMax: model.UnitRecommendationBasisMax, OK: unitPerfOK(b, r.URL.Query().Get("ok"))}
	p.Title, p.Nav = b.T("unitperf.title"), "unitperf"
	l, err := u.a.UnitPerformances(r.Context(), *b.Actor, periodID)
	if _, bad := isValidation(err); bad && periodID != "" {
		l, err = u.a.UnitPerformances(r.Context(), *b.Actor, "")
	}
	if ve, bad := isValidation(err); bad {
		p.Empty = b.Errs(ve)["period"]
		return p, nil
	}
	p.L, p.Settings = l, l.Settings
	return p, err
}

func (u *ui) showUnitPerformance(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.unitPerfPageFor(r, b, r.URL.Query().Get("periode"))
	if err != nil {
		return err
	}
	u.render(w, r, http.StatusOK, "unit_performance", p)
	return nil
}

// afterUnitPerf goes back to the OPD on the page after a step, or shows
// the page again with the refused form and what went wrong.
func (u *ui) afterUnitPerf(w http.ResponseWriter, r *http.Request, b base, step string, err error, fill func(p *unitPerfPage, errs map[string]string)) error {
	unitID, periodID := r.PathValue("unit"), r.PathValue("period")
	status := http.StatusUnprocessableEntity
	var errs map[string]string
	switch ve, ok := isValidation(err); {
	case err == nil:
		q := url.Values{"periode": {periodID}, "ok": {step}}
		http.Redirect(w, r, "/capaian-organisasi?"+q.Encode()+"#opd-"+unitID, http.StatusSeeOther)
		return nil
	case ok:
		errs = b.Errs(ve)
	case errors.Is(err, model.ErrStale):
		errs, status = map[string]string{"version": b.T("unitperf.err.stale")}, http.StatusConflict
	default:
		return err
	}
	p, perr := u.unitPerfPageFor(r, b, periodID)
	if perr != nil {
		return perr
	}
	p.Failed, p.OK = unitID, ""
	fill(&p, errs)
	u.render(w, r, status, "unit_performance", p)
	return nil
}

func (u *ui) setUnitPerformance(w http.ResponseWriter, r *http.Request, b base) error {
	req := app.UnitPerformanceRequest{Capaian: model.Capaian(r.PostFormValue("capaian")), Basis: r.PostFormValue("basis"), Version: version(r)}
	_, err := u.a.SetUnitPerformance(r.Context(), *b.Actor, r.PathValue("unit"), r.PathValue("period"), req)
	return u.afterUnitPerf(w, r, b, "set", err, func(p *unitPerfPage, errs map[string]string) {
		p.Form, p.Errors = req, errs
	})
}

func (u *ui) recommendUnitPerformance(w http.ResponseWriter, r *http.Request, b base) error {
	req := app.UnitRecommendationRequest{Source: model.RecommendationSource(r.PostFormValue("source")),
		Capaian: model.Capaian(r.PostFormValue("capaian")), Note: r.PostFormValue("note"), Basis: r.PostFormValue("basis")}
	_, err := u.a.RecommendUnitPerformance(r.Context(), *b.Actor, r.PathValue("unit"), r.PathValue("period"), req)
	return u.afterUnitPerf(w, r, b, "recommend", err, func(p *unitPerfPage, errs map[string]string) {
		p.RecForm, p.RecErrors = req, errs
	})
}

func (u *ui) saveUnitPerformanceSettings(w http.ResponseWriter, r *http.Request, b base) error {
	s := model.UnitPerformanceSettings{Setter: r.PostFormValue("capaian_setter"), BKPSDMUnitID: r.PostFormValue("bkpsdm_unit_id"),
		BappedaUnitID: r.PostFormValue("bappeda_unit_id"), InspektoratUnitID: r.PostFormValue("inspektorat_unit_id")}
	periodID := r.PostFormValue("periode")
	_, err := u.a.SetUnitPerformanceSettings(r.Context(), *b.Actor, s)
	if err == nil {
		q := url.Values{"periode": {periodID}, "ok": {"settings"}}
		http.Redirect(w, r, "/capaian-organisasi?"+q.Encode()+"#pengaturan", http.StatusSeeOther)
		return nil
	}
	ve, ok := isValidation(err)
	if !ok {
		return err
	}
	p, perr := u.unitPerfPageFor(r, b, periodID)
	if perr != nil {
		return perr
	}
	p.OK, p.Settings, p.SettingsErrors = "", s, b.Errs(ve)
	u.render(w, r, http.StatusUnprocessableEntity, "unit_performance", p)
	return nil
}
