package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Who acts in the demo city, and when. The city is written in one
// transaction, but each act in it is written as the app would write it:
// by the person the rules name, signed in to their own account, at the
// moment the act would have happened (store.Tx.At), so that every record,
// audit entry and notification tells a timeline that keeps the rules:
// capaian before the results of its period are sent, an objection within
// its 14 days, explained before it is decided, and so on.

// people gives the demo's employees and named accounts as the app's
// actors, reading each account once.
type people struct {
	tx         *store.Tx
	instansiID string
	byEmployee map[string]model.Actor
	byName     map[string]model.Actor
}

func newPeople(tx *store.Tx, instansiID string) *people {
	return &people{tx: tx, instansiID: instansiID, byEmployee: map[string]model.Actor{}, byName: map[string]model.Actor{}}
}

func actorOf(u model.User) model.Actor {
	return model.Actor{UserID: u.ID, Username: u.Username, Name: u.DisplayName, EmployeeID: u.EmployeeID, InstansiID: u.InstansiID}
}

// load reads the accounts of the employees of ids not read yet.
func (pp *people) load(ctx context.Context, ids []string) error {
	var missing []string
	seen := map[string]bool{}
	for _, id := range ids {
		if _, ok := pp.byEmployee[id]; !ok && id != "" && !seen[id] {
			seen[id] = true
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	found, err := pp.tx.UsersByEmployees(ctx, missing)
	if err != nil {
		return err
	}
	for id, u := range found {
		pp.byEmployee[id] = actorOf(u)
	}
	return nil
}

// employee returns the actor of an employee's account; ok is false when
// they have none.
func (pp *people) employee(ctx context.Context, id string) (model.Actor, bool, error) {
	if err := pp.load(ctx, []string{id}); err != nil {
		return model.Actor{}, false, err
	}
	a, ok := pp.byEmployee[id]
	return a, ok, nil
}

// account returns the actor of a named account (admin, auditor).
func (pp *people) account(ctx context.Context, username string) (model.Actor, error) {
	if a, ok := pp.byName[username]; ok {
		return a, nil
	}
	u, err := pp.tx.UserByUsername(ctx, username)
	if err != nil {
		return model.Actor{}, err
	}
	pp.byName[username] = actorOf(u)
	return pp.byName[username], nil
}

// as is the transaction acting as employee id at the instant at; the
// transaction's own actor when they have no account.
func (pp *people) as(ctx context.Context, id string, at time.Time) (*store.Tx, error) {
	a, ok, err := pp.employee(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return pp.tx.At(pp.tx.Actor(), at), nil
	}
	return pp.tx.At(a, at), nil
}

// The demo city's working day, on its clock (WIB): Monday to Friday,
// 07:30 to 16:00. Every dated act in it falls in one.
const (
	dayOpens  = 7*60 + 30 // minutes after midnight
	dayCloses = 16 * 60
	workDay   = (dayCloses - dayOpens) * time.Minute
)

// workday reports whether d is a working day (Monday to Friday).
func workday(d model.Date) bool {
	return model.IsWorkday(d.Time(), 5)
}

// workdaysLater is the same time of day as t (on the demo city's clock)
// n working days later: on the working day t falls on or the next one
// when n is 0.
func workdaysLater(t time.Time, n int) time.Time {
	l := t.In(model.DefaultTimeZone.Location())
	d := workdayAfter(model.DefaultTimeZone.Today(t), n).Time()
	return time.Date(d.Year(), d.Month(), d.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), l.Location()).UTC()
}

// workdayAfter is the nth working day after d (d itself when n is 0 and
// it is a working day, else the next one).
func workdayAfter(d model.Date, n int) model.Date {
	for !workday(d) {
		d = dayAfter(d, 1)
	}
	for ; n > 0; n-- {
		d = dayAfter(d, 1)
		for !workday(d) {
			d = dayAfter(d, 1)
		}
	}
	return d
}

// onDay is the moment minute minutes after the office opens on day d.
func onDay(d model.Date, minute int) time.Time {
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, dayOpens+minute, 0, 0, model.DefaultTimeZone.Location()).UTC()
}

