package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// What the progress form offers on a day refuses a day still to come on
// the instansi's clock, and one more than two months back, with the keys
// the entry itself is refused with; the pages that take a day in their
// address show today for a day still to come or not a date, and say why.
func TestProgressDatesStillToComeAreRefusedEverywhere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		// Monday 01:15 WIT, still Sunday 23:15 in WIB.
		e.at(time.Date(2026, 3, 2, 1, 15, 0, 0, model.ZoneWIT.Location()))
		e.zoned(t, model.ZoneWIT)

		for _, c := range []struct{ day, key string }{
			{"2026-03-02", ""}, // today in WIT, tomorrow in WIB
			{"2026-03-03", "invalid.progress.date.future"},
			{"2027-01-04", "invalid.progress.date.future"},
			{"2025-12-01", "invalid.progress.date.old"},
		} {
			o, err := e.a.ProgressOptionsOn(ctx, staff, c.day)
			if err != nil || o.Refused.Key != c.key || o.Date != model.Date(c.day) {
				t.Errorf("options on %s = %+v, %v; want refused %q", c.day, o.Refused, err, c.key)
			}
			if c.key == "" {
				continue
			}
			_, err = e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: model.Date(c.day), Description: "Rapat koordinasi", Minutes: 30})
			if v := (*model.ValidationError)(nil); !errors.As(err, &v) || v.Fields["date"] != c.key {
				t.Errorf("an entry on %s: %v, want %s", c.day, err, c.key)
			}
		}

		for _, c := range []struct{ asked, shown, notice string }{
			{"", "2026-03-02", ""},
			{"2026-02-27", "2026-02-27", ""},
			{"2026-03-03", "2026-03-02", "invalid.progress.date.future"},
			{"besok", "2026-03-02", "invalid.date.format"},
		} {
			d, err := e.a.ProgressDayOf(ctx, staff, c.asked)
			if err != nil || d.Date != model.Date(c.shown) || d.Notice.Key != c.notice {
				t.Errorf("the progress day asked %q = %s, notice %q, %v; want %s, %q", c.asked, d.Date, d.Notice.Key, err, c.shown, c.notice)
			}
			w, err := e.a.PersonProgress(ctx, kabid, staff.EmployeeID, c.asked)
			if err != nil || w.To != model.Date(c.shown) || w.Notice.Key != c.notice {
				t.Errorf("the week asked %q ends %s, notice %q, %v; want %s, %q", c.asked, w.To, w.Notice.Key, err, c.shown, c.notice)
			}
		}
		if d, err := e.a.ProgressDayOf(ctx, staff, "2025-12-01"); err != nil || d.Refused.Key != "invalid.progress.date.old" {
			t.Errorf("the progress day of an old date refuses %q, %v", d.Refused.Key, err)
		}
	})
}
