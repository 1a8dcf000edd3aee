package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The performance year for BKPSDM: open it with its periods, then open,
// close, lock and (with a reason) unlock each period.

type yearPage struct {
	base
	app.YearView
	Error string
	Saved bool
	Zones []zoneOption // the time zones the instansi may choose
	// Confirm is the move of a period asked for, shown with what it does
	// before it is made: closing, locking or reopening a period.
	Confirm *periodConfirm
}

// periodConfirm is the confirmation step of a period's status move: the
// period, the status asked for, and the catalog keys of the question,
// of what the move does and of the button that makes it.
type periodConfirm struct {
	app.PeriodItem
	To              model.PeriodStatus
	Title, Text, Do string
	Annual          bool
}

// confirmOf is the confirmation step a move of period it to status to
// asks for, or nil when the move needs none (opening a draft period,
// changing dates, unlocking with a written reason) or is not offered
// now (the use case then refuses it with its reason).
func confirmOf(it app.PeriodItem, to model.PeriodStatus) *periodConfirm {
	var act string
	switch {
	case to == it.Status:
		return nil
	case to == model.PeriodClosed && it.Status == model.PeriodOpen && it.Can.Close:
		act = "close"
	case to == model.PeriodLocked && it.Can.Lock:
		act = "lock"
	case to == model.PeriodOpen && it.Status == model.PeriodClosed && it.Can.Reopen:
		act = "reopen"
	default:
		return nil
	}
	c := &periodConfirm{PeriodItem: it, To: to, Annual: it.Kind == model.PeriodAnnual, Title: "period.confirm." + act,
		Text: "period.confirm." + act + ".text", Do: "period.confirm." + act + ".do"}
	if c.Annual {
		c.Text = "period.confirm." + act + ".annual"
	}
	return c
}

func (u *ui) yearRoutes(page func(string, func(http.ResponseWriter, *http.Request, base) error)) {
	page("GET /tahun", u.showYear)
	page("POST /tahun", u.openYear)
	page("POST /tahun/periode/{id}", u.movePeriod)
	page("POST /tahun/bukti", u.setEvidenceLimit)
	page("POST /tahun/zona", u.setTimeZone)
	page("POST /tahun/pimpinan", u.setLeaderMap)
}

// setEvidenceLimit changes the size limit of evidence files.
func (u *ui) setEvidenceLimit(w http.ResponseWriter, r *http.Request, b base) error {
	mb, _ := strconv.Atoi(r.PostFormValue("max_mb"))
	err := u.a.SetEvidenceLimit(r.Context(), *b.Actor, mb)
	if ve, ok := isValidation(err); ok {
		p, perr := u.yearPage(r, b)
		if perr != nil {
			return perr
		}
		p.Error = b.Errs(ve)["evidence_max_mb"]
		u.render(w, r, http.StatusUnprocessableEntity, "year", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/tahun?ok=bukti", http.StatusSeeOther)
	return nil
}

func (u *ui) yearPage(r *http.Request, b base) (yearPage, error) {
	return u.yearPageOf(r, b, u.today(r).Time().Year())
}

// yearPageOf loads the page of a year, or of the year asked (?tahun=).
func (u *ui) yearPageOf(r *http.Request, b base, year int) (yearPage, error) {
	if y, err := app.ParseYear(r.URL.Query().Get("tahun"), year); err == nil {
		year = y
	}
	v, err := u.a.YearView(r.Context(), *b.Actor, year)
	if err != nil {
		return yearPage{}, err
	}
	if !v.Can.Manage {
		return yearPage{}, model.ErrForbidden
	}
	p := yearPage{base: b, YearView: v, Zones: zoneOptions(b, v.Settings)}
	p.Title, p.Nav = b.T("year.title"), "year"
	return p, nil
}

func (u *ui) showYear(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.yearPage(r, b)
	if err != nil {
		return err
	}
	p.Saved = r.URL.Query().Get("ok") != ""
	u.render(w, r, http.StatusOK, "year", p)
	return nil
}

func (u *ui) openYear(w http.ResponseWriter, r *http.Request, b base) error {
	year, _ := app.ParseYear(r.PostFormValue("year"), 0) // an unreadable year is 0, which the use case refuses with its message
	days, err := strconv.Atoi(r.PostFormValue("report_days"))
	if err != nil {
		days = -1
	}
	if _, err := u.a.OpenYear(r.Context(), *b.Actor, year, model.PeriodKind(r.PostFormValue("period_kind")), days); err != nil {
		ve, ok := isValidation(err)
		if !ok {
			return err
		}
		p, perr := u.yearPage(r, b)
		if perr != nil {
			return perr
		}
		for _, m := range b.Errs(ve) {
			p.Error = m
		}
		u.render(w, r, http.StatusUnprocessableEntity, "year", p)
		return nil
	}
	http.Redirect(w, r, "/tahun?tahun="+strconv.Itoa(year)+"&ok=1", http.StatusSeeOther)
	return nil
}

func (u *ui) movePeriod(w http.ResponseWriter, r *http.Request, b base) error {
	cur, err := u.a.Period(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	next := cur
	next.Status = model.PeriodStatus(r.PostFormValue("status"))
	if d := r.PostFormValue("report_deadline"); d != "" {
		next.ReportDeadline = model.Date(d)
	}
	if d := r.PostFormValue("start"); d != "" {
		next.Start = model.Date(d)
	}
	if d := r.PostFormValue("end"); d != "" {
		next.End = model.Date(d)
	}
	back := "/tahun?tahun=" + strconv.Itoa(cur.Year)
	// Closing, locking and reopening are asked once more, saying what
	// they do (the assessments created, the reports stopped or
	// resumed), unless the form says it was confirmed: a second step
	// that needs no JavaScript.
	if next.Status != cur.Status && r.PostFormValue("confirm") != "1" {
		p, err := u.yearPageOf(r, b, cur.Year)
		if err != nil {
			return err
		}
		for _, it := range p.Periods {
			if it.ID == cur.ID {
				p.Confirm = confirmOf(it, next.Status)
			}
		}
		if p.Confirm != nil {
			u.render(w, r, http.StatusOK, "year", p)
			return nil
		}
	}
	if err := u.a.MovePeriod(r.Context(), *b.Actor, next, r.PostFormValue("reason")); err != nil {
		p, perr := u.yearPageOf(r, b, cur.Year)
		if perr != nil {
			return perr
		}
		status := http.StatusUnprocessableEntity
		var se *model.StateError
		if ve, ok := isValidation(err); ok {
			for _, m := range b.Errs(ve) {
				p.Error = m
			}
		} else if errors.As(err, &se) {
			p.Error, status = b.M(se.Message), http.StatusConflict // the reason the move is refused now
		} else {
			p.Error = b.T("skp.err.state")
		}
		u.render(w, r, status, "year", p)
		return nil
	}
	http.Redirect(w, r, back+"&ok=1", http.StatusSeeOther)
	return nil
}
