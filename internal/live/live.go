// Package live pushes real-time feedback and notifications to browsers with
// Server-Sent Events.
//
// The events themselves live in the database: the caller stores each one
// with an id that increases monotonically within the installation, and
// then calls Hub.Notify for the users it concerns. This package only wakes
// the streams of those users (Hub) and writes the stream (Serve), which
// reads from the database through a Fetch function. Because every stream
// fetches what it has not yet sent, and a reconnecting browser says which
// id it saw last, a wake-up that is coalesced or a connection that drops
// loses nothing.
//
// A handler subscribes before it serves, so that an event stored between
// the replay and the first wait still wakes it:
//
//	wake, cancel := hub.Subscribe(userID)
//	defer cancel()
//	err := live.Serve(w, r, live.StreamOptions{Wake: wake, Fetch: fetch})
package live

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Hub wakes the event streams of users when something new exists for
// them. The zero value is not usable; call NewHub. A Hub is safe for
// concurrent use.
type Hub struct {
	mu     sync.RWMutex
	subs   map[string]map[*subscription]struct{}
	n      int
	closed bool
}

type subscription struct {
	wake chan struct{}
}

// NewHub returns a Hub without subscribers.
func NewHub() *Hub {
	return &Hub{subs: make(map[string]map[*subscription]struct{})}
}

// Subscribe registers interest in the events of userID. The returned
// channel receives a value after Notify names userID; it has a buffer of
// one, so several notifications while the reader is busy arrive as one
// wake-up, and the reader must fetch everything new when it wakes.
//
// cancel ends the subscription and closes the channel; calling it again
// does nothing. After Close, Subscribe returns a channel that is already
// closed.
func (h *Hub) Subscribe(userID string) (wake <-chan struct{}, cancel func()) {
	s := &subscription{wake: make(chan struct{}, 1)}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(s.wake)
		return s.wake, func() {}
	}
	set := h.subs[userID]
	if set == nil {
		set = make(map[*subscription]struct{})
		h.subs[userID] = set
	}
	set[s] = struct{}{}
	h.n++
	return s.wake, func() { h.cancel(userID, s) }
}

func (h *Hub) cancel(userID string, s *subscription) {
	h.mu.Lock()
	defer h.mu.Unlock()
	set := h.subs[userID]
	if _, ok := set[s]; !ok {
		return // cancelled before, or the hub was closed
	}
	delete(set, s)
	if len(set) == 0 {
		delete(h.subs, userID)
	}
	h.n--
	close(s.wake)
}

// Notify wakes every subscription of the given users. It never blocks: a
// subscription that has a wake-up pending already keeps that one.
func (h *Hub) Notify(userIDs ...string) {
	// A read lock suffices: the sends do not block, and channels are closed
	// only under the write lock.
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, id := range userIDs {
		for s := range h.subs[id] {
			select {
			case s.wake <- struct{}{}:
			default:
			}
		}
	}
}

// Subscribers reports how many subscriptions are open, for metrics.
func (h *Hub) Subscribers() int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.n
}

// Close closes the channel of every subscription, which ends the streams
// that Serve writes from them, and refuses later subscriptions. It is
// meant for server shutdown; calling it again does nothing.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	for _, set := range h.subs {
		for s := range set {
			close(s.wake)
		}
	}
	h.subs = nil
	h.n = 0
}

// Event is one stored event as it goes to the browser.
type Event struct {
	// ID is the event's id in the installation; it increases with every
	// event stored and becomes the browser's Last-Event-ID.
	ID int64
	// Type names the event for the browser's addEventListener; empty
	// means the default "message". It must not contain a line break.
	Type string
	// Data is the payload, JSON.
	Data []byte
}

