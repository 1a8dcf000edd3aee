package locale

// The messages of a placement's end changed and of a placement cancelled
// before it started.
var placementChangeID = map[string]string{
	"conflict.placement.end.work": "Dengan tanggal selesai %v, pekerjaan yang sudah dicatat pada SKP Plt/Plh tahun %v " +
		"(sampai %v) berada di luar masa SKP itu. Hapus atau pindahkan dulu catatan itu, atau pilih tanggal yang lebih akhir.",
	"conflict.placement.started":       "Penempatan ini sudah berlaku sejak %v: tidak dapat dibatalkan. Akhiri penempatan itu dengan tanggal selesai.",
	"conflict.placement.cancel.work":   "Pada SKP jabatan ini tahun %v sudah tercatat pekerjaan (sampai %v): penempatan tidak dapat dibatalkan.",
	"manage.placement.cancel":          "Batalkan (belum berlaku)",
	"conflict.placement.cancelled":     "Penempatan ini sudah dibatalkan pada %v oleh %v: tidak ada lagi yang dapat diubah.",
	"emp.placement.cancelled":          "dibatalkan %v oleh %v",
	"action.placement.end.change":      "Tanggal selesai penempatan diubah",
	"action.placement.cancel":          "Penempatan dibatalkan sebelum berlaku",
	"action.placement.restore":         "Pembatalan penempatan ditarik kembali",
	"action.rater_override.end.change": "Tanggal selesai penilai pengganti diubah",
	"action.skp.period_end":            "Akhir masa SKP diubah",
	// An act sent at once with another that changed the placement or
	// substitute rater first: no such act carries a version, so the
	// refusal says what it is now.
	"conflict.placement.changed.ended": "Penempatan ini sudah diubah oleh tindakan lain sejak dibaca: kini %v sejak %v, sudah diakhiri pada %v. Periksa halaman pegawai; bila tanggal itu memang yang dimaksud, tidak ada lagi yang perlu dilakukan.",
	"conflict.placement.changed.open":  "Penempatan ini sudah diubah oleh tindakan lain sejak dibaca: kini %v sejak %v, tanpa tanggal selesai. Periksa halaman pegawai, lalu ulangi bila masih perlu.",
	"conflict.override.changed.ended":  "Penggantian pejabat penilai ini sudah diubah oleh tindakan lain sejak dibaca: kini sejak %v, sudah diakhiri pada %v. Periksa halaman pegawai; bila tanggal itu memang yang dimaksud, tidak ada lagi yang perlu dilakukan.",
	"conflict.override.changed.open":   "Penggantian pejabat penilai ini sudah diubah oleh tindakan lain sejak dibaca: kini sejak %v, tanpa tanggal selesai. Periksa halaman pegawai, lalu ulangi bila masih perlu.",
}

var placementChangeEN = map[string]string{
	"conflict.placement.end.work": "With the end date %v, work already recorded on the Plt/Plh SKP of %v " +
		"(up to %v) would fall outside that SKP's days. Delete or move it first, or choose a later date.",
	"conflict.placement.started":       "This placement has been in force since %v: it cannot be cancelled. End it with an end date.",
	"conflict.placement.cancel.work":   "Work is already recorded on this post's SKP of %v (up to %v): the placement cannot be cancelled.",
	"manage.placement.cancel":          "Cancel (not yet in force)",
	"conflict.placement.cancelled":     "This placement was cancelled on %v by %v: nothing in it can be changed any more.",
	"emp.placement.cancelled":          "cancelled %v by %v",
	"action.placement.end.change":      "Placement end date changed",
	"action.placement.cancel":          "Placement cancelled before it started",
	"action.placement.restore":         "Placement cancellation withdrawn",
	"action.rater_override.end.change": "Substitute rater end date changed",
	"action.skp.period_end":            "SKP period end changed",
	"conflict.placement.changed.ended": "Another action changed this placement since it was read: it is now %v from %v, ended on %v. Check the employee's page; if that is the date meant, nothing more is needed.",
	"conflict.placement.changed.open":  "Another action changed this placement since it was read: it is now %v from %v, with no end date. Check the employee's page, then try again if still needed.",
	"conflict.override.changed.ended":  "Another action changed this substitute rater since it was read: it now runs from %v and ended on %v. Check the employee's page; if that is the date meant, nothing more is needed.",
	"conflict.override.changed.open":   "Another action changed this substitute rater since it was read: it now runs from %v, with no end date. Check the employee's page, then try again if still needed.",
}

func init() {
	for k, v := range placementChangeID {
		catalogs["id"][k] = v
	}
	for k, v := range placementChangeEN {
		catalogs["en"][k] = v
	}
}
