package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// canManage checks that actor may manage employee e (their OPD or the whole
// instansi); a refusal reads as not found for those who may not see it.
func (a *App) canManage(ctx context.Context, actor model.Actor, e model.Employee) error {
	if e.InstansiID != actor.InstansiID && !actor.System {
		return fmt.Errorf("employee %s: %w", e.ID, model.ErrNotFound)
	}
	chart, err := a.OrgChart(ctx, e.InstansiID)
	if err != nil {
		return err
	}
	t, err := a.employeeTarget(ctx, actor, chart, e)
	if err != nil {
		return err
	}
	if !mayManage(actor, t) {
		return forbidden("manage employee " + e.Name)
	}
	return nil
}

// mayManage is the rule behind canManage and the employee's rights to be
// placed and to have a substitute rater: administrators of the employee's
// OPD or of the instansi.
func mayManage(actor model.Actor, t authz.Target) bool {
	if t.InstansiID != actor.InstansiID && !actor.System {
		return false
	}
	return authz.Can(actor, authz.ManageEmployees, t)
}

// PlacementRequest is a placement as an administrator asks for it: the
// position by id, or by the code people read on the unit page.
type PlacementRequest struct {
	EmployeeID   string
	PositionID   string
	PositionCode string
	Kind         model.PlacementKind
	Start        model.Date
	// End is the last day, when the SK already says it (a Plh for a known
	// absence): checked as an end recorded separately (EndPlacement).
	End    model.Date
	Decree string
	// ConfirmBackdated confirms a transfer whose TMT reaches into closed
	// or assessed periods (see BackdatedImpact); without it such a
	// transfer is refused with the list (BackdatedError).
	ConfirmBackdated bool
}

// Placed is a placement made, with what its TMT reached into (empty for
// nearly every placement): the assessments left outside their SKP, which
// need a new assessment.
type Placed struct {
	model.Placement
	Backdated BackdatedImpact
}

// Place resolves the position of a request and places the employee (see
// PlaceEmployee). It is the door of the web form and the API: a transfer
// whose TMT reaches into closed or assessed periods is refused with a
// *BackdatedError until the request confirms it.
func (a *App) Place(ctx context.Context, actor model.Actor, r PlacementRequest) (Placed, error) {
	code := strings.TrimSpace(r.PositionCode)
	// Who may place the person comes first: the request's fields are not
	// judged for someone who may not (a 422 would tell them the person and
	// the post exist). Then every field missing is named at once.
	if id := strings.TrimSpace(r.EmployeeID); id != "" {
		e, err := a.store.Employee(ctx, id)
		if err != nil {
			return Placed{}, err
		}
		if err := a.canManage(ctx, actor, e); err != nil {
			return Placed{}, err
		}
	}
	var v model.ValidationError
	if strings.TrimSpace(r.EmployeeID) == "" {
		v.Add("employee_id", "invalid.placement.employee.required")
	}
	if r.PositionID == "" && code == "" {
		v.Add("position_id", "invalid.position.required")
	}
	if r.Kind == "" {
		v.Add("kind", "invalid.placement.kind.required")
	} else if !r.Kind.Valid() {
		v.Add("kind", "invalid.placement.kind.unknown", r.Kind)
	}
	if r.Start == "" {
		v.Add("start", "invalid.placement.start.required")
	} else if _, err := model.ParseDate(string(r.Start)); err != nil {
		v.Add("start", "invalid.placement.start.invalid", r.Start)
	}
	if _, err := model.ParseDate(string(r.End)); r.End != "" && err != nil {
		v.AddErr("end", err)
	}
	if err := v.Err(); err != nil {
		return Placed{}, err
	}
	// Whoever manages a person whose record is closed hears that first,
	// whatever post the request names.
	if e, err := a.store.Employee(ctx, r.EmployeeID); err == nil && e.InstansiID == actor.InstansiID && a.canManage(ctx, actor, e) == nil {
		if err := a.refuseClosed(ctx, e); err != nil {
			return Placed{}, err
		}
	}
	byCode := r.PositionID == "" && code != ""
	if byCode {
		p, err := a.store.PositionByCode(ctx, actor.InstansiID, code)
		if err != nil {
			return Placed{}, model.Invalid("position_code", "manage.position.unknown")
		}
		r.PositionID = p.ID
	}
	pl, err := a.place(ctx, actor, model.Placement{EmployeeID: r.EmployeeID, PositionID: r.PositionID, Kind: r.Kind,
		Start: r.Start, End: r.End, Decree: strings.TrimSpace(r.Decree)}, !r.ConfirmBackdated)
	var ve *model.ValidationError
	if byCode && errors.As(err, &ve) && ve.Fields["position_id"] != "" { // said of the field the request filled
		var out model.ValidationError
		for f, key := range ve.Fields {
			to := f
			if f == "position_id" {
				to = "position_code"
			}
			out.Add(to, key, ve.Args[f]...)
		}
		return pl, &out
	}
	return pl, err
}

