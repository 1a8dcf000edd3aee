package locale

// Words written alike in both languages (names, abbreviations the
// regulation uses, language names). They are in the English catalog too,
// so that a key missing from either catalog is always a mistake.
var sameEN = map[string]string{
	"app.name":     "Kinerja",
	"demo.ribbon":  "DEMO",
	"dir.unit":     "Unit",
	"emp.email":    "E-mail",
	"emp.nip":      "NIP",
	"lang.en":      "English",
	"lang.id":      "Bahasa Indonesia",
	"role.asn":     "ASN",
	"role.auditor": "Auditor",
	"skp.target":   "Target",
	"skp.title":    "SKP",
	"status.cpns":  "CPNS",
	"status.pns":   "PNS",
	"status.pppk":  "PPPK",
}

func init() {
	for k, v := range sameEN {
		catalogs["en"][k] = v
	}
}
