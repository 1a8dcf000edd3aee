package locale

// The messages of penilaian: ratings, predikat, capaian organisasi, the
// distribution curve and the suggested rating hasil kerja.
var penilaianID = map[string]string{
	"rating.di_atas":  "Di Atas Ekspektasi",
	"rating.sesuai":   "Sesuai Ekspektasi",
	"rating.di_bawah": "Di Bawah Ekspektasi",

	"predikat.sangat_baik":     "Sangat Baik",
	"predikat.baik":            "Baik",
	"predikat.butuh_perbaikan": "Butuh Perbaikan",
	"predikat.kurang":          "Kurang/Misconduct",
	"predikat.sangat_kurang":   "Sangat Kurang",

	"capaian.istimewa":        "Istimewa",
	"capaian.baik":            "Baik",
	"capaian.butuh_perbaikan": "Butuh Perbaikan",
	"capaian.kurang":          "Kurang",
	"capaian.sangat_kurang":   "Sangat Kurang",

	"invalid.rating":            "Pilih Di Atas, Sesuai, atau Di Bawah Ekspektasi.",
	"invalid.assessment.status": "Status penilaian: open, rated, atau final.",
	"invalid.curve.period":      "Pilih periodenya.",

	"curve.either": "%s atau %s",
	"curve.max":    "%s paling banyak %d%% (%d pegawai); kini %d.",
	"curve.min":    "%s sedikitnya %d%% (%d pegawai); kini %d.",
	"curve.some":   "Harus ada pegawai dengan predikat %s; kini %d.",
	"curve.none":   "Tidak boleh ada pegawai dengan predikat %s; kini %d.",

	"suggest.counts":                       "Dari %d hasil kerja yang dapat dibandingkan dengan targetnya: %d melampaui, %d mencapai, %d di bawah target.",
	"suggest.unknown":                      "%d hasil kerja tidak dapat dibandingkan (target naratif atau realisasi belum diisi); nilailah dari bukti dukungnya.",
	"suggest.none":                         "Tidak ada hasil kerja yang dapat dibandingkan dengan angka, jadi tidak ada saran rating.",
	"suggest.most_below":                   "Sebagian besar hasil kerja di bawah target.",
	"suggest.most_above":                   "Sebagian besar hasil kerja melampaui target dan tidak ada hasil kerja utama di bawah target.",
	"suggest.utama_below":                  "Sebagian besar hasil kerja melampaui target, tetapi %d hasil kerja utama di bawah target.",
	"suggest.most_meet":                    "Sebagian besar hasil kerja mencapai target.",
	"conflict.assessment.notrated":         "Penilaian ini belum diberi rating: beri rating hasil kerja dan perilaku kerja dahulu sebelum mengirim hasilnya.",
	"conflict.assessment.leader.nocapaian": "Rating hasil kerja kepala perangkat daerah mengikuti capaian kinerja organisasi, yang untuk periode ini belum ditetapkan.",
	"invalid.assessment.leader.hasilkerja": "Rating hasil kerja kepala perangkat daerah mengikuti capaian kinerja organisasi (%s): %s.",
	"invalid.assessment.note.long":         "Catatan paling banyak %d karakter.",
	"invalid.assessment.feedback.rhk":      "Umpan balik hanya untuk RHK pada SKP yang dinilai.",
	"invalid.assessment.feedback.value":    "Umpan balik hanya untuk ketujuh nilai BerAKHLAK pada SKP yang dinilai.",
	"invalid.assessment.feedback.long":     "Umpan balik paling banyak %d karakter.",
	"conflict.assessment.nocapaian":        "Capaian kinerja organisasi perangkat daerah ini untuk periode ini belum ditetapkan; hasil penilaian dikirim setelah pola distribusinya diketahui.",
	"invalid.assessment.predikat.computed": "Predikat tidak dapat diisi: predikat mengikuti rating hasil kerja dan rating perilaku kerja.",

	"action.assessment.open":        "Penilaian periode dibuat",
	"action.assessment.rate":        "Rating diberikan",
	"action.assessment.finalize":    "Hasil penilaian dikirim kepada pegawai",
	"action.assessment.acknowledge": "Hasil penilaian dikonfirmasi pegawai",
	"entity.assessment":             "Penilaian",

	"notif.assessment.finalized.title": "Hasil penilaian %[1]s",
	"notif.assessment.finalized.body":  "Predikat kinerja Anda untuk %[1]s telah dikirim. Bukalah untuk melihat bagaimana hasil itu dicapai.",
	"invalid.calibration.reason":       "Tuliskan alasannya.",
	"invalid.calibration.reason.long":  "Alasan paling banyak %d karakter.",
	"invalid.calibration.same":         "Rating yang dipilih sama dengan rating sekarang.",
	"conflict.calibration.pending":     "Masih ada %d penilaian yang belum dikirim kepada pegawai; periode OPD difinalkan setelah semuanya dikirim.",
	"invalid.calibration.broken":       "Sebaran predikat melanggar %d batas pola distribusi. Perbaiki melalui kalibrasi, atau admin BKPSDM memfinalkan dengan alasan tertulis.",

	"action.assessment.move":           "Rating diubah dalam kalibrasi",
	"action.calibration.finalize":      "Periode OPD difinalkan",
	"action.calibration.unlock":        "Periode OPD dibuka kembali",
	"action.calibration.unlock.reason": "Alasan membuka kembali periode OPD",
	"entity.calibration":               "Kalibrasi",

	"notif.assessment.moved.title":          "Rating %[1]s diubah dalam kalibrasi",
	"notif.assessment.moved.body":           "Periode %[2]s. Alasan: %[3]s",
	"notif.assessment.moved.received.title": "Hasil penilaian Anda untuk %[2]s diubah dalam kalibrasi",
	"notif.assessment.moved.received.body":  "Alasan: %[3]s. Hasil yang diubah ini Anda terima hari ini: konfirmasikan kembali, dan bila tidak sependapat Anda dapat mengajukan keberatan dalam 14 hari kalender sejak hari ini.",
}