// RaterOverrideRequest is a substitute rater as an administrator names
// them: each person by id or by NIP.
type RaterOverrideRequest struct {
	EmployeeID   string
	RaterID      string
	RaterNIP     string
	UpperRaterID string
	UpperNIP     string
	Start        model.Date
	Reason       string
}

// SubstituteRater resolves the people of a request and names them the
// employee's raters (see OverrideRater).
func (a *App) SubstituteRater(ctx context.Context, actor model.Actor, r RaterOverrideRequest) (model.RaterOverride, error) {
	o := model.RaterOverride{EmployeeID: r.EmployeeID, RaterID: r.RaterID, UpperRaterID: r.UpperRaterID, Start: r.Start,
		Reason: strings.TrimSpace(r.Reason)}
	for _, p := range []struct {
		nip, field string
		id         *string
	}{{r.RaterNIP, "rater_id", &o.RaterID}, {r.UpperNIP, "upper_rater_id", &o.UpperRaterID}} {
		if nip := strings.TrimSpace(p.nip); *p.id == "" && nip != "" {
			e, err := a.store.EmployeeByNIP(ctx, actor.InstansiID, nip)
			if err != nil {
				return o, model.Invalid(p.field, "manage.nip.unknown")
			}
			*p.id = e.ID
		}
	}
	return a.OverrideRater(ctx, actor, o)
}

// PlaceEmployee puts an employee in a position: definitively (a transfer or
// promotion, ending the previous definitive placement) or as Plt/Plh beside
// it. Administrators of the employee's OPD or of the instansi only, and
// the position must be within their reach too. A post one person holds
// (model.OneHolder) takes no second definitive holder: the current one's
// placement is ended first.
func (a *App) PlaceEmployee(ctx context.Context, actor model.Actor, pl model.Placement) (model.Placement, error) {
	done, err := a.place(ctx, actor, pl, false)
	return done.Placement, err
}

// place is PlaceEmployee; when warn is set, a transfer whose TMT reaches
// into closed or assessed periods is refused with a *BackdatedError. The
// placement made carries what its TMT reached into, audited with it.
func (a *App) place(ctx context.Context, actor model.Actor, pl model.Placement, warn bool) (Placed, error) {
	done := Placed{Placement: pl}
	e, err := a.store.Employee(ctx, pl.EmployeeID)
	if err != nil {
		return done, err
	}
	if err := a.canManage(ctx, actor, e); err != nil {
		return done, err
	}
	if err := a.refuseClosed(ctx, e); err != nil {
		return done, err
	}
	pos, err := a.store.Position(ctx, pl.PositionID)
	if err != nil || pos.InstansiID != e.InstansiID {
		return done, model.Invalid("position_id", "invalid.placement.position.notfound")
	}
	scope, err := a.manageScope(ctx, actor)
	if err != nil {
		return done, err
	}
	if err := scope.refusePositionOutside(pos, "position_id"); err != nil {
		return done, err
	}
	if _, err := model.ParseDate(string(pl.End)); pl.End != "" && err != nil {
		return done, model.InvalidErr("end", err)
	}
	today := a.Today(ctx, e.InstansiID)
	if err := model.CheckPlacementDate(pl.Start, today); err != nil {
		return done, model.InvalidErr("start", err)
	}
	if err := model.CheckPlacementDate(pl.End, today); pl.End != "" && err != nil {
		return done, model.InvalidErr("end", err)
	}
	if model.EndsBeforeStart(pl.Start, pl.End) {
		return done, model.Invalid("end", "invalid.placement.end.before")
	}
	// The same person on the same post in the same way twice over the
	// same days is one placement entered twice (a Plh made definitive is
	// not).
	if err := refuseHeld(ctx, a.store, pos, pl); err != nil {
		return done, err
	}
	if done.Backdated, err = a.backdatedImpact(ctx, e, pos, pl.Kind, pl.Start); err != nil {
		return done, err
	}
	err = a.orgWrite(ctx, actor, e.InstansiID, func(tx *store.Tx) error {
		// Checked again on the record as it is now: of two placements sent
		// at once, the second sees the first.
		var err error
		if e, err = lockRecord(ctx, tx, e.ID); err != nil {
			return err
		}
		// And its post: two people placed on it at once are checked
		// against its holders one after the other.
		if err := tx.LockPosition(ctx, pos.ID); err != nil {
			return err
		}
		if err := refuseHeld(ctx, tx, pos, pl); err != nil {
			return err
		}
		try := func(c *model.OrgChart) *model.OrgChart {
			return c.WithHolding(model.OrgHolding{EmployeeID: pl.EmployeeID, PositionID: pl.PositionID, Kind: pl.Kind})
		}
		if err := a.refuseSelfRating(ctx, tx, e, pl.Start, pl.End, try, "position_id", "position_id"); err != nil {
			return err
		}
		if pl.Kind == model.PlacementDefinitif {
			if err := refuseSameStart(ctx, tx, pl, today); err != nil {
				return err
			}
			if err := refuseSecondHolder(ctx, tx, pos, pl.EmployeeID, pl.Start, "position_id"); err != nil {
				return err
			}
		}
		if err := refuseSecondActing(ctx, tx, pos, pl); err != nil {
			return err
		}
		// Confirmation is asked last, of a placement that is otherwise
		// valid: a confirmed one is never refused for another reason.
		if warn && !done.Backdated.Empty() {
			return &BackdatedError{Impact: done.Backdated}
		}
		if pl, err = tx.Place(ctx, pl); err != nil {
			return err
		}
		if pl.Kind == model.PlacementDefinitif && pos.ID != e.PositionID {
			if err := closeSKPsOnTransfer(ctx, tx, e, pl.Start); err != nil {
				return err
			}
			return auditBackdated(ctx, tx, pl, done.Backdated)
		}
		return nil
	})
	done.Placement = pl
	return done, err
}

