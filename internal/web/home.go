package web

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
)

type homePage struct {
	base
	app.Home
}

func (u *ui) showHome(w http.ResponseWriter, r *http.Request, b base) error {
	h, err := u.a.Home(r.Context(), *b.Actor)
	if err != nil {
		return err
	}
	p := homePage{base: b, Home: h}
	p.Title, p.Nav = b.T("nav.home"), "home"
	u.render(w, r, http.StatusOK, "home", p)
	return nil
}
