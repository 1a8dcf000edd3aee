package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// canSeeWorkOf reports whether actor may see the work records (SKP,
// progress, realisasi, evidence, feedback) of an employee: the employee,
// anyone above them in their line, and administrators within their scope.
// Others are told it does not exist.
func (a *App) canSeeWorkOf(ctx context.Context, actor model.Actor, instansiID, employeeID string) error {
	hidden := fmt.Errorf("work of %s: %w", employeeID, model.ErrNotFound)
	if instansiID != actor.InstansiID {
		return hidden
	}
	if actor.EmployeeID != "" && actor.EmployeeID == employeeID {
		return nil
	}
	e, err := a.store.Employee(ctx, employeeID)
	if err != nil {
		return hidden
	}
	chart, err := a.OrgChart(ctx, instansiID)
	if err != nil {
		return err
	}
	t, err := a.employeeTarget(ctx, actor, chart, e)
	if err != nil {
		return err
	}
	if authz.Can(actor, authz.ReadSKP, t) {
		return nil
	}
	// Whoever rated someone who left keeps reading the work they rated.
	if former, err := a.formerRater(ctx, actor, e); err != nil || former {
		return err
	}
	return hidden
}

// WorkRHK returns the RHK an employee can report progress against on a
// date: the SKP of that date with the RHK of its approved revision in
// force on it (the last approved revision while a new one is drafted).
// The SKP has no RHK offered while no revision of it was ever approved,
// and its ID is "" when there is no SKP for the date at all.
// checkProgressRHK accepts the same RHK.
func (a *App) WorkRHK(ctx context.Context, actor model.Actor, date model.Date) (model.SKP, error) {
	f, err := a.workSKP(ctx, actor, date)
	s := f.withRHKInForce()
	s.RHK = f.progressRHK()
	return s, err
}

// workSKP is the actor's SKP in force on a date (none when f.SKP.ID is "").
func (a *App) workSKP(ctx context.Context, actor model.Actor, date model.Date) (skpInForce, error) {
	e, err := a.store.Employee(ctx, actor.EmployeeID)
	if err != nil {
		return skpInForce{}, err
	}
	f, _, err := a.skpInForceOn(ctx, e.InstansiID, e.ID, date)
	return f, err
}

// SubmitProgress records the actor's own progress entry for a working day
// and sends it to their pejabat penilai, who sees it at once.
//
// Evidence files already stored (StoreUpload) are attached in the same
// transaction.
func (a *App) SubmitProgress(ctx context.Context, actor model.Actor, p model.Progress, uploads ...Upload) (model.Progress, error) {
	if actor.EmployeeID == "" {
		return p, forbidden("record progress without an employee record")
	}
	e, err := a.prepareEntry(ctx, actor, &p, "")
	if err != nil {
		return p, err
	}
	chart, err := a.OrgChart(ctx, e.InstansiID)
	if err != nil {
		return p, err
	}
	p.InstansiID, p.EmployeeID, p.RaterID = e.InstansiID, e.ID, chart.Rater(e.ID)
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := checkDayTotal(ctx, tx, p); err != nil {
			return err
		}
		var err error
		if p, err = tx.CreateProgress(ctx, p); err != nil {
			return err
		}
		t := workTarget{InstansiID: p.InstansiID, OwnerID: p.EmployeeID}
		if _, err := attach(ctx, tx, actor, t, TargetProgress, p.ID, uploads); err != nil {
			return err
		}
		return a.progressSent(ctx, tx, e, p)
	})
	return p, err
}

// prepareEntry checks an entry its author sends (its text, its date and
// the period of that date, the RHK it serves) and sets what follows from
// them: the SKP in force and whether it is late by the unit's working
// week. returned is the date of the returned entry being fixed ("" for a
// new one), for the rule of the year (mayReportOn).
func (a *App) prepareEntry(ctx context.Context, actor model.Actor, p *model.Progress, returned model.Date) (model.Employee, error) {
	e, err := a.store.Employee(ctx, actor.EmployeeID)
	if err != nil {
		return e, err
	}
	p.Description, p.OutputUnit = strings.TrimSpace(p.Description), strings.TrimSpace(p.OutputUnit)
	if err := p.Validate(a.Today(ctx, actor.InstansiID)); err != nil {
		return e, err
	}
	if err := a.mayReportOn(ctx, e.InstansiID, "date", p.WorkDate, returned); err != nil {
		return e, err
	}
	if err := a.checkProgressRHK(ctx, e, p); err != nil {
		return e, err
	}
	p.Late = model.ProgressLate(p.WorkDate, a.Now(), a.workDays(ctx, e), a.TimeZone(ctx, e.InstansiID))
	return e, nil
}

