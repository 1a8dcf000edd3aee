package model

import (
	"testing"
	"time"
)

func TestAmounts(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{{"3", 300, true}, {"1,5", 150, true}, {"1.25", 125, true}, {"0,05", 5, true}, {",5", 50, true}, {"", 0, true},
		{"1,234", 0, false}, {"abc", 0, false}, {"-1", 0, false}, {".", 0, false}} {
		got, err := ParseAmount(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseAmount(%q) = %d, %v", c.in, got, err)
		}
	}
	for h, want := range map[int64]string{300: "3", 150: "1,5", 125: "1,25", 5: "0,05", 0: "0"} {
		if got := FormatAmount(h); got != want {
			t.Errorf("FormatAmount(%d) = %q, want %q", h, got, want)
		}
	}
	if n, u, err := SplitOutput("1,5 jam pelayanan"); n != 150 || u != "jam pelayanan" || err != nil {
		t.Errorf("SplitOutput = %d %q %v", n, u, err)
	}
	if n, u, _ := SplitOutput("laporan"); n != 0 || u != "laporan" {
		t.Errorf("SplitOutput(laporan) = %d %q", n, u)
	}
}

func TestProgressLate(t *testing.T) {
	wib := func(s string) time.Time { t, _ := time.ParseInLocation("2006-01-02 15:04", s, WIB); return t }
	for _, c := range []struct {
		work     Date
		sent     string
		workDays int
		late     bool
	}{
		{"2026-11-26", "2026-11-26 16:00", 5, false}, // Thursday, same day
		{"2026-11-26", "2026-11-27 23:59", 5, false}, // Friday night: still the next working day
		{"2026-11-26", "2026-11-28 08:00", 5, true},  // Saturday
		{"2026-11-27", "2026-11-30 20:00", 5, false}, // Friday's work, Monday evening
		{"2026-11-27", "2026-11-28 20:00", 6, false}, // a six-day unit: Saturday is the next working day
		{"2026-11-27", "2026-11-30 08:00", 6, true},
		{"2026-11-27", "2026-12-01 00:30", 5, true},
	} {
		if got := ProgressLate(c.work, wib(c.sent), c.workDays, ZoneWIB); got != c.late {
			t.Errorf("work %s sent %s (%d days): late = %v, want %v", c.work, c.sent, c.workDays, got, c.late)
		}
	}
}

func TestProgressValidate(t *testing.T) {
	ok := Progress{WorkDate: "2026-11-27", Description: "Menyusun laporan", Minutes: 90}
	if err := ok.Validate("2026-11-28"); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]Progress{
		"future":     {WorkDate: "2026-11-29", Description: "x", Minutes: 10},
		"bad date":   {WorkDate: "27-11-2026", Description: "x", Minutes: 10},
		"too old":    {WorkDate: "2026-09-01", Description: "x", Minutes: 10},
		"empty":      {WorkDate: "2026-11-27", Description: "  ", Minutes: 10},
		"no minutes": {WorkDate: "2026-11-27", Description: "x"},
		"over a day": {WorkDate: "2026-11-27", Description: "x", Minutes: 24*60 + 1},
		"negative":   {WorkDate: "2026-11-27", Description: "x", Minutes: 10, OutputAmount: -1},
	} {
		if p.Validate("2026-11-28") == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
