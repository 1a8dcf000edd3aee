package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// OpenYear opens a performance year for the actor's instansi with monthly
// or quarterly periods plus the annual evaluation, reports due reportDays
// after each period ends. BKPSDM only.
func (a *App) OpenYear(ctx context.Context, actor model.Actor, year int, kind model.PeriodKind, reportDays int) ([]model.Period, error) {
	if err := canManageYears(actor); err != nil {
		return nil, err
	}
	periods, err := model.GeneratePeriods(year, kind, reportDays)
	if err != nil {
		return nil, model.InvalidErr("year", err)
	}
	if _, open, err := a.store.YearOpen(ctx, actor.InstansiID, year); err != nil {
		return nil, err
	} else if open {
		return nil, model.Refused("conflict.year.open.already", year)
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.CreateYear(ctx, actor.InstansiID, year, kind, periods)
	})
	if err != nil {
		return nil, err
	}
	return a.store.Periods(ctx, actor.InstansiID, year)
}

// Periods lists a year's periods; everyone signed in may read them.
func (a *App) Periods(ctx context.Context, actor model.Actor, year int) ([]model.Period, error) {
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: actor.InstansiID}) {
		return nil, forbidden("periods")
	}
	return a.store.Periods(ctx, actor.InstansiID, year)
}

// MovePeriod adjusts a period's dates and moves its status (open, close,
// lock, or unlock with a reason). BKPSDM only.
func (a *App) MovePeriod(ctx context.Context, actor model.Actor, p model.Period, reason string) error {
	if err := canManageYears(actor); err != nil {
		return err
	}
	cur, err := a.store.Period(ctx, p.ID)
	if err != nil || cur.InstansiID != actor.InstansiID {
		return fmt.Errorf("period %s: %w", p.ID, model.ErrNotFound)
	}
	if err := model.ValidatePeriod(p); err != nil {
		return err
	}
	if cur.Status == model.PeriodLocked && p.Status == model.PeriodLocked && (p.Start != cur.Start || p.End != cur.End || p.ReportDeadline != cur.ReportDeadline) {
		return model.Refused("conflict.period.locked.dates", cur.Label())
	}
	if p.Status != cur.Status && !canMovePeriod(cur, p.Status) {
		return periodMoveRefused(cur, p.Status)
	}
	if cur.Status == model.PeriodLocked && p.Status != model.PeriodLocked && strings.TrimSpace(reason) == "" {
		return model.Invalid("reason", "invalid.period.unlock.reason")
	}
	p.InstansiID, p.Year, p.Kind, p.Number = cur.InstansiID, cur.Year, cur.Kind, cur.Number
	year, err := a.store.Periods(ctx, cur.InstansiID, cur.Year)
	if err != nil {
		return err
	}
	if p.Start != cur.Start || p.End != cur.End {
		if err := model.CheckPeriodInYear(p, year); err != nil {
			return err
		}
	}
	if err := moveRefused(cur, p, year, a.Today(ctx, cur.InstansiID)); err != nil {
		return err
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := tx.UpdatePeriod(ctx, p, reason); err != nil {
			return err
		}
		if p.Status == model.PeriodClosed && cur.Status == model.PeriodOpen {
			_, err := openAssessments(ctx, tx, p)
			return err
		}
		return nil
	})
}

// YearOpen reports whether the actor's instansi has opened a performance
// year; everyone signed in may know.
func (a *App) YearOpen(ctx context.Context, actor model.Actor, year int) (bool, error) {
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: actor.InstansiID}) {
		return false, forbidden("performance years")
	}
	_, open, err := a.store.YearOpen(ctx, actor.InstansiID, year)
	return open, err
}

// canManageYears reports whether actor runs the performance years of
// their instansi (BKPSDM): opens a year, moves its periods and sets the
// instansi's settings.
func canManageYears(actor model.Actor) error {
	if !authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID}) {
		return forbidden("manage the performance years")
	}
	return nil
}

