package locale

// The messages of transfers (mutasi): the SKP a transfer closed, the SKP
// after it, and taking RHK over.
var transferID = map[string]string{
	"invalid.realisasi.period.aftertransfer": "Periode %s dimulai setelah TMT mutasi, sesudah SKP ini ditutup. " +
		"Isi realisasinya pada SKP jabatan yang baru.",
	"conflict.takeover.noprevious": "SKP ini tidak didahului SKP yang ditutup karena mutasi, jadi tidak ada RHK yang dapat diambil alih.",
	"conflict.takeover.approved":   "SKP ini sudah pernah disetujui: RHK hanya dapat diambil alih selama SKP baru belum pernah disetujui.",
	"invalid.takeover.rhk.foreign": "Pilih RHK dari SKP sebelum mutasi yang belum diambil alih.",
	"invalid.takeover.rhk.none":    "Pilih sedikitnya satu RHK yang akan diambil alih.",

	"action.rhk.takeover":     "RHK diambil alih dari SKP sebelum mutasi",
	"action.progress.relink":  "Progres dipindahkan ke SKP setelah mutasi",
	"action.realisasi.relink": "Realisasi dipindahkan ke SKP setelah mutasi",

	"transfer.previous":      "SKP sebelum mutasi",
	"transfer.next":          "SKP setelah mutasi",
	"transfer.closed":        "SKP ini ditutup karena mutasi jabatan; masa berlakunya berakhir %s.",
	"transfer.aftertmt":      "%d catatan bertanggal setelah TMT mutasi masih ada pada SKP ini (ditandai \"setelah TMT mutasi\"). Catatan itu tetap dapat dibaca di sini dan pindah ke SKP jabatan baru begitu RHK-nya diambil alih.",
	"transfer.takeover":      "Ambil alih RHK dari SKP sebelum mutasi",
	"transfer.takeover.lead": "RHK yang dipilih disalin beserta indikatornya. Progres dan realisasi yang bertanggal setelah TMT mutasi pada RHK itu ikut pindah ke SKP ini. Periksa kembali RHK atasan yang diintervensi sebelum mengajukan.",
	"transfer.takeover.save": "Ambil alih RHK terpilih",
	"transfer.takenfrom":     "Diambil alih dari SKP sebelum mutasi",
	"transfer.ok.takeover":   "RHK diambil alih. Progres dan realisasi setelah TMT mutasi sudah dipindahkan ke SKP ini.",
	"realisasi.aftertmt": "Setelah TMT mutasi: periode ini dimulai sesudah SKP ini ditutup. Yang tercatat di sini tetap dapat dibaca, " +
		"tetapi tidak diubah lagi di sini; realisasi periode ini diisi pada SKP jabatan yang baru.",
	"realisasi.aftertmt.entry": "setelah TMT mutasi",
}

var transferEN = map[string]string{
	"invalid.realisasi.period.aftertransfer": "Period %s begins after the TMT of the transfer, once this SKP was closed. " +
		"Fill its realisasi on the SKP of the new position.",
	"conflict.takeover.noprevious": "No SKP closed by a transfer comes before this one, so there are no RHK to take over.",
	"conflict.takeover.approved":   "This SKP was approved already: RHK can be taken over only while the new SKP has never been approved.",
	"invalid.takeover.rhk.foreign": "Choose RHK of the SKP before the transfer that were not taken over yet.",
	"invalid.takeover.rhk.none":    "Choose at least one RHK to take over.",

	"action.rhk.takeover":     "RHK taken over from the SKP before the transfer",
	"action.progress.relink":  "Progress moved to the SKP after the transfer",
	"action.realisasi.relink": "Realisasi moved to the SKP after the transfer",

	"transfer.previous":      "SKP before the transfer",
	"transfer.next":          "SKP after the transfer",
	"transfer.closed":        "This SKP was closed by a transfer; its term ended on %s.",
	"transfer.aftertmt":      "%d records dated after the TMT of the transfer are still on this SKP (marked \"after the TMT\"). They stay readable here and move to the SKP of the new position once their RHK is taken over.",
	"transfer.takeover":      "Take RHK over from the SKP before the transfer",
	"transfer.takeover.lead": "The RHK chosen are copied with their indicators. Progress and realisasi on them dated after the TMT of the transfer move to this SKP. Check the superior's RHK they intervene before submitting.",
	"transfer.takeover.save": "Take the chosen RHK over",
	"transfer.takenfrom":     "Taken over from the SKP before the transfer",
	"transfer.ok.takeover":   "RHK taken over. Progress and realisasi after the TMT of the transfer have moved to this SKP.",
	"realisasi.aftertmt": "After the TMT of the transfer: this period begins after this SKP was closed. What is recorded here stays readable " +
		"but is no longer changed here; this period's realisasi is filled on the SKP of the new position.",
	"realisasi.aftertmt.entry": "after the TMT",
}

func init() {
	for k, v := range transferID {
		catalogs["id"][k] = v
	}
	for k, v := range transferEN {
		catalogs["en"][k] = v
	}
}
