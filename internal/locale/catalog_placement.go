package locale

// The messages of placements (definitif, Plt, Plh) and substitute raters.
var placementID = map[string]string{
	"import.blocked.selfrating": "Berkas ini membuat %s menilai dirinya sendiri, langsung atau melalui rantai " +
		"penilai yang berputar, mulai %s (bersama perubahan lain yang sudah dicatat, seperti penilai pengganti " +
		"atau penempatan yang akan berlaku). Tidak ada yang menilai dirinya sendiri: perbaiki berkas atau perubahan itu.",
	"import.blocked.selfrating.upper": "Berkas ini membuat atasan pejabat penilai %s adalah dirinya sendiri atau " +
		"pegawai yang dinilainya, mulai %s (bersama perubahan lain yang sudah dicatat). Tidak ada yang menilai dirinya sendiri.",
	"invalid.rater.selfrating": "Dengan perubahan ini %s akan menilai dirinya sendiri, langsung atau melalui " +
		"rantai penilai yang berputar. Pejabat penilai adalah atasan; tidak ada yang menilai dirinya sendiri.",
	"invalid.rater.selfrating.upper": "Dengan perubahan ini atasan pejabat penilai %s adalah dirinya sendiri atau " +
		"pegawai yang dinilainya. Tidak ada yang menilai dirinya sendiri.",
	"invalid.placement.employee.required": "Sebutkan pegawai yang ditempatkan",
	"invalid.placement.kind.required":     "Pilih jenis penempatan: definitif, plt atau plh",
	"invalid.placement.start.required":    "Isi TMT penempatan (TTTT-BB-HH)",
	"invalid.placement.date.range":        "Tanggal %s tidak masuk akal untuk penempatan: isi tanggal antara %s dan %s (paling lambat setahun sesudah hari ini)",
}

var placementEN = map[string]string{
	"import.blocked.selfrating": "This file makes %s assess themselves, directly or through a chain of raters " +
		"that comes back to them, from %s (together with other recorded changes, such as substitute raters or " +
		"placements yet to take effect). Nobody assesses themselves: fix the file or that change.",
	"import.blocked.selfrating.upper": "This file makes the atasan pejabat penilai of %s themselves or someone " +
		"they rate, from %s (together with other recorded changes). Nobody assesses themselves.",
	"invalid.rater.selfrating": "With this change %s would assess themselves, directly or through a chain of raters " +
		"that comes back to them. The pejabat penilai is the superior; nobody assesses themselves.",
	"invalid.rater.selfrating.upper": "With this change the atasan pejabat penilai of %s would be themselves or " +
		"someone they rate. Nobody assesses themselves.",
	"invalid.placement.employee.required": "Name the employee to place",
	"invalid.placement.kind.required":     "Choose the kind of placement: definitif, plt or plh",
	"invalid.placement.start.required":    "Give the TMT (start date) of the placement (YYYY-MM-DD)",
	"invalid.placement.date.range":        "%s is not a plausible placement date: give a date between %s and %s (at most a year after today)",
}

func init() {
	for k, v := range placementID {
		catalogs["id"][k] = v
	}
	for k, v := range placementEN {
		catalogs["en"][k] = v
	}
}