// CheckProgress gives every field's error of an entry as its author typed
// it at once: parsed is what reading the typed fields gave (a
// ValidationError naming the fields that did not parse, such as the time
// spent or the output), and the fields that did parse are checked by the
// rules SubmitProgress applies, so a wrong time does not hide a date to
// come or an empty description. A field keeps its parse error. Any other
// error in parsed is returned as it is; nil when the entry is valid.
func (a *App) CheckProgress(ctx context.Context, actor model.Actor, p model.Progress, parsed error) error {
	var v model.ValidationError
	if parsed != nil {
		pv, ok := parsed.(*model.ValidationError)
		if !ok {
			return parsed
		}
		v.Merge(pv)
	}
	if err := p.Validate(a.Today(ctx, actor.InstansiID)); err != nil {
		pv, ok := err.(*model.ValidationError)
		if !ok {
			return err
		}
		v.Merge(pv) // a field that did not parse keeps its parse error

	}
	return v.Err()
}

// progressSent tells the pejabat penilai an entry waits for them.
func (a *App) progressSent(ctx context.Context, tx *store.Tx, e model.Employee, p model.Progress) error {
	if p.RaterID == "" {
		return nil
	}
	if err := tx.Emit(ctx, p.RaterID, "progress.submitted", progressEvent(e, p)); err != nil {
		return err
	}
	return tx.Notify(ctx, model.Notification{InstansiID: p.InstansiID, EmployeeID: p.RaterID, Kind: "progress.submitted",
		Args: []string{e.FullName(), string(p.WorkDate), short(p.Description, 140)}, Link: "/meja#progress-" + p.ID})
}

func progressEvent(e model.Employee, p model.Progress) map[string]any {
	return map[string]any{"id": p.ID, "employee_id": p.EmployeeID, "employee_name": e.FullName(), "date": p.WorkDate,
		"description": p.Description, "output": p.Output(), "minutes": p.Minutes, "status": p.Status, "late": p.Late,
		"rhk_id": p.RHKID, "version": p.Version, "review_note": p.ReviewNote}
}

func short(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// workDays is the working week of an employee's unit (5 when unknown).
func (a *App) workDays(ctx context.Context, e model.Employee) int {
	if e.UnitID != "" {
		if u, err := a.store.Unit(ctx, e.UnitID); err == nil && u.WorkDays == 6 {
			return 6
		}
	}
	return 5
}

// checkProgressRHK checks the RHK an entry serves is one WorkRHK offers
// for its date: of the approved revision in force of the SKP of that date
// (see skpInForceOn), never of an SKP not approved yet. It records that
// SKP.
func (a *App) checkProgressRHK(ctx context.Context, e model.Employee, p *model.Progress) error {
	f, ok, err := a.skpInForceOn(ctx, e.InstansiID, e.ID, p.WorkDate)
	if err != nil {
		return err
	}
	p.SKPID = ""
	if ok {
		p.SKPID = f.SKP.ID
	}
	if p.RHKID == "" || slices.ContainsFunc(f.progressRHK(), func(r model.RHK) bool { return r.ID == p.RHKID }) {
		return nil
	}
	if !f.Approved && f.hasRHK(p.RHKID) {
		return model.Invalid("rhk_id", "invalid.progress.rhk.unapproved")
	}
	return model.Invalid("rhk_id", "invalid.progress.rhk.foreign")
}

// checkDayTotal refuses an entry that would bring its author's time on
// its day above 24 hours, counting every other entry of that day whatever
// its status (a returned one still holds its time until it is fixed). It
// runs in the transaction that writes the entry: the store holds the
// author's record until the commit, so two entries sent at once cannot
// both pass. The message says how much the day already holds.
func checkDayTotal(ctx context.Context, tx *store.Tx, p model.Progress) error {
	recorded, err := tx.DayMinutes(ctx, p.EmployeeID, p.WorkDate, p.ID)
	if err != nil {
		return err
	}
	if recorded+p.Minutes > model.MaxDayMinutes {
		return model.Invalid("minutes", "invalid.progress.minutes.day", string(p.WorkDate), recorded/60, recorded%60)
	}
	return nil
}

// ResubmitProgress lets the author fix a returned entry and send it again.
// parsed is what reading the request's fields found wrong (see
// CheckProgress): the fix is judged only once the actor may make it, so
// that a 422 never tells someone else the entry exists.
func (a *App) ResubmitProgress(ctx context.Context, actor model.Actor, version int, p model.Progress, parsed error) (model.Progress, error) {
	cur, err := a.ProgressEntry(ctx, actor, p.ID)
	if err != nil {
		return p, err
	}
	if err := mayResubmit(actor, cur); err != nil {
		return p, err
	}
	if err := a.CheckProgress(ctx, actor, p, parsed); err != nil {
		return p, err
	}
	// The entry as it was may not be in a locked period: fixing it would
	// change an assessed period, wherever the fix moves it.
	if err := a.mayReportOn(ctx, cur.InstansiID, "date", cur.WorkDate, cur.WorkDate); err != nil {
		return p, err
	}
	e, err := a.prepareEntry(ctx, actor, &p, cur.WorkDate)
	if err != nil {
		return p, err
	}
	p.EmployeeID = cur.EmployeeID
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := checkDayTotal(ctx, tx, p); err != nil {
			return err
		}
		var err error
		if p, err = tx.ResubmitProgress(ctx, version, p); err != nil {
			return err
		}
		return a.progressSent(ctx, tx, e, p)
	})
	return p, err
}

