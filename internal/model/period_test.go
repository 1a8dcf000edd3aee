package model

import "testing"

func TestGeneratePeriods(t *testing.T) {
	ps, err := GeneratePeriods(2028, PeriodMonthly, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 13 {
		t.Fatalf("monthly year has %d periods, want 12 + annual", len(ps))
	}
	feb := ps[1]
	if feb.Start != "2028-02-01" || feb.End != "2028-02-29" || feb.ReportDeadline != "2028-03-05" || feb.Name() != "Februari 2028" {
		t.Errorf("February 2028 (leap) = %+v %q", feb, feb.Name())
	}
	dec := ps[11]
	if dec.End != "2028-12-31" || dec.ReportDeadline != "2029-01-05" {
		t.Errorf("December = %+v", dec)
	}
	if a := ps[12]; a.Kind != PeriodAnnual || a.Start != "2028-01-01" || a.End != "2028-12-31" || a.ReportDeadline != "2029-01-31" || a.Name() != "Tahunan 2028" {
		t.Errorf("annual = %+v", a)
	}
	qs, err := GeneratePeriods(2027, PeriodQuarterly, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 5 || qs[1].Start != "2027-04-01" || qs[1].End != "2027-06-30" || qs[1].Name() != "Triwulan II 2027" || qs[3].End != "2027-12-31" {
		t.Errorf("quarters = %+v", qs)
	}
	for _, bad := range []struct {
		year int
		kind PeriodKind
		days int
	}{{2027, "weekly", 5}, {1999, PeriodMonthly, 5}, {2027, PeriodMonthly, -1}} {
		if _, err := GeneratePeriods(bad.year, bad.kind, bad.days); err == nil {
			t.Errorf("GeneratePeriods(%v) accepted", bad)
		}
	}
}

func TestPeriodRules(t *testing.T) {
	ok := Period{Start: "2027-01-01", End: "2027-01-31", ReportDeadline: "2027-02-05", Status: PeriodOpen}
	if err := ValidatePeriod(ok); err != nil {
		t.Error(err)
	}
	for _, p := range []Period{
		{Start: "2027-01-31", End: "2027-01-01", ReportDeadline: "2027-02-05"},
		{Start: "2027-01-01", End: "2027-01-31", ReportDeadline: "2027-01-30"},
		{Start: "2027-02-30", End: "2027-03-31", ReportDeadline: "2027-04-05"},
		{Start: "2027-01-01", End: "2027-01-31", ReportDeadline: "2027-02-05", Status: "bogus"},
		{Start: "2027-01-01", End: "2027-01-31", ReportDeadline: "2027-02-05"},
	} {
		if err := ValidatePeriod(p); err == nil {
			t.Errorf("ValidatePeriod(%+v) accepted", p)
		}
	}
	if !CanMovePeriod(PeriodDraft, PeriodOpen) || !CanMovePeriod(PeriodLocked, PeriodClosed) || CanMovePeriod(PeriodDraft, PeriodLocked) || CanMovePeriod(PeriodLocked, PeriodOpen) {
		t.Error("period moves are wrong")
	}
}
