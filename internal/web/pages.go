package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
)

type homePage struct {
	base
	YearOpen   bool
	Year       int
	MySKP      *model.SKP
	WaitingSKP int
	Detail     *app.EmployeeDetail
	Team       []model.Employee
	Admin      bool
	Employees  int
	Units      int
	// The day's work: the actor's entries today, and the team's entries
	// waiting for the actor.
	ReportedToday   int
	WaitingProgress int
}

func (u *ui) showHome(w http.ResponseWriter, r *http.Request, b base) error {
	ctx := r.Context()
	p := homePage{base: b}
	p.Title, p.Nav = b.T("nav.home"), "home"
	if b.Actor.EmployeeID != "" {
		d, err := u.a.Employee(ctx, *b.Actor, b.Actor.EmployeeID)
		if err != nil {
			return err
		}
		p.Detail = &d
		if p.Team, err = u.a.Team(ctx, *b.Actor); err != nil {
			return err
		}
		p.Year = u.a.Today().Time().Year()
		if _, p.YearOpen, err = u.a.Store.YearOpen(ctx, b.Actor.InstansiID, p.Year); err != nil {
			return err
		}
		skps, err := u.a.SKPList(ctx, *b.Actor, "", p.Year, "")
		if err != nil {
			return err
		}
		for i, s := range skps {
			switch {
			case s.EmployeeID == b.Actor.EmployeeID && s.Status != model.SKPClosed:
				p.MySKP = &skps[i]
			case s.Status == model.SKPSubmitted && s.Rater.EmployeeID == b.Actor.EmployeeID:
				p.WaitingSKP++
			}
		}
		today := u.a.Today()
		mine, err := u.a.ProgressList(ctx, *b.Actor, app.ProgressQuery{From: today, To: today, Limit: 200})
		if err != nil {
			return err
		}
		p.ReportedToday = len(mine)
		if b.IsRater {
			waiting, err := u.a.ProgressList(ctx, *b.Actor, app.ProgressQuery{Team: true, Status: model.ProgressSubmitted, Limit: 200})
			if err != nil {
				return err
			}
			p.WaitingProgress = len(waiting)
		}
	}
	if b.CanImport || b.CanAudit {
		p.Admin = true
		n, err := u.a.Store.CountEmployees(ctx, b.Actor.InstansiID)
		if err != nil {
			return err
		}
		units, err := u.a.Units(ctx, *b.Actor)
		if err != nil {
			return err
		}
		p.Employees, p.Units = n, len(units)
	}
	u.render(w, r, http.StatusOK, "home", p)
	return nil
}

type profilePage struct {
	base
	Detail *app.EmployeeDetail
	Errors map[string]string
	Saved  string
	Roles  []string
}

func (u *ui) profile(r *http.Request, b base) (profilePage, error) {
	p := profilePage{base: b}
	p.Title, p.Nav = b.T("profile.title"), "profile"
	for _, g := range b.Actor.RoleNames() {
		p.Roles = append(p.Roles, b.T("role."+g))
	}
	if b.Actor.EmployeeID != "" {
		d, err := u.a.Employee(r.Context(), *b.Actor, b.Actor.EmployeeID)
		if err != nil {
			return p, err
		}
		p.Detail = &d
	}
	return p, nil
}

func (u *ui) showProfile(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.profile(r, b)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("ok") {
	case "bahasa":
		p.Saved = b.T("profile.saved.language")
	case "sandi":
		p.Saved = b.T("profile.saved.password")
	}
	u.render(w, r, http.StatusOK, "profile", p)
	return nil
}

func (u *ui) saveLanguage(w http.ResponseWriter, r *http.Request, b base) error {
	return u.profileResult(w, r, b, u.a.SetLocale(r.Context(), *b.Actor, r.PostFormValue("lang")), "bahasa")
}

func (u *ui) changePassword(w http.ResponseWriter, r *http.Request, b base) error {
	err := u.a.ChangePassword(r.Context(), *b.Actor, r.PostFormValue("current_password"), r.PostFormValue("new_password"))
	return u.profileResult(w, r, b, err, "sandi")
}

