package web

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// TestObjectionPanel renders the keberatan part that an assessment's page
// includes, in each of its states.
func TestObjectionPanel(t *testing.T) {
	page := parsePages(funcs)["objections"]
	b := base{Lang: "id"}
	for _, c := range []struct {
		name  string
		panel app.ObjectionPanel
		want  []string
	}{
		{"may object", app.ObjectionPanel{Deadline: "2026-03-17", Received: "2026-03-03", Zone: model.ZoneWIT, Open: true, Allowed: true, Can: app.ObjectionRights{Object: true}},
			[]string{"17 Maret 2026 pukul 23.59 WIT (14 hari kalender sejak hasil diterima pada 3 Maret 2026)", `href="/penilaian/A1/keberatan"`}},
		{"objected", app.ObjectionPanel{HasObjection: true, Objection: model.Objection{ID: "O1", Status: model.ObjectionExplained}, Deadline: "2026-03-17", Allowed: true},
			[]string{`href="/keberatan/O1"`, "Menunggu keputusan atasan pejabat penilai"}},
		{"too late", app.ObjectionPanel{Deadline: "2026-03-17", Received: "2026-03-03", Zone: model.ZoneWIT, Allowed: true},
			[]string{"(17 Maret 2026, 14 hari kalender sejak hasil diterima pada 3 Maret 2026) telah lewat"}},
		{"periodic", app.ObjectionPanel{Deadline: "2026-03-17", Open: true},
			[]string{"hanya menerima keberatan atas hasil penilaian tahunan"}},
	} {
		var buf bytes.Buffer
		if err := page.ExecuteTemplate(&buf, "objection-panel", []any{b, c.panel, "A1"}); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, w := range c.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s: no %q in %s", c.name, w, buf.String())
			}
		}
	}
}
