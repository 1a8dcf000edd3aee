package model

import "time"

// Objection (keberatan) is an employee's objection to a final assessment
// result (PP 30/2019 Pasal 59; decision 8): made with reasons within
// ObjectionWindowDays calendar days of receiving the result, explained by
// the pejabat penilai, and decided by the atasan pejabat penilai, who
// keeps the ratings or changes them. The decision is final. An assessment
// has at most one objection.
type Objection struct {
	ID           string
	InstansiID   string
	AssessmentID string
	EmployeeID   string
	Reason       string
	SubmittedAt  time.Time
	// Deadline is the last day to object, on the instansi's clock.
	Deadline    Date
	Status      ObjectionStatus
	Explanation string // the pejabat penilai's penjelasan
	ExplainedBy string
	ExplainedAt time.Time
	Decision    ObjectionDecision
	// DecisionNote is the atasan pejabat penilai's keputusan as written.
	DecisionNote string
	// From are the ratings the objection was decided on; To those the
	// decision set (the same when kept).
	From, To  RatingPair
	DecidedBy string
	DecidedAt time.Time
	Version   int
}

// ObjectionStatus is where an objection is.
type ObjectionStatus string

// Objection statuses as the API names them: waiting for the pejabat
// penilai's explanation, waiting for the atasan's decision, decided.
const (
	ObjectionSubmitted ObjectionStatus = "submitted"
	ObjectionExplained ObjectionStatus = "explained"
	ObjectionDecided   ObjectionStatus = "decided"
)

// ObjectionDecision is the atasan pejabat penilai's decision: keep the
// ratings, or change them.
type ObjectionDecision string

// Objection decisions as the API names them.
const (
	DecisionKeep   ObjectionDecision = "keep"
	DecisionChange ObjectionDecision = "change"
)

// Valid reports whether d is keep or change.
func (d ObjectionDecision) Valid() bool { return d == DecisionKeep || d == DecisionChange }

// ObjectionWindowDays is how many calendar days after the day an employee
// receives a result they may object to it. The regulation says 14 days
// without saying which; Kinerja counts calendar days (see
// docs/penilaian-keberatan.md).
const ObjectionWindowDays = 14

// ObjectionDeadline is the last day to object to a result received at
// the instant receivedAt: the day it was received on the zone's clock,
// plus ObjectionWindowDays calendar days.
func ObjectionDeadline(receivedAt time.Time, zone TimeZone) Date {
	day := zone.Today(receivedAt).Time()
	return Date(day.AddDate(0, 0, ObjectionWindowDays).Format(time.DateOnly))
}

// ObjectionOpen reports whether, at the instant now, an objection with
// the last day deadline may still be made: until the end of that day on
// the zone's clock.
func ObjectionOpen(deadline Date, zone TimeZone, now time.Time) bool {
	t := deadline.Time()
	next := time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, zone.Location())
	return now.Before(next)
}
