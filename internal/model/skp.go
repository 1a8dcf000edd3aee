package model

import (
	"fmt"
	"strings"
	"time"
)

// SKP (Sasaran Kinerja Pegawai) is an employee's performance plan for a year
// on one position: the results they commit to (RHK, Rencana Hasil Kerja) with
// indicators (IKI, Indikator Kinerja Individu) and targets, the expected
// behaviour (the seven BerAKHLAK core values), and a lampiran. A transfer
// closes the SKP and a new one is made for the new position (decision 10).
type SKP struct {
	ID         string
	InstansiID string
	EmployeeID string
	PositionID string // the position the SKP was made for
	// Acting is PlacementPlt or PlacementPlh for the SKP of a post the
	// employee acts in (a separate SKP beside the definitive one), empty
	// for the SKP of their definitive position.
	Acting      PlacementKind
	Year        int
	PeriodStart Date
	PeriodEnd   Date
	Approach    Approach
	Format      SKPFormat
	Status      SKPStatus
	Version     int // bumped by every change; writes carry the version they read
	Revision    int // 1 for the first approved plan, +1 for each change after approval
	ReturnNote  string
	SubmittedAt time.Time
	ApprovedAt  time.Time
	ApprovedBy  string
	// Snapshots of the people as they were when the SKP was made (decision 9).
	Employee, Rater, UpperRater PersonSnapshot
	Lampiran                    Lampiran
	RHK                         []RHK
	Behaviours                  []Behaviour
}

// Approach is the SKP's pendekatan.
type Approach string

// Approaches: measurable targets per aspect, or narrative expectations.
const (
	ApproachKuantitatif Approach = "kuantitatif"
	ApproachKualitatif  Approach = "kualitatif"
)

// SKPFormat is the regulation's layout: JPT (RHK from the unit's Perjanjian
// Kinerja, with perspektif) or JA/JF (RHK cascaded from the supervisor's).
type SKPFormat string

// SKP formats.
const (
	FormatJPT  SKPFormat = "jpt"
	FormatJAJF SKPFormat = "ja_jf"
)

// FormatFor returns the SKP format a position kind uses: JPT and the head of
// the pemda write from the Perjanjian Kinerja, everyone else cascades.
func FormatFor(k PositionKind) SKPFormat {
	if k.IsJPT() || k == PositionKepalaDaerah {
		return FormatJPT
	}
	return FormatJAJF
}

// SKPStatus is where an SKP is in its workflow.
type SKPStatus string

// SKP statuses as the API names them.
const (
	SKPDraft     SKPStatus = "draft"
	SKPSubmitted SKPStatus = "submitted"
	SKPReturned  SKPStatus = "returned"
	SKPApproved  SKPStatus = "approved"
	SKPClosed    SKPStatus = "closed"
)

// PersonSnapshot is a person as a document shows them at a point in time.
type PersonSnapshot struct {
	EmployeeID string `json:"employee_id,omitempty"`
	Name       string `json:"name"`
	NIP        string `json:"nip"`
	Golongan   string `json:"golongan"`
	Pangkat    string `json:"pangkat"`
	Position   string `json:"position"`
	Unit       string `json:"unit"`
}

// SnapshotOf records an employee as they are now.
func SnapshotOf(e Employee) PersonSnapshot {
	return PersonSnapshot{EmployeeID: e.ID, Name: e.FullName(), NIP: e.NIP, Golongan: e.Golongan,
		Pangkat: e.Pangkat, Position: e.PositionName, Unit: e.UnitName}
}

// ActingTitle is how a document names a post held as Plt or Plh, with the
// abbreviation the regulation uses before the post's name ("Plt. Kepala
// SD Negeri 05", "Plh. Kepala Dinas ..."); any other post is its name.
func ActingTitle(kind PlacementKind, position string) string {
	switch kind {
	case PlacementPlt:
		return "Plt. " + position
	case PlacementPlh:
		return "Plh. " + position
	}
	return position
}

