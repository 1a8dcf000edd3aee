package importer

import (
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
)

func TestNormDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want model.Date
		ok   bool
	}{
		{"2026-03-01", "2026-03-01", true},
		{"01-03-2026", "2026-03-01", true},
		{"01/03/2026", "2026-03-01", true},
		{"1/3/2026", "2026-03-01", true},
		{"01.03.2026", "2026-03-01", true},
		{"46082", "2026-03-01", true}, // Excel serial
		{"", "", true},
		{"31-02-2026", "", false},
		{"2026", "", false}, // a year is not an Excel serial
		{"besok", "", false},
		{"03-01-26", "", false}, // two-digit years are ambiguous
	} {
		got, err := normDate(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("normDate(%q) = %q, %v; want %q, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestNormWords(t *testing.T) {
	type fn func(string) (string, error)
	kind := func(s string) (string, error) { k, err := normKind(s); return string(k), err }
	status := func(s string) (string, error) { k, err := normStatus(s); return string(k), err }
	for _, c := range []struct {
		name string
		f    fn
		in   string
		want string
		ok   bool
	}{
		{"gender", normGender, "L", "L", true},
		{"gender", normGender, "2", "P", true},
		{"gender", normGender, "Laki-laki", "L", true},
		{"gender", normGender, "perempuan", "P", true},
		{"gender", normGender, "X", "", false},
		{"status", status, "pns", string(model.StatusPNS), true},
		{"status", status, "CPNS", string(model.StatusCPNS), true},
		{"status", status, "P3K", string(model.StatusPPPK), true},
		{"status", status, "", "", true}, // the number says
		{"status", status, "PPPK Paruh Waktu", string(model.StatusPPPKParuhWaktu), true},
		{"status", status, "pppk_paruh_waktu", string(model.StatusPPPKParuhWaktu), true},
		{"status", status, "P3K-PW", string(model.StatusPPPKParuhWaktu), true},
		{"status", status, "PPPK Penuh Waktu", string(model.StatusPPPK), true},
		{"status", status, "Honorer", "", false},
		{"kind", kind, "JPT Pratama", string(model.PositionJPTPratama), true},
		{"kind", kind, "administrator", string(model.PositionAdministrator), true},
		{"kind", kind, "Pengawas", string(model.PositionPengawas), true},
		{"kind", kind, "JFU", string(model.PositionPelaksana), true},
		{"kind", kind, "JF", string(model.PositionFungsional), true},
		{"kind", kind, "  Jabatan   Fungsional ", string(model.PositionFungsional), true},
		{"kind", kind, "Eselon V", "", false},
		{"jenjang", normJenjang, "Ahli Pertama", "ahli_pertama", true},
		{"jenjang", normJenjang, "TERAMPIL", "terampil", true},
		{"jenjang", normJenjang, "Ahli Super", "", false},
	} {
		got, err := c.f(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("%s(%q) = %q, %v; want %q, ok %v", c.name, c.in, got, err, c.want, c.ok)
		}
	}
}

func TestNormPhone(t *testing.T) {
	for in, want := range map[string]string{
		"81234567890":    "081234567890",
		"081234567890":   "081234567890",
		"+6281234567890": "+6281234567890",
		"0754-61234":     "0754-61234",
		"812":            "812",
		"":               "",
	} {
		if got := normPhone(in); got != want {
			t.Errorf("normPhone(%q) = %q, want %q", in, got, want)
		}
	}
}
