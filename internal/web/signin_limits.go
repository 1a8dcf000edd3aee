package web

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
)

type signInLimitsPage struct {
	base
	Holds []app.SignInHold
	Saved bool
}

func (u *ui) showSignInLimits(w http.ResponseWriter, r *http.Request, b base) error {
	holds, err := u.a.SignInHolds(r.Context(), *b.Actor)
	if err != nil {
		return err
	}
	b.Title, b.Nav = b.T("signin.limits.title"), "home"
	u.render(w, r, http.StatusOK, "signin_limits", signInLimitsPage{base: b, Holds: holds, Saved: r.URL.Query().Get("ok") != ""})
	return nil
}

func (u *ui) liftSignInLimit(w http.ResponseWriter, r *http.Request, b base) error {
	if err := u.a.LiftSignInHold(r.Context(), *b.Actor, r.PathValue("id")); err != nil {
		return err
	}
	http.Redirect(w, r, "/batas-masuk?ok=1", http.StatusSeeOther)
	return nil
}
