package app

import (
	"context"
	"sync"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// The counts behind an OPD's curve in a period (its assessments as the
// curve counts them, their tally, and each rater's predikat) are read and
// tallied once and kept
// while nothing they count changes: every write of what they count bumps
// the version of the OPD's calibration row for the period in its own
// transaction (the acts take it with store.Tx.LockCalibration; the store's
// UpdateAssessment, CreateAssessments, SeedAssessments and SetSKPStatus
// bump it themselves), and the raters' names are kept against the
// organisation's version, which a new name bumps. A reader asks the two
// versions (one row each) and counts again only when one moved, so the
// check holds across processes (a seed, another server on the same
// database) where an in-process event would not. An OPD's period without
// a calibration row yet (version 0) is never kept.

// curveCacheSize bounds how many OPD periods are kept; the largest
// synthetic OPD's counts take a few megabytes.
const curveCacheSize = 32

// curveCounts is what the store counts for a curve.
type curveCounts struct {
	entries []model.CurveEntry
	tally   model.CurveTally   // of entries, as everyone but an OPD head with an unsent result of their own reads it
	raters  []store.RaterCount // nil until asked for
	spread  []RaterSpread      // of raters, as everyone but an OPD head with an unsent result of their own reads it
}

type cachedCurve struct {
	calibration int   // the calibration row's version when read
	org         int64 // the organisation's version when read
	counts      curveCounts
	used        uint64
}

// curveCache holds the counts of recently read curves, and the counts
// being read now, so that readers who miss at once wait for one count
// rather than each making their own.
type curveCache struct {
	mu      sync.Mutex
	byKey   map[sendKey]*cachedCurve
	loading map[sendKey]*curveLoad
	tick    uint64
}

// curveLoad is a count being read at the versions it names.
type curveLoad struct {
	done        chan struct{}
	calibration int
	org         int64
	raters      bool
	counts      curveCounts
	err         error
}

// join answers the count being read for k at these versions, or
// registers l as the one being read (and answers nil): the caller then
// reads and calls finish.
func (c *curveCache) join(k sendKey, l *curveLoad) *curveLoad {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cur := c.loading[k]; cur != nil && cur.calibration == l.calibration && (!l.raters || (cur.raters && cur.org == l.org)) {
		return cur
	}
	if c.loading == nil {
		c.loading = map[sendKey]*curveLoad{}
	}
	c.loading[k] = l
	return nil
}

// finish ends the read l, keeping what it counted.
func (c *curveCache) finish(k sendKey, l *curveLoad) {
	if l.err == nil && l.calibration > 0 {
		c.put(k, l.calibration, l.org, l.counts)
	}
	c.mu.Lock()
	if c.loading[k] == l {
		delete(c.loading, k)
	}
	c.mu.Unlock()
	close(l.done)
}

func (c *curveCache) get(k sendKey, calibration int, org int64, raters bool) (curveCounts, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.byKey[k]
	if e == nil || e.calibration != calibration || (raters && (e.org != org || e.counts.raters == nil)) {
		return curveCounts{}, false
	}
	c.tick++
	e.used = c.tick
	return e.counts, true
}

func (c *curveCache) put(k sendKey, calibration int, org int64, counts curveCounts) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[sendKey]*cachedCurve{}
	}
	if old := c.byKey[k]; old != nil && (old.calibration > calibration || (old.calibration == calibration && old.org > org)) {
		return // a newer read is kept already
	}
	if _, ok := c.byKey[k]; !ok && len(c.byKey) >= curveCacheSize {
		var oldest sendKey
		first := true
		for key, e := range c.byKey {
			if first || e.used < c.byKey[oldest].used {
				oldest, first = key, false
			}
		}
		delete(c.byKey, oldest)
	}
	c.tick++
	c.byKey[k] = &cachedCurve{calibration: calibration, org: org, counts: counts, used: c.tick}
}

// curveCounts answers the counts of an OPD's curve in a period whose
// calibration row was read as cal, from the cache while neither cal's
// version nor the organisation's moved since they were kept. The
// versions are read before the counts, so that counts kept under a
// version are never older than it. raters asks for the raters' counts as
// well, and each rater's spread. The answer is shared: callers do not
// change it.
func (a *App) curveCounts(ctx context.Context, instansiID string, cal model.Calibration, raters bool) (curveCounts, error) {
	k := sendKey{cal.OPDID, cal.PeriodID}
	var org int64
	if raters {
		var err error
		if org, err = a.store.OrgVersion(ctx, instansiID); err != nil {
			return curveCounts{}, err
		}
	}
	if cal.Version == 0 {
		return a.countCurve(ctx, cal, raters)
	}
	if c, ok := a.curves.get(k, cal.Version, org, raters); ok {
		return c, nil
	}
	l := &curveLoad{done: make(chan struct{}), calibration: cal.Version, org: org, raters: raters}
	if cur := a.curves.join(k, l); cur != nil {
		select {
		case <-cur.done:
			return cur.counts, cur.err
		case <-ctx.Done():
			return curveCounts{}, ctx.Err()
		}
	}
	// Counted without the caller's cancellation: readers waiting for it
	// may still want it.
	l.counts, l.err = a.countCurve(context.WithoutCancel(ctx), cal, raters)
	a.curves.finish(k, l)
	return l.counts, l.err
}

// countCurve reads and tallies the counts of a curve from the store.
func (a *App) countCurve(ctx context.Context, cal model.Calibration, raters bool) (curveCounts, error) {
	var c curveCounts
	var err error
	if c.entries, err = a.store.CurveEntries(ctx, cal.OPDID, cal.PeriodID); err != nil {
		return c, err
	}
	c.tally = model.TallyCurve(c.entries)
	if raters {
		if c.raters, err = a.store.RaterCounts(ctx, cal.OPDID, cal.PeriodID); err != nil {
			return c, err
		}
		if c.raters == nil {
			c.raters = []store.RaterCount{}
		}
		c.spread = raterSpreads(c.raters)
	}
	return c, nil
}
