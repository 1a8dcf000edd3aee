package locale

// The messages of the reconciliation reports' reach, the annual
// evaluation screen and the leader map setting.
var annualID = map[string]string{
	"report.none":                   "Laporan rekonsiliasi disusun oleh BKPSDM, pimpinan, dan admin OPD (untuk OPD-nya). Akun Anda tidak memiliki peran itu.",
	"report.opd.help.whole":         "Kosongkan untuk seluruh instansi, atau pilih satu perangkat daerah.",
	"report.opd.help.opd":           "Laporan Anda mencakup perangkat daerah yang Anda kelola.",
	"invalid.report.unit.choose":    "Pilih perangkat daerah yang dilaporkan: %s.",
	"suggest.annual.skps":           "Tahun ini dinilai atas %d SKP (pegawai berganti jabatan); hasil periodik semua SKP dihitung.",
	"suggest.annual.noperiods":      "Belum ada hasil periodik yang final tahun ini; saran diambil dari realisasi tahunan terhadap target.",
	"suggest.annual.periods":        "Dari %d hasil periodik yang final: %d di atas, %d sesuai, %d di bawah ekspektasi.",
	"suggest.annual.most_below":     "Sebagian besar hasil periodik di bawah ekspektasi.",
	"suggest.annual.most_above":     "Sebagian besar hasil periodik di atas ekspektasi dan tidak satu pun di bawah ekspektasi.",
	"suggest.annual.mixed":          "Hasil periodik tidak sebagian besar di atas ekspektasi tanpa satu pun di bawah, dan tidak sebagian besar di bawah: sesuai ekspektasi.",
	"suggest.annual.norealisasi":    "Realisasi tahunan belum dapat dibandingkan dengan target; saran dari hasil periodik saja.",
	"suggest.annual.lowered":        "Realisasi tahunan terhadap target hanya menunjukkan %s, lebih rendah dari hasil periodik. Yang lebih rendah disarankan, karena rating tahunan mengukur target tahun itu.",
	"suggest.annual.realisasi":      "Realisasi tahunan terhadap target menunjukkan %s, tidak lebih rendah dari hasil periodik.",
	"penilaian.annual.title":        "Dasar penilaian tahunan",
	"penilaian.annual.intro":        "Penilaian tahunan menimbang hasil periodik dan bukti dukung sepanjang tahun, atas setiap SKP tahun ini.",
	"penilaian.annual.this":         "SKP yang dinilai di sini",
	"penilaian.annual.other":        "SKP lain tahun ini",
	"penilaian.annual.periods":      "Hasil periodik",
	"penilaian.annual.periods.none": "Belum ada penilaian periodik pada SKP ini.",
	"penilaian.annual.results":      "Hasil kerja setahun",
	"penilaian.annual.evidence":     "%d bukti dukung",
	"penilaian.annual.skpsuggest":   "Realisasi tahunan SKP ini menyarankan: %s",
	"penilaian.annual.own":          "Penilaian tahunan SKP ini",
	"leader.title":                  "Rating hasil kerja kepala perangkat daerah",
	"leader.help":                   "Rating hasil kerja kepala perangkat daerah mengikuti capaian kinerja organisasinya, menurut peraturan atau menurut pemetaan instansi di bawah. Perubahan berlaku untuk penilaian yang diberikan sesudahnya; hasil yang sudah dinilai tidak berubah. Setiap perubahan tercatat di log audit.",
	"leader.capaian":                "Capaian %s",
	"leader.default":                "Bawaan peraturan: %s",
	"leader.save":                   "Simpan pemetaan",
	"leader.reset":                  "Kembalikan ke bawaan peraturan",
	"leader.regulation":             "Instansi memakai pemetaan bawaan peraturan.",
	"invalid.leader.rating":         "Pilih rating hasil kerja untuk capaian %s.",
	"invalid.leader.capaian":        "Capaian %q tidak dikenal.",
	"action.instansi.leader_map":    "Pemetaan rating hasil kerja kepala perangkat daerah diubah",
	"invalid.leader.map":            "Pemetaan harus berupa objek: setiap capaian dengan rating hasil kerjanya, atau null untuk bawaan peraturan.",
}

var annualEN = map[string]string{
	"report.none":                   "Reconciliation reports are built by BKPSDM, leaders and OPD admins (for their OPD). Your account has none of these roles.",
	"report.opd.help.whole":         "Leave empty for the whole instansi, or choose one OPD.",
	"report.opd.help.opd":           "Your report covers the OPD you administer.",
	"invalid.report.unit.choose":    "Choose the OPD to report on: %s.",
	"suggest.annual.skps":           "This year is evaluated over %d SKPs (the employee changed position); the periodic results of every SKP count.",
	"suggest.annual.noperiods":      "No periodic result of this year is final yet; the suggestion comes from the year's realisasi against the targets.",
	"suggest.annual.periods":        "Of %d final periodic results: %d above, %d meeting, %d below expectation.",
	"suggest.annual.most_below":     "Most periodic results are below expectation.",
	"suggest.annual.most_above":     "Most periodic results are above expectation and none is below it.",
	"suggest.annual.mixed":          "The periodic results are neither mostly above expectation with none below, nor mostly below: meeting expectation.",
	"suggest.annual.norealisasi":    "The year's realisasi cannot be compared with the targets yet; the suggestion comes from the periodic results alone.",
	"suggest.annual.lowered":        "The year's realisasi against the targets shows only %s, lower than the periodic results. The lower is suggested, since the annual rating measures the year's targets.",
	"suggest.annual.realisasi":      "The year's realisasi against the targets shows %s, not lower than the periodic results.",
	"penilaian.annual.title":        "What the annual rating rests on",
	"penilaian.annual.intro":        "The annual evaluation weighs the periodic results and the year's evidence, over every SKP of the year.",
	"penilaian.annual.this":         "The SKP rated here",
	"penilaian.annual.other":        "Another SKP of this year",
	"penilaian.annual.periods":      "Periodic results",
	"penilaian.annual.periods.none": "No periodic assessment on this SKP yet.",
	"penilaian.annual.results":      "The year's results",
	"penilaian.annual.evidence":     "%d pieces of evidence",
	"penilaian.annual.skpsuggest":   "This SKP's realisasi for the year suggest: %s",
	"penilaian.annual.own":          "This SKP's annual assessment",
	"leader.title":                  "Rating hasil kerja of OPD heads",
	"leader.help":                   "An OPD head's rating hasil kerja follows the capaian kinerja organisasi, by the regulation or by the instansi's map below. A change applies to ratings given after it; results already rated do not change. Every change is in the audit log.",
	"leader.capaian":                "Capaian %s",
	"leader.default":                "The regulation's: %s",
	"leader.save":                   "Save the map",
	"leader.reset":                  "Restore the regulation's map",
	"leader.regulation":             "The instansi uses the regulation's map.",
	"invalid.leader.rating":         "Choose a rating hasil kerja for capaian %s.",
	"invalid.leader.capaian":        "Unknown capaian %q.",
	"action.instansi.leader_map":    "Map of OPD heads' rating hasil kerja changed",
	"invalid.leader.map":            "The map must be an object of every capaian with its rating hasil kerja, or null for the regulation's.",
}

func init() {
	for k, v := range annualID {
		catalogs["id"][k] = v
	}
	for k, v := range annualEN {
		catalogs["en"][k] = v
	}
}
