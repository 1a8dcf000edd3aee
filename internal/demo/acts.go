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

// officeHours is a moment of the working day d on the demo city's clock
// (WIB), between 08:00 and 15:59.
func officeHours(d model.Date, rng *rand.Rand) time.Time {
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), 8+rng.IntN(8), rng.IntN(60), 0, 0, model.DefaultTimeZone.Location()).UTC()
}

// dayAfter is the date n days after d.
func dayAfter(d model.Date, n int) model.Date {
	return model.Date(d.Time().AddDate(0, 0, n).Format(time.DateOnly))
}

// before keeps t before now: an act the demo's clock has not reached yet
// happens a minute before it.
func before(t, now time.Time) time.Time {
	if t.After(now) {
		return now.Add(-time.Minute)
	}
	return t
}

// later is a moment during office hours about days days after from (on
// the demo city's clock), after from and before until; when that day
// falls outside, halfway between the two; the zero time when until is
// not after from.
func later(from, until time.Time, days int, rng *rand.Rand) time.Time {
	if !until.After(from) {
		return time.Time{}
	}
	t := officeHours(dayAfter(model.DefaultTimeZone.Today(from), days), rng)
	if !t.After(from) || !t.Before(until) {
		t = from.Add(until.Sub(from) / 2)
	}
	return t
}
