package web

import (
	"net/http"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Administrators manage an employee from the employee's page: acting
// placements (Plt/Plh) and transfers, a different pejabat penilai, and the
// account's sessions.

type manageData struct {
	Overrides   []overrideView
	Sessions    []model.Session
	CanSessions bool
	Errors      map[string]string
	Form        map[string]string
	Saved       string
}

type overrideView struct {
	model.RaterOverride
	Rater, Upper string
}

func (u *ui) manageData(r *http.Request, b base, d app.EmployeeDetail) (*manageData, error) {
	ctx := r.Context()
	m := &manageData{Form: map[string]string{"start": string(u.a.Today()), "kind": "plt"}}
	if d.CanManage {
		list, err := u.a.RaterOverrides(ctx, *b.Actor, d.Employee.ID)
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, o := range list {
			ids = append(ids, o.RaterID, o.UpperRaterID)
		}
		people, err := u.a.Store.EmployeesByID(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, o := range list {
			m.Overrides = append(m.Overrides, overrideView{RaterOverride: o, Rater: people[o.RaterID].FullName(),
				Upper: people[o.UpperRaterID].FullName()})
		}
	}
	if d.Account != nil && authz.Can(*b.Actor, authz.ManageUsers, authz.Target{InstansiID: d.Employee.InstansiID}) {
		m.CanSessions = true
		list, err := u.a.Sessions(ctx, *b.Actor, d.Account.ID)
		if err != nil {
			return nil, err
		}
		m.Sessions = list
	}
	switch r.URL.Query().Get("ok") {
	case "penempatan":
		m.Saved = b.T("manage.saved.placement")
	case "penilai":
		m.Saved = b.T("manage.saved.override")
	case "sesi":
		m.Saved = b.T("sessions.revoked")
	}
	return m, nil
}

// renderEmployee shows the employee page, with form errors when given.
func (u *ui) renderEmployee(w http.ResponseWriter, r *http.Request, b base, id string, status int, errs map[string]string, form map[string]string) error {
	d, err := u.a.Employee(r.Context(), *b.Actor, id)
	if err != nil {
		return err
	}
	p := employeePage{base: b, D: d}
	p.Title, p.Nav = d.Employee.FullName(), "directory"
	if d.CanManage || d.Account != nil {
		if p.M, err = u.manageData(r, b, d); err != nil {
			return err
		}
		if errs != nil {
			p.M.Errors = errs
			for k, v := range form {
				p.M.Form[k] = v
			}
		}
	}
	u.render(w, r, status, "employee", p)
	return nil
}

func (u *ui) formError(w http.ResponseWriter, r *http.Request, b base, id string, err error, fields ...string) error {
	ve, ok := isValidation(err)
	if !ok {
		return err
	}
	form := map[string]string{}
	for _, f := range fields {
		form[f] = r.PostFormValue(f)
	}
	return u.renderEmployee(w, r, b, id, http.StatusUnprocessableEntity, b.Errs(ve), form)
}

func (u *ui) placeEmployee(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	fields := []string{"position_code", "kind", "start", "decree"}
	pos, err := u.a.Store.PositionByCode(r.Context(), b.Actor.InstansiID, strings.TrimSpace(r.PostFormValue("position_code")))
	if err != nil {
		return u.formError(w, r, b, id, model.Invalid("position_code", "manage.position.unknown"), fields...)
	}
	_, err = u.a.PlaceEmployee(r.Context(), *b.Actor, model.Placement{EmployeeID: id, PositionID: pos.ID,
		Kind: model.PlacementKind(r.PostFormValue("kind")), Start: model.Date(r.PostFormValue("start")),
		Decree: strings.TrimSpace(r.PostFormValue("decree"))})
	if err != nil {
		return u.formError(w, r, b, id, err, fields...)
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=penempatan", http.StatusSeeOther)
	return nil
}

func (u *ui) endPlacement(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	end := r.PostFormValue("end")
	if end == "" {
		end = string(u.a.Today())
	}
	if err := u.a.EndPlacement(r.Context(), *b.Actor, r.PathValue("pid"), model.Date(end)); err != nil {
		return u.formError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=penempatan", http.StatusSeeOther)
	return nil
}

func (u *ui) overrideRater(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	fields := []string{"rater_nip", "upper_nip", "start", "reason"}
	ctx := r.Context()
	o := model.RaterOverride{EmployeeID: id, Start: model.Date(r.PostFormValue("start")), Reason: strings.TrimSpace(r.PostFormValue("reason"))}
	if nip := strings.TrimSpace(r.PostFormValue("rater_nip")); nip != "" {
		e, err := u.a.Store.EmployeeByNIP(ctx, b.Actor.InstansiID, nip)
		if err != nil {
			return u.formError(w, r, b, id, model.Invalid("rater_id", "manage.nip.unknown"), fields...)
		}
		o.RaterID = e.ID
	}
	if nip := strings.TrimSpace(r.PostFormValue("upper_nip")); nip != "" {
		e, err := u.a.Store.EmployeeByNIP(ctx, b.Actor.InstansiID, nip)
		if err != nil {
			return u.formError(w, r, b, id, model.Invalid("upper_rater_id", "manage.nip.unknown"), fields...)
		}
		o.UpperRaterID = e.ID
	}
	if _, err := u.a.OverrideRater(ctx, *b.Actor, o); err != nil {
		return u.formError(w, r, b, id, err, fields...)
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=penilai", http.StatusSeeOther)
	return nil
}

func (u *ui) endOverride(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if err := u.a.EndRaterOverride(r.Context(), *b.Actor, id, r.PathValue("oid"), u.a.Today()); err != nil {
		return u.formError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=penilai", http.StatusSeeOther)
	return nil
}

func (u *ui) revokeEmployeeSession(w http.ResponseWriter, r *http.Request, b base) error {
	if err := u.a.RevokeSession(r.Context(), *b.Actor, r.PathValue("sid")); err != nil {
		return err
	}
	http.Redirect(w, r, "/pegawai/"+r.PathValue("id")+"?ok=sesi", http.StatusSeeOther)
	return nil
}
