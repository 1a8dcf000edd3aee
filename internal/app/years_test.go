package app_test

import (
	"context"
	"errors"
	"testing"

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
