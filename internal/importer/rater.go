package importer

import (
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// WarningKind names a group of RaterWarning.
type WarningKind string

// What a file does to who rates whom, as a preview warns of it.
const (
	// WarnVacant: a post the file leaves without a holder; its staff are
	// rated by the holder of the next post up.
	WarnVacant WarningKind = "vacant"
	// WarnNoRater: people who will have no pejabat penilai at all.
	WarnNoRater WarningKind = "no_rater"
	// WarnRaterChanged: people whose pejabat penilai changes otherwise
	// (someone arrives on a post above them, they are moved themselves).
	WarnRaterChanged WarningKind = "rater_changed"
	// WarnUpperChanged: people whose pejabat penilai stays while the
	// atasan pejabat penilai above them changes (the person above their
	// rater leaves, arrives or is replaced); their new SKP names the new
	// atasan, and it is who decides a keberatan on their assessment.
	WarnUpperChanged WarningKind = "upper_changed"
)

// RaterWarning is one consequence of a file for who rates whom, shown by
// a preview beside the rows: it does not block the file, it tells the
// admin what applying it will do. People holds every person concerned
// (the preview pages them; none is left out).
type RaterWarning struct {
	Kind WarningKind `json:"kind"`
	// Position and Unit name the vacated post (WarnVacant).
	Position string        `json:"position,omitempty"`
	Unit     string        `json:"unit,omitempty"`
	Msg      model.Message `json:"-"`
	Text     string        `json:"text"` // Msg rendered by Report.In
	People   []RaterChange `json:"people"`
}

// RaterChange is one person whose pejabat penilai the file changes.
type RaterChange struct {
	EmployeeID string `json:"employee_id"`
	NIP        string `json:"nip"`
	Name       string `json:"name"`
	Position   string `json:"position,omitempty"` // their post once the file is applied
	// RaterBefore and RaterAfter are the names of their pejabat penilai
	// today and once the file is applied ("" when nobody rates them);
	// RaterAfterPosition is the post through which RaterAfter rates them
	// ("" when a substitute rater is named or nobody rates).
	RaterBefore        string `json:"rater_before"`
	RaterAfter         string `json:"rater_after"`
	RaterAfterPosition string `json:"rater_after_position,omitempty"`
	// UpperBefore and UpperAfter are the names of their atasan pejabat
	// penilai today and once the file is applied ("" when there is none),
	// set on a WarnUpperChanged warning, where RaterBefore and RaterAfter
	// are the one pejabat penilai who stays.
	UpperBefore string `json:"upper_before,omitempty"`
	UpperAfter  string `json:"upper_after,omitempty"`
	// Moved tells that a row of the file moves this person themselves (or
	// adds them): their own SKPs close on the transfer, see docs/import.md.
	Moved bool `json:"moved"`
	// SKPWaiting: an SKP of theirs waits for approval, and goes to the new
	// pejabat penilai. SKPInForce: an approved SKP of theirs is in force
	// (also the approved revision of one being revised);
	// the document keeps the rater who approved it, the new one holds the
	// dialogues, the progress approvals and the next assessment.
	SKPWaiting bool `json:"skp_waiting"`
	SKPInForce bool `json:"skp_in_force"`
}

// renderWarnings renders the text of every warning in lang.
func renderWarnings(ws []RaterWarning, lang string) []RaterWarning {
	if ws == nil {
		return nil
	}
	out := make([]RaterWarning, len(ws))
	for i, w := range ws {
		if w.Msg.Key != "" {
			w.Text = locale.T(lang, w.Msg.Key, w.Msg.Args...)
		}
		out[i] = w
	}
	return out
}
