package app

import (
	"context"
	"fmt"
	"time"

	"github.com/kinerja-id/kinerja/internal/notify"
)

// EmailDelay is how long a notification waits to be read in the app before
// it is also sent by e-mail.
const EmailDelay = 5 * time.Minute

// SendPendingEmails e-mails the notifications that stayed unread in the app
// for longer than delay, to employees with an address, and returns how many
// it sent. baseURL makes their links absolute.
func (a *App) SendPendingEmails(ctx context.Context, m notify.Mailer, delay time.Duration, baseURL string) (int, error) {
	pending, err := a.Store.PendingEmails(ctx, a.Now().Add(-delay), 100)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, p := range pending {
		body := fmt.Sprintf("Yth. %s,\n\n%s\n", p.Name, p.Title)
		if p.Body != "" {
			body += "\n" + p.Body + "\n"
		}
		if p.Link != "" {
			body += "\nBuka: " + baseURL + p.Link + "\n"
		}
		body += "\nPesan ini dikirim oleh Kinerja karena notifikasi di atas belum dibaca di aplikasi.\n"
		if err := m.Send(p.Email, "[Kinerja] "+p.Title, body); err != nil {
			return sent, fmt.Errorf("e-mail notification %s: %w", p.ID, err)
		}
		if err := a.Store.MarkEmailed(ctx, p.ID, a.Now()); err != nil {
			return sent, err
		}
		sent++
	}
	return sent, nil
}