// StreamOptions tells Serve where a stream's events come from.
type StreamOptions struct {
	// Wake receives a value when there may be new events, usually from
	// Hub.Subscribe. When it is closed the stream ends. A nil Wake never
	// wakes; the stream then only replays and sends heartbeats.
	Wake <-chan struct{}
	// Fetch returns the events with an id greater than afterID, in
	// ascending order of id. It may return only the first of them: Serve
	// calls it again until it returns none. Required.
	Fetch func(ctx context.Context, afterID int64) ([]Event, error)
	// After is the id to start after when the request carries no valid
	// Last-Event-ID, for example the newest id the page was rendered with.
	After int64
	// Heartbeat is how often a comment is sent to keep proxies from closing
	// an idle connection; 25 seconds when zero or less.
	Heartbeat time.Duration
	// Retry is the reconnection delay the browser is told once, at the
	// start; 2 seconds when zero or less.
	Retry time.Duration
	// Until, when not zero, is when the stream ends whatever happens: a
	// browser reconnects and is let in again only while its session holds.
	Until time.Time
	// Alive, when not nil, is asked at every heartbeat whether the stream
	// may go on (its session is still in force); false ends it.
	Alive func(ctx context.Context) bool
}

// Defaults for StreamOptions.
const (
	DefaultHeartbeat = 25 * time.Second
	DefaultRetry     = 2 * time.Second
)

// Serve writes an event stream to w until the request's context is done,
// opts.Wake is closed, opts.Until passes or opts.Alive says no; each ends
// it with a nil error.
//
// It first replays everything after the request's Last-Event-ID (see
// ParseLastEventID), or after opts.After when there is none, so that a
// reconnecting browser misses nothing; then it sends what Fetch returns on
// every wake-up, and a comment every opts.Heartbeat. It clears the write
// deadline before every write, so a server's WriteTimeout does not cut the
// stream.
//
// w must support flushing, possibly through wrappers that have an Unwrap
// method (see http.NewResponseController); if it does not, Serve answers
// 500 and returns an error wrapping http.ErrNotSupported. Otherwise it
// returns the errors of Fetch and of writing, except those that follow the
// client going away.
func Serve(w http.ResponseWriter, r *http.Request, opts StreamOptions) error {
	if opts.Fetch == nil {
		return errors.New("live: StreamOptions.Fetch is nil")
	}
	heartbeat := opts.Heartbeat
	if heartbeat <= 0 {
		heartbeat = DefaultHeartbeat
	}
	retry := opts.Retry
	if retry <= 0 {
		retry = DefaultRetry
	}
	after := opts.After
	if id, ok := ParseLastEventID(r); ok {
		after = id
	}

	ctx := r.Context()
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no") // nginx would otherwise buffer the stream
	// Flushing before anything is written sends the headers, so the browser
	// knows at once that the stream is open, and tells whether w can flush
	// at all while it is still possible to answer with an error.
	err := rc.SetWriteDeadline(time.Time{})
	if err == nil || errors.Is(err, http.ErrNotSupported) {
		// A server's ReadTimeout would otherwise fire while the stream is
		// open and cancel it; a client that leaves is still noticed.
		if rerr := rc.SetReadDeadline(time.Time{}); rerr != nil && !errors.Is(rerr, http.ErrNotSupported) {
			err = rerr
		}
	}
	if err == nil || errors.Is(err, http.ErrNotSupported) {
		err = rc.Flush()
	}
	if err != nil {
		if errors.Is(err, http.ErrNotSupported) {
			h.Del("Content-Type")
			h.Del("Cache-Control")
			h.Del("X-Accel-Buffering")
			http.Error(w, "streaming not supported", http.StatusInternalServerError)
			return fmt.Errorf("live: response writer cannot flush: %w", err)
		}
		return ended(ctx, fmt.Errorf("live: opening stream: %w", err))
	}

	s := &stream{w: w, rc: rc, fetch: opts.Fetch, after: after}
	fmt.Fprintf(&s.buf, "retry: %d\n\n", retry.Milliseconds())
	if err := s.send(ctx); err != nil {
		return ended(ctx, err)
	}

	ticker := time.NewTicker(heartbeat)
	defer ticker.Stop()
	var deadline <-chan time.Time
	if !opts.Until.IsZero() {
		t := time.NewTimer(time.Until(opts.Until))
		defer t.Stop()
		deadline = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-deadline:
			return nil
		case _, ok := <-opts.Wake:
			if !ok {
				return nil
			}
			if err := s.send(ctx); err != nil {
				return ended(ctx, err)
			}
		case <-ticker.C:
			if opts.Alive != nil && !opts.Alive(ctx) {
				return nil
			}
			s.buf.WriteString(": ping\n\n")
			if err := s.write(); err != nil {
				return ended(ctx, err)
			}
		}
	}
}

