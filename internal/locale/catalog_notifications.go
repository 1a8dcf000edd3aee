package locale

// The notifications and the e-mails that repeat them. A notification is
// stored as its kind and arguments and rendered from notif.<kind>.title
// and notif.<kind>.body (optional). Their arguments are numbered (%[1]s)
// so that a message may leave one out or change their order, and the
// title and the body of a kind share them. notif.word.* are words a
// notification passes as an argument, translated too.
var notificationsID = map[string]string{
	"notif.word.need":       "kebutuhan pengembangan",
	"notif.word.constraint": "kendala sumber daya",

	"notif.need.recorded.title":       "%[1]s mencatat %[2]s: %[3]s. Konfirmasi atau tutup.",
	"notif.need.recorded.body":        "%[4]s",
	"notif.need.recorded.yours.title": "%[1]s mencatat %[2]s untuk pekerjaan Anda: %[3]s",
	"notif.need.recorded.yours.body":  "%[4]s",
	"notif.need.confirm.title":        "%[1]s mengonfirmasi %[2]s Anda: %[3]s",
	"notif.need.confirm.body":         "%[4]s",
	"notif.need.close.title":          "%[1]s menutup %[2]s Anda: %[3]s",
	"notif.need.close.body":           "%[4]s",
	"notif.need.address.title":        "%[1]s menindaklanjuti %[2]s Anda: %[3]s",
	"notif.need.address.body":         "%[4]s",
	"notif.need.address.rater.title":  "%[1]s menindaklanjuti %[2]s %[3]s: %[4]s",
	"notif.need.address.rater.body":   "%[5]s",

	"notif.coaching.recorded.title":          "%[1]s mencatat bimbingan kinerja: %[2]s. Isi umpan balik (B.1.8).",
	"notif.coaching.recorded.body":           "%[3]s",
	"notif.coaching.feedback.title":          "%[1]s mengisi umpan balik bimbingan kinerja (B.1.8): %[2]s",
	"notif.coaching.feedback.body":           "%[3]s",
	"notif.coaching.competence.title":        "%[1]s mengisi evaluasi kompetensi (B.1.9) atas bimbingan: %[2]s",
	"notif.coaching.review.title":            "Evaluasi tindak lanjut bimbingan kinerja bersama %[1]s jatuh tempo hari ini: %[2]s",
	"notif.coaching.review.body":             "%[3]s",
	"notif.coaching.review.late.title":       "Evaluasi tindak lanjut bimbingan kinerja bersama %[1]s jatuh tempo sejak %[4]s: %[2]s",
	"notif.coaching.review.late.body":        "%[3]s",
	"notif.coaching.review.coach.title":      "Evaluasi tindak lanjut bimbingan kinerja %[1]s jatuh tempo hari ini: %[2]s",
	"notif.coaching.review.coach.body":       "%[3]s",
	"notif.coaching.review.coach.late.title": "Evaluasi tindak lanjut bimbingan kinerja %[1]s jatuh tempo sejak %[4]s: %[2]s",
	"notif.coaching.review.coach.late.body":  "%[3]s",

	"notif.feedback.skp.title":       "%[1]s memberi umpan balik pada SKP %[2]s",
	"notif.feedback.skp.body":        "%[3]s",
	"notif.feedback.rhk.title":       "%[1]s memberi umpan balik pada RHK %[2]s",
	"notif.feedback.rhk.body":        "%[3]s",
	"notif.feedback.progress.title":  "%[1]s memberi umpan balik pada progres %[2]s",
	"notif.feedback.progress.body":   "%[3]s",
	"notif.feedback.realisasi.title": "%[1]s memberi umpan balik pada realisasi SKP %[2]s",
	"notif.feedback.realisasi.body":  "%[3]s",

	"notif.skp.submit.title":             "%[1]s mengajukan SKP %[2]s untuk disetujui",
	"notif.skp.submit.body":              "%[3]s",
	"notif.skp.approve.title":            "SKP %[2]s Anda disetujui",
	"notif.skp.approve.body":             "%[3]s",
	"notif.skp.return.title":             "SKP %[2]s Anda dikembalikan untuk diperbaiki",
	"notif.skp.return.body":              "%[3]s",
	"notif.skp.revise.title":             "%[1]s mengubah SKP %[2]s yang telah disetujui",
	"notif.skp.revise.body":              "%[3]s",
	"notif.skp.dialogue.title":           "Dialog kinerja SKP %[1]s dicatat oleh %[2]s",
	"notif.skp.dialogue.body":            "%[3]s",
	"notif.skp.close.title":              "SKP %[1]s ditutup karena mutasi jabatan",
	"notif.skp.close.body":               "Susun SKP baru untuk jabatan Anda yang baru, mulai %[2]s.",
	"notif.skp.reminder.none.title":      "Pengingat SKP %[1]s",
	"notif.skp.reminder.none.body":       "Anda belum menyusun SKP tahun %[1]s. Susun dan ajukan kepada pejabat penilai Anda.",
	"notif.skp.reminder.draft.title":     "Pengingat SKP %[1]s",
	"notif.skp.reminder.draft.body":      "SKP tahun %[1]s Anda masih konsep. Lengkapi dan ajukan kepada pejabat penilai Anda.",
	"notif.skp.reminder.returned.title":  "Pengingat SKP %[1]s",
	"notif.skp.reminder.returned.body":   "SKP tahun %[1]s Anda dikembalikan. Perbaiki sesuai catatan lalu ajukan kembali.",
	"notif.skp.reminder.submitted.title": "Pengingat SKP %[1]s",
	"notif.skp.reminder.submitted.body":  "SKP tahun %[1]s Anda menunggu persetujuan pejabat penilai.",
	"notif.rhk.proposal.title":           "%[1]s mengusulkan RHK untuk SKP Anda",
	"notif.rhk.proposal.body":            "%[2]s",

	"notif.progress.submitted.title": "%[1]s melaporkan progres %[2]s",
	"notif.progress.submitted.body":  "%[3]s",
	"notif.progress.approved.title":  "Progres %[1]s Anda disetujui",
	"notif.progress.approved.body":   "%[2]s",
	"notif.progress.returned.title":  "Progres %[1]s Anda dikembalikan untuk diperbaiki",
	"notif.progress.returned.body":   "%[2]s",

	"notif.team.member.title": "Anda menjadi anggota tim %[1]s",
	"notif.team.member.body":  "Kaitkan RHK Anda dengan hasil kerja tim: %[2]s",
	"notif.team.thanks.title": "%[1]s berterima kasih kepada Anda di tim %[2]s",
	"notif.team.thanks.body":  "%[3]s",
	"notif.team.help.title":   "%[1]s menawarkan bantuan di tim %[2]s",
	"notif.team.help.body":    "%[3]s",

	"notif.email.greeting": "Yth. %s,",
	"notif.email.open":     "Buka: %s",
	"notif.email.why":      "Pesan ini dikirim oleh Kinerja karena notifikasi di atas belum dibaca di aplikasi.",
	"notif.read":           "Tandai sudah dibaca",
}

