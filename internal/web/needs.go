package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Development needs and resource constraints: an ASN's own and the form to
// record one, the supervisor's worklist of their line, and for BKPSDM,
// leaders and OPD admins the counts by OPD and kind that drill down to
// the list where they record what was done.

// needsRoutes adds the pages of development needs and resource constraints.
func (u *ui) needsRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /kebutuhan", u.showNeeds)
	page("POST /kebutuhan", u.recordNeed)
	page("GET /kebutuhan/daftar", u.showNeedList)
	page("GET /kebutuhan/{id}", u.showNeed)
	page("POST /kebutuhan/{id}/konfirmasi", u.confirmNeed)
	page("POST /kebutuhan/{id}/tutup", u.closeNeed)
	page("POST /kebutuhan/{id}/tindak-lanjut", u.addressNeed)
}

// needGroup is a category with its kinds, for a form's choices.
type needGroup struct {
	Category model.NeedCategory
	Kinds    []model.NeedKind
}

func needGroups() []needGroup {
	var out []needGroup
	for _, c := range model.NeedCategories {
		out = append(out, needGroup{Category: c, Kinds: c.Kinds()})
	}
	return out
}

// needShows are the counts the summary can show in its cells.
var needShows = []string{"outstanding", "open", "confirmed", "addressed", "closed", "all"}

type needsPage struct {
	base
	Can        app.NeedsRights
	Year       int
	Years      []int
	Groups     []needGroup
	Mine       []app.NeedView
	MineNext   string // the next page of Mine, when there is one
	TeamNext   string // the next page of TeamNeeds, when there is one
	MineTotal  int    // Mine on all its pages
	TeamTotal  int    // TeamNeeds on all its pages
	RHK        []model.RHK
	Team       []model.Employee
	TeamNeeds  []app.NeedView
	Form       model.Need // the own form, filled again after an error
	TeamForm   model.Need // the form for a team member
	Errors     map[string]string
	TeamErrors map[string]string
	OK         string
	Summary    *app.NeedSummary
	Show       string // which count the summary's cells give
	Shows      []string
}

// ListURL is the drill-down from a cell of the summary: the needs of a
// line (an OPD, or a unit of one) and of a kind ("" for every kind), in
// the status the summary shows.
func (p needsPage) ListURL(line app.NeedLine, kind model.NeedKind) string {
	q := url.Values{"tahun": {strconv.Itoa(p.Year)}}
	switch {
	case line.Unit.ID == "" && p.Summary.OPD != nil: // the total of one OPD
		q.Set("opd", p.Summary.OPD.ID)
	case line.Unit.ID == "": // the total of every OPD
	case p.Summary.OPD != nil || line.Unit.OPDID != line.Unit.ID:
		// A line of units counts the needs recorded in that unit itself.
		q.Set("unit", line.Unit.ID)
		q.Set("persis", "1")
	default:
		q.Set("opd", line.Unit.ID)
	}
	if kind != "" {
		q.Set("jenis", string(kind))
	} else if p.Summary.Category != "" {
		q.Set("kategori", string(p.Summary.Category))
	}
	if p.Show != "all" {
		q.Set("status", p.Show)
	}
	return "/kebutuhan/daftar?" + q.Encode()
}

// StatusURL is the list of the year's needs in one status.
func (p needsPage) StatusURL(status string) string {
	q := url.Values{"tahun": {strconv.Itoa(p.Year)}, "status": {status}}
	if p.Summary.OPD != nil {
		q.Set("opd", p.Summary.OPD.ID)
	}
	if p.Summary.Category != "" {
		q.Set("kategori", string(p.Summary.Category))
	}
	return "/kebutuhan/daftar?" + q.Encode()
}

// needOK is the message for ?ok= after a step, "" for anything else.
func needOK(b base, step string) string {
	switch step {
	case "recorded", "confirm", "close", "address":
		return b.T("need.ok." + step)
	}
	return ""
}

// needYear reads ?tahun=, the current year by default, and the years a page
// offers.
func (u *ui) needYear(r *http.Request) (int, []int) {
	now := u.today(r).Time().Year()
	year, err := app.ParseYear(r.URL.Query().Get("tahun"), now)
	if err != nil {
		year = now // a page asked for a year that is none shows this one
	}
	return year, []int{now - 2, now - 1, now}
}

