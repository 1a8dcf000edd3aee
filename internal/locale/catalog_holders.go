package locale

// Who holds a post: everyone holding it, each acting holder marked, on the
// unit pages; and the posts the signed-in person acts in, on the home page.
var holdersID = map[string]string{
	"holder.acting":          "%s sejak %v",
	"holder.acting.until":    "%s sejak %v sampai %v",
	"home.acting.title":      "Jabatan yang Anda rangkap",
	"home.acting.skp.create": "Susun SKP sebagai %s",
	"home.acting.desk":       "Meja kerja: %d staf jabatan ini",
}

var holdersEN = map[string]string{
	"holder.acting":          "%s since %v",
	"holder.acting.until":    "%s since %v until %v",
	"home.acting.title":      "Posts you act in",
	"home.acting.skp.create": "Draft the SKP as %s",
	"home.acting.desk":       "Desk: %d staff of this post",
}

func init() {
	for k, v := range holdersID {
		catalogs["id"][k] = v
	}
	for k, v := range holdersEN {
		catalogs["en"][k] = v
	}
}
