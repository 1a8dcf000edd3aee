package locale

// The desk's list of SKPs waiting for the supervisor's approval.
var deskSKPID = map[string]string{
	"desk.skps":     "SKP menunggu persetujuan Anda",
	"desk.skp.sent": "SKP %v, diajukan %s",
	"desk.skp.open": "Periksa dan setujui",
}

var deskSKPEN = map[string]string{
	"desk.skps":     "SKPs waiting for your approval",
	"desk.skp.sent": "SKP %v, submitted %s",
	"desk.skp.open": "Review and approve",
}

func init() {
	for k, v := range deskSKPID {
		catalogs["id"][k] = v
	}
	for k, v := range deskSKPEN {
		catalogs["en"][k] = v
	}
}
