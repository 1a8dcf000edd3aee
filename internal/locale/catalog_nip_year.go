package locale

// The first year an NI PPPK can carry.
var nipYearID = map[string]string{
	"invalid.nip.pppk.year": "Tahun %s dalam NI %s tidak mungkin: NI %s baru diterbitkan sejak %d. Periksa kembali nomornya.",
}

var nipYearEN = map[string]string{
	"invalid.nip.pppk.year": "The year %s in this %s number cannot be: %s numbers have been issued only since %d. Check the number again.",
}

func init() {
	for k, v := range nipYearID {
		catalogs["id"][k] = v
	}
	for k, v := range nipYearEN {
		catalogs["en"][k] = v
	}
}