// ProgressEntry returns one entry to those who may see its author's work.
func (a *App) ProgressEntry(ctx context.Context, actor model.Actor, id string) (model.Progress, error) {
	p, err := a.store.Progress(ctx, id)
	if err != nil {
		return p, err
	}
	if err := a.canSeeWorkOf(ctx, actor, p.InstansiID, p.EmployeeID); err != nil {
		// The rater of the entry's date of someone who left reviews it.
		chart, cerr := a.reviewChart(ctx, p)
		if cerr != nil {
			return model.Progress{}, cerr
		}
		if actor.EmployeeID == "" || actor.InstansiID != p.InstansiID || !chart.InLine(actor.EmployeeID, p.EmployeeID) {
			return model.Progress{}, fmt.Errorf("progress %s: %w", id, model.ErrNotFound)
		}
	}
	return p, nil
}

// ReviewProgress approves an entry or returns it with a note. Only the
// author's pejabat penilai (or someone above them in the line) may, never
// the author.
func (a *App) ReviewProgress(ctx context.Context, actor model.Actor, id string, version int, approve bool, note string) (model.Progress, error) {
	p, err := a.ProgressEntry(ctx, actor, id)
	if err != nil {
		return p, err
	}
	chart, err := a.reviewChart(ctx, p)
	if err != nil {
		return p, err
	}
	// Who may review comes first; then a version the entry has moved past
	// is a stale read, whatever its status became.
	if err := mayReview(actor, chart, p); errors.Is(err, model.ErrForbidden) {
		return p, err
	} else if p.Version != version {
		return p, fmt.Errorf("progress %s changed since version %d: %w", p.ID, version, model.ErrStale)
	} else if err != nil {
		return p, err
	}
	if err := a.mayReviewOn(ctx, p); err != nil {
		return p, err
	}
	note = strings.TrimSpace(note)
	status := model.ProgressApproved
	if !approve {
		status = model.ProgressReturned
		if note == "" {
			return p, model.Invalid("note", "invalid.review.note.required")
		}
	}
	if len(note) > 2000 {
		return p, model.Invalid("note", "invalid.progress.note.long")
	}
	e, err := a.store.Employee(ctx, p.EmployeeID)
	if err != nil {
		return p, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if p, err = tx.ReviewProgress(ctx, id, version, status, note, actor.EmployeeID); err != nil {
			return err
		}
		if err := tx.Emit(ctx, p.EmployeeID, "progress.reviewed", progressEvent(e, p)); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: p.InstansiID, EmployeeID: p.EmployeeID, Kind: "progress." + string(status),
			Args: []string{string(p.WorkDate), note}, Link: "/progres?tanggal=" + string(p.WorkDate) + "#progress-" + p.ID})
	})
	return p, err
}

// mayResubmit is the rule for fixing an entry: only its author, and only
// once it was returned. ResubmitProgress enforces it; ProgressRights.Edit
// shows it.
func mayResubmit(actor model.Actor, p model.Progress) error {
	if actor.EmployeeID == "" || p.EmployeeID != actor.EmployeeID {
		return forbidden("change another employee's progress")
	}
	if p.Status != model.ProgressReturned {
		return model.Refused("conflict.progress.notreturned", model.DateLabel(p.WorkDate))
	}
	return nil
}

// mayReview is the rule for approving or returning an entry: it waits, and
// the actor is the author's pejabat penilai today or above them in the
// line, never the author. Who rated the author when the entry was sent
// does not count: a head transferred away reviews nothing of the post
// they left, and their Plt reviews what waits. For an author whose
// employment ended, chart is that of the entry's date (reviewers), so
// what they left waiting is reviewed by whoever rated it. ReviewProgress
// enforces it; ProgressRights.Approve and Return show it.
func mayReview(actor model.Actor, chart *model.OrgChart, p model.Progress) error {
	if actor.EmployeeID == "" || actor.EmployeeID == p.EmployeeID {
		return forbidden("review one's own progress")
	}
	if !chart.InLine(actor.EmployeeID, p.EmployeeID) {
		return forbidden("review progress outside one's line")
	}
	if p.Status != model.ProgressSubmitted {
		return fmt.Errorf("progress %s is %s, not waiting: %w", p.ID, p.Status, model.ErrConflict)
	}
	return nil
}

