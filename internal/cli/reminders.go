package cli

import (
	"context"
	"log/slog"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
)

// reminderInterval is how often the server looks for coaching reviews
// that fell due.
const reminderInterval = time.Hour

// reminderLoop reminds the ASN and the coach of every coaching session
// whose review is due, once at start and then every reminderInterval,
// until ctx ends. Each session is reminded of once, however often it runs.
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
