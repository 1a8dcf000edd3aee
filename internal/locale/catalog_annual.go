package locale

// The messages of the reconciliation reports' reach, the annual
// evaluation screen and the leader map setting.
var annualID = map[string]string{
	"report.none":                "Laporan rekonsiliasi disusun oleh BKPSDM, pimpinan, dan admin OPD (untuk OPD-nya). Akun Anda tidak memiliki peran itu.",
	"report.opd.help.whole":      "Kosongkan untuk seluruh instansi, atau pilih satu perangkat daerah.",
	"report.opd.help.opd":        "Laporan Anda mencakup perangkat daerah yang Anda kelola.",
	"invalid.report.unit":        "Perangkat daerah itu tidak ada di instansi ini.",
	"invalid.report.unit.choose": "Pilih perangkat daerah yang dilaporkan: %s.",
	"invalid.report.unit.reach":  "Anda hanya dapat menyusun laporan untuk %s.",
}

var annualEN = map[string]string{
	"report.none":                "Reconciliation reports are built by BKPSDM, leaders and OPD admins (for their OPD). Your account has none of these roles.",
	"report.opd.help.whole":      "Leave empty for the whole instansi, or choose one OPD.",
	"report.opd.help.opd":        "Your report covers the OPD you administer.",
	"invalid.report.unit":        "That OPD is not in this instansi.",
	"invalid.report.unit.choose": "Choose the OPD to report on: %s.",
	"invalid.report.unit.reach":  "You may build reports only for %s.",
}

func init() {
	for k, v := range annualID {
		catalogs["id"][k] = v
	}
	for k, v := range annualEN {
		catalogs["en"][k] = v
	}
}
