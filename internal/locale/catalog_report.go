package locale

// The messages of the reconciliation reports.
var reportID = map[string]string{
	"report.title":              "Laporan rekonsiliasi e-Kinerja",
	"report.intro":              "Laporan dalam susunan kolom ekspor e-Kinerja BKN, untuk dicocokkan dengan aplikasi nasional. Laporan instansi yang besar disusun beberapa saat; kemajuannya ditampilkan.",
	"report.which":              "Laporan",
	"report.name.laporan-skp":   "Laporan SKP",
	"report.name.penilaian-skp": "Laporan Penilaian SKP (per bulan dan tahunan)",
	"report.year":               "Tahun",
	"report.opd":                "Perangkat daerah",
	"report.opd.all":            "Semua yang dapat Anda lihat",
	"report.start":              "Susun laporan",
	"report.building":           "Laporan sedang disusun",
	"report.wait":               "Halaman ini diperbarui sendiri.",
	"report.ready":              "Laporan siap diunduh.",
	"report.failed":             "Laporan gagal disusun. Coba lagi; bila terus gagal, hubungi admin.",
	"report.download":           "Unduh %s",
	"monitor.reports":           "Laporan rekonsiliasi e-Kinerja (XLSX)",
}

var reportEN = map[string]string{
	"report.title":              "e-Kinerja reconciliation reports",
	"report.intro":              "Reports in the column layout of e-Kinerja BKN's exports, to reconcile with the national application. A large instansi's report takes a moment; its progress is shown.",
	"report.which":              "Report",
	"report.name.laporan-skp":   "Laporan SKP",
	"report.name.penilaian-skp": "Laporan Penilaian SKP (monthly and annual)",
	"report.year":               "Year",
	"report.opd":                "OPD",
	"report.opd.all":            "All you can see",
	"report.start":              "Build the report",
	"report.building":           "The report is being built",
	"report.wait":               "This page refreshes itself.",
	"report.ready":              "The report is ready.",
	"report.failed":             "The report could not be built. Try again; if it keeps failing, tell an administrator.",
	"report.download":           "Download %s",
	"monitor.reports":           "e-Kinerja reconciliation reports (XLSX)",
}

func init() {
	for k, v := range reportID {
		catalogs["id"][k] = v
	}
	for k, v := range reportEN {
		catalogs["en"][k] = v
	}
}
