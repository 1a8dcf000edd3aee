package locale

// The messages of the realisasi form that saves a whole period at once:
// the check of each value against its indicator, the running total of
// the year, and a form that comes back unsaved.
var realisasiID = map[string]string{
	"invalid.realisasi.value.required": "%s: realisasi wajib diisi (paling banyak 200 karakter).",
	"invalid.realisasi.value.number":   "%s: isi dengan angka saja, misalnya 12 atau 12,5.",
	"invalid.realisasi.value.negative": "%s: realisasi tidak boleh kurang dari 0.",
	"invalid.realisasi.value.percent":  "%s: persentase diisi dari 0 sampai 100.",
	"invalid.realisasi.value.whole":    "%s: isi dengan bilangan bulat, tanpa koma, misalnya 3.",
	"invalid.realisasi.value.large":    "%s: angka ini lebih dari sepuluh kali target setahun (%s). Periksa lagi angkanya.",
	"realisasi.total.sum":              "Sampai periode ini: %s dari target setahun %s (%d periode terisi).",
	"realisasi.total.level":            "Terakhir tercatat: %s; target %s.",
	"realisasi.total.none":             "Belum ada realisasi tahun ini.",
	"invalid.realisasi.items":          "Kirim paling sedikit satu indikator (items).",
	"realisasi.save.help":              "Menyimpan semua indikator periode ini sekaligus, beserta berkas yang dipilih.",
	"realisasi.err.kept":               "Realisasi belum disimpan. Semua yang Anda ketik masih ada; perbaiki isian yang ditandai lalu simpan lagi.",
	"realisasi.err.refile":             "Berkas yang tadi dipilih belum tersimpan: pilih lagi sebelum menyimpan.",
}

var realisasiEN = map[string]string{
	"invalid.realisasi.value.required": "%s: enter the realisasi (at most 200 characters).",
	"invalid.realisasi.value.number":   "%s: enter a number only, such as 12 or 12.5.",
	"invalid.realisasi.value.negative": "%s: the realisasi cannot be below 0.",
	"invalid.realisasi.value.percent":  "%s: a percentage goes from 0 to 100.",
	"invalid.realisasi.value.whole":    "%s: enter a whole number, such as 3.",
	"invalid.realisasi.value.large":    "%s: this is more than ten times the yearly target (%s). Check the number.",
	"realisasi.total.sum":              "So far this year: %s of the yearly target %s (%d periods filled).",
	"realisasi.total.level":            "Latest recorded: %s; target %s.",
	"realisasi.total.none":             "No realisasi recorded this year yet.",
	"invalid.realisasi.items":          "Send at least one indicator (items).",
	"realisasi.save.help":              "Saves every indicator of this period at once, with the files chosen.",
	"realisasi.err.kept":               "The realisasi was not saved. Everything you typed is still here; fix the marked entries and save again.",
	"realisasi.err.refile":             "The files you chose were not saved: choose them again before saving.",
}

func init() {
	for k, v := range realisasiID {
		catalogs["id"][k] = v
	}
	for k, v := range realisasiEN {
		catalogs["en"][k] = v
	}
}
