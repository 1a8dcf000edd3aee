package web

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
)

type notificationsPage struct {
	base
	Items  []app.NotificationView
	Cursor string // the page's cursor: "" on the first page
	Next   string // the next page's cursor: "" on the last page
	Total  int    // the notifications on all pages
}

// showNotifications lists a page of the person's notifications in their
// language; opening the page marks them read.
func (u *ui) showNotifications(w http.ResponseWriter, r *http.Request, b base) error {
	cursor := cleanParam(r.URL.Query().Get("kursor"), 64)
	list, err := u.a.Notifications(r.Context(), *b.Actor, cursor)
	if err != nil {
		return err
	}
	b.Title, b.Nav, b.Unread = b.T("notif.title"), "notif", 0
	u.render(w, r, http.StatusOK, "notifications", notificationsPage{base: b, Items: list.Items, Cursor: cursor, Next: list.NextCursor, Total: list.Total})
	return nil
}
