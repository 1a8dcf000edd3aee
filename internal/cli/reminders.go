package cli

import (
	"context"
	"log/slog"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
)

// reminderInterval is how often the server looks for coaching reviews
// that fell due, for SKPs of Plt/Plh posts whose end has passed, and for
// SKPs that a placement starting today hands to another rater.
const reminderInterval = time.Hour

// reminderLoop reminds the ASN and the coach of every coaching session
// whose review is due, and hands the SKPs waiting for approval to whoever
// rates them today (telling the new pejabat penilai on the day a change
// recorded ahead of time starts), once at start and then every
// reminderInterval, until ctx ends. Each session is reminded of once and
// each change of hands told once, however often it runs.
func reminderLoop(ctx context.Context, a *app.App, log *slog.Logger) {
	remind := func() {
		n, err := a.RemindCoachingReviews(ctx)
		switch {
		case ctx.Err() != nil:
			// shutting down: the database may be closing under us
		case err != nil:
			log.Warn("coaching review reminders", "err", err, "reminded", n)
		case n > 0:
			log.Info("coaching review reminders", "reminded", n)
		}
		if _, err := a.ApplyEndedPlacements(ctx); err != nil && ctx.Err() == nil {
			log.Warn("placements ended ahead of time", "err", err)
		}
		if _, err := a.SyncRaters(ctx); err != nil && ctx.Err() == nil {
			log.Warn("SKP raters of today", "err", err)
		}
	}
	remind()
	t := time.NewTicker(reminderInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			remind()
		}
	}
}
