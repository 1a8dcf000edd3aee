package locale

// The messages of an import preview that tries the whole file against the
// organisation before it is applied.
var importCheckID = map[string]string{
	"import.blocked.note": "Setiap baris sah, tetapi berkas ini tidak dapat diterapkan apa adanya. Perbaiki jabatan atau pejabat penilai pengganti yang bersangkutan, lalu unggah lagi.",
}

var importCheckEN = map[string]string{
	"import.blocked.note": "Each row is valid, but this file cannot be applied as it stands. Correct the position or the substitute rater concerned, then upload it again.",
}

func init() {
	for k, v := range importCheckID {
		catalogs["id"][k] = v
	}
	for k, v := range importCheckEN {
		catalogs["en"][k] = v
	}
}
