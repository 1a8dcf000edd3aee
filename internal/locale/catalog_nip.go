package locale

// The messages of NIP and NI PPPK checks: the kind of number BKN issued
// and the employment status it says.
var nipID = map[string]string{
	"status.pppk_paruh_waktu":   "PPPK paruh waktu",
	"invalid.nip.code":          "Bagian TMT dalam NIP (%s) bukan bulan 01–12 dan bukan kode NI PPPK (21 PPPK, 24 PPPK paruh waktu)",
	"invalid.nip.status":        "NIP %s adalah nomor %[3]v, sedangkan statusnya %[2]v: perbaiki status atau NIP-nya",
	"invalid.employee.golongan": "Golongan %q tidak sesuai untuk %v (PNS: I/a sampai IV/e, PPPK: I sampai XVII)",
}

var nipEN = map[string]string{
	"status.pppk_paruh_waktu":   "Part-time PPPK",
	"invalid.nip.code":          "The TMT part of the NIP (%s) is neither a month 01–12 nor an NI PPPK code (21 PPPK, 24 part-time PPPK)",
	"invalid.nip.status":        "NIP %s is the number of a %[3]v, but the status says %[2]v: correct the status or the NIP",
	"invalid.employee.golongan": "Golongan %q does not fit a %v (PNS: I/a to IV/e, PPPK: I to XVII)",
}

func init() {
	for k, v := range nipID {
		catalogs["id"][k] = v
	}
	for k, v := range nipEN {
		catalogs["en"][k] = v
	}
}
