package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// NotificationView is a notification as its reader sees it: its title and
// body rendered in the reader's language, with what they may do with it.
type NotificationView struct {
	ID, Kind    string
	Variant     string
	Args        []string // nil for a notification stored as text
	Title, Body string
	Link        string
	CreatedAt   time.Time
	ReadAt      time.Time // zero while unread
	Can         NotificationRights
}

// NotificationRights says what the reader may do with a notification now.
type NotificationRights struct {
	MarkRead bool // it is theirs and unread
}

// NotificationList is a page of the actor's notifications, newest first,
// with how many are unread in all and the cursor of the next page ("" on
// the last).
type NotificationList struct {
	Items      []NotificationView
	Unread     int
	NextCursor string
	Total      int // the notifications on all pages
}

// NotificationQuery pages the actor's notifications: at most Limit (50
// when 0, at most 200) older than the one named by Cursor.
type NotificationQuery struct {
	Cursor string
	Limit  int
}

// RenderNotification renders a notification's title and body in language
// lang: from its message key's .title and .body with its arguments
// (a kind without a body key has no body), or as stored when it was kept
// as text. An argument that is a calendar date (stored as 2026-12-02,
// the only way a date travels in a notification's arguments) is shown as
// the language writes dates ("2 Desember 2026"), also in notifications
// stored before.
func RenderNotification(lang string, n model.Notification) (title, body string) {
	if n.Args == nil {
		return n.Title, n.Body
	}
	lang = locale.Normalize(lang)
	args := make([]any, len(n.Args))
	for i, a := range n.Args {
		args[i] = a
		if strings.HasPrefix(a, "notif.word.") {
			if w, ok := locale.Lookup(lang, a); ok {
				args[i] = w
			}
		} else if d, err := model.ParseDate(a); err == nil && string(d) == a {
			args[i] = d
		}
	}
	key := n.MessageKey()
	title = locale.T(lang, key+".title", args...)
	if _, ok := locale.Lookup(lang, key+".body"); ok {
		body = locale.T(lang, key+".body", args...)
	}
	return title, body
}

// notificationView renders n for a reader in language lang.
func notificationView(lang string, n model.Notification) NotificationView {
	v := NotificationView{ID: n.ID, Kind: n.Kind, Variant: n.Variant, Args: n.Args, Link: n.Link, CreatedAt: parseStamp(n.CreatedAt), ReadAt: parseStamp(n.ReadAt)}
	v.Title, v.Body = RenderNotification(lang, n)
	v.Can.MarkRead = n.ReadAt == ""
	return v
}

