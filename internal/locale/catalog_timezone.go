package locale

// The messages of the instansi's time zone.
var timeZoneID = map[string]string{
	"invalid.timezone":     "Zona waktu “%s” tidak dikenal. Pilih salah satu: Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).",
	"zone.title":           "Zona waktu instansi",
	"zone.label":           "Zona waktu",
	"zone.help":            "Menentukan “hari ini” bagi seluruh pegawai instansi: tanggal progres harian yang belum tiba, batas terlambat, batas pelaporan periode, pengingat, tanggal dokumen SKP, dan jam yang tampil di halaman.",
	"zone.save":            "Simpan zona waktu",
	"zone.wib":             "WIB — Waktu Indonesia Barat (UTC+7)",
	"zone.wita":            "WITA — Waktu Indonesia Tengah (UTC+8)",
	"zone.wit":             "WIT — Waktu Indonesia Timur (UTC+9)",
	"year.deadline.passed": "sudah lewat",
}

var timeZoneEN = map[string]string{
	"invalid.timezone":     "Unknown time zone “%s”. Choose one of Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).",
	"zone.title":           "The instansi's time zone",
	"zone.label":           "Time zone",
	"zone.help":            "Sets “today” for every employee of the instansi: a daily progress date still to come, the late limit, the period report deadlines, the reminders, the SKP document's date and the times shown on the pages.",
	"zone.save":            "Save the time zone",
	"zone.wib":             "WIB — Western Indonesia Time (UTC+7)",
	"zone.wita":            "WITA — Central Indonesia Time (UTC+8)",
	"zone.wit":             "WIT — Eastern Indonesia Time (UTC+9)",
	"year.deadline.passed": "passed",
}

func init() {
	for k, v := range timeZoneID {
		catalogs["id"][k] = v
	}
	for k, v := range timeZoneEN {
		catalogs["en"][k] = v
	}
}
