package locale

// The messages of a request refused because it came from another site
// (cross-site request forgery protection).
var crossOriginID = map[string]string{
	"err.crossorigin.title":      "Permintaan ditolak",
	"err.crossorigin.body":       "Formulir ini dikirim dari situs lain, sehingga Kinerja menolaknya demi keamanan akun Anda. Buka halaman Kinerja langsung lalu kirim ulang dari sana.",
	"problem.crossorigin.title":  "Permintaan lintas situs ditolak",
	"problem.crossorigin.detail": "Permintaan ini datang dari halaman situs lain; Kinerja hanya menerima perubahan dari halamannya sendiri atau dari klien API.",
}

var crossOriginEN = map[string]string{
	"err.crossorigin.title":      "Request refused",
	"err.crossorigin.body":       "This form was sent from another site, so Kinerja refused it to keep your account safe. Open the Kinerja page directly and send it again from there.",
	"problem.crossorigin.title":  "Cross-site request refused",
	"problem.crossorigin.detail": "This request came from a page of another site; Kinerja accepts changes only from its own pages or from API clients.",
}

func init() {
	for k, v := range crossOriginID {
		catalogs["id"][k] = v
	}
	for k, v := range crossOriginEN {
		catalogs["en"][k] = v
	}
}
