package locale

// The messages of capaian kinerja organisasi: the sources of
// recommendations, the checks on what a setter or a recommender sends, the
// notification to the OPD head, the audit entries and the page.
var unitPerformanceID = map[string]string{
	"unitperf.source.bkpsdm":      "BKPSDM",
	"unitperf.source.bappeda":     "Bappeda",
	"unitperf.source.inspektorat": "Inspektorat",

	"invalid.unitperf.capaian":           "Pilih Istimewa, Baik, Butuh Perbaikan, Kurang, atau Sangat Kurang.",
	"invalid.unitperf.basis.required":    "Tuliskan dasar penetapan: capaian Perjanjian Kinerja atau ringkasan rencana aksi.",
	"invalid.unitperf.basis.long":        "Dasar penetapan paling panjang %d karakter.",
	"invalid.unitperf.source":            "Pilih asal rekomendasi: BKPSDM, Bappeda, atau Inspektorat.",
	"invalid.unitperf.note.long":         "Catatan rekomendasi paling panjang %d karakter.",
	"invalid.unitperf.unit.opd":          "%s bukan perangkat daerah; capaian kinerja organisasi ditetapkan per perangkat daerah.",
	"invalid.unitperf.period.kind":       "Capaian kinerja organisasi ditetapkan untuk periode periodik atau tahunan.",
	"invalid.unitperf.period.locked":     "Periode %s sudah dikunci setelah penilaian; capaiannya tidak dapat diubah lagi.",
	"invalid.unitperf.period.unknown":    "Periode itu tidak ada.",
	"invalid.unitperf.period.none":       "Tahun kinerja ini belum dibuka, jadi belum ada periode.",
	"invalid.unitperf.setter":            "Pilih kepala daerah atau Sekda.",
	"invalid.unitperf.source.unit":       "%s bukan perangkat daerah instansi ini.",
	"notif.unit_performance.set.title":   "%[1]s menetapkan capaian kinerja %[2]s periode %[3]s: %[4]s",
	"notif.unit_performance.set.body":    "%[5]s",
	"notif.word.capaian.istimewa":        "Istimewa",
	"notif.word.capaian.baik":            "Baik",
	"notif.word.capaian.butuh_perbaikan": "Butuh Perbaikan",
	"notif.word.capaian.kurang":          "Kurang",
	"notif.word.capaian.sangat_kurang":   "Sangat Kurang",

	"action.unit_performance.set":       "Capaian kinerja organisasi ditetapkan",
	"action.unit_performance.recommend": "Rekomendasi capaian kinerja organisasi dicatat",
	"action.instansi.unit_performance":  "Pengaturan capaian kinerja organisasi diubah",
	"entity.unit_performance":           "Capaian kinerja organisasi",
}

var unitPerformanceEN = map[string]string{
	"unitperf.source.bkpsdm":      "BKPSDM (personnel)",
	"unitperf.source.bappeda":     "Bappeda (planning)",
	"unitperf.source.inspektorat": "Inspektorat (oversight)",

	"invalid.unitperf.capaian":           "Choose outstanding, good, needs improvement, poor or very poor.",
	"invalid.unitperf.basis.required":    "Write the basis: the Perjanjian Kinerja results or a summary of the rencana aksi.",
	"invalid.unitperf.basis.long":        "The basis may be at most %d characters.",
	"invalid.unitperf.source":            "Choose where the recommendation comes from: BKPSDM, Bappeda or the Inspektorat.",
	"invalid.unitperf.note.long":         "The note may be at most %d characters.",
	"invalid.unitperf.unit.opd":          "%s is not a perangkat daerah; organisational performance is set per perangkat daerah.",
	"invalid.unitperf.period.kind":       "Organisational performance is set for a periodic or an annual period.",
	"invalid.unitperf.period.locked":     "Period %s was locked after assessment; its performance can no longer change.",
	"invalid.unitperf.period.unknown":    "That period does not exist.",
	"invalid.unitperf.period.none":       "This performance year is not opened yet, so it has no periods.",
	"invalid.unitperf.setter":            "Choose the head of the region or the Sekda.",
	"invalid.unitperf.source.unit":       "%s is not a perangkat daerah of this agency.",
	"notif.unit_performance.set.title":   "%[1]s set the performance of %[2]s for %[3]s: %[4]s",
	"notif.unit_performance.set.body":    "%[5]s",
	"notif.word.capaian.istimewa":        "Outstanding",
	"notif.word.capaian.baik":            "Good",
	"notif.word.capaian.butuh_perbaikan": "Needs improvement",
	"notif.word.capaian.kurang":          "Poor",
	"notif.word.capaian.sangat_kurang":   "Very poor",

	"action.unit_performance.set":       "Organisational performance set",
	"action.unit_performance.recommend": "Organisational performance recommendation recorded",
	"action.instansi.unit_performance":  "Organisational performance settings changed",
	"entity.unit_performance":           "Organisational performance",
}

func init() {
	for k, v := range unitPerformanceID {
		catalogs["id"][k] = v
	}
	for k, v := range unitPerformanceEN {
		catalogs["en"][k] = v
	}
}
