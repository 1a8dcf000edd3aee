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
}

func init() {
	for k, v := range placementChangeID {
		catalogs["id"][k] = v
	}
	for k, v := range placementChangeEN {
		catalogs["en"][k] = v
	}
}
