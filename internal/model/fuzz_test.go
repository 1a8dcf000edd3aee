package model

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParseNIP: whatever is typed or imported as a NIP, the parser does
// not fail unexpectedly, and a number it accepts is 18 digits that its
// parts write back unchanged, with a status the number fits.
func FuzzParseNIP(f *testing.F) {
	for _, s := range []string{"199001012015031001", "198503152010012002", "199501012022211001", "199501012025241001",
		"199013452015031001", "199001012015131001", "199001012015031301", "19900101201503100", "１９９００１０１２０１５０３１００１", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNIP(s)
		if err != nil {
			return
		}
		if len(s) != 18 || TextFault(s, false) >= 0 {
			t.Fatalf("ParseNIP(%q) accepted", s)
		}
		if got := n.String(); got != s {
			t.Fatalf("ParseNIP(%q).String() = %q", s, got)
		}
		if !n.Fits(n.Status()) || n.Status() == StatusCPNS {
			t.Fatalf("ParseNIP(%q): status %q does not fit", s, n.Status())
		}
	})
}

// FuzzAmount: an amount people type reads to hundredths or is refused;
// an amount read is never negative, and written back it reads the same.
func FuzzAmount(f *testing.F) {
	for _, s := range []string{"1,5", "3", "0.25", "10000000000", "10000000001", "1,234", ".5", "5.", "-1", "1e3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseAmount(s)
		if err != nil {
			return
		}
		if h < 0 {
			t.Fatalf("ParseAmount(%q) = %d", s, h)
		}
		back, err := ParseAmount(FormatAmount(h))
		if err != nil || back != h {
			t.Fatalf("ParseAmount(%q) = %d, written %q reads %d %v", s, h, FormatAmount(h), back, err)
		}
	})
}

// FuzzCleanCell: what the import keeps of a cell holds nothing text may
// not hold, and cleaning it again changes nothing.
func FuzzCleanCell(f *testing.F) {
	for _, s := range []string{"Pegawai\u200B Baru\u202E", "\uFEFFNIP", "a\xffb", "Baris\r\nkedua", " Siti "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CleanCell(s)
		if !utf8.ValidString(c) || TextFault(c, false) >= 0 || CleanCell(c) != c {
			t.Fatalf("CleanCell(%q) = %q", s, c)
		}
	})
}

// FuzzParseDate: a date typed in a form (a work date, a start, an end) is
// read as typed or refused; never turned into another day, which would
// file an entry under a date nobody chose.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-01-31", "2026-02-29", "2028-02-29", "2026-1-5", "2026-13-01", "0000-01-01", "+2026-01-01",
		"2026-01-31T00:00:00Z", " 2026-01-31", "31-01-2026", "２０２６-01-31", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if string(d) != s || len(s) != 10 {
			t.Fatalf("ParseDate(%q) = %q", s, d)
		}
		if d.Time().Format(time.DateOnly) != s {
			t.Fatalf("ParseDate(%q) is %v", s, d.Time())
		}
	})
}
