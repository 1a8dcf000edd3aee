package web

import (
	"net/http"
)

// The pages' side of transfers (mutasi): the new SKP takes RHK over from
// the SKP a transfer closed. The SKP page shows both SKPs' periods and
// links them (app.TransferView).

func (u *ui) transferRoutes(page func(string, func(http.ResponseWriter, *http.Request, base) error)) {
	page("POST /skp/{id}/ambil-alih", u.takeOverRHK)
}

// takeOverRHK copies the RHK ticked on the new SKP's page from the SKP
// before the transfer: the same action as POST /api/v1/skps/{id}/take-over.
func (u *ui) takeOverRHK(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	v := version(r) // parses the form
	if _, err := u.a.TakeOverRHK(r.Context(), *b.Actor, id, v, r.PostForm["rhk_id"]); err != nil {
		return u.skpFormError(w, r, b, id, err)
	}
	http.Redirect(w, r, "/skp/"+id+"?ok=takeover#rhk", http.StatusSeeOther)
	return nil
}
