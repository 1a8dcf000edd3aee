package model

import (
	"errors"
	"testing"
)

// A person counts once, with their definitive SKP's assessment; the base
// counts everyone assessed, rated or not; sending stops at the limit the
// check states.
func TestTallyCurveCountsPeopleOnce(t *testing.T) {
	entries := []CurveEntry{
		{AssessmentID: "a1", EmployeeID: "nofrizal", Status: AssessmentFinal, Predikat: PredikatBaik, SKPEnd: "2026-12-31"},
		{AssessmentID: "a2", EmployeeID: "nofrizal", Status: AssessmentFinal, Predikat: PredikatSangatBaik, Acting: true, SKPEnd: "2026-12-31"},
		{AssessmentID: "a3", EmployeeID: "moved", Status: AssessmentRated, Predikat: PredikatBaik, SKPEnd: "2026-01-15"},
		{AssessmentID: "a4", EmployeeID: "moved", Status: AssessmentOpen, SKPEnd: "2026-12-31"},
		{AssessmentID: "a5", EmployeeID: "open", Status: AssessmentOpen, SKPEnd: "2026-12-31"},
	}
	tally := TallyCurve(entries)
	if tally.People != 3 || tally.Assessments != 5 || tally.Pending() != 3 {
		t.Fatalf("people %d, assessments %d, pending %d", tally.People, tally.Assessments, tally.Pending())
	}
	if !tally.Counts("a1") || tally.Counts("a2") || tally.Counts("a3") || !tally.Counts("a4") || !tally.Counts("a5") {
		t.Errorf("counted %v", tally.counted)
	}
	if tally.Rated[PredikatBaik] != 1 || tally.Rated[PredikatSangatBaik] != 0 || tally.Final[PredikatBaik] != 1 {
		t.Errorf("rated %v, final %v", tally.Rated, tally.Final)
	}
	// The order of the rows does not change who counts.
	rev := TallyCurve([]CurveEntry{entries[4], entries[3], entries[2], entries[1], entries[0]})
	for _, id := range []string{"a1", "a2", "a3", "a4", "a5"} {
		if rev.Counts(id) != tally.Counts(id) {
			t.Errorf("%s counted %v one way, %v the other", id, tally.Counts(id), rev.Counts(id))
		}
	}
	live, sent := CurrentRules().CurveOf(CapaianBaik, tally)
	if live.Total != 3 || sent.Total != 3 || live.Rated != 1 || !live.Small {
		t.Errorf("live %+v, sent %+v", live, sent)
	}
}

func TestCurveRoomStopsAtTheStatedLimit(t *testing.T) {
	rules := CurrentRules()
	var entries []CurveEntry
	for i := range 12 {
		e := CurveEntry{AssessmentID: string(rune('a' + i)), EmployeeID: string(rune('A' + i)), Status: AssessmentOpen}
		entries = append(entries, e)
	}
	// Everyone's Baik is sent one by one: refused once the sent count
	// reaches the limit the check states over the 12 people.
	_, stated := CurveRule{MaxPercent: 70}.Bounds(12)
	sentN := 0
	for i := range entries {
		err := rules.CurveRoom(CapaianBaik, TallyCurve(entries), entries[i].AssessmentID, PredikatBaik)
		if err != nil {
			var st *StateError
			if !errors.As(err, &st) || st.Message.Key != "conflict.assessment.curve.full" || !errors.Is(err, ErrInvalidTransition) {
				t.Fatalf("refusal %v", err)
			}
			limit := st.Message.Args[1].(Message)
			if limit.Key != "curve.max" || limit.Args[2] != stated {
				t.Errorf("refusal names %+v, want the limit of %d", limit, stated)
			}
			break
		}
		entries[i].Status, entries[i].Predikat = AssessmentFinal, PredikatBaik
		sentN++
	}
	if sentN != stated {
		t.Errorf("%d sent, want %d", sentN, stated)
	}
	// A second SKP of someone counted already passes.
	entries = append(entries, CurveEntry{AssessmentID: "plt", EmployeeID: "A", Acting: true, Status: AssessmentRated, Predikat: PredikatBaik})
	if err := rules.CurveRoom(CapaianBaik, TallyCurve(entries), "plt", PredikatBaik); err != nil {
		t.Errorf("the Plt SKP: %v", err)
	}
}
