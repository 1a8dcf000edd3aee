package model

// AuditFilter selects audit entries.
type AuditFilter struct {
	InstansiID string
	EntityType string
	EntityID   string
	ActorID    string
	Before     string // cursor: entries with a smaller id (older)
	Limit      int
}
