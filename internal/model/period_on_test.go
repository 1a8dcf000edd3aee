package model_test

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

// A page asked for no period opens on the periodic period of today,
// clamped to the term given (an SKP's), never on the annual one.
func TestPeriodOn(t *testing.T) {
	year, err := model.GeneratePeriods(2026, model.PeriodMonthly, 5)
	if err != nil {
		t.Fatal(err)
	}
	quarters, err := model.GeneratePeriods(2026, model.PeriodQuarterly, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		periods         []model.Period
		today, from, to model.Date
		want            model.Date // start of the period chosen
	}{
		{year, "2026-12-01", "", "", "2026-12-01"},
		{year, "2026-06-15", "2026-01-01", "2026-12-31", "2026-06-01"},
		{year, "2026-06-15", "2026-01-01", "2026-04-14", "2026-04-01"}, // closed SKP: its last month
		{year, "2027-02-01", "2026-01-01", "2026-12-31", "2026-12-01"}, // a past year: its last month
		{year, "2026-03-02", "2026-09-01", "2026-12-31", "2026-09-01"}, // not in force yet: its first month
		{quarters, "2026-05-20", "", "", "2026-04-01"},
		{year[2:5], "2026-12-01", "", "", "2026-05-01"}, // no period holds the day: the latest begun
		{year[6:9], "2026-02-01", "", "", "2026-07-01"}, // none begun: the earliest
	} {
		p, ok := model.PeriodOn(c.periods, c.today, c.from, c.to)
		if !ok || p.Start != c.want || p.Kind == model.PeriodAnnual {
			t.Errorf("PeriodOn(%s, %s..%s) = %s %s, %v; want the one from %s", c.today, c.from, c.to, p.Kind, p.Start, ok, c.want)
		}
	}
	if _, ok := model.PeriodOn(year[12:], "2026-06-01", "", ""); ok {
		t.Error("the annual period alone gives a periodic one")
	}
}
