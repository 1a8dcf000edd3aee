package locale

// The messages of the one count of the pola distribusi: a send refused at
// a limit, the base stated on the calibration screen, the capaian locked
// with the OPD's calibration, and the OPD head's result re-derived when
// the capaian changes, and the sending withheld while the limit of the
// rating's predikat is full or the OPD's capaian is not set yet.
var curveID = map[string]string{
	"conflict.assessment.curve.full":          "Hasil %s tidak dapat dikirim karena melampaui pola distribusi perangkat daerah: %s Tinjau kembali rating ini atau bahas dalam kalibrasi.",
	"conflict.unitperf.leader.objection":      "Hasil penilaian %s untuk %s sedang dalam keberatan: capaian kinerja organisasi yang akan mengubah rating hasil kerjanya menunggu keputusan atasan pejabat penilai.",
	"conflict.unitperf.leader.decided":        "Keberatan atas hasil penilaian %s untuk %s sudah diputuskan dan keputusan itu final: capaian kinerja organisasi yang akan mengubah rating hasil kerjanya tidak dapat ditetapkan lagi.",
	"conflict.unitperf.calibration.final":     "Kalibrasi %s untuk %s sudah final: capaian kinerja organisasinya tidak dapat diubah lagi kecuali BKPSDM membuka kunci kalibrasi itu.",
	"calib.base":                              "Jumlah pegawai: %d. Setiap pegawai yang dinilai pada periode ini dihitung sekali, sudah diberi rating atau belum; pegawai dengan lebih dari satu SKP (misalnya Plt atau Plh) dihitung dengan hasil SKP jabatan definitifnya. Batas pola dihitung dari jumlah ini, dan hasil yang melampaui batas paling banyak tidak dapat dikirim.",
	"calib.sent":                              "Sudah dikirim: %d pegawai.",
	"assessment.finalize.full":                "Batas %s untuk OPD ini sudah penuh: %s Ubah rating di atas atau bahas dalam kalibrasi; hasil dengan predikat ini tidak dapat dikirim sekarang.",
	"assessment.finalize.nocapaian":           "Capaian kinerja organisasi OPD ini untuk periode ini belum ditetapkan, sehingga pola distribusinya belum diketahui: hasil dapat dikirim setelah capaian itu ditetapkan.",
	"action.assessment.capaian":               "Rating hasil kerja kepala OPD mengikuti capaian yang diubah",
	"notif.assessment.capaian.title":          "Rating hasil kerja %[1]s untuk %[2]s mengikuti capaian organisasi yang diubah",
	"notif.assessment.capaian.body":           "Capaian kinerja organisasi kini %[3]s, sehingga rating hasil kerja menjadi %[4]s.",
	"notif.assessment.capaian.received.title": "Hasil penilaian Anda untuk %[2]s berubah karena capaian organisasi diubah",
	"notif.assessment.capaian.received.body":  "Capaian kinerja organisasi kini %[3]s, sehingga rating hasil kerja Anda menjadi %[4]s. Hasil yang berubah ini Anda terima hari ini: konfirmasikan kembali, dan bila tidak sependapat Anda dapat mengajukan keberatan dalam 14 hari kalender sejak hari ini.",
	"notif.word.rating.di_atas":               "Di Atas Ekspektasi",
	"notif.word.rating.sesuai":                "Sesuai Ekspektasi",
	"notif.word.rating.di_bawah":              "Di Bawah Ekspektasi",
}

var curveEN = map[string]string{
	"conflict.assessment.curve.full":          "A %s result cannot be sent because it would break the OPD's distribution pattern: %s Review this rating or discuss it in calibration.",
	"conflict.unitperf.leader.objection":      "The result of %s for %s is under objection: an organisational performance that would change their rating of work results waits for the atasan pejabat penilai's decision.",
	"conflict.unitperf.leader.decided":        "The objection to the result of %s for %s was decided and the decision is final: an organisational performance that would change their rating of work results can no longer be set.",
	"conflict.unitperf.calibration.final":     "The calibration of %s for %s is final: its organisational performance can no longer change unless BKPSDM unlocks that calibration.",
	"calib.base":                              "People assessed: %d. Everyone assessed in this period counts once, rated or not; someone with more than one SKP (an acting Plt or Plh, for instance) counts with the result of their definitive SKP. The limits are shares of this number, and a result that would pass an upper limit cannot be sent.",
	"calib.sent":                              "Sent: %d people.",
	"assessment.finalize.full":                "The %s limit for this OPD is full: %s Change the rating above or discuss it in calibration; a result with this predikat cannot be sent now.",
	"assessment.finalize.nocapaian":           "The organisational performance (capaian kinerja organisasi) of this OPD for this period is not set yet, so its distribution pattern is not known: the result can be sent once it is set.",
	"action.assessment.capaian":               "OPD head's work rating follows the changed performance",
	"notif.assessment.capaian.title":          "The work rating of %[1]s for %[2]s follows the changed organisational performance",
	"notif.assessment.capaian.body":           "The organisational performance is now %[3]s, so the work rating is now %[4]s.",
	"notif.assessment.capaian.received.title": "Your result for %[2]s changed with the organisational performance",
	"notif.assessment.capaian.received.body":  "The organisational performance is now %[3]s, so your work rating is now %[4]s. You receive the changed result today: please confirm it again; if you disagree, you may object within 14 calendar days from today.",
	"notif.word.rating.di_atas":               "Above expectations",
	"notif.word.rating.sesuai":                "Meets expectations",
	"notif.word.rating.di_bawah":              "Below expectations",
}

func init() {
	for k, v := range curveID {
		catalogs["id"][k] = v
	}
	for k, v := range curveEN {
		catalogs["en"][k] = v
	}
}
