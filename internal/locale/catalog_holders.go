package locale

// Who holds a post: everyone holding it, each acting holder marked, on the
// unit pages; and the posts the signed-in person acts in, on the home page.
var holdersID = map[string]string{
	"holder.acting":       "%s sejak %v",
	"holder.acting.until": "%s sejak %v sampai %v",
}

var holdersEN = map[string]string{
	"holder.acting":       "%s since %v",
	"holder.acting.until": "%s since %v until %v",
}

func init() {
	for k, v := range holdersID {
		catalogs["id"][k] = v
	}
	for k, v := range holdersEN {
		catalogs["en"][k] = v
	}
}
