package model

import (
	"fmt"
	"time"
)

// PeriodKind is the granularity of an evaluation period.
type PeriodKind string

// Period kinds: a year has monthly or quarterly periodic evaluations and one
// annual evaluation (domain decision 4).
const (
	PeriodMonthly   PeriodKind = "monthly"
	PeriodQuarterly PeriodKind = "quarterly"
	PeriodAnnual    PeriodKind = "annual"
)

// PeriodStatus is where a period is in its life.
type PeriodStatus string

// Period statuses: a period is open for reports, closed after its deadline
// (assessment goes on), and locked once assessed; only an audited unlock by
// an administrator reopens a locked period.
const (
	PeriodDraft  PeriodStatus = "draft"
	PeriodOpen   PeriodStatus = "open"
	PeriodClosed PeriodStatus = "closed"
	PeriodLocked PeriodStatus = "locked"
)

// Valid reports whether s is one of the period statuses.
func (s PeriodStatus) Valid() bool {
	switch s {
	case PeriodDraft, PeriodOpen, PeriodClosed, PeriodLocked:
		return true
	}
	return false
}

// Period is one evaluation period of a performance year.
type Period struct {
	ID             string
	InstansiID     string
	Year           int
	Kind           PeriodKind
	Number         int // 1..12, 1..4, or 1 for the annual evaluation
	Start, End     Date
	ReportDeadline Date // realisasi and evidence are due by this date
	Status         PeriodStatus
}

// Name is the period's name in Bahasa Indonesia: "Januari 2027",
// "Triwulan II 2027", "Tahunan 2027".
func (p Period) Name() string {
	switch p.Kind {
	case PeriodMonthly:
		return fmt.Sprintf("%s %d", MonthNames[p.Number-1], p.Year)
	case PeriodQuarterly:
		return fmt.Sprintf("Triwulan %s %d", []string{"I", "II", "III", "IV"}[p.Number-1], p.Year)
	}
	return fmt.Sprintf("Tahunan %d", p.Year)
}

// Label is the period's name as a message, rendered in the reader's
// language where it is shown: "Januari 2027" / "January 2027",
// "Triwulan II 2027" / "Quarter II 2027", "Tahunan 2027" / "Annual 2027".
func (p Period) Label() Message {
	switch p.Kind {
	case PeriodMonthly:
		return Msg("period.name.month", Msg(fmt.Sprintf("month.%d", p.Number)), p.Year)
	case PeriodQuarterly:
		return Msg("period.name.quarter", []string{"I", "II", "III", "IV"}[p.Number-1], p.Year)
	}
	return Msg("period.name.annual", p.Year)
}

// MonthNames are the months in Bahasa Indonesia.
var MonthNames = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// DefaultReportDays is how many days after a period ends its reports are due.
const DefaultReportDays = 5

// The ranges of the numbers of a performance year: a year people name
// (FirstYear to LastYear), a year that may be opened with its periods
// (from FirstOpenYear, the first under PermenPANRB 6/2022), and the days
// its reports may be due after a period ends.
const (
	FirstYear     = 2000
	FirstOpenYear = 2022
	LastYear      = 2100
	MaxReportDays = 60
)

// GeneratePeriods returns the periodic evaluations of a year (monthly or
// quarterly) followed by the annual one, each due reportDays after it ends.
// The annual evaluation is due at the end of January of the next year.
func GeneratePeriods(year int, kind PeriodKind, reportDays int) ([]Period, error) {
	if year < FirstOpenYear || year > LastYear {
		return nil, Msg("invalid.year.range", year)
	}
	if reportDays < 0 || reportDays > MaxReportDays {
		return nil, Msg("invalid.year.reportdays", reportDays)
	}
	months := 0
	switch kind {
	case PeriodMonthly:
		months = 1
	case PeriodQuarterly:
		months = 3
	default:
		return nil, Msg("invalid.year.kind", kind)
	}
	var out []Period
	for i := 0; i < 12/months; i++ {
		start := time.Date(year, time.Month(1+i*months), 1, 0, 0, 0, 0, time.UTC)
		end := start.AddDate(0, months, -1)
		out = append(out, Period{Year: year, Kind: kind, Number: i + 1,
			Start: Date(start.Format(time.DateOnly)), End: Date(end.Format(time.DateOnly)),
			ReportDeadline: Date(end.AddDate(0, 0, reportDays).Format(time.DateOnly)), Status: PeriodDraft})
	}
	out = append(out, Period{Year: year, Kind: PeriodAnnual, Number: 1,
		Start: Date(fmt.Sprintf("%d-01-01", year)), End: Date(fmt.Sprintf("%d-12-31", year)),
		ReportDeadline: Date(fmt.Sprintf("%d-01-31", year+1)), Status: PeriodDraft})
	return out, nil
}

