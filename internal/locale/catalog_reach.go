package locale

// The messages of an administrator's reach (an OPD admin changes only
// their OPD) and of the one definitive holder of a post.
var reachID = map[string]string{
	"invalid.placement.position.reach": "Jabatan %s berada di %s, di luar perangkat daerah yang Anda kelola. " +
		"Penempatan ke perangkat daerah lain, termasuk sebagai Plt atau Plh, dilakukan oleh BKPSDM.",
	"invalid.placement.position.held": "Jabatan %s masih dijabat definitif oleh %s. Satu jabatan ini hanya untuk " +
		"satu pejabat definitif: akhiri dulu penempatan pejabat tersebut di halaman pegawainya, atau pindahkan ke " +
		"jabatan lain, lalu ulangi. Untuk mengisi jabatan sementara, gunakan Plt atau Plh.",
	"invalid.rater.reach": "%s bukan pegawai perangkat daerah yang Anda kelola. Pejabat penilai atau atasan " +
		"pejabat penilai dari perangkat daerah lain hanya dapat ditetapkan oleh BKPSDM.",
	"import.reject.employee.unplaced": "Pegawai ini belum punya jabatan definitif di perangkat daerah mana pun; " +
		"penempatannya diurus BKPSDM",
	"import.reject.seat.dup":   "Jabatan %s juga diisi oleh baris %d berkas ini; jabatan ini hanya untuk satu pejabat definitif",
	"import.reject.seat.later": "Jabatan %s baru dilepas %s (NIP %s) mulai %s (baris %d); TMT baris ini tidak boleh lebih awal",
	"import.reject.tmt.before": "TMT jabatan %s jatuh sebelum atau pada TMT jabatan sekarang (%s); " +
		"isi TMT jabatan baru sesudah tanggal itu",
}

var reachEN = map[string]string{
	"invalid.placement.position.reach": "Position %s belongs to %s, outside the perangkat daerah you manage. " +
		"Placements in another perangkat daerah, acting ones (Plt, Plh) included, are made by BKPSDM.",
	"invalid.placement.position.held": "Position %s is still held definitively by %s. This position has one " +
		"definitive holder: first end that person's placement on their page, or move them to another position, " +
		"then try again. To fill the position for a while, use an acting placement (Plt or Plh).",
	"invalid.rater.reach": "%s is not an employee of the perangkat daerah you manage. A pejabat penilai or atasan " +
		"pejabat penilai from another perangkat daerah can only be named by BKPSDM.",
	"import.reject.employee.unplaced": "This employee has no definitive position in any perangkat daerah; " +
		"BKPSDM places them",
	"import.reject.seat.dup":   "Position %s is also filled by row %d of this file; this position has one definitive holder",
	"import.reject.seat.later": "Position %s is left by %s (NIP %s) only from %s (row %d); the TMT of this row cannot be earlier",
	"import.reject.tmt.before": "The TMT %s falls on or before the TMT of the current position (%s); " +
		"give a TMT after that date",
}

func init() {
	for k, v := range reachID {
		catalogs["id"][k] = v
	}
	for k, v := range reachEN {
		catalogs["en"][k] = v
	}
}
