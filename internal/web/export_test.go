package web

import "github.com/kinerja-id/kinerja/internal/app"

// RouteTable lists every "METHOD /pattern" the web UI serves, as
// registered ("/" is the page for addresses that match nothing).
func RouteTable(a *app.App) []string { return New(a).routes }
