package app

import (
	"context"
	"net/http"

	"github.com/kinerja-id/kinerja/internal/live"
	"github.com/kinerja-id/kinerja/internal/model"
)

// eventStream prepares the live stream of the actor's events: where a new
// stream starts (after the newest event, so a fresh page does not replay
// history; a reconnecting one names its own start), the wake-up channel
// and its release, and how to read events.
func (a *App) eventStream(ctx context.Context, actor model.Actor) (live.StreamOptions, func(), error) {
	if actor.EmployeeID == "" {
		return live.StreamOptions{}, nil, forbidden("events without an employee record")
	}
	who := actor.EmployeeID
	// Subscribe before reading the position, so nothing committed in
	// between is missed.
	wake, cancel := a.live.Subscribe(who)
	last, err := a.store.LastEvent(ctx, who)
	if err != nil {
		cancel()
		return live.StreamOptions{}, nil, err
	}
	fetch := func(ctx context.Context, after int64) ([]live.Event, error) {
		evs, err := a.store.Events(ctx, who, after, 100)
		if err != nil {
			return nil, err
		}
		out := make([]live.Event, len(evs))
		for i, e := range evs {
			out[i] = live.Event{ID: e.Seq, Type: e.Type, Data: e.Data}
			if e.Type == "notification" {
				out[i].Data = localizeEvent(actor.Locale, e.Data)
			}
		}
		return out, nil
	}
	return live.StreamOptions{Wake: wake, Fetch: fetch, After: last}, cancel, nil
}

// ServeEvents streams the actor's events to w as Server-Sent Events until
// the client goes away. It answers an error (and writes nothing) when the
// actor has no events; once the stream has started, trouble ends it and is
// logged.
func (a *App) ServeEvents(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	opts, release, err := a.eventStream(r.Context(), actor)
	if err != nil {
		return err
	}
	defer release()
	if err := live.Serve(w, r, opts); err != nil {
		a.log.Warn("event stream ended", "err", err)
	}
	return nil
}

// LiveFrom returns the number of the actor's newest event, where a page
// rendered now starts its live stream (0 for someone without events).
func (a *App) LiveFrom(ctx context.Context, actor model.Actor) int64 {
	if actor.EmployeeID == "" {
		return 0
	}
	n, err := a.store.LastEvent(ctx, actor.EmployeeID)
	if err != nil {
		return 0
	}
	return n
}
