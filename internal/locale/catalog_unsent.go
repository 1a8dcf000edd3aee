package locale

// The messages of a result not yet sent to the employee: its documents
// wait for the sending.
var unsentID = map[string]string{
	"conflict.assessment.unsent.document": "Hasil penilaian ini belum dikirim oleh pejabat penilai. Dokumennya dapat dibuka setelah hasilnya dikirim.",
}

var unsentEN = map[string]string{
	"conflict.assessment.unsent.document": "The pejabat penilai has not sent this result yet. Its documents open once the result is sent.",
}

func init() {
	for k, v := range unsentID {
		catalogs["id"][k] = v
	}
	for k, v := range unsentEN {
		catalogs["en"][k] = v
	}
}