// profileResult answers a profile form: the page again with the messages
// beside the fields, or back to the profile with a confirmation.
func (u *ui) profileResult(w http.ResponseWriter, r *http.Request, b base, err error, ok string) error {
	if ve, isV := isValidation(err); isV {
		p, perr := u.profile(r, b)
		if perr != nil {
			return perr
		}
		p.Errors = b.Errs(ve)
		u.render(w, r, http.StatusUnprocessableEntity, "profile", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/profil?ok="+ok, http.StatusSeeOther)
	return nil
}

// unitNode is a unit in the tree with its children.
type unitNode struct {
	model.Unit
	Head      *model.Employee
	Employees int
	Children  []*unitNode
}

type unitsPage struct {
	base
	Roots []*unitNode
}

func (u *ui) unitTree(r *http.Request, b base) ([]*unitNode, map[string]*unitNode, error) {
	ctx := r.Context()
	units, err := u.a.Units(ctx, *b.Actor)
	if err != nil {
		return nil, nil, err
	}
	chart, err := u.a.OrgChart(ctx, b.Actor.InstansiID)
	if err != nil {
		return nil, nil, err
	}
	counts, err := u.a.Store.UnitEmployeeCounts(ctx, b.Actor.InstansiID)
	if err != nil {
		return nil, nil, err
	}
	var headIDs []string
	for _, un := range units {
		if h := chart.Holder(un.HeadPositionID); h != "" {
			headIDs = append(headIDs, h)
		}
	}
	heads, err := u.a.Store.EmployeesByID(ctx, headIDs)
	if err != nil {
		return nil, nil, err
	}
	nodes := map[string]*unitNode{}
	for _, un := range units {
		n := &unitNode{Unit: un, Employees: counts[un.ID]}
		if h, ok := heads[chart.Holder(un.HeadPositionID)]; ok {
			n.Head = &h
		}
		nodes[un.ID] = n
	}
	var roots []*unitNode
	for _, un := range units {
		n := nodes[un.ID]
		if p, ok := nodes[un.ParentID]; ok {
			p.Children = append(p.Children, n)
		} else {
			roots = append(roots, n)
		}
	}
	var total func(n *unitNode) int
	total = func(n *unitNode) int {
		for _, c := range n.Children {
			n.Employees += total(c)
		}
		return n.Employees
	}
	for _, n := range roots {
		total(n)
	}
	return roots, nodes, nil
}

func (u *ui) showUnits(w http.ResponseWriter, r *http.Request, b base) error {
	roots, _, err := u.unitTree(r, b)
	if err != nil {
		return err
	}
	b.Title, b.Nav = b.T("units.title"), "units"
	u.render(w, r, http.StatusOK, "units", unitsPage{base: b, Roots: roots})
	return nil
}

type unitPage struct {
	base
	Unit      *unitNode
	Parent    *unitNode
	People    directoryList
	Positions []positionView
	PK        pkView
}

// positionView is a position with its holder's name.
type positionView struct {
	model.Position
	Holder string
}

func (u *ui) showUnit(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderUnit(w, r, b, r.PathValue("id"), http.StatusOK, nil)
}

// renderUnit shows the unit page; edit adjusts its PK section (a form
// shown again with its errors).
func (u *ui) renderUnit(w http.ResponseWriter, r *http.Request, b base, id string, status int, edit func(*pkView)) error {
	_, nodes, err := u.unitTree(r, b)
	if err != nil {
		return err
	}
	n, ok := nodes[id]
	if !ok {
		return model.ErrNotFound
	}
	people, err := u.directory(r, b, model.EmployeeFilter{UnitID: n.ID, Cursor: r.URL.Query().Get("cursor"), Limit: 50})
	if err != nil {
		return err
	}
	positions, err := u.a.Store.Positions(r.Context(), b.Actor.InstansiID, n.ID)
	if err != nil {
		return err
	}
	chart, err := u.a.OrgChart(r.Context(), b.Actor.InstansiID)
	if err != nil {
		return err
	}
	var holderIDs []string
	for _, p := range positions {
		holderIDs = append(holderIDs, chart.Holder(p.ID))
	}
	holders, err := u.a.Store.EmployeesByID(r.Context(), holderIDs)
	if err != nil {
		return err
	}
	p := unitPage{base: b, Unit: n, Parent: nodes[n.ParentID], People: people}
	for _, pos := range positions {
		p.Positions = append(p.Positions, positionView{Position: pos, Holder: holders[chart.Holder(pos.ID)].FullName()})
	}
	if p.PK, err = u.unitPK(r, b, n.ID); err != nil {
		return err
	}
	if edit != nil {
		edit(&p.PK)
	}
	p.Title, p.Nav = n.Name, "units"
	u.render(w, r, status, "unit", p)
	return nil
}

// directoryList is a page of people with the link to the next one.
type directoryList struct {
	Items    []app.DirectoryEntry
	NextURL  string
	FirstURL string
}

func (u *ui) directory(r *http.Request, b base, f model.EmployeeFilter) (directoryList, error) {
	page, err := u.a.Directory(r.Context(), *b.Actor, f)
	if err != nil {
		if f.Cursor != "" && !errors.Is(err, model.ErrForbidden) {
			// A stale or mangled cursor (the address was edited or cut):
			// start again from the first page rather than fail.
			f.Cursor = ""
			page, err = u.a.Directory(r.Context(), *b.Actor, f)
		}
		if err != nil {
			return directoryList{}, err
		}
	}
	l := directoryList{Items: page.Items}
	q := r.URL.Query()
	if page.NextCursor != "" {
		q.Set("cursor", page.NextCursor)
		l.NextURL = r.URL.Path + "?" + q.Encode()
	}
	if f.Cursor != "" {
		q.Del("cursor")
		l.FirstURL = r.URL.Path + "?" + q.Encode()
	}
	return l, nil
}

type directoryPage struct {
	base
	Query  string
	UnitID string
	OPDs   []model.Unit
	People directoryList
	Error  string
}

func (u *ui) showDirectory(w http.ResponseWriter, r *http.Request, b base) error {
	q := r.URL.Query()
	p := directoryPage{base: b, Query: cleanParam(q.Get("q"), 200), UnitID: q.Get("unit")}
	p.Title, p.Nav = b.T("dir.title"), "directory"
	units, err := u.a.Units(r.Context(), *b.Actor)
	if err != nil {
		return err
	}
	known := false
	for _, un := range units {
		if un.OPDID == un.ID {
			p.OPDs = append(p.OPDs, un)
		}
		known = known || un.ID == p.UnitID
	}
	slices.SortFunc(p.OPDs, func(a, z model.Unit) int { return strings.Compare(a.Name, z.Name) })
	if !known {
		p.UnitID = ""
	}
	p.People, err = u.directory(r, b, model.EmployeeFilter{InstansiID: b.Actor.InstansiID, Query: p.Query, UnitID: p.UnitID,
		Cursor: q.Get("cursor"), Limit: 50})
	if err != nil {
		return err
	}
	u.render(w, r, http.StatusOK, "directory", p)
	return nil
}

type employeePage struct {
	base
	D app.EmployeeDetail
	M *manageData // for administrators
}

func (u *ui) showEmployee(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderEmployee(w, r, b, r.PathValue("id"), http.StatusOK, nil, nil)
}

type sessionsPage struct {
	base
	Sessions []model.Session
	Current  string
	Saved    bool
}

func (u *ui) showSessions(w http.ResponseWriter, r *http.Request, b base) error {
	list, err := u.a.Sessions(r.Context(), *b.Actor, b.Actor.UserID)
	if err != nil {
		return err
	}
	b.Title, b.Nav = b.T("sessions.title"), "profile"
	u.render(w, r, http.StatusOK, "sessions", sessionsPage{base: b, Sessions: list, Current: b.Actor.SessionID,
		Saved: r.URL.Query().Get("ok") != ""})
	return nil
}

func (u *ui) revokeSession(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if err := u.a.RevokeSession(r.Context(), *b.Actor, id); err != nil {
		return err
	}
	if id == b.Actor.SessionID {
		http.Redirect(w, r, "/masuk", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/sesi?ok=1", http.StatusSeeOther)
	return nil
}

// auditRow is an audit entry as the page shows it: the changed fields of
// an update, and the whole record before and after, indented.
type auditRow struct {
	model.AuditEntry
	BeforePretty, AfterPretty string
	Changes                   []fieldChange
	IsUpdate                  bool   // both sides are records: Changes is meaningful
	Summary                   string // the record's name, when it has one
}

type auditPage struct {
	base
	EntityType, EntityID, ActorID string
	Types                         []string
	Rows                          []auditRow
	OlderURL                      string
}

func pretty(s string) string {
	if s == "" {
		return ""
	}
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return s
	}
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

func (u *ui) showAudit(w http.ResponseWriter, r *http.Request, b base) error {
	if !authz.Can(*b.Actor, authz.ReadAudit, authz.Target{InstansiID: b.Actor.InstansiID}) {
		return model.ErrForbidden
	}
	q := r.URL.Query()
	p := auditPage{base: b, EntityType: q.Get("entity_type"), EntityID: cleanParam(q.Get("entity_id"), 64),
		ActorID: cleanParam(q.Get("actor"), 64),
		Types:   []string{"employee", "unit", "position", "placement", "user", "session", "instansi", "import", "skp", "year", "period", "need"}}
	p.Title, p.Nav = b.T("audit.title"), "audit"
	if !slices.Contains(p.Types, p.EntityType) {
		p.EntityType = ""
	}
	before := cleanParam(q.Get("before"), 64)
	actorID := p.ActorID
	if actorID != "" {
		// People know a username or a NIP, not a user id: accept either.
		if usr, err := u.a.Store.UserByUsername(r.Context(), actorID); err == nil && usr.InstansiID == b.Actor.InstansiID {
			actorID = usr.ID
		}
	}
	const pageSize = 50
	entries, err := u.a.Audit(r.Context(), *b.Actor, model.AuditFilter{EntityType: p.EntityType, EntityID: p.EntityID,
		ActorID: actorID, Before: before, Limit: pageSize + 1})
	if err != nil {
		return err
	}
	if len(entries) > pageSize {
		entries = entries[:pageSize]
		q.Set("before", entries[pageSize-1].ID)
		p.OlderURL = "/audit?" + q.Encode()
	}
	for _, e := range entries {
		row := auditRow{AuditEntry: e, BeforePretty: pretty(e.Before), AfterPretty: pretty(e.After)}
		row.Changes, row.IsUpdate = diffJSON(e.Before, e.After)
		row.Summary = summaryOf(e.Before, e.After)
		p.Rows = append(p.Rows, row)
	}
	u.render(w, r, http.StatusOK, "audit", p)
	return nil
}
