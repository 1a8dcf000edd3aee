package app

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/live"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Limits of event streams: a stream lasts at most maxStreamLifetime (the
// browser then reconnects, and is let in only while its session holds),
// and one user holds at most maxStreamsPerUser at once (a new one ends the
// oldest: tabs left open somewhere do not pile up).
const (
	maxStreamLifetime = time.Hour
	maxStreamsPerUser = 8
)

// openStream is one event stream being served.
type openStream struct {
	session, user string
	end           func() // closes its wake-up channel, which ends it
}

// streams are the open event streams by session and by user, so that a
// session that ends (signed out, revoked, a new password, a disabled
// account) ends its streams at once, not at their next heartbeat.
type streams struct {
	mu     sync.Mutex
	byUser map[string][]*openStream // in the order they opened
}

// add registers st and returns the streams of its user beyond the limit,
// oldest first, for the caller to end.
func (r *streams) add(st *openStream) []*openStream {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byUser == nil {
		r.byUser = map[string][]*openStream{}
	}
	list := append(r.byUser[st.user], st)
	var over []*openStream
	if n := len(list) - maxStreamsPerUser; n > 0 {
		over, list = slices.Clone(list[:n]), list[n:]
	}
	r.byUser[st.user] = list
	return over
}

// remove forgets st.
func (r *streams) remove(st *openStream) {
	r.mu.Lock()
	defer r.mu.Unlock()
	list := slices.DeleteFunc(r.byUser[st.user], func(x *openStream) bool { return x == st })
	if len(list) == 0 {
		delete(r.byUser, st.user)
		return
	}
	r.byUser[st.user] = list
}

// of returns the open streams of the sessions and of the users named.
func (r *streams) of(ended store.SessionsEnded) (bySession, byUser []*openStream) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, list := range r.byUser {
		for _, st := range list {
			if slices.Contains(ended.SessionIDs, st.session) {
				bySession = append(bySession, st)
			} else if slices.Contains(ended.UserIDs, st.user) {
				byUser = append(byUser, st)
			}
		}
	}
	return bySession, byUser
}

// endStreams ends the streams of sessions that a commit revoked; for a
// user whose sessions were revoked but one (a new password keeps the
// session in use), each stream's session is asked.
func (a *App) endStreams(ended store.SessionsEnded) {
	bySession, byUser := a.streams.of(ended)
	for _, st := range bySession {
		st.end()
	}
	ctx := context.Background()
	for _, st := range byUser {
		if !a.sessionInForce(ctx, st.session) {
			st.end()
		}
	}
}

// sessionInForce reports whether session id can still be used now.
func (a *App) sessionInForce(ctx context.Context, id string) bool {
	s, err := a.store.Session(ctx, id)
	return err == nil && s.Active(a.Now())
}

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
	opts := live.StreamOptions{Wake: wake, Fetch: fetch, After: last}
	if actor.SessionID == "" {
		return opts, cancel, nil
	}
	sess, err := a.store.Session(ctx, actor.SessionID)
	if err != nil || !sess.Active(a.Now()) {
		cancel()
		if err == nil {
			err = model.ErrUnauthenticated
		}
		return live.StreamOptions{}, nil, err
	}
	// Until is on the wall clock, which the stream's timer runs by; the
	// session's remaining time is read on the application's.
	opts.Until = time.Now().Add(min(maxStreamLifetime, sess.ExpiresAt.Sub(a.Now())))
	// Another server of the same installation may revoke the session:
	// each heartbeat asks.
	opts.Alive = func(ctx context.Context) bool { return a.sessionInForce(ctx, actor.SessionID) }
	st := &openStream{session: actor.SessionID, user: actor.UserID, end: cancel}
	for _, old := range a.streams.add(st) {
		old.end()
	}
	return opts, func() { a.streams.remove(st); cancel() }, nil
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
