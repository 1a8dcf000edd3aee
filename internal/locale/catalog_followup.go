package locale

// The messages of tindak lanjut: angka kredit, improvement plans and
// recommendations after a final annual result.
var followUpID = map[string]string{
	"invalid.followup.notfinal":    "Tindak lanjut dicatat untuk hasil penilaian tahunan yang sudah final.",
	"invalid.followup.kind":        "Pilih jenis tindak lanjut: rencana perbaikan, pelatihan, penghargaan, atau sanksi.",
	"invalid.followup.improvement": "Rencana perbaikan untuk predikat Butuh Perbaikan ke bawah; predikat ini %s.",
	"invalid.followup.title":       "Isi judulnya, paling banyak %d karakter.",
	"invalid.followup.text":        "Paling banyak %d karakter.",
	"invalid.followup.status":      "Status tindak lanjut: in_progress, done, atau cancelled.",
	"invalid.followup.outcome":     "Tuliskan hasilnya, atau alasan pembatalannya.",

	"action.followup.create":      "Tindak lanjut dicatat",
	"action.followup.in_progress": "Tindak lanjut dimulai",
	"action.followup.done":        "Tindak lanjut selesai",
	"action.followup.cancelled":   "Tindak lanjut dibatalkan",
	"entity.followup":             "Tindak lanjut",

	"penilaian.followup":          "Tindak lanjut",
	"penilaian.credit":            "Angka kredit: %s (%d bulan × %d%% dari koefisien tahunan %s).",
	"penilaian.followup.review":   "ditinjau %s",
	"penilaian.history":           "Bagaimana hasil ini dicapai",
	"penilaian.step.rate":         "memberi rating",
	"penilaian.step.move":         "mengubah rating dalam kalibrasi",
	"penilaian.step.finalize":     "mengirim hasil kepada pegawai",
	"penilaian.step.acknowledge":  "menandai hasil sudah diterima",
	"penilaian.step.decide":       "memutus keberatan",
	"followup.status.open":        "terbuka",
	"followup.status.in_progress": "berjalan",
	"followup.status.done":        "selesai",
	"followup.status.cancelled":   "dibatalkan",

	"notif.followup.created.title": "Tindak lanjut hasil penilaian: %[1]s",
	"notif.followup.created.body":  "Tindak lanjut atas hasil penilaian tahunan Anda telah dicatat: %[1]s.",
}

var followUpEN = map[string]string{
	"invalid.followup.notfinal":    "Follow-ups are recorded on a final annual result.",
	"invalid.followup.kind":        "Choose the kind: improvement plan, training, reward or sanction.",
	"invalid.followup.improvement": "An improvement plan is for Needs improvement and below; this predikat is %s.",
	"invalid.followup.title":       "Give a title of at most %d characters.",
	"invalid.followup.text":        "At most %d characters.",
	"invalid.followup.status":      "Follow-up status: in_progress, done or cancelled.",
	"invalid.followup.outcome":     "Write the outcome, or why it is cancelled.",

	"action.followup.create":      "Follow-up recorded",
	"action.followup.in_progress": "Follow-up started",
	"action.followup.done":        "Follow-up done",
	"action.followup.cancelled":   "Follow-up cancelled",
	"entity.followup":             "Follow-up",

	"penilaian.followup":          "Follow-up",
	"penilaian.credit":            "Angka kredit: %s (%d months × %d%% of the yearly koefisien %s).",
	"penilaian.followup.review":   "reviewed %s",
	"penilaian.history":           "How this result was reached",
	"penilaian.step.rate":         "rated",
	"penilaian.step.move":         "changed the rating in calibration",
	"penilaian.step.finalize":     "sent the result to the employee",
	"penilaian.step.acknowledge":  "marked the result received",
	"penilaian.step.decide":       "decided the objection",
	"followup.status.open":        "open",
	"followup.status.in_progress": "in progress",
	"followup.status.done":        "done",
	"followup.status.cancelled":   "cancelled",

	"notif.followup.created.title": "Follow-up of your result: %[1]s",
	"notif.followup.created.body":  "A follow-up of your annual result has been recorded: %[1]s.",
}

func init() {
	for k, v := range followUpID {
		catalogs["id"][k] = v
	}
	for k, v := range followUpEN {
		catalogs["en"][k] = v
	}
}