// Period returns one period of the actor's instansi.
func (a *App) Period(ctx context.Context, actor model.Actor, id string) (model.Period, error) {
	p, err := a.store.Period(ctx, id)
	if err != nil || p.InstansiID != actor.InstansiID || !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: p.InstansiID}) {
		return model.Period{}, fmt.Errorf("period %s: %w", id, model.ErrNotFound)
	}
	return p, nil
}

// YearView is the performance year page: whether the year is open, its
// periods, the instansi's settings, and what the actor may do there.
type YearView struct {
	Year     int
	Open     bool
	Kind     model.PeriodKind // monthly or quarterly, once open
	Periods  []PeriodItem
	Settings InstansiSettings
	Can      YearRights
}

// PeriodItem is a period with what the actor may do with it now.
type PeriodItem struct {
	model.Period
	Can PeriodRights
	// DeadlinePassed: its report deadline has passed on the instansi's
	// clock (reports are due by the end of that day).
	DeadlinePassed bool
}

// PeriodRights is what the actor may do with a period now; MovePeriod
// checks the same moves.
type PeriodRights struct {
	Edit   bool // adjust its dates (not while locked)
	Open   bool // open a draft period
	Reopen bool // open a closed period again
	Close  bool // close an open period, once its last day has passed
	Lock   bool // lock a closed period
	Unlock bool // unlock a locked period, with a written reason
	// OpenRefused, ReopenRefused, CloseRefused, LockRefused and
	// UnlockRefused say why a move the period's status allows is refused
	// now (moveRefused): its last day has not passed, or periods of its
	// year (named) stand in the way. Their Key is "" otherwise.
	OpenRefused, ReopenRefused, CloseRefused, LockRefused, UnlockRefused model.Message
}

// canMovePeriod reports whether a period may go from one status to another.
// periodMoveRefused says why period cur cannot go to status next by its
// status (a 409 naming the period and the way there).
func periodMoveRefused(cur model.Period, next model.PeriodStatus) error {
	switch {
	case next == model.PeriodLocked:
		return model.Refused("conflict.period.move.lock", cur.Label())
	case next == model.PeriodClosed:
		return model.Refused("conflict.period.move.close", cur.Label())
	case next == model.PeriodOpen:
		return model.Refused("conflict.period.move.open", cur.Label())
	}
	return model.Refused("conflict.period.move.draft", cur.Label())
}

func canMovePeriod(p model.Period, next model.PeriodStatus) bool {
	return model.CanMovePeriod(p.Status, next)
}

// moveRefused is the rule of the calendar on moving period cur to next
// (its status, its dates), given the periods of its year and today on the
// instansi's clock; nil when the move may be made now. A status move the
// period's status does not allow is left to canMovePeriod.
//
//   - A period is closed, or locked, only once its last day has passed:
//     closing stops its reports and creates its assessments, which must
//     not happen while its days are still being worked. A closed or
//     locked period does not have its end moved to a day not yet past.
//   - The annual evaluation is closed only once no monthly or quarterly
//     period of its year is open (their reports go on, and their
//     assessments are yet to come), and locked only once none is open
//     or closed (locking the year freezes every date of it, also the
//     entries still reviewed or fixed in a closed month).
//   - Conversely a monthly or quarterly period is not opened (or
//     reopened) while the annual evaluation is closed or locked, nor
//     unlocked while it is locked: the year's status would go on
//     refusing its reports, so the act would do nothing it says.
func moveRefused(cur, next model.Period, year []model.Period, today model.Date) error {
	ended := next.End < today
	switch {
	case !ended && next.Status == model.PeriodClosed && cur.Status == model.PeriodOpen,
		!ended && next.Status == model.PeriodLocked && cur.Status != model.PeriodLocked:
		return model.Refused("conflict.period.early", next.Label(), next.End)
	case !ended && next.End != cur.End && (next.Status == model.PeriodClosed || next.Status == model.PeriodLocked):
		return model.Refused("conflict.period.early.end", next.Label(), next.End)
	}
	if next.Status == cur.Status {
		return nil
	}
	if cur.Kind == model.PeriodAnnual {
		var waiting []model.Period
		for _, q := range year {
			if q.Kind == model.PeriodAnnual || q.Year != cur.Year {
				continue
			}
			if q.Status == model.PeriodOpen || next.Status == model.PeriodLocked && q.Status == model.PeriodClosed {
				waiting = append(waiting, q)
			}
		}
		switch {
		case len(waiting) == 0:
		case next.Status == model.PeriodClosed && cur.Status == model.PeriodOpen:
			return model.Refused("conflict.period.annual.close", next.Label(), periodNames(waiting))
		case next.Status == model.PeriodLocked:
			return model.Refused("conflict.period.annual.lock", next.Label(), periodNames(waiting))
		}
		return nil
	}
	for _, q := range year {
		if q.Kind != model.PeriodAnnual || q.Year != cur.Year {
			continue
		}
		switch {
		case next.Status == model.PeriodOpen && (q.Status == model.PeriodClosed || q.Status == model.PeriodLocked):
			return model.Refused("conflict.period.open.annual", next.Label(), q.Label())
		case cur.Status == model.PeriodLocked && q.Status == model.PeriodLocked:
			return model.Refused("conflict.period.unlock.annual", next.Label(), q.Label())
		}
	}
	return nil
}

