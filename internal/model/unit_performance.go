package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Capaian kinerja organisasi is the first of the three steps of penilaian
// (SE MenPANRB 3/2023): per perangkat daerah (OPD) and period, the leader
// of the organisation above it sets how the OPD performed (Istimewa, Baik,
// Butuh Perbaikan, Kurang or Sangat Kurang) with its basis (the capaian of
// the Perjanjian Kinerja, a summary of the rencana aksi), considering the
// recommendations of the units that handle personnel (BKPSDM), planning
// (Bappeda) and oversight (the Inspektorat). It is recorded as the
// Penetapan Predikat Kinerja Organisasi; the pola distribusi of the OPD's
// employees and the OPD head's rating hasil kerja follow from it.

// UnitPerformance is the capaian kinerja organisasi of one OPD in one
// period.
type UnitPerformance struct {
	InstansiID string
	UnitID     string // the OPD
	PeriodID   string
	Capaian    Capaian
	Basis      string // the dasar: capaian PK, a summary of the rencana aksi
	SetBy      string // the employee who set it (the kepala daerah or the Sekda)
	SetByName  string // their full name, for display
	SetAt      time.Time
	Version    int // 1 once set, bumped by every change
	// Recommendations are those recorded for the OPD and period, oldest
	// first.
	Recommendations []UnitRecommendation
}

// UnitRecommendation is a recommendation on an OPD's capaian kinerja
// organisasi by one of the units the instansi names for it.
type UnitRecommendation struct {
	ID         string
	InstansiID string
	UnitID     string
	PeriodID   string
	Source     RecommendationSource
	Capaian    Capaian
	Note       string
	By         string // the user who recorded it
	ByName     string // their name, for display
	At         time.Time
	// OnBehalf is true when a BKPSDM administrator recorded it on behalf
	// of the body it comes from (the word arrived as a letter), Basis
	// saying on what: "Surat Inspektorat No. 700/123/2026 tanggal 5
	// November 2026". Basis is "" when the body recorded its own.
	OnBehalf bool
	Basis    string
	// SupersededBy is, for one recorded on behalf, the id of the body's
	// own recommendation recorded later on the same OPD and period, which
	// replaces it; "" while none has been (SupersedeOnBehalf fills it).
	SupersededBy string
}

// SupersedeOnBehalf marks each recommendation in recs (oldest first)
// recorded on a body's behalf that the body's own later recommendation on
// the same OPD and period replaces: both are kept, the first names the
// second.
func SupersedeOnBehalf(recs []UnitRecommendation) {
	for i := range recs {
		if !recs[i].OnBehalf {
			continue
		}
		recs[i].SupersededBy = ""
		for _, later := range recs[i+1:] {
			if !later.OnBehalf && later.Source == recs[i].Source && later.UnitID == recs[i].UnitID && later.PeriodID == recs[i].PeriodID {
				recs[i].SupersededBy = later.ID
				break
			}
		}
	}
}

// RecommendationSource is who a recommendation comes from.
type RecommendationSource string

// The three sources of recommendations (SE MenPANRB 3/2023: the units that
// handle personnel, planning and oversight).
const (
	SourceBKPSDM      RecommendationSource = "bkpsdm"
	SourceBappeda     RecommendationSource = "bappeda"
	SourceInspektorat RecommendationSource = "inspektorat"
)

// RecommendationSources lists the sources in the order pages show them.
var RecommendationSources = []RecommendationSource{SourceBKPSDM, SourceBappeda, SourceInspektorat}

// Valid reports whether s is one of the three sources.
func (s RecommendationSource) Valid() bool {
	return s == SourceBKPSDM || s == SourceBappeda || s == SourceInspektorat
}

// Label is the source's name as a message ("Bappeda").
func (s RecommendationSource) Label() Message {
	switch s {
	case SourceBKPSDM:
		return Msg("unitperf.source.bkpsdm")
	case SourceBappeda:
		return Msg("unitperf.source.bappeda")
	}
	return Msg("unitperf.source.inspektorat")
}

// The choices of who sets the capaian kinerja organisasi of an OPD
// (UnitPerformanceSettings.Setter): the head of the region by default, or
// the Sekda.
const (
	CapaianSetterKepalaDaerah = "kepala_daerah"
	CapaianSetterSekda        = "sekda"
)

// UnitPerformanceSettings are an instansi's settings for capaian kinerja
// organisasi: who sets it, and which units recommend as BKPSDM, Bappeda
// and the Inspektorat (their heads may recommend; "" when not named).
type UnitPerformanceSettings struct {
	Setter            string
	BKPSDMUnitID      string
	BappedaUnitID     string
	InspektoratUnitID string
}

// SourceUnit returns the unit the settings name for a source.
func (s UnitPerformanceSettings) SourceUnit(src RecommendationSource) string {
	switch src {
	case SourceBKPSDM:
		return s.BKPSDMUnitID
	case SourceBappeda:
		return s.BappedaUnitID
	case SourceInspektorat:
		return s.InspektoratUnitID
	}
	return ""
}

// Limits of the texts of capaian kinerja organisasi, in characters.
const (
	UnitPerformanceBasisMax   = 2000
	UnitRecommendationNoteMax = 2000
	// UnitRecommendationBasisMax bounds the basis of a recommendation
	// recorded on a body's behalf: a letter's number, date and subject.
	UnitRecommendationBasisMax = 500
)

// ValidateUnitPerformance checks what a setter sends: one of the five
// levels and a basis of at most UnitPerformanceBasisMax characters. The
// basis is trimmed.
func ValidateUnitPerformance(p *UnitPerformance) error {
	var v ValidationError
	p.Basis = strings.TrimSpace(p.Basis)
	if !p.Capaian.Valid() {
		v.Add("capaian", "invalid.unitperf.capaian")
	}
	switch n := utf8.RuneCountInString(p.Basis); {
	case n == 0:
		v.Add("basis", "invalid.unitperf.basis.required")
	case n > UnitPerformanceBasisMax:
		v.Add("basis", "invalid.unitperf.basis.long", UnitPerformanceBasisMax)
	}
	return v.Err()
}

// ValidateUnitRecommendation checks a recommendation: a source, one of the
// five levels and a note of at most UnitRecommendationNoteMax characters
// (trimmed; it may be empty). One recorded on a body's behalf needs its
// basis (trimmed, at most UnitRecommendationBasisMax characters); a body's
// own takes none.
func ValidateUnitRecommendation(r *UnitRecommendation) error {
	var v ValidationError
	r.Note, r.Basis = strings.TrimSpace(r.Note), strings.TrimSpace(r.Basis)
	switch n := utf8.RuneCountInString(r.Basis); {
	case r.OnBehalf && n == 0:
		v.Add("basis", "invalid.unitperf.onbehalf.basis.required")
	case r.OnBehalf && n > UnitRecommendationBasisMax:
		v.Add("basis", "invalid.unitperf.onbehalf.basis.long", UnitRecommendationBasisMax)
	case !r.OnBehalf && n > 0:
		v.Add("basis", "invalid.unitperf.onbehalf.basis.own")
	}
	if !r.Source.Valid() {
		v.Add("source", "invalid.unitperf.source")
	}
	if !r.Capaian.Valid() {
		v.Add("capaian", "invalid.unitperf.capaian")
	}
	if utf8.RuneCountInString(r.Note) > UnitRecommendationNoteMax {
		v.Add("note", "invalid.unitperf.note.long", UnitRecommendationNoteMax)
	}
	return v.Err()
}