// ValidatePeriod checks an adjusted period: its dates and its status.
func ValidatePeriod(p Period) error {
	var v ValidationError
	if !p.Status.Valid() {
		v.Add("status", "invalid.period.status")
	}
	if _, err := ParseDate(string(p.Start)); err != nil {
		v.AddErr("start", err)
	}
	if _, err := ParseDate(string(p.End)); err != nil {
		v.AddErr("end", err)
	}
	if _, err := ParseDate(string(p.ReportDeadline)); err != nil {
		v.AddErr("report_deadline", err)
	}
	if v.Err() == nil {
		if p.End < p.Start {
			v.Add("end", "invalid.period.end.before")
		}
		if p.ReportDeadline < p.End {
			v.Add("report_deadline", "invalid.period.deadline.before")
		}
	}
	return v.Err()
}

// CheckPeriodInYear checks p's dates against the other periods of its
// year: a period lies within its year (1 January to 31 December), and
// periods of one kind never share a day (a day belongs to one month or
// one quarter, whose status then decides what may be written on it). The
// error names the period overlapped. A gap between two periods is left
// to the administrator who moves their dates one at a time.
func CheckPeriodInYear(p Period, year []Period) error {
	first, last := Date(fmt.Sprintf("%04d-01-01", p.Year)), Date(fmt.Sprintf("%04d-12-31", p.Year))
	var v ValidationError
	if p.Start < first || p.Start > last {
		v.Add("start", "invalid.period.year", p.Year, first, last)
	}
	if p.End < first || p.End > last {
		v.Add("end", "invalid.period.year", p.Year, first, last)
	}
	if err := v.Err(); err != nil {
		return err
	}
	for _, q := range year {
		if q.ID == p.ID || q.Kind != p.Kind || q.End < p.Start || p.End < q.Start {
			continue
		}
		field := "end"
		if q.Start <= p.Start {
			field = "start"
		}
		return Invalid(field, "invalid.period.overlap", q.Label(), q.Start, q.End)
	}
	return nil
}

// periodMoves lists the allowed period status changes. Unlocking a locked
// period (locked → closed) is allowed but must be audited with a reason.
var periodMoves = map[PeriodStatus][]PeriodStatus{
	PeriodDraft:  {PeriodOpen},
	PeriodOpen:   {PeriodClosed},
	PeriodClosed: {PeriodOpen, PeriodLocked},
	PeriodLocked: {PeriodClosed},
}

// CanMovePeriod reports whether a period may go from one status to another.
func CanMovePeriod(from, to PeriodStatus) bool {
	for _, s := range periodMoves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// ReportsClosedBy returns the period that refuses reports (daily progress,
// realisasi, the evidence on them) dated on day, of the year's periods
// given: of those covering the day, a locked one (assessed) before a
// closed one (past its report deadline). ok is false when none covering
// the day is closed or locked: an open period, one not opened yet
// (draft), or none at all (a year not opened) does not refuse them.
func ReportsClosedBy(periods []Period, day Date) (Period, bool) {
	var closed *Period
	for i, p := range periods {
		if p.Start > day || day > p.End {
			continue
		}
		switch p.Status {
		case PeriodLocked:
			return p, true
		case PeriodClosed:
			if closed == nil {
				closed = &periods[i]
			}
		}
	}
	if closed == nil {
		return Period{}, false
	}
	return *closed, true
}

// ReportsRefused is the message that refuses a report in p, a closed or
// locked period: it names the period and why (closed after its report
// deadline, locked after assessment).
func ReportsRefused(p Period) Message {
	if p.Status == PeriodLocked {
		return Msg("invalid.report.period.locked", p.Label())
	}
	return Msg("invalid.report.period.closed", p.Label(), DateLabel(p.ReportDeadline))
}

// DateLabel is a date as a message, rendered in the reader's language:
// "5 Februari 2027" / "5 February 2027". A date that does not parse is
// given as it is.
func DateLabel(d Date) any {
	t, err := time.Parse(time.DateOnly, string(d))
	if err != nil {
		return string(d)
	}
	return Msg("date.long", t.Day(), Msg(fmt.Sprintf("month.%d", int(t.Month()))), t.Year())
}

// PeriodOn is the periodic (not annual) period among periods that a page
// opens on when none is asked for: the one holding day, else the latest
// that began before it, else the earliest. The day is today for what is in
// force, clamped to [from, to] (an SKP's term: a closed SKP opens on the
// last period it was in force, one not begun yet on its first). ok is
// false when periods holds no periodic period.
func PeriodOn(periods []Period, today, from, to Date) (Period, bool) {
	day := today
	if to != "" && day > to {
		day = to
	}
	if from != "" && day < from {
		day = from
	}
	// better: begun before day over not begun; among begun, the latest;
	// among not begun, the earliest.
	better := func(p, q Period) bool {
		if (p.Start <= day) != (q.Start <= day) {
			return p.Start <= day
		}
		if p.Start <= day {
			return p.Start > q.Start
		}
		return p.Start < q.Start
	}
	var pick *Period
	for i, p := range periods {
		switch {
		case p.Kind == PeriodAnnual:
		case p.Start <= day && day <= p.End:
			return p, true
		case pick == nil || better(p, *pick):
			pick = &periods[i]
		}
	}
	if pick == nil {
		return Period{}, false
	}
	return *pick, true
}