// refuseSameStart refuses a definitive placement from the TMT of the
// employee's current one, which would end before it began, with advice
// that can be followed: a current placement not in force yet may be
// cancelled, one in force cannot (CancelPlacement), so the new one takes
// a later TMT. The store refuses it too, as a last guard.
func refuseSameStart(ctx context.Context, db placementReader, pl model.Placement, today model.Date) error {
	held, err := db.Placements(ctx, pl.EmployeeID)
	if err != nil {
		return err
	}
	for _, c := range held {
		if c.Kind != model.PlacementDefinitif || c.End != "" || c.Start != pl.Start {
			continue
		}
		if c.Start > today {
			return model.Invalid("start", "invalid.placement.start.same.planned", c.Start, c.PositionName)
		}
		return model.Invalid("start", "invalid.placement.start.same", c.Start, c.PositionName)
	}
	return nil
}

// refuseHeld refuses a placement the employee holds already: the same
// person on the same post in the same way twice over the same days is one
// placement entered twice (a Plh made definitive is not), and a Plt or
// Plh acts for someone else, never on one's own post.
func refuseHeld(ctx context.Context, db placementReader, pos model.Position, pl model.Placement) error {
	held, err := db.Placements(ctx, pl.EmployeeID)
	if err != nil {
		return err
	}
	for _, x := range held {
		if x.PositionID == pl.PositionID && x.Kind == pl.Kind && overlaps(x.Start, x.End, pl.Start, pl.End) {
			return model.Refused("conflict.placement.duplicate", x.Start)
		}
		if x.PositionID == pl.PositionID && x.Kind == model.PlacementDefinitif && pl.Kind != model.PlacementDefinitif &&
			overlaps(x.Start, x.End, pl.Start, pl.End) {
			return model.Invalid("position_id", "invalid.placement.acting.own", pos.Name)
		}
	}
	return nil
}

// lockPlacement locks the record of a placement's employee in tx and
// reads the placement again: one cancelled, ended or changed since pl was
// read (another act sent at once) is refused (409), so that an act never
// works from a placement that is no more.
func (a *App) lockPlacement(ctx context.Context, tx *store.Tx, pl model.Placement) (model.Employee, error) {
	e, err := lockRecord(ctx, tx, pl.EmployeeID)
	if err != nil {
		return e, err
	}
	now, err := tx.PlacementByID(ctx, pl.ID)
	if err != nil {
		return e, err
	}
	if now.Cancelled {
		return e, model.Refused("conflict.placement.cancelled",
			model.DateLabel(a.TimeZone(ctx, e.InstansiID).Today(now.CancelledAt)), now.CancelledBy)
	}
	if now.Start != pl.Start || now.End != pl.End || now.PositionID != pl.PositionID {
		// No act on a placement carries a version: the refusal names
		// what the placement is now, not a version to send again.
		if now.PositionName == "" {
			if pos, err := tx.Position(ctx, now.PositionID); err == nil {
				now.PositionName = pos.Name
			}
		}
		return e, placementChanged(now)
	}
	return e, nil
}

// placementChanged is the refusal (409) of an act on a placement that
// another act changed since it was read: it says what the placement is
// now, ended on a date or running from its TMT with no end.
func placementChanged(now model.Placement) error {
	if now.End != "" {
		return model.Refused("conflict.placement.changed.ended", now.PositionName, model.DateLabel(now.Start), model.DateLabel(now.End))
	}
	return model.Refused("conflict.placement.changed.open", now.PositionName, model.DateLabel(now.Start))
}

