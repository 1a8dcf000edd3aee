package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// SignInHold is a sign-in limit in force (see limiter.go), as an
// administrator sees it: an account tried from one address, an account
// tried from many, or an address that tried many accounts.
type SignInHold struct {
	Hold
	// UserID and UserName name the account when the username tried is
	// one; both are empty for an address and for a name nobody has.
	UserID, UserName string
	Can              SignInHoldRights
}

// SignInHoldRights is what the actor may do with a hold.
type SignInHoldRights struct {
	Lift bool
}

// RetryAfterSeconds is the Retry-After of a refusal, in whole seconds
// (at least one).
func (e *RateLimitError) RetryAfterSeconds() int {
	return max(1, int((e.RetryAfter+time.Second-1)/time.Second))
}

// Wait says how long to wait, for a person.
func (e *RateLimitError) Wait() model.Message {
	if s := e.RetryAfterSeconds(); s < 120 {
		return model.Msg("signin.wait.seconds", s)
	}
	return model.Msg("signin.wait.minutes", (e.RetryAfterSeconds()+59)/60)
}

// mayLiftHolds reports whether the actor runs any accounts: administrators
// of accounts, and OPD administrators for their OPD's employees.
func mayLiftHolds(actor model.Actor) bool {
	return authz.Can(actor, authz.ManageUsers, authz.Target{InstansiID: actor.InstansiID}) ||
		len(authz.OPDs(actor, authz.ManageEmployees)) > 0
}

// mayUnlock reports whether the actor may lift the sign-in limits of u:
// administrators of accounts of u's instansi, and the OPD administrators
// of u's employee.
func (a *App) mayUnlock(ctx context.Context, actor model.Actor, u model.User) (bool, error) {
	if mayManageAccount(actor, u) {
		return true, nil
	}
	if u.EmployeeID == "" || u.InstansiID != actor.InstansiID || len(authz.OPDs(actor, authz.ManageEmployees)) == 0 {
		return false, nil
	}
	e, err := a.store.Employee(ctx, u.EmployeeID)
	if err != nil {
		return false, err
	}
	chart, err := a.OrgChart(ctx, e.InstansiID)
	if err != nil {
		return false, err
	}
	t, err := a.employeeTarget(ctx, actor, chart, e)
	if err != nil {
		return false, err
	}
	return mayManage(actor, t), nil
}

// SignInHolds lists the sign-in limits in force that the actor may see:
// those of the accounts they may unlock, and, for administrators of
// accounts, those of addresses and of names that are nobody's.
func (a *App) SignInHolds(ctx context.Context, actor model.Actor) ([]SignInHold, error) {
	if !mayLiftHolds(actor) {
		return nil, forbidden("sign-in limits")
	}
	instansiWide := authz.Can(actor, authz.ManageUsers, authz.Target{InstansiID: actor.InstansiID})
	users := map[string]*model.User{}
	var out []SignInHold
	for _, h := range a.limiter.holds() {
		v := SignInHold{Hold: h}
		if h.Account != "" {
			u, ok := users[h.Account]
			if !ok {
				found, err := a.store.UserByUsername(ctx, h.Account)
				switch {
				case err == nil:
					u = &found
				case !errors.Is(err, model.ErrNotFound):
					return nil, err
				}
				users[h.Account] = u
			}
			if u != nil {
				may, err := a.mayUnlock(ctx, actor, *u)
				if err != nil {
					return nil, err
				}
				if !may {
					continue
				}
				v.UserID, v.UserName = u.ID, u.DisplayName
			} else if !instansiWide {
				continue
			}
		} else if !instansiWide {
			continue
		}
		v.Can.Lift = true
		out = append(out, v)
	}
	return out, nil
}

// LiftSignInHold forgets one sign-in limit; the next attempt it held goes
// ahead at once. It is audited on the account, or on the address.
func (a *App) LiftSignInHold(ctx context.Context, actor model.Actor, id string) error {
	holds, err := a.SignInHolds(ctx, actor)
	if err != nil {
		return err
	}
	for _, h := range holds {
		if h.ID != id || !h.Can.Lift {
			continue
		}
		a.limiter.lift(id)
		entity, entityID := "user", h.UserID
		if entityID == "" {
			entity, entityID = "sign_in_limit", id
		}
		return a.store.Write(ctx, actor, func(tx *store.Tx) error {
			return tx.Audit(ctx, "sign_in.lift", entity, entityID, holdAudit(h.Hold), nil)
		})
	}
	return fmt.Errorf("sign-in limit %s: %w", id, model.ErrNotFound)
}

// UnlockUser lifts every sign-in limit of one account: its own and those
// of each address it was tried from. It answers how many it lifted (none
// is not an error: the account was free already) and is audited.
func (a *App) UnlockUser(ctx context.Context, actor model.Actor, userID string) (int, error) {
	u, err := a.store.User(ctx, userID)
	if err != nil {
		return 0, err
	}
	may, err := a.mayUnlock(ctx, actor, u)
	if err != nil {
		return 0, err
	}
	if !may {
		if mayLiftHolds(actor) && u.InstansiID == actor.InstansiID {
			return 0, forbidden("unlock user")
		}
		return 0, fmt.Errorf("user %s: %w", userID, model.ErrNotFound)
	}
	n := a.limiter.liftAccount(strings.ToLower(u.Username))
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.Audit(ctx, "user.unlock", "user", u.ID, map[string]int{"limits": n}, nil)
	})
	return n, err
}

// holdAudit is what the audit log keeps of a lifted hold.
func holdAudit(h Hold) map[string]any {
	m := map[string]any{"failures": h.Failures}
	if h.Account != "" {
		m["username"] = h.Account
	}
	if h.Address != "" {
		m["address"] = h.Address
	}
	return m
}
