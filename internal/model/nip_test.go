package model

import (
	"errors"
	"strings"
	"testing"
)

func TestParseNIP(t *testing.T) {
	cases := []struct {
		nip     string
		wantErr string
		female  bool
	}{
		{"198503122010011001", "", false},
		{"199002282019032002", "", true},
		{"200002292022012003", "", true},  // 2000 was a leap year
		{"199702142023212001", "", true},  // an NI PPPK: code 21
		{"199009132025242014", "", true},  // an NI PPPK paruh waktu: code 24
		{"200012312024211001", "", false}, // an NI PPPK issued the year after the birth year
		{"19850312201001100", "invalid.nip.length[", false},
		{"1985031220100110011", "invalid.nip.length[", false},
		{"19850312201001100A", "invalid.nip.digits", false},
		{"198513122010011001", "invalid.nip.birth[", false},
		{"190102292010011001", "invalid.nip.birth[", false}, // 1901 was not a leap year
		{"198503122010131001", "invalid.nip.code[", false},
		{"198503122010221001", "invalid.nip.code[", false}, // 22 is no code BKN issues
		{"198503122010991001", "invalid.nip.code[", false},
		{"198503122010001001", "invalid.nip.tmt[", false},
		{"198503121899211001", "invalid.nip.tmt[", false},
		{"198503121985211001", "invalid.nip.tmt.birth[", false}, // an NI PPPK in the birth year
		{"198503121980011001", "invalid.nip.tmt.birth[", false},
		{"198503122010013001", "invalid.nip.sex[", false},
		{"", "invalid.nip.length[", false},
	}
	// The errors are message keys (rendered where a reader sees them).
	for _, c := range cases {
		n, err := ParseNIP(c.nip)
		if c.wantErr == "" {
			if err != nil {
				t.Errorf("ParseNIP(%q) = %v", c.nip, err)
				continue
			}
			if n.Female != c.female || n.String() != c.nip {
				t.Errorf("ParseNIP(%q) = %+v (String %q)", c.nip, n, n.String())
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("ParseNIP(%q) error = %v, want one mentioning %q", c.nip, err, c.wantErr)
		}
	}
}

func TestNIPStatus(t *testing.T) {
	cases := []struct {
		nip    string
		says   EmployeeStatus
		fits   []EmployeeStatus
		misfit []EmployeeStatus
	}{
		{"198503122010011001", StatusPNS, []EmployeeStatus{StatusPNS, StatusCPNS},
			[]EmployeeStatus{StatusPPPK, StatusPPPKParuhWaktu, StatusPejabatNegara}},
		{"199702142023212001", StatusPPPK, []EmployeeStatus{StatusPPPK},
			[]EmployeeStatus{StatusPNS, StatusCPNS, StatusPPPKParuhWaktu}},
		{"199009132025242014", StatusPPPKParuhWaktu, []EmployeeStatus{StatusPPPKParuhWaktu},
			[]EmployeeStatus{StatusPNS, StatusCPNS, StatusPPPK}},
	}
	for _, c := range cases {
		n, err := ParseNIP(c.nip)
		if err != nil {
			t.Fatal(err)
		}
		if n.Status() != c.says || n.PPPK != c.says.IsPPPK() {
			t.Errorf("%s says %s (PPPK %v), want %s", c.nip, n.Status(), n.PPPK, c.says)
		}
		for _, s := range c.fits {
			if err := CheckStatusNIP(s, c.nip); err != nil {
				t.Errorf("CheckStatusNIP(%s, %s) = %v", s, c.nip, err)
			}
		}
		for _, s := range c.misfit {
			if err := CheckStatusNIP(s, c.nip); err == nil || !strings.HasPrefix(err.Error(), "invalid.nip.status[") {
				t.Errorf("CheckStatusNIP(%s, %s) = %v, want invalid.nip.status", s, c.nip, err)
			}
		}
	}
}

func TestNormGolongan(t *testing.T) {
	cases := []struct {
		in     string
		status EmployeeStatus
		want   string
		ok     bool
	}{
		{"", StatusPNS, "", true},
		{"III/a", StatusPNS, "III/a", true},
		{"iii-b", StatusCPNS, "III/b", true},
		{"III-a", StatusPNS, "III/a", true},
		{"5a", StatusPNS, "", false},
		{"III", StatusPNS, "", false},
		{"III a", StatusPNS, "III/a", true},
		{"3/c", StatusPNS, "III/c", true},
		{"4e", StatusPNS, "IV/e", true},
		{"IV/E", StatusPNS, "IV/e", true},
		{"III/e", StatusPNS, "", false}, // only golongan IV has ruang e
		{"V/a", StatusPNS, "", false},
		{"IX", StatusPNS, "", false}, // a PPPK golongan for a PNS
		{"IX", StatusPPPK, "IX", true},
		{"ix", StatusPPPK, "IX", true},
		{"17", StatusPPPK, "XVII", true},
		{"I", StatusPPPK, "I", true},
		{"V", StatusPPPKParuhWaktu, "V", true},
		{"XVIII", StatusPPPK, "", false},
		{"0", StatusPPPK, "", false},
		{"III/a", StatusPPPK, "", false}, // a PNS golongan for a PPPK
		{"III/a", StatusPPPKParuhWaktu, "", false},
	}
	for _, c := range cases {
		got, err := NormGolongan(c.in, c.status)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("NormGolongan(%q, %s) = %q, %v; want %q, ok %v", c.in, c.status, got, err, c.want, c.ok)
		}
	}
}

