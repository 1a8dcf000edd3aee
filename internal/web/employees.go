package web

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

// directoryList is a page of people with the link to the next one.
type directoryList struct {
	Items    []app.DirectoryEntry
	Total    int // the people the search matches on all pages
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
	l := directoryList{Items: page.Items, Total: page.Total}
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
	Status string // "", "aktif" or "nonaktif"
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
	// A status the form does not offer lists everyone.
	active, inactive, ok := model.ActiveFilter(q.Get("status"))
	if ok {
		p.Status = q.Get("status")
	}
	p.People, err = u.directory(r, b, model.EmployeeFilter{InstansiID: b.Actor.InstansiID, Query: p.Query, UnitID: p.UnitID,
		Cursor: q.Get("cursor"), Limit: 50, ActiveOnly: active, InactiveOnly: inactive})
	if err != nil {
		return err
	}
	u.render(w, r, http.StatusOK, "directory", p)
	return nil
}

type employeePage struct {
	base
	D app.EmployeeRecord
	M *manageData // the administrators' forms
}

// CancelRefused is why the end in force cannot be cancelled now, in the
// reader's language; "" when it can or is not the reader's to cancel.
func (p employeePage) CancelRefused() string {
	if r := p.D.Employment.CancelRefused; r.Key != "" {
		return p.base.M(r)
	}
	return ""
}

// Closed is why nothing is done with the record any more (merged into
// another record, or employed no longer), in the reader's language; ""
// for an active record.
func (p employeePage) Closed() string {
	if c := p.D.Employment.Closed; c.Key != "" {
		return p.base.M(c)
	}
	return ""
}

func (u *ui) showEmployee(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderEmployee(w, r, b, r.PathValue("id"), http.StatusOK, nil, nil)
}

// manageData is the state of the administrators' forms on the employee
// page: what was typed, the messages beside the fields, and what was just
// saved.
type manageData struct {
	Errors map[string]string
	Form   map[string]string
	Saved  string
	// EndKinds are the reasons the end-of-employment form offers.
	EndKinds []model.EndKind
	// Conflict is why the act just tried does not apply to the record as
	// it is now (a model.StateError), shown above the forms.
	Conflict string
	// Backdated is what a transfer's TMT reaches into, on the step that
	// asks to confirm it: the assessments are listed one by one.
	Backdated *app.BackdatedImpact
}

// renderEmployee shows the employee page, with form errors when given.
func (u *ui) renderEmployee(w http.ResponseWriter, r *http.Request, b base, id string, status int, errs map[string]string, form map[string]string) error {
	return u.renderEmployeeWith(w, r, b, id, status, errs, form, manageData{})
}

// renderEmployeeConflict shows the employee page with the reason an act
// was refused (a state conflict, 409) above the forms.
func (u *ui) renderEmployeeConflict(w http.ResponseWriter, r *http.Request, b base, id, reason string, form map[string]string) error {
	return u.renderEmployeeWith(w, r, b, id, http.StatusConflict, map[string]string{}, form, manageData{Conflict: reason})
}

// renderEmployeeWith is renderEmployee with, for the administrators'
// forms, the conflict and the back-dated transfer's list of extra.
func (u *ui) renderEmployeeWith(w http.ResponseWriter, r *http.Request, b base, id string, status int, errs map[string]string, form map[string]string, extra manageData) error {
	d, err := u.a.EmployeeRecord(r.Context(), *b.Actor, id)
	if err != nil {
		return err
	}
	p := employeePage{base: b, D: d}
	p.Title, p.Nav = d.Employee.FullName(), "directory"
	if d.Can.Place || d.Can.OverrideRater || d.Can.ManageAccount || d.Can.EndEmployment || d.Can.CancelEnd || d.Can.Merge {
		today := string(u.today(r))
		p.M = &manageData{Form: map[string]string{"start": today, "kind": "plt", "tmt": today, "keep": "other"},
			EndKinds: model.EndKinds}
		switch r.URL.Query().Get("ok") {
		case "penempatan":
			p.M.Saved = b.T("manage.saved.placement")
		case "penilai":
			p.M.Saved = b.T("manage.saved.override")
		case "sesi":
			p.M.Saved = b.T("sessions.revoked")
		case "akhir":
			p.M.Saved = b.T("employment.saved.end")
		case "batal":
			p.M.Saved = b.T("employment.saved.cancel")
		case "gabung":
			p.M.Saved = b.T("employment.saved.merge")
		}
		if errs != nil {
			// A message is a catalog key or, until every message is one,
			// text already written out.
			p.M.Errors = map[string]string{}
			for k, v := range errs {
				p.M.Errors[k] = b.T(v)
			}
			for k, v := range form {
				p.M.Form[k] = v
			}
		}
		p.M.Backdated, p.M.Conflict = extra.Backdated, extra.Conflict
	}
	if extra.Conflict != "" && p.M == nil {
		// No form of the page is the reader's: the reason alone.
		u.errorPageSaying(w, r, b, http.StatusConflict, extra.Conflict+" "+b.T("err.409.reload"))
		return nil
	}
	u.render(w, r, status, "employee", p)
	return nil
}

func (u *ui) formError(w http.ResponseWriter, r *http.Request, b base, id string, err error, fields ...string) error {
	form := map[string]string{}
	for _, f := range fields {
		form[f] = r.PostFormValue(f)
	}
	var se *model.StateError
	if errors.As(err, &se) && httpx.Status(err) == http.StatusConflict {
		// The act does not apply to the record as it is now: the page
		// says why above the forms, with what was typed kept.
		return u.renderEmployeeConflict(w, r, b, id, b.M(se.Message), form)
	}
	ve, ok := isValidation(err)
	if !ok {
		return err
	}
	return u.renderEmployee(w, r, b, id, http.StatusUnprocessableEntity, b.Errs(ve), form)
}
