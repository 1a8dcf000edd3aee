package model

// Proposal is an RHK a supervisor proposes to a subordinate.
type Proposal struct {
	ID, InstansiID, FromEmployeeID, ToEmployeeID, ParentRHKID, Description, Status string
	Year                                                                           int
	CreatedAt                                                                      string
}
