package model

import "testing"

func TestPeriodTarget(t *testing.T) {
	cases := []struct {
		target string
		share  float64
		level  bool
		want   string
		ok     bool
	}{
		{"12", 1.0 / 12, false, "1", true},
		{"5", 1.0 / 12, false, "1", true},
		{"24", 0.25, false, "6", true},
		{"12,5", 0.5, false, "6,25", true},
		{"1-2", 1.0 / 12, false, "1", true},
		{"12-24", 0.5, false, "6-12", true},
		{"80%", 1.0 / 12, true, "80", true},
		{"12", 1, false, "12", true},
		{"laporan lengkap", 0.5, false, "", false},
		{"12", 0, false, "", false},
	}
	for _, c := range cases {
		got, ok := PeriodTarget(c.target, c.share, c.level)
		if got != c.want || ok != c.ok {
			t.Errorf("PeriodTarget(%q, %v, %v) = %q, %v; want %q, %v", c.target, c.share, c.level, got, ok, c.want, c.ok)
		}
	}
}