// periodNames names periods one after another, in the reader's language.
func periodNames(ps []model.Period) model.Message {
	if len(ps) == 1 {
		return ps[0].Label()
	}
	return model.Msg("period.names", ps[0].Label(), periodNames(ps[1:]))
}

// periodRights is what the actor may do with period p of year (its
// periods) today: each status move its status allows and the calendar
// does not refuse (moveRefused), and why the calendar refuses one.
func periodRights(manage bool, p model.Period, year []model.Period, today model.Date) PeriodRights {
	if !manage {
		return PeriodRights{}
	}
	r := PeriodRights{Edit: p.Status != model.PeriodLocked}
	move := func(to model.PeriodStatus, refused *model.Message) bool {
		if !canMovePeriod(p, to) {
			return false
		}
		next := p
		next.Status = to
		if err := moveRefused(p, next, year, today); err != nil {
			var se *model.StateError
			if errors.As(err, &se) {
				*refused = se.Message
			}
			return false
		}
		return true
	}
	switch p.Status {
	case model.PeriodDraft:
		r.Open = move(model.PeriodOpen, &r.OpenRefused)
	case model.PeriodOpen:
		r.Close = move(model.PeriodClosed, &r.CloseRefused)
	case model.PeriodClosed:
		r.Reopen = move(model.PeriodOpen, &r.ReopenRefused)
		r.Lock = move(model.PeriodLocked, &r.LockRefused)
	case model.PeriodLocked:
		r.Unlock = move(model.PeriodClosed, &r.UnlockRefused)
	}
	return r
}

// YearRights is what the actor may do with the performance year.
type YearRights struct {
	Manage bool // open the year, move its periods, change the settings (BKPSDM)
}

// YearView loads a performance year for anyone signed in; only BKPSDM
// may act on it.
func (a *App) YearView(ctx context.Context, actor model.Actor, year int) (YearView, error) {
	v := YearView{Year: year, Can: YearRights{Manage: canManageYears(actor) == nil}}
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: actor.InstansiID}) {
		return v, forbidden("performance years")
	}
	var err error
	if v.Kind, v.Open, err = a.store.YearOpen(ctx, actor.InstansiID, year); err != nil {
		return v, err
	}
	if v.Open {
		ps, err := a.store.Periods(ctx, actor.InstansiID, year)
		if err != nil {
			return v, err
		}
		today := a.Today(ctx, actor.InstansiID)
		for _, p := range ps {
			v.Periods = append(v.Periods, PeriodItem{Period: p, Can: periodRights(v.Can.Manage, p, ps, today), DeadlinePassed: a.deadlinePassed(ctx, p)})
		}
	}
	v.Settings, err = a.InstansiSettings(ctx, actor)
	return v, err
}

