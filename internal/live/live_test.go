package live

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// waitTimeout bounds every wait in these tests. It is generous on purpose:
// the tests check that things happen, never how fast.
const waitTimeout = 5 * time.Second

// eventLog stands in for the caller's events table: ids increase across
// all users, as they do in the installation.
type eventLog struct {
	mu     sync.Mutex
	last   int64
	events map[string][]Event
	hub    *Hub
}

func newEventLog(hub *Hub) *eventLog {
	return &eventLog{events: make(map[string][]Event), hub: hub}
}

// add stores an event for user, notifies the hub and returns the event's id.
func (l *eventLog) add(user, typ, data string) int64 {
	l.mu.Lock()
	l.last++
	id := l.last
	l.events[user] = append(l.events[user], Event{ID: id, Type: typ, Data: []byte(data)})
	l.mu.Unlock()
	l.hub.Notify(user)
	return id
}

func (l *eventLog) fetch(user string) func(context.Context, int64) ([]Event, error) {
	return func(ctx context.Context, after int64) ([]Event, error) {
		l.mu.Lock()
		defer l.mu.Unlock()
		var out []Event
		for _, e := range l.events[user] {
			if e.ID > after {
				out = append(out, e)
			}
		}
		return out, nil
	}
}

// harness is a real HTTP server whose /events?user=ID serves the stream of
// that user; the result of every Serve call goes to served.
type harness struct {
	t      *testing.T
	hub    *Hub
	log    *eventLog
	srv    *httptest.Server
	served chan error
}

func newHarness(t *testing.T, opts StreamOptions, configure func(*http.Server)) *harness {
	t.Helper()
	hub := NewHub()
	h := &harness{t: t, hub: hub, log: newEventLog(hub), served: make(chan error, 100)}
	h.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user := r.URL.Query().Get("user")
		wake, cancel := hub.Subscribe(user)
		defer cancel()
		o := opts
		o.Wake = wake
		o.Fetch = h.log.fetch(user)
		h.served <- Serve(w, r, o)
	}))
	if configure != nil {
		configure(h.srv.Config)
	}
	h.srv.Start()
	t.Cleanup(func() {
		hub.Close()
		h.srv.Close()
	})
	return h
}

// item is one thing read from a stream: an event, or a comment.
type item struct {
	id      string
	typ     string
	data    string
	retry   string
	comment string
}

// client is an open stream read line by line in the background.
type client struct {
	t      *testing.T
	resp   *http.Response
	cancel context.CancelFunc
	items  chan item
	done   chan error // the read error that ended the stream, io.EOF at a clean end
}

// connect opens the stream of user for the test t. lastEventID, when not
// empty, is sent as Last-Event-ID; query is appended to the URL.
func (h *harness) connect(t *testing.T, user, lastEventID, query string) *client {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.srv.URL+"/events?user="+user+query, nil)
	if err != nil {
		t.Fatal(err)
	}
	if lastEventID != "" {
		req.Header.Set("Last-Event-ID", lastEventID)
	}
	resp, err := h.srv.Client().Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		cancel()
		t.Fatalf("status %d", resp.StatusCode)
	}
	c := &client{t: t, resp: resp, cancel: cancel, items: make(chan item, 100), done: make(chan error, 1)}
	go c.read()
	t.Cleanup(c.close)
	return c
}

// read parses the stream as a browser would, keeping comments too.
func (c *client) read() {
	sc := bufio.NewScanner(c.resp.Body)
	var it item
	var data []string
	seen := false
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if seen {
				it.data = strings.Join(data, "\n")
				c.items <- it
			}
			it, data, seen = item{}, nil, false
			continue
		}
		if comment, ok := strings.CutPrefix(line, ":"); ok {
			c.items <- item{comment: strings.TrimPrefix(comment, " ")}
			continue
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		seen = true
		switch field {
		case "id":
			it.id = value
		case "event":
			it.typ = value
		case "data":
			data = append(data, value)
		case "retry":
			it.retry = value
		}
	}
	err := sc.Err()
	if err == nil {
		err = io.EOF
	}
	c.done <- err
}

