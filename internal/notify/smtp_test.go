package notify

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

func TestParseSMTP(t *testing.T) {
	s, err := ParseSMTP("smtp://kinerja:rahasia@mail.example.go.id:587?from=kinerja@example.go.id")
	if err != nil || s.Addr != "mail.example.go.id:587" || s.From != "kinerja@example.go.id" || s.Auth == nil || s.Timeout != 0 {
		t.Fatalf("ParseSMTP = %+v, %v", s, err)
	}
	s, err = ParseSMTP("smtp://127.0.0.1?from=k@example.go.id&timeout=5s")
	if err != nil || s.Addr != "127.0.0.1:25" || s.Auth != nil || s.Timeout != 5*time.Second {
		t.Fatalf("ParseSMTP without port = %+v, %v", s, err)
	}
	for _, bad := range []string{"", "http://mail:25?from=a@b.c", "smtp://mail:25", "smtp://mail:25?from=nobody", "smtp://?from=a@b.c",
		"smtp://mail:25?from=a@b.c&timeout=soon", "smtp://mail:25?from=a@b.c&timeout=-1s"} {
		if _, err := ParseSMTP(bad); err == nil || !strings.Contains(err.Error(), "SMTP") {
			t.Errorf("ParseSMTP(%q) = %v", bad, err)
		}
	}
	if err := (&SMTP{Addr: "127.0.0.1:1", From: "a@b.c"}).Send(context.Background(), "x@y.z\r\nBcc: evil@example.com", "s", "b"); err == nil {
		t.Error("a header injection in the recipient was sent")
	}
}

// silentServer accepts connections and never says a word.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		var conns []net.Conn
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				<-done
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() { ln.Close(); close(done) })
	return ln.Addr().String()
}

func TestSendGivesUpOnASilentServer(t *testing.T) {
	addr := silentServer(t)
	cases := []struct {
		name    string
		timeout time.Duration
		ctx     func() (context.Context, context.CancelFunc)
		want    error
	}{
		{"timeout", 200 * time.Millisecond, func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }, context.DeadlineExceeded},
		{"context deadline", time.Hour, func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 200*time.Millisecond)
		}, context.DeadlineExceeded},
		{"cancelled", time.Hour, func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(200*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := c.ctx()
			defer cancel()
			start := time.Now()
			err := (&SMTP{Addr: addr, From: "kinerja@uji.go.id", Timeout: c.timeout}).Send(ctx, "siti@uji.go.id", "Uji", "Isi")
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("Send took %v", took)
			}
			if err == nil || !errors.Is(err, c.want) {
				t.Errorf("Send = %v, want %v", err, c.want)
			}
		})
	}
}
