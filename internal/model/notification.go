package model

// Notification is an in-app message for an employee.
type Notification struct {
	ID, InstansiID, EmployeeID, Kind, Title, Body, Link string
	CreatedAt, ReadAt                                   string
}
