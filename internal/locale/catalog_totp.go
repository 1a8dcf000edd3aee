package locale

// The messages of the second factor: enrolling an authenticator on the
// profile, the sign-in's second step, the recovery codes, the
// administrator's reset, the instansi's requirement and the API's
// problems.
var totpID = map[string]string{
	"totp.title":           "Verifikasi dua langkah",
	"totp.intro":           "Selain kata sandi, Kinerja dapat meminta kode 6 angka dari aplikasi autentikator di ponsel Anda (misalnya Google Authenticator, Microsoft Authenticator, FreeOTP atau Aegis). Orang yang mengetahui kata sandi Anda tetap tidak dapat masuk tanpa ponsel Anda.",
	"totp.status.on":       "Saat masuk, Kinerja meminta kode dari aplikasi autentikator.",
	"totp.status.off":      "Belum aktif.",
	"totp.required":        "Instansi Anda mewajibkan verifikasi dua langkah untuk akun admin dan auditor.",
	"totp.recovery.left":   "Kode pemulihan yang belum dipakai: %d dari 10.",
	"totp.start":           "Aktifkan verifikasi dua langkah",
	"totp.restart":         "Mulai ulang dengan kunci baru",
	"totp.step.scan":       "1. Pindai kode QR ini dengan aplikasi autentikator.",
	"totp.step.type":       "Tidak dapat memindai? Ketik kunci ini di aplikasi (jenis: berbasis waktu):",
	"totp.qr.alt":          "Kode QR untuk aplikasi autentikator",
	"totp.link":            "Buka di aplikasi autentikator pada perangkat ini",
	"totp.step.confirm":    "2. Ketik kode 6 angka yang tampil di aplikasi untuk memastikan semuanya benar.",
	"totp.confirm":         "Aktifkan",
	"totp.disable.title":   "Matikan verifikasi dua langkah",
	"totp.disable.help":    "Masukkan kata sandi Anda, atau kode dari aplikasi.",
	"totp.disable.code":    "Atau kode 6 angka",
	"totp.disable":         "Matikan",
	"totp.disable.refused": "Karena diwajibkan instansi, verifikasi dua langkah tidak dapat dimatikan. Bila ponsel hilang, minta admin akun mengatur ulang, lalu daftarkan ponsel baru.",

	"totp.codes.title":    "Kode pemulihan",
	"totp.codes.intro":    "Verifikasi dua langkah sudah aktif. Simpan sepuluh kode pemulihan ini di tempat aman (cetak atau tulis). Bila ponsel tidak ada, setiap kode dapat dipakai satu kali sebagai pengganti kode 6 angka.",
	"totp.codes.once":     "Kode ini hanya ditampilkan sekali ini.",
	"totp.codes.print":    "Cetak",
	"totp.codes.continue": "Lanjut",

	"login.code.title":    "Kode verifikasi",
	"login.code.intro":    "Kata sandi benar. Buka aplikasi autentikator dan ketik kode 6 angka untuk Kinerja.",
	"login.code.label":    "Kode 6 angka atau kode pemulihan",
	"login.code.submit":   "Masuk",
	"login.code.wrong":    "Kode salah, kedaluwarsa atau sudah dipakai. Ketik kode yang sedang tampil di aplikasi.",
	"login.code.empty":    "Ketik kode 6 angka dari aplikasi.",
	"login.code.recovery": "Ponsel tidak ada? Ketik salah satu kode pemulihan Anda (seperti abcde-fghjk) di kolom yang sama, atau minta admin akun mengatur ulang verifikasi dua langkah Anda.",
	"login.code.cancel":   "Batal",
	"login.expired":       "Waktu untuk memasukkan kode sudah habis. Masuk lagi dengan kata sandi.",
	"login.enrol.title":   "Aktifkan verifikasi dua langkah",
	"login.enrol.intro":   "Instansi Anda mewajibkan verifikasi dua langkah untuk akun admin dan auditor. Aktifkan dahulu, baru Anda dapat melanjutkan.",
	"login.activated":     "Kata sandi sudah disimpan. Masuk dengan kata sandi baru; Kinerja akan meminta kode verifikasi dua langkah.",

	"profile.saved.totp.off": "Verifikasi dua langkah dimatikan.",

	"account.totp.title":      "Verifikasi dua langkah",
	"account.totp.on":         "Aktif",
	"account.totp.waiting":    "Sedang didaftarkan (belum dikonfirmasi)",
	"account.totp.off":        "Tidak aktif",
	"account.totp.reset.help": "Bila ponsel pemilik akun hilang, atur ulang verifikasi dua langkahnya: semua sesinya diakhiri (termasuk di ponsel itu), lalu ia masuk dengan kata sandi saja, atau langsung diminta mendaftarkan ponsel baru bila instansi mewajibkannya. Pastikan dahulu bahwa yang meminta memang pemilik akun.",
	"account.totp.reset":      "Atur ulang verifikasi dua langkah",
	"account.totp.reset.done": "Verifikasi dua langkah diatur ulang.",

	"totp.require.title": "Verifikasi dua langkah",
	"totp.require.label": "Wajibkan verifikasi dua langkah untuk admin (OPD, BKPSDM, sistem) dan auditor",
	"totp.require.help":  "Akun yang belum memilikinya diminta mengaktifkannya sesaat setelah memasukkan kata sandi, sebelum dapat membuka halaman lain.",
	"totp.require.save":  "Simpan",

	"invalid.totp.code":          "Kode salah atau kedaluwarsa; ketik kode yang sedang tampil di aplikasi",
	"invalid.totp.code.empty":    "Ketik kode 6 angka dari aplikasi",
	"invalid.totp.password":      "Kata sandi salah",
	"invalid.totp.disable.proof": "Masukkan kata sandi Anda atau kode dari aplikasi",
	"totp.refused.enabled":       "Verifikasi dua langkah sudah aktif; matikan dahulu untuk mendaftarkan aplikasi lain.",
	"totp.refused.nothing":       "Tidak ada verifikasi dua langkah yang sedang didaftarkan atau aktif.",
	"totp.refused.required":      "Instansi mewajibkan verifikasi dua langkah untuk akun ini, jadi tidak dapat dimatikan; minta admin akun mengatur ulang bila ponsel hilang.",
	"totp.refused.none":          "%s tidak memakai verifikasi dua langkah.",

	"problem.otp-required.title":             "Kode verifikasi diperlukan",
	"problem.otp-required.detail":            "Akun ini memakai verifikasi dua langkah: kirim juga \"otp\" berisi kode 6 angka dari aplikasi autentikator, atau salah satu kode pemulihan.",
	"problem.otp-invalid.title":              "Kode verifikasi salah",
	"problem.otp-invalid.detail":             "Kode \"otp\" salah, kedaluwarsa, atau sudah dipakai. Kirim kode yang sedang tampil di aplikasi (setiap kode berlaku satu kali).",
	"problem.totp-enrolment-required.title":  "Verifikasi dua langkah wajib",
	"problem.totp-enrolment-required.detail": "Instansi Anda mewajibkan verifikasi dua langkah untuk akun ini, dan akun ini belum memilikinya. Masuk melalui web untuk mengaktifkannya, lalu masuk lagi di sini dengan \"otp\".",

	"action.totp.enrol":            "Pendaftaran verifikasi dua langkah dimulai",
	"action.totp.confirm":          "Verifikasi dua langkah diaktifkan",
	"action.totp.disable":          "Verifikasi dua langkah dimatikan",
	"action.totp.reset":            "Verifikasi dua langkah diatur ulang oleh admin",
	"action.totp.recovery_use":     "Kode pemulihan dipakai",
	"action.instansi.require_totp": "Kewajiban verifikasi dua langkah diubah",
}

