package app

import (
	"sync"
	"time"
)

// Sign-in limits: after this many failures within the window, further
// attempts are refused until the oldest failure leaves the window.
const (
	failuresPerAccount = 5
	failuresPerAddress = 30
	failureWindow      = 15 * time.Minute
)

// limiter counts failed sign-ins per account and per address, in memory:
// one process serves an installation.
type limiter struct {
	mu    sync.Mutex
	now   func() time.Time
	fails map[string][]time.Time
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, fails: map[string][]time.Time{}}
}

// blocked reports whether key has reached max failures, and when it frees.
func (l *limiter) blocked(key string, max int) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	recent := l.prune(key)
	if len(recent) < max {
		return false, 0
	}
	return true, recent[0].Add(failureWindow).Sub(l.now())
}

func (l *limiter) fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fails[key] = append(l.prune(key), l.now())
}

func (l *limiter) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, key)
}

func (l *limiter) prune(key string) []time.Time {
	cut := l.now().Add(-failureWindow)
	ts := l.fails[key]
	i := 0
	for i < len(ts) && ts[i].Before(cut) {
		i++
	}
	ts = ts[i:]
	if len(ts) == 0 {
		delete(l.fails, key)
	} else {
		l.fails[key] = ts
	}
	return ts
}