// refuseSecondActing keeps one acting holder on a post at a time: a Plt
// or Plh is refused while another acts on the post on any of its days,
// and a definitive holder of a post one person holds (model.OneHolder)
// while a Plt or Plh acts on it from the TMT: the acting placement ends
// first, at the latest the day before, so that who rates the post's staff
// is never in doubt.
func refuseSecondActing(ctx context.Context, tx *store.Tx, pos model.Position, pl model.Placement) error {
	except := ""
	if pl.Kind == model.PlacementDefinitif {
		leads, err := tx.PositionLeads(ctx, pos.ID)
		if err != nil || !model.OneHolder(pos, leads) {
			return err
		}
		except = pl.EmployeeID
	}
	acting, err := tx.ActingHoldings(ctx, pos.ID, pl.Start, pl.End, except)
	if err != nil || len(acting) == 0 {
		return err
	}
	x := acting[0]
	kind := strings.TrimSuffix(model.ActingTitle(x.Kind, ""), ". ")
	if pl.Kind == model.PlacementDefinitif {
		return model.Invalid("position_id", "invalid.placement.acting.first", pos.Name, kind, x.Holder, x.Start)
	}
	return model.Invalid("position_id", "invalid.placement.acting.held", pos.Name, kind, x.Holder, x.Start)
}

// managedPlacement returns a placement of an employee the actor may
// change, with the employee: a placement of someone else reads as not
// found; one cancelled already is refused (409), saying when and by whom.
//
// Who may act is decided first; then input, when given, judges the
// request (before any state is looked at); then the placement's and the
// person's state.
func (a *App) managedPlacement(ctx context.Context, actor model.Actor, employeeID, placementID, what string, input func() error) (model.Placement, model.Employee, error) {
	pl, err := a.store.PlacementByID(ctx, placementID)
	if err != nil {
		return pl, model.Employee{}, err
	}
	if pl.EmployeeID != employeeID {
		return pl, model.Employee{}, fmt.Errorf("placement %s: %w", placementID, model.ErrNotFound)
	}
	e, err := a.store.Employee(ctx, pl.EmployeeID)
	if err != nil {
		return pl, e, err
	}
	if err := a.canManage(ctx, actor, e); err != nil {
		return pl, e, err
	}
	scope, err := a.manageScope(ctx, actor)
	if err != nil {
		return pl, e, err
	}
	if can, err := a.placementRights(ctx, scope, []model.Placement{pl}); err != nil || !can[pl.ID] {
		if err == nil {
			err = forbidden(what + " a placement in another OPD")
		}
		return pl, e, err
	}
	if input != nil {
		if err := input(); err != nil {
			return pl, e, err
		}
	}
	if pl.Cancelled {
		return pl, e, model.Refused("conflict.placement.cancelled",
			model.DateLabel(a.TimeZone(ctx, e.InstansiID).Today(pl.CancelledAt)), pl.CancelledBy)
	}
	if err := a.refuseClosed(ctx, e); err != nil {
		return pl, e, err
	}
	return pl, e, nil
}

