// Package api serves Kinerja's JSON API under /api/v1.
package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
)

// New returns the API handler; it expects full paths (/api/v1/...).
func New(a *app.App) http.Handler {
	mux := http.NewServeMux()
	return mux
}
