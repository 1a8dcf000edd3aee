package web

import (
	"errors"
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Administrators manage an employee from the employee's page: acting
// placements (Plt/Plh) and transfers, and a different pejabat penilai.

func (u *ui) placeEmployee(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	_, err := u.a.Place(r.Context(), *b.Actor, app.PlacementRequest{EmployeeID: id, PositionCode: r.PostFormValue("position_code"),
		Kind: model.PlacementKind(r.PostFormValue("kind")), Start: model.Date(r.PostFormValue("start")),
		Decree: r.PostFormValue("decree"), ConfirmBackdated: r.PostFormValue("confirm_backdated") == "1"})
	// A TMT that reaches into closed or assessed periods: the form comes
	// back with the list and a confirmation to tick (the second step).
	var bd *app.BackdatedError
	if errors.As(err, &bd) {
		m := bd.Impact.Message()
		form := map[string]string{}
		for _, f := range []string{"position_code", "kind", "start", "decree"} {
			form[f] = r.PostFormValue(f)
		}
		return u.renderEmployeeWith(w, r, b, id, http.StatusUnprocessableEntity,
			b.Errs(model.Invalid("confirm_backdated", m.Key, m.Args...).(*model.ValidationError)), form, manageData{Backdated: &bd.Impact})
	}
	if ve, ok := isValidation(err); ok {
		// The form names the position by its code.
		out := &model.ValidationError{}
		for f, key := range ve.Fields {
			to := f
			if f == "position_id" {
				to = "position_code"
			}
			out.Add(to, key, ve.Args[f]...)
		}
		err = out
	}
	if err != nil {
		return u.formError(w, r, b, id, err, "position_code", "kind", "start", "decree")
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=penempatan", http.StatusSeeOther)
	return nil
}

func (u *ui) endPlacement(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	end := r.PostFormValue("end")
	if end == "" {
		end = string(u.today(r))
	}
	if err := u.a.EndPlacement(r.Context(), *b.Actor, id, r.PathValue("pid"), model.Date(end)); err != nil {
		return u.formError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=penempatan", http.StatusSeeOther)
	return nil
}

func (u *ui) cancelPlacement(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if err := u.a.CancelPlacement(r.Context(), *b.Actor, id, r.PathValue("pid")); err != nil {
		return u.formError(w, r, b, id, renameField(err, "placement", "end"))
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=penempatan", http.StatusSeeOther)
	return nil
}

func (u *ui) overrideRater(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	_, err := u.a.SubstituteRater(r.Context(), *b.Actor, app.RaterOverrideRequest{EmployeeID: id,
		RaterNIP: r.PostFormValue("rater_nip"), UpperNIP: r.PostFormValue("upper_nip"),
		Start: model.Date(r.PostFormValue("start")), Reason: r.PostFormValue("reason")})
	if err != nil {
		// The placement form has a start too: say which one is wrong.
		return u.formError(w, r, b, id, renameField(err, "start", "override_start"), "rater_nip", "upper_nip", "start", "reason")
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=penilai", http.StatusSeeOther)
	return nil
}

func (u *ui) endOverride(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if err := u.a.EndRaterOverride(r.Context(), *b.Actor, id, r.PathValue("oid"), u.today(r)); err != nil {
		return u.formError(w, r, b, id, renameField(err, "end", "override_end"))
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=penilai", http.StatusSeeOther)
	return nil
}

// renameField returns a validation error with the message of field from
// said of field to instead (the field of the form that was sent); any
// other error as it is.
func renameField(err error, from, to string) error {
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Message(from).Key == "" {
		return err
	}
	var out model.ValidationError
	for f := range ve.Fields {
		m, name := ve.Message(f), f
		if f == from {
			name = to
		}
		out.Add(name, m.Key, m.Args...)
	}
	return &out
}