// YearItem is one performance year of the actor's instansi, as the year
// page offers it: opened, with its period kind, or (the current year
// only) not opened yet.
type YearItem struct {
	Year int
	Open bool
	Kind model.PeriodKind // monthly or quarterly, once open
	Can  YearItemRights
}

// YearItemRights is what the actor may do with a performance year now.
type YearItemRights struct {
	Open bool // open it with its periods (BKPSDM, while not opened): OpenYear
}

// Years lists the performance years of the actor's instansi, newest
// first: every year opened, and the current year while it is not, so
// that the list always holds the year people work in. Everyone signed in
// may read it, as they may read a year's periods.
func (a *App) Years(ctx context.Context, actor model.Actor) ([]YearItem, error) {
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: actor.InstansiID}) {
		return nil, forbidden("performance years")
	}
	opened, err := a.store.Years(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	manage := canManageYears(actor) == nil
	now := a.Today(ctx, actor.InstansiID).Time().Year()
	out := []YearItem{}
	for _, y := range opened {
		out = append(out, YearItem{Year: y.Year, Open: true, Kind: y.Kind})
	}
	if !slices.ContainsFunc(out, func(y YearItem) bool { return y.Year == now }) {
		out = append(out, YearItem{Year: now, Can: YearItemRights{Open: manage}})
		slices.SortFunc(out, func(x, y YearItem) int { return y.Year - x.Year })
	}
	return out, nil
}

// InstansiSettings are the settings of an instansi that BKPSDM keeps on
// the year page.
type InstansiSettings struct {
	EvidenceMaxMB int64 // the size limit of one evidence file
	Can           SettingsRights
	// TimeZone is the clock the instansi works by (WIB, WITA or WIT);
	// Zones are those it may choose from.
	TimeZone model.TimeZone
	Zones    []model.TimeZone
	// PeriodicObjections: periodic (monthly or quarterly) results may be
	// objected to, not only the annual one.
	PeriodicObjections bool
	// LeaderMap is the map in force from capaian organisasi to the unit
	// head's rating hasil kerja, LeaderDefault the regulation's, and
	// OwnLeaderMap whether the instansi set its own.
	LeaderMap, LeaderDefault model.LeaderMap
	OwnLeaderMap             bool
	// RequireTOTP: administrators and auditors must sign in with a second
	// factor (totp.go).
	RequireTOTP bool
}

// SettingsRights is what the actor may do with the instansi's settings.
type SettingsRights struct {
	Edit bool
}

// InstansiSettings returns the actor's instansi's settings; everyone
// signed in may read them (an upload must know its limit).
func (a *App) InstansiSettings(ctx context.Context, actor model.Actor) (InstansiSettings, error) {
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: actor.InstansiID}) {
		return InstansiSettings{}, forbidden("the instansi's settings")
	}
	periodic, err := a.store.PeriodicObjections(ctx, actor.InstansiID)
	if err != nil {
		return InstansiSettings{}, err
	}
	own, err := a.leaderMapOf(ctx, actor.InstansiID)
	if err != nil {
		return InstansiSettings{}, err
	}
	requireTOTP, err := a.store.RequireTOTP(ctx, actor.InstansiID)
	if err != nil {
		return InstansiSettings{}, err
	}
	def := model.CurrentRules().DefaultLeaderMap()
	inForce := own
	if inForce == nil {
		inForce = def
	}
	return InstansiSettings{EvidenceMaxMB: a.EvidenceLimit(ctx, actor.InstansiID) >> 20,
		Can:      SettingsRights{Edit: canManageYears(actor) == nil},
		TimeZone: a.TimeZone(ctx, actor.InstansiID), Zones: slices.Clone(model.TimeZones), PeriodicObjections: periodic,
		LeaderMap: inForce, LeaderDefault: def, OwnLeaderMap: own != nil, RequireTOTP: requireTOTP}, nil
}

// ParseYear reads a performance year as people and clients send it (in a
// form, a query or a path): "" gives otherwise, a whole number from 2000
// to 2100 gives that year, and anything else is a field error on "year".
// Web and API both read years through it.
func ParseYear(s string, otherwise int) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return otherwise, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < model.FirstYear || n > model.LastYear {
		return 0, model.Invalid("year", "invalid.field.year", model.FirstYear, model.LastYear)
	}
	return n, nil
}

