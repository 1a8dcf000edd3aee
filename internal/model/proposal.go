package model

// Proposal is an RHK a supervisor proposes to a subordinate.
type Proposal struct {
	ID, InstansiID, FromEmployeeID, ToEmployeeID, ParentRHKID, Description, Status string
	Year                                                                           int
	CreatedAt                                                                      string
}

// Proposal statuses: open until the employee it was made to accepts it
// into their SKP or declines it.
const (
	ProposalOpen     = "open"
	ProposalAccepted = "accepted"
	ProposalDeclined = "declined"
)
