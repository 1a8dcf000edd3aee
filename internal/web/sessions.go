package web

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
)

type sessionsPage struct {
	base
	Sessions []app.SessionView
	Saved    bool
}

func (u *ui) showSessions(w http.ResponseWriter, r *http.Request, b base) error {
	list, err := u.a.Sessions(r.Context(), *b.Actor, b.Actor.UserID)
	if err != nil {
		return err
	}
	b.Title, b.Nav = b.T("sessions.title"), "profile"
	u.render(w, r, http.StatusOK, "sessions", sessionsPage{base: b, Sessions: list,
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

func (u *ui) revokeEmployeeSession(w http.ResponseWriter, r *http.Request, b base) error {
	if err := u.a.RevokeSession(r.Context(), *b.Actor, r.PathValue("sid")); err != nil {
		return err
	}
	http.Redirect(w, r, "/pegawai/"+r.PathValue("id")+"?ok=sesi", http.StatusSeeOther)
	return nil
}
