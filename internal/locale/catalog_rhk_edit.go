package locale

// The messages of changing an RHK of a draft or returned SKP, and the
// reasons an SKP or an RHK refuses a change.
var rhkEditID = map[string]string{
	"conflict.skp.edit.submitted": "SKP ini sedang menunggu persetujuan pejabat penilai: RHK, indikator, dan lampirannya tidak dapat diubah sampai SKP dikembalikan atau disetujui.",
	"conflict.skp.edit.approved":  "SKP ini sudah disetujui: untuk mengubah RHK, indikator, atau lampirannya, mulai revisi lebih dulu.",
	"conflict.skp.edit.closed":    "SKP ini sudah ditutup (masa berlakunya berakhir %s): RHK, indikator, dan lampirannya tidak dapat diubah lagi.",
	"conflict.skp.review.status":  "SKP ini berstatus %s: hanya SKP yang menunggu persetujuan yang dapat disetujui atau dikembalikan.",
	"conflict.skp.revise.status":  "SKP ini berstatus %s: revisi hanya dapat dimulai pada SKP yang sudah disetujui.",
	"conflict.skp.expect.status":  "SKP ini berstatus %s: ekspektasi khusus ditulis sebelum SKP disetujui.",
	"conflict.skp.exists":         "Sudah ada SKP tahun %d untuk jabatan %s yang belum ditutup: buka dan lanjutkan SKP itu.",

	"conflict.rhk.delete.intervened": "RHK ini tidak dapat dihapus karena RHK bawahan mengintervensinya. Minta bawahan memilih RHK atasan lain lebih dulu.",
	"conflict.rhk.delete.proposal":   "RHK ini tidak dapat dihapus karena ada usulan RHK kepada bawahan yang diturunkan darinya.",
	"conflict.rhk.delete.progress":   "RHK ini tidak dapat dihapus karena sudah ada progres harian yang dicatat padanya (termasuk progres yang dipindahkan saat RHK diambil alih). Ubah RHK ini bila perlu, misalnya RHK atasan yang diintervensi.",
	"conflict.rhk.delete.realisasi":  "RHK ini tidak dapat dihapus karena sudah ada realisasi yang dicatat pada indikatornya. Ubah RHK ini bila perlu, misalnya RHK atasan yang diintervensi.",
	"conflict.rhk.delete.team":       "RHK ini tidak dapat dihapus karena dikaitkan dengan hasil tim kerja. Lepaskan kaitannya di halaman tim lebih dulu.",
	"conflict.rhk.delete.need":       "RHK ini tidak dapat dihapus karena disebut pada kebutuhan pengembangan.",

	"invalid.rhk.change.empty": "Tidak ada yang diubah: kirim kind, description, parent_rhk_id, parent_text, penugasan_dari, atau perspektif",
	"skp.rhk.edit":             "Ubah RHK",
	"skp.rhk.edit.save":        "Simpan perubahan RHK",
	"skp.rhk.parent.missing":   "RHK utama ini belum mengintervensi RHK atasan. Pilih RHK atasan yang baru lewat Ubah RHK sebelum mengajukan SKP.",
}

var rhkEditEN = map[string]string{
	"conflict.skp.edit.submitted": "This SKP is awaiting the pejabat penilai's approval: its RHK, indicators and lampiran cannot change until it is returned or approved.",
	"conflict.skp.edit.approved":  "This SKP is approved: start a revision to change its RHK, indicators or lampiran.",
	"conflict.skp.edit.closed":    "This SKP is closed (its period ended on %s): its RHK, indicators and lampiran can no longer change.",
	"conflict.skp.review.status":  "This SKP is %s: only an SKP awaiting approval can be approved or returned.",
	"conflict.skp.revise.status":  "This SKP is %s: a revision starts only from an approved SKP.",
	"conflict.skp.expect.status":  "This SKP is %s: expectations are written before the SKP is approved.",
	"conflict.skp.exists":         "There is already an SKP for %d on the post %s that is not closed: open it and carry on with it.",

	"conflict.rhk.delete.intervened": "This RHK cannot be deleted: a subordinate's RHK intervenes it. Ask them to pick another superior RHK first.",
	"conflict.rhk.delete.proposal":   "This RHK cannot be deleted: an RHK proposed to a subordinate derives from it.",
	"conflict.rhk.delete.progress":   "This RHK cannot be deleted: daily progress is recorded on it (including progress moved when the RHK was taken over). Change the RHK instead if needed, e.g. the superior RHK it intervenes.",
	"conflict.rhk.delete.realisasi":  "This RHK cannot be deleted: realisasi is recorded on its indicators. Change the RHK instead if needed, e.g. the superior RHK it intervenes.",
	"conflict.rhk.delete.team":       "This RHK cannot be deleted: it is linked to a work team's result. Unlink it on the team's page first.",
	"conflict.rhk.delete.need":       "This RHK cannot be deleted: a development need names it.",

	"invalid.rhk.change.empty": "Nothing to change: send kind, description, parent_rhk_id, parent_text, penugasan_dari or perspektif",
	"skp.rhk.edit":             "Change RHK",
	"skp.rhk.edit.save":        "Save RHK changes",
	"skp.rhk.parent.missing":   "This main RHK does not intervene a superior RHK yet. Pick the new superior RHK under Change RHK before submitting the SKP.",
}

func init() {
	for k, v := range rhkEditID {
		catalogs["id"][k] = v
	}
	for k, v := range rhkEditEN {
		catalogs["en"][k] = v
	}
}
