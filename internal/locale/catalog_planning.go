package locale

// The messages of planning that came with the API's parity with the web:
// declining a proposed RHK, and the field errors of the new planning
// routes.
var planningID = map[string]string{
	"skp.proposal.decline":  "Tolak",
	"skp.proposal.declined": "Usulan RHK ditolak.",
	"skp.err.skp_id":        "Sebutkan SKP yang menerima RHK ini (skp_id)",
	"settings.err.empty":    "Tidak ada yang diubah: kirim evidence_max_mb, time_zone, atau periodic_objections",
	"skp.rhk.delete":        "Hapus RHK",
	"invalid.skp.revision":  "Revisi ditulis sebagai bilangan bulat, misalnya 1",
	"skp.inforce":           "Revisi %d yang telah disetujui tetap berlaku sampai revisi ini disetujui: RHK-nya tetap dapat diintervensi, dan progres serta realisasi tetap dicatat atasnya.",
}

var planningEN = map[string]string{
	"skp.proposal.decline":  "Decline",
	"skp.proposal.declined": "The proposed RHK was declined.",
	"skp.err.skp_id":        "Name the SKP that takes this RHK (skp_id)",
	"settings.err.empty":    "Nothing to change: send evidence_max_mb, time_zone or periodic_objections",
	"skp.rhk.delete":        "Delete RHK",
	"invalid.skp.revision":  "The revision is a whole number, e.g. 1",
	"skp.inforce":           "Approved revision %d stays in force until this revision is approved: its RHK can still be intervened, and progress and realisasi are still recorded on it.",
}

func init() {
	for k, v := range planningID {
		catalogs["id"][k] = v
	}
	for k, v := range planningEN {
		catalogs["en"][k] = v
	}
}
