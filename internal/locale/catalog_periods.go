package locale

// The messages of a performance year's periods.
var periodsID = map[string]string{
	"invalid.period.status": "Status periode tidak dikenal; pilih draft, open, closed atau locked",
}

var periodsEN = map[string]string{
	"invalid.period.status": "Unknown period status; choose draft, open, closed or locked",
}

func init() {
	for k, v := range periodsID {
		catalogs["id"][k] = v
	}
	for k, v := range periodsEN {
		catalogs["en"][k] = v
	}
}
