package locale

// One person, one record: a NIP that changes on import, the end of
// employment (pemberhentian) and the merge of two records of one person.
var employmentID = map[string]string{
	"import.change.nip":                   "NIP berubah: %s → %s (orang yang sama: nama dan tanggal lahir atau jabatan sama)",
	"import.reject.nip.replaced":          "NIP %s tidak dipakai lagi: orangnya kini tercatat dengan NIP %s",
	"import.reject.nip.ambiguous":         "NIP %s belum dikenal, tetapi nama dan tanggal lahir atau jabatannya cocok dengan lebih dari satu pegawai: %s. Periksa datanya; Kinerja tidak menebak",
	"import.reject.nip.twice":             "%s sudah diperbarui oleh baris %d berkas ini dengan NIP lain",
	"import.reject.nip.oldinfile":         "NIP lama orang ini (%s) juga ada di baris %d berkas ini: pakai salah satu saja",
	"invalid.employment.merged":           "Catatan pegawai ini sudah digabung ke catatan lain",
	"invalid.employment.ended":            "Kepegawaian orang ini sudah diakhiri",
	"invalid.employment.kind":             "Pilih alasan berakhirnya kepegawaian",
	"invalid.employment.date.future":      "TMT tidak boleh sesudah hari ini: catat pemberhentian pada atau sesudah TMT-nya",
	"invalid.employment.decree":           "Isi nomor SK pemberhentian",
	"invalid.employment.decree.long":      "Nomor SK paling panjang %d karakter",
	"invalid.merge.into.required":         "Isi NIP pegawai yang catatannya dipertahankan",
	"invalid.merge.into.unknown":          "Tidak ada pegawai dengan NIP itu di instansi ini",
	"invalid.merge.into.same":             "Pilih catatan pegawai yang lain: catatan tidak dapat digabung dengan dirinya sendiri",
	"invalid.merge.merged":                "Catatan %s sudah digabung ke catatan lain",
	"invalid.merge.skp":                   "Kedua catatan punya SKP tahun %d yang belum ditutup. Tutup dulu SKP %[1]d atas nama %s (NIP %s, status %v), lalu gabungkan",
	"invalid.merge.posts":                 "%s masih menjabat %s, sedangkan %s menjabat %s: akhiri dulu salah satu penempatan, lalu gabungkan",
	"employment.kind.pensiun":             "Pensiun",
	"employment.kind.meninggal":           "Meninggal dunia",
	"employment.kind.berhenti":            "Berhenti atas permintaan sendiri",
	"employment.kind.diberhentikan":       "Diberhentikan (tidak atas permintaan sendiri)",
	"employment.kind.pindah_instansi":     "Pindah ke instansi lain",
	"employment.kind.perjanjian_berakhir": "Perjanjian kerja PPPK berakhir",
}

var employmentEN = map[string]string{
	"import.change.nip":                   "NIP changed: %s → %s (the same person: same name and birth date or post)",
	"import.reject.nip.replaced":          "NIP %s is no longer used: the person is now recorded under NIP %s",
	"import.reject.nip.ambiguous":         "NIP %s is not known yet, but its name and birth date or post match more than one employee: %s. Check the data; Kinerja does not guess",
	"import.reject.nip.twice":             "%s was already updated by row %d of this file under another NIP",
	"import.reject.nip.oldinfile":         "This person's old NIP (%s) is also on row %d of this file: keep only one of them",
	"invalid.employment.merged":           "This employee record was merged into another one",
	"invalid.employment.ended":            "This person's employment has already ended",
	"invalid.employment.kind":             "Choose why the employment ends",
	"invalid.employment.date.future":      "The TMT cannot be after today: record the end on or after its TMT",
	"invalid.employment.decree":           "Give the number of the SK",
	"invalid.employment.decree.long":      "The SK number is at most %d characters",
	"invalid.merge.into.required":         "Give the NIP of the employee whose record is kept",
	"invalid.merge.into.unknown":          "No employee of this instansi has that NIP",
	"invalid.merge.into.same":             "Choose another employee record: a record cannot be merged with itself",
	"invalid.merge.merged":                "The record of %s was already merged into another one",
	"invalid.merge.skp":                   "Both records have an SKP for %d that is not closed. First close the %[1]d SKP of %s (NIP %s, status %v), then merge",
	"invalid.merge.posts":                 "%s still holds %s, while %s holds %s: end one of the placements first, then merge",
	"employment.kind.pensiun":             "Retirement (pensiun)",
	"employment.kind.meninggal":           "Death",
	"employment.kind.berhenti":            "Resignation at own request",
	"employment.kind.diberhentikan":       "Dismissal (not at own request)",
	"employment.kind.pindah_instansi":     "Transfer to another instansi",
	"employment.kind.perjanjian_berakhir": "PPPK work agreement ended",
}

func init() {
	for k, v := range employmentID {
		catalogs["id"][k] = v
	}
	for k, v := range employmentEN {
		catalogs["en"][k] = v
	}
}
