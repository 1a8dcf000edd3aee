package locale

// The messages of the time one person may report on one day.
var progressDayID = map[string]string{
	"invalid.progress.minutes.day": "Waktu kerja satu hari paling lama 24 jam; pada %s sudah tercatat %d jam %d menit",
}

var progressDayEN = map[string]string{
	"invalid.progress.minutes.day": "One day holds at most 24 hours of work; %s already has %d hours %d minutes recorded",
}

func init() {
	for k, v := range progressDayID {
		catalogs["id"][k] = v
	}
	for k, v := range progressDayEN {
		catalogs["en"][k] = v
	}
}