// Lampiran lists the supports and consequences agreed with the plan.
type Lampiran struct {
	DukunganSumberDaya      []string `json:"dukungan_sumber_daya"`
	SkemaPertanggungjawaban []string `json:"skema_pertanggungjawaban"`
	Konsekuensi             []string `json:"konsekuensi"`
}

// RHKKind is utama (main) or tambahan (additional).
type RHKKind string

// RHK kinds.
const (
	RHKUtama    RHKKind = "utama"
	RHKTambahan RHKKind = "tambahan"
)

// RHK is a planned result.
type RHK struct {
	ID          string
	SKPID       string
	Kind        RHKKind
	Description string
	// ParentRHKID is the supervisor's RHK this one supports (intervensi), an
	// RHK of the supervisor's approved SKP; JA/JF only.
	ParentRHKID string
	// ParentText names a superior result outside Kinerja (e.g. the Wali
	// Kota's) when there is no parent RHK.
	ParentText    string
	PenugasanDari string // JPT: who assigned it, e.g. "Wali Kota"
	Perspektif    string // JPT kuantitatif
	// PKSasaranID is the sasaran of the unit's Perjanjian Kinerja a JPT RHK
	// is taken from.
	PKSasaranID string
	Position    int // order within its kind
	Indicators  []Indicator
}

// Aspect of an indicator.
type Aspect string

// Aspects of the quantitative approach.
const (
	AspectKuantitas Aspect = "kuantitas"
	AspectKualitas  Aspect = "kualitas"
	AspectWaktu     Aspect = "waktu"
	AspectBiaya     Aspect = "biaya"
)

// Valid reports whether a is a known aspect.
func (a Aspect) Valid() bool {
	switch a {
	case AspectKuantitas, AspectKualitas, AspectWaktu, AspectBiaya:
		return true
	}
	return false
}

// Indicator is an IKI: how success of an RHK is measured, with its target.
type Indicator struct {
	ID          string
	RHKID       string
	Aspect      Aspect
	Description string
	Target      string // "12", "100", "1-2", or a narrative target
	Unit        string // satuan: "dokumen", "%", "bulan", ...
	Position    int
}

// CoreValue is one of the seven BerAKHLAK values.
type CoreValue string

// The BerAKHLAK core values.
const (
	BerorientasiPelayanan CoreValue = "berorientasi_pelayanan"
	Akuntabel             CoreValue = "akuntabel"
	Kompeten              CoreValue = "kompeten"
	Harmonis              CoreValue = "harmonis"
	Loyal                 CoreValue = "loyal"
	Adaptif               CoreValue = "adaptif"
	Kolaboratif           CoreValue = "kolaboratif"
)

// CoreValueGuide is a core value with its name and the three panduan
// perilaku of SE MenPANRB 20/2021.
type CoreValueGuide struct {
	Value  CoreValue
	Name   string
	Guides [3]string
}

// CoreValues lists the seven values in their official order.
var CoreValues = []CoreValueGuide{
	{BerorientasiPelayanan, "Berorientasi Pelayanan", [3]string{
		"Memahami dan memenuhi kebutuhan masyarakat",
		"Ramah, cekatan, solutif, dan dapat diandalkan",
		"Melakukan perbaikan tiada henti"}},
	{Akuntabel, "Akuntabel", [3]string{
		"Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
		"Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
		"Tidak menyalahgunakan kewenangan jabatan"}},
	{Kompeten, "Kompeten", [3]string{
		"Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
		"Membantu orang lain belajar",
		"Melaksanakan tugas dengan kualitas terbaik"}},
	{Harmonis, "Harmonis", [3]string{
		"Menghargai setiap orang apapun latar belakangnya",
		"Suka menolong orang lain",
		"Membangun lingkungan kerja yang kondusif"}},
	{Loyal, "Loyal", [3]string{
		"Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
		"Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
		"Menjaga rahasia jabatan dan negara"}},
	{Adaptif, "Adaptif", [3]string{
		"Cepat menyesuaikan diri menghadapi perubahan",
		"Terus berinovasi dan mengembangkan kreativitas",
		"Bertindak proaktif"}},
	{Kolaboratif, "Kolaboratif", [3]string{
		"Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
		"Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
		"Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"}},
}