// ended turns an error into nil when it follows the client going away,
// which is how every stream ends sooner or later.
func ended(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// stream is the state of one Serve call.
type stream struct {
	w     http.ResponseWriter
	rc    *http.ResponseController
	fetch func(ctx context.Context, afterID int64) ([]Event, error)
	after int64 // the id of the last event sent
	buf   bytes.Buffer
}

// send fetches everything after the last event sent and writes it, with
// whatever else is in the buffer, in one flushed batch.
func (s *stream) send(ctx context.Context) error {
	for {
		events, err := s.fetch(ctx, s.after)
		if err != nil {
			return fmt.Errorf("live: fetching events after %d: %w", s.after, err)
		}
		last := s.after
		for _, e := range events {
			if err := writeEvent(&s.buf, e); err != nil {
				return err
			}
			last = max(last, e.ID)
		}
		if last == s.after {
			// Nothing new, or a Fetch that returns old ids again: asking
			// once more would not end.
			break
		}
		s.after = last
	}
	if s.buf.Len() == 0 {
		return nil
	}
	return s.write()
}

// write sends the buffer and flushes it.
func (s *stream) write() error {
	defer s.buf.Reset()
	if err := s.rc.SetWriteDeadline(time.Time{}); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return fmt.Errorf("live: clearing write deadline: %w", err)
	}
	if _, err := s.w.Write(s.buf.Bytes()); err != nil {
		return fmt.Errorf("live: writing stream: %w", err)
	}
	if err := s.rc.Flush(); err != nil {
		return fmt.Errorf("live: flushing stream: %w", err)
	}
	return nil
}

// writeEvent appends e to buf in the event stream format. Data is split at
// line breaks into several data lines, which the browser joins again with
// "\n", so that a line break in the data cannot end the event early.
func writeEvent(buf *bytes.Buffer, e Event) error {
	if strings.ContainsAny(e.Type, "\r\n") {
		return fmt.Errorf("live: event %d: type %q contains a line break", e.ID, e.Type)
	}
	fmt.Fprintf(buf, "id: %d\n", e.ID)
	if e.Type != "" {
		fmt.Fprintf(buf, "event: %s\n", e.Type)
	}
	data := e.Data
	for {
		i := bytes.IndexAny(data, "\r\n")
		if i < 0 {
			break
		}
		buf.WriteString("data: ")
		buf.Write(data[:i])
		buf.WriteByte('\n')
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			i++
		}
		data = data[i+1:]
	}
	buf.WriteString("data: ")
	buf.Write(data)
	buf.WriteString("\n\n")
	return nil
}

// ParseLastEventID returns the id of the last event a reconnecting client
// received: the Last-Event-ID header that EventSource sends, or else the
// lastEventId query parameter that EventSource polyfills use. Values that
// are not a non-negative integer are ignored; ok is false when neither
// gives one.
func ParseLastEventID(r *http.Request) (id int64, ok bool) {
	for _, v := range []string{r.Header.Get("Last-Event-ID"), r.URL.Query().Get("lastEventId")} {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id >= 0 {
			return id, true
		}
	}
	return 0, false
}
