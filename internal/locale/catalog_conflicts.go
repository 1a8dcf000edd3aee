package locale

// The reasons of state conflicts (409) in penilaian, calibration,
// keberatan, follow-up and reports: why an act does not apply to the
// record as it is now. The web's conflict page and the API's problem
// detail show them.
var conflictsID = map[string]string{
	"conflict.period.locked":           "Periode ini sudah dikunci, sehingga rating tidak dapat diubah lagi kecuali BKPSDM membuka kuncinya.",
	"conflict.calibration.final":       "Kalibrasi perangkat daerah ini untuk periode ini sudah final, sehingga rating tidak dapat diubah lagi kecuali BKPSDM membuka kuncinya.",
	"conflict.calibration.notfinal":    "Kalibrasi perangkat daerah ini untuk periode ini belum final, jadi tidak ada yang perlu dibuka.",
	"conflict.calibration.notsent":     "Hasil penilaian ini belum dikirim kepada pegawai. Kalibrasi hanya memindahkan hasil yang sudah dikirim; sebelum itu rating masih dapat diubah oleh pejabat penilai.",
	"conflict.calibration.objection":   "Keberatan atas hasil ini sedang berjalan. Kalibrasi menunggu keputusan atasan pejabat penilai, supaya keputusan diambil atas hasil yang diajukan keberatan.",
	"conflict.assessment.decided":      "Keberatan atas hasil ini sudah diputuskan. Keputusan itu final, sehingga hasil penilaian tidak dapat diubah lagi.",
	"conflict.assessment.sent":         "Hasil penilaian ini sudah dikirim kepada pegawai. Sesudah dikirim, rating hanya dapat berubah melalui kalibrasi atau keberatan.",
	"conflict.assessment.notsent":      "Hasil penilaian ini belum dikirim kepada pegawai, jadi belum ada yang dapat dikonfirmasi.",
	"conflict.assessment.acknowledged": "Hasil penilaian ini sudah dikonfirmasi.",
	"conflict.objection.exists":        "Hasil ini sudah diajukan keberatan. Satu hasil penilaian hanya dapat diajukan keberatan satu kali.",
	"conflict.objection.notsent":       "Hasil penilaian ini belum dikirim kepada pegawai; keberatan dapat diajukan setelah hasilnya diterima.",
	"conflict.objection.explained":     "Keberatan ini sudah dijelaskan oleh pejabat penilai.",
	"conflict.objection.decided":       "Keberatan ini sudah diputuskan. Keputusan itu final.",
	"conflict.followup.status":         "Tindak lanjut yang %s tidak dapat diubah menjadi %s.",
	"conflict.report.notready":         "Laporan ini belum selesai dibuat. Tunggu sampai selesai, lalu unduh lagi.",
	"err.409.reload":                   "Muat ulang halaman untuk melihat keadaan terkini. Tidak ada data yang diubah.",
}

var conflictsEN = map[string]string{
	"conflict.period.locked":           "The period is locked, so ratings can no longer change unless BKPSDM unlocks it.",
	"conflict.calibration.final":       "The OPD's calibration for this period is final, so ratings can no longer change unless BKPSDM unlocks it.",
	"conflict.calibration.notfinal":    "The OPD's calibration for this period is not final, so there is nothing to unlock.",
	"conflict.calibration.notsent":     "This result has not been sent to the employee yet. Calibration moves results already sent; until then the pejabat penilai may still change the rating.",
	"conflict.calibration.objection":   "An objection to this result is open. Calibration waits for the atasan pejabat penilai's decision, so that the decision is taken on the result objected to.",
	"conflict.assessment.decided":      "The objection to this result was decided. The decision is final, so the result can no longer change.",
	"conflict.assessment.sent":         "This result was already sent to the employee. Once sent, ratings change only through calibration or an objection.",
	"conflict.assessment.notsent":      "This result has not been sent to the employee yet, so there is nothing to confirm.",
	"conflict.assessment.acknowledged": "This result was already confirmed.",
	"conflict.objection.exists":        "This result was already objected to. A result can be objected to only once.",
	"conflict.objection.notsent":       "This result has not been sent to the employee; an objection can be made once it is received.",
	"conflict.objection.explained":     "The pejabat penilai already explained this objection.",
	"conflict.objection.decided":       "This objection was already decided. The decision is final.",
	"conflict.followup.status":         "A follow-up that is %s cannot become %s.",
	"conflict.report.notready":         "This report is not ready yet. Wait until it is done, then download it again.",
	"err.409.reload":                   "Reload the page to see the record as it is. Nothing was changed.",
}

func init() {
	for k, v := range conflictsID {
		catalogs["id"][k] = v
	}
	for k, v := range conflictsEN {
		catalogs["en"][k] = v
	}
}

// The filters of lists.
func init() {
	catalogs["id"]["invalid.query.flag"] = "Isi dengan true atau false (1 atau 0)."
	catalogs["id"]["invalid.query.id"] = "Bukan pengenal yang sah."
	catalogs["en"]["invalid.query.flag"] = "Use true or false (1 or 0)."
	catalogs["en"]["invalid.query.id"] = "Not a valid identifier."
}

// The instansi-wide keberatan list.
func init() {
	catalogs["id"]["invalid.objection.status"] = "Pilih submitted, explained atau decided."
	catalogs["en"]["invalid.objection.status"] = "Choose submitted, explained or decided."
}

func init() {
	for k, v := range map[string]string{
		"objection.all":           "Semua keberatan di instansi",
		"objection.all.opd":       "Perangkat daerah",
		"objection.all.anyopd":    "Semua perangkat daerah",
		"objection.all.status":    "Tahap",
		"objection.all.anystatus": "Semua tahap",
		"objection.all.filter":    "Tampilkan",
		"objection.all.none":      "Tidak ada keberatan yang sesuai dengan pilihan ini.",
		"objection.all.more":      "Keberatan berikutnya",
	} {
		catalogs["id"][k] = v
	}
	for k, v := range map[string]string{
		"objection.all":           "Every objection in the instansi",
		"objection.all.opd":       "OPD",
		"objection.all.anyopd":    "Every OPD",
		"objection.all.status":    "Step",
		"objection.all.anystatus": "Every step",
		"objection.all.filter":    "Show",
		"objection.all.none":      "No objection matches these choices.",
		"objection.all.more":      "Next objections",
	} {
		catalogs["en"][k] = v
	}
}