// ApproveProgress approves several waiting entries at once (the desk's
// "approve selected"); entries already reviewed or not the actor's to
// review are skipped and counted out.
func (a *App) ApproveProgress(ctx context.Context, actor model.Actor, ids []string) (approved int, err error) {
	for _, id := range ids {
		p, err := a.ProgressEntry(ctx, actor, id)
		if err != nil {
			continue
		}
		chart, err := a.reviewChart(ctx, p)
		if err != nil {
			return approved, err
		}
		if mayReview(actor, chart, p) != nil {
			continue
		}
		if _, err := a.ReviewProgress(ctx, actor, id, p.Version, true, ""); err != nil {
			var locked *model.ValidationError // an entry of a locked period
			if errors.Is(err, model.ErrConflict) || errors.As(err, &locked) {
				continue
			}
			return approved, err
		}
		approved++
	}
	return approved, nil
}

// ProgressQuery selects the progress an actor asks for.
type ProgressQuery struct {
	EmployeeID string // one person; empty: the actor's own
	Team       bool   // the actor's team (people they rate) instead
	Status     model.ProgressStatus
	From, To   model.Date
	RHKID      string
	Cursor     string
	Limit      int
}

// ProgressList returns progress entries the actor may see, newest first.
func (a *App) ProgressList(ctx context.Context, actor model.Actor, q ProgressQuery) ([]model.Progress, error) {
	f, ok, err := a.progressFilter(ctx, actor, q)
	if err != nil || !ok {
		return nil, err
	}
	return a.store.ProgressList(ctx, f)
}

// allProgress reads every entry a query selects, page after page, newest
// first: for lists a page shows whole (a day, a week, the entries returned
// for a fix), which must not stop at one page.
func (a *App) allProgress(ctx context.Context, actor model.Actor, q ProgressQuery) ([]model.Progress, error) {
	f, ok, err := a.progressFilter(ctx, actor, q)
	if err != nil || !ok {
		return nil, err
	}
	return a.storeProgressAll(ctx, f)
}

// storeProgressAll reads every entry of a filter the caller has checked,
// a page at a time.
func (a *App) storeProgressAll(ctx context.Context, f store.ProgressFilter) ([]model.Progress, error) {
	var out []model.Progress
	f.Cursor = ""
	for {
		f.Limit = 201
		page, err := a.store.ProgressList(ctx, f)
		if err != nil {
			return nil, err
		}
		if len(page) <= 200 {
			return append(out, page...), nil
		}
		out = append(out, page[:200]...)
		f.Cursor = page[199].ID
	}
}

// ProgressCount counts every entry a query selects, on however many pages
// (its cursor and limit do not count): the number a badge shows.
func (a *App) ProgressCount(ctx context.Context, actor model.Actor, q ProgressQuery) (int, error) {
	f, ok, err := a.progressFilter(ctx, actor, q)
	if err != nil || !ok {
		return 0, err
	}
	return a.store.CountProgress(ctx, f)
}

// progressFilter checks that the actor may see the progress a query asks
// for and turns it into the store's filter; ok is false when it selects
// nobody.
func (a *App) progressFilter(ctx context.Context, actor model.Actor, q ProgressQuery) (store.ProgressFilter, bool, error) {
	f := store.ProgressFilter{InstansiID: actor.InstansiID, Status: q.Status, From: q.From, To: q.To, Cursor: q.Cursor, Limit: q.Limit}
	switch {
	case q.Team:
		if actor.EmployeeID == "" {
			return f, false, nil
		}
		chart, err := a.OrgChart(ctx, actor.InstansiID)
		if err != nil {
			return f, false, err
		}
		f.EmployeeIDs = append([]string{}, chart.Team(actor.EmployeeID)...)
		// and whoever left with entries waiting for them (formerTeam)
		former, err := a.formerTeam(ctx, actor)
		if err != nil {
			return f, false, err
		}
		for _, e := range former {
			f.EmployeeIDs = append(f.EmployeeIDs, e.ID)
		}
	case q.EmployeeID != "" && q.EmployeeID != actor.EmployeeID:
		if err := a.canSeeWorkOf(ctx, actor, actor.InstansiID, q.EmployeeID); err != nil {
			return f, false, err
		}
		f.EmployeeIDs = []string{q.EmployeeID}
	default:
		if actor.EmployeeID == "" {
			return f, false, model.Invalid("employee", "invalid.field.employee.pick")
		}
		f.EmployeeIDs = []string{actor.EmployeeID}
	}
	if q.RHKID != "" {
		f.RHKIDs = []string{q.RHKID}
	}
	for _, d := range []model.Date{q.From, q.To} {
		if _, err := model.ParseDate(string(d)); d != "" && err != nil {
			return f, false, model.Invalid("date", "invalid.date.format")
		}
	}
	return f, true, nil
}