func (c *client) close() {
	c.cancel()
	c.resp.Body.Close()
}

// next returns the next event, skipping comments and the retry field.
func (c *client) next() item {
	c.t.Helper()
	deadline := time.After(waitTimeout)
	for {
		select {
		case it := <-c.items:
			if it.comment != "" || it.id == "" {
				continue
			}
			return it
		case err := <-c.done:
			c.t.Fatalf("stream ended while waiting for an event: %v", err)
		case <-deadline:
			c.t.Fatal("no event arrived")
		}
	}
}

// nextIDs returns the ids of the next n events.
func (c *client) nextIDs(n int) []string {
	c.t.Helper()
	var ids []string
	for range n {
		ids = append(ids, c.next().id)
	}
	return ids
}

// expectNext fails unless the next event has the given id. Storing an
// event and expecting it next shows that nothing else was sent before it.
func (c *client) expectNext(id int64) {
	c.t.Helper()
	if got := c.next().id; got != strconv.FormatInt(id, 10) {
		c.t.Fatalf("next event has id %s, want %d", got, id)
	}
}

func (h *harness) servedResult() error {
	h.t.Helper()
	select {
	case err := <-h.served:
		return err
	case <-time.After(waitTimeout):
		h.t.Fatal("Serve did not return")
		return nil
	}
}

func TestServeReplaysAfterLastEventID(t *testing.T) {
	h := newHarness(t, StreamOptions{}, nil)
	for i := range 4 {
		h.log.add("ani", "feedback", fmt.Sprintf(`{"n":%d}`, i+1))
	}
	h.log.add("budi", "feedback", `{"n":99}`) // id 5, someone else's

	c := h.connect(t, "ani", "2", "")
	if ct := c.resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type = %q", ct)
	}
	if cc := c.resp.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("Cache-Control = %q", cc)
	}
	if xa := c.resp.Header.Get("X-Accel-Buffering"); xa != "no" {
		t.Errorf("X-Accel-Buffering = %q", xa)
	}
	e := c.next()
	if e != (item{id: "3", typ: "feedback", data: `{"n":3}`}) {
		t.Errorf("first replayed event = %+v", e)
	}
	c.expectNext(4)
	// Nothing else was replayed: the next event is one stored now.
	c.expectNext(h.log.add("ani", "feedback", `{"n":5}`))
}

func TestServeSendsRetryFirst(t *testing.T) {
	h := newHarness(t, StreamOptions{Retry: 1500 * time.Millisecond}, nil)
	c := h.connect(t, "ani", "", "")
	select {
	case it := <-c.items:
		if it.retry != "1500" {
			t.Errorf("first item = %+v, want retry: 1500", it)
		}
	case <-time.After(waitTimeout):
		t.Fatal("nothing arrived")
	}
}

func TestServeStartsAfterOptionWithoutLastEventID(t *testing.T) {
	h := newHarness(t, StreamOptions{After: 1}, nil)
	h.log.add("ani", "a", `1`)
	h.log.add("ani", "a", `2`)
	for _, tc := range []struct {
		name, header, query string
		want                int64
	}{
		{"none", "", "", 2},
		{"invalid header", "abc", "", 2},
		{"negative header", "-1", "", 2},
		{"query", "", "&lastEventId=0", 1},
		{"header over query", "1", "&lastEventId=0", 2},
		{"invalid header, valid query", "x", "&lastEventId=0", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := h.connect(t, "ani", tc.header, tc.query)
			c.expectNext(tc.want)
			c.close()
		})
	}
}