// parseStamp reads a time as the store keeps it (zero for "").
func parseStamp(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// Notifications returns a page of the actor's in-app notifications in
// their language, newest first (the page after cursor, "" for the
// newest), with the cursor of the next page, and marks them all read: the
// notifications page. No notification is out of reach, however many.
func (a *App) Notifications(ctx context.Context, actor model.Actor, cursor string) (NotificationList, error) {
	out, err := a.ListNotifications(ctx, actor, NotificationQuery{Cursor: cursor})
	if err != nil || actor.EmployeeID == "" {
		return out, err
	}
	_, err = a.store.MarkNotificationsRead(ctx, actor.EmployeeID, nil, a.Now())
	return out, err
}

// ListNotifications pages the actor's notifications, newest first, in
// their language, with the unread count; it marks nothing read.
func (a *App) ListNotifications(ctx context.Context, actor model.Actor, q NotificationQuery) (NotificationList, error) {
	out := NotificationList{Items: []NotificationView{}}
	limit := q.Limit
	if limit == 0 {
		limit = 50
	}
	if limit < 1 || limit > 200 {
		return out, model.Invalid("limit", "notif.err.limit")
	}
	if q.Cursor != "" {
		// The cursor is one of the actor's notifications a page gave.
		own := false
		if isID(q.Cursor) && actor.EmployeeID != "" {
			of, err := a.store.NotificationsOf(ctx, actor.EmployeeID, []string{q.Cursor})
			if err != nil {
				return out, err
			}
			own = of[q.Cursor]
		}
		if err := cursorGiven(own, "notif.err.cursor"); err != nil {
			return out, err
		}
	}
	if actor.EmployeeID == "" {
		return out, nil
	}
	list, err := a.store.NotificationsBefore(ctx, actor.EmployeeID, q.Cursor, limit+1)
	if err != nil {
		return out, err
	}
	if len(list) > limit {
		list = list[:limit]
		out.NextCursor = list[limit-1].ID
	}
	for _, n := range list {
		out.Items = append(out.Items, notificationView(actor.Locale, n))
	}
	out.Total = len(out.Items) // the one page holds them all
	if q.Cursor != "" || out.NextCursor != "" {
		if out.Total, err = a.store.NotificationCount(ctx, actor.EmployeeID); err != nil {
			return out, err
		}
	}
	out.Unread, err = a.store.UnreadNotifications(ctx, actor.EmployeeID)
	return out, err
}

// UnreadNotifications counts the actor's unread notifications.
func (a *App) UnreadNotifications(ctx context.Context, actor model.Actor) (int, error) {
	if actor.EmployeeID == "" {
		return 0, nil
	}
	return a.store.UnreadNotifications(ctx, actor.EmployeeID)
}

// MarkNotificationsRead marks the actor's notifications named by ids read
// and answers how many unread remain; an empty list marks none. An id
// that is not one of the actor's notifications is not found.
func (a *App) MarkNotificationsRead(ctx context.Context, actor model.Actor, ids []string) (int, error) {
	if actor.EmployeeID == "" {
		return 0, forbidden("read notifications without an employee record")
	}
	if len(ids) > 200 {
		return 0, model.Invalid("ids", "notif.err.ids")
	}
	for _, id := range ids {
		if !isID(id) {
			return 0, fmt.Errorf("notification %q: %w", id, model.ErrNotFound)
		}
	}
	if len(ids) == 0 {
		return a.store.UnreadNotifications(ctx, actor.EmployeeID)
	}
	mine, err := a.store.NotificationsOf(ctx, actor.EmployeeID, ids)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if !mine[id] {
			return 0, fmt.Errorf("notification %s: %w", id, model.ErrNotFound)
		}
	}
	if _, err := a.store.MarkNotificationsRead(ctx, actor.EmployeeID, ids, a.Now()); err != nil {
		return 0, err
	}
	return a.store.UnreadNotifications(ctx, actor.EmployeeID)
}

// MarkAllNotificationsRead marks every notification of the actor read and
// answers how many unread remain (none).
func (a *App) MarkAllNotificationsRead(ctx context.Context, actor model.Actor) (int, error) {
	if actor.EmployeeID == "" {
		return 0, forbidden("read notifications without an employee record")
	}
	if _, err := a.store.MarkNotificationsRead(ctx, actor.EmployeeID, nil, a.Now()); err != nil {
		return 0, err
	}
	return a.store.UnreadNotifications(ctx, actor.EmployeeID)
}

// localizeEvent adds to a notification event, as its reader's stream sends
// it, the title and body rendered in their language.
func localizeEvent(lang string, data json.RawMessage) json.RawMessage {
	var ev struct {
		ID      string   `json:"id"`
		Kind    string   `json:"kind"`
		Variant string   `json:"variant"`
		Args    []string `json:"args"`
		Link    string   `json:"link"`
	}
	if err := json.Unmarshal(data, &ev); err != nil || ev.Args == nil {
		return data // stored as text: it carries its title already
	}
	title, body := RenderNotification(lang, model.Notification{Kind: ev.Kind, Variant: ev.Variant, Args: ev.Args})
	out, err := json.Marshal(map[string]any{"id": ev.ID, "kind": ev.Kind, "variant": ev.Variant, "args": ev.Args, "link": ev.Link, "title": title, "body": body})
	if err != nil {
		return data
	}
	return out
}
