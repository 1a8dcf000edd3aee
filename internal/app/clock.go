package app

import (
	"context"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Each instansi works by its own clock, one of Indonesia's three time
// zones: its "today" (a date still to come, a late entry, the report
// deadlines, the reminders, the date of the SKP document) is the date on
// that clock. Every date of "today" in app comes from Today, which needs
// the instansi, so no rule can fall back on the server's zone.

// zoneTTL is how long the zone of an instansi is kept in memory: it
// rarely changes, and a change made through this process is seen at once.
const zoneTTL = time.Minute

// zoneCache keeps each instansi's time zone; its zero value is ready.
type zoneCache struct {
	mu    sync.Mutex
	zones map[string]cachedZone
}

type cachedZone struct {
	zone model.TimeZone
	at   time.Time
}

// TimeZone is the time zone the instansi works by: WIB when it never
// chose one (or cannot be read).
func (a *App) TimeZone(ctx context.Context, instansiID string) model.TimeZone {
	if instansiID == "" {
		return model.DefaultTimeZone
	}
	c := &a.zones
	c.mu.Lock()
	z, ok := c.zones[instansiID]
	c.mu.Unlock()
	if ok && time.Since(z.at) < zoneTTL {
		return z.zone
	}
	zone, err := a.store.InstansiTimeZone(ctx, instansiID)
	if err != nil {
		if ctx.Err() == nil {
			a.log.Warn("read the instansi's time zone", "instansi", instansiID, "err", err)
		}
		return model.DefaultTimeZone
	}
	c.mu.Lock()
	if c.zones == nil {
		c.zones = map[string]cachedZone{}
	}
	c.zones[instansiID] = cachedZone{zone: zone, at: time.Now()}
	c.mu.Unlock()
	return zone
}

// Today is the date on the instansi's clock.
func (a *App) Today(ctx context.Context, instansiID string) model.Date {
	return a.TimeZone(ctx, instansiID).Today(a.now())
}

// NowIn is the application clock's instant on the instansi's clock (its
// location is the zone, named WIB, WITA or WIT).
func (a *App) NowIn(ctx context.Context, instansiID string) time.Time {
	return a.now().In(a.TimeZone(ctx, instansiID).Location())
}

// todayByZone gives today's date in each of Indonesia's time zones, for
// work done across every instansi at once (the reminders).
func (a *App) todayByZone() map[model.TimeZone]model.Date {
	now := a.now()
	out := make(map[model.TimeZone]model.Date, len(model.TimeZones))
	for _, z := range model.TimeZones {
		out[z] = z.Today(now)
	}
	return out
}

// SetTimeZone changes the time zone the actor's instansi works by (BKPSDM):
// one of Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).
// The change is audited.
func (a *App) SetTimeZone(ctx context.Context, actor model.Actor, name string) error {
	if !authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID}) {
		return forbidden("set the instansi's time zone")
	}
	z, err := model.ParseTimeZone(name)
	if err != nil {
		return err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.SetInstansiTimeZone(ctx, actor.InstansiID, z)
	})
	a.zones.mu.Lock()
	delete(a.zones.zones, actor.InstansiID)
	a.zones.mu.Unlock()
	return err
}

// deadlinePassed reports whether the report deadline of period p has
// passed on its instansi's clock.
func (a *App) deadlinePassed(ctx context.Context, p model.Period) bool {
	return a.TimeZone(ctx, p.InstansiID).DeadlinePassed(p, a.now())
}
