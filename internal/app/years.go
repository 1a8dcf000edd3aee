package app

import (
	"context"
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
		return nil, model.Invalid("year", "invalid.year.open.already", year)
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
		return fmt.Errorf("a locked period changes only after an unlock: %w", model.ErrInvalidTransition)
	}
	if p.Status != cur.Status && !canMovePeriod(cur, p.Status) {
		return fmt.Errorf("period %s to %s: %w", cur.Status, p.Status, model.ErrInvalidTransition)
	}
	if cur.Status == model.PeriodLocked && p.Status != model.PeriodLocked && strings.TrimSpace(reason) == "" {
		return model.Invalid("reason", "invalid.period.unlock.reason")
	}
	p.InstansiID, p.Year, p.Kind, p.Number = cur.InstansiID, cur.Year, cur.Kind, cur.Number
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.UpdatePeriod(ctx, p, reason) })
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
	Close  bool // close an open period
	Lock   bool // lock a closed period
	Unlock bool // unlock a locked period, with a written reason
}

// canMovePeriod reports whether a period may move to status next.
func canMovePeriod(p model.Period, next model.PeriodStatus) bool {
	return model.CanMovePeriod(p.Status, next)
}

func periodRights(manage bool, p model.Period) PeriodRights {
	if !manage {
		return PeriodRights{}
	}
	return PeriodRights{Edit: p.Status != model.PeriodLocked,
		Open:   p.Status == model.PeriodDraft && canMovePeriod(p, model.PeriodOpen),
		Reopen: p.Status == model.PeriodClosed && canMovePeriod(p, model.PeriodOpen),
		Close:  p.Status == model.PeriodOpen && canMovePeriod(p, model.PeriodClosed),
		Lock:   canMovePeriod(p, model.PeriodLocked),
		Unlock: p.Status == model.PeriodLocked && canMovePeriod(p, model.PeriodClosed)}
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
		for _, p := range ps {
			v.Periods = append(v.Periods, PeriodItem{Period: p, Can: periodRights(v.Can.Manage, p), DeadlinePassed: a.deadlinePassed(ctx, p)})
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
	return InstansiSettings{EvidenceMaxMB: a.EvidenceLimit(ctx, actor.InstansiID) >> 20,
		Can:      SettingsRights{Edit: canManageYears(actor) == nil},
		TimeZone: a.TimeZone(ctx, actor.InstansiID), Zones: slices.Clone(model.TimeZones)}, nil
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
	if err != nil || n < 2000 || n > 2100 {
		return 0, model.Invalid("year", "invalid.field.year")
	}
	return n, nil
}