// ParseOutput reads a progress output as people type it. Output that
// starts with a number, followed by a space or nothing, is that amount and
// the unit after it ("3 dokumen", "1,5 jam", "3"). A negative amount
// ("-5 dokumen", "−5") is refused with a field error on "output". Anything
// else is text kept as typed, with no amount: words ("draf SOP",
// "NaN dokumen") and a number with other characters glued to it ("3x
// rapat", "2dokumen", "1e400 dokumen"), which is not an amount with a unit
// but something the person wrote as a whole. The amount is in hundredths.
func ParseOutput(s string) (amount int64, unit string, err error) {
	s = strings.TrimSpace(s)
	if rest, ok := cutMinus(s); ok && rest != "" && isDigit(rest[0]) {
		return 0, "", model.Invalid("output", "progress.err.output.negative")
	}
	number, rest := s, ""
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		number, rest = s[:i], s[i:]
	}
	if number == "" || strings.Trim(number, "0123456789,.") != "" {
		return 0, s, nil
	}
	if amount, err = model.ParseAmount(number); err != nil {
		return 0, "", model.Invalid("output", "progress.err.output.amount")
	}
	return amount, strings.TrimSpace(rest), nil
}

// cutMinus returns s without a leading minus sign (the hyphen-minus or
// the minus sign U+2212) and any space after it, and whether it had one.
func cutMinus(s string) (string, bool) {
	for _, minus := range []string{"-", "\u2212"} {
		if rest, ok := strings.CutPrefix(s, minus); ok {
			return strings.TrimLeftFunc(rest, unicode.IsSpace), true
		}
	}
	return s, false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// maxDigits bounds the numbers of a time typed, so that no value can
// overflow on its way to the range check.
const maxDigits = 5

var (
	hoursWords   = []string{"jam", "j", "hours", "hour", "hrs", "hr", "h"}
	minutesWords = []string{"menit", "mnt", "minutes", "minute", "mins", "min", "m"}
)

// ParseMinutes reads the time spent on an entry as people type it: minutes
// ("90"), hours and minutes ("1:30"), or words ("2 jam", "1,5 jam",
// "1 jam 30 menit", "45 menit"). Minutes alone may be any number ("90",
// "90 menit"), but the minutes after the hours are fewer than 60, whether
// written "1:30" or "1 jam 30 menit": "1:90" and "2 jam 90 menit" are
// refused alike. At most 24 hours; anything else is a field error on
// "minutes".
func ParseMinutes(s string) (int, error) {
	bad := model.Invalid("minutes", "progress.err.minutes")
	tooLong := model.Invalid("minutes", "progress.err.minutes.range")
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, bad
	}
	number := func(d string) (int, error) {
		if d == "" || strings.TrimLeft(d, "0123456789") != "" {
			return 0, bad
		}
		if d = strings.TrimLeft(d, "0"); len(d) > maxDigits {
			return 0, tooLong
		}
		if d == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(d)
		if err != nil {
			return 0, bad
		}
		return n, nil
	}
	total := 0
	if h, m, ok := strings.Cut(s, ":"); ok {
		hh, err := number(strings.TrimSpace(h))
		if err != nil {
			return 0, err
		}
		mm, err := number(strings.TrimSpace(m))
		if err != nil {
			return 0, err
		}
		if mm > 59 || len(strings.TrimSpace(m)) != 2 {
			return 0, bad
		}
		total = hh*60 + mm
	} else if strings.TrimLeft(s, "0123456789") == "" {
		n, err := number(s)
		if err != nil {
			return 0, err
		}
		total = n
	} else {
		var err error
		if total, err = minutesInWords(s, number); err != nil {
			return 0, err
		}
	}
	if total > 24*60 {
		return 0, tooLong
	}
	return total, nil
}

