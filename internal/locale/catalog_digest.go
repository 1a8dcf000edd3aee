package locale

// The daily digest of notifications by e-mail, and the profile's choice
// between it and an e-mail per notification.
var digestID = map[string]string{
	"notif.digest.subject":       "Ringkasan pemberitahuan %s",
	"notif.digest.intro":         "Ada %d pemberitahuan yang belum Anda baca di Kinerja (ringkasan %s):",
	"notif.digest.why":           "Anda menerima ringkasan ini sekali sehari karena memilihnya di halaman Profil Kinerja. Pemberitahuan yang sudah Anda baca di aplikasi tidak dikirim.",
	"profile.email":              "Pemberitahuan lewat e-mail",
	"profile.email.legend":       "Pemberitahuan yang belum dibaca di aplikasi dikirim ke %s:",
	"profile.email.each":         "Satu e-mail untuk setiap pemberitahuan (setelah 5 menit belum dibaca)",
	"profile.email.daily":        "Satu ringkasan sehari, mulai pukul 07.00",
	"profile.email.save":         "Simpan pilihan",
	"profile.email.none":         "Alamat e-mail Anda belum tercatat, jadi pemberitahuan hanya tampil di aplikasi. Minta admin OPD atau BKPSDM mencatatnya.",
	"profile.email.legend.later": "Setelah alamat e-mail Anda tercatat, pemberitahuan yang belum dibaca dikirim:",
	"profile.saved.email":        "Pilihan e-mail pemberitahuan disimpan.",
}

var digestEN = map[string]string{
	"notif.digest.subject":       "Notification digest %s",
	"notif.digest.intro":         "You have %d unread notifications in Kinerja (digest of %s):",
	"notif.digest.why":           "You receive this digest once a day because you chose it on your Kinerja profile. Notifications you have read in the app are not sent.",
	"profile.email":              "Notifications by e-mail",
	"profile.email.legend":       "Notifications not read in the app are sent to %s:",
	"profile.email.each":         "One e-mail per notification (after 5 minutes unread)",
	"profile.email.daily":        "One digest a day, from 07:00",
	"profile.email.save":         "Save choice",
	"profile.email.none":         "No e-mail address is recorded for you, so notifications only show in the app. Ask your OPD or BKPSDM administrator to record one.",
	"profile.email.legend.later": "Once your e-mail address is recorded, notifications not read in the app are sent as:",
	"profile.saved.email":        "Your e-mail notification choice was saved.",
}

func init() {
	for k, v := range digestID {
		catalogs["id"][k] = v
	}
	for k, v := range digestEN {
		catalogs["en"][k] = v
	}
}