func TestNotifyDeliversNewEvent(t *testing.T) {
	h := newHarness(t, StreamOptions{}, nil)
	c := h.connect(t, "ani", "", "")
	// The handler subscribes before Serve sends the headers, so the
	// subscription exists once connect returns.
	if n := h.hub.Subscribers(); n != 1 {
		t.Fatalf("Subscribers = %d, want 1", n)
	}
	h.log.add("budi", "feedback", `{"for":"budi"}`)
	id := h.log.add("ani", "notification", "{\n  \"title\": \"SKP disetujui\"\n}")
	e := c.next()
	want := item{id: strconv.FormatInt(id, 10), typ: "notification", data: "{\n  \"title\": \"SKP disetujui\"\n}"}
	if e != want {
		t.Errorf("event = %+v, want %+v", e, want)
	}
}

func TestReconnectGetsOnlyMissedEvents(t *testing.T) {
	h := newHarness(t, StreamOptions{}, nil)
	c := h.connect(t, "ani", "", "")
	h.log.add("ani", "a", `1`)
	h.log.add("ani", "a", `2`)
	ids := c.nextIDs(2)
	if strings.Join(ids, ",") != "1,2" {
		t.Fatalf("ids = %v", ids)
	}
	c.close()
	if err := h.servedResult(); err != nil {
		t.Errorf("Serve after the client left = %v", err)
	}

	h.log.add("ani", "a", `3`)
	h.log.add("budi", "a", `4`)
	h.log.add("ani", "a", `5`)
	c = h.connect(t, "ani", ids[len(ids)-1], "")
	if got := strings.Join(c.nextIDs(2), ","); got != "3,5" {
		t.Fatalf("after reconnecting, ids = %s, want 3,5", got)
	}
	c.expectNext(h.log.add("ani", "a", `6`))
}

func TestHeartbeat(t *testing.T) {
	h := newHarness(t, StreamOptions{Heartbeat: 10 * time.Millisecond}, nil)
	c := h.connect(t, "ani", "", "")
	deadline := time.After(waitTimeout)
	for {
		select {
		case it := <-c.items:
			if it.comment == "ping" {
				return
			}
		case err := <-c.done:
			t.Fatalf("stream ended: %v", err)
		case <-deadline:
			t.Fatal("no heartbeat comment arrived")
		}
	}
}

// A server's WriteTimeout and ReadTimeout count from the start of the
// request; a stream that outlives them must stay open and written to.
func TestStreamOutlivesServerTimeouts(t *testing.T) {
	const timeout = 50 * time.Millisecond
	for name, set := range map[string]func(*http.Server){
		"WriteTimeout": func(s *http.Server) { s.WriteTimeout = timeout },
		"ReadTimeout":  func(s *http.Server) { s.ReadTimeout = timeout },
	} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, StreamOptions{Heartbeat: 10 * time.Millisecond}, set)
			start := time.Now()
			c := h.connect(t, "ani", "", "")
			deadline := time.After(waitTimeout)
			for time.Since(start) < 4*timeout {
				select {
				case <-c.items:
				case err := <-c.done:
					t.Fatalf("stream ended after %v: %v", time.Since(start), err)
				case <-deadline:
					t.Fatal("stream stalled")
				}
			}
			c.expectNext(h.log.add("ani", "a", `1`))
		})
	}
}

func TestCloseEndsStream(t *testing.T) {
	h := newHarness(t, StreamOptions{}, nil)
	c := h.connect(t, "ani", "", "")
	h.hub.Close()
	if err := h.servedResult(); err != nil {
		t.Errorf("Serve after Close = %v", err)
	}
	select {
	case err := <-c.done:
		if err != io.EOF {
			t.Errorf("stream ended with %v, want EOF", err)
		}
	case <-time.After(waitTimeout):
		t.Fatal("stream did not end")
	}
}

