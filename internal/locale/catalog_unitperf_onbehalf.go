package locale

// The messages of a recommendation on capaian kinerja organisasi that a
// BKPSDM administrator records on behalf of the body it comes from:
// its basis, the refusal once the body has spoken for itself, the body
// head's notification, the audit entry and how the page shows it.
var unitPerfOnBehalfID = map[string]string{
	"invalid.unitperf.onbehalf.basis.required": "Tuliskan dasar pencatatan atas nama lembaga itu: surat yang memuat rekomendasinya, misalnya \"Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026\".",
	"invalid.unitperf.onbehalf.basis.long":     "Dasar pencatatan atas nama paling panjang %d karakter.",
	"invalid.unitperf.onbehalf.basis.own":      "Dasar pencatatan hanya diisi bila mencatat rekomendasi atas nama lembaga lain; kosongkan untuk rekomendasi lembaga Anda sendiri.",
	"conflict.unitperf.onbehalf.own":           "%s sudah mencatat rekomendasinya sendiri untuk %s periode %s; rekomendasinya tidak lagi dicatat atas namanya.",

	"notif.unit_performance.on_behalf.title": "%[1]s mencatat rekomendasi atas nama %[2]s untuk %[3]s periode %[4]s: %[5]s",
	"notif.unit_performance.on_behalf.body":  "Dasar: %[6]s. Rekomendasi yang Anda catat sendiri menggantikannya.",
	"notif.word.source.bkpsdm":               "BKPSDM",
	"notif.word.source.bappeda":              "Bappeda",
	"notif.word.source.inspektorat":          "Inspektorat",

	"action.unit_performance.recommend_on_behalf": "Rekomendasi capaian kinerja organisasi dicatat atas nama lembaga lain",

	"unitperf.rec.onbehalf":        "Dicatat oleh %s atas nama %s: %s",
	"unitperf.rec.superseded":      "Diganti oleh rekomendasi %s sendiri tanggal %s.",
	"unitperf.rec.source.onbehalf": "%s (atas nama)",
	"unitperf.rec.basis":           "Dasar pencatatan atas nama",
	"unitperf.rec.basis.help":      "Wajib untuk rekomendasi \"(atas nama)\": surat yang memuatnya, misalnya \"Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026\", paling panjang %d karakter. Kosongkan untuk rekomendasi lembaga Anda sendiri.",
}

var unitPerfOnBehalfEN = map[string]string{
	"invalid.unitperf.onbehalf.basis.required": "Write what recording it on the body's behalf rests on: the letter that carries its recommendation, e.g. \"Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026\".",
	"invalid.unitperf.onbehalf.basis.long":     "The basis for recording on a body's behalf may be at most %d characters.",
	"invalid.unitperf.onbehalf.basis.own":      "A basis is only given when recording another body's recommendation on its behalf; leave it empty for your own body's.",
	"conflict.unitperf.onbehalf.own":           "%s has recorded its own recommendation for %s in %s; its recommendation is no longer recorded on its behalf.",

	"notif.unit_performance.on_behalf.title": "%[1]s recorded a recommendation on behalf of %[2]s for %[3]s, %[4]s: %[5]s",
	"notif.unit_performance.on_behalf.body":  "Basis: %[6]s. A recommendation you record yourselves replaces it.",
	"notif.word.source.bkpsdm":               "BKPSDM",
	"notif.word.source.bappeda":              "Bappeda",
	"notif.word.source.inspektorat":          "the Inspektorat",

	"action.unit_performance.recommend_on_behalf": "Organisational performance recommendation recorded on another body's behalf",

	"unitperf.rec.onbehalf":        "Recorded by %s on behalf of %s: %s",
	"unitperf.rec.superseded":      "Replaced by %s's own recommendation of %s.",
	"unitperf.rec.source.onbehalf": "%s (on its behalf)",
	"unitperf.rec.basis":           "Basis for recording on its behalf",
	"unitperf.rec.basis.help":      "Required for a recommendation \"(on its behalf)\": the letter that carries it, e.g. \"Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026\", at most %d characters. Leave it empty for your own body's.",
}

func init() {
	for k, v := range unitPerfOnBehalfID {
		catalogs["id"][k] = v
	}
	for k, v := range unitPerfOnBehalfEN {
		catalogs["en"][k] = v
	}
}
