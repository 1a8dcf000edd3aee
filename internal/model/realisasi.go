package model

// Realisasi is what an indicator reached in one period, with its basis
// (dasar realisasi). Every change is in the audit log, which is its
// history.
type Realisasi struct {
	ID          string
	SKPID       string
	PeriodID    string
	IndicatorID string
	Value       string
	Basis       string
	Version     int
	UpdatedBy   string
	UpdatedAt   string
}