// officeHours is a moment of the working day d (the next one when d is a
// Saturday or Sunday) on the demo city's clock, between 07:30 and 15:59.
func officeHours(d model.Date, rng *rand.Rand) time.Time {
	return onDay(workdayAfter(d, 0), rng.IntN(dayCloses-dayOpens))
}

// atWork reports whether t falls in office hours of a working day.
func atWork(t time.Time) bool {
	l := t.In(model.DefaultTimeZone.Location())
	m := l.Hour()*60 + l.Minute()
	return workday(model.DefaultTimeZone.Today(t)) && m >= dayOpens && m < dayCloses
}

// lastAtWork is the latest moment in office hours at or before t (to the
// minute): t itself when it falls in them, else a minute before the
// office closed on the working day before.
func lastAtWork(t time.Time) time.Time {
	if atWork(t) {
		return t.Truncate(time.Minute)
	}
	d := model.DefaultTimeZone.Today(t)
	if !workday(d) || t.Before(onDay(d, dayCloses-dayOpens-1)) {
		for d = dayAfter(d, -1); !workday(d); d = dayAfter(d, -1) {
		}
	}
	return onDay(d, dayCloses-dayOpens-1)
}

// nextAtWork is the earliest moment in office hours at or after t.
func nextAtWork(t time.Time) time.Time {
	if atWork(t) {
		return t
	}
	d := model.DefaultTimeZone.Today(t)
	if !workday(d) || !t.Before(onDay(d, 0)) {
		d = workdayAfter(dayAfter(d, 1), 0)
	}
	return onDay(d, 0)
}

// officeAdd is the moment d of office time after t: the time past the
// day's closing carries on when the office opens on the next working day.
func officeAdd(t time.Time, d time.Duration) time.Time {
	t = nextAtWork(t)
	for {
		end := onDay(model.DefaultTimeZone.Today(t), dayCloses-dayOpens)
		if left := end.Sub(t); d < left {
			return t.Add(d)
		} else {
			d -= left
		}
		t = onDay(workdayAfter(dayAfter(model.DefaultTimeZone.Today(t), 1), 0), 0)
	}
}

// officeBetween is the office time from a to b, counted up to limit.
func officeBetween(a, b time.Time, limit time.Duration) time.Duration {
	var d time.Duration
	for t := nextAtWork(a); t.Before(b) && d < limit; {
		end := onDay(model.DefaultTimeZone.Today(t), dayCloses-dayOpens)
		if b.Before(end) {
			end = b
		}
		d += end.Sub(t)
		t = onDay(workdayAfter(dayAfter(model.DefaultTimeZone.Today(t), 1), 0), 0)
	}
	return min(d, limit)
}

// dayAfter is the date n days after d.
func dayAfter(d model.Date, n int) model.Date {
	return model.Date(d.Time().AddDate(0, 0, n).Format(time.DateOnly))
}

// before keeps t before now: an act the demo's clock has not reached yet
// happens in the last minute of office hours before now.
func before(t, now time.Time) time.Time {
	if t.After(now) {
		return lastAtWork(now.Add(-time.Minute))
	}
	return t
}

// later is a moment during office hours about days working days after
// from (on the demo city's clock), after from and before until; when that
// day falls outside, a moment of office hours between the two; the zero
// time when until is not after from or no office hours lie between them.
func later(from, until time.Time, days int, rng *rand.Rand) time.Time {
	if !until.After(from) {
		return time.Time{}
	}
	t := officeHours(workdayAfter(model.DefaultTimeZone.Today(from), days), rng)
	if t.After(from) && t.Before(until) {
		return t
	}
	first, last := nextAtWork(from.Add(time.Minute)).Truncate(time.Minute), lastAtWork(until.Add(-time.Minute))
	if !last.After(first) {
		if !first.After(from) || !first.Before(until) {
			return time.Time{}
		}
		return first
	}
	span := officeBetween(first, last, 1<<62)
	return officeAdd(first, time.Duration(rng.Int64N(int64(span/time.Minute)+1))*time.Minute)
}
