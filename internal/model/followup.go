package model

import "time"

// Tindak lanjut: what follows a final annual predikat (decision 11). Angka
// kredit is computed from the predikat by the rules and never stored; an
// improvement plan (rencana perbaikan) with its review six months on, and
// recommendations (training, reward, sanction) are records BKPSDM tracks
// to completion.

// FollowUpKind names a follow-up record.
type FollowUpKind string

// Follow-up kinds.
const (
	FollowUpImprovement FollowUpKind = "improvement_plan" // rencana perbaikan kinerja, reviewed after six months (PP 30/2019 Pasal 57)
	FollowUpTraining    FollowUpKind = "training"         // pengembangan kompetensi
	FollowUpReward      FollowUpKind = "reward"           // penghargaan
	FollowUpSanction    FollowUpKind = "sanction"         // sanksi
)

// FollowUpKinds lists the kinds in the order forms offer them.
var FollowUpKinds = []FollowUpKind{FollowUpImprovement, FollowUpTraining, FollowUpReward, FollowUpSanction}

// Valid reports whether k is a follow-up kind.
func (k FollowUpKind) Valid() bool {
	for _, v := range FollowUpKinds {
		if k == v {
			return true
		}
	}
	return false
}

// FollowUpStatus is where a follow-up is.
type FollowUpStatus string

// Follow-up statuses: open until someone starts it, in progress, then done
// (with its outcome) or cancelled (with the reason).
const (
	FollowUpOpen       FollowUpStatus = "open"
	FollowUpInProgress FollowUpStatus = "in_progress"
	FollowUpDone       FollowUpStatus = "done"
	FollowUpCancelled  FollowUpStatus = "cancelled"
)

// Valid reports whether s is a follow-up status.
func (s FollowUpStatus) Valid() bool {
	switch s {
	case FollowUpOpen, FollowUpInProgress, FollowUpDone, FollowUpCancelled:
		return true
	}
	return false
}

// Closed reports whether the follow-up needs nothing more.
func (s FollowUpStatus) Closed() bool { return s == FollowUpDone || s == FollowUpCancelled }

// FollowUp is one follow-up of a final annual result.
type FollowUp struct {
	ID           string
	InstansiID   string
	AssessmentID string
	EmployeeID   string
	EmployeeName string
	Kind         FollowUpKind
	Title        string
	Plan         string // what is to be done
	ReviewDue    Date   // the improvement plan's review: by default six months after it was recorded
	Status       FollowUpStatus
	Outcome      string // what was done, or why it was cancelled
	CreatedBy    string
	CreatedAt    time.Time
	UpdatedBy    string
	UpdatedAt    time.Time
	Version      int
}

// Limits of a follow-up's texts, in characters.
const (
	FollowUpTitleMax = 200
	FollowUpTextMax  = 4000
)

// NeedsImprovementPlan reports whether a final annual predikat calls for
// an improvement plan: Butuh Perbaikan and below (decision 11).
func NeedsImprovementPlan(p Predikat) bool {
	return p == PredikatButuhPerbaikan || p == PredikatKurang || p == PredikatSangatKurang
}

// FollowUpAllowed reports whether a final annual predikat admits a
// follow-up of kind k. Tindak lanjut is reward and sanction (PermenPANRB
// 6/2022): a reward (penghargaan) follows Sangat Baik only; a sanction
// follows a result that did not meet the targets, Kurang/Misconduct or
// Sangat Kurang (PP 30/2019 Pasal 56); an improvement plan follows Butuh
// Perbaikan and below; training (pengembangan kompetensi) fits any result.
func FollowUpAllowed(k FollowUpKind, p Predikat) bool {
	switch k {
	case FollowUpTraining:
		return p != ""
	case FollowUpImprovement:
		return NeedsImprovementPlan(p)
	case FollowUpReward:
		return p == PredikatSangatBaik
	case FollowUpSanction:
		return p == PredikatKurang || p == PredikatSangatKurang
	}
	return false
}

// FollowUpKindsFor lists the kinds a final annual predikat admits, in
// the order forms offer them.
func FollowUpKindsFor(p Predikat) []FollowUpKind {
	var out []FollowUpKind
	for _, k := range FollowUpKinds {
		if FollowUpAllowed(k, p) {
			out = append(out, k)
		}
	}
	return out
}

// ImprovementPlanOf is the improvement plan a result has among its
// follow-ups list: the one not cancelled. A result has one improvement
// plan (decision 11): PP 30/2019 Pasal 57 gives six months to improve,
// and the plan's review, recorded as its outcome when it is done, says
// whether the result improved; without improvement the next steps
// (Pasal 58) are recommendations, not a second plan. A plan once done stays the
// result's plan. A cancelled plan (recorded in error, or withdrawn with
// its reason) is not: another may be recorded in its place, and this is
// how a plan is changed.
func ImprovementPlanOf(list []FollowUp) (FollowUp, bool) {
	for _, f := range list {
		if f.Kind == FollowUpImprovement && f.Status != FollowUpCancelled {
			return f, true
		}
	}
	return FollowUp{}, false
}

// FollowUpKindsOpen lists the kinds a new follow-up of a result with
// predikat p and the follow-ups list may take, in the order forms offer
// them: those p admits, without the improvement plan once the result has
// one (ImprovementPlanOf). Training, reward and sanction may be recorded
// more than once: a result may call for several trainings, and a sanction
// may follow a plan whose review found no improvement. Angka kredit is
// not recorded: it is computed from the predikat, once per result.
func FollowUpKindsOpen(p Predikat, list []FollowUp) []FollowUpKind {
	_, planned := ImprovementPlanOf(list)
	var out []FollowUpKind
	for _, k := range FollowUpKindsFor(p) {
		if k != FollowUpImprovement || !planned {
			out = append(out, k)
		}
	}
	return out
}

// ImprovementReview is the default review date of an improvement plan:
// six months after the day the plan is recorded, the six months PP
// 30/2019 Pasal 57 gives to improve (counted from the plan, not from the
// result: a plan recorded late still gets its six months, and is not
// overdue the day it is made).
func ImprovementReview(recorded Date) Date {
	t := recorded.Time()
	if t.IsZero() {
		return ""
	}
	return Date(t.AddDate(0, 6, 0).Format(time.DateOnly))
}

// CreditAward is the angka kredit a final annual predikat earns a
// functional employee: the jenjang's yearly koefisien, the predikat's
// percentage and the months of the year the SKP covered (Peraturan BKN
// 3/2023). Value is in hundredths.
type CreditAward struct {
	Jenjang   string
	Months    int
	Percent   int
	Koefisien int // hundredths
	Value     int // hundredths
}

// ImprovementReviewAllowed reports whether due may be the review date of
// an improvement plan recorded on day recorded: after that day and no
// later than the default six months on (ImprovementReview), since the
// six months of Pasal 57 are the most an ASN is given to improve.
func ImprovementReviewAllowed(recorded, due Date) bool {
	if due.Time().IsZero() {
		return false
	}
	return due > recorded && due <= ImprovementReview(recorded)
}
