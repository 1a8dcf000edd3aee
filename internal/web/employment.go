package web

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The end of someone's employment and the merge of two records of one
// person, from the employee's page. Both ask for a ticked confirmation,
// which works without JavaScript.

// confirmed re-renders the employee page with an error on the
// confirmation box when it was not ticked.
func (u *ui) confirmed(w http.ResponseWriter, r *http.Request, b base, id string, fields ...string) (bool, error) {
	if r.PostFormValue("confirm") == "1" {
		return true, nil
	}
	form := map[string]string{}
	for _, f := range fields {
		form[f] = r.PostFormValue(f)
	}
	return false, u.renderEmployee(w, r, b, id, http.StatusUnprocessableEntity, map[string]string{"confirm": "employment.confirm.required"}, form)
}

func (u *ui) endEmployment(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	fields := []string{"end_kind", "tmt", "end_decree"}
	if ok, err := u.confirmed(w, r, b, id, fields...); !ok {
		return err
	}
	_, err := u.a.EndEmployment(r.Context(), *b.Actor, app.EndEmploymentRequest{EmployeeID: id,
		Kind: model.EndKind(r.PostFormValue("end_kind")), Date: model.Date(r.PostFormValue("tmt")), Decree: r.PostFormValue("end_decree")})
	if err != nil {
		if ve, ok := isValidation(err); ok {
			// The form's names, which stand beside other forms on the page.
			out := &model.ValidationError{}
			for f, key := range ve.Fields {
				to := map[string]string{"kind": "end_kind", "date": "tmt", "decree": "end_decree"}[f]
				if to == "" {
					to = f
				}
				out.Add(to, key, ve.Args[f]...)
			}
			err = out
		}
		return u.formError(w, r, b, id, err, fields...)
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=akhir", http.StatusSeeOther)
	return nil
}

func (u *ui) cancelEmploymentEnd(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if ok, err := u.confirmed(w, r, b, id); !ok {
		return err
	}
	if err := u.a.CancelEmploymentEnd(r.Context(), *b.Actor, id); err != nil {
		if ve, ok := isValidation(err); ok {
			// Shown under the cancel form, apart from the placement
			// form's "end".
			out := &model.ValidationError{}
			for f, key := range ve.Fields {
				out.Add("cancel_end", key, ve.Args[f]...)
			}
			err = out
		}
		return u.formError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/pegawai/"+id+"?ok=batal", http.StatusSeeOther)
	return nil
}

func (u *ui) mergeEmployee(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	fields := []string{"other_nip", "keep", "unlike_reason"}
	if ok, err := u.confirmed(w, r, b, id, fields...); !ok {
		return err
	}
	m, err := u.a.MergeEmployees(r.Context(), *b.Actor, app.MergeRequest{EmployeeID: id, OtherNIP: r.PostFormValue("other_nip"),
		KeepThis: r.PostFormValue("keep") == "this", Unlike: r.PostFormValue("unlike") == "1", Reason: r.PostFormValue("unlike_reason")})
	if err != nil {
		return u.formError(w, r, b, id, err, fields...)
	}
	http.Redirect(w, r, "/pegawai/"+m.IntoID+"?ok=gabung", http.StatusSeeOther)
	return nil
}