func TestServeReturnsFetchError(t *testing.T) {
	boom := errors.New("database is down")
	hub := NewHub()
	defer hub.Close()
	served := make(chan error, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wake, cancel := hub.Subscribe("ani")
		defer cancel()
		served <- Serve(w, r, StreamOptions{Wake: wake, Fetch: func(context.Context, int64) ([]Event, error) {
			return nil, boom
		}})
	}))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	// Reading to the end keeps the client connected until Serve returns;
	// a client that leaves first would make the error not worth reporting.
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	select {
	case err := <-served:
		if !errors.Is(err, boom) {
			t.Errorf("Serve = %v, want %v", err, boom)
		}
	case <-time.After(waitTimeout):
		t.Fatal("Serve did not return")
	}
}

// plainWriter is a ResponseWriter that cannot flush.
type plainWriter struct {
	header http.Header
	status int
}

func (w *plainWriter) Header() http.Header         { return w.header }
func (w *plainWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *plainWriter) WriteHeader(code int)        { w.status = code }

// unwrapper hides its ResponseWriter's methods except through Unwrap, as
// logging middleware does.
type unwrapper struct{ w http.ResponseWriter }

func (u unwrapper) Header() http.Header         { return u.w.Header() }
func (u unwrapper) Write(b []byte) (int, error) { return u.w.Write(b) }
func (u unwrapper) WriteHeader(code int)        { u.w.WriteHeader(code) }
func (u unwrapper) Unwrap() http.ResponseWriter { return u.w }

func TestServeNeedsFlusher(t *testing.T) {
	fetch := func(context.Context, int64) ([]Event, error) { return nil, nil }
	w := &plainWriter{header: make(http.Header)}
	r := httptest.NewRequest(http.MethodGet, "/events", nil)
	err := Serve(w, r, StreamOptions{Fetch: fetch})
	if !errors.Is(err, http.ErrNotSupported) {
		t.Errorf("Serve = %v, want ErrNotSupported", err)
	}
	if w.status != http.StatusInternalServerError || w.header.Get("Content-Type") == "text/event-stream" {
		t.Errorf("response: status %d, Content-Type %q", w.status, w.header.Get("Content-Type"))
	}

	// Through a wrapper with Unwrap, the recorder's Flush is found.
	rec := httptest.NewRecorder()
	closed := make(chan struct{})
	close(closed)
	err = Serve(unwrapper{rec}, r, StreamOptions{Wake: closed, Fetch: func(context.Context, int64) ([]Event, error) {
		return []Event{{ID: 1, Type: "a", Data: []byte(`{}`)}}, nil
	}})
	if err != nil || !rec.Flushed {
		t.Errorf("Serve through Unwrap = %v, flushed %v", err, rec.Flushed)
	}
}

func TestServeWritesEventFormat(t *testing.T) {
	calls := 0
	fetch := func(_ context.Context, after int64) ([]Event, error) {
		calls++
		switch after {
		case 0:
			return []Event{
				{ID: 1, Type: "feedback", Data: []byte(`{"a":1}`)},
				{ID: 2, Data: []byte("x\r\ny\rz\n")},
			}, nil
		case 2:
			// Fetch may return a page at a time.
			return []Event{{ID: 3, Type: "t", Data: []byte(`3`)}}, nil
		}
		return nil, nil
	}
	closed := make(chan struct{})
	close(closed)
	rec := httptest.NewRecorder()
	if err := Serve(rec, httptest.NewRequest(http.MethodGet, "/", nil), StreamOptions{Wake: closed, Fetch: fetch}); err != nil {
		t.Fatal(err)
	}
	want := "retry: 2000\n\n" +
		"id: 1\nevent: feedback\ndata: {\"a\":1}\n\n" +
		"id: 2\ndata: x\ndata: y\ndata: z\ndata: \n\n" +
		"id: 3\nevent: t\ndata: 3\n\n"
	if got := rec.Body.String(); got != want {
		t.Errorf("stream =\n%q\nwant\n%q", got, want)
	}
	if calls != 3 {
		t.Errorf("Fetch called %d times, want 3", calls)
	}

	rec = httptest.NewRecorder()
	err := Serve(rec, httptest.NewRequest(http.MethodGet, "/", nil), StreamOptions{Wake: closed, Fetch: func(context.Context, int64) ([]Event, error) {
		return []Event{{ID: 1, Type: "a\nevent: b"}}, nil
	}})
	if err == nil {
		t.Error("a line break in the type was written")
	}
}

