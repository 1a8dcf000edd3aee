package locale

// A record that takes no act any more: merged into another record of the
// same person, or of someone no longer employed; and the fields of the
// merge's audit entry.
var recordStateID = map[string]string{
	"record.merged":             "Catatan ini sudah digabung ke catatan %s (NIP %s) pada %v. Kepegawaiannya tidak berakhir: riwayatnya berlanjut di catatan itu, dan penempatan, penilai, akun serta SKP dikelola di sana.",
	"record.ended":              "Kepegawaian %s sudah berakhir: %v, TMT %v, SK %s. Riwayatnya tetap dapat dibaca; penempatan, penilai, akun dan SKP tidak dapat diubah lagi. Bila pemberhentian itu keliru, batalkan lebih dulu.",
	"record.inactive":           "Kepegawaian %s sudah berakhir. Penempatan, penilai, akun dan SKP tidak dapat diubah lagi.",
	"dir.merged":                "Digabung",
	"record.merged.link":        "Buka catatan yang dipertahankan",
	"audit.field.merged":        "Catatan yang digabung",
	"audit.field.merged_id":     "ID catatan yang digabung",
	"audit.field.kept":          "Catatan yang dipertahankan",
	"audit.field.kept_id":       "ID catatan yang dipertahankan",
	"audit.field.moved":         "Data yang dipindahkan",
	"audit.field.unlike_reason": "Alasan penggabungan (nama dan tanggal lahir berbeda)",
}

var recordStateEN = map[string]string{
	"record.merged":             "This record was merged into the record of %s (NIP %s) on %v. The employment did not end: its history goes on in that record, where placements, raters, the account and SKPs are managed.",
	"record.ended":              "The employment of %s has ended: %v, TMT %v, SK %s. The history stays readable; placements, raters, the account and SKPs can no longer be changed. If the end was a mistake, cancel it first.",
	"record.inactive":           "The employment of %s has ended. Placements, raters, the account and SKPs can no longer be changed.",
	"dir.merged":                "Merged",
	"record.merged.link":        "Open the record kept",
	"audit.field.merged":        "Record merged",
	"audit.field.merged_id":     "Id of the record merged",
	"audit.field.kept":          "Record kept",
	"audit.field.kept_id":       "Id of the record kept",
	"audit.field.moved":         "Data moved",
	"audit.field.unlike_reason": "Reason for the merge (different name and birth date)",
}

func init() {
	for k, v := range recordStateID {
		catalogs["id"][k] = v
	}
	for k, v := range recordStateEN {
		catalogs["en"][k] = v
	}
}