// minutesInWords reads "2 jam", "1,5 jam", "1 jam 30 menit", "45 menit".
func minutesInWords(s string, number func(string) (int, error)) (int, error) {
	bad := model.Invalid("minutes", "progress.err.minutes")
	fields := strings.Fields(s)
	// "2jam" and "30menit" are split into number and word.
	var parts []string
	for _, f := range fields {
		i := strings.IndexFunc(f, func(r rune) bool { return !(r >= '0' && r <= '9' || r == ',' || r == '.') })
		if i > 0 {
			parts = append(parts, f[:i], f[i:])
		} else {
			parts = append(parts, f)
		}
	}
	if len(parts) != 2 && len(parts) != 4 {
		return 0, bad
	}
	total, seenHours, seenMinutes := 0, false, false
	for i := 0; i < len(parts); i += 2 {
		amount, word := parts[i], parts[i+1]
		switch {
		case slices.Contains(hoursWords, word) && !seenHours && !seenMinutes:
			seenHours = true
			whole, frac, _ := strings.Cut(strings.ReplaceAll(amount, ",", "."), ".")
			h, err := number(whole)
			if err != nil {
				return 0, err
			}
			total += h * 60
			if frac != "" {
				if len(frac) > 2 {
					return 0, bad
				}
				f, err := number(frac)
				if err != nil {
					return 0, err
				}
				if len(frac) == 1 {
					f *= 10
				}
				total += f * 60 / 100
			}
		case slices.Contains(minutesWords, word) && !seenMinutes:
			seenMinutes = true
			m, err := number(amount)
			if err != nil {
				return 0, err
			}
			if seenHours && m > 59 {
				return 0, bad // as in "1:60": the minutes after the hours are fewer than 60
			}
			total += m
		default:
			return 0, bad
		}
	}
	return total, nil
}

// ProgressRights are what the actor may do with a progress entry now,
// computed by the rules the actions enforce.
type ProgressRights struct {
	Edit    bool // fix the returned entry and send it again (its author)
	Approve bool // approve the waiting entry (the pejabat penilai or above)
	Return  bool // return the waiting entry with a note
}

// progressRights shows the rules the actions enforce; year is the
// periods of the entry's year, for the rule of the year (reportRefused,
// reviewRefused).
func progressRights(actor model.Actor, chart *model.OrgChart, p model.Progress, year []model.Period) ProgressRights {
	review := chart != nil && mayReview(actor, chart, p) == nil && reviewRefused(year, p.WorkDate) == nil
	return ProgressRights{Edit: mayResubmit(actor, p) == nil && reportRefused(year, p.WorkDate, p.WorkDate) == nil,
		Approve: review, Return: review}
}

// ProgressView is a progress entry as pages and the API show it: with its
// author's name, the text of its RHK, its feedback thread, its evidence and
// what the actor may do with it.
type ProgressView struct {
	model.Progress
	Author  string
	RHKText string // "" for other duties
	Thread  Thread
	Files   []EvidenceView
	Can     ProgressRights
	// AfterTMT marks an entry dated after the end of the SKP it is on,
	// which a transfer closed: it stays readable there until the next SKP
	// takes its RHK over (the SKP's and the realisasi's pages mark it
	// "setelah TMT mutasi").
	AfterTMT bool
}

// progressViews loads what entries show beside them in a fixed number of
// queries, whatever their number: authors, RHK texts, threads, evidence.
func (a *App) progressViews(ctx context.Context, actor model.Actor, entries []model.Progress) ([]ProgressView, error) {
	out := make([]ProgressView, len(entries))
	if len(entries) == 0 {
		return out, nil
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(entries))
	var people, rhkIDs []string
	for _, p := range entries {
		ids = append(ids, p.ID)
		if !slices.Contains(people, p.EmployeeID) {
			people = append(people, p.EmployeeID)
		}
		if p.RHKID != "" && !slices.Contains(rhkIDs, p.RHKID) {
			rhkIDs = append(rhkIDs, p.RHKID)
		}
	}
	authors, err := a.store.EmployeesByID(ctx, people)
	if err != nil {
		return nil, err
	}
	rhkText, err := a.store.RHKTexts(ctx, rhkIDs)
	if err != nil {
		return nil, err
	}
	threads, err := a.store.FeedbackOnMany(ctx, TargetProgress, ids)
	if err != nil {
		return nil, err
	}
	files, err := a.store.EvidenceOn(ctx, TargetProgress, ids)
	if err != nil {
		return nil, err
	}
	charts, err := a.reviewersOf(ctx, chart, authors)
	if err != nil {
		return nil, err
	}
	var skpIDs []string
	for _, p := range entries {
		if p.SKPID != "" && !slices.Contains(skpIDs, p.SKPID) {
			skpIDs = append(skpIDs, p.SKPID)
		}
	}
	skps, err := a.store.SKPsByID(ctx, skpIDs)
	if err != nil {
		return nil, err
	}
	years := map[int][]model.Period{} // the periods of each year the entries fall in
	for i, p := range entries {
		chart, err := charts.chartOf(ctx, p)
		if err != nil {
			return nil, err
		}
		y := p.WorkDate.Time().Year()
		if _, ok := years[y]; !ok {
			if years[y], err = a.yearOf(ctx, p.InstansiID, p.WorkDate); err != nil {
				return nil, err
			}
		}
		open := reportRefused(years[y], p.WorkDate, returnedDate(p)) == nil
		out[i] = ProgressView{Progress: p, Author: authors[p.EmployeeID].FullName(), RHKText: rhkText[p.RHKID],
			Thread: threadOf(actor, TargetProgress, p.ID, threads[p.ID]), Files: withoutDelete(evidenceViews(actor, files[p.ID]), open),
			Can: progressRights(actor, chart, p, years[y]), AfterTMT: afterTMT(skps[p.SKPID], p)}
	}
	return out, nil
}