func (u *ui) needsPage(r *http.Request, b base) (needsPage, error) {
	ctx, actor := r.Context(), *b.Actor
	p := needsPage{base: b, Groups: needGroups(), Show: "outstanding", Shows: needShows}
	p.Title, p.Nav = b.T("need.title"), "needs"
	p.Year, p.Years = u.needYear(r)
	q := r.URL.Query()
	p.OK = needOK(b, q.Get("ok"))
	access, err := u.a.NeedsAccess(ctx, actor)
	if err != nil {
		return p, err
	}
	p.Can, p.Team = access.Can, access.Team
	if p.Can.Record {
		// One's own needs a page at a time (?kursor=), newest first; a
		// cursor edited by hand starts again from the newest.
		mine := app.NeedQuery{EmployeeID: actor.EmployeeID, Cursor: q.Get("kursor"), Limit: 100}
		page, err := u.a.Needs(ctx, actor, mine)
		if _, bad := isValidation(err); bad && mine.Cursor != "" {
			mine.Cursor = ""
			page, err = u.a.Needs(ctx, actor, mine)
		}
		if err != nil {
			return p, err
		}
		p.Mine, p.MineTotal = page.Items, page.Total
		if page.NextCursor != "" {
			p.MineNext = "/kebutuhan?kursor=" + url.QueryEscape(page.NextCursor) + "#saya"
		}
		if p.RHK, err = u.a.NeedRHKOptions(ctx, actor, actor.EmployeeID); err != nil {
			return p, err
		}
		// The line's needs a page at a time too (?tim=).
		team, err := u.a.LineNeeds(ctx, actor, 0, 100, q.Get("tim"))
		if _, bad := isValidation(err); bad {
			team, err = u.a.LineNeeds(ctx, actor, 0, 100, "")
		}
		if err != nil {
			return p, err
		}
		p.TeamNeeds, p.TeamTotal = team.Items, team.Total
		if team.NextCursor != "" {
			p.TeamNext = "/kebutuhan?tim=" + url.QueryEscape(team.NextCursor) + "#tim"
		}
	}
	if p.Can.Summary {
		if s := q.Get("tampil"); slices.Contains(needShows, s) {
			p.Show = s
		}
		sum, err := u.a.NeedSummary(ctx, actor, p.Year, q.Get("opd"), model.NeedCategory(q.Get("kategori")))
		if _, bad := isValidation(err); bad {
			// A filter edited by hand: show the whole year instead.
			sum, err = u.a.NeedSummary(ctx, actor, p.Year, "", "")
		}
		if err != nil && !errors.Is(err, model.ErrForbidden) {
			return p, err
		}
		if err == nil {
			p.Summary = &sum
		}
	}
	return p, nil
}

func (u *ui) showNeeds(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.needsPage(r, b)
	if err != nil {
		return err
	}
	u.render(w, r, http.StatusOK, "needs", p)
	return nil
}

