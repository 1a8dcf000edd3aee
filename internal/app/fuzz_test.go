package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

// FuzzParseMinutes: a time as people type it is at most 24 hours or a
// field error on minutes; never a number wrapped around (the
// 307445734561825861:00 once stored as 44 minutes).
func FuzzParseMinutes(f *testing.F) {
	for _, s := range []string{"90", "1:30", "2 jam", "1,5 jam", "1 jam 30 menit", "45 menit", "2jam", "30menit", "24:00", "24:01",
		"307445734561825861:00", "153722867280912930:00", "0:60", "1:5", "99999", "1.5 jam", "2 hours", "-1", "", ":"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMinutes(s)
		if err != nil {
			if _, ok := err.(*model.ValidationError); !ok {
				t.Fatalf("ParseMinutes(%q): %v is not a field error", s, err)
			}
			return
		}
		if m < 0 || m > 24*60 {
			t.Fatalf("ParseMinutes(%q) = %d", s, m)
		}
		// A plain number of minutes is that number.
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n != m {
			t.Fatalf("ParseMinutes(%q) = %d", s, m)
		}
	})
}

// FuzzParseOutput: an output as typed is an amount and a unit, or text
// kept as typed; never a negative amount, and a unit that passes the
// rule of text if what was typed did.
func FuzzParseOutput(f *testing.F) {
	for _, s := range []string{"3 dokumen", "1,5 jam", "draf SOP", "0 draf", "-5 dokumen", "\u22125", "1e400 dokumen", "1,234 laporan",
		"10000000001 dokumen", "  2   modul ", "2.5", ",", "."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, unit, err := ParseOutput(s)
		if err != nil {
			if _, ok := err.(*model.ValidationError); !ok {
				t.Fatalf("ParseOutput(%q): %v is not a field error", s, err)
			}
			return
		}
		if n < 0 {
			t.Fatalf("ParseOutput(%q) = %d", s, n)
		}
		if n == 0 && unit == "" && strings.Trim(s, " \t\n\r\v\f0,.") != "" && strings.TrimSpace(s) != "" {
			// Something was typed that is neither an amount nor text kept.
			if _, err := model.ParseAmount(strings.TrimSpace(s)); err != nil {
				t.Fatalf("ParseOutput(%q) lost what was typed", s)
			}
		}
		if model.TextFault(s, true) < 0 && model.TextFault(unit, true) >= 0 {
			t.Fatalf("ParseOutput(%q) unit %q", s, unit)
		}
	})
}

// FuzzParseYear: a year is 2000 to 2100, the default for nothing typed,
// or a field error on year.
func FuzzParseYear(f *testing.F) {
	for _, s := range []string{"2026", " 2026 ", "", "1999", "2101", "2147483653", "-2026", "2026.0", "+2026", "０２０２６"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, err := ParseYear(s, 7)
		switch {
		case err != nil:
			if _, ok := err.(*model.ValidationError); !ok {
				t.Fatalf("ParseYear(%q): %v", s, err)
			}
		case strings.TrimSpace(s) == "":
			if y != 7 {
				t.Fatalf("ParseYear(%q) = %d", s, y)
			}
		case y < 2000 || y > 2100:
			t.Fatalf("ParseYear(%q) = %d", s, y)
		}
	})
}