func TestParseLastEventID(t *testing.T) {
	for _, tc := range []struct {
		header, query string
		id            int64
		ok            bool
	}{
		{"", "", 0, false},
		{"42", "", 42, true},
		{"0", "", 0, true},
		{"", "lastEventId=7", 7, true},
		{"42", "lastEventId=7", 42, true},
		{"x", "lastEventId=7", 7, true},
		{"-3", "", 0, false},
		{" 4", "", 0, false},
		{"1.5", "lastEventId=abc", 0, false},
		{"99999999999999999999", "", 0, false},
	} {
		r := httptest.NewRequest(http.MethodGet, "/events?"+tc.query, nil)
		if tc.header != "" {
			r.Header.Set("Last-Event-ID", tc.header)
		}
		id, ok := ParseLastEventID(r)
		if id != tc.id || ok != tc.ok {
			t.Errorf("header %q, query %q: got %d, %v; want %d, %v", tc.header, tc.query, id, ok, tc.id, tc.ok)
		}
	}
}

// pending reports whether a wake-up is waiting on ch.
func pending(ch <-chan struct{}) bool {
	select {
	case _, ok := <-ch:
		return ok
	default:
		return false
	}
}

// isClosed reports whether ch is closed, once any pending wake-up is read.
func isClosed(ch <-chan struct{}) bool {
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return true
			}
		default:
			return false
		}
	}
}

func TestHubCoalescesAndTargets(t *testing.T) {
	hub := NewHub()
	defer hub.Close()
	ani1, cancel1 := hub.Subscribe("ani")
	defer cancel1()
	ani2, cancel2 := hub.Subscribe("ani")
	defer cancel2()
	budi, cancel3 := hub.Subscribe("budi")
	defer cancel3()
	if n := hub.Subscribers(); n != 3 {
		t.Errorf("Subscribers = %d, want 3", n)
	}

	hub.Notify("ani")
	hub.Notify("ani")
	hub.Notify("ani", "ani", "citra")
	for i, ch := range []<-chan struct{}{ani1, ani2} {
		if !pending(ch) {
			t.Errorf("subscription %d of ani was not woken", i+1)
		}
		if pending(ch) {
			t.Errorf("subscription %d of ani was woken more than once", i+1)
		}
	}
	if pending(budi) {
		t.Error("budi was woken by a notification for ani")
	}
	hub.Notify("budi")
	if !pending(budi) {
		t.Error("budi was not woken")
	}
	hub.Notify() // no users: nothing to do, nothing to break
}

func TestHubCancel(t *testing.T) {
	hub := NewHub()
	defer hub.Close()
	wake, cancel := hub.Subscribe("ani")
	other, cancelOther := hub.Subscribe("ani")
	defer cancelOther()
	cancel()
	cancel()
	if n := hub.Subscribers(); n != 1 {
		t.Errorf("Subscribers after cancel = %d, want 1", n)
	}
	if !isClosed(wake) {
		t.Error("cancel did not close the channel")
	}
	hub.Notify("ani")
	if !pending(other) {
		t.Error("the other subscription of ani was not woken")
	}
	cancelOther()
	if n := hub.Subscribers(); n != 0 {
		t.Errorf("Subscribers = %d, want 0", n)
	}
	hub.Notify("ani")
}

