package locale

// The messages of a performance year's periods, and their names.
var periodsID = map[string]string{
	"invalid.period.status":  "Status periode tidak dikenal; pilih draft, open, closed atau locked",
	"invalid.period.overlap": "Tanggalnya bertumpang tindih dengan periode %v (%s s.d. %s): satu hari hanya masuk satu periode. Geser dulu tanggal periode itu",
	"invalid.period.year":    "Periode tahun %d harus berada di dalam tahun itu, antara %s dan %s",
	"period.name.month":      "%s %d",
	"period.name.quarter":    "Triwulan %s %d",
	"period.name.annual":     "Tahunan %d",
	"month.1":                "Januari",
	"month.2":                "Februari",
	"month.3":                "Maret",
	"month.4":                "April",
	"month.5":                "Mei",
	"month.6":                "Juni",
	"month.7":                "Juli",
	"month.8":                "Agustus",
	"month.9":                "September",
	"month.10":               "Oktober",
	"month.11":               "November",
	"month.12":               "Desember",
}

var periodsEN = map[string]string{
	"invalid.period.status":  "Unknown period status; choose draft, open, closed or locked",
	"invalid.period.overlap": "Its dates overlap the period %v (%s to %s): a day belongs to one period only. Move that period's dates first",
	"invalid.period.year":    "A period of %d must lie within that year, between %s and %s",
	"period.name.month":      "%s %d",
	"period.name.quarter":    "Quarter %s %d",
	"period.name.annual":     "Annual %d",
	"month.1":                "January",
	"month.2":                "February",
	"month.3":                "March",
	"month.4":                "April",
	"month.5":                "May",
	"month.6":                "June",
	"month.7":                "July",
	"month.8":                "August",
	"month.9":                "September",
	"month.10":               "October",
	"month.11":               "November",
	"month.12":               "December",
}

func init() {
	for k, v := range periodsID {
		catalogs["id"][k] = v
	}
	for k, v := range periodsEN {
		catalogs["en"][k] = v
	}
}
