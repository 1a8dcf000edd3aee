package api

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestHandlerPanicIsAProblem checks that a handler's panic answers a 500
// problem document and leaves the server serving.
func TestHandlerPanicIsAProblem(t *testing.T) {
	a := app.New(storetest.Open(t, "sqlite"), slog.New(slog.DiscardHandler), app.Options{})
	h := &handler{a: a}
	boom := h.wrap(route{method: "GET", path: "/api/v1/boom", public: true,
		handle: func(*handler, http.ResponseWriter, *http.Request, model.Actor) error { panic("kaboom") }})
	for i := 0; i < 2; i++ {
		w := httptest.NewRecorder()
		boom(w, httptest.NewRequest("GET", "/api/v1/boom", nil))
		var p map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || w.Code != 500 ||
			w.Header().Get("Content-Type") != "application/problem+json" || p["type"] != problemBase+"server-error" ||
			strings.Contains(w.Body.String(), "kaboom") {
			t.Fatalf("panic answered %d %s %s", w.Code, w.Header().Get("Content-Type"), w.Body)
		}
	}
}
