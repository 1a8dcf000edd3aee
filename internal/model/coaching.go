package model

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// CoachingSession is one session of bimbingan kinerja (PermenPANRB 6/2022,
// pengembangan kinerja): a supervisor coaches, mentors or counsels an ASN,
// or holds a dialog kinerja with them, and records what was discussed, the
// actions agreed and when to review them. Afterwards the ASN answers the
// session feedback of format B.1.8 and the supervisor fills the competence
// evaluation of format B.1.9.
type CoachingSession struct {
	ID         string
	InstansiID string
	EmployeeID string // the ASN coached
	CoachID    string // the supervisor (or someone above in the line) who coached
	Kind       CoachingKind
	HeldOn     Date
	Topic      string
	Notes      string
	Actions    string // the actions agreed
	NextReview Date   // when to look at the actions again; "" when none
	// Feedback is the ASN's B.1.8 answer, nil until given.
	Feedback   *CoachingFeedback
	FeedbackAt time.Time
	// Competence is the coach's B.1.9 evaluation, nil until filled.
	Competence   []CompetenceScore
	CompetenceAt time.Time
	RemindedAt   time.Time // when both were reminded that the review is due
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// CoachingKind is the kind of a session.
type CoachingKind string

// Kinds of bimbingan kinerja, and the dialog kinerja held during the year.
const (
	CoachingDialog     CoachingKind = "dialog_kinerja"
	CoachingCoaching   CoachingKind = "coaching"
	CoachingMentoring  CoachingKind = "mentoring"
	CoachingCounseling CoachingKind = "counseling"
)

// CoachingKinds lists the kinds in the order forms offer them.
var CoachingKinds = []CoachingKind{CoachingDialog, CoachingCoaching, CoachingMentoring, CoachingCounseling}

// Valid reports whether k is a known kind.
func (k CoachingKind) Valid() bool {
	for _, c := range CoachingKinds {
		if c == k {
			return true
		}
	}
	return false
}

// CoachingFeedback is the ASN's answer to format B.1.8 "Umpan Balik
// Pelaksanaan Bimbingan Kinerja": one answer per statement of
// FeedbackStatements, in order, on the FeedbackScale, and a free comment.
// It is written once; the coach's superior reads it as a check on how the
// session was led.
type CoachingFeedback struct {
	Answers []int  `json:"answers"`
	Comment string `json:"comment"`
}

// FeedbackStatements are the nine statements of format B.1.8, about the
// session just held, that the ASN rates.
var FeedbackStatements = [9]string{
	"Saya merasa didengarkan selama bimbingan kinerja",
	"Pimpinan memahami permasalahan kinerja yang saya hadapi",
	"Saya diberi kesempatan yang cukup untuk menyampaikan pendapat",
	"Saya diperlakukan secara adil dan dihargai",
	"Umpan balik pimpinan didasarkan pada fakta dan bukti kinerja",
	"Solusi yang dibahas sesuai dengan permasalahan yang saya hadapi",
	"Solusi dan tindak lanjut telah disepakati bersama",
	"Bimbingan kinerja ini bermanfaat bagi peningkatan kinerja saya",
	"Saya termotivasi untuk melaksanakan tindak lanjut yang disepakati",
}

// FeedbackScale is the answer scale of B.1.8: a four-point agreement
// scale, 1 (sangat tidak setuju) to 4 (sangat setuju). Kinerja chose four
// points without a middle so that every answer leans one way; the labels
// are in the locale catalogs ("coaching.scale.1" to "coaching.scale.4").
const (
	FeedbackScaleMin = 1
	FeedbackScaleMax = 4
)

// CompetenceScore is one line of format B.1.9 "Evaluasi Kompetensi
// Pegawai": a competence the coach observed, a score from 1 to 5, and the
// reason for it.
type CompetenceScore struct {
	Competence string `json:"competence"`
	Score      int    `json:"score"`
	Reason     string `json:"reason"`
}

// Limits of a session's text and of the B.1.9 list.
const (
	maxTopic          = 500
	maxCoachingText   = 4000
	maxFeedbackNote   = 2000
	MaxCompetences    = 10
	maxCompetenceName = 200
	maxCompetenceWhy  = 1000
)

// Validate checks a session before it is recorded: a known kind, a real
// date that is not after today, a topic, and a review date, when given,
// not before the session.
func (s CoachingSession) Validate(today Date) error {
	var v ValidationError
	if !s.Kind.Valid() {
		v.Add("kind", "invalid.coaching.kind.invalid")
	}
	if _, err := ParseDate(string(s.HeldOn)); err != nil {
		v.AddErr("held_on", err)
	} else if s.HeldOn > today {
		v.Add("held_on", "invalid.coaching.held.future")
	}
	if t := strings.TrimSpace(s.Topic); t == "" || utf8.RuneCountInString(t) > maxTopic {
		v.Add("topic", "invalid.coaching.topic.required")
	}
	if utf8.RuneCountInString(s.Notes) > maxCoachingText {
		v.Add("notes", "invalid.coaching.notes.long")
	}
	if utf8.RuneCountInString(s.Actions) > maxCoachingText {
		v.Add("actions", "invalid.coaching.followup.long")
	}
	if s.NextReview != "" {
		if _, err := ParseDate(string(s.NextReview)); err != nil {
			v.AddErr("next_review", err)
		} else if s.NextReview < s.HeldOn {
			v.Add("next_review", "invalid.coaching.review.before")
		}
	}
	return v.Err()
}

// Validate checks a B.1.8 answer: one answer on the scale for each of the
// nine statements.
func (f CoachingFeedback) Validate() error {
	var v ValidationError
	if len(f.Answers) != len(FeedbackStatements) {
		v.Add("answers", "invalid.coaching.answers.count", len(f.Answers))
	}
	for i, a := range f.Answers {
		if a < FeedbackScaleMin || a > FeedbackScaleMax {
			v.Add(fmt.Sprintf("answers[%d]", i), "invalid.coaching.answer.range", FeedbackScaleMin, FeedbackScaleMax)
		}
	}
	if utf8.RuneCountInString(f.Comment) > maxFeedbackNote {
		v.Add("comment", "invalid.coaching.comment.long")
	}
	return v.Err()
}

// ValidateCompetence checks a B.1.9 evaluation: one to ten competences,
// each named, scored 1 to 5 and given a reason.
func ValidateCompetence(list []CompetenceScore) error {
	var v ValidationError
	if len(list) == 0 {
		v.Add("competences", "invalid.coaching.competence.required")
	}
	if len(list) > MaxCompetences {
		v.Add("competences", "invalid.coaching.competence.many")
	}
	for i, c := range list {
		field := fmt.Sprintf("competences[%d]", i)
		if n := strings.TrimSpace(c.Competence); n == "" || utf8.RuneCountInString(n) > maxCompetenceName {
			v.Add(field, "invalid.coaching.competence.name")
		}
		if c.Score < CompetenceScoreMin || c.Score > CompetenceScoreMax {
			v.Add(field, "invalid.coaching.competence.score")
		}
		if r := strings.TrimSpace(c.Reason); r == "" || utf8.RuneCountInString(r) > maxCompetenceWhy {
			v.Add(field, "invalid.coaching.competence.reason")
		}
	}
	return v.Err()
}

// ReviewDue reports whether the session's next review is today or past
// and nobody has been reminded of it yet.
func (s CoachingSession) ReviewDue(today Date) bool {
	return s.NextReview != "" && s.NextReview <= today && s.RemindedAt.IsZero()
}

// The scale of a competence score in a coaching evaluation.
const (
	CompetenceScoreMin = 1
	CompetenceScoreMax = 5
)
