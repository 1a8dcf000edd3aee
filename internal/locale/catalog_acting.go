package locale

// The messages of the SKP of a post held as Plt or Plh, an SKP of its own
// beside the SKP of the definitive position.
var actingID = map[string]string{
	"invalid.skp.position": "Pilih jabatan definitif Anda atau jabatan Plt/Plh yang Anda jabat pada tahun ini " +
		"dan belum berakhir masa SKP-nya",
	"notif.skp.close.acting.title": "SKP %[1]s sebagai %[3]s ditutup karena penugasan berakhir",
	"notif.skp.close.acting.body":  "Penugasan berakhir %[2]s. Realisasi SKP ini tetap dapat diisi sampai tanggal tersebut.",

	"skp.post":        "Jabatan",
	"skp.acting.of":   "SKP sebagai %s",
	"skp.post.period": "%s (%s s.d. %s)",
	"skp.acting.note": "SKP ini untuk tugas sebagai %s, terpisah dari SKP jabatan definitif, dan dinilai oleh atasan jabatan tersebut.",
}

var actingEN = map[string]string{
	"invalid.skp.position": "Choose your definitive position or a Plt/Plh post you hold this year whose SKP " +
		"period has not ended",
	"notif.skp.close.acting.title": "SKP %[1]s as %[3]s closed because the assignment ended",
	"notif.skp.close.acting.body":  "The assignment ended on %[2]s. Realisasi can still be filled in up to that day.",

	"skp.post":        "Position",
	"skp.acting.of":   "SKP as %s",
	"skp.post.period": "%s (%s to %s)",
	"skp.acting.note": "This SKP is for the duties as %s, separate from the SKP of the definitive position, and is rated by the superior of that post.",
}

func init() {
	for k, v := range actingID {
		catalogs["id"][k] = v
	}
	for k, v := range actingEN {
		catalogs["en"][k] = v
	}
}
