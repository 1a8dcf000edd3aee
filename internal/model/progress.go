package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ProgressStatus is where a daily progress entry is in its review.
type ProgressStatus string

// Progress statuses: an entry is sent to the supervisor when saved, who
// approves it or returns it with a note; a returned entry is fixed and sent
// again.
const (
	ProgressSubmitted ProgressStatus = "submitted"
	ProgressApproved  ProgressStatus = "approved"
	ProgressReturned  ProgressStatus = "returned"
)

// Progress is one entry of progres harian: what an ASN did on a working
// day, for which RHK (or other duties when RHKID is empty), how much and
// for how long.
type Progress struct {
	ID           string
	InstansiID   string
	EmployeeID   string
	RaterID      string // the pejabat penilai when it was sent
	SKPID        string
	RHKID        string // empty: other duties (tugas lain)
	WorkDate     Date
	Description  string
	OutputAmount int64 // in hundredths: 150 is 1,5
	OutputUnit   string
	Minutes      int
	Status       ProgressStatus
	Late         bool // sent after the next working day ended
	ReviewNote   string
	ReviewedBy   string
	ReviewedAt   time.Time
	SubmittedAt  time.Time
	Version      int
	CreatedAt    time.Time
}

// Output is the amount and unit as people write it: "1,5 jam", "3 dokumen".
// An output written without a number ("draf SOP") is shown as written.
func (p Progress) Output() string {
	if p.OutputAmount == 0 {
		return p.OutputUnit
	}
	return strings.TrimSpace(FormatAmount(p.OutputAmount) + " " + p.OutputUnit)
}

// FormatAmount writes hundredths with a decimal comma and no trailing
// zeros: 150 → "1,5", 300 → "3".
func FormatAmount(h int64) string {
	sign := ""
	if h < 0 {
		sign, h = "-", -h
	}
	s := strconv.FormatInt(h/100, 10)
	if frac := h % 100; frac != 0 {
		f := fmt.Sprintf("%02d", frac)
		s += "," + strings.TrimRight(f, "0")
	}
	return sign + s
}

// ParseAmount reads an amount written with a decimal comma or point, to
// hundredths: "1,5" → 150. Thousands separators are not accepted.
func ParseAmount(s string) (int64, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	if s == "" {
		return 0, nil
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 || whole == "" && frac == "" {
		return 0, fmt.Errorf("amount %q: at most two decimals", s)
	}
	w, err := strconv.ParseInt(whole+"0", 10, 64) // "" → 0
	if err != nil || w < 0 || w > 1e10 {
		return 0, fmt.Errorf("amount %q: not a number", s)
	}
	w /= 10
	f := int64(0)
	if frac != "" {
		for len(frac) < 2 {
			frac += "0"
		}
		if f, err = strconv.ParseInt(frac, 10, 64); err != nil || f < 0 {
			return 0, fmt.Errorf("amount %q: not a number", s)
		}
	}
	return w*100 + f, nil
}

// SplitOutput reads an output as people type it, "3 dokumen" or "1,5 jam",
// into an amount in hundredths and a unit. Text without a leading number is
// all unit with amount 0.
func SplitOutput(s string) (int64, string, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == ',' || r == '.') })
	if i < 0 {
		i = len(s)
	}
	if i == 0 {
		return 0, s, nil
	}
	n, err := ParseAmount(s[:i])
	return n, strings.TrimSpace(s[i:]), err
}

// IsWorkday reports whether d is a working day in a unit that works
// workDays days a week (5: Monday to Friday; 6: Monday to Saturday).
func IsWorkday(d time.Time, workDays int) bool {
	switch d.Weekday() {
	case time.Sunday:
		return false
	case time.Saturday:
		return workDays == 6
	}
	return true
}

// ReportDeadline is the end of the working day after work on the
// instansi's clock (zone): an entry sent later is late.
func ReportDeadline(work Date, workDays int, zone TimeZone) time.Time {
	d := work.Time()
	next := d.AddDate(0, 0, 1)
	for !IsWorkday(next, workDays) {
		next = next.AddDate(0, 0, 1)
	}
	return zone.EndOfDay(Date(next.Format(time.DateOnly)))
}

// ProgressLate reports whether an entry for work sent at sent is late on
// the instansi's clock (zone).
func ProgressLate(work Date, sent time.Time, workDays int, zone TimeZone) bool {
	return sent.After(ReportDeadline(work, workDays, zone))
}

// ProgressDayRefused is why no progress may be recorded on day, a valid
// date, when its author's date is today: a day still to come, or one more
// than two months back. Its Key is "" when the day takes entries (as far
// as dates go: its period may still refuse them).
func ProgressDayRefused(day, today Date) Message {
	switch {
	case day > today:
		return Msg("invalid.progress.date.future")
	case day.Time().Before(today.Time().AddDate(0, 0, -62)):
		return Msg("invalid.progress.date.old")
	}
	return Message{}
}

// MaxDayMinutes is the most time one entry may hold, and the most all the
// entries of one person on one day may hold together: 24 hours.
const MaxDayMinutes = 24 * 60

// Validate checks an entry as its author sends it; today is the author's
// date (an entry for a day still to come is refused).
func (p Progress) Validate(today Date) error {
	var v ValidationError
	if _, err := time.Parse(time.DateOnly, string(p.WorkDate)); err != nil {
		v.Add("date", "invalid.date.format")
	} else if m := ProgressDayRefused(p.WorkDate, today); m.Key != "" {
		v.Add("date", m.Key)
	}
	if d := strings.TrimSpace(p.Description); d == "" || len(d) > 2000 {
		v.Add("description", "invalid.progress.description.required")
	}
	if p.Minutes <= 0 || p.Minutes > MaxDayMinutes {
		v.Add("minutes", "invalid.progress.minutes.range")
	}
	if p.OutputAmount < 0 {
		v.Add("output", "invalid.progress.output.negative")
	}
	if len(p.OutputUnit) > 100 {
		v.Add("output", "invalid.progress.output.unit")
	}
	v.CheckText("description", p.Description, true)
	v.CheckText("output", p.OutputUnit, false)
	return v.Err()
}

// ProgressTotals sums, per RHK, the approved and waiting output and the
// number of entries of some RHK between two dates.
type ProgressTotal struct {
	RHKID   string
	Entries int
	Minutes int
	Output  int64 // hundredths, approved and waiting
}