// afterTMT reports whether entry p is on s, closed by a transfer, and
// dated after its end (see ProgressView.AfterTMT).
func afterTMT(s model.SKP, p model.Progress) bool {
	return s.ID != "" && s.ID == p.SKPID && s.Status == model.SKPClosed && p.WorkDate > s.PeriodEnd
}

// ProgressOne returns one entry with its thread, evidence and rights to
// those who may see its author's work.
func (a *App) ProgressOne(ctx context.Context, actor model.Actor, id string) (ProgressView, error) {
	p, err := a.ProgressEntry(ctx, actor, id)
	if err != nil {
		return ProgressView{}, err
	}
	v, err := a.progressViews(ctx, actor, []model.Progress{p})
	if err != nil {
		return ProgressView{}, err
	}
	return v[0], nil
}

// ProgressViews returns the entries ProgressList selects, each with its
// thread, evidence and rights.
func (a *App) ProgressViews(ctx context.Context, actor model.Actor, q ProgressQuery) ([]ProgressView, error) {
	entries, err := a.ProgressList(ctx, actor, q)
	if err != nil {
		return nil, err
	}
	return a.progressViews(ctx, actor, entries)
}

// ProgressDay is an ASN's working day: its entries, the entries of other
// days returned for a fix (each entry is shown once), and what the form
// offers.
type ProgressDay struct {
	Date, Today model.Date
	Prev, Next  model.Date // Next is "" on today
	RHK         []model.RHK
	NoSKP       bool // no SKP in force on the date: entries are other duties
	// Unapproved: the SKP of the date was never approved, so no RHK is
	// offered yet and entries are other duties until it is.
	Unapproved bool
	// Refused says why no entry can be recorded on the date (too old, or
	// its period is closed or locked); its Key is "" while entries are
	// taken.
	Refused model.Message
	// Notice says why the date asked for is not the one shown (still to
	// come, or not a date); its Key is "" when it is.
	Notice   model.Message
	LastRHK  string
	Entries  []ProgressView
	Returned []ProgressView
	Evidence bool  // files can be attached on this server
	MaxBytes int64 // the instansi's limit for one file
}

// ProgressOptions is what the progress form offers on a day, by the rules
// SubmitProgress enforces: the RHK of the approved revision in force
// (WorkRHK), and whether the day takes entries at all (mayReportOn).
type ProgressOptions struct {
	Date  model.Date
	SKPID string // the SKP of the day; "" when there is none
	RHK   []model.RHK
	// NoSKP: no SKP covers the day; Unapproved: its SKP was never
	// approved. Either way entries are other duties.
	NoSKP, Unapproved bool
	// Refused says why no entry can be recorded on the day (still to
	// come, too old, or its period is closed or locked); its Key is ""
	// while entries are taken.
	Refused model.Message
}

// ProgressOptionsOn returns what the actor's progress form offers on day
// (YYYY-MM-DD; today when empty).
func (a *App) ProgressOptionsOn(ctx context.Context, actor model.Actor, day string) (ProgressOptions, error) {
	if actor.EmployeeID == "" {
		return ProgressOptions{}, fmt.Errorf("progress without an employee record: %w", model.ErrNotFound)
	}
	d := a.Today(ctx, actor.InstansiID)
	if day != "" {
		var err error
		if d, err = model.ParseDate(day); err != nil {
			return ProgressOptions{}, model.Invalid("date", "invalid.date.format")
		}
	}
	return a.progressOptions(ctx, actor, d)
}

func (a *App) progressOptions(ctx context.Context, actor model.Actor, day model.Date) (ProgressOptions, error) {
	o := ProgressOptions{Date: day}
	if o.Refused = model.ProgressDayRefused(day, a.Today(ctx, actor.InstansiID)); o.Refused.Key != "" {
		return o, nil
	}
	f, err := a.workSKP(ctx, actor, day)
	if err != nil {
		return o, err
	}
	o.SKPID, o.RHK, o.NoSKP, o.Unapproved = f.SKP.ID, f.progressRHK(), f.SKP.ID == "", f.SKP.ID != "" && !f.Approved
	year, err := a.yearOf(ctx, actor.InstansiID, day)
	if err != nil {
		return o, err
	}
	if err := reportRefused(year, day, ""); err != nil {
		errors.As(err, &o.Refused)
	}
	return o, nil
}