// recordNeed records a need from the own form, or from the team form when
// it names an employee.
func (u *ui) recordNeed(w http.ResponseWriter, r *http.Request, b base) error {
	n := model.Need{EmployeeID: r.PostFormValue("employee_id"), Kind: model.NeedKind(r.PostFormValue("kind")),
		Title: r.PostFormValue("title"), Description: r.PostFormValue("description"), RHKID: r.PostFormValue("rhk_id")}
	team := n.EmployeeID != "" && n.EmployeeID != b.Actor.EmployeeID
	saved, err := u.a.RecordNeed(r.Context(), *b.Actor, n)
	if ve, ok := isValidation(err); ok {
		p, perr := u.needsPage(r, b)
		if perr != nil {
			return perr
		}
		if team {
			p.TeamForm, p.TeamErrors = n, b.Errs(ve)
		} else {
			p.Form, p.Errors = n, b.Errs(ve)
		}
		u.render(w, r, http.StatusUnprocessableEntity, "needs", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/kebutuhan?ok=recorded#need-"+saved.ID, http.StatusSeeOther)
	return nil
}

type needListPage struct {
	base
	Year      int
	Years     []int
	OPD       *model.Unit
	Unit      *model.Unit
	UnitOnly  bool // the unit itself, not the units below it
	OPDs      []model.Unit
	Groups    []needGroup
	Kind      model.NeedKind
	Category  model.NeedCategory
	Status    string // a status, "outstanding", or "" for all
	Statuses  []string
	Items     []app.NeedView
	Total     int // the needs listed on all pages
	NextURL   string
	FirstURL  string
	OK        string
	Summaries bool // the reader sees the summary
}

// showNeedList lists the needs a filter selects: the drill-down from the
// summary, with a form to change the filter.
func (u *ui) showNeedList(w http.ResponseWriter, r *http.Request, b base) error {
	ctx, actor, q := r.Context(), *b.Actor, r.URL.Query()
	p := needListPage{base: b, Groups: needGroups(), Statuses: []string{"outstanding", "open", "confirmed", "addressed", "closed"}}
	p.Title, p.Nav = b.T("need.list"), "needs"
	p.Year, p.Years = u.needYear(r)
	p.OK = needOK(b, q.Get("ok"))
	access, err := u.a.NeedsAccess(ctx, actor)
	if err != nil {
		return err
	}
	p.Summaries, p.OPDs = access.Can.Summary, access.OPDs
	units, err := u.a.Units(ctx, actor)
	if err != nil {
		return err
	}
	for i, un := range units {
		if un.ID == q.Get("opd") && un.OPDID == un.ID {
			p.OPD = &units[i]
		}
		if un.ID == q.Get("unit") {
			p.Unit = &units[i]
		}
	}
	if k := model.NeedKind(q.Get("jenis")); k.Valid() {
		p.Kind = k
	}
	if c := model.NeedCategory(q.Get("kategori")); c.Valid() {
		p.Category = c
	}
	var statuses []model.NeedStatus
	switch s := q.Get("status"); {
	case s == "outstanding":
		p.Status, statuses = s, []model.NeedStatus{model.NeedOpen, model.NeedConfirmed}
	case model.NeedStatus(s).Valid():
		p.Status, statuses = s, []model.NeedStatus{model.NeedStatus(s)}
	}
	query := app.NeedQuery{Year: p.Year, Kind: p.Kind, Category: p.Category, Statuses: statuses, Cursor: q.Get("kursor"), Limit: 50}
	if p.OPD != nil {
		query.OPDID = p.OPD.ID
	}
	if p.Unit != nil {
		p.UnitOnly = q.Get("persis") == "1"
		query.UnitID, query.UnitOnly = p.Unit.ID, p.UnitOnly
	}
	page, err := u.a.Needs(ctx, actor, query)
	if _, bad := isValidation(err); bad && query.Cursor != "" {
		// A stale or mangled cursor: start from the first page.
		query.Cursor = ""
		page, err = u.a.Needs(ctx, actor, query)
	}
	if err != nil {
		return err
	}
	p.Items, p.Total = page.Items, page.Total
	if page.NextCursor != "" {
		q.Set("kursor", page.NextCursor)
		q.Del("ok")
		p.NextURL = r.URL.Path + "?" + q.Encode()
	}
	if query.Cursor != "" {
		q.Del("kursor")
		q.Del("ok")
		p.FirstURL = r.URL.Path + "?" + q.Encode()
	}
	u.render(w, r, http.StatusOK, "needs_list", p)
	return nil
}

type needPage struct {
	base
	N      app.NeedView
	Errors map[string]string
	OK     string
}

func (u *ui) showNeed(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderNeed(w, r, b, http.StatusOK, nil)
}

func (u *ui) renderNeed(w http.ResponseWriter, r *http.Request, b base, status int, errs map[string]string) error {
	n, err := u.a.Need(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	p := needPage{base: b, N: n, Errors: errs, OK: needOK(b, r.URL.Query().Get("ok"))}
	p.Title, p.Nav = n.Title, "needs"
	u.render(w, r, status, "need", p)
	return nil
}

func (u *ui) confirmNeed(w http.ResponseWriter, r *http.Request, b base) error {
	_, err := u.a.ConfirmNeed(r.Context(), *b.Actor, r.PathValue("id"), version(r))
	return u.afterNeedStep(w, r, b, "confirm", err)
}

func (u *ui) closeNeed(w http.ResponseWriter, r *http.Request, b base) error {
	_, err := u.a.CloseNeed(r.Context(), *b.Actor, r.PathValue("id"), version(r), r.PostFormValue("note"))
	return u.afterNeedStep(w, r, b, "close", err)
}

func (u *ui) addressNeed(w http.ResponseWriter, r *http.Request, b base) error {
	_, err := u.a.AddressNeed(r.Context(), *b.Actor, r.PathValue("id"), version(r), r.PostFormValue("action"))
	return u.afterNeedStep(w, r, b, "address", err)
}

// afterNeedStep goes back to the page the form was on, or shows the need
// again with what went wrong: a missing note, a change made meanwhile, a
// step no longer possible.
func (u *ui) afterNeedStep(w http.ResponseWriter, r *http.Request, b base, step string, err error) error {
	id := r.PathValue("id")
	var errs map[string]string
	status := http.StatusConflict
	switch ve, ok := isValidation(err); {
	case err == nil:
		next, _ := url.Parse(safeNext(r.PostFormValue("next")))
		if next.Path == "/" {
			next, _ = url.Parse("/kebutuhan/" + id)
		}
		q := next.Query()
		q.Set("ok", step)
		next.RawQuery, next.Fragment = q.Encode(), "need-"+id
		http.Redirect(w, r, next.String(), http.StatusSeeOther)
		return nil
	case ok:
		errs, status = b.Errs(ve), http.StatusUnprocessableEntity
	case errors.Is(err, model.ErrStale):
		errs = map[string]string{"version": b.T("need.err.stale")}
	case errors.Is(err, model.ErrConflict), errors.Is(err, model.ErrInvalidTransition):
		errs = map[string]string{"status": b.T("need.err.state")}
	default:
		return err
	}
	return u.renderNeed(w, r, b, status, errs)
}
