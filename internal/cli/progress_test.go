package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	clock := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	tick := func() time.Time { clock = clock.Add(time.Second); return clock }

	// Not a terminal: one line per finished stage, with its time.
	var log bytes.Buffer
	p := newProgress(&log)
	p.now, p.last = tick, clock
	p.update("units", 213, 213)
	p.update("employees", 2000, 45000)
	p.update("employees", 45000, 45000)
	p.update("employees", 45000, 45000) // told twice, written once
	p.end()
	if want := "units 213/213 (1s)\nemployees 45000/45000 (2s)\n"; log.String() != want {
		t.Errorf("log output %q, want %q", log.String(), want)
	}

	// A terminal: one line rewritten in place, never wider than the
	// terminal, ended by a newline.
	var term bytes.Buffer
	p = newProgress(&term)
	p.tty, p.now, p.last = true, tick, clock
	p.update("units", 213, 213)
	p.update("employees", 45000, 100000)
	for _, s := range []string{"positions", "skp", "progress", "realisasi", "teams", "coaching", "needs", "statistics"} {
		p.update(s, 1, 1)
	}
	p.end()
	out := term.String()
	if !strings.HasPrefix(out, "\runits 213/213\runits 213/213, employees 45000/100000") || !strings.HasSuffix(out, "statistics 1/1\n") {
		t.Errorf("terminal output %q", out)
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\r") {
		if len(line) > lineWidth {
			t.Errorf("line of %d characters: %q", len(line), line)
		}
	}
}