var notificationsEN = map[string]string{
	"notif.word.need":       "development need",
	"notif.word.constraint": "resource constraint",

	"notif.need.recorded.title":       "%[1]s recorded a %[2]s: %[3]s. Confirm or close it.",
	"notif.need.recorded.body":        "%[4]s",
	"notif.need.recorded.yours.title": "%[1]s recorded a %[2]s for your work: %[3]s",
	"notif.need.recorded.yours.body":  "%[4]s",
	"notif.need.confirm.title":        "%[1]s confirmed your %[2]s: %[3]s",
	"notif.need.confirm.body":         "%[4]s",
	"notif.need.close.title":          "%[1]s closed your %[2]s: %[3]s",
	"notif.need.close.body":           "%[4]s",
	"notif.need.address.title":        "%[1]s acted on your %[2]s: %[3]s",
	"notif.need.address.body":         "%[4]s",
	"notif.need.address.rater.title":  "%[1]s acted on the %[2]s of %[3]s: %[4]s",
	"notif.need.address.rater.body":   "%[5]s",

	"notif.coaching.recorded.title":          "%[1]s recorded a coaching session: %[2]s. Please give your feedback (B.1.8).",
	"notif.coaching.recorded.body":           "%[3]s",
	"notif.coaching.feedback.title":          "%[1]s gave feedback on the coaching session (B.1.8): %[2]s",
	"notif.coaching.feedback.body":           "%[3]s",
	"notif.coaching.competence.title":        "%[1]s evaluated your competence (B.1.9) after the coaching: %[2]s",
	"notif.coaching.review.title":            "The follow-up review of your coaching with %[1]s is due today: %[2]s",
	"notif.coaching.review.body":             "%[3]s",
	"notif.coaching.review.late.title":       "The follow-up review of your coaching with %[1]s has been due since %[4]s: %[2]s",
	"notif.coaching.review.late.body":        "%[3]s",
	"notif.coaching.review.coach.title":      "The follow-up review of the coaching of %[1]s is due today: %[2]s",
	"notif.coaching.review.coach.body":       "%[3]s",
	"notif.coaching.review.coach.late.title": "The follow-up review of the coaching of %[1]s has been due since %[4]s: %[2]s",
	"notif.coaching.review.coach.late.body":  "%[3]s",

	"notif.feedback.skp.title":       "%[1]s gave feedback on SKP %[2]s",
	"notif.feedback.skp.body":        "%[3]s",
	"notif.feedback.rhk.title":       "%[1]s gave feedback on RHK %[2]s",
	"notif.feedback.rhk.body":        "%[3]s",
	"notif.feedback.progress.title":  "%[1]s gave feedback on the progress of %[2]s",
	"notif.feedback.progress.body":   "%[3]s",
	"notif.feedback.realisasi.title": "%[1]s gave feedback on the realisasi of SKP %[2]s",
	"notif.feedback.realisasi.body":  "%[3]s",

	"notif.skp.submit.title":             "%[1]s submitted SKP %[2]s for approval",
	"notif.skp.submit.body":              "%[3]s",
	"notif.skp.approve.title":            "Your SKP %[2]s was approved",
	"notif.skp.approve.body":             "%[3]s",
	"notif.skp.return.title":             "Your SKP %[2]s was returned for revision",
	"notif.skp.return.body":              "%[3]s",
	"notif.skp.revise.title":             "%[1]s is changing the approved SKP %[2]s",
	"notif.skp.revise.body":              "%[3]s",
	"notif.skp.dialogue.title":           "Performance dialogue on SKP %[1]s recorded by %[2]s",
	"notif.skp.dialogue.body":            "%[3]s",
	"notif.skp.close.title":              "SKP %[1]s closed because of a change of position",
	"notif.skp.close.body":               "Draw up a new SKP for your new position, starting %[2]s.",
	"notif.skp.reminder.none.title":      "SKP %[1]s reminder",
	"notif.skp.reminder.none.body":       "You have not drawn up your SKP for %[1]s yet. Draw it up and submit it to your pejabat penilai.",
	"notif.skp.reminder.draft.title":     "SKP %[1]s reminder",
	"notif.skp.reminder.draft.body":      "Your SKP for %[1]s is still a draft. Complete it and submit it to your pejabat penilai.",
	"notif.skp.reminder.returned.title":  "SKP %[1]s reminder",
	"notif.skp.reminder.returned.body":   "Your SKP for %[1]s was returned. Revise it as noted and submit it again.",
	"notif.skp.reminder.submitted.title": "SKP %[1]s reminder",
	"notif.skp.reminder.submitted.body":  "Your SKP for %[1]s is waiting for your pejabat penilai's approval.",
	"notif.rhk.proposal.title":           "%[1]s proposed an RHK for your SKP",
	"notif.rhk.proposal.body":            "%[2]s",

	"notif.progress.submitted.title": "%[1]s reported progress for %[2]s",
	"notif.progress.submitted.body":  "%[3]s",
	"notif.progress.approved.title":  "Your progress of %[1]s was approved",
	"notif.progress.approved.body":   "%[2]s",
	"notif.progress.returned.title":  "Your progress of %[1]s was returned for revision",
	"notif.progress.returned.body":   "%[2]s",

	"notif.team.member.title": "You are now a member of team %[1]s",
	"notif.team.member.body":  "Link your RHK to the team's result: %[2]s",
	"notif.team.thanks.title": "%[1]s thanked you in team %[2]s",
	"notif.team.thanks.body":  "%[3]s",
	"notif.team.help.title":   "%[1]s offered help in team %[2]s",
	"notif.team.help.body":    "%[3]s",

	"notif.email.greeting": "Dear %s,",
	"notif.email.open":     "Open: %s",
	"notif.email.why":      "Kinerja sent this message because the notification above has not been read in the app.",
	"notif.read":           "Mark as read",
}

func init() {
	for k, v := range notificationsID {
		catalogs["id"][k] = v
	}
	for k, v := range notificationsEN {
		catalogs["en"][k] = v
	}
}
