package locale

// The warnings of an import preview about who rates whom once the file is
// applied: posts left vacant, pejabat penilai that change, people left
// without one.
var importRaterID = map[string]string{
	"import.warn.title":         "Akibat bagi pejabat penilai",
	"import.warn.intro.blocked": "Berkas ini belum dapat diterapkan (lihat alasannya di atas). Inilah yang akan dilakukannya terhadap siapa menilai siapa bila diterapkan, supaya berkas dapat diperbaiki sekaligus.",
	"import.column":             "Kolom",
	"import.warn.summary":       "Berkas ini mengubah pejabat penilai %d pegawai. Periksa daftarnya di bawah sebelum menerapkannya.",
	"import.warn.intro":         "Berkas ini dapat diterapkan. Sebelum menerapkannya, periksa siapa yang akan menilai siapa sesudahnya. Peringatan ini tidak menghalangi impor.",
	"import.warn.vacant":        "Jabatan %s (%s) menjadi kosong: %d pegawai yang dinilai melalui jabatan ini akan dinilai oleh pejabat di atasnya.",
	"import.warn.vacant.alone":  "Jabatan %s (%s) menjadi kosong. Tidak ada pegawai yang pejabat penilainya berganti karena itu.",
	"import.warn.norater":       "%d pegawai tidak akan memiliki pejabat penilai: tidak ada jabatan atasan yang terisi di atas jabatannya. Tetapkan pejabat definitif, Plt/Plh, atau penilai pengganti.",
	"import.warn.raters":        "Pejabat penilai %d pegawai lain berganti.",
	"import.warn.upper":         "Atasan pejabat penilai %d pegawai berganti, sedangkan pejabat penilainya tetap. SKP yang belum disetujui akan mencatat atasan yang baru; keberatan atas penilaian mereka diputus olehnya.",
	"import.warn.upper.summary": "Berkas ini mengubah atasan pejabat penilai %d pegawai yang pejabat penilainya tetap.",
	"import.warn.col.upper":     "Atasan pejabat penilai",
	"import.warn.rater.same":    "pejabat penilai tetap: %s",
	"import.warn.skp.note":      "SKP yang menunggu persetujuan berpindah ke pejabat penilai yang baru. SKP yang sudah disetujui tetap mencatat pejabat penilai yang menyetujuinya; dialog kinerja, persetujuan progres dan penilaian berikutnya dilakukan pejabat penilai yang baru. SKP pegawai yang dipindahkan berkas ini ditutup pada tanggal pindahnya.",
	"import.warn.col.before":    "Penilai sekarang",
	"import.warn.col.after":     "Penilai sesudah impor",
	"import.warn.col.skp":       "SKP",
	"import.warn.nobody":        "tidak ada",
	"import.warn.through":       "melalui %s",
	"import.warn.moved":         "dipindahkan atau ditambahkan oleh berkas ini",
	"import.warn.skp.waiting":   "menunggu persetujuan: berpindah ke penilai baru",
	"import.warn.skp.inforce":   "berlaku: dokumen tetap, penilai baru melanjutkan",
	"import.warn.more":          "dan %d lainnya",
}

var importRaterEN = map[string]string{
	"import.warn.title":         "What this does to pejabat penilai",
	"import.warn.intro.blocked": "This file cannot be applied yet (see the reason above). This is what it would do to who rates whom once applied, so that the file can be fixed in one go.",
	"import.column":             "Column",
	"import.warn.summary":       "This file changes the pejabat penilai of %d employees. Check the list below before applying it.",
	"import.warn.intro":         "This file can be applied. Before applying it, check who will rate whom afterwards. These warnings do not block the import.",
	"import.warn.vacant":        "The post %s (%s) becomes vacant: %d employees rated through it will be rated by the official above it.",
	"import.warn.vacant.alone":  "The post %s (%s) becomes vacant. Nobody's pejabat penilai changes because of it.",
	"import.warn.norater":       "%d employees will have no pejabat penilai: no post above theirs has a holder. Place a definitive holder, a Plt/Plh or a substitute rater.",
	"import.warn.raters":        "The pejabat penilai of %d other employees changes.",
	"import.warn.upper":         "The atasan pejabat penilai of %d employees changes while their pejabat penilai stays. An SKP not yet approved will name the new atasan, who also decides a keberatan on their assessment.",
	"import.warn.upper.summary": "This file changes the atasan pejabat penilai of %d employees whose pejabat penilai stays.",
	"import.warn.col.upper":     "Atasan pejabat penilai",
	"import.warn.rater.same":    "pejabat penilai stays: %s",
	"import.warn.skp.note":      "An SKP waiting for approval goes to the new pejabat penilai. An approved SKP keeps the pejabat penilai who approved it; performance dialogues, progress approvals and the next assessment are done by the new one. The SKPs of employees this file moves close on the day they move.",
	"import.warn.col.before":    "Rater now",
	"import.warn.col.after":     "Rater after the import",
	"import.warn.col.skp":       "SKP",
	"import.warn.nobody":        "none",
	"import.warn.through":       "through %s",
	"import.warn.moved":         "moved or added by this file",
	"import.warn.skp.waiting":   "waiting for approval: goes to the new rater",
	"import.warn.skp.inforce":   "in force: the document stays, the new rater carries on",
	"import.warn.more":          "and %d more",
}

func init() {
	for k, v := range importRaterID {
		catalogs["id"][k] = v
	}
	for k, v := range importRaterEN {
		catalogs["en"][k] = v
	}
}
