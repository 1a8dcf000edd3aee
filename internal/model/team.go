package model

import "time"

// Team is a tim kerja: people who share a result for a year.
type Team struct {
	ID         string
	InstansiID string
	Year       int
	Name       string
	Goal       string // the shared result
	LeadID     string
	CreatedAt  time.Time
	Members    []TeamMember
}

// TeamMember is a member with the RHK of their own SKP linked to the
// team's result (empty until they link one).
type TeamMember struct {
	EmployeeID string
	Name       string
	Position   string
	Unit       string
	RHKID      string
	RHKText    string
	JoinedAt   time.Time
}

// Kudos is a thank-you or an offer of help from one member to another.
type Kudos struct {
	ID        string
	TeamID    string
	FromID    string
	FromName  string
	ToID      string
	ToName    string
	Kind      string // "thanks" or "help"
	Body      string
	CreatedAt time.Time
}
