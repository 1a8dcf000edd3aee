package locale

// The messages of an improvement plan's review date: six months after
// the plan is recorded, or an earlier day its writer chooses.
var followUpReviewID = map[string]string{
	"followup.review":              "Tanggal tinjauan (rencana perbaikan)",
	"followup.review.rule":         "Rencana perbaikan ditinjau enam bulan setelah dicatat (PP 30/2019 Pasal 57), yaitu %s bila dicatat hari ini. Kosongkan untuk tanggal itu, atau pilih tanggal yang lebih awal.",
	"invalid.followup.review":      "Tanggal tinjauan harus sesudah hari ini (%s) dan paling lambat enam bulan setelahnya (%s).",
	"invalid.followup.review.kind": "Tanggal tinjauan hanya untuk rencana perbaikan.",
}

var followUpReviewEN = map[string]string{
	"followup.review":              "Review date (improvement plan)",
	"followup.review.rule":         "An improvement plan is reviewed six months after it is recorded (PP 30/2019 Article 57): %s if recorded today. Leave empty for that day, or choose an earlier one.",
	"invalid.followup.review":      "The review date must be after today (%s) and at most six months later (%s).",
	"invalid.followup.review.kind": "A review date is only for an improvement plan.",
}

func init() {
	for k, v := range followUpReviewID {
		catalogs["id"][k] = v
	}
	for k, v := range followUpReviewEN {
		catalogs["en"][k] = v
	}
}
