package locale

// The messages of the reconciliation reports' reach, the annual
// evaluation screen and the leader map setting.
var annualID = map[string]string{
	"report.none":                   "Laporan rekonsiliasi disusun oleh BKPSDM, pimpinan, dan admin OPD (untuk OPD-nya). Akun Anda tidak memiliki peran itu.",
	"report.opd.help.whole":         "Kosongkan untuk seluruh instansi, atau pilih satu perangkat daerah.",
	"report.opd.help.opd":           "Laporan Anda mencakup perangkat daerah yang Anda kelola.",
	"invalid.report.unit":           "Perangkat daerah itu tidak ada di instansi ini.",
	"invalid.report.unit.choose":    "Pilih perangkat daerah yang dilaporkan: %s.",
	"invalid.report.unit.reach":     "Anda hanya dapat menyusun laporan untuk %s.",
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
}

var annualEN = map[string]string{
	"report.none":                   "Reconciliation reports are built by BKPSDM, leaders and OPD admins (for their OPD). Your account has none of these roles.",
	"report.opd.help.whole":         "Leave empty for the whole instansi, or choose one OPD.",
	"report.opd.help.opd":           "Your report covers the OPD you administer.",
	"invalid.report.unit":           "That OPD is not in this instansi.",
	"invalid.report.unit.choose":    "Choose the OPD to report on: %s.",
	"invalid.report.unit.reach":     "You may build reports only for %s.",
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
}

func init() {
	for k, v := range annualID {
		catalogs["id"][k] = v
	}
	for k, v := range annualEN {
		catalogs["en"][k] = v
	}
}
