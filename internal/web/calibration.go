package web

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Kalibrasi: an OPD's distribution of predikat in a period as a chart
// against the pattern its capaian allows, redrawn live as ratings change;
// the people rated with a form to move a rating with a reason; and the
// OPD's finalisation, BKPSDM's override and unlock.

func (u *ui) calibrationRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /kalibrasi", u.showCalibrationChooser)
	page("GET /kalibrasi/{opd}", u.showCalibration)
	page("POST /kalibrasi/{opd}/geser/{aid}", u.moveRating)
	page("POST /kalibrasi/{opd}/final", u.finalizeCalibration)
	page("POST /kalibrasi/{opd}/buka", u.unlockCalibration)
	page("GET /fragmen/kurva/{opd}", u.curveFragment)
}

type calibrationChooserPage struct {
	base
	OPDs    []model.Unit
	Periods []model.Period
	Year    int
	Years   []int
}

// showCalibrationChooser lists the OPDs and closed periods the actor may
// calibrate or read.
func (u *ui) showCalibrationChooser(w http.ResponseWriter, r *http.Request, b base) error {
	ctx, actor := r.Context(), *b.Actor
	if opd := r.URL.Query().Get("opd"); opd != "" {
		// The chooser's form, sent without a script.
		q := url.Values{"periode": {r.URL.Query().Get("periode")}}
		http.Redirect(w, r, "/kalibrasi/"+url.PathEscape(opd)+"?"+q.Encode(), http.StatusSeeOther)
		return nil
	}
	p := calibrationChooserPage{base: b}
	p.Title, p.Nav = b.T("calib.title"), "calibration"
	p.Year, p.Years = u.needYear(r)
	var err error
	if p.OPDs, err = u.a.CalibrationOPDs(ctx, actor); err != nil {
		return err
	}
	if len(p.OPDs) == 0 {
		// As every page of a right the actor lacks (and as
		// /kalibrasi/{opd} answers them): forbidden, not missing.
		return fmt.Errorf("calibration: %w", model.ErrForbidden)
	}
	periods, err := u.a.Periods(ctx, actor, p.Year)
	if err != nil {
		return err
	}
	// The latest period first: the one most likely being calibrated.
	for i := len(periods) - 1; i >= 0; i-- {
		if pe := periods[i]; pe.Status == model.PeriodClosed || pe.Status == model.PeriodLocked {
			p.Periods = append(p.Periods, pe)
		}
	}
	u.render(w, r, http.StatusOK, "calibration_chooser", p)
	return nil
}

// curveBar is one predikat of the chart: its column, its count and the
// limits of the pattern that name it alone.
type curveBar struct {
	Predikat model.Predikat
	Count    int
	Percent  int
	X, Y, H  int // the column in the chart's 0..300 × 0..160 drawing
	MaxY     int // the maximum's line, -1 when none
	MinY     int // the minimum's line, -1 when none
	Max, Min int
	Broken   bool
}

// chartHeight is the drawing height of the bars in the chart.
// The chart's bars stand on the axis at y = chartTop + chartHeight (150 in
// the 190-high view box); chartTop leaves room above the tallest bar for
// its count, which would be cut off at the top of the chart otherwise.
const (
	chartTop    = 22
	chartHeight = 128
)

// curveBars lays out the chart in the curve's order: Sangat Kurang on
// the left to Sangat Baik on the right, as the regulation draws it.
func curveBars(c model.CurveCheck) []curveBar {
	order := []model.Predikat{model.PredikatSangatKurang, model.PredikatKurang, model.PredikatButuhPerbaikan,
		model.PredikatBaik, model.PredikatSangatBaik}
	top := 1
	for _, p := range order {
		top = max(top, c.Counts[p])
	}
	for _, l := range c.Limits {
		if len(l.Rule.Predikats) == 1 && l.Max < c.Total {
			top = max(top, l.Max)
		}
		top = max(top, l.Min)
	}
	y := func(n int) int { return chartTop + chartHeight - n*chartHeight/top }
	var out []curveBar
	for i, p := range order {
		bar := curveBar{Predikat: p, Count: c.Counts[p], X: 14 + i*58, MaxY: -1, MinY: -1, Max: -1, Min: -1}
		if c.Total > 0 {
			bar.Percent = c.Counts[p] * 100 / c.Total
		}
		bar.Y, bar.H = y(bar.Count), bar.Count*chartHeight/top
		for _, l := range c.Limits {
			if len(l.Rule.Predikats) != 1 || l.Rule.Predikats[0] != p || c.Total == 0 {
				continue
			}
			if l.Max < c.Total {
				bar.Max, bar.MaxY = l.Max, y(l.Max)
			}
			if l.Min > 0 {
				bar.Min, bar.MinY = l.Min, y(l.Min)
			}
			bar.Broken = bar.Broken || l.Broken()
		}
		out = append(out, bar)
	}
	return out
}

type calibrationPage struct {
	base
	V       app.CurveView
	Items   []app.AssessmentItem
	NextURL string // the next page of the people, "" on the last
	Bars    []curveBar
	Ratings []model.Rating
	Errors  map[string]string
	ErrFor  string // the assessment whose move form holds Errors
	Form    map[string]string
	OK      string
}

