package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
)

// What the server and the command line ask of the application as a whole:
// whether it can serve, the database pool's figures, the instansi to work
// on, and closing down.

// NotReadyError says why the application cannot serve yet.
type NotReadyError struct {
	// Unreachable is true when the database does not answer; otherwise
	// Pending migrations are waiting (or could not be counted: Err).
	Unreachable bool
	Pending     int
	Err         error
}

func (e *NotReadyError) Error() string {
	if e.Unreachable {
		return fmt.Sprintf("database unreachable: %v", e.Err)
	}
	if e.Err != nil {
		return fmt.Sprintf("count pending migrations: %v", e.Err)
	}
	return fmt.Sprintf("migrations pending: %d", e.Pending)
}

func (e *NotReadyError) Unwrap() error { return e.Err }

// Ready reports whether the application can serve: the database answers
// and its schema is current. It answers nil or a *NotReadyError.
func (a *App) Ready(ctx context.Context) error {
	if err := a.store.Ping(ctx); err != nil {
		return &NotReadyError{Unreachable: true, Err: err}
	}
	pending, err := a.store.PendingMigrations(ctx)
	if err != nil || pending > 0 {
		return &NotReadyError{Pending: pending, Err: err}
	}
	return nil
}

// DBStats returns the database connection pool's figures, for metrics.
func (a *App) DBStats() sql.DBStats { return a.store.DB().Stats() }

// EndStreams ends every open event stream, so that a server shutting down
// need not wait for them.
func (a *App) EndStreams() { a.live.Close() }

// Close closes the database. The application is unusable afterwards.
func (a *App) Close() error { return a.store.Close() }

// IsEmpty reports whether the database holds no instansi yet.
func (a *App) IsEmpty(ctx context.Context) (bool, error) {
	all, err := a.store.AllInstansi(ctx)
	return len(all) == 0, err
}

// SoleInstansi returns the instansi a command works on: the one named by
// id, or the only one the database holds.
func (a *App) SoleInstansi(ctx context.Context, id string) (model.Instansi, error) {
	all, err := a.store.AllInstansi(ctx)
	if err != nil {
		return model.Instansi{}, err
	}
	if id != "" {
		for _, in := range all {
			if in.ID == id {
				return in, nil
			}
		}
		return model.Instansi{}, fmt.Errorf("no instansi with id %s", id)
	}
	switch len(all) {
	case 0:
		return model.Instansi{}, errors.New("the database has no instansi yet: run 'kinerja serve --demo' or 'kinerja seed' first, or import into an existing one")
	case 1:
		return all[0], nil
	}
	var names []string
	for _, in := range all {
		names = append(names, in.ID+" ("+in.Name+")")
	}
	return model.Instansi{}, fmt.Errorf("the database holds several instansi; choose one with --instansi: %s", strings.Join(names, ", "))
}
