package model

import "time"

// Evidence is a file or a link attached as bukti dukung to a record of
// someone's work.
type Evidence struct {
	ID          string
	InstansiID  string
	OwnerID     string // whose work the target is
	TargetType  string
	TargetID    string
	Kind        string // "file" or "link"
	SHA256      string
	Size        int64
	ContentType string
	FileName    string
	URL         string
	CreatedBy   string
	CreatedAt   time.Time
}

// The range of the instansi's size limit of one evidence file, in MB.
const (
	MinEvidenceMB = 1
	MaxEvidenceMB = 100
)
