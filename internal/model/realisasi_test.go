package model

import "testing"

func TestCheckRealisasi(t *testing.T) {
	count := Indicator{Description: "Jumlah dokumen", Target: "12", Unit: "dokumen"}
	percent := Indicator{Description: "Persentase tepat waktu", Target: "90", Unit: "%"}
	narrative := Indicator{Description: "Kualitas layanan", Target: "Sesuai SOP", Unit: "laporan"}
	tests := []struct {
		in    Indicator
		value string
		key   string // "" when accepted
	}{
		{count, "3", ""},
		{count, " 3 dokumen ", ""},
		{count, "120", ""},
		{count, "121", "invalid.realisasi.value.large"},
		{count, "1000000000", "invalid.realisasi.value.large"},
		{count, "1e9", "invalid.realisasi.value.number"},
		{count, "banyak", "invalid.realisasi.value.number"},
		{count, "-5", "invalid.realisasi.value.negative"},
		{count, "2,5", "invalid.realisasi.value.whole"},
		{count, "", "invalid.realisasi.value.required"},
		{count, "0x10", "invalid.realisasi.value.number"},
		{percent, "-5", "invalid.realisasi.value.negative"},
		{percent, "100", ""},
		{percent, "92,5", ""},
		{percent, "92,5%", ""},
		{percent, "100,01", "invalid.realisasi.value.percent"},
		{percent, "1e9", "invalid.realisasi.value.number"},
		{percent, "banyak", "invalid.realisasi.value.number"},
		{Indicator{Description: "Jam layanan", Target: "1,5", Unit: "jam"}, "2,25", ""},
		{Indicator{Description: "Berkas", Target: "1000", Unit: "berkas"}, "1.250", ""},
		{narrative, "Semua layanan sesuai SOP", ""},
	}
	for _, tt := range tests {
		err := CheckRealisasi(tt.in, tt.value)
		got := ""
		if m, ok := err.(Message); ok {
			got = m.Key
			if len(m.Args) == 0 || m.Args[0] != tt.in.Description {
				t.Errorf("CheckRealisasi(%q, %q) does not name the indicator: %v", tt.in.Description, tt.value, m.Args)
			}
		} else if err != nil {
			t.Fatalf("CheckRealisasi(%q) = %v, not a Message", tt.value, err)
		}
		if got != tt.key {
			t.Errorf("CheckRealisasi(%s %s, %q) = %q, want %q", tt.in.Target, tt.in.Unit, tt.value, got, tt.key)
		}
	}
}
