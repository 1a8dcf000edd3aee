package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestOpenYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if _, err := e.a.OpenYear(ctx, staff, 2026, model.PeriodMonthly, 5); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN opened a year: %v", err)
		}
		periods, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodMonthly, 5)
		if err != nil || len(periods) != 13 || periods[0].Name() != "Januari 2026" || periods[12].Kind != model.PeriodAnnual {
			t.Fatalf("open 2026 = %d periods, %v", len(periods), err)
		}
		if _, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodQuarterly, 5); stateKey(err) != "conflict.year.open.already" {
			t.Errorf("opening a year twice: %v", err)
		}
		jan := periods[0]
		jan.Status = model.PeriodOpen
		if err := e.a.MovePeriod(ctx, e.admin, jan, ""); err != nil {
			t.Fatal(err)
		}
		jan.Status = model.PeriodLocked
		if err := e.a.MovePeriod(ctx, e.admin, jan, ""); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("open → locked: %v", err)
		}
		jan.Status = model.PeriodClosed
		e.a.MovePeriod(ctx, e.admin, jan, "")
		jan.Status = model.PeriodLocked
		if err := e.a.MovePeriod(ctx, e.admin, jan, ""); err != nil {
			t.Fatal(err)
		}
		jan.Status = model.PeriodClosed
		var v *model.ValidationError
		if err := e.a.MovePeriod(ctx, e.admin, jan, " "); !errors.As(err, &v) {
			t.Errorf("an unlock without a reason: %v", err)
		}
		if err := e.a.MovePeriod(ctx, e.admin, jan, "Koreksi penilaian atas keberatan"); err != nil {
			t.Fatal(err)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "period", EntityID: jan.ID})
		if len(entries) != 4 {
			t.Errorf("period audit entries = %d, want 4", len(entries))
		}
	})
}

func TestParseYear(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{"", 2026, true},
		{"  ", 2026, true},
		{"2025", 2025, true},
		{" 2027 ", 2027, true},
		{"2000", 2000, true},
		{"2100", 2100, true},
		{"1999", 0, false},
		{"2101", 0, false},
		{"2147483653", 0, false},
		{"-2026", 0, false},
		{"2026.0", 0, false},
		{"dua ribu", 0, false},
		{"２０２６", 0, false},
	}
	for _, c := range cases {
		got, err := app.ParseYear(c.in, 2026)
		var ve *model.ValidationError
		switch {
		case c.ok && (err != nil || got != c.want):
			t.Errorf("ParseYear(%q) = %d, %v; want %d", c.in, got, err, c.want)
		case !c.ok && (!errors.As(err, &ve) || ve.Fields["year"] != "invalid.field.year"):
			t.Errorf("ParseYear(%q) = %d, %v; want a field error on year", c.in, got, err)
		}
	}
}

// A period's dates stay in its year and never share a day with another
// period of its kind; the refusal names the period overlapped and changes
// nothing.
func TestPeriodDatesDoNotOverlap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		periods, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		jan, feb := periods[0], periods[1]
		var v *model.ValidationError
		for _, c := range []struct {
			name, field, key string
			p                model.Period
		}{
			{"January into February", "end", "invalid.period.overlap", func() model.Period { p := jan; p.End, p.ReportDeadline = "2026-02-10", "2026-02-15"; return p }()},
			{"February into January", "start", "invalid.period.overlap", func() model.Period { p := feb; p.Start = "2026-01-20"; return p }()},
			{"January from the year before", "start", "invalid.period.year", func() model.Period { p := jan; p.Start = "2025-12-01"; return p }()},
		} {
			err := e.a.MovePeriod(ctx, e.admin, c.p, "")
			if !errors.As(err, &v) || v.Fields[c.field] != c.key {
				t.Errorf("%s: %v", c.name, err)
			}
		}
		if err := e.a.MovePeriod(ctx, e.admin, func() model.Period { p := jan; p.End, p.ReportDeadline = "2026-02-10", "2026-02-15"; return p }(), ""); !errors.As(err, &v) ||
			v.Args["end"][0].(model.Message).Key != "period.name.month" || v.Args["end"][1] != feb.Start {
			t.Errorf("the refusal names February: %v", err)
		}
		if got, _ := s.Period(ctx, jan.ID); got.End != jan.End {
			t.Errorf("a refused move changed January: %+v", got)
		}
		// Moving a boundary: shrink one period, then extend the next (the
		// annual evaluation covers both: another kind, no overlap).
		short := feb
		short.End, short.ReportDeadline = "2026-02-20", "2026-02-25"
		if err := e.a.MovePeriod(ctx, e.admin, short, ""); err != nil {
			t.Fatalf("shrinking February: %v", err)
		}
		mar := periods[2]
		mar.Start = "2026-02-21"
		if err := e.a.MovePeriod(ctx, e.admin, mar, ""); err != nil {
			t.Errorf("extending March back to February's end: %v", err)
		}
	})
}

