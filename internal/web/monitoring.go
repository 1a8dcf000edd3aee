package web

import (
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The filling dashboard: how far each OPD (or each unit of one OPD) is with
// this year's SKP, the people behind in a unit, and reminders to them.

type monitoringPage struct {
	base
	F        app.Filling
	OPD      *model.Unit
	Behind   *app.BehindView // the drill-down into one unit
	Reminded int
}

func (u *ui) monitoringRoutes(page func(string, func(http.ResponseWriter, *http.Request, base) error)) {
	page("GET /skp/pantau", u.showFilling)
	page("POST /skp/pantau/ingatkan", u.remindBehind)
}

func (u *ui) showFilling(w http.ResponseWriter, r *http.Request, b base) error {
	ctx, q := r.Context(), r.URL.Query()
	year := u.today(r).Time().Year()
	p := monitoringPage{base: b}
	p.Title, p.Nav = b.T("monitor.title"), "monitor"
	if unitID := q.Get("unit"); unitID != "" {
		v, err := u.a.Behind(ctx, *b.Actor, year, unitID)
		if err != nil {
			return err
		}
		p.Behind = &v
	}
	opd := q.Get("opd")
	if p.Behind != nil && opd == "" {
		opd = p.Behind.Unit.OPDID
	}
	f, err := u.a.SKPFilling(ctx, *b.Actor, year, opd)
	if err != nil {
		if _, ok := isValidation(err); !ok {
			return err
		}
		if f, err = u.a.SKPFilling(ctx, *b.Actor, year, ""); err != nil {
			return err
		}
	}
	p.F = f
	if opd != "" {
		if un, err := u.a.Unit(ctx, *b.Actor, opd); err == nil {
			p.OPD = &un
		}
	}
	p.Reminded, _ = strconv.Atoi(q.Get("diingatkan"))
	u.render(w, r, http.StatusOK, "monitoring", p)
	return nil
}

func (u *ui) remindBehind(w http.ResponseWriter, r *http.Request, b base) error {
	unit := r.PostFormValue("unit")
	n, err := u.a.RemindBehind(r.Context(), *b.Actor, u.today(r).Time().Year(), unit)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/skp/pantau?unit="+unit+"&diingatkan="+strconv.Itoa(n), http.StatusSeeOther)
	return nil
}
