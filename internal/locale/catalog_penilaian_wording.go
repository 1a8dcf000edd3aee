package locale

// The words of the assessment pages for the year (an annual assessment
// speaks of the year, not the period) and the way on to the lists an
// account that is no employee's may read.
var penilaianWordingID = map[string]string{
	"penilaian.progress.year":      "Progres harian tahun ini: %d entri, %s jam, %d bukti dukung",
	"penilaian.due.year":           "target tahun ini: %s dari %s %s",
	"penilaian.reach.heading":      "Penilaian yang dapat Anda lihat",
	"penilaian.reach.lead":         "Akun ini tidak terhubung dengan data pegawai, jadi tidak ada SKP yang dinilai. Penilaian pegawai dapat dibaca lewat daftar berikut.",
	"penilaian.reach.calibration":  "kurva distribusi dan penilaian pegawai setiap OPD",
	"penilaian.reach.unitperf":     "capaian kinerja organisasi setiap OPD dengan rekomendasinya",
	"penilaian.reach.objections":   "keberatan atas hasil penilaian",
	"penilaian.reach.followups":    "angka kredit, rencana perbaikan, dan rekomendasi tindak lanjut",
	"penilaian.reach.reports":      "Laporan",
	"penilaian.reach.reports.note": "laporan SKP dan penilaian dalam format e-Kinerja BKN",
}

var penilaianWordingEN = map[string]string{
	"penilaian.progress.year":      "Daily progress this year: %d entries, %s hours, %d pieces of evidence",
	"penilaian.due.year":           "due this year: %s of %s %s",
	"penilaian.reach.heading":      "Assessments you may read",
	"penilaian.reach.lead":         "This account is not linked to an employee, so no SKP of yours is assessed. You read the employees' assessments through these lists.",
	"penilaian.reach.calibration":  "every OPD's distribution curve and assessments",
	"penilaian.reach.unitperf":     "every OPD's capaian kinerja organisasi with its recommendations",
	"penilaian.reach.objections":   "objections to assessment results",
	"penilaian.reach.followups":    "angka kredit, improvement plans and follow-up recommendations",
	"penilaian.reach.reports":      "Reports",
	"penilaian.reach.reports.note": "SKP and assessment reports in e-Kinerja BKN's layout",
}

func init() {
	for k, v := range penilaianWordingID {
		catalogs["id"][k] = v
	}
	for k, v := range penilaianWordingEN {
		catalogs["en"][k] = v
	}
}
