package locale

// The rules that keep one acting holder on a post at a time.
var actingRulesID = map[string]string{
	"invalid.placement.acting.own": "Pegawai ini memegang jabatan %s secara definitif. Plt atau Plh ditunjuk untuk jabatan yang dipegang orang lain atau yang kosong.",
	"invalid.placement.acting.held": "Jabatan %s sudah dijabat %s oleh %s sejak %v. Satu jabatan hanya dijabat satu Plt atau Plh pada satu waktu: " +
		"akhiri penunjukan itu lebih dulu.",
	"invalid.placement.acting.first": "Jabatan %s dijabat %s oleh %s sejak %v. Akhiri penunjukan %[2]s itu, paling lambat sehari sebelum TMT, " +
		"sebelum menempatkan pejabat definitif, agar jelas siapa yang menilai staf jabatan ini.",
}

var actingRulesEN = map[string]string{
	"invalid.placement.acting.own": "This employee holds %s definitively. A Plt or Plh acts on a post someone else holds or that is vacant.",
	"invalid.placement.acting.held": "%s already has a %s, %s, since %v. A post has one Plt or Plh at a time: " +
		"end that placement first.",
	"invalid.placement.acting.first": "%s has a %s, %s, since %v. End that %[2]s placement, at the latest the day before the TMT, " +
		"before placing a definitive holder, so that it is clear who rates the post's staff.",
}

func init() {
	for k, v := range actingRulesID {
		catalogs["id"][k] = v
	}
	for k, v := range actingRulesEN {
		catalogs["en"][k] = v
	}
}
