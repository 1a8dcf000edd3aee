// Package notify sends Kinerja's notifications by e-mail through an SMTP
// server, when the installation configures one.
package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// Mailer sends one plain-text message. It gives up when ctx ends.
type Mailer interface {
	Send(ctx context.Context, to, subject, body string) error
}

// DefaultTimeout bounds one message's whole conversation with the server
// when SMTP.Timeout is not set.
const DefaultTimeout = 30 * time.Second

// SMTP is a mail server, configured by a URL:
//
//	smtp://user:password@mail.example.go.id:587?from=kinerja@example.go.id&timeout=20s
//
// timeout (optional, a Go duration) bounds each message; DefaultTimeout
// otherwise.
// net/smtp upgrades to TLS with STARTTLS when the server offers it, and
// refuses to send a password over a plain connection except to localhost.
type SMTP struct {
	Addr string
	From string
	Auth smtp.Auth
	// Timeout bounds one message from dialling to QUIT (DefaultTimeout
	// when zero), so a server that accepts and never answers cannot hold
	// the sender forever.
	Timeout time.Duration
}

// ParseSMTP reads an smtp:// URL.
func ParseSMTP(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "smtp" || u.Host == "" {
		return nil, fmt.Errorf("SMTP server %q: use smtp://[user:password@]host:port?from=address", raw)
	}
	from := u.Query().Get("from")
	if _, err := mail.ParseAddress(from); err != nil {
		return nil, fmt.Errorf("SMTP server: from=%q is not an e-mail address", from)
	}
	host, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		host, port = u.Host, "25"
	}
	s := &SMTP{Addr: net.JoinHostPort(host, port), From: from}
	if t := u.Query().Get("timeout"); t != "" {
		if s.Timeout, err = time.ParseDuration(t); err != nil || s.Timeout <= 0 {
			return nil, fmt.Errorf("SMTP server: timeout=%q is not a duration such as 20s", t)
		}
	}
	if u.User != nil {
		pw, _ := u.User.Password()
		s.Auth = smtp.PlainAuth("", u.User.Username(), pw, host)
	}
	return s, nil
}

// Send sends a plain-text message in UTF-8. It gives up when ctx ends or
// the timeout passes, whichever comes first.
func (s *SMTP) Send(ctx context.Context, to, subject, body string) error {
	if strings.ContainsAny(to, "\r\n") {
		return fmt.Errorf("invalid recipient %q", to)
	}
	msg := "From: " + s.From + "\r\n" +
		"To: " + to + "\r\n" +
		"Subject: " + mime.QEncoding.Encode("utf-8", strings.ReplaceAll(subject, "\n", " ")) + "\r\n" +
		"Date: " + time.Now().UTC().Format(time.RFC1123Z) + "\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"Content-Transfer-Encoding: 8bit\r\n\r\n" +
		strings.ReplaceAll(body, "\n", "\r\n") + "\r\n"
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	err := s.send(ctx, to, []byte(msg))
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		// The connection's deadlines are ctx's: it ends at the same time.
		<-ctx.Done()
	}
	if err != nil && ctx.Err() != nil {
		err = fmt.Errorf("%w (%w)", err, ctx.Err())
	}
	if err != nil {
		return fmt.Errorf("SMTP %s: %w", s.Addr, err)
	}
	return nil
}

// send holds the conversation of smtp.SendMail on a connection whose
// deadline is ctx's and which is cut when ctx is cancelled.
func (s *SMTP) send(ctx context.Context, to string, msg []byte) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		if err := conn.SetDeadline(deadline); err != nil {
			return err
		}
	}
	// A cancelled context unblocks a read or write in progress.
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	host, _, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return err
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: host}); err != nil {
			return err
		}
	}
	if s.Auth != nil {
		if ok, _ := c.Extension("AUTH"); !ok {
			return errors.New("the server does not offer AUTH")
		}
		if err := c.Auth(s.Auth); err != nil {
			return err
		}
	}
	if err := c.Mail(s.From); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}
