package model

import (
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
		{"200002292022012003", "", true}, // 2000 was a leap year
		{"199702142023212001", "", true}, // an NI PPPK: month 21
		{"19850312201001100", "invalid.nip.length[", false},
		{"1985031220100110011", "invalid.nip.length[", false},
		{"19850312201001100A", "invalid.nip.digits", false},
		{"198513122010011001", "invalid.nip.birth[", false},
		{"190102292010011001", "invalid.nip.birth[", false}, // 1901 was not a leap year
		{"198503122010131001", "invalid.nip.tmt[", false},
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
