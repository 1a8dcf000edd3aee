package locale

// A transfer whose TMT reaches into periods already closed or assessed.
var backdatedID = map[string]string{
	"placement.backdated":          "TMT %s berlaku surut ke %d periode yang sudah ditutup (%s sampai %s) dan menyentuh %d penilaian pada SKP yang akan ditutup (%d sudah dikirim kepada pegawai). Penilaian yang sudah dikirim tetap disimpan dan perlu dinilai ulang pada SKP jabatan baru; periode di luar masa berlaku SKP tidak dihitung dalam evaluasi tahunan. Centang konfirmasi untuk tetap mencatat mutasi ini.",
	"placement.backdated.none":     "—",
	"placement.backdated.list":     "Penilaian %s (NIP %s) yang tersentuh:",
	"placement.backdated.skp":      "SKP %d",
	"placement.backdated.norater":  "belum ada",
	"placement.backdated.reassess": "sudah dikirim, perlu dinilai ulang",
	"placement.backdated.confirm":  "Saya memahami bahwa TMT ini berlaku surut ke periode yang sudah ditutup dan dinilai",
	"penilaian.annual.outside":     "Di luar masa berlaku SKP ini (tidak dihitung; perlu dinilai ulang pada SKP yang berlaku)",
	"conflict.assessment.outside":  "Periode ini berada di luar masa berlaku SKP-nya karena mutasi yang berlaku surut; nilailah periode ini pada SKP yang berlaku saat itu.",
	"manage.reassess":              "Penilaian periodik berikut berada di luar masa berlaku SKP-nya karena mutasi yang berlaku surut. Penilaian itu tetap tersimpan, tidak dihitung dalam evaluasi tahunan, dan periodenya perlu dinilai (ulang) pada SKP yang berlaku saat itu:",
	"manage.reassess.period":       "%s",
	"action.placement.backdated":   "Mutasi berlaku surut ke periode yang sudah dinilai",
}

var backdatedEN = map[string]string{
	"placement.backdated":          "The TMT %s reaches back into %d closed periods (%s to %s) and touches %d assessments on the SKP it closes (%d already sent to the employee). Sent assessments are kept and need a new assessment on the SKP of the new post; periods outside an SKP's days do not count in the annual evaluation. Tick the confirmation to record the transfer anyway.",
	"placement.backdated.none":     "—",
	"placement.backdated.list":     "Assessments of %s (NIP %s) touched:",
	"placement.backdated.skp":      "SKP %d",
	"placement.backdated.norater":  "nobody yet",
	"placement.backdated.reassess": "already sent, needs a new assessment",
	"placement.backdated.confirm":  "I understand that this TMT reaches back into periods already closed and assessed",
	"penilaian.annual.outside":     "Outside this SKP's days (not counted; to be assessed again on the SKP in force)",
	"conflict.assessment.outside":  "This period lies outside its SKP's days because of a back-dated transfer; rate the period on the SKP in force then.",
	"manage.reassess":              "These periodic assessments lie outside their SKP's days because of a back-dated transfer. They are kept, not counted in the annual evaluation, and their periods need to be assessed (again) on the SKP in force then:",
	"manage.reassess.period":       "%s",
	"action.placement.backdated":   "Transfer back-dated into assessed periods",
}

func init() {
	for k, v := range backdatedID {
		catalogs["id"][k] = v
	}
	for k, v := range backdatedEN {
		catalogs["en"][k] = v
	}
}