func TestNewIDSortsByCreation(t *testing.T) {
	prev := NewID()
	seen := map[string]bool{prev: true}
	for i := 0; i < 10000; i++ {
		id := NewID()
		if len(id) != 32 || id <= prev || seen[id] {
			t.Fatalf("id %d = %q after %q", i, id, prev)
		}
		seen[id] = true
		prev = id
	}
}

// An NI PPPK cannot carry a year before its kind was first issued.
func TestNIPPPPKBeforeTheSchemeIsRefused(t *testing.T) {
	cases := []struct {
		nip string
		ok  bool
	}{
		{"198001012005212001", false}, // PPPK in 2005
		{"198001012019211001", true},  // the first PPPK, 2019
		{"199001012010242001", false}, // PPPK paruh waktu in 2010
		{"199001012024242001", false}, // paruh waktu before 2025
		{"199001012025242001", true},
	}
	for _, c := range cases {
		_, err := ParseNIP(c.nip)
		var m Message
		if c.ok != (err == nil) || (!c.ok && (!errors.As(err, &m) || m.Key != "invalid.nip.pppk.year")) {
			t.Errorf("ParseNIP(%s) = %v, want ok %v", c.nip, err, c.ok)
		}
	}
}

// TestNIPTMTStillToComeIsRefused: a TMT after the instansi's month (the
// year, for an NI PPPK) is a typing mistake; this month's is not.
func TestNIPTMTStillToComeIsRefused(t *testing.T) {
	today := Date("2026-12-01")
	for nip, ok := range map[string]bool{
		"199501012030011001": false, // TMT January 2030
		"199501012027011001": false, // next month
		"199501012026121001": true,  // this month
		"199501012020011001": true,
		"199001012027211001": false, // PPPK of next year
		"199001012026211001": true,  // PPPK of this year
	} {
		n, err := ParseNIP(nip)
		if err != nil {
			t.Fatalf("ParseNIP(%s): %v", nip, err)
		}
		err = n.CheckTMT(today)
		var m Message
		if ok != (err == nil) || (!ok && (!errors.As(err, &m) || m.Key != "invalid.nip.tmt.future")) {
			t.Errorf("CheckTMT(%s) on %s = %v, want ok %v", nip, today, err, ok)
		}
	}
}