// EndPlacement ends a Plt/Plh (or definitive) placement of an employee on
// a date. A placement of someone else reads as not found. Ending again a
// placement whose end is set and not yet past changes its end date
// (audited as such; the SKP of a Plt/Plh moves with it); a date that
// would leave work recorded on that SKP outside it is refused (409).
func (a *App) EndPlacement(ctx context.Context, actor model.Actor, employeeID, placementID string, end model.Date) error {
	pl, e, err := a.managedPlacement(ctx, actor, employeeID, placementID, "end", func() error {
		if _, err := model.ParseDate(string(end)); err != nil {
			return model.InvalidErr("end", err) // before any state is looked at
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := model.CheckPlacementDate(end, a.Today(ctx, e.InstansiID)); err != nil {
		return model.InvalidErr("end", err)
	}
	if model.EndsBeforeStart(pl.Start, end) {
		return model.Invalid("end", "invalid.placement.end.before")
	}
	if today := a.Today(ctx, e.InstansiID); pl.End != "" && pl.End < today {
		// Over already: ending it again would rewrite its history.
		return model.Refused("conflict.placement.ended", model.DateLabel(pl.End))
	}
	if pl.End == end {
		return nil // the end it has: nothing changes
	}
	skps, err := a.actingSKPs(ctx, e, pl)
	if err != nil {
		return err
	}
	for _, s := range skps {
		if last, err := a.store.WorkAfter(ctx, s.ID, end); err != nil {
			return err
		} else if last != "" {
			return model.Refused("conflict.placement.end.work", model.DateLabel(end), s.Year, model.DateLabel(last))
		}
	}
	holding := model.OrgHolding{EmployeeID: pl.EmployeeID, PositionID: pl.PositionID, Kind: pl.Kind}
	return a.orgWrite(ctx, actor, e.InstansiID, func(tx *store.Tx) error {
		if _, err := a.lockPlacement(ctx, tx, pl); err != nil {
			return err
		}
		if pl.End != "" && end > pl.End {
			// Longer: the placement holds the post again on days it had
			// left, checked as a placement of those days.
			from := dayAfter(pl.End)
			try := func(c *model.OrgChart) *model.OrgChart { return c.WithHolding(holding) }
			if err := a.refuseSelfRating(ctx, tx, e, from, end, try, "end", "end"); err != nil {
				return err
			}
			// Its post is locked as for a new placement (place).
			if err := tx.LockPosition(ctx, pl.PositionID); err != nil {
				return err
			}
			pos, err := tx.Position(ctx, pl.PositionID)
			if err != nil {
				return err
			}
			if pl.Kind == model.PlacementDefinitif {
				if err := refuseSecondHolder(ctx, tx, pos, pl.EmployeeID, from, "end"); err != nil {
					return err
				}
			}
			later := pl
			later.Start, later.End = from, end
			if err := refuseSecondActing(ctx, tx, pos, later); err != nil {
				return err
			}
		} else {
			try := func(c *model.OrgChart) *model.OrgChart { return c.WithoutHolding(holding) }
			if err := a.refuseSelfRating(ctx, tx, e, dayAfter(end), "", try, "end", "end"); err != nil {
				return err
			}
		}
		today := a.Today(ctx, e.InstansiID)
		if pl.End != "" {
			if err := tx.ChangePlacementEnd(ctx, placementID, end, today); err != nil {
				return err
			}
		} else if err := tx.EndPlacement(ctx, placementID, end, today); err != nil {
			return err
		}
		if pl.Kind == model.PlacementDefinitif {
			return nil
		}
		if err := moveActingSKPs(ctx, tx, e, pl, end); err != nil {
			return err
		}
		if end < today {
			return closeActingSKPs(ctx, tx, e, pl, end)
		}
		// Ahead of time: the SKP runs until its new last day and closes
		// when that day has passed (ApplyEndedPlacements).
		return nil
	})
}

// CancelPlacement cancels a placement that has not started yet (recorded
// by mistake, or the SK withdrawn): it holds nothing from then on, stays
// in the audit log, and the SKP drawn up for a Plt/Plh post is closed
// before it began. A definitive placement gives the post back to the
// definitive placement it ended the day before it began. Refused (409)
// once the placement has started: it is ended then.
func (a *App) CancelPlacement(ctx context.Context, actor model.Actor, employeeID, placementID string) error {
	pl, e, err := a.managedPlacement(ctx, actor, employeeID, placementID, "cancel", nil)
	if err != nil {
		return err
	}
	if today := a.Today(ctx, e.InstansiID); pl.Start <= today {
		return model.Refused("conflict.placement.started", model.DateLabel(pl.Start))
	}
	skps, err := a.actingSKPs(ctx, e, pl)
	if err != nil {
		return err
	}
	for _, s := range skps {
		if last, err := a.store.WorkAfter(ctx, s.ID, ""); err != nil {
			return err
		} else if last != "" {
			return model.Refused("conflict.placement.cancel.work", s.Year, model.DateLabel(last))
		}
	}
	// The definitive placement this one ended, the day before it began.
	var prev *model.Placement
	if pl.Kind == model.PlacementDefinitif {
		list, err := a.store.Placements(ctx, e.ID)
		if err != nil {
			return err
		}
		dayBefore := model.Date(pl.Start.Time().AddDate(0, 0, -1).Format("2006-01-02"))
		for i := range list {
			if x := list[i]; x.ID != pl.ID && x.Kind == model.PlacementDefinitif && x.End == dayBefore {
				prev = &list[i]
				break
			}
		}
	}
	holding := model.OrgHolding{EmployeeID: pl.EmployeeID, PositionID: pl.PositionID, Kind: pl.Kind}
	return a.orgWrite(ctx, actor, e.InstansiID, func(tx *store.Tx) error {
		if _, err := a.lockPlacement(ctx, tx, pl); err != nil {
			return err
		}
		try := func(c *model.OrgChart) *model.OrgChart { return c.WithoutHolding(holding) }
		if err := a.refuseSelfRating(ctx, tx, e, pl.Start, pl.End, try, "placement", "placement"); err != nil {
			return err
		}
		if err := tx.CancelPlacement(ctx, pl.ID, prev, ""); err != nil {
			return err
		}
		for _, s := range skps {
			if s.Status == model.SKPClosed {
				continue
			}
			next, err := model.NextSKPStatus(s.Status, model.ActClose)
			if err != nil {
				continue
			}
			s.Status, s.PeriodEnd = next, s.PeriodStart
			if err := tx.SetSKPStatus(ctx, s.Version, s, model.ActClose); err != nil {
				return err
			}
		}
		return nil
	})
}

// actingSKPs returns the SKPs of an employee for the Plt/Plh post of a
// placement, drawn up for its days; none for a definitive placement.
func (a *App) actingSKPs(ctx context.Context, e model.Employee, pl model.Placement) ([]model.SKP, error) {
	if pl.Kind == model.PlacementDefinitif {
		return nil, nil
	}
	list, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}})
	if err != nil {
		return nil, err
	}
	var out []model.SKP
	for _, s := range list {
		if s.Acting != "" && s.PositionID == pl.PositionID && s.PeriodStart >= pl.Start && (pl.End == "" || s.PeriodStart <= pl.End) {
			out = append(out, s)
		}
	}
	return out, nil
}

