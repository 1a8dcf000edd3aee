package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// progress shows how far a long command is, stage by stage ("units
// 213/213, employees 45000/100000"). On a terminal it keeps one line,
// rewritten in place a few times a second; elsewhere (a log, a pipe) it
// writes one line as each stage ends, with the time the stage took.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	tty      bool
	stages   []string
	counts   map[string][2]int
	began    map[string]time.Time
	drawn    time.Time
	lastLen  int
	finished map[string]bool
	last     time.Time // when the latest update came: the next stage begins there
	now      func() time.Time
}

// lineWidth keeps the terminal line within an 80-column terminal.
const lineWidth = 79

func newProgress(w io.Writer) *progress {
	return &progress{w: w, tty: isTerminal(w), counts: map[string][2]int{}, began: map[string]time.Time{},
		finished: map[string]bool{}, last: time.Now(), now: time.Now}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// update records that done of total items of stage are written.
func (p *progress) update(stage string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if _, ok := p.counts[stage]; !ok {
		p.stages = append(p.stages, stage)
		p.began[stage] = p.last
	}
	p.last = now
	p.counts[stage] = [2]int{done, total}
	if !p.tty {
		if done >= total && !p.finished[stage] {
			p.finished[stage] = true
			fmt.Fprintf(p.w, "%s %d/%d (%s)\n", stage, done, total, now.Sub(p.began[stage]).Round(time.Millisecond))
		}
		return
	}
	if done < total && now.Sub(p.drawn) < 100*time.Millisecond {
		return
	}
	p.drawn = now
	parts := make([]string, len(p.stages))
	for i, s := range p.stages {
		c := p.counts[s]
		parts[i] = fmt.Sprintf("%s %d/%d", s, c[0], c[1])
	}
	// A line wider than the terminal would wrap, and \r returns only to
	// the start of its last row: the oldest stages give way first.
	for len(parts) > 1 && len(strings.Join(parts, ", ")) > lineWidth {
		parts = parts[1:]
	}
	line := strings.Join(parts, ", ")
	pad := ""
	if n := p.lastLen - len(line); n > 0 {
		pad = strings.Repeat(" ", n) // wipe what a longer line left
	}
	p.lastLen = len(line)
	fmt.Fprint(p.w, "\r"+line+pad)
}

// end closes the line on a terminal.
func (p *progress) end() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty && p.lastLen > 0 {
		fmt.Fprintln(p.w)
	}
}
