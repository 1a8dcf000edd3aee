package locale

// Whether a row under an unknown NIP is a known person (one person, one
// record): what a preview says when it is not sure, and the birth date
// column.
var importPersonID = map[string]string{
	"import.note.maybe":               "Mungkin orang yang sama dengan %s (NIP %s), tetapi %s. Kinerja tidak menebak: baris ini menjadi pegawai baru. Bila memang orang yang sama, perbaiki berkasnya, atau gabungkan kedua catatan sesudah impor.",
	"import.note.maybe.birth":         "tanggal lahirnya berbeda (%s, menurut berkas %s)",
	"import.note.maybe.status":        "status %s tidak berubah menjadi %s dengan NIP baru",
	"import.reject.birth":             "Tanggal lahir %q tidak terbaca: tulis YYYY-MM-DD atau DD-MM-YYYY",
	"import.reject.nip.status.needed": "NIP %s orang ini (PPPK) berganti menjadi NIP PNS %s: isi kolom STATUS (CPNS) dan GOLONGAN, Kinerja tidak menebak statusnya",
	"import.reject.tmt.birth":         "TMT jabatan %s sebelum tanggal lahir dalam NIP (%s)",
	"import.reject.birth.nip":         "Tanggal lahir %s bertentangan dengan NIP %s (digit 1–8 berarti %s). Perbaiki TANGGAL_LAHIR atau NIP-nya; Kinerja tidak menebak. Bila kolom ini dikosongkan, yang disimpan %s",
	"import.field.birth":              "Tanggal lahir",
	"import.reject.gender.nip":        "Jenis kelamin %s bertentangan dengan NIP %s (digit ke-15 berarti %s). Perbaiki JENIS_KELAMIN atau NIP-nya; Kinerja tidak menebak. Bila kolom ini dikosongkan, yang disimpan %s",
}

var importPersonEN = map[string]string{
	"import.note.maybe":               "Possibly the same person as %s (NIP %s), but %s. Kinerja does not guess: this row becomes a new employee. If it is the same person, fix the file, or merge the two records after the import.",
	"import.note.maybe.birth":         "the birth date differs (%s, in the file %s)",
	"import.note.maybe.status":        "a status %s does not become %s under a new NIP",
	"import.reject.birth":             "Birth date %q cannot be read: write YYYY-MM-DD or DD-MM-YYYY",
	"import.reject.nip.status.needed": "This person's NIP %s (PPPK) becomes the PNS-form NIP %s: fill in STATUS (CPNS) and GOLONGAN, Kinerja does not guess the status",
	"import.reject.tmt.birth":         "TMT of the post %s is before the birth date in the NIP (%s)",
	"import.reject.birth.nip":         "Birth date %s contradicts NIP %s (its digits 1–8 mean %s). Fix TANGGAL_LAHIR or the NIP; Kinerja does not guess. With this cell left empty, %s would be saved",
	"import.field.birth":              "Birth date",
	"import.reject.gender.nip":        "Sex %s contradicts NIP %s (its digit 15 means %s). Fix JENIS_KELAMIN or the NIP; Kinerja does not guess. With this cell left empty, %s would be saved",
}

func init() {
	for k, v := range importPersonID {
		catalogs["id"][k] = v
	}
	for k, v := range importPersonEN {
		catalogs["en"][k] = v
	}
}
