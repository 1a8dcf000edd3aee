package locale

// The messages of who records each source's recommendation on capaian
// kinerja organisasi: each body its own.
var unitPerfSourceID = map[string]string{
	"forbidden.unitperf.source": "Rekomendasi %s dicatat oleh %[1]s sendiri: kepala atau admin OPD-nya (untuk BKPSDM juga admin BKPSDM, untuk Inspektorat juga auditornya), atau admin BKPSDM atas namanya dengan dasar tertulis. Anda mencatat rekomendasi sebagai %s.",
}

var unitPerfSourceEN = map[string]string{
	"forbidden.unitperf.source": "A recommendation of %s is recorded by %[1]s itself: its head or its OPD administrators (for BKPSDM also the BKPSDM administrators, for the Inspektorat also its auditors), or a BKPSDM administrator on its behalf with a written basis. You record recommendations as %s.",
}

func init() {
	for k, v := range unitPerfSourceID {
		catalogs["id"][k] = v
	}
	for k, v := range unitPerfSourceEN {
		catalogs["en"][k] = v
	}
}
