package locale

// The titles and details of the API's problem documents (RFC 9457),
// written in the reader's language.
var problemsID = map[string]string{
	"problem.validation.title":              "Data tidak valid",
	"problem.validation.detail":             "Periksa kembali isian berikut. %s.",
	"problem.validation.empty":              "Periksa kembali isian Anda.",
	"problem.too-large.title":               "Berkas terlalu besar",
	"problem.too-large.evidence":            "Bukti dukung paling besar %d MB per berkas. Perkecil berkasnya (misalnya foto dengan resolusi lebih rendah) lalu kirim lagi.",
	"problem.too-large.import":              "Berkas impor paling besar %d MB.",
	"problem.rate-limited.login.title":      "Terlalu banyak percobaan",
	"problem.rate-limited.login":            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %d menit.",
	"problem.rate-limited.title":            "Terlalu banyak permintaan",
	"problem.rate-limited.detail":           "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.",
	"problem.unauthenticated.title":         "Belum masuk",
	"problem.unauthenticated.detail":        "Silakan masuk dahulu melalui POST /api/v1/auth/login, lalu kirim token sebagai Authorization: Bearer <token>. Sesi yang sudah keluar atau kedaluwarsa tidak berlaku lagi.",
	"problem.unauthenticated.login":         "Nama pengguna atau kata sandi salah.",
	"problem.forbidden.title":               "Tidak diizinkan",
	"problem.forbidden.detail":              "Akun Anda tidak memiliki hak untuk tindakan ini.",
	"problem.not-found.title":               "Tidak ditemukan",
	"problem.not-found.detail":              "Data yang diminta tidak ada atau tidak dapat Anda lihat.",
	"problem.not-found.route":               "Alamat API ini tidak ada. Lihat /api/v1/openapi.json untuk daftar alamat.",
	"problem.method-not-allowed.title":      "Metode tidak diizinkan",
	"problem.method-not-allowed.detail":     "Gunakan salah satu metode: %s.",
	"problem.conflict.title":                "Konflik",
	"problem.conflict.stale":                "Data ini telah berubah sejak Anda membacanya. Baca ulang lalu coba lagi dengan version yang baru.",
	"problem.conflict.state":                "Tindakan ini tidak dapat dilakukan pada keadaan data sekarang. Muat ulang lalu periksa statusnya.",
	"problem.server-error.title":            "Kesalahan server",
	"problem.server-error.detail":           "Terjadi kesalahan pada server. Silakan coba lagi; jika berulang, hubungi admin.",
	"problem.unsupported-media-type.title":  "Jenis isi tidak didukung",
	"problem.unsupported-media-type.detail": "Kirim isi permintaan sebagai JSON dengan header Content-Type: application/json.",
	"problem.body-too-large.title":          "Permintaan terlalu besar",
	"problem.body-too-large.detail":         "Isi permintaan melebihi batas %d MB.",
	"problem.malformed-json.title":          "JSON tidak valid",
	"problem.malformed-json.syntax":         "Isi permintaan bukan JSON yang valid (kesalahan pada byte ke-%d).",
	"problem.malformed-json.truncated":      "Isi permintaan terpotong: JSON tidak lengkap.",
	"problem.malformed-json.object":         "Isi permintaan harus berupa satu objek JSON.",
	"problem.malformed-json.single":         "Isi permintaan harus berupa satu objek JSON saja.",
	"problem.malformed-json.unreadable":     "Isi permintaan tidak dapat dibaca sebagai JSON.",
}

var problemsEN = map[string]string{
	"problem.validation.title":              "Invalid data",
	"problem.validation.detail":             "Check the following fields. %s.",
	"problem.validation.empty":              "Check what you entered.",
	"problem.too-large.title":               "File too large",
	"problem.too-large.evidence":            "Bukti dukung (evidence) takes at most %d MB per file. Make the file smaller (a photo at a lower resolution, for example) and send it again.",
	"problem.too-large.import":              "An import file takes at most %d MB.",
	"problem.rate-limited.login.title":      "Too many attempts",
	"problem.rate-limited.login":            "Too many failed sign-in attempts. Try again in %d minutes.",
	"problem.rate-limited.title":            "Too many requests",
	"problem.rate-limited.detail":           "Too many requests. Wait a moment and try again.",
	"problem.unauthenticated.title":         "Not signed in",
	"problem.unauthenticated.detail":        "Sign in first through POST /api/v1/auth/login, then send the token as Authorization: Bearer <token>. A session that signed out or expired no longer counts.",
	"problem.unauthenticated.login":         "The username or password is wrong.",
	"problem.forbidden.title":               "Forbidden",
	"problem.forbidden.detail":              "Your account may not take this action.",
	"problem.not-found.title":               "Not found",
	"problem.not-found.detail":              "What you asked for does not exist or you may not see it.",
	"problem.not-found.route":               "This API address does not exist. See /api/v1/openapi.json for the list of addresses.",
	"problem.method-not-allowed.title":      "Method not allowed",
	"problem.method-not-allowed.detail":     "Use one of the methods: %s.",
	"problem.conflict.title":                "Conflict",
	"problem.conflict.stale":                "This record has changed since you read it. Read it again, then retry with the new version.",
	"problem.conflict.state":                "This action cannot be taken in the record's present state. Reload it and check its status.",
	"problem.server-error.title":            "Server error",
	"problem.server-error.detail":           "Something went wrong on the server. Try again; if it keeps happening, contact the administrator.",
	"problem.unsupported-media-type.title":  "Unsupported media type",
	"problem.unsupported-media-type.detail": "Send the request body as JSON with the header Content-Type: application/json.",
	"problem.body-too-large.title":          "Request too large",
	"problem.body-too-large.detail":         "The request body is over the limit of %d MB.",
	"problem.malformed-json.title":          "Invalid JSON",
	"problem.malformed-json.syntax":         "The request body is not valid JSON (error at byte %d).",
	"problem.malformed-json.truncated":      "The request body is cut short: the JSON is incomplete.",
	"problem.malformed-json.object":         "The request body must be one JSON object.",
	"problem.malformed-json.single":         "The request body must be a single JSON object only.",
	"problem.malformed-json.unreadable":     "The request body cannot be read as JSON.",
}

func init() {
	for k, v := range problemsID {
		catalogs["id"][k] = v
	}
	for k, v := range problemsEN {
		catalogs["en"][k] = v
	}
}
