package web

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
)

type notificationsPage struct {
	base
	Items []app.NotificationView
}

// showNotifications lists the person's newest notifications in their
// language; opening the page marks them read.
func (u *ui) showNotifications(w http.ResponseWriter, r *http.Request, b base) error {
	items, err := u.a.Notifications(r.Context(), *b.Actor)
	if err != nil {
		return err
	}
	b.Title, b.Nav, b.Unread = b.T("notif.title"), "notif", 0
	u.render(w, r, http.StatusOK, "notifications", notificationsPage{base: b, Items: items})
	return nil
}
