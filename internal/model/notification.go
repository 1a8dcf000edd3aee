package model

// Notification is an in-app message for an employee. It is stored as what
// happened (Kind), which wording tells it (Variant, when one kind is told
// differently to different people or cases) and the values that tell it
// apart (Args), not as text: it is rendered in the reader's language when
// shown, from the catalog keys notif.<kind>[.<variant>].title and .body
// formatted with Args (so a person who switches language reads old
// notifications in the new one). An argument that is itself a catalog key
// under "notif.word." is translated too.
//
// Title and Body hold the text of notifications stored before they were
// kept as kind and arguments (in Indonesian); such a notification has no
// Args and is shown as it was written.
type Notification struct {
	ID, InstansiID, EmployeeID, Kind string
	Variant                          string
	Args                             []string
	Link                             string
	Title, Body                      string
	CreatedAt, ReadAt                string
}

// MessageKey is the catalog key prefix of the notification's wording:
// notif.<kind> or notif.<kind>.<variant>.
func (n Notification) MessageKey() string {
	if n.Variant != "" {
		return "notif." + n.Kind + "." + n.Variant
	}
	return "notif." + n.Kind
}
