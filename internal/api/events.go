package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/model"
)

func (h *handler) events(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	// A stream is not a cached answer; a refusal writes its own header.
	w.Header().Del("Cache-Control")
	return h.a.ServeEvents(w, r, actor)
}
