package locale

// The desk's answers when "approve selected" approves nothing.
var deskID = map[string]string{
	"desk.pick.none":     "Belum ada progres yang dipilih. Centang progres yang akan disetujui, lalu tekan Setujui yang dipilih.",
	"desk.approved.none": "Tidak ada progres yang disetujui: progres yang dipilih sudah ditanggapi atau berubah. Periksa daftar di bawah.",
}

var deskEN = map[string]string{
	"desk.pick.none":     "No entry is selected. Tick the entries to approve, then press Approve selected.",
	"desk.approved.none": "No entry was approved: the ones selected were already answered or have changed. Check the list below.",
}

func init() {
	for k, v := range deskID {
		catalogs["id"][k] = v
	}
	for k, v := range deskEN {
		catalogs["en"][k] = v
	}
}
