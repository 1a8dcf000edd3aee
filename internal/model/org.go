package model

import (
	"strings"
	"time"
)

// Instansi is a government body served by Kinerja (a pemda, a province, a
// ministry). Every other record belongs to exactly one instansi.
type Instansi struct {
	ID      string
	Name    string
	KodeBKN string
	// JPTRater chooses who rates JPT Pratama: the head of the region
	// (JPTRaterKepalaDaerah, the default) or the Sekda (JPTRaterSekda).
	JPTRater   string
	OrgVersion int64 // bumped on every change to units, positions or placements
	CreatedAt  time.Time
}

// JPT rater choices for Instansi.JPTRater.
const (
	JPTRaterKepalaDaerah = "kepala_daerah"
	JPTRaterSekda        = "sekda"
)

// UnitKind is the kind of a node of the organisation tree.
type UnitKind string

// Unit kinds, from a whole pemda down to a kelurahan.
const (
	UnitPemda     UnitKind = "pemda"     // the root: the region itself
	UnitOPD       UnitKind = "opd"       // perangkat daerah: dinas, badan, sekretariat, inspektorat
	UnitBagian    UnitKind = "bagian"    // bagian of the Sekretariat Daerah
	UnitBidang    UnitKind = "bidang"    // bidang of a dinas or badan
	UnitSubbagian UnitKind = "subbagian" // sub-bagian
	UnitSeksi     UnitKind = "seksi"
	UnitUPT       UnitKind = "upt"
	UnitPuskesmas UnitKind = "puskesmas"
	UnitSekolah   UnitKind = "sekolah"
	UnitRSUD      UnitKind = "rsud"
	UnitKecamatan UnitKind = "kecamatan"
	UnitKelurahan UnitKind = "kelurahan"
)

// UnitKinds lists every unit kind in display order.
var UnitKinds = []UnitKind{UnitPemda, UnitOPD, UnitBagian, UnitBidang, UnitSubbagian, UnitSeksi,
	UnitUPT, UnitPuskesmas, UnitSekolah, UnitRSUD, UnitKecamatan, UnitKelurahan}

// Valid reports whether k is a known unit kind.
func (k UnitKind) Valid() bool {
	for _, v := range UnitKinds {
		if v == k {
			return true
		}
	}
	return false
}

// Unit is a node of an instansi's organisation tree.
type Unit struct {
	ID             string
	InstansiID     string
	ParentID       string // empty at the root
	Code           string // the SIASN unor code, unique within the instansi
	Name           string
	Kind           UnitKind
	WorkDays       int    // 5 or 6 working days a week
	HeadPositionID string // the position that leads the unit; may be empty
	OPDID          string // the perangkat daerah the unit belongs to (itself for an OPD)
}

// PositionKind is the kind of a jabatan.
type PositionKind string

// Position kinds as the civil-service rules name them.
const (
	PositionKepalaDaerah  PositionKind = "kepala_daerah" // Wali Kota, Bupati, Gubernur: not an ASN post
	PositionJPTMadya      PositionKind = "jpt_madya"
	PositionJPTPratama    PositionKind = "jpt_pratama"
	PositionAdministrator PositionKind = "administrator"
	PositionPengawas      PositionKind = "pengawas"
	PositionPelaksana     PositionKind = "pelaksana"
	PositionFungsional    PositionKind = "fungsional"
)

// PositionKinds lists every position kind from the top down.
var PositionKinds = []PositionKind{PositionKepalaDaerah, PositionJPTMadya, PositionJPTPratama,
	PositionAdministrator, PositionPengawas, PositionPelaksana, PositionFungsional}

// Valid reports whether k is a known position kind.
func (k PositionKind) Valid() bool {
	for _, v := range PositionKinds {
		if v == k {
			return true
		}
	}
	return false
}

// IsJPT reports whether the kind is a pimpinan tinggi post.
func (k PositionKind) IsJPT() bool { return k == PositionJPTMadya || k == PositionJPTPratama }

// Jenjang fungsional, the grades of a functional position.
var Jenjangs = []string{"ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama",
	"penyelia", "mahir", "terampil", "pemula"}

// ValidJenjang reports whether j is a known jenjang (empty is allowed for
// non-functional positions and checked by the caller).
func ValidJenjang(j string) bool {
	for _, v := range Jenjangs {
		if v == j {
			return true
		}
	}
	return false
}

// Position is a jabatan: a post in a unit with a superior post.
type Position struct {
	ID                 string
	InstansiID         string
	UnitID             string
	Code               string // unique within the instansi; the import matches on it
	Name               string
	Kind               PositionKind
	Jenjang            string // only for fungsional
	SuperiorPositionID string // empty for the top of the tree
}

// EmployeeStatus is the employment status of a person.
type EmployeeStatus string

// Employment statuses. PejabatNegara is the elected head of the region, who
// uses Kinerja but is not an ASN and has no NIP.
const (
	StatusPNS  EmployeeStatus = "pns"
	StatusCPNS EmployeeStatus = "cpns"
	StatusPPPK EmployeeStatus = "pppk"
	// StatusPPPKParuhWaktu is a PPPK paruh waktu (part-time PPPK, appointed
	// from 2025): an ASN whose NI PPPK carries its own code (see NIP).
	StatusPPPKParuhWaktu EmployeeStatus = "pppk_paruh_waktu"
	StatusPejabatNegara  EmployeeStatus = "pejabat_negara"
)

