package api

import (
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

func (h *handler) sessions(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	user := r.URL.Query().Get("user")
	if user == "" {
		user = actor.UserID
	}
	sessions, err := h.a.Sessions(r.Context(), actor, user)
	if err != nil {
		return err
	}
	var items []sessionJSON
	for _, s := range sessions {
		items = append(items, sessionJSON{ID: s.ID, Kind: s.Kind, CreatedAt: s.CreatedAt, LastSeenAt: s.LastSeenAt,
			ExpiresAt: s.ExpiresAt, IP: s.IP, UserAgent: s.UserAgent, Current: s.Current, Can: sessionCanJSON{Revoke: s.Can.Revoke}})
	}
	out, err := pageOf(items, func(s sessionJSON) string { return s.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) revokeSession(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := h.a.RevokeSession(r.Context(), actor, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type sessionJSON struct {
	ID         string         `json:"id"`
	Kind       string         `json:"kind"`
	CreatedAt  time.Time      `json:"created_at"`
	LastSeenAt time.Time      `json:"last_seen_at"`
	ExpiresAt  time.Time      `json:"expires_at"`
	IP         string         `json:"ip"`
	UserAgent  string         `json:"user_agent"`
	Current    bool           `json:"current"`
	Can        sessionCanJSON `json:"can"`
}

// sessionCanJSON is what the actor may do with a session.
type sessionCanJSON struct {
	Revoke bool `json:"revoke"`
}
