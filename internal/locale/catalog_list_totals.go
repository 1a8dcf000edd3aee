package locale

// The totals of paged lists: how many the list holds on all its pages,
// said once above the list, whatever page is shown.
var listTotalsID = map[string]string{
	"dir.total":   "%d pegawai",
	"dir.caption": "Daftar pegawai",
	// need.list.total is the needs a list holds on all its pages.
	"need.list.total": "%d kebutuhan",
	// notif.total is the notifications a person has on all pages.
	"notif.total": "%d notifikasi",
	// objection.all.total is the objections the instansi-wide list holds
	// on all its pages.
	"objection.all.total": "%d keberatan",
}

var listTotalsEN = map[string]string{
	"dir.total":   "%d employees",
	"dir.caption": "Employee list",
	// need.list.total is the needs a list holds on all its pages.
	"need.list.total": "%d needs",
	// notif.total is the notifications a person has on all pages.
	"notif.total": "%d notifications",
	// objection.all.total is the objections the instansi-wide list holds
	// on all its pages.
	"objection.all.total": "%d objections",
}

func init() {
	for k, v := range listTotalsID {
		catalogs["id"][k] = v
	}
	for k, v := range listTotalsEN {
		catalogs["en"][k] = v
	}
}
