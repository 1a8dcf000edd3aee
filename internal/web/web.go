// Package web serves Kinerja's server-rendered HTML pages.
package web

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
)

// New returns the web UI handler.
func New(a *app.App) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("Kinerja")) })
	return mux
}
