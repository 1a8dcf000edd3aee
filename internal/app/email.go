package app

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/notify"
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
