package locale

// The messages of the follow-up rules: which kinds a predikat admits and
// the improvement plans whose review is overdue.
var followUpRulesID = map[string]string{
	"invalid.followup.reward":    "Penghargaan diberikan untuk predikat Sangat Baik; predikat ini %s.",
	"followup.overdue":           "terlambat %d hari",
	"followup.board.filter":      "Saring tindak lanjut",
	"followup.board.filter.all":  "Semua",
	"followup.board.filter.late": "Hanya yang terlambat (%d)",
	"invalid.followup.sanction":  "Sanksi hanya untuk predikat Kurang/Misconduct atau Sangat Kurang (tidak mencapai target kinerja); predikat ini %s.",
}

var followUpRulesEN = map[string]string{
	"invalid.followup.reward":    "A reward is for the predikat Very good; this predikat is %s.",
	"followup.overdue":           "%d days overdue",
	"followup.board.filter":      "Filter the follow-ups",
	"followup.board.filter.all":  "All",
	"followup.board.filter.late": "Only the overdue (%d)",
	"invalid.followup.sanction":  "A sanction is only for the predikat Poor/Misconduct or Very poor (targets not met); this predikat is %s.",
}

func init() {
	for k, v := range followUpRulesID {
		catalogs["id"][k] = v
	}
	for k, v := range followUpRulesEN {
		catalogs["en"][k] = v
	}
}
