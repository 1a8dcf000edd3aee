package model

import "testing"

func TestReportsClosedByPrefersLockedThenClosed(t *testing.T) {
	year, err := GeneratePeriods(2027, PeriodMonthly, 5)
	if err != nil {
		t.Fatal(err)
	}
	at := func(status map[int]PeriodStatus, annual PeriodStatus) []Period {
		out := append([]Period(nil), year...)
		for i := range out {
			if out[i].Kind == PeriodAnnual {
				out[i].Status = annual
			} else if s, ok := status[out[i].Number]; ok {
				out[i].Status = s
			}
		}
		return out
	}
	for _, c := range []struct {
		name   string
		ps     []Period
		day    Date
		refuse bool
		by     PeriodStatus
		kind   PeriodKind
	}{
		{"open month", at(map[int]PeriodStatus{2: PeriodOpen}, PeriodDraft), "2027-02-10", false, "", ""},
		{"draft month", at(nil, PeriodDraft), "2027-02-10", false, "", ""},
		{"no year", nil, "2027-02-10", false, "", ""},
		{"closed month", at(map[int]PeriodStatus{2: PeriodClosed}, PeriodOpen), "2027-02-10", true, PeriodClosed, PeriodMonthly},
		{"the day after a closed month", at(map[int]PeriodStatus{2: PeriodClosed}, PeriodOpen), "2027-03-01", false, "", ""},
		{"locked month", at(map[int]PeriodStatus{2: PeriodLocked}, PeriodOpen), "2027-02-28", true, PeriodLocked, PeriodMonthly},
		{"locked year over a closed month", at(map[int]PeriodStatus{2: PeriodClosed}, PeriodLocked), "2027-02-10", true, PeriodLocked, PeriodAnnual},
	} {
		p, refused := ReportsClosedBy(c.ps, c.day)
		if refused != c.refuse || p.Status != c.by || p.Kind != c.kind {
			t.Errorf("%s: refused %v by %s %s, want %v by %s %s", c.name, refused, p.Kind, p.Status, c.refuse, c.kind, c.by)
		}
	}
	feb := at(map[int]PeriodStatus{2: PeriodClosed}, PeriodOpen)[1]
	if m := ReportsRefused(feb); m.Key != "invalid.report.period.closed" || len(m.Args) != 2 {
		t.Errorf("closed: %v", m)
	}
	feb.Status = PeriodLocked
	if m := ReportsRefused(feb); m.Key != "invalid.report.period.locked" || len(m.Args) != 1 {
		t.Errorf("locked: %v", m)
	}
}
