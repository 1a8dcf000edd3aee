package apptest

import (
	"context"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Clock is a test clock that runs with real time, and is moved for a
// moment where a test must act on a day still to come: a period is
// closed or locked only once its last day has passed, so a test that
// closes the current month or year does it on the morning after (AfterEnd)
// and goes on today. Its zero value is ready.
type Clock struct {
	mu sync.Mutex
	at time.Time // while moved; zero: real time
}

// Now is the clock's instant: the moved one while At runs, else real time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() {
		return c.at
	}
	return time.Now()
}

// At runs fn with the clock at t, then lets it run with real time again.
func (c *Clock) At(t time.Time, fn func()) {
	c.mu.Lock()
	was := c.at
	c.at = t
	c.mu.Unlock()
	defer func() { c.mu.Lock(); c.at = was; c.mu.Unlock() }()
	fn()
}

// AfterEnd is 09:00 WIB on the day after period p's last day: the first
// morning it may be closed or locked.
func AfterEnd(p model.Period) time.Time {
	return p.End.Time().AddDate(0, 0, 1).Add(2 * time.Hour)
}

// MovePeriod moves period p as actor, as the administrator would on the
// first day the move is allowed: a close or a lock before the morning
// after p's last day is made then (the clock c moved for the act only).
func (c *Clock) MovePeriod(ctx context.Context, a *app.App, actor model.Actor, p model.Period, reason string) error {
	if after := AfterEnd(p); (p.Status == model.PeriodClosed || p.Status == model.PeriodLocked) && c.Now().Before(after) {
		var err error
		c.At(after, func() { err = a.MovePeriod(ctx, actor, p, reason) })
		return err
	}
	return a.MovePeriod(ctx, actor, p, reason)
}
