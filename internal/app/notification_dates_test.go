package app_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// isoDate finds a date written as the database keeps it.
var isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// No notification shows a date as 2026-12-02: every kind and variant in
// the catalog, given dates in every argument (as a notification stores
// them), renders them as its language writes dates.
func TestNotificationsShowDatesAsTheLanguageWritesThem(t *testing.T) {
	want := map[string]string{"id": "2 Desember 2026", "en": "2 December 2026"}
	verb := regexp.MustCompile(`%\[\d+\][sv]`)
	seen := 0
	for _, key := range locale.Keys("id") {
		if !strings.HasPrefix(key, "notif.") || !strings.HasSuffix(key, ".title") || key == "notif.title" {
			continue
		}
		seen++
		kind := strings.TrimSuffix(strings.TrimPrefix(key, "notif."), ".title")
		n := model.Notification{Kind: kind, Args: []string{"2026-12-02", "2026-12-02", "2026-12-02", "2026-12-02", "2026-12-02", "2026-12-02"}}
		for lang, day := range want {
			title, body := app.RenderNotification(lang, n)
			for _, text := range []string{title, body} {
				if isoDate.MatchString(text) {
					t.Errorf("%s (%s) shows an ISO date: %q", key, lang, text)
				}
			}
			msg, _ := locale.Lookup(lang, key)
			bodyMsg, _ := locale.Lookup(lang, "notif."+kind+".body")
			if verb.MatchString(msg+bodyMsg) && !strings.Contains(title+body, day) {
				t.Errorf("%s (%s) does not show %q: %q / %q", key, lang, day, title, body)
			}
		}
	}
	if seen < 40 {
		t.Fatalf("only %d notification kinds in the catalog", seen)
	}
	// A text argument that is not a date stays as it is.
	if title, _ := app.RenderNotification("id", model.Notification{Kind: "skp.submit", Args: []string{"Andi", "2026-13-45", ""}}); !strings.Contains(title, "2026-13-45") {
		t.Errorf("a text that only looks like a date changed: %q", title)
	}
}

// The notifications Kinerja sends carry their dates so: the end of an
// acting assignment and a group of progress entries, in Indonesian.
func TestSentNotificationsShowLongDates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, kadisSKP, _, pl := actingEnv(t, s, model.PlacementPlt)
		ctx := context.Background()
		actingSKP(t, e, who, kadisSKP)
		// Ended on a day already past, the acting SKP closes at once.
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Kabid.ID, pl.ID, "2026-02-28"); err != nil {
			t.Fatal(err)
		}
		notes, err := s.Notifications(ctx, e.o.Kabid.ID, 5)
		if err != nil || len(notes) == 0 || notes[0].Kind != "skp.close.acting" {
			t.Fatalf("no notice of the closed acting SKP: %+v, %v", notes, err)
		}
		if _, body := app.RenderNotification("id", notes[0]); !strings.Contains(body, "Penugasan berakhir 28 Februari 2026.") {
			t.Errorf("the end of the assignment reads %q", body)
		}
		if _, body := app.RenderNotification("en", notes[0]); !strings.Contains(body, "28 February 2026") {
			t.Errorf("in English it reads %q", body)
		}
		for _, d := range []model.Date{"2026-03-02", "2026-02-27"} {
			if _, err := e.a.SubmitProgress(ctx, who["staff1"], model.Progress{WorkDate: d, Description: "Rapat koordinasi", Minutes: 60}); err != nil {
				t.Fatal(err)
			}
		}
		notes, err = s.Notifications(ctx, e.o.Kabid.ID, 5)
		if err != nil || len(notes) == 0 || notes[0].Kind != "progress.submitted" || notes[0].Variant != "many" {
			t.Fatalf("the Kabid's notifications: %+v, %v", notes, err)
		}
		if _, body := app.RenderNotification("id", notes[0]); !strings.Contains(body, ", 27 Februari 2026: ") || isoDate.MatchString(body) {
			t.Errorf("the group of progress entries reads %q", body)
		}
	})
}
