package web

import (
	"net/http"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
)

// Administrators manage an employee from the employee's page: acting
// placements (Plt/Plh) and transfers, and a different pejabat penilai.

func (u *ui) placeEmployee(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	fields := []string{"position_code", "kind", "start", "decree"}
	pos, err := u.a.PlacementPosition(r.Context(), *b.Actor, r.PostFormValue("position_code"))
	if err != nil {
		return u.formError(w, r, b, id, model.Invalid("position_code", b.T("manage.position.unknown")), fields...)
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
	if err := u.a.EndPlacement(r.Context(), *b.Actor, id, r.PathValue("pid"), model.Date(end)); err != nil {
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
		e, err := u.a.RaterByNIP(ctx, *b.Actor, nip)
		if err != nil {
			return u.formError(w, r, b, id, model.Invalid("rater_id", b.T("manage.nip.unknown")), fields...)
		}
		o.RaterID = e.ID
	}
	if nip := strings.TrimSpace(r.PostFormValue("upper_nip")); nip != "" {
		e, err := u.a.RaterByNIP(ctx, *b.Actor, nip)
		if err != nil {
			return u.formError(w, r, b, id, model.Invalid("upper_rater_id", b.T("manage.nip.unknown")), fields...)
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
