package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// openStream opens GET /api/v1/events with token and returns a channel
// closed when the server ends the stream.
func (e env) openStream(t *testing.T, token string) <-chan struct{} {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", e.url+"/api/v1/events", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("events: %d", resp.StatusCode)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body) // until the server ends the stream (or the test cancels)
	}()
	return done
}

// endsSoon fails unless the stream ends within a second: a session that
// ends ends its streams at once, not at their next heartbeat (25 s).
func endsSoon(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Errorf("%s: the stream is still open a second later", what)
	}
}

// stillOpen fails when the stream has ended.
func stillOpen(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
		t.Errorf("%s: a stream of a session in force ended", what)
	case <-time.After(100 * time.Millisecond):
	}
}

// Every way a session ends ends its open event streams: signing out,
// revoking it from another session, a new password (which keeps the
// session in use); and one user holds a bounded number of streams.
func TestStreamsEndWithTheirSession(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)

		// Signing out.
		tok := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		done := e.openStream(t, tok)
		if r := e.post(t, "/api/v1/auth/logout", tok, nil); r.status != http.StatusNoContent && r.status != http.StatusOK {
			t.Fatalf("logout: %d %s", r.status, r.body)
		}
		endsSoon(t, done, "signed out")
		if r := e.get(t, "/api/v1/events", tok); r.status != http.StatusUnauthorized {
			t.Errorf("a signed-out token opened a stream: %d", r.status)
		}

		// Revoked from another session of the same user.
		first := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		second := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		done1, done2 := e.openStream(t, first), e.openStream(t, second)
		var list struct {
			Items []struct {
				ID      string `json:"id"`
				Current bool   `json:"current"`
			} `json:"items"`
		}
		if err := json.Unmarshal(e.get(t, "/api/v1/sessions", second).body, &list); err != nil {
			t.Fatal(err)
		}
		revoked := 0
		for _, it := range list.Items {
			if !it.Current {
				if r := e.do(t, "DELETE", "/api/v1/sessions/"+it.ID, second, "", nil); r.status >= 300 {
					t.Fatalf("revoke: %d %s", r.status, r.body)
				}
				revoked++
			}
		}
		if revoked == 0 {
			t.Fatal("no other session to revoke")
		}
		endsSoon(t, done1, "revoked from another session")
		stillOpen(t, done2, "the session that revoked the others")

		// A new password ends every other session's streams, not this one's.
		third := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		done3 := e.openStream(t, third)
		if r := e.post(t, "/api/v1/me/password", second, map[string]string{"current_password": "rahasia-staf1",
			"new_password": "Gunung-Merapi-Terbit-2026"}); r.status >= 300 {
			t.Fatalf("change password: %d %s", r.status, r.body)
		}
		endsSoon(t, done3, "another session after a new password")
		stillOpen(t, done2, "the session that changed the password")

		// One user holds at most eight streams: a ninth ends the oldest.
		tok = e.login(t, storetest.NIPKabid, "rahasia-kabid")
		var streams []<-chan struct{}
		for range 9 {
			streams = append(streams, e.openStream(t, tok))
		}
		endsSoon(t, streams[0], "the oldest of nine streams")
		for i, d := range streams[1:] {
			select {
			case <-d:
				t.Errorf("stream %d of nine ended", i+2)
			default:
			}
		}
	})
}
