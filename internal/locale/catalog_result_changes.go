package locale

// The messages of the changes of a sent result with their cause: a
// calibration move, or a change of the OPD's capaian kinerja organisasi
// that an OPD head's rating hasil kerja follows.
var resultChangesID = map[string]string{
	"penilaian.step.capaian":       "mengubah capaian kinerja organisasi; rating hasil kerja kepala perangkat daerah mengikutinya",
	"penilaian.step.capaian.cause": "Capaian kinerja organisasi %s → %s (bukan penilaian pejabat penilai)",
	"penilaian.step.reason":        "Alasan atau dasar",
	"penilaian.moves.capaian":      "Karena perubahan capaian kinerja organisasi: %s → %s; rating hasil kerja kepala perangkat daerah mengikuti capaian.",
	"penilaian.moves.basis":        "Dasar penetapan capaian",
	"penilaian.moves.calibration":  "Dipindahkan dalam kalibrasi.",
}

var resultChangesEN = map[string]string{
	"penilaian.step.capaian":       "changed the capaian kinerja organisasi; the OPD head's rating hasil kerja follows it",
	"penilaian.step.capaian.cause": "Capaian kinerja organisasi %s → %s (not the rater's rating)",
	"penilaian.step.reason":        "Reason or basis",
	"penilaian.moves.capaian":      "Because the capaian kinerja organisasi changed: %s → %s; the OPD head's rating hasil kerja follows the capaian.",
	"penilaian.moves.basis":        "Basis of the capaian",
	"penilaian.moves.calibration":  "Moved in calibration.",
}

func init() {
	for k, v := range resultChangesID {
		catalogs["id"][k] = v
	}
	for k, v := range resultChangesEN {
		catalogs["en"][k] = v
	}
}
