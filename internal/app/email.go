package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/notify"
	"github.com/kinerja-id/kinerja/internal/store"
)

// EmailDelay is how long a notification waits to be read in the app before
// it is also sent by e-mail.
const EmailDelay = 5 * time.Minute

// SendPendingEmails e-mails the notifications that stayed unread in the app
// for longer than delay, to employees with an address, each in the language
// of the recipient's account, and returns how many it sent. baseURL makes
// their links absolute. It stops when ctx ends.
func (a *App) SendPendingEmails(ctx context.Context, m notify.Mailer, delay time.Duration, baseURL string) (int, error) {
	pending, err := a.store.PendingEmails(ctx, a.Now().Add(-delay), 100)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, p := range pending {
		lang := locale.Normalize(p.Locale)
		title, text := RenderNotification(lang, p.Notification)
		body := locale.T(lang, "notif.email.greeting", p.Name) + "\n\n" + title + "\n"
		if text != "" {
			body += "\n" + text + "\n"
		}
		if p.Link != "" {
			body += "\n" + locale.T(lang, "notif.email.open", baseURL+p.Link) + "\n"
		}
		body += "\n" + locale.T(lang, "notif.email.why") + "\n"
		if err := m.Send(ctx, p.Email, "[Kinerja] "+title, body); err != nil {
			return sent, fmt.Errorf("e-mail notification %s: %w", p.ID, err)
		}
		if err := a.store.MarkEmailed(ctx, p.ID, a.Now()); err != nil {
			return sent, err
		}
		sent++
	}
	return sent, nil
}

// DigestHour is the hour of the day, on the instansi's clock, from which
// the daily digest goes out to those who chose it.
const DigestHour = 7

// digestSize is how many notifications one digest lists at most; the rest
// wait for the next day's (the app shows them all).
const digestSize = 50

// SendDigests e-mails, once a day from DigestHour on each instansi's
// clock, one digest of their unread notifications to everyone who chose
// it instead of single messages, in the language of their account, and
// returns how many it sent. baseURL makes their links absolute.
func (a *App) SendDigests(ctx context.Context, m notify.Mailer, baseURL string) (int, error) {
	all, err := a.store.AllInstansi(ctx)
	if err != nil {
		return 0, err
	}
	sent := 0
	now := a.Now()
	for _, inst := range all {
		zone := a.TimeZone(ctx, inst.ID)
		local := now.In(zone.Location())
		from := time.Date(local.Year(), local.Month(), local.Day(), DigestHour, 0, 0, 0, zone.Location())
		if now.Before(from) {
			continue
		}
		due, err := a.store.DigestsDue(ctx, inst.ID, from, digestSize)
		if err != nil {
			return sent, err
		}
		for _, d := range due {
			lang := locale.Normalize(d.Locale)
			day := model.Date(local.Format(time.DateOnly)) // shown as the reader writes dates
			var b strings.Builder
			b.WriteString(locale.T(lang, "notif.email.greeting", d.Name) + "\n\n")
			b.WriteString(locale.T(lang, "notif.digest.intro", len(d.Notifications), day) + "\n")
			ids := make([]string, len(d.Notifications))
			for i, n := range d.Notifications {
				ids[i] = n.ID
				title, text := RenderNotification(lang, n)
				b.WriteString("\n- " + title + "\n")
				if text != "" {
					b.WriteString("  " + text + "\n")
				}
				if n.Link != "" {
					b.WriteString("  " + locale.T(lang, "notif.email.open", baseURL+n.Link) + "\n")
				}
			}
			b.WriteString("\n" + locale.T(lang, "notif.digest.why") + "\n")
			if err := m.Send(ctx, d.Email, "[Kinerja] "+locale.T(lang, "notif.digest.subject", day), b.String()); err != nil {
				return sent, fmt.Errorf("e-mail digest to user %s: %w", d.UserID, err)
			}
			if err := a.store.MarkDigestSent(ctx, d.UserID, ids, now); err != nil {
				return sent, err
			}
			sent++
		}
	}
	return sent, nil
}

// EmailDigest reports whether the actor receives a daily digest by e-mail
// instead of an e-mail per notification.
func (a *App) EmailDigest(ctx context.Context, actor model.Actor) (bool, error) {
	return a.store.EmailDigest(ctx, actor.UserID)
}

// SetEmailDigest chooses the daily digest (on) or an e-mail per
// notification (off) for the actor's own account.
func (a *App) SetEmailDigest(ctx context.Context, actor model.Actor, on bool) error {
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.SetEmailDigest(ctx, actor.UserID, on) })
}
