package locale

// English notes on the columns of an employee import file. The
// Indonesian notes live with the importer (importer.Columns), so only
// English is kept here, keyed "import.col.<COLUMN>".
var importColumnsEN = map[string]string{
	"import.col.NIP":            "18 digits",
	"import.col.NAMA":           "or NAMA_LENGKAP; titles in the name are split off",
	"import.col.GELAR_DEPAN":    "front titles, or GLR_DEPAN; e.g. Dr. H.",
	"import.col.GELAR_BELAKANG": "back titles, or GLR_BELAKANG; e.g. S.H., M.H.",
	"import.col.UNOR_ID":        "unit code, as on the Organisation page",
	"import.col.JABATAN_NAMA":   "or JABATAN_ID when the position exists",
	"import.col.JABATAN_ID":     "position code",
	"import.col.JENIS_JABATAN":  "kind of post: JPT Pratama, Administrator, Pengawas, Pelaksana or Fungsional",
	"import.col.JENJANG":        "for functional posts: Ahli Pertama, Terampil, ...",
	"import.col.STATUS":         "PNS, CPNS, PPPK or PPPK Paruh Waktu (when empty: as the NIP says)",
	"import.col.GOLONGAN":       "III/a for PNS, I to XVII for PPPK",
	"import.col.JENIS_KELAMIN":  "L (male) or P (female)",
	"import.col.TMT_JABATAN":    "YYYY-MM-DD or DD-MM-YYYY",
	"import.col.TANGGAL_LAHIR":  "to recognise a NIP that changed; when empty, from the NIP",
}

func init() {
	for k, v := range importColumnsEN {
		catalogs["en"][k] = v
	}
}
