// Package notify sends Kinerja's notifications by e-mail through an SMTP
// server, when the installation configures one.
package notify

import (
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// Mailer sends one plain-text message.
type Mailer interface {
	Send(to, subject, body string) error
}

// SMTP is a mail server, configured by a URL:
//
//	smtp://user:password@mail.example.go.id:587?from=kinerja@example.go.id
//
// net/smtp upgrades to TLS with STARTTLS when the server offers it, and
// refuses to send a password over a plain connection except to localhost.
type SMTP struct {
	Addr string
	From string
	Auth smtp.Auth
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
	if u.User != nil {
		pw, _ := u.User.Password()
		s.Auth = smtp.PlainAuth("", u.User.Username(), pw, host)
	}
	return s, nil
}

// Send sends a plain-text message in UTF-8.
func (s *SMTP) Send(to, subject, body string) error {
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
	return smtp.SendMail(s.Addr, s.Auth, s.From, []string{to}, []byte(msg))
}
