package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/model"
)

func eventRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/events", summary: "The actor's live events as Server-Sent Events (feedback.created, progress.submitted, progress.reviewed, skp.submitted, skp.reviewed, notification); reconnect with Last-Event-ID to miss nothing", handle: (*handler).events,
			doc: op{tag: "work", response: "sse", errors: []int{403}}},
	}
}

func (h *handler) events(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	// A stream is not a cached answer; a refusal writes its own header.
	w.Header().Del("Cache-Control")
	return h.a.ServeEvents(w, r, actor)
}
