package locale

// The messages of the rules of the year on reports: progress and
// realisasi dated in a closed or locked period, and the RHK progress may
// serve.
var reportingID = map[string]string{
	"date.long":                       "%d %s %d",
	"invalid.report.period.closed":    "Periode %s sudah ditutup (batas pelaporan %s); laporan pada periode ini tidak dapat dicatat atau diubah lagi",
	"invalid.report.period.locked":    "Periode %s sudah dikunci setelah penilaian; laporan pada periode ini tidak dapat diubah lagi kecuali admin BKPSDM membuka kuncinya",
	"invalid.progress.rhk.unapproved": "RHK ini belum dapat dipilih karena SKP Anda belum disetujui pejabat penilai; catat sebagai tugas lain",
	"progress.skp.unapproved":         "SKP Anda belum disetujui pejabat penilai, jadi RHK-nya belum dapat dipilih; sampai disetujui, progres dicatat sebagai tugas lain.",
	"progress.skp.unapproved.link":    "Buka SKP",
	"progress.closed.title":           "Tanggal ini tidak dapat diisi",
}

var reportingEN = map[string]string{
	"date.long":                       "%d %s %d",
	"invalid.report.period.closed":    "Period %s is closed (reports were due by %s); reports in it can no longer be recorded or changed",
	"invalid.report.period.locked":    "Period %s is locked after assessment; reports in it can no longer change unless a BKPSDM administrator unlocks it",
	"invalid.progress.rhk.unapproved": "This RHK cannot be chosen yet because your SKP is not approved by your pejabat penilai; record it as other duties",
	"progress.skp.unapproved":         "Your SKP is not approved by your pejabat penilai yet, so its RHK cannot be chosen; until it is, progress is recorded as other duties.",
	"progress.skp.unapproved.link":    "Open the SKP",
	"progress.closed.title":           "This date cannot be filled in",
}

func init() {
	for k, v := range reportingID {
		catalogs["id"][k] = v
	}
	for k, v := range reportingEN {
		catalogs["en"][k] = v
	}
}
