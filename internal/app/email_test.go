package app_test

import (
	"bufio"
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/notify"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// fakeSMTP is a minimal SMTP server on loopback that keeps what it gets.
type fakeSMTP struct {
	ln   net.Listener
	mu   sync.Mutex
	msgs []string
}

func startSMTP(t *testing.T) *fakeSMTP {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeSMTP{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go f.serve(c)
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return f
}

func (f *fakeSMTP) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(c)
	say := func(s string) { c.Write([]byte(s + "\r\n")) }
	say("220 fake ESMTP")
	var data strings.Builder
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250 fake")
		case strings.HasPrefix(cmd, "MAIL"), strings.HasPrefix(cmd, "RCPT"):
			say("250 ok")
			data.WriteString(strings.TrimSpace(line) + "\n")
		case cmd == "DATA":
			say("354 go on")
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				data.WriteString(l)
			}
			f.mu.Lock()
			f.msgs = append(f.msgs, data.String())
			f.mu.Unlock()
			data.Reset()
			say("250 queued")
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			say("250 ok")
		}
	}
}

// startMailer starts a fakeSMTP and the mailer that sends to it.
func startMailer(t *testing.T) (*fakeSMTP, *notify.SMTP) {
	t.Helper()
	srv := startSMTP(t)
	mailer, err := notify.ParseSMTP("smtp://" + srv.ln.Addr().String() + "?from=kinerja@uji.go.id")
	if err != nil {
		t.Fatal(err)
	}
	return srv, mailer
}

// giveKabidAnAddress records siti@uji.go.id as the Kabid's e-mail.
func giveKabidAnAddress(t *testing.T, s *store.Store, e env) {
	t.Helper()
	ctx := context.Background()
	if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
		k := e.o.Kabid
		k.Email = "siti@uji.go.id"
		_, err := tx.UpdateEmployee(ctx, k)
		return err
	}); err != nil {
		t.Fatal(err)
	}
}

func (f *fakeSMTP) messages() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.msgs...)
}

func TestUnreadNotificationsAreEmailed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		srv, mailer := startMailer(t)
		// Give the Kabid an address; the Kadis has none.
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		giveKabidAnAddress(t, s, e)
		// A return notifies the Kabid; a submit notifies the Kadis.
		kb, _ := e.a.CreateSKP(ctx, who["kabid"], e.o.Kabid.ID, 2026, model.ApproachKuantitatif)
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			return tx.Notify(ctx, model.Notification{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Kabid.ID, Kind: "skp.return",
				Title: "SKP 2026 Anda dikembalikan untuk diperbaiki", Body: "Tambahkan indikator kualitas", Link: "/skp/" + kb.ID})
		}); err != nil {
			t.Fatal(err)
		}
		if n, err := e.a.SendPendingEmails(ctx, mailer, app.EmailDelay, "https://kinerja.example"); err != nil || n != 0 {
			t.Fatalf("before the delay: sent %d, %v", n, err)
		}
		// The store stamps rows with the wall clock; move the app's past it.
		e.clock.add(time.Since(e.clock.now()) + app.EmailDelay + time.Minute)
		n, err := e.a.SendPendingEmails(ctx, mailer, app.EmailDelay, "https://kinerja.example")
		if err != nil || n != 1 {
			t.Fatalf("after the delay: sent %d, %v", n, err)
		}
		msgs := srv.messages()
		if len(msgs) != 1 || !strings.Contains(msgs[0], "RCPT TO:<siti@uji.go.id>") || !strings.Contains(msgs[0], "Subject: [Kinerja] SKP 2026 Anda dikembalikan") ||
			!strings.Contains(msgs[0], "Tambahkan indikator kualitas") || !strings.Contains(msgs[0], "https://kinerja.example/skp/"+kb.ID) {
			t.Fatalf("messages = %q", msgs)
		}
		if n, _ := e.a.SendPendingEmails(ctx, mailer, app.EmailDelay, "https://kinerja.example"); n != 0 {
			t.Errorf("a notification was e-mailed twice")
		}
		// One read in the app is not e-mailed.
		s.Write(ctx, sys, func(tx *store.Tx) error {
			return tx.Notify(ctx, model.Notification{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Kabid.ID, Kind: "skp.approve", Title: "SKP disetujui"})
		})
		if _, err := e.a.Notifications(ctx, who["kabid"], ""); err != nil {
			t.Fatal(err)
		}
		e.clock.add(app.EmailDelay + time.Minute)
		if n, _ := e.a.SendPendingEmails(ctx, mailer, app.EmailDelay, "https://kinerja.example"); n != 0 {
			t.Errorf("a notification read in the app was e-mailed")
		}
	})
}

