package model

import "time"

// AuditFilter selects audit entries.
type AuditFilter struct {
	InstansiID string
	EntityType string
	EntityID   string
	ActorID    string
	Before     string // cursor: entries with a smaller id (older)
	Limit      int
}

// AuditEntry records one state change: who, when, what, before and after.
type AuditEntry struct {
	ID         string
	InstansiID string
	At         time.Time
	ActorID    string // user id; empty for the system
	ActorName  string
	Action     string // e.g. "employee.update"
	EntityType string
	EntityID   string
	Before     string // JSON, empty when created
	After      string // JSON, empty when deleted
	IP         string
}
