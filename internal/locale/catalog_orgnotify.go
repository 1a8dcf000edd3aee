package locale

// What a change of the organisation tells the people it concerns.
var orgNotifyID = map[string]string{
	"notif.skp.raters.many.title": "%[1]s SKP kini menunggu persetujuan Anda",
	"notif.skp.raters.many.body":  "Anda menjadi pejabat penilainya karena perubahan organisasi. Terakhir: SKP %[3]s %[2]s, sebelumnya dinilai %[4]s.",
}

var orgNotifyEN = map[string]string{
	"notif.skp.raters.many.title": "%[1]s SKPs now wait for your approval",
	"notif.skp.raters.many.body":  "You became their pejabat penilai after a change in the organisation. Latest: the %[3]s SKP of %[2]s, rated before by %[4]s.",
}

func init() {
	for k, v := range orgNotifyID {
		catalogs["id"][k] = v
	}
	for k, v := range orgNotifyEN {
		catalogs["en"][k] = v
	}
}
