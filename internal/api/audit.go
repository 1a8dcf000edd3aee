package api

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
)

func (h *handler) audit(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	cursor := q.Get("cursor")
	if cursor != "" && !isID(cursor) {
		return model.Invalid("cursor", "invalid.cursor.next")
	}
	page, err := h.a.AuditLog(r.Context(), actor, model.AuditFilter{EntityType: q.Get("entity_type"), EntityID: q.Get("entity_id"),
		ActorID: q.Get("actor"), Before: cursor, Limit: limit})
	if err != nil {
		return err
	}
	out := list[auditJSON]{Items: []auditJSON{}, NextCursor: ptr(page.NextCursor)}
	for _, e := range page.Items {
		out.Items = append(out.Items, auditJSON{ID: e.ID, At: e.At, ActorID: ptr(e.ActorID), ActorName: e.ActorName,
			Action: e.Action, EntityType: e.EntityType, EntityID: e.EntityID, Before: rawOrNull(e.Before),
			After: rawOrNull(e.After), IP: e.IP})
	}
	return writeJSON(w, http.StatusOK, out)
}

type auditJSON struct {
	ID         string          `json:"id"`
	At         time.Time       `json:"at"`
	ActorID    *string         `json:"actor_id"`
	ActorName  string          `json:"actor_name"`
	Action     string          `json:"action"`
	EntityType string          `json:"entity_type"`
	EntityID   string          `json:"entity_id"`
	Before     json.RawMessage `json:"before"`
	After      json.RawMessage `json:"after"`
	IP         string          `json:"ip"`
}

func rawOrNull(s string) json.RawMessage {
	if s == "" || !json.Valid([]byte(s)) {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}
