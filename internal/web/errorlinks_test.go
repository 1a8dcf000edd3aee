package web

import (
	"strings"
	"testing"
)

// TestFormErrorsLinkToTheirOwnField: on every form of penilaian,
// keberatan and calibration, each field's message links to a place of
// its own, never to another field's.
func TestFormErrorsLinkToTheirOwnField(t *testing.T) {
	b := base{Lang: "id"}
	all := func(fields map[string][2]string) map[string]string {
		errs := map[string]string{}
		for k := range fields {
			errs[k] = "x"
		}
		return errs
	}
	pages := map[string][]pageError{
		"rating":           assessmentPage{base: b, Errors: all(errorFields)}.ErrorList(),
		"keberatan":        objectionPage{base: b, Errors: all(objectionFields)}.ErrorList(),
		"calibration move": calibrationPage{base: b, ErrFor: "A1", Errors: map[string]string{"hasil_kerja": "x", "perilaku_kerja": "x", "reason": "x"}}.ErrorList(),
		"finalisation":     calibrationPage{base: b, ErrFor: "final", Errors: map[string]string{"override_reason": "x", "capaian": "x", "assessments": "x"}}.ErrorList(),
		"unlock":           calibrationPage{base: b, ErrFor: "unlock", Errors: map[string]string{"reason": "x"}}.ErrorList(),
	}
	for name, list := range pages {
		for _, e := range list {
			if e.Anchor == "" || e.Label == "" {
				t.Errorf("%s: a message without its field: %+v", name, e)
			}
		}
	}
	// The fields that had shared a place: each has its own now.
	rating := map[string]string{}
	for _, e := range pages["rating"] {
		rating[e.Label] = e.Anchor
	}
	if rating[b.T("penilaian.predikat")] == rating[b.T("penilaian.perilakukerja")] {
		t.Errorf("the predikat links to the perilaku kerja: %v", rating)
	}
	move := pages["calibration move"]
	if len(move) != 3 || move[0].Anchor == move[1].Anchor || move[1].Anchor == move[2].Anchor || !strings.HasSuffix(move[0].Anchor, "A1") {
		t.Errorf("the move's messages = %+v", move)
	}
}