// Behaviour is a core value on an SKP with the supervisor's ekspektasi
// khusus pimpinan (special expectations).
type Behaviour struct {
	ID          string
	SKPID       string
	Value       CoreValue
	Guides      [3]string // copied from CoreValues when the SKP is made
	Expectation string
}

// SKPAction is a workflow step.
type SKPAction string

// SKP workflow actions.
const (
	ActSubmit  SKPAction = "submit"
	ActApprove SKPAction = "approve"
	ActReturn  SKPAction = "return"
	ActRevise  SKPAction = "revise" // start a change after approval: a new revision in draft
	ActClose   SKPAction = "close"  // a transfer ends the SKP
	// ActReopen puts back an SKP a mistaken end of employment closed, as
	// it was; it is not a workflow step anyone takes.
	ActReopen SKPAction = "reopen"
)

// skpMoves is the SKP state machine (domain section b1).
var skpMoves = map[SKPStatus]map[SKPAction]SKPStatus{
	SKPDraft:     {ActSubmit: SKPSubmitted, ActClose: SKPClosed},
	SKPSubmitted: {ActApprove: SKPApproved, ActReturn: SKPReturned, ActClose: SKPClosed},
	SKPReturned:  {ActSubmit: SKPSubmitted, ActClose: SKPClosed},
	SKPApproved:  {ActRevise: SKPDraft, ActClose: SKPClosed},
}

// NextSKPStatus returns the status an action leads to, or
// ErrInvalidTransition when the action is not allowed from status.
func NextSKPStatus(status SKPStatus, act SKPAction) (SKPStatus, error) {
	next, ok := skpMoves[status][act]
	if !ok {
		return status, fmt.Errorf("SKP %s cannot %s: %w", status, act, ErrInvalidTransition)
	}
	return next, nil
}

// SubmitProblems returns what keeps an SKP from being submitted, as field
// messages for the ASN; empty when it may go to the pejabat penilai. For a
// JA/JF SKP every RHK utama must support an RHK of the supervisor's
// approved SKP (supervisorApproved tells whether that SKP is approved).
func SubmitProblems(s SKP, supervisorApproved bool) *ValidationError {
	v := &ValidationError{}
	utama := 0
	for i, r := range s.RHK {
		field := fmt.Sprintf("rhk[%d]", i)
		if strings.TrimSpace(r.Description) == "" {
			v.Add(field, "invalid.skp.rhk.empty")
		}
		if len(r.Indicators) == 0 {
			v.Add(field, "invalid.skp.rhk.indicators", short(r.Description))
		}
		if r.Kind == RHKUtama {
			utama++
			if s.Format == FormatJAJF && r.ParentRHKID == "" && strings.TrimSpace(r.ParentText) == "" {
				v.Add(field, "invalid.skp.rhk.parent", short(r.Description))
			}
		}
		if s.Format == FormatJPT && strings.TrimSpace(r.PenugasanDari) == "" && r.Kind == RHKUtama {
			v.Add(field, "invalid.skp.rhk.penugasan", short(r.Description))
		}
	}
	if utama == 0 {
		v.Add("rhk", "invalid.skp.rhk.utama")
	}
	if s.Format == FormatJAJF && !supervisorApproved && hasParentRHK(s) {
		v.Add("rhk", "invalid.skp.supervisor.pending")
	}
	if len(s.Behaviours) != len(CoreValues) {
		v.Add("behaviours", "invalid.skp.behaviours")
	}
	if v.Err() == nil {
		return nil
	}
	return v
}

func hasParentRHK(s SKP) bool {
	for _, r := range s.RHK {
		if r.ParentRHKID != "" {
			return true
		}
	}
	return false
}

func short(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}

// Dialogue is a planning conversation recorded on an SKP.
type Dialogue struct {
	ID, SKPID, AuthorID string
	HeldOn              Date
	Notes, Expectations string
	CreatedAt           string
}