// The rule of the year on reports. Every path that records or changes
// daily progress or realisasi, or the evidence on them, asks it:
// SubmitProgress and ResubmitProgress (web and API alike), SaveRealisasi,
// attaching and removing evidence, and the rights that pages and the API
// show. A report dated in a closed period (past its report deadline) or a
// locked one (assessed) is refused with a message that names the period
// and why. A returned progress entry may still be fixed while its period
// is closed, as long as it stays in that period; never once it is locked.

// yearOf loads the periods of an instansi's year of day, the periods
// every report dated that day is judged by.
func (a *App) yearOf(ctx context.Context, instansiID string, day model.Date) ([]model.Period, error) {
	return a.store.Periods(ctx, instansiID, day.Time().Year())
}

// mayReportOn is the rule for a progress entry dated day: nil when it may
// be recorded or changed now, else a field error on field naming the
// period that refuses it and why. returned is the date of the returned
// entry being fixed ("" for a new entry or one not returned).
func (a *App) mayReportOn(ctx context.Context, instansiID, field string, day, returned model.Date) error {
	year, err := a.yearOf(ctx, instansiID, day)
	if err != nil {
		return err
	}
	if m := reportRefused(year, day, returned); m != nil {
		return model.InvalidErr(field, m)
	}
	return nil
}

// reportRefused is mayReportOn on the periods of day's year, for rights
// computed for many entries at once: nil when a report dated day may be
// written now. A returned entry (returned is its date) may be fixed in
// the closed period it was returned in, not in a locked one nor moved into
// another closed period.
func reportRefused(year []model.Period, day, returned model.Date) error {
	p, closed := model.ReportsClosedBy(year, day)
	if !closed {
		return nil
	}
	if returned != "" && p.Status == model.PeriodClosed && p.Start <= returned && returned <= p.End {
		return nil
	}
	return model.ReportsRefused(p)
}

// realisasiRefused is the rule for the realisasi of period p, given the
// periods of its year: nil while p is open and no period covering it
// (the annual evaluation) is closed or locked; otherwise why not. A period
// not opened yet (draft) takes no realisasi either.
func realisasiRefused(p model.Period, year []model.Period) error {
	covering := []model.Period{p}
	for _, q := range year {
		if q.Kind == model.PeriodAnnual && q.ID != p.ID {
			covering = append(covering, q)
		}
	}
	if q, closed := model.ReportsClosedBy(covering, p.End); closed {
		return model.ReportsRefused(q)
	}
	if p.Status != model.PeriodOpen {
		return model.Msg("invalid.realisasi.period.closed", p.Label())
	}
	return nil
}

// realisasiOpen applies realisasiRefused to p, loading its year's
// periods.
func (a *App) realisasiOpen(ctx context.Context, p model.Period) error {
	year, err := a.store.Periods(ctx, p.InstansiID, p.Year)
	if err != nil {
		return err
	}
	return realisasiRefused(p, year)
}

// reviewRefused is the rule of the year on reviewing an entry dated day:
// a closed period is still reviewed (assessment goes on after the report
// deadline, and a returned entry may still be fixed in it), a locked one
// no longer is, since it was assessed; nil when the entry may be reviewed.
func reviewRefused(year []model.Period, day model.Date) error {
	if p, closed := model.ReportsClosedBy(year, day); closed && p.Status == model.PeriodLocked {
		return model.ReportsRefused(p)
	}
	return nil
}

// mayReviewOn applies reviewRefused to an entry, as a field error on
// "date".
func (a *App) mayReviewOn(ctx context.Context, p model.Progress) error {
	year, err := a.yearOf(ctx, p.InstansiID, p.WorkDate)
	if err != nil {
		return err
	}
	if err := reviewRefused(year, p.WorkDate); err != nil {
		return model.InvalidErr("date", err)
	}
	return nil
}
