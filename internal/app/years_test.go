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
		var v *model.ValidationError
		if _, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodQuarterly, 5); !errors.As(err, &v) {
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