// ErrorList is the messages of the refused form, each linking to its
// field: a move's ratings and reason on that person's form, the
// finalisation's override reason, the unlock's reason.
func (p calibrationPage) ErrorList() []pageError {
	var fields map[string][2]string
	switch p.ErrFor {
	case "final":
		fields = map[string][2]string{"override_reason": {"calib.override", "#override"}, "capaian": {"calib.capaian", "#curve-h"},
			"assessments": {"calib.people", "#people-h"}}
	case "unlock":
		fields = map[string][2]string{"reason": {"calib.unlock.reason", "#unlock-reason"}}
	default:
		fields = map[string][2]string{"hasil_kerja": {"calib.hk", "#hk-" + p.ErrFor}, "perilaku_kerja": {"calib.pk", "#pk-" + p.ErrFor},
			"reason": {"calib.reason", "#reason-" + p.ErrFor}}
	}
	return linkedErrors(p.base, p.Errors, fields)
}

// PeriodQuery is the period as the page's links and forms carry it.
func (p calibrationPage) PeriodQuery() string { return "periode=" + url.QueryEscape(p.V.Period.ID) }

func (u *ui) calibrationPage(r *http.Request, b base) (calibrationPage, error) {
	p := calibrationPage{base: b, Ratings: model.Ratings}
	periodID := r.URL.Query().Get("periode")
	if periodID == "" {
		periodID = r.PostFormValue("periode")
	}
	v, err := u.a.Curve(r.Context(), *b.Actor, r.PathValue("opd"), periodID)
	if err != nil {
		return p, err
	}
	p.V, p.Bars = v, curveBars(v.Check)
	people, err := u.a.CalibrationItems(r.Context(), *b.Actor, v, r.URL.Query().Get("kursor"), 100)
	if _, bad := isValidation(err); bad {
		people, err = u.a.CalibrationItems(r.Context(), *b.Actor, v, "", 100)
	}
	if err != nil {
		return p, err
	}
	p.Items = people.Items
	if people.Next != "" {
		q := url.Values{"periode": {v.Period.ID}, "kursor": {people.Next}}
		p.NextURL = "/kalibrasi/" + url.PathEscape(v.OPD.ID) + "?" + q.Encode() + "#people-h"
	}
	p.Title, p.Nav = b.T("calib.title")+" · "+v.OPD.Name, "calibration"
	switch r.URL.Query().Get("ok") {
	case "move", "final", "unlock":
		p.OK = b.T("calib.ok." + r.URL.Query().Get("ok"))
	}
	return p, nil
}

func (u *ui) showCalibration(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.calibrationPage(r, b)
	if err != nil {
		return err
	}
	u.render(w, r, http.StatusOK, "calibration", p)
	return nil
}

// curveFragment is the chart and its violations, for the page to redraw
// when a rating of the OPD changes.
func (u *ui) curveFragment(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.calibrationPage(r, b)
	if err != nil {
		return err
	}
	u.renderFragment(w, r, "calibration", "curve", p)
	return nil
}

// calibrationFailed shows the page again with a form's errors, or answers
// the error.
func (u *ui) calibrationFailed(w http.ResponseWriter, r *http.Request, b base, err error, errFor string) error {
	ve, ok := isValidation(err)
	if !ok {
		return err
	}
	p, perr := u.calibrationPage(r, b)
	if perr != nil {
		return perr
	}
	p.Errors, p.ErrFor = b.Errs(ve), errFor
	p.Form = map[string]string{"hasil_kerja": r.PostFormValue("hasil_kerja"), "perilaku_kerja": r.PostFormValue("perilaku_kerja"),
		"reason": r.PostFormValue("reason"), "override_reason": r.PostFormValue("override_reason")}
	u.render(w, r, http.StatusUnprocessableEntity, "calibration", p)
	return nil
}

func (u *ui) calibrationDone(w http.ResponseWriter, r *http.Request, ok string) {
	q := url.Values{"periode": {r.PostFormValue("periode")}, "ok": {ok}}
	http.Redirect(w, r, "/kalibrasi/"+url.PathEscape(r.PathValue("opd"))+"?"+q.Encode(), http.StatusSeeOther)
}

func (u *ui) moveRating(w http.ResponseWriter, r *http.Request, b base) error {
	version := version(r)
	aid := r.PathValue("aid")
	_, err := u.a.MoveAssessment(r.Context(), *b.Actor, aid, app.MoveInput{Version: version, HasilKerja: model.Rating(r.PostFormValue("hasil_kerja")),
		PerilakuKerja: model.Rating(r.PostFormValue("perilaku_kerja")), Reason: r.PostFormValue("reason"), Predikat: typedPredikat(r)})
	if err != nil {
		return u.calibrationFailed(w, r, b, err, aid)
	}
	u.calibrationDone(w, r, "move")
	return nil
}

func (u *ui) finalizeCalibration(w http.ResponseWriter, r *http.Request, b base) error {
	_, err := u.a.FinalizeCalibration(r.Context(), *b.Actor, r.PathValue("opd"), r.PostFormValue("periode"), r.PostFormValue("override_reason"))
	if err != nil {
		return u.calibrationFailed(w, r, b, err, "final")
	}
	u.calibrationDone(w, r, "final")
	return nil
}

func (u *ui) unlockCalibration(w http.ResponseWriter, r *http.Request, b base) error {
	_, err := u.a.UnlockCalibration(r.Context(), *b.Actor, r.PathValue("opd"), r.PostFormValue("periode"), r.PostFormValue("reason"))
	if err != nil {
		return u.calibrationFailed(w, r, b, err, "unlock")
	}
	u.calibrationDone(w, r, "unlock")
	return nil
}