// A period is closed, or locked, only once its last day has passed on
// the instansi's clock; the annual period only once no month of its year
// is open (locked once none is open or closed); a month is not opened
// while the year is closed, nor unlocked while it is locked. The rights
// withhold each such move and say why, and the act refuses it with the
// same reason.
func TestPeriodMovesFollowTheCalendar(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s) // 2 March 2026, 08:00 WIB
		ctx := context.Background()
		if _, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		view := func() map[string]app.PeriodItem {
			t.Helper()
			v, err := e.a.YearView(ctx, e.admin, 2026)
			if err != nil {
				t.Fatal(err)
			}
			out := map[string]app.PeriodItem{}
			for _, p := range v.Periods {
				out[p.Name()] = p
			}
			return out
		}
		move := func(name string, to model.PeriodStatus, reason string) error {
			t.Helper()
			p := view()[name].Period
			p.Status = to
			return e.a.MovePeriod(ctx, e.admin, p, reason)
		}
		for _, m := range []string{"Februari 2026", "Maret 2026", "Tahunan 2026"} {
			if err := move(m, model.PeriodOpen, ""); err != nil {
				t.Fatal(err)
			}
		}
		// March is still being worked: no close, and why.
		mar := view()["Maret 2026"]
		if mar.Can.Close || mar.Can.CloseRefused.Key != "conflict.period.early" || mar.Can.CloseRefused.Args[1] != model.Date("2026-03-31") {
			t.Errorf("March on 2 March: can %+v", mar.Can)
		}
		if err := move("Maret 2026", model.PeriodClosed, ""); stateKey(err) != "conflict.period.early" {
			t.Errorf("March closed on 2 March: %v", err)
		}
		// February ended yesterday: it closes.
		if feb := view()["Februari 2026"]; !feb.Can.Close || feb.Can.CloseRefused.Key != "" {
			t.Errorf("February on 2 March: can %+v", feb.Can)
		}
		if err := move("Februari 2026", model.PeriodClosed, ""); err != nil {
			t.Fatal(err)
		}
		// A closed period's end is not moved to a day not yet past (March
		// narrowed first, to leave the days free).
		narrow := view()["Maret 2026"].Period
		narrow.Start = "2026-03-06"
		if err := e.a.MovePeriod(ctx, e.admin, narrow, ""); err != nil {
			t.Fatal(err)
		}
		feb := view()["Februari 2026"].Period
		feb.End, feb.ReportDeadline = "2026-03-05", "2026-03-10"
		if err := e.a.MovePeriod(ctx, e.admin, feb, ""); stateKey(err) != "conflict.period.early.end" {
			t.Errorf("a closed February stretched into March: %v", err)
		}

		// The annual period after the year: refused while March is open,
		// naming it.
		e.clock.set(time.Date(2027, 1, 1, 2, 0, 0, 0, time.UTC))
		year := view()["Tahunan 2026"]
		if year.Can.Close || year.Can.CloseRefused.Key != "conflict.period.annual.close" {
			t.Errorf("the year with March open: can %+v", year.Can)
		}
		if err := move("Tahunan 2026", model.PeriodClosed, ""); stateKey(err) != "conflict.period.annual.close" {
			t.Errorf("the year closed with March open: %v", err)
		}
		if err := move("Maret 2026", model.PeriodClosed, ""); err != nil {
			t.Fatal(err)
		}
		if err := move("Tahunan 2026", model.PeriodClosed, ""); err != nil {
			t.Fatalf("the year closed after its months: %v", err)
		}
		// Under a closed year a month is not reopened.
		if mar := view()["Maret 2026"]; mar.Can.Reopen || mar.Can.ReopenRefused.Key != "conflict.period.open.annual" {
			t.Errorf("March under a closed year: can %+v", mar.Can)
		}
		if err := move("Maret 2026", model.PeriodOpen, ""); stateKey(err) != "conflict.period.open.annual" {
			t.Errorf("March reopened under a closed year: %v", err)
		}
		// The year is locked once its months are.
		if year := view()["Tahunan 2026"]; year.Can.Lock || year.Can.LockRefused.Key != "conflict.period.annual.lock" {
			t.Errorf("the year with months closed: can %+v", year.Can)
		}
		for _, m := range []string{"Februari 2026", "Maret 2026"} {
			if err := move(m, model.PeriodLocked, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := move("Tahunan 2026", model.PeriodLocked, ""); err != nil {
			t.Fatalf("the year locked after its months: %v", err)
		}
		// Under a locked year a month is not unlocked.
		if mar := view()["Maret 2026"]; mar.Can.Unlock || mar.Can.UnlockRefused.Key != "conflict.period.unlock.annual" {
			t.Errorf("March under a locked year: can %+v", mar.Can)
		}
		if err := move("Maret 2026", model.PeriodClosed, "Koreksi"); stateKey(err) != "conflict.period.unlock.annual" {
			t.Errorf("March unlocked under a locked year: %v", err)
		}
		if err := move("Tahunan 2026", model.PeriodClosed, "Koreksi atas keberatan"); err != nil {
			t.Fatalf("the year unlocked: %v", err)
		}
		if err := move("Maret 2026", model.PeriodClosed, "Koreksi atas keberatan"); err != nil {
			t.Fatalf("March unlocked after the year: %v", err)
		}
	})
}
