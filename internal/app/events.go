package app

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/live"
	"github.com/kinerja-id/kinerja/internal/model"
)

// EventStream prepares the live stream of the actor's events: where a new
// stream starts (after the newest event, so a fresh page does not replay
// history; a reconnecting one names its own start), the wake-up channel
// and its release, and how to read events.
func (a *App) EventStream(ctx context.Context, actor model.Actor) (live.StreamOptions, func(), error) {
	if actor.EmployeeID == "" {
		return live.StreamOptions{}, nil, forbidden("events without an employee record")
	}
	who := actor.EmployeeID
	// Subscribe before reading the position, so nothing committed in
	// between is missed.
	wake, cancel := a.Live.Subscribe(who)
	last, err := a.Store.LastEvent(ctx, who)
	if err != nil {
		cancel()
		return live.StreamOptions{}, nil, err
	}
	fetch := func(ctx context.Context, after int64) ([]live.Event, error) {
		evs, err := a.Store.Events(ctx, who, after, 100)
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
