package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

// today is the date on the clock of the caller's instansi.
func (h *handler) today(r *http.Request) model.Date {
	a, _ := httpx.ActorFrom(r.Context())
	return h.a.Today(r.Context(), a.InstansiID)
}

// timeZoneNames are the time zones an instansi may choose, for the
// OpenAPI document.
func timeZoneNames() []string {
	out := []string{}
	for _, z := range model.TimeZones {
		out = append(out, string(z))
	}
	return out
}
