package locale

// The messages of what people type in the year's work: output and time
// spent on a progress entry.
var progressInputID = map[string]string{
	"conflict.progress.notreturned": "Catatan progres %s tidak dikembalikan untuk diperbaiki: hanya catatan yang dikembalikan atasan yang dapat diubah dan dikirim ulang",
	"progress.err.output.amount":    "Jumlah keluaran paling banyak dua angka desimal dan tidak lebih dari 10 miliar",
	"progress.err.minutes":          "Waktu ditulis dalam menit (90), jam:menit (1:30; menit sesudah jam kurang dari 60), atau dengan kata (2 jam, 1 jam 30 menit)",
	"progress.err.output.negative":  "Jumlah keluaran tidak boleh negatif",
	"progress.err.minutes.range":    "Waktu yang digunakan paling lama 24 jam",
}

var progressInputEN = map[string]string{
	"conflict.progress.notreturned": "The progress entry of %s was not returned for a fix: only an entry your supervisor returned can be changed and sent again",
	"progress.err.output.amount":    "The output amount has at most two decimals and is no more than 10 billion",
	"progress.err.minutes":          "Write the time in minutes (90), hours:minutes (1:30; the minutes after the hours fewer than 60) or in words (2 hours, 1 hour 30 minutes)",
	"progress.err.output.negative":  "The output amount cannot be negative",
	"progress.err.minutes.range":    "The time spent is at most 24 hours",
}

func init() {
	for k, v := range progressInputID {
		catalogs["id"][k] = v
	}
	for k, v := range progressInputEN {
		catalogs["en"][k] = v
	}
}
