package locale

// Who holds a post: everyone holding it, each acting holder marked, on the
// unit pages; and the posts the signed-in person acts in, on the home page.
var holdersID = map[string]string{
	"holder.acting":          "%s sejak %v",
	"holder.acting.until":    "%s sejak %v sampai %v",
	"home.acting.title":      "Jabatan yang Anda rangkap",
	"home.acting.skp.create": "Susun SKP sebagai %s",
	"home.acting.desk":       "Meja kerja: %d staf jabatan ini",
	// A post held by many: the first holders on the unit pages, all of
	// them a page at a time on the post's own page.
	"units.holders.more":  "dan %d lainnya — lihat semua %d pemangku",
	"units.holders.extra": "+%d lainnya",
	"units.holders.title": "Pemangku %s",
	"units.holders.total": "%d orang memangku jabatan ini hari ini: pejabat definitif lebih dulu, lalu Plt, lalu Plh.",
	"units.holders.none":  "Tidak ada yang memangku jabatan ini hari ini.",
}

var holdersEN = map[string]string{
	"holder.acting":          "%s since %v",
	"holder.acting.until":    "%s since %v until %v",
	"home.acting.title":      "Posts you act in",
	"home.acting.skp.create": "Draft the SKP as %s",
	"home.acting.desk":       "Desk: %d staff of this post",
	"units.holders.more":     "and %d more — see all %d holders",
	"units.holders.extra":    "+%d more",
	"units.holders.title":    "Holders of %s",
	"units.holders.total":    "%d people hold this post today: the definitive holders first, then the Plt, then the Plh.",
	"units.holders.none":     "Nobody holds this post today.",
}

func init() {
	for k, v := range holdersID {
		catalogs["id"][k] = v
	}
	for k, v := range holdersEN {
		catalogs["en"][k] = v
	}
}
