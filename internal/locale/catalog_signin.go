package locale

// The messages of the sign-in limits (how long to wait after wrong
// passwords, the administrators' page that lifts a limit) and of the
// strength check of a new password.
var signinID = map[string]string{
	"signin.wait.seconds": "%d detik",
	"signin.wait.minutes": "%d menit",

	"signin.limits.title":      "Batas percobaan masuk",
	"signin.limits.intro":      "Setelah beberapa kata sandi salah, Kinerja tidak mengunci akun tetapi memperlambat percobaan berikutnya: makin banyak yang salah, makin lama harus menunggu (paling lama 15 menit). Pemilik akun yang pernah masuk dari alamat lain tetap bisa masuk. Cabut batas bila pegawai yang bersangkutan sudah dipastikan dan tidak mau menunggu.",
	"signin.limits.account":    "Akun",
	"signin.limits.address":    "Alamat",
	"signin.limits.failures":   "Kata sandi salah",
	"signin.limits.until":      "Boleh mencoba lagi",
	"signin.limits.now":        "Sekarang (satu kali)",
	"signin.limits.lift":       "Cabut batas",
	"signin.limits.lifted":     "Batas dicabut. Percobaan berikutnya langsung diperiksa.",
	"signin.limits.none":       "Tidak ada akun atau alamat yang sedang dibatasi.",
	"signin.limits.nobody":     "bukan akun siapa pun",
	"signin.limits.anyaccount": "Banyak akun",
	"signin.limits.anyaddress": "Dari banyak alamat",

	"invalid.auth.password.slowed": "Terlalu banyak kata sandi yang salah. Tunggu %s, lalu coba lagi.",
	"invalid.password.long":        "Kata sandi paling panjang %d karakter",
	"invalid.password.digits":      "Kata sandi tidak boleh hanya angka; tambahkan huruf atau gunakan beberapa kata",
	"invalid.password.personal":    "Kata sandi tidak boleh memuat NIP, nama pengguna atau nama Anda",
	"invalid.password.common":      "Kata sandi ini terlalu umum atau pernah bocor di internet; pilih yang lain, misalnya tiga atau empat kata yang tidak berhubungan",
	"invalid.password.pattern":     "Kata sandi berupa urutan atau pengulangan (seperti 123456, abcdef, aaaaaa atau qwerty) mudah ditebak; pilih yang lain",
	"invalid.password.date":        "Kata sandi yang berupa tanggal mudah ditebak; pilih yang lain",
	"invalid.password.weak":        "Kata sandi ini mudah ditebak; buat lebih panjang, misalnya tiga atau empat kata yang tidak berhubungan",

	"action.user.unlock":   "Batas masuk akun dicabut",
	"action.sign_in.lift":  "Batas percobaan masuk dicabut",
	"entity.sign_in_limit": "Batas percobaan masuk",
}

var signinEN = map[string]string{
	"signin.wait.seconds": "%d seconds",
	"signin.wait.minutes": "%d minutes",

	"signin.limits.title":      "Sign-in limits",
	"signin.limits.intro":      "After a few wrong passwords Kinerja does not lock the account but slows the next attempts down: the more wrong, the longer the wait (15 minutes at most). An owner who signed in before from another address can still sign in. Lift a limit when the person has been verified and should not wait.",
	"signin.limits.account":    "Account",
	"signin.limits.address":    "Address",
	"signin.limits.failures":   "Wrong passwords",
	"signin.limits.until":      "May try again",
	"signin.limits.now":        "Now (once)",
	"signin.limits.lift":       "Lift limit",
	"signin.limits.lifted":     "Limit lifted. The next attempt is checked at once.",
	"signin.limits.none":       "No account or address is being limited.",
	"signin.limits.nobody":     "nobody's account",
	"signin.limits.anyaccount": "Many accounts",
	"signin.limits.anyaddress": "From many addresses",

	"invalid.auth.password.slowed": "Too many wrong passwords. Wait %s, then try again.",
	"invalid.password.long":        "The password may have at most %d characters",
	"invalid.password.digits":      "The password may not be digits only; add letters or use several words",
	"invalid.password.personal":    "The password may not contain your NIP, username or name",
	"invalid.password.common":      "This password is too common or has leaked on the internet; choose another, for example three or four unrelated words",
	"invalid.password.pattern":     "A sequence or repetition (such as 123456, abcdef, aaaaaa or qwerty) is easy to guess; choose another password",
	"invalid.password.date":        "A date is easy to guess; choose another password",
	"invalid.password.weak":        "This password is easy to guess; make it longer, for example three or four unrelated words",

	"action.user.unlock":   "Account sign-in limits lifted",
	"action.sign_in.lift":  "Sign-in limit lifted",
	"entity.sign_in_limit": "Sign-in limit",
}

func init() {
	for k, v := range signinID {
		catalogs["id"][k] = v
	}
	for k, v := range signinEN {
		catalogs["en"][k] = v
	}
}