// moveActingSKPs moves the end of the SKPs of a Plt/Plh post that end
// with the placement (on its end, or on 31 December of their year when
// it has none yet) to its new end, within their year.
func moveActingSKPs(ctx context.Context, tx *store.Tx, e model.Employee, pl model.Placement, end model.Date) error {
	list, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{pl.EmployeeID}})
	if err != nil {
		return err
	}
	for _, s := range list {
		yearEnd := model.Date(fmt.Sprintf("%d-12-31", s.Year))
		was := yearEnd
		if pl.End != "" {
			was = min(pl.End, yearEnd)
		}
		if s.Acting == "" || s.PositionID != pl.PositionID || s.PeriodStart < pl.Start || s.PeriodEnd != was {
			continue
		}
		to := max(s.PeriodStart, min(end, yearEnd))
		if to == s.PeriodEnd {
			continue
		}
		if err := tx.SetSKPPeriodEnd(ctx, s, to); err != nil {
			return err
		}
	}
	return nil
}

// OverrideRater names a different pejabat penilai (and optionally atasan)
// for an employee from a date, with a reason: a JF placed directly under a
// JPT, an assignment across units. An OPD admin names people of their OPD
// (see raterOutside); a rater from another OPD is BKPSDM's to name.
func (a *App) OverrideRater(ctx context.Context, actor model.Actor, o model.RaterOverride) (model.RaterOverride, error) {
	e, err := a.store.Employee(ctx, o.EmployeeID)
	if err != nil {
		return o, err
	}
	if err := a.canManage(ctx, actor, e); err != nil {
		return o, err
	}
	// The dates asked for are checked before anything stored is: a date
	// that is no date is said as such, whatever the state.
	var v model.ValidationError
	if _, err := model.ParseDate(string(o.Start)); err != nil {
		v.AddErr("start", err)
	}
	if _, err := model.ParseDate(string(o.End)); o.End != "" && err != nil {
		v.AddErr("end", err)
	} else if v.Fields["start"] == "" && model.EndsBeforeStart(o.Start, o.End) {
		v.Add("end", "invalid.range.end.before")
	}
	if err := v.Err(); err != nil {
		return o, err
	}
	if err := a.refuseClosed(ctx, e); err != nil {
		return o, err
	}
	for field, id := range map[string]string{"rater_id": o.RaterID, "upper_rater_id": o.UpperRaterID} {
		if id == "" {
			continue
		}
		r, err := a.store.Employee(ctx, id)
		if err != nil || r.InstansiID != e.InstansiID || !r.Active {
			return o, model.Invalid(field, "invalid.placement.rater.inactive")
		}
	}
	if field, who, err := a.overrideOutside(ctx, actor, o); err != nil || field != "" {
		if err == nil {
			err = model.Invalid(field, "invalid.rater.reach", who.FullName())
		}
		return o, err
	}
	if _, err := model.ParseDate(string(o.End)); o.End != "" && err != nil {
		return o, model.InvalidErr("end", err)
	}
	if model.EndsBeforeStart(o.Start, o.End) {
		return o, model.Invalid("end", "invalid.range.end.before")
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(o.Reason)); n > maxOverrideReason {
		return o, model.Invalid("reason", "invalid.rater.reason.long", maxOverrideReason)
	}
	// One substitute at a time: which of two overlapping ones would rate
	// is nobody's decision.
	if err := refuseOverlap(ctx, a.store, o); err != nil {
		return o, err
	}
	err = a.orgWrite(ctx, actor, e.InstansiID, func(tx *store.Tx) error {
		// Checked again on the record as it is now: of two substitutes
		// sent at once, the second sees the first.
		if _, err := lockRecord(ctx, tx, e.ID); err != nil {
			return err
		}
		if err := refuseOverlap(ctx, tx, o); err != nil {
			return err
		}
		try := func(c *model.OrgChart) *model.OrgChart { return c.WithOverride(o) }
		if err := a.refuseSelfRating(ctx, tx, e, o.Start, o.End, try, "rater_id", "upper_rater_id"); err != nil {
			return err
		}
		var err error
		o, err = tx.CreateRaterOverride(ctx, o)
		return err
	})
	return o, err
}

