package app

import "github.com/kinerja-id/kinerja/internal/blob"

// EventStream exposes the options an event stream is served with, so the
// tests outside the package can read what a stream would send.
var EventStream = (*App).eventStream

// UseBlobs gives an application made without evidence storage a folder
// for it, as a test needs midway.
func (a *App) UseBlobs(b *blob.Store) { a.blobs = b }

// SetLineCap bounds the reporting line sent to the database as a list at
// n, for a test, until the returned function restores it.
func SetLineCap(n int) (restore func()) {
	old := lineCap
	lineCap = n
	return func() { lineCap = old }
}