func TestHubClose(t *testing.T) {
	hub := NewHub()
	a, cancelA := hub.Subscribe("ani")
	b, cancelB := hub.Subscribe("budi")
	hub.Notify("ani")
	hub.Close()
	hub.Close()
	if !isClosed(a) || !isClosed(b) {
		t.Error("Close left a channel open")
	}
	if n := hub.Subscribers(); n != 0 {
		t.Errorf("Subscribers after Close = %d", n)
	}
	cancelA()
	cancelB()
	c, cancelC := hub.Subscribe("citra")
	if !isClosed(c) {
		t.Error("Subscribe after Close returned an open channel")
	}
	cancelC()
	hub.Notify("ani", "citra")
}

// Run with -race: Notify, Subscribe, cancel and Close from many goroutines.
func TestHubConcurrent(t *testing.T) {
	hub := NewHub()
	users := []string{"ani", "budi", "citra", "dewi"}
	var wg sync.WaitGroup
	for g := range 32 {
		wg.Go(func() {
			for i := range 200 {
				user := users[(g+i)%len(users)]
				wake, cancel := hub.Subscribe(user)
				hub.Notify(user, users[i%len(users)])
				select {
				case <-wake:
				default:
				}
				if i%3 == 0 {
					cancel()
				}
				cancel()
				_ = hub.Subscribers()
			}
		})
	}
	for range 4 {
		wg.Go(func() {
			for range 1000 {
				hub.Notify(users...)
			}
		})
	}
	wg.Wait()
	if n := hub.Subscribers(); n != 0 {
		t.Errorf("Subscribers after every cancel = %d", n)
	}

	// Close while others still subscribe and cancel.
	var wakes []<-chan struct{}
	var mu sync.Mutex
	for g := range 16 {
		wg.Go(func() {
			for i := range 100 {
				wake, cancel := hub.Subscribe(users[(g+i)%len(users)])
				hub.Notify(users...)
				if i%2 == 0 {
					cancel()
					continue
				}
				mu.Lock()
				wakes = append(wakes, wake)
				mu.Unlock()
			}
		})
	}
	wg.Go(hub.Close)
	wg.Wait()
	for i, w := range wakes {
		if !isClosed(w) {
			t.Fatalf("subscription %d still open after Close", i)
		}
	}
}

// BenchmarkNotify notifies with 200 open subscriptions, one per user. Nobody
// reads the wake-ups, so after the first round every send finds the buffer
// full: the cost measured is the lookup and the coalescing.
func BenchmarkNotify(b *testing.B) {
	hub := NewHub()
	defer hub.Close()
	users := make([]string, 200)
	for i := range users {
		users[i] = "user-" + strconv.Itoa(i)
		_, cancel := hub.Subscribe(users[i])
		defer cancel()
	}
	b.Run("one", func(b *testing.B) {
		i := 0
		for b.Loop() {
			hub.Notify(users[i%len(users)])
			i++
		}
	})
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			hub.Notify(users...)
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				hub.Notify(users[i%len(users)])
				i++
			}
		})
	})
}

// A stream ends at Until, and when Alive says no at a heartbeat, with
// nothing sent after; without either it would wait for a wake-up forever.
func TestServeEndsAtUntilAndWhenNotAlive(t *testing.T) {
	none := func(context.Context, int64) ([]Event, error) { return nil, nil }
	for _, tc := range []struct {
		name string
		opts StreamOptions
	}{
		{"until", StreamOptions{Fetch: none, Until: time.Now().Add(20 * time.Millisecond), Heartbeat: time.Hour}},
		{"not alive", StreamOptions{Fetch: none, Heartbeat: 10 * time.Millisecond,
			Alive: func(context.Context) bool { return false }}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			done := make(chan error, 1)
			go func() { done <- Serve(rec, httptest.NewRequest(http.MethodGet, "/", nil), tc.opts) }()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the stream did not end")
			}
			if got := rec.Body.String(); got != "retry: 2000\n\n" {
				t.Errorf("stream = %q", got)
			}
		})
	}
}