var totpEN = map[string]string{
	"totp.title":           "Two-step verification",
	"totp.intro":           "Besides your password, Kinerja can ask for a 6-digit code from an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, FreeOTP or Aegis). Someone who knows your password still cannot sign in without your phone.",
	"totp.status.on":       "When you sign in, Kinerja asks for a code from your authenticator app.",
	"totp.status.off":      "Not turned on.",
	"totp.required":        "Your instansi requires two-step verification of administrator and auditor accounts.",
	"totp.recovery.left":   "Unused recovery codes: %d of 10.",
	"totp.start":           "Turn on two-step verification",
	"totp.restart":         "Start again with a new key",
	"totp.step.scan":       "1. Scan this QR code with your authenticator app.",
	"totp.step.type":       "Cannot scan? Type this key into the app (type: time based):",
	"totp.qr.alt":          "QR code for the authenticator app",
	"totp.link":            "Open in an authenticator app on this device",
	"totp.step.confirm":    "2. Type the 6-digit code the app shows to make sure everything is right.",
	"totp.confirm":         "Turn on",
	"totp.disable.title":   "Turn off two-step verification",
	"totp.disable.help":    "Enter your password, or a code from the app.",
	"totp.disable.code":    "Or a 6-digit code",
	"totp.disable":         "Turn off",
	"totp.disable.refused": "Your instansi requires two-step verification, so it cannot be turned off. If your phone is lost, ask an account administrator to reset it, then enrol your new phone.",

	"totp.codes.title":    "Recovery codes",
	"totp.codes.intro":    "Two-step verification is on. Keep these ten recovery codes somewhere safe (print or write them down). When your phone is not at hand, each code can be used once in place of the 6-digit code.",
	"totp.codes.once":     "These codes are shown this once only.",
	"totp.codes.print":    "Print",
	"totp.codes.continue": "Continue",

	"login.code.title":    "Verification code",
	"login.code.intro":    "The password is right. Open your authenticator app and type the 6-digit code for Kinerja.",
	"login.code.label":    "6-digit code or recovery code",
	"login.code.submit":   "Sign in",
	"login.code.wrong":    "The code is wrong, expired or used already. Type the code the app shows now.",
	"login.code.empty":    "Type the 6-digit code from the app.",
	"login.code.recovery": "No phone at hand? Type one of your recovery codes (like abcde-fghjk) in the same field, or ask an account administrator to reset your two-step verification.",
	"login.code.cancel":   "Cancel",
	"login.expired":       "The time to enter the code has run out. Sign in again with your password.",
	"login.enrol.title":   "Turn on two-step verification",
	"login.enrol.intro":   "Your instansi requires two-step verification of administrator and auditor accounts. Turn it on first; then you can go on.",
	"login.activated":     "Your password is saved. Sign in with the new password; Kinerja will ask for your two-step verification code.",

	"profile.saved.totp.off": "Two-step verification turned off.",

	"account.totp.title":      "Two-step verification",
	"account.totp.on":         "On",
	"account.totp.waiting":    "Being enrolled (not confirmed yet)",
	"account.totp.off":        "Off",
	"account.totp.reset.help": "When the owner's phone is lost, reset their two-step verification: all their sessions end (the phone's too), then they sign in with the password alone, or are asked at once to enrol a new phone where the instansi requires it. Make sure first that whoever asks is the account's owner.",
	"account.totp.reset":      "Reset two-step verification",
	"account.totp.reset.done": "Two-step verification reset.",

	"totp.require.title": "Two-step verification",
	"totp.require.label": "Require two-step verification of administrators (OPD, BKPSDM, system) and auditors",
	"totp.require.help":  "Accounts without it are asked to turn it on right after entering their password, before they can open any other page.",
	"totp.require.save":  "Save",

	"invalid.totp.code":          "The code is wrong or expired; type the code the app shows now",
	"invalid.totp.code.empty":    "Type the 6-digit code from the app",
	"invalid.totp.password":      "The password is wrong",
	"invalid.totp.disable.proof": "Enter your password or a code from the app",
	"totp.refused.enabled":       "Two-step verification is on already; turn it off first to enrol another app.",
	"totp.refused.nothing":       "No two-step verification is being enrolled or on.",
	"totp.refused.required":      "The instansi requires two-step verification of this account, so it cannot be turned off; ask an account administrator to reset it if the phone is lost.",
	"totp.refused.none":          "%s does not use two-step verification.",

	"problem.otp-required.title":             "Verification code needed",
	"problem.otp-required.detail":            "This account uses two-step verification: send \"otp\" too, with the 6-digit code of the authenticator app or one of the recovery codes.",
	"problem.otp-invalid.title":              "Wrong verification code",
	"problem.otp-invalid.detail":             "The \"otp\" code is wrong, expired or used already. Send the code the app shows now (each code works once).",
	"problem.totp-enrolment-required.title":  "Two-step verification required",
	"problem.totp-enrolment-required.detail": "Your instansi requires two-step verification of this account, and the account has none yet. Sign in on the web to turn it on, then sign in here again with \"otp\".",

	"action.totp.enrol":            "Two-step verification enrolment started",
	"action.totp.confirm":          "Two-step verification turned on",
	"action.totp.disable":          "Two-step verification turned off",
	"action.totp.reset":            "Two-step verification reset by an administrator",
	"action.totp.recovery_use":     "Recovery code used",
	"action.instansi.require_totp": "Two-step verification requirement changed",
}

func init() {
	for k, v := range totpID {
		catalogs["id"][k] = v
	}
	for k, v := range totpEN {
		catalogs["en"][k] = v
	}
}
