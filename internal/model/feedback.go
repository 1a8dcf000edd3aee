package model

import "time"

// Feedback is one message of umpan balik on a record of someone's work.
type Feedback struct {
	ID         string
	InstansiID string
	OwnerID    string // whose work the target is
	TargetType string // skp, rhk, progress, realisasi, assessment
	TargetID   string
	AuthorID   string
	AuthorName string
	Body       string
	CreatedAt  time.Time
}
