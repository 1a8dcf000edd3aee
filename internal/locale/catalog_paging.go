package locale

// The messages of lists that come a page at a time: what a page holds of
// how many, so that nothing is capped without saying so.
var pagingID = map[string]string{
	"desk.waiting.page": "Halaman ini memuat %d dari %d entri yang menunggu, yang terlama lebih dulu.",
}

var pagingEN = map[string]string{
	"desk.waiting.page": "This page holds %d of the %d waiting entries, oldest first.",
}

func init() {
	for k, v := range pagingID {
		catalogs["id"][k] = v
	}
	for k, v := range pagingEN {
		catalogs["en"][k] = v
	}
}