// IsPPPK reports whether s is a PPPK status, full-time or paruh waktu:
// the golongan is then I to XVII and the number an NI PPPK.
func (s EmployeeStatus) IsPPPK() bool { return s == StatusPPPK || s == StatusPPPKParuhWaktu }

// Valid reports whether s is a known status.
func (s EmployeeStatus) Valid() bool {
	switch s {
	case StatusPNS, StatusCPNS, StatusPPPK, StatusPPPKParuhWaktu, StatusPejabatNegara:
		return true
	}
	return false
}

// Employee is a person working for the instansi.
type Employee struct {
	ID         string
	InstansiID string
	NIP        string // empty only for StatusPejabatNegara
	Name       string // without titles
	FrontTitle string // gelar depan, e.g. "dr." or "Ir."
	BackTitle  string // gelar belakang, e.g. "S.Kom., M.Si."
	Gender     string // "L" or "P"
	BirthDate  Date
	Status     EmployeeStatus
	Golongan   string // e.g. "III/a" for PNS, "IX" for PPPK (see NormGolongan)
	Pangkat    string // e.g. "Penata Muda"
	Email      string
	Phone      string
	Active     bool
	PositionID string // current definitive position; empty when none
	UnitID     string // unit of the current position
	UpdatedAt  time.Time
	// Filled by queries that join the position.
	PositionName string
	PositionKind PositionKind
	UnitName     string
}

// FullName is the name with academic titles, as it appears on documents.
func (e Employee) FullName() string {
	n := strings.Join(strings.Fields(e.FrontTitle+" "+e.Name), " ")
	if back := strings.Join(strings.Fields(e.BackTitle), " "); back != "" {
		n = n + ", " + back
	}
	return n
}

// PlacementKind tells how a person holds a position.
type PlacementKind string

// Placement kinds: definitive, acting (Plt) and daily acting (Plh).
const (
	PlacementDefinitif PlacementKind = "definitif"
	PlacementPlt       PlacementKind = "plt"
	PlacementPlh       PlacementKind = "plh"
)

// Valid reports whether k is a known placement kind.
func (k PlacementKind) Valid() bool {
	return k == PlacementDefinitif || k == PlacementPlt || k == PlacementPlh
}

// Placement is one entry of an employee's position history.
type Placement struct {
	ID         string
	EmployeeID string
	PositionID string
	Kind       PlacementKind
	Start      Date
	End        Date   // empty while current
	Decree     string // nomor SK
	// Cancelled: cancelled before it started (CancelPlacement, or the end
	// of the person's employment); it holds nothing. Only PlacementByID
	// returns cancelled placements, besides PlacementHistory.
	Cancelled bool
	// CancelledAt and CancelledBy (the name of the user who cancelled):
	// filled on a cancelled placement by PlacementByID and PlacementHistory.
	CancelledAt time.Time
	CancelledBy string
	// Filled by queries that join the position and unit.
	PositionName string
	UnitName     string
}

// Holding is one placement in force on a post, with its holder's name
// (with titles) and NIP: who holds the post on a day, definitively or as
// Plt or Plh. A post may have several (a functional post, or a Plt beside
// a definitive holder who is away).
type Holding struct {
	Placement
	Holder string
	NIP    string
}

// HoldingFilter narrows the holdings of an instansi: to the positions of
// one unit, or to the posts that lead a unit.
type HoldingFilter struct {
	UnitID     string
	PositionID string
	HeadsOnly  bool
}

// Abbrev is how a document writes the kind before the post's name: "Plt."
// or "Plh." (see ActingTitle); "" for a definitive placement.
func (k PlacementKind) Abbrev() string {
	switch k {
	case PlacementPlt:
		return "Plt."
	case PlacementPlh:
		return "Plh."
	}
	return ""
}

// ActingHolding is a Plt or Plh placement with its holder's name.
type ActingHolding struct {
	Placement
	Holder string // the employee's name with titles
}

// RaterOverride replaces the derived pejabat penilai (and optionally the
// atasan pejabat penilai) of one employee from a date, e.g. for a JF placed
// directly under a JPT.
type RaterOverride struct {
	ID           string
	EmployeeID   string
	RaterID      string
	UpperRaterID string // empty: derived from the rater
	Start        Date
	End          Date
	Reason       string
}

// EmployeeFilter selects employees for the directory.
type EmployeeFilter struct {
	InstansiID string
	UnitID     string   // the unit and everything below it
	Query      string   // part of a name or NIP
	IDs        []string // restrict to these (a supervisor's team)
	Cursor     string   // from the previous page's NextCursor
	Limit      int      // 1..200, 50 by default
	ActiveOnly bool
	// InactiveOnly lists only the people whose employment ended (or whose
	// record was merged into another).
	InactiveOnly bool
	// Leavers, with UnitID, also lists the people whose employment ended
	// while in it: without a post, the end in force names an OPD of it
	// (the OPD reach counts them in, app.reachOPD).
	Leavers bool
}

// ActiveFilter reads which people a directory lists from its parameter:
// "" everyone, active ("aktif", "true") or inactive ("nonaktif",
// "false"); ok is false for anything else.
func ActiveFilter(s string) (activeOnly, inactiveOnly, ok bool) {
	switch s {
	case "":
		return false, false, true
	case "aktif", "true":
		return true, false, true
	case "nonaktif", "false":
		return false, true, true
	}
	return false, false, false
}

// EmployeePage is one page of the directory.
type EmployeePage struct {
	Items      []Employee
	NextCursor string // empty on the last page
}
