package locale

// The message of a NIP whose TMT is still to come.
var nipTMTID = map[string]string{
	"invalid.nip.tmt.future": "TMT dalam NIP (%s) belum tiba: hari ini %s di instansi. NIP diterbitkan saat pengangkatan; periksa kembali nomornya",
}

var nipTMTEN = map[string]string{
	"invalid.nip.tmt.future": "The TMT in the NIP (%s) is still to come: today is %s at the instansi. A NIP is issued at the appointment; check the number again",
}

func init() {
	for k, v := range nipTMTID {
		catalogs["id"][k] = v
	}
	for k, v := range nipTMTEN {
		catalogs["en"][k] = v
	}
}
