package model

import (
	"strings"
	"time"
)

// One person, one record. A person keeps one employee record for their
// whole career in the instansi: a NIP that changes (a PPPK appointed CPNS,
// a number BKN corrects) changes on that record, and its old number stays
// in the NIP history; the end of employment (pemberhentian) is recorded on
// the record, which stays readable; two records found to be one person are
// merged into one, the other kept and marked merged, never deleted.

// EndKind is why someone's employment ended, in the words of UU 20/2023
// (pemberhentian ASN), PP 11/2017 as amended by PP 17/2020 (PNS) and PP
// 49/2018 (pemutusan hubungan perjanjian kerja PPPK).
type EndKind string

// Kinds of end of employment.
const (
	// EndPensiun: diberhentikan dengan hormat karena mencapai batas usia
	// pensiun (or pensiun dini).
	EndPensiun EndKind = "pensiun"
	// EndMeninggal: meninggal dunia (or dinyatakan hilang).
	EndMeninggal EndKind = "meninggal"
	// EndBerhenti: berhenti atas permintaan sendiri.
	EndBerhenti EndKind = "berhenti"
	// EndDiberhentikan: diberhentikan tidak atas permintaan sendiri, with or
	// without honour (a sanction, tidak cakap jasmani/rohani, perampingan).
	EndDiberhentikan EndKind = "diberhentikan"
	// EndPindahInstansi: pindah ke instansi lain; the person goes on as an
	// ASN elsewhere, with the same NIP.
	EndPindahInstansi EndKind = "pindah_instansi"
	// EndPerjanjianBerakhir: a PPPK's perjanjian kerja ended and was not
	// extended (PP 49/2018 Pasal 52).
	EndPerjanjianBerakhir EndKind = "perjanjian_berakhir"
)

// EndKinds lists the kinds of end in the order a form offers them.
var EndKinds = []EndKind{EndPensiun, EndMeninggal, EndBerhenti, EndDiberhentikan, EndPindahInstansi, EndPerjanjianBerakhir}

// Valid reports whether k is a known kind.
func (k EndKind) Valid() bool {
	for _, v := range EndKinds {
		if v == k {
			return true
		}
	}
	return false
}

// EmploymentEnd is the end of someone's employment as an administrator
// recorded it from the SK. Date is the TMT the SK names: the first day the
// person is no longer employed (placements and SKPs end the day before,
// as in a transfer). A cancelled end (a mistake) stays in the history.
type EmploymentEnd struct {
	ID         string
	InstansiID string
	EmployeeID string
	Kind       EndKind
	Date       Date   // TMT pemberhentian
	Decree     string // nomor SK
	// OPDID is the OPD the person belonged to on the day before, so that
	// the admins of that OPD still reach the record after the end.
	OPDID string
	// AccountDisabled tells that the end disabled the person's account; a
	// cancellation enables it again.
	AccountDisabled bool
	CreatedBy       string
	CreatedAt       time.Time
	CancelledBy     string
	CancelledAt     time.Time // zero while in force
}

// Cancelled reports whether the end was cancelled.
func (e EmploymentEnd) Cancelled() bool { return !e.CancelledAt.IsZero() }

// EndClosureKind names what an end of employment closed.
type EndClosureKind string

// What an end of employment closes.
const (
	ClosedPlacement EndClosureKind = "placement" // a placement it ended
	// ClosedPlacementCancel: a placement starting on the TMT or later,
	// which it cancelled (the person never held it).
	ClosedPlacementCancel EndClosureKind = "placement_cancel"
	ClosedSKP             EndClosureKind = "skp"  // an SKP it closed
	ClosedTeam            EndClosureKind = "team" // a team it took the person out of
)

// EndClosure is one thing an end of employment closed, as it was before,
// so that cancelling a mistaken end puts it back: a placement and its end
// date, an SKP with its status and period end, a team membership with the
// RHK the member worked on there.
type EndClosure struct {
	Kind  EndClosureKind
	RefID string // the placement, SKP or team
	// Status is an SKP's status before it was closed, or the RHK a
	// member worked on in a team ("" for none).
	Status string
	// End is a placement's end date, or an SKP's period end, before ("" for
	// a placement with no end).
	End Date
}

// NIPChange is one change of an employee's NIP: a new number from BKN (a
// PPPK appointed CPNS, a correction), or the number of a record merged
// into this one. The old number never names anyone else again.
type NIPChange struct {
	ID         string
	InstansiID string
	EmployeeID string // the record that holds NewNIP
	OldNIP     string
	NewNIP     string
	Reason     string // NIPChangeImport or NIPChangeMerge
	MergedID   string // the record merged, for NIPChangeMerge
	At         time.Time
}

// Reasons of a NIP change.
const (
	NIPChangeImport = "import"
	NIPChangeMerge  = "merge"
)

// EmployeeMerge records that one employee record (Merged) was found to be
// the same person as another (Into) and merged into it.
type EmployeeMerge struct {
	ID         string
	InstansiID string
	MergedID   string
	IntoID     string
	CreatedBy  string
	At         time.Time
}

// SamePersonName is a name as two records of one person compare: without
// the difference of case, spaces and punctuation. Titles (gelar) are not
// part of Employee.Name.
func SamePersonName(name string) string {
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return r == ' ' || r == '.' || r == ',' || r == '\'' || r == '-' || r == '`' || r == '\t'
	})
	return strings.Join(f, " ")
}
