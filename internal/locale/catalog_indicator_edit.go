package locale

// The messages of changing and removing an indicator (IKI) of a draft or
// returned SKP, and the reasons a removal is refused.
var indicatorEditID = map[string]string{
	"conflict.indicator.delete.realisasi": "Indikator ini tidak dapat dihapus karena sudah ada realisasi yang dicatat padanya. Ubah indikator ini bila perlu, misalnya targetnya.",
	"conflict.indicator.delete.last":      "Indikator ini tidak dapat dihapus karena merupakan satu-satunya indikator RHK-nya, dan setiap RHK memerlukan sekurang-kurangnya satu indikator untuk diajukan. Tambahkan indikator lain lebih dulu, ubah indikator ini, atau hapus RHK-nya.",

	"invalid.indicator.change.empty": "Tidak ada yang diubah: kirim aspect, description, target, atau unit",
	"action.indicator.update":        "Indikator diubah",
	"skp.indicator.edit":             "Ubah",
	"skp.indicator.edit.label":       "Ubah indikator %s",
	"skp.indicator.edit.save":        "Simpan perubahan indikator",
	"skp.indicator.delete":           "Hapus indikator",
	"skp.indicator.delete.confirm":   "Hapus indikator ini?",
}

var indicatorEditEN = map[string]string{
	"conflict.indicator.delete.realisasi": "This indicator cannot be deleted: realisasi is recorded on it. Change the indicator instead if needed, e.g. its target.",
	"conflict.indicator.delete.last":      "This indicator cannot be deleted: it is the only indicator of its RHK, and every RHK needs at least one indicator to be submitted. Add another indicator first, change this one, or delete the RHK.",

	"invalid.indicator.change.empty": "Nothing to change: send aspect, description, target or unit",
	"action.indicator.update":        "Indicator changed",
	"skp.indicator.edit":             "Change",
	"skp.indicator.edit.label":       "Change indicator %s",
	"skp.indicator.edit.save":        "Save indicator changes",
	"skp.indicator.delete":           "Delete indicator",
	"skp.indicator.delete.confirm":   "Delete this indicator?",
}

func init() {
	for k, v := range indicatorEditID {
		catalogs["id"][k] = v
	}
	for k, v := range indicatorEditEN {
		catalogs["en"][k] = v
	}
}
