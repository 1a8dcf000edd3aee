package model

import "time"

// Assessment (penilaian kinerja) is the evaluation of one SKP for one
// period: a periodic one (monthly or quarterly) or the annual one. It is
// made when the period closes, for every SKP in force during it, so that
// an employee transferred within the period has one per SKP. The pejabat
// penilai of the day rates hasil kerja and perilaku kerja; the predikat
// always follows from the two by the rules of the assessment's regime and
// is never set by hand (decision 6).
type Assessment struct {
	ID         string
	InstansiID string
	SKPID      string
	EmployeeID string
	PeriodID   string
	// OPDID is the perangkat daerah whose distribution curve the
	// assessment counts in: the OPD of the SKP's post.
	OPDID  string
	Regime Regime
	// Leader is true when the employee heads the OPD: their rating hasil
	// kerja is the OPD's capaian kinerja organisasi (decision 6).
	Leader        bool
	Status        AssessmentStatus
	HasilKerja    Rating
	PerilakuKerja Rating
	Predikat      Predikat
	Note          string // catatan/rekomendasi of the pejabat penilai
	Feedback      AssessmentFeedback
	// Snapshots of the three people as they were when it was rated.
	Employee, Rater, UpperRater PersonSnapshot
	RatedBy                     string
	RatedAt                     time.Time
	FinalizedBy                 string
	FinalizedAt                 time.Time // when the pejabat penilai sent the result to the employee
	// ReceivedAt is when the employee received the result as it stands:
	// the sending, or the latest change of the result after it was sent
	// (a calibration move, a keberatan decision that changed it). The
	// keberatan window counts from it (see Redeliver).
	ReceivedAt           time.Time
	AcknowledgedAt       time.Time // when the employee confirmed receiving the result as it stands
	Version              int
	CreatedAt, UpdatedAt time.Time
}

// Redeliver applies the rule of receiving a result to a write of an
// assessment from before to after at the instant now: a result sent to
// the employee is received when it is sent (its FinalizedAt, else now),
// and a result already sent whose ratings or predikat change (whoever
// changes them: a calibration move, a keberatan decision, any later act)
// is received again now, its acknowledgement cleared so that the employee
// confirms the result as it now stands. Every write of an assessment
// passes through it, so no path can change a sent result without the
// employee receiving it again.
func Redeliver(before, after Assessment, now time.Time) Assessment {
	switch {
	case after.Status != AssessmentFinal:
		after.ReceivedAt = time.Time{}
	case before.Status != AssessmentFinal:
		after.ReceivedAt = after.FinalizedAt
		if after.ReceivedAt.IsZero() {
			after.ReceivedAt = now
		}
		after.AcknowledgedAt = time.Time{}
	case before.HasilKerja != after.HasilKerja || before.PerilakuKerja != after.PerilakuKerja || before.Predikat != after.Predikat:
		after.ReceivedAt, after.AcknowledgedAt = now, time.Time{}
	}
	return after
}

// AssessmentStatus is where an assessment is: open (waiting for the
// rater), rated (rated, still changeable by the rater), final (sent to the
// employee; changed only by calibration or a keberatan decision).
type AssessmentStatus string

// Assessment statuses as the API names them.
const (
	AssessmentOpen  AssessmentStatus = "open"
	AssessmentRated AssessmentStatus = "rated"
	AssessmentFinal AssessmentStatus = "final"
)

// AssessmentFeedback is the umpan balik of an assessment: per RHK (by its
// id) and per core value, as the Evaluasi Kinerja Pegawai format lays
// them out beside each result and each value.
type AssessmentFeedback struct {
	RHK        map[string]string    `json:"rhk,omitempty"`
	Behaviours map[CoreValue]string `json:"behaviours,omitempty"`
}

// AssessmentMove is a change of a result after it was sent, with its
// cause and the reason the rated person and the rater read: a rating
// moved during calibration (MoveCalibration, Reason the mover's), or an
// OPD head's rating hasil kerja re-derived when the OPD's capaian
// kinerja organisasi changed (MoveCapaian: MovedBy who set the capaian,
// Reason its basis, FromCapaian and ToCapaian the capaian before and
// after). A keberatan decision that changes a result is its objection's
// (Objection.From and To), not a move.
type AssessmentMove struct {
	ID           string
	AssessmentID string
	Cause        MoveCause
	MovedBy      string
	MovedByName  string
	MovedAt      time.Time
	Reason       string
	From, To     RatingPair
	// FromCapaian and ToCapaian are the OPD's capaian before and after a
	// MoveCapaian, "" for a calibration move.
	FromCapaian, ToCapaian Capaian
}

// MoveCause is what changed a sent result.
type MoveCause string

// The causes of a change of a sent result.
const (
	MoveCalibration MoveCause = "calibration" // the OPD head or BKPSDM moved the rating in calibration
	MoveCapaian     MoveCause = "capaian"     // the OPD's capaian changed, and an OPD head's rating hasil kerja with it
)

// RatingPair is a rating hasil kerja and a rating perilaku kerja with the
// predikat they give.
type RatingPair struct {
	HasilKerja    Rating   `json:"hasil_kerja"`
	PerilakuKerja Rating   `json:"perilaku_kerja"`
	Predikat      Predikat `json:"predikat"`
}

// Calibration is the state of one OPD's assessments in one period: open
// while ratings may change, final once the OPD's period is finalised,
// which locks it.
type Calibration struct {
	OPDID          string
	PeriodID       string
	InstansiID     string
	Status         CalibrationStatus
	OverrideReason string // the BKPSDM administrator's reason to finalise a broken curve
	OverriddenBy   string
	FinalizedBy    string
	FinalizedAt    time.Time
	Version        int
}

// CalibrationStatus is open or final.
type CalibrationStatus string

// Calibration statuses.
const (
	CalibrationOpen  CalibrationStatus = "open"
	CalibrationFinal CalibrationStatus = "final"
)

// AssessmentCandidate is an SKP in force during a period, for which the
// period's closing makes an assessment.
type AssessmentCandidate struct {
	SKPID, EmployeeID, OPDID string
	Leader                   bool
	Employee                 PersonSnapshot
}
