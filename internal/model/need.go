package model

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Need is a development need (kebutuhan pengembangan: a training, a
// mentor, a certification) or a resource constraint (kendala sumber daya:
// equipment, a facility, budget, staffing) that holds back the work of an
// ASN, optionally on one RHK of their SKP (domain decision 12). The ASN or
// their supervisor records it; the supervisor confirms it or closes it
// with a note; BKPSDM, leaders and OPD admins record what was done about a
// confirmed one. This is how Kinerja makes limited resources visible: the
// needs add up per OPD and kind.
type Need struct {
	ID          string
	InstansiID  string
	EmployeeID  string // whose work it holds back
	OPDID       string // the employee's OPD when it was recorded
	UnitID      string // the employee's unit when it was recorded
	RHKID       string // the RHK it holds back; "" when none is named
	Year        int    // the performance year it was recorded in
	Category    NeedCategory
	Kind        NeedKind
	Title       string
	Description string
	Status      NeedStatus
	ReportedBy  string // user ids, like the audit log's actors
	ConfirmedBy string
	ConfirmedAt time.Time
	ClosedBy    string
	ClosedAt    time.Time
	ClosedNote  string // why the supervisor closed it
	ActionNote  string // what was done about it
	AddressedBy string
	AddressedAt time.Time
	Version     int
	CreatedAt   time.Time
	UpdatedAt   time.Time

	// Filled by queries that join the people, units and RHK named above.
	EmployeeName  string
	EmployeeNIP   string
	UnitName      string
	OPDName       string
	RHKText       string
	ReporterName  string
	ConfirmerName string
	CloserName    string
	AddresserName string
}

// NeedCategory tells a development need from a resource constraint.
type NeedCategory string

// The two categories.
const (
	NeedCategoryNeed       NeedCategory = "need"
	NeedCategoryConstraint NeedCategory = "constraint"
)

// NeedCategories lists the categories in display order.
var NeedCategories = []NeedCategory{NeedCategoryNeed, NeedCategoryConstraint}

// Valid reports whether c is a known category.
func (c NeedCategory) Valid() bool { return c == NeedCategoryNeed || c == NeedCategoryConstraint }

// Kinds returns the kinds of the category, in display order.
func (c NeedCategory) Kinds() []NeedKind {
	var out []NeedKind
	for _, k := range NeedKinds {
		if k.Category() == c {
			out = append(out, k)
		}
	}
	return out
}

// NeedKind is what is needed or what is lacking. Each kind belongs to one
// category.
type NeedKind string

// Kinds of needs and constraints.
const (
	NeedTraining      NeedKind = "training"      // pelatihan, diklat, bimtek
	NeedMentoring     NeedKind = "mentoring"     // a mentor or coach
	NeedCertification NeedKind = "certification" // sertifikasi, uji kompetensi
	NeedEquipment     NeedKind = "equipment"     // peralatan: a laptop, a device
	NeedFacility      NeedKind = "facility"      // sarana dan prasarana: a room, a vehicle, a network
	NeedBudget        NeedKind = "budget"        // anggaran
	NeedStaffing      NeedKind = "staffing"      // too few people for the work
	NeedOther         NeedKind = "other"         // another constraint
)

// NeedKinds lists every kind in display order: the development needs
// first, then the constraints.
var NeedKinds = []NeedKind{NeedTraining, NeedMentoring, NeedCertification,
	NeedEquipment, NeedFacility, NeedBudget, NeedStaffing, NeedOther}

// Valid reports whether k is a known kind.
func (k NeedKind) Valid() bool { return k.Category() != "" }

// Category returns the category the kind belongs to, or "" for an
// unknown kind.
func (k NeedKind) Category() NeedCategory {
	switch k {
	case NeedTraining, NeedMentoring, NeedCertification:
		return NeedCategoryNeed
	case NeedEquipment, NeedFacility, NeedBudget, NeedStaffing, NeedOther:
		return NeedCategoryConstraint
	}
	return ""
}

// NeedStatus is where a need stands.
type NeedStatus string

// Statuses: a need is open until the supervisor confirms or closes it; a
// confirmed need is addressed when someone records what was done about it.
// Closed and addressed are final.
const (
	NeedOpen      NeedStatus = "open"
	NeedConfirmed NeedStatus = "confirmed"
	NeedClosed    NeedStatus = "closed"
	NeedAddressed NeedStatus = "addressed"
)

// NeedStatuses lists the statuses in the order of the workflow.
var NeedStatuses = []NeedStatus{NeedOpen, NeedConfirmed, NeedAddressed, NeedClosed}

// Valid reports whether s is a known status.
func (s NeedStatus) Valid() bool {
	switch s {
	case NeedOpen, NeedConfirmed, NeedClosed, NeedAddressed:
		return true
	}
	return false
}

// Outstanding reports whether something is still to be done about a need
// in this status: it is open or confirmed.
func (s NeedStatus) Outstanding() bool { return s == NeedOpen || s == NeedConfirmed }

// NeedAction is a step of the workflow.
type NeedAction string

// The steps: the supervisor confirms or closes; an administrator or a
// leader addresses.
const (
	NeedConfirm NeedAction = "confirm"
	NeedClose   NeedAction = "close"
	NeedAddress NeedAction = "address"
)

// NextNeedStatus returns the status a need in status from moves to by act,
// or ErrInvalidTransition when act is not allowed now:
//
//	open      --confirm--> confirmed
//	open      --close----> closed
//	confirmed --close----> closed     (no longer needed, or met otherwise)
//	confirmed --address--> addressed
func NextNeedStatus(from NeedStatus, act NeedAction) (NeedStatus, error) {
	switch {
	case from == NeedOpen && act == NeedConfirm:
		return NeedConfirmed, nil
	case (from == NeedOpen || from == NeedConfirmed) && act == NeedClose:
		return NeedClosed, nil
	case from == NeedConfirmed && act == NeedAddress:
		return NeedAddressed, nil
	}
	return from, fmt.Errorf("%s on a need that is %s: %w", act, from, ErrInvalidTransition)
}

// Limits on the text of a need.
const (
	NeedTitleMax       = 200
	NeedDescriptionMax = 4000
	NeedNoteMax        = 2000
)

// Validate checks a need before it is recorded: a known kind, a category
// that fits it (the kind's own when empty), and a title.
func (n *Need) Validate() error {
	var v ValidationError
	n.Title, n.Description = strings.TrimSpace(n.Title), strings.TrimSpace(n.Description)
	if !n.Kind.Valid() {
		v.Add("kind", "invalid.need.kind.pick")
	} else if n.Category == "" {
		n.Category = n.Kind.Category()
	} else if n.Category != n.Kind.Category() {
		v.Add("category", "invalid.need.kind.category", n.Kind, n.Category)
	}
	if n.Title == "" {
		v.Add("title", "invalid.need.title.required")
	} else if utf8.RuneCountInString(n.Title) > NeedTitleMax {
		v.Add("title", "invalid.need.title.long", NeedTitleMax)
	}
	if utf8.RuneCountInString(n.Description) > NeedDescriptionMax {
		v.Add("description", "invalid.need.body.long", NeedDescriptionMax)
	}
	if n.EmployeeID == "" {
		v.Add("employee_id", "invalid.need.employee.pick")
	}
	return v.Err()
}

// CheckNeedNote checks the note a step requires: why the supervisor closes
// a need, or what was done about it.
func CheckNeedNote(field, note string) (string, error) {
	note = strings.TrimSpace(note)
	switch {
	case note == "" && field == "note":
		return note, Invalid(field, "invalid.need.close.reason")
	case note == "":
		return note, Invalid(field, "invalid.need.action.required")
	case utf8.RuneCountInString(note) > NeedNoteMax:
		return note, Invalid(field, "invalid.need.note.long", NeedNoteMax)
	}
	return note, nil
}

// NeedPage is a page of needs.
type NeedPage struct {
	Items      []Need
	NextCursor string // empty on the last page
}

// NeedCount is how many needs of one kind and status a unit has.
type NeedCount struct {
	OPDID, UnitID string
	Kind          NeedKind
	Status        NeedStatus
	N             int
}