// refuseOverlap keeps one substitute rater at a time: which of two
// overlapping ones would rate is nobody's decision. An equal start is an
// overlap too: nothing ends a substitute before it began.
func refuseOverlap(ctx context.Context, db interface {
	RaterOverrides(ctx context.Context, employeeID string) ([]model.RaterOverride, error)
}, o model.RaterOverride) error {
	existing, err := db.RaterOverrides(ctx, o.EmployeeID)
	if err != nil {
		return err
	}
	for _, x := range existing {
		if x.ID != o.ID && overlaps(x.Start, x.End, o.Start, o.End) {
			return model.Refused("conflict.rater.overlap", x.Start)
		}
	}
	return nil
}

// EndRaterOverride ends an override on a date; the derived raters apply
// again from the next day. Ending again one whose end is set and not yet
// past changes its end date (audited as such), as for placements.
func (a *App) EndRaterOverride(ctx context.Context, actor model.Actor, employeeID, overrideID string, end model.Date) error {
	e, err := a.store.Employee(ctx, employeeID)
	if err != nil {
		return err
	}
	if err := a.canManage(ctx, actor, e); err != nil {
		return err
	}
	if _, err := model.ParseDate(string(end)); err != nil {
		return model.InvalidErr("end", err)
	}
	if err := a.refuseClosed(ctx, e); err != nil {
		return err
	}
	list, err := a.store.RaterOverrides(ctx, employeeID)
	if err != nil {
		return err
	}
	var found *model.RaterOverride
	for i := range list {
		if list[i].ID == overrideID {
			found = &list[i]
		}
	}
	if found == nil {
		return fmt.Errorf("rater override %s: %w", overrideID, model.ErrNotFound)
	}
	if field, _, err := a.overrideOutside(ctx, actor, *found); err != nil || field != "" {
		if err == nil {
			err = forbidden("end a substitute rater from another OPD")
		}
		return err
	}
	if _, err := model.ParseDate(string(end)); err != nil {
		return model.InvalidErr("end", err)
	}
	if model.EndsBeforeStart(found.Start, end) {
		return model.Invalid("end", "invalid.range.end.before")
	}
	if today := a.Today(ctx, e.InstansiID); found.End != "" && found.End < today {
		return model.Refused("conflict.override.ended", model.DateLabel(found.End))
	}
	if found.End == end {
		return nil // the end it has: nothing changes
	}
	if found.End != "" && end > found.End {
		// Longer: not over the days of a substitute named since.
		for _, x := range list {
			if x.ID != found.ID && overlaps(x.Start, x.End, dayAfter(found.End), end) {
				return model.Refused("conflict.rater.overlap", x.Start)
			}
		}
	}
	return a.orgWrite(ctx, actor, e.InstansiID, func(tx *store.Tx) error {
		// Checked again on the record as it is now: an override ended or
		// changed by another act sent at once is not the one read.
		if _, err := lockRecord(ctx, tx, e.ID); err != nil {
			return err
		}
		now, err := tx.RaterOverrides(ctx, employeeID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(now, func(x model.RaterOverride) bool { return x.ID == overrideID })
		// The end carries no version: a refusal names the state now.
		if i < 0 {
			return fmt.Errorf("rater override %s: %w", overrideID, model.ErrNotFound)
		}
		if now[i].Start != found.Start || now[i].End != found.End {
			if now[i].End != "" {
				return model.Refused("conflict.override.changed.ended", model.DateLabel(now[i].Start), model.DateLabel(now[i].End))
			}
			return model.Refused("conflict.override.changed.open", model.DateLabel(now[i].Start))
		}
		if found.End != "" && end > found.End {
			for _, x := range now {
				if x.ID != found.ID && overlaps(x.Start, x.End, dayAfter(found.End), end) {
					return model.Refused("conflict.rater.overlap", x.Start)
				}
			}
			try := func(c *model.OrgChart) *model.OrgChart { return c.WithOverride(*found) }
			if err := a.refuseSelfRating(ctx, tx, e, dayAfter(found.End), end, try, "end", "end"); err != nil {
				return err
			}
		} else {
			try := func(c *model.OrgChart) *model.OrgChart { return c.WithoutOverride(overrideID) }
			if err := a.refuseSelfRating(ctx, tx, e, dayAfter(end), "", try, "end", "end"); err != nil {
				return err
			}
		}
		if found.End != "" {
			// Ended already, not yet past: a change of its end date.
			return tx.ChangeRaterOverrideEnd(ctx, overrideID, end)
		}
		return tx.EndRaterOverride(ctx, overrideID, end)
	})
}

// RaterOverrides lists an employee's overrides for those who may manage them.
func (a *App) RaterOverrides(ctx context.Context, actor model.Actor, employeeID string) ([]model.RaterOverride, error) {
	e, err := a.store.Employee(ctx, employeeID)
	if err != nil {
		return nil, err
	}
	if err := a.canManage(ctx, actor, e); err != nil {
		return nil, err
	}
	return a.store.RaterOverrides(ctx, employeeID)
}

// RaterOverrideList is RaterOverrides with the names of the people named
// and what the actor may do with each override.
func (a *App) RaterOverrideList(ctx context.Context, actor model.Actor, employeeID string) ([]OverrideView, error) {
	list, err := a.RaterOverrides(ctx, actor, employeeID)
	if err != nil {
		return nil, err
	}
	return a.overrideViews(ctx, actor, list)
}

// refuseSelfRating refuses a change of the organisation (an override, a
// placement) that would make anyone their own pejabat penilai or their own
// atasan pejabat penilai, directly or through a cycle: the model is asked
// with the change applied to the chart of the day it starts and, when that
// day is past, of today. Nobody assesses themselves (PermenPANRB 6/2022:
// the pejabat penilai is the superior). The refusal is a field error on
// raterField when someone would come back in their own line of raters,
// on upperField when only their atasan would be wrong. A fault already
// stored is not blamed on the change.
func (a *App) refuseSelfRating(ctx context.Context, tx *store.Tx, e model.Employee, start, until model.Date,
	try func(*model.OrgChart) *model.OrgChart, raterField, upperField string) error {
	if _, err := model.ParseDate(string(start)); err != nil {
		return nil // the store refuses the date itself
	}
	dates, err := a.selfRatingDays(ctx, tx, e.InstansiID, start, until)
	if err != nil {
		return err
	}
	for _, d := range dates {
		before, err := tx.OrgChart(ctx, e.InstansiID, d)
		if err != nil {
			return err
		}
		if err := selfRatingError(ctx, tx, model.NewSelfRatings(before, try(before)), e.ID, raterField, upperField); err != nil {
			return err
		}
	}
	return nil
}

// selfRatingDays returns, oldest first, the days on which a change of the
// organisation in force from start until ("" for open-ended) is checked
// for self-rating, on every path (a placement, an override, an import):
// its first day, today's when that is later, and every later day
// something already written comes into force or ends while the change is
// in force, since what comes into force later may combine with it.
func (a *App) selfRatingDays(ctx context.Context, tx *store.Tx, instansiID string, start, until model.Date) ([]model.Date, error) {
	dates := []model.Date{start}
	from := start
	if today := a.Today(ctx, instansiID); start < today {
		dates, from = append(dates, today), today
	}
	later, err := tx.OrgChangeDates(ctx, instansiID, from)
	if err != nil {
		return nil, err
	}
	for _, d := range later {
		if until == "" || d <= until {
			dates = append(dates, d)
		}
	}
	return dates, nil
}

// selfRatingError is the field error for the first of found, preferring
// the employee changed, naming them; nil when found is empty.
func selfRatingError(ctx context.Context, tx *store.Tx, found []model.SelfRating, changed, raterField, upperField string) error {
	if len(found) == 0 {
		return nil
	}
	who := found[0]
	for _, f := range found {
		if f.EmployeeID == changed {
			who = f
		}
	}
	field, key := raterField, "invalid.rater.selfrating"
	if who.Upper {
		field, key = upperField, "invalid.rater.selfrating.upper"
	}
	name := who.EmployeeID
	if p, err := tx.Employee(ctx, who.EmployeeID); err == nil {
		name = p.Name
	}
	return model.Invalid(field, key, name)
}

// dayAfter returns the day after d, the first day a placement or an
// override ending on d is no longer in force.
func dayAfter(d model.Date) model.Date {
	return model.Date(d.Time().AddDate(0, 0, 1).Format("2006-01-02"))
}

// maxOverrideReason is how long, in characters, the reason for a
// substitute rater may be.
const maxOverrideReason = 500

// overlaps reports whether two date ranges share a day; an empty end is
// open.
func overlaps(start1, end1, start2, end2 model.Date) bool {
	open := model.Date("9999-12-31")
	return start1 <= cmp.Or(end2, open) && start2 <= cmp.Or(end1, open)
}
