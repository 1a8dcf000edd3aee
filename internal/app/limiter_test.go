package app

import (
	"fmt"
	"testing"
	"time"
)

// A spray of addresses and names keeps the limiter's tables within their
// bound, and an attacker's counted failures outlast the spray that would
// push them out.
func TestLimiterStaysBoundedUnderSpray(t *testing.T) {
	now := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	l := newLimiter(func() time.Time { return now })
	for range pairBudget {
		at, _ := l.reserve("walikota", "203.0.113.66")
		at.failed()
	}
	for i := range 5 * maxBudgets {
		at, wait := l.reserve(fmt.Sprintf("tebak%d", i), fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
		if at == nil {
			t.Fatalf("attempt %d waited %s", i, wait)
		}
		at.failed()
		if i%1000 == 0 {
			now = now.Add(time.Millisecond)
		}
	}
	if n := l.size(); n > 3*maxBudgets {
		t.Fatalf("the limiter holds %d entries after the spray (bound %d per table)", n, maxBudgets)
	}
	if at, wait := l.reserve("walikota", "203.0.113.66"); at != nil || wait <= 0 {
		t.Fatal("the spray pushed out the attacker's count")
	}
	// Counts fade after an hour without failure.
	now = now.Add(failureMemory)
	if at, _ := l.reserve("walikota", "203.0.113.66"); at == nil {
		t.Fatal("the count did not fade")
	}
}

// The hash gate lets a bounded number run and a bounded number wait; the
// rest are refused at once with a short wait.
func TestHashGateBoundsHashes(t *testing.T) {
	g := newHashGate(2, false)
	var releases []func()
	for range 2 {
		r, err := g.enter(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, r)
	}
	for range cap(g.waiting) {
		g.waiting <- struct{}{} // the queue is full
	}
	if _, err := g.enter(t.Context()); err == nil {
		t.Fatal("a full gate and queue let a hash in")
	}
	for range cap(g.waiting) {
		<-g.waiting
	}
	done := make(chan error)
	go func() {
		r, err := g.enter(t.Context())
		if err == nil {
			r()
		}
		done <- err
	}()
	releases[0]()
	if err := <-done; err != nil {
		t.Fatalf("a waiting hash after a slot freed: %v", err)
	}
	releases[1]()
}