var penilaianEN = map[string]string{
	"rating.di_atas":  "Above expectations",
	"rating.sesuai":   "Meets expectations",
	"rating.di_bawah": "Below expectations",

	"predikat.sangat_baik":     "Very good",
	"predikat.baik":            "Good",
	"predikat.butuh_perbaikan": "Needs improvement",
	"predikat.kurang":          "Poor/Misconduct",
	"predikat.sangat_kurang":   "Very poor",

	"capaian.istimewa":        "Outstanding",
	"capaian.baik":            "Good",
	"capaian.butuh_perbaikan": "Needs improvement",
	"capaian.kurang":          "Poor",
	"capaian.sangat_kurang":   "Very poor",

	"invalid.rating":            "Choose above, meets or below expectations.",
	"invalid.assessment.status": "Assessment status: open, rated or final.",
	"invalid.curve.period":      "Choose the period.",

	"curve.either": "%s or %s",
	"curve.max":    "%s at most %d%% (%d people); now %d.",
	"curve.min":    "%s at least %d%% (%d people); now %d.",
	"curve.some":   "There must be people rated %s; now %d.",
	"curve.none":   "Nobody may be rated %s; now %d.",

	"suggest.counts":                       "Of %d results that can be compared with their targets: %d exceed, %d reach, %d fall short.",
	"suggest.unknown":                      "%d results cannot be compared (a narrative target or no realisasi yet); judge them from their evidence.",
	"suggest.none":                         "No result can be compared in numbers, so there is no suggested rating.",
	"suggest.most_below":                   "Most results fall short of their targets.",
	"suggest.most_above":                   "Most results exceed their targets and no main result falls short.",
	"suggest.utama_below":                  "Most results exceed their targets, but %d main results fall short.",
	"suggest.most_meet":                    "Most results reach their targets.",
	"conflict.assessment.notrated":         "This assessment is not rated yet: rate hasil kerja and perilaku kerja before sending the result.",
	"conflict.assessment.leader.nocapaian": "The rating hasil kerja of an OPD head follows the capaian kinerja organisasi, which is not yet set for this period.",
	"invalid.assessment.leader.hasilkerja": "The rating hasil kerja of an OPD head follows the capaian kinerja organisasi (%s): %s.",
	"invalid.assessment.note.long":         "The note may hold at most %d characters.",
	"invalid.assessment.feedback.rhk":      "Feedback only on the RHK of the SKP being assessed.",
	"invalid.assessment.feedback.value":    "Feedback only on the seven BerAKHLAK values of the SKP being assessed.",
	"invalid.assessment.feedback.long":     "Feedback may hold at most %d characters.",
	"conflict.assessment.nocapaian":        "The capaian kinerja organisasi of this OPD for this period is not set yet; results are sent once its distribution pattern is known.",
	"invalid.assessment.predikat.computed": "The predikat cannot be given: it follows from the rating hasil kerja and the rating perilaku kerja.",

	"action.assessment.open":        "Assessments of the period made",
	"action.assessment.rate":        "Rated",
	"action.assessment.finalize":    "Result sent to the employee",
	"action.assessment.acknowledge": "Result confirmed by the employee",
	"entity.assessment":             "Assessment",

	"notif.assessment.finalized.title": "Result of %[1]s",
	"notif.assessment.finalized.body":  "Your performance predikat for %[1]s has been sent. Open it to see how it was reached.",
	"invalid.calibration.reason":       "Write the reason.",
	"invalid.calibration.reason.long":  "The reason may hold at most %d characters.",
	"invalid.calibration.same":         "The ratings chosen are the current ones.",
	"conflict.calibration.pending":     "%d assessments are not yet sent to their employees; the OPD's period is finalised once all are sent.",
	"invalid.calibration.broken":       "The distribution breaks %d limits of the pattern. Fix it through calibration, or a BKPSDM administrator finalises it with a written reason.",

	"action.assessment.move":           "Rating changed in calibration",
	"action.calibration.finalize":      "OPD period finalised",
	"action.calibration.unlock":        "OPD period reopened",
	"action.calibration.unlock.reason": "Reason for reopening the OPD period",
	"entity.calibration":               "Calibration",

	"notif.assessment.moved.title":          "The rating of %[1]s was changed in calibration",
	"notif.assessment.moved.body":           "Period %[2]s. Reason: %[3]s",
	"notif.assessment.moved.received.title": "Your result for %[2]s was changed in calibration",
	"notif.assessment.moved.received.body":  "Reason: %[3]s. You receive the changed result today: please confirm it again; if you disagree, you may object within 14 calendar days from today.",
}

func init() {
	for k, v := range penilaianID {
		catalogs["id"][k] = v
	}
	for k, v := range penilaianEN {
		catalogs["en"][k] = v
	}
}