// TestEmailsGiveUpOnASilentServer: a mail server that accepts and never
// answers costs one timeout, and the notification stays queued.
func TestEmailsGiveUpOnASilentServer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				defer c.Close() // held open, silent, until the test ends
			}
		}()
		mailer, err := notify.ParseSMTP("smtp://" + ln.Addr().String() + "?from=kinerja@uji.go.id&timeout=300ms")
		if err != nil {
			t.Fatal(err)
		}
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			k := e.o.Kabid
			k.Email = "siti@uji.go.id"
			if _, err := tx.UpdateEmployee(ctx, k); err != nil {
				return err
			}
			return tx.Notify(ctx, model.Notification{InstansiID: e.o.Instansi.ID, EmployeeID: k.ID, Kind: "skp.approve", Args: []string{k.Name, "2026", ""}})
		}); err != nil {
			t.Fatal(err)
		}
		e.clock.add(time.Since(e.clock.now()) + app.EmailDelay + time.Minute)
		start := time.Now()
		if n, err := e.a.SendPendingEmails(ctx, mailer, app.EmailDelay, "https://kinerja.example"); err == nil || n != 0 {
			t.Errorf("a silent server: sent %d, %v", n, err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("sending took %v", took)
		}
		if pending, _ := s.PendingEmails(ctx, e.clock.now(), 10); len(pending) != 1 {
			t.Errorf("the notification left the queue: %+v", pending)
		}
	})
}

// Someone who chose the daily digest gets no single e-mails but one
// digest a day, from 07:00 on the instansi's clock, listing what they
// have not read; nothing read or sent before is sent again.
func TestDailyDigestReplacesSingleEmails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		srv, mailer := startMailer(t)
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		giveKabidAnAddress(t, s, e)
		if err := e.a.SetEmailDigest(ctx, who["kabid"], true); err != nil {
			t.Fatal(err)
		}
		if on, err := e.a.EmailDigest(ctx, who["kabid"]); err != nil || !on {
			t.Fatalf("the choice was not kept: %v, %v", on, err)
		}
		notify := func(title string) {
			t.Helper()
			if err := s.Write(ctx, sys, func(tx *store.Tx) error {
				return tx.Notify(ctx, model.Notification{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Kabid.ID, Kind: "skp.return", Title: title, Link: "/skp"})
			}); err != nil {
				t.Fatal(err)
			}
		}
		at := func(day, hour int) { // WIB, which the test instansi keeps
			e.clock.add(time.Date(2027, 3, day, hour, 30, 0, 0, model.WIB).Sub(e.clock.now()))
		}
		notify("SKP pertama dikembalikan")
		notify("SKP kedua dikembalikan")
		at(1, 6)
		if n, err := e.a.SendPendingEmails(ctx, mailer, app.EmailDelay, "https://kinerja.example"); err != nil || n != 0 {
			t.Fatalf("single e-mails to someone who chose the digest: %d, %v", n, err)
		}
		if n, err := e.a.SendDigests(ctx, mailer, "https://kinerja.example"); err != nil || n != 0 {
			t.Fatalf("a digest before 07:00: %d, %v", n, err)
		}
		at(1, 7)
		if n, err := e.a.SendDigests(ctx, mailer, "https://kinerja.example"); err != nil || n != 1 {
			t.Fatalf("the digest at 07:30: %d, %v", n, err)
		}
		msgs := srv.messages()
		if len(msgs) != 1 || !strings.Contains(msgs[0], "RCPT TO:<siti@uji.go.id>") || !strings.Contains(msgs[0], "Ringkasan pemberitahuan 1 Maret 2027") ||
			!strings.Contains(msgs[0], "SKP pertama dikembalikan") || !strings.Contains(msgs[0], "SKP kedua dikembalikan") {
			t.Fatalf("messages = %q", msgs)
		}
		notify("SKP ketiga dikembalikan")
		at(1, 9)
		if n, _ := e.a.SendDigests(ctx, mailer, "https://kinerja.example"); n != 0 {
			t.Errorf("a second digest the same day")
		}
		at(2, 7)
		if n, _ := e.a.SendDigests(ctx, mailer, "https://kinerja.example"); n != 1 {
			t.Fatalf("the next day's digest: %d", n)
		}
		if msgs := srv.messages(); len(msgs) != 2 || strings.Contains(msgs[1], "SKP pertama") || !strings.Contains(msgs[1], "SKP ketiga") {
			t.Errorf("the second digest = %q", msgs[len(msgs)-1])
		}
	})
}
