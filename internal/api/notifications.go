package api

import (
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

type notificationRightsJSON struct {
	MarkRead bool `json:"mark_read"`
}

type notificationJSON struct {
	ID        string                 `json:"id"`
	Kind      string                 `json:"kind"`
	Variant   string                 `json:"variant"`
	Args      []string               `json:"args"`
	Title     string                 `json:"title"`
	Body      string                 `json:"body"`
	Link      string                 `json:"link"`
	CreatedAt time.Time              `json:"created_at"`
	ReadAt    *time.Time             `json:"read_at"`
	Can       notificationRightsJSON `json:"can"`
}

type notificationListJSON struct {
	list[notificationJSON]
	UnreadCount int `json:"unread_count"`
	Total       int `json:"total"` // the notifications on all pages
}

type unreadJSON struct {
	UnreadCount int `json:"unread_count"`
}

func notificationOf(v app.NotificationView) notificationJSON {
	args := v.Args
	if args == nil {
		args = []string{}
	}
	return notificationJSON{ID: v.ID, Kind: v.Kind, Variant: v.Variant, Args: args, Title: v.Title, Body: v.Body, Link: v.Link,
		CreatedAt: v.CreatedAt, ReadAt: timeOrNil(v.ReadAt), Can: notificationRightsJSON{MarkRead: v.Can.MarkRead}}
}

func (h *handler) notifications(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	page, err := h.a.ListNotifications(r.Context(), actor, app.NotificationQuery{Cursor: r.URL.Query().Get("cursor"), Limit: limit})
	if err != nil {
		return err
	}
	out := notificationListJSON{list: list[notificationJSON]{Items: []notificationJSON{}, NextCursor: ptr(page.NextCursor)}, UnreadCount: page.Unread, Total: page.Total}
	for _, n := range page.Items {
		out.Items = append(out.Items, notificationOf(n))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) readNotifications(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		IDs []string `json:"ids"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	// Left out (or null), ids means every notification; an empty list
	// names none.
	var n int
	var err error
	if req.IDs == nil {
		n, err = h.a.MarkAllNotificationsRead(r.Context(), actor)
	} else {
		n, err = h.a.MarkNotificationsRead(r.Context(), actor, req.IDs)
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, unreadJSON{UnreadCount: n})
}

func (h *handler) readNotification(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	n, err := h.a.MarkNotificationsRead(r.Context(), actor, []string{r.PathValue("id")})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, unreadJSON{UnreadCount: n})
}

func notificationSchemas() map[string]any {
	dateTime := map[string]any{"type": "string", "format": "date-time"}
	unread := map[string]any{"type": "integer", "minimum": 0, "description": "How many of the person's notifications are unread"}
	return map[string]any{
		"Notification": obj([]string{"id", "kind", "variant", "args", "title", "body", "link", "created_at", "read_at", "can"}, map[string]any{
			"id":      str(),
			"kind":    map[string]any{"type": "string", "description": "What happened, e.g. skp.return, progress.submitted, feedback, need.recorded"},
			"variant": map[string]any{"type": "string", "description": "Which wording of the kind (e.g. late, coach), or empty"},
			"args": map[string]any{"type": "array", "items": str(),
				"description": "The values the message is made of, in the order of the catalog key notif.<kind>[.<variant>]; empty for a notification stored as text before they had arguments"},
			"title":      map[string]any{"type": "string", "description": "Rendered in the signed-in person's language"},
			"body":       map[string]any{"type": "string", "description": "Rendered in the signed-in person's language; may be empty"},
			"link":       map[string]any{"type": "string", "description": "The web page it is about, relative to the site"},
			"created_at": dateTime, "read_at": map[string]any{"type": []string{"string", "null"}, "format": "date-time"},
			"can": obj([]string{"mark_read"}, map[string]any{"mark_read": map[string]any{"type": "boolean"}})}),
		"NotificationList": obj([]string{"items", "next_cursor", "unread_count", "total"}, map[string]any{
			"items":        map[string]any{"type": "array", "items": ref("Notification")},
			"next_cursor":  nullable("string"),
			"unread_count": unread,
			"total":        map[string]any{"type": "integer", "description": "The person's notifications on all pages"}}),
		"NotificationsRead": obj(nil, map[string]any{"ids": map[string]any{"type": "array", "items": str(), "maxItems": 200,
			"description": "The notifications to mark read; all of the person's when left out (or null); an empty list marks none"}}),
		"UnreadCount": obj([]string{"unread_count"}, map[string]any{"unread_count": unread}),
	}
}