// ParseDay reads a day asked for in a page's address: today when it is
// empty, not a date, or still to come, with the message that says why
// the day asked for is not the one given (Key "" when it is).
func (a *App) ParseDay(ctx context.Context, actor model.Actor, s string) (model.Date, model.Message) {
	today := a.Today(ctx, actor.InstansiID)
	if s == "" {
		return today, model.Message{}
	}
	d, err := model.ParseDate(s)
	switch {
	case err != nil:
		return today, model.Msg("invalid.date.format")
	case d > today:
		return today, model.ProgressDayRefused(d, today)
	}
	return d, model.Message{}
}

// ProgressDayOf returns the actor's own day of progress (day as in
// ParseDay). Someone without an employee record has none.
func (a *App) ProgressDayOf(ctx context.Context, actor model.Actor, day string) (ProgressDay, error) {
	if actor.EmployeeID == "" {
		return ProgressDay{}, fmt.Errorf("progress without an employee record: %w", model.ErrNotFound)
	}
	d := ProgressDay{Today: a.Today(ctx, actor.InstansiID)}
	d.Date, d.Notice = a.ParseDay(ctx, actor, day)
	d.Prev = model.Date(d.Date.Time().AddDate(0, 0, -1).Format(time.DateOnly))
	if d.Date < d.Today {
		d.Next = model.Date(d.Date.Time().AddDate(0, 0, 1).Format(time.DateOnly))
	}
	o, err := a.progressOptions(ctx, actor, d.Date)
	if err != nil {
		return d, err
	}
	d.RHK, d.NoSKP, d.Unapproved, d.Refused = o.RHK, o.NoSKP, o.Unapproved, o.Refused
	entries, err := a.allProgress(ctx, actor, ProgressQuery{From: d.Date, To: d.Date})
	if err != nil {
		return d, err
	}
	returned, err := a.allProgress(ctx, actor, ProgressQuery{Status: model.ProgressReturned})
	if err != nil {
		return d, err
	}
	// A returned entry of the day is shown once, in the day's list.
	returned = slices.DeleteFunc(returned, func(p model.Progress) bool { return p.WorkDate == d.Date })
	all, err := a.progressViews(ctx, actor, append(entries, returned...))
	if err != nil {
		return d, err
	}
	d.Entries, d.Returned = all[:len(entries)], all[len(entries):]
	// Yesterday's RHK is remembered: most days continue the same work.
	if recent, err := a.ProgressList(ctx, actor, ProgressQuery{Limit: 1}); err == nil && len(recent) > 0 {
		if slices.ContainsFunc(d.RHK, func(r model.RHK) bool { return r.ID == recent[0].RHKID }) {
			d.LastRHK = recent[0].RHKID
		}
	}
	d.Evidence, d.MaxBytes = a.blobs != nil, a.EvidenceLimit(ctx, actor.InstansiID)
	return d, nil
}

// PersonWeek is one employee's entries of seven days, for their
// supervisors and anyone who may see their work.
type PersonWeek struct {
	Person     model.Employee
	From, To   model.Date
	Prev, Next model.Date // Next is "" when To is today
	// Notice says why the day asked for is not the one the week ends on
	// (still to come, or not a date); its Key is "" when it is.
	Notice  model.Message
	Entries []ProgressView
}

// PersonProgress returns the seven days of an employee's progress that end
// on day (as in ParseDay).
func (a *App) PersonProgress(ctx context.Context, actor model.Actor, employeeID, day string) (PersonWeek, error) {
	today := a.Today(ctx, actor.InstansiID)
	var w PersonWeek
	w.To, w.Notice = a.ParseDay(ctx, actor, day)
	w.From = model.Date(w.To.Time().AddDate(0, 0, -6).Format(time.DateOnly))
	w.Prev = model.Date(w.To.Time().AddDate(0, 0, -7).Format(time.DateOnly))
	if w.To < today {
		w.Next = model.Date(min(string(today), w.To.Time().AddDate(0, 0, 7).Format(time.DateOnly)))
	}
	var err error
	entries, err := a.allProgress(ctx, actor, ProgressQuery{EmployeeID: employeeID, From: w.From, To: w.To})
	if err != nil {
		return w, err
	}
	if w.Entries, err = a.progressViews(ctx, actor, entries); err != nil {
		return w, err
	}
	if w.Person, err = a.store.Employee(ctx, employeeID); err != nil {
		return w, err
	}
	return w, nil
}
