package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// One person, one record: the end of someone's employment (pemberhentian),
// its cancellation when it was a mistake, the merge of two records of one
// person, and the NIP history an import writes when BKN gives a person a
// new number (see docs/organisasi-nip-dan-akhir-kerja.md).

// EmploymentView is what the employee page shows of the record's life: the
// end in force, every end recorded (cancelled ones too), the NIP history,
// and the record it was merged into.
type EmploymentView struct {
	End        *model.EmploymentEnd
	Ends       []model.EmploymentEnd
	NIPHistory []model.NIPChange
	MergedInto *model.Employee
	// Merge is the merge that folded the record into MergedInto (its
	// date), set with it.
	Merge *model.EmployeeMerge
	// Closed says why nothing is done with the record any more, for
	// everyone who reads it: merged into another record (with the kept
	// record's name and NIP) or employed no longer (the end's kind, TMT
	// and SK, to those who read the full record). Its Key is "" for an
	// active record. Every act on the person is refused with it
	// (refuseClosed).
	Closed model.Message
	// CancelRefused says why the end in force cannot be cancelled now
	// (cancelRefusal), to those who could otherwise; its Key is "" when
	// it can, or for anyone else.
	CancelRefused model.Message
}

// employmentOf fills the record's employment view and the rights that go
// with it: end the employment (an active record, for the admins of its OPD
// or the instansi), cancel an end (the same admins: an ended person stays
// in the reach of the OPD they left, see employeeTarget), merge (BKPSDM).
// A merged record offers nothing.
func (a *App) employmentOf(ctx context.Context, actor model.Actor, d *EmployeeDetail, target authz.Target) error {
	e := d.Employee
	if m, err := a.store.MergedInto(ctx, e.ID); err == nil {
		into, err := a.store.Employee(ctx, m.IntoID)
		if err != nil {
			return err
		}
		d.Employment.MergedInto, d.Employment.Merge = &into, &m
		d.Can = EmployeeRights{}
	} else if !errors.Is(err, model.ErrNotFound) {
		return err
	}
	ends, err := a.store.EmploymentEnds(ctx, e.ID)
	if err != nil {
		return err
	}
	if d.Full {
		d.Employment.Ends = ends
		if d.Employment.NIPHistory, err = a.store.NIPChanges(ctx, e.ID); err != nil {
			return err
		}
	}
	end := endInForce(e, ends)
	if d.Full {
		d.Employment.End = end
	}
	d.Employment.Closed = closedMessage(e, d.Employment.MergedInto, d.Employment.Merge, end, d.Full)
	if d.Employment.MergedInto != nil {
		return nil
	}
	d.Can.EndEmployment = e.Active && mayManage(actor, target)
	d.Can.CancelEnd = end != nil && mayManage(actor, target)
	if d.Can.CancelEnd {
		closed, err := a.store.EndClosures(ctx, end.ID)
		if err != nil {
			return err
		}
		if d.Employment.CancelRefused, err = a.cancelRefusal(ctx, e, *end, closed); err != nil {
			return err
		}
		d.Can.CancelEnd = d.Employment.CancelRefused.Key == ""
	}
	d.Can.Merge = authz.Can(actor, authz.MergeEmployees, authz.Target{InstansiID: e.InstansiID}) && e.InstansiID == actor.InstansiID
	return nil
}

// closedMessage says why a record takes no act any more: merged into
// another (a merge ends nothing: the person goes on in the kept record),
// or employed no longer. The end's SK is named to those who read the full
// record (full) only. Key "" for an active record.
func closedMessage(e model.Employee, into *model.Employee, m *model.EmployeeMerge, end *model.EmploymentEnd, full bool) model.Message {
	switch {
	case into != nil && m != nil:
		return model.Msg("record.merged", into.FullName(), into.NIP, model.DateLabel(model.Date(m.At.UTC().Format(time.DateOnly))))
	case e.Active:
		return model.Message{}
	case end != nil && full:
		return model.Msg("record.ended", e.FullName(), model.Msg("employment.kind."+string(end.Kind)), model.DateLabel(end.Date), end.Decree)
	}
	return model.Msg("record.inactive", e.FullName())
}

// refuseClosed refuses an act on the person of record e when that record
// is closed: merged into another record, or their employment ended. The
// refusal is a state conflict (409) that says which, and for a merge
// names the record kept, where the act belongs now. nil for an active
// record.
func (a *App) refuseClosed(ctx context.Context, e model.Employee) error {
	return refuseClosedIn(ctx, a.store, e)
}

// recordReader reads the state of an employee record: the store, or a
// transaction that locked the record (lockRecords).
type recordReader interface {
	Employee(ctx context.Context, id string) (model.Employee, error)
	MergedInto(ctx context.Context, employeeID string) (model.EmployeeMerge, error)
	EmploymentEnds(ctx context.Context, employeeID string) ([]model.EmploymentEnd, error)
}

// lockRecords locks employee records in the write transaction of an act
// whose rule depends on their state, and returns them as they are now,
// in the order asked (store.Tx.LockEmployees). What the act checked
// before its transaction began may have changed since: the act checks
// again, against what this returns and what tx reads from here on, so
// that of two acts on one record sent at once the second sees the first
// and is refused when the state it needs is gone. The first record is
// refused when it is closed (merged, or its employment ended), as
// refuseClosed does.
func lockRecords(ctx context.Context, tx *store.Tx, ids ...string) ([]model.Employee, error) {
	list, err := tx.LockEmployees(ctx, ids...)
	if err != nil {
		return nil, err
	}
	return list, refuseClosedIn(ctx, tx, list[0])
}

// lockRecord is lockRecords for one record.
func lockRecord(ctx context.Context, tx *store.Tx, id string) (model.Employee, error) {
	list, err := lockRecords(ctx, tx, id)
	if err != nil {
		return model.Employee{}, err
	}
	return list[0], nil
}

// refuseClosedIn is refuseClosed reading from db.
func refuseClosedIn(ctx context.Context, db recordReader, e model.Employee) error {
	if e.Active {
		return nil
	}
	var into *model.Employee
	var merge *model.EmployeeMerge
	if m, err := db.MergedInto(ctx, e.ID); err == nil {
		kept, err := db.Employee(ctx, m.IntoID)
		if err != nil {
			return err
		}
		into, merge = &kept, &m
	} else if !errors.Is(err, model.ErrNotFound) {
		return err
	}
	var end *model.EmploymentEnd
	if into == nil {
		ends, err := db.EmploymentEnds(ctx, e.ID)
		if err != nil {
			return err
		}
		end = endInForce(e, ends)
	}
	msg := closedMessage(e, into, merge, end, true)
	return model.Refused(msg.Key, msg.Args...)
}

// formerOPD is the OPD an ended employee left, whose admins still reach
// their record; "" when no end is in force.
func (a *App) formerOPD(ctx context.Context, employeeID string) (string, error) {
	ends, err := a.store.EmploymentEnds(ctx, employeeID)
	if err != nil {
		return "", err
	}
	if end := endInForce(model.Employee{}, ends); end != nil {
		return end.OPDID, nil
	}
	return "", nil
}

// endInForce is the end that keeps an inactive employee out, if any: the
// newest one not cancelled.
func endInForce(e model.Employee, ends []model.EmploymentEnd) *model.EmploymentEnd {
	if e.Active {
		return nil
	}
	for i := range ends {
		if !ends[i].Cancelled() {
			return &ends[i]
		}
	}
	return nil
}

// EndEmploymentRequest is the end of someone's employment as the SK says
// it: the kind, the TMT and the SK number.
type EndEmploymentRequest struct {
	EmployeeID string
	Kind       model.EndKind
	Date       model.Date
	Decree     string
}

// EndEmployment records the end of an employee's employment from the TMT
// of the SK (not later than today, after their first placement began):
// the TMT is the first day they no longer work, so their placements end
// the day before and a placement starting on the TMT or later, started
// already or not, was never held and is cancelled; their open SKPs are closed on that day as in a transfer, they leave the
// teams of that year on, their account is disabled and its sessions end;
// they leave the org chart, the desks and monitoring from the TMT, while
// everything they recorded stays readable. Administrators of the person's
// OPD or of the instansi.
func (a *App) EndEmployment(ctx context.Context, actor model.Actor, r EndEmploymentRequest) (model.EmploymentEnd, error) {
	e, err := a.store.Employee(ctx, r.EmployeeID)
	if err != nil {
		return model.EmploymentEnd{}, err
	}
	if err := a.canManage(ctx, actor, e); err != nil {
		return model.EmploymentEnd{}, err
	}
	// A record merged into another, or whose employment already ended, is
	// a conflict that names which, as for any other act on it.
	if err := a.refuseClosed(ctx, e); err != nil {
		return model.EmploymentEnd{}, err
	}
	end := model.EmploymentEnd{EmployeeID: e.ID, Kind: r.Kind, Date: r.Date, Decree: strings.TrimSpace(r.Decree)}
	var v model.ValidationError
	if !r.Kind.Valid() {
		v.Add("kind", "invalid.employment.kind")
	}
	if _, err := model.ParseDate(string(r.Date)); err != nil {
		v.AddErr("date", err)
	} else if r.Date > a.Today(ctx, e.InstansiID) {
		v.Add("date", "invalid.employment.date.future")
	} else if first, err := a.firstPlacementStart(ctx, e.ID, a.Today(ctx, e.InstansiID)); err != nil {
		return model.EmploymentEnd{}, err
	} else if first != "" && r.Date <= first {
		// The TMT is the first day not worked: on or before the first day
		// of the first placement, nothing was ever worked (a slip of the
		// date). A later placement starting on the TMT or after it was
		// never held and is cancelled (tx.EndEmployment).
		v.Add("date", "invalid.employment.date.beforeplacement", first)
	}
	if end.Decree == "" {
		v.Add("decree", "invalid.employment.decree")
	} else if len(end.Decree) > 100 {
		v.Add("decree", "invalid.employment.decree.long", 100)
	}
	if err := v.Err(); err != nil {
		return end, err
	}
	err = a.orgWrite(ctx, actor, e.InstansiID, func(tx *store.Tx) error {
		// Checked again on the record as it is now: of two ends sent at
		// once, the second finds the employment ended (409).
		var err error
		if e, err = lockRecord(ctx, tx, e.ID); err != nil {
			return err
		}
		if e.UnitID != "" {
			u, err := tx.Unit(ctx, e.UnitID)
			if err != nil {
				return err
			}
			end.OPDID = u.OPDID
		}
		placements, err := tx.Placements(ctx, e.ID)
		if err != nil {
			return err
		}
		try := func(c *model.OrgChart) *model.OrgChart {
			for _, pl := range placements {
				c = c.WithoutHolding(model.OrgHolding{EmployeeID: e.ID, PositionID: pl.PositionID, Kind: pl.Kind})
			}
			return c
		}
		if err := a.refuseSelfRating(ctx, tx, e, end.Date, "", try, "date", "date"); err != nil {
			return err
		}
		closed, err := closeSKPsOnEnd(ctx, tx, e, end.Date)
		if err != nil {
			return err
		}
		u, err := tx.UserByEmployee(ctx, e.ID)
		hasAccount := err == nil
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return err
		}
		end.AccountDisabled = hasAccount && !u.Disabled
		if end, err = tx.EndEmployment(ctx, end); err != nil {
			return err
		}
		if end.AccountDisabled {
			if err := tx.SetDisabled(ctx, u.ID, true); err != nil {
				return err
			}
		}
		left, err := leaveTeams(ctx, tx, e, end.Date.Time().Year(), a.Today(ctx, e.InstansiID).Time().Year())
		if err != nil {
			return err
		}
		return tx.RecordEndClosures(ctx, end.ID, append(closed, left...))
	})
	return end, err
}

// closeSKPsOnEnd closes, the day before the TMT, every SKP of the
// employee still open on the TMT, as a transfer does (closeSKPsOnTransfer),
// but without asking them to draw up a new one: they no longer work here.
// An SKP planned for a period after the TMT closes on its first day. It
// returns what it closed, as it was, for a cancellation to put back.
func closeSKPsOnEnd(ctx context.Context, tx *store.Tx, e model.Employee, tmt model.Date) ([]model.EndClosure, error) {
	list, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}})
	if err != nil {
		return nil, err
	}
	last := model.Date(tmt.Time().AddDate(0, 0, -1).Format("2006-01-02"))
	var closed []model.EndClosure
	for _, s := range list {
		if s.Status == model.SKPClosed || s.PeriodEnd < tmt { // closed, or over before the TMT: history as it is
			continue
		}
		next, err := model.NextSKPStatus(s.Status, model.ActClose)
		if err != nil {
			continue
		}
		closed = append(closed, model.EndClosure{Kind: model.ClosedSKP, RefID: s.ID, Status: string(s.Status), End: s.PeriodEnd})
		s.Status, s.PeriodEnd = next, max(last, s.PeriodStart)
		if err := tx.SetSKPStatus(ctx, s.Version, s, model.ActClose); err != nil {
			return nil, err
		}
	}
	return closed, nil
}

// leaveTeams takes an employee out of the teams of the years from to to,
// and returns the memberships it ended, with the RHK each linked.
func leaveTeams(ctx context.Context, tx *store.Tx, e model.Employee, from, to int) ([]model.EndClosure, error) {
	var left []model.EndClosure
	for year := from; year <= to; year++ {
		teams, err := tx.Teams(ctx, e.InstansiID, year, e.ID)
		if err != nil {
			return nil, err
		}
		for _, t := range teams {
			full, err := tx.Team(ctx, t.ID)
			if err != nil {
				return nil, err
			}
			rhk := ""
			for _, m := range full.Members {
				if m.EmployeeID == e.ID {
					rhk = m.RHKID
				}
			}
			if err := tx.RemoveTeamMember(ctx, t.ID, e.ID); err != nil {
				return nil, err
			}
			left = append(left, model.EndClosure{Kind: model.ClosedTeam, RefID: t.ID, Status: rhk})
		}
	}
	return left, nil
}

// CancelEmploymentEnd cancels an end of employment recorded by mistake:
// the person is active again, the account the end disabled signs in
// again, and what the end closed is put back as it was: the placements it
// ended, the SKPs it closed (with their status and period), the teams it
// took the person out of. The SKPs the person rates go back to them
// (orgWrite). The cancellation is refused, changing nothing, when what
// was recorded since makes that unsafe (cancelRefusal): the post has
// another definitive holder, the record has another SKP of the year in
// progress, or someone would rate themselves. Administrators of the OPD
// the person left or of the instansi.
func (a *App) CancelEmploymentEnd(ctx context.Context, actor model.Actor, employeeID string) error {
	d, err := a.Employee(ctx, actor, employeeID)
	if err != nil {
		return err
	}
	end := d.Employment.End
	if r := d.Employment.CancelRefused; r.Key != "" {
		return model.Refused(r.Key, r.Args...)
	}
	if end == nil || !d.Can.CancelEnd {
		if !d.Full {
			return fmt.Errorf("end of employment of %s: %w", employeeID, model.ErrNotFound)
		}
		merged := d.Employment.MergedInto != nil
		if end == nil || merged {
			// Nothing to cancel: the employment goes on, or the record was
			// merged into another. To those who manage the person, a
			// conflict that says which.
			if err := a.canManage(ctx, actor, d.Employee); err != nil {
				return err
			}
			if c := d.Employment.Closed; merged && c.Key != "" {
				return model.Refused(c.Key, c.Args...)
			}
			return model.Refused("conflict.employment.notended", d.Employee.FullName())
		}
		return forbidden("cancel the end of employment of " + d.Employee.Name)
	}
	today := a.Today(ctx, d.Employee.InstansiID)
	return a.orgWrite(ctx, actor, d.Employee.InstansiID, func(tx *store.Tx) error {
		// Checked again under a lock on the record, through the
		// transaction only (a read through the store here would wait for
		// a connection the waiting writers hold): of two cancellations
		// sent at once, the second finds the employment going on (409);
		// an end recorded or a merge made meanwhile is a changed record.
		locked, err := tx.LockEmployees(ctx, employeeID)
		if err != nil {
			return err
		}
		ends, err := tx.EmploymentEnds(ctx, employeeID)
		if err != nil {
			return err
		}
		now := endInForce(locked[0], ends)
		if now == nil {
			return model.Refused("conflict.employment.notended", d.Employee.FullName())
		}
		// The cancellation carries no version: a refusal names what the
		// record is now.
		if now.ID != end.ID {
			return model.Refused("conflict.employment.end.changed", d.Employee.FullName(), model.DateLabel(now.Date))
		}
		if err := refuseMerged(ctx, tx, locked[0]); err != nil {
			return err
		}
		closed, err := tx.EndClosures(ctx, end.ID)
		if err != nil {
			return err
		}
		before, err := a.readOrgCharts(ctx, tx, d.Employee.InstansiID, today)
		if err != nil {
			return err
		}
		if err := tx.CancelEmploymentEnd(ctx, *end); err != nil {
			return err
		}
		if err := reopenClosures(ctx, tx, employeeID, closed); err != nil {
			return err
		}
		if end.AccountDisabled {
			u, err := tx.UserByEmployee(ctx, employeeID)
			if err == nil {
				if err := tx.SetDisabled(ctx, u.ID, false); err != nil {
					return err
				}
			} else if !errors.Is(err, model.ErrNotFound) {
				return err
			}
		}
		return before.refuseNewSelfRating(ctx, tx, "end")
	})
}

// cancelRefusal says why what an end closed cannot be put back, from what
// was recorded since: a post one person holds was given to someone else,
// or the record got another SKP of the year in progress (a merge). Its
// Key is "" when nothing stands in the way. The employee page offers the
// cancellation, or shows this instead (EmploymentView.CancelRefused).
func (a *App) cancelRefusal(ctx context.Context, e model.Employee, end model.EmploymentEnd, closed []model.EndClosure) (model.Message, error) {
	var skps []model.SKP
	for _, c := range closed {
		switch c.Kind {
		case model.ClosedPlacement, model.ClosedPlacementCancel:
			pl, err := a.store.PlacementByID(ctx, c.RefID)
			if err != nil {
				return model.Message{}, err
			}
			if pl.Kind != model.PlacementDefinitif {
				continue
			}
			pos, err := a.store.Position(ctx, pl.PositionID)
			if err != nil {
				return model.Message{}, err
			}
			leads, err := a.store.PositionLeads(ctx, pos.ID)
			if err != nil {
				return model.Message{}, err
			}
			if !model.OneHolder(pos, leads) {
				continue
			}
			holders, err := a.store.DefinitiveHolders(ctx, pos.ID, end.Date, e.ID)
			if err != nil {
				return model.Message{}, err
			}
			if len(holders) > 0 {
				return model.Msg("invalid.employment.cancel.post", pos.Name, holders[0].FullName()), nil
			}
		case model.ClosedSKP:
			s, err := a.store.SKP(ctx, c.RefID)
			if err != nil {
				return model.Message{}, err
			}
			skps = append(skps, s)
		}
	}
	if len(skps) == 0 {
		return model.Message{}, nil
	}
	all, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}})
	if err != nil {
		return model.Message{}, err
	}
	for _, s := range skps {
		for _, o := range all {
			if o.ID != s.ID && o.Year == s.Year && o.Status != model.SKPClosed {
				return model.Msg("invalid.employment.cancel.skp", s.Year, model.Msg("skp.status."+string(o.Status))), nil
			}
		}
	}
	return model.Message{}, nil
}

// reopenClosures puts back what an end of employment closed, as it was.
func reopenClosures(ctx context.Context, tx *store.Tx, employeeID string, closed []model.EndClosure) error {
	for _, c := range closed {
		switch c.Kind {
		case model.ClosedPlacement:
			if err := tx.ReopenPlacement(ctx, c.RefID, c.End); err != nil {
				return err
			}
		case model.ClosedPlacementCancel:
			if err := tx.RestorePlacement(ctx, c.RefID); err != nil {
				return err
			}
		case model.ClosedSKP:
			s, err := tx.SKP(ctx, c.RefID)
			if err != nil {
				return err
			}
			if s.Status != model.SKPClosed {
				continue
			}
			s.Status, s.PeriodEnd = model.SKPStatus(c.Status), c.End
			if err := tx.SetSKPStatus(ctx, s.Version, s, model.ActReopen); err != nil {
				return err
			}
		case model.ClosedTeam:
			t, err := tx.Team(ctx, c.RefID)
			if errors.Is(err, model.ErrNotFound) {
				continue
			} else if err != nil {
				return err
			}
			if slices.ContainsFunc(t.Members, func(m model.TeamMember) bool { return m.EmployeeID == employeeID }) {
				continue // back in the team already
			}
			if err := tx.AddTeamMember(ctx, c.RefID, employeeID); err != nil {
				return err
			}
			if c.Status != "" {
				if err := tx.LinkTeamRHK(ctx, c.RefID, employeeID, c.Status); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// MergeRequest names two records of one person: EmployeeID and the other
// one, by id or by NIP. The other record is kept, unless KeepThis keeps
// EmployeeID and merges the other into it. Two records whose names and
// birth dates both differ merge only with Unlike and the Reason the admin
// knows them to be one person (samePerson).
type MergeRequest struct {
	EmployeeID string
	OtherID    string
	OtherNIP   string
	KeepThis   bool
	Unlike     bool
	Reason     string
}

// samePerson reports whether two records plausibly belong to one person:
// the same name, titles, case, spaces and punctuation aside, or the same
// birth date (digits 1–8 of a NIP and of an NI PPPK). A PPPK appointed
// CPNS keeps both; a correction by BKN changes at most one of them.
func samePerson(a, b model.Employee) bool {
	name := func(e model.Employee) string { return model.SamePersonName(importer.BareName(e.Name)) }
	if name(a) != "" && name(a) == name(b) {
		return true
	}
	birth := func(e model.Employee) model.Date {
		if e.BirthDate != "" {
			return e.BirthDate
		}
		if n, err := model.ParseNIP(e.NIP); err == nil {
			return model.Date(n.BirthDate.Format("2006-01-02"))
		}
		return ""
	}
	return birth(a) != "" && birth(a) == birth(b)
}

// MergeEmployees merges two records of one person: the record merged goes
// into the record kept, which receives its placements, SKPs and their
// work (progress, realisasi, evidence, feedback), needs, coaching, teams
// and notifications; one account is kept (the kept record's, else the
// other's, renamed to the kept NIP) and the other disabled; the merged
// record stays, inactive and marked merged, and its NIP goes into the kept
// record's NIP history. BKPSDM administrators only. Refused when both
// records have an SKP of one year still in force (not closed, its period
// not over; the merged record's is named, to close first), or when both hold a definitive post today
// and the posts differ (end one first).
func (a *App) MergeEmployees(ctx context.Context, actor model.Actor, r MergeRequest) (model.EmployeeMerge, error) {
	this, err := a.store.Employee(ctx, r.EmployeeID)
	if err != nil {
		return model.EmployeeMerge{}, err
	}
	if !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: this.InstansiID}) {
		return model.EmployeeMerge{}, fmt.Errorf("employee %s: %w", this.ID, model.ErrNotFound)
	}
	if !authz.Can(actor, authz.MergeEmployees, authz.Target{InstansiID: this.InstansiID}) {
		return model.EmployeeMerge{}, forbidden("merge employee records")
	}
	intoID := strings.TrimSpace(r.OtherID)
	if nip := strings.TrimSpace(r.OtherNIP); intoID == "" && nip != "" {
		e, err := a.store.EmployeeByNIP(ctx, this.InstansiID, nip)
		if err != nil {
			return model.EmployeeMerge{}, model.Invalid("into", "invalid.merge.into.unknown")
		}
		intoID = e.ID
	}
	if intoID == "" {
		return model.EmployeeMerge{}, model.Invalid("into", "invalid.merge.into.required")
	}
	into, err := a.store.Employee(ctx, intoID)
	if err != nil || into.InstansiID != this.InstansiID {
		return model.EmployeeMerge{}, model.Invalid("into", "invalid.merge.into.unknown")
	}
	from := this
	if r.KeepThis {
		from, into = into, this
	}
	if into.ID == from.ID {
		return model.EmployeeMerge{}, model.Invalid("into", "invalid.merge.into.same")
	}
	if err := refuseMerged(ctx, a.store, from, into); err != nil {
		return model.EmployeeMerge{}, err
	}
	reason := strings.TrimSpace(r.Reason)
	if !samePerson(from, into) {
		switch {
		case !r.Unlike:
			return model.EmployeeMerge{}, model.Invalid("into", "invalid.merge.unlike", from.FullName(), from.NIP, into.FullName(), into.NIP)
		case len([]rune(reason)) < 10:
			return model.EmployeeMerge{}, model.Invalid("unlike_reason", "invalid.merge.reason", 10)
		case len([]rune(reason)) > 500:
			return model.EmployeeMerge{}, model.Invalid("unlike_reason", "invalid.merge.reason.long", 500)
		}
	} else {
		reason = "" // only an unlike merge needs one
	}
	if err := a.mergeConflicts(ctx, a.store, from, into); err != nil {
		return model.EmployeeMerge{}, err
	}
	var m model.EmployeeMerge
	today := a.Today(ctx, from.InstansiID)
	err = a.orgWrite(ctx, actor, from.InstansiID, func(tx *store.Tx) error {
		// Checked again on both records as they are now: of two merges
		// sent at once, the second finds the record merged (409).
		locked, err := tx.LockEmployees(ctx, from.ID, into.ID)
		if err != nil {
			return err
		}
		if err := refuseMerged(ctx, tx, locked[0], locked[1]); err != nil {
			return err
		}
		// The merge carries no version: a record changed since it was
		// read (ended, taken back, or given a new NIP by another act) is
		// refused with both records as they are now.
		if from.Active != locked[0].Active || into.Active != locked[1].Active || from.NIP != locked[0].NIP || into.NIP != locked[1].NIP {
			return model.Refused("conflict.merge.changed", locked[0].FullName(), locked[0].NIP, activeLabel(locked[0]),
				locked[1].FullName(), locked[1].NIP, activeLabel(locked[1]))
		}
		from, into = locked[0], locked[1]
		if err := a.mergeConflicts(ctx, tx, from, into); err != nil {
			return err
		}
		before, err := a.readOrgCharts(ctx, tx, from.InstansiID, today)
		if err != nil {
			return err
		}
		// Both in the same post: the merged record's placement ends the
		// day before the kept one's began, the kept one goes on.
		fromPl, intoPl, err := openDefinitive(ctx, tx, from.ID, into.ID, today)
		if err != nil {
			return err
		}
		if fromPl != nil && intoPl != nil {
			end := max(fromPl.Start, model.Date(intoPl.Start.Time().AddDate(0, 0, -1).Format("2006-01-02")))
			if err := tx.EndPlacement(ctx, fromPl.ID, end, today); err != nil {
				return err
			}
		}
		if err := mergeAccounts(ctx, tx, from, into); err != nil {
			return err
		}
		if m, _, err = tx.MergeEmployee(ctx, from.ID, into.ID, reason); err != nil {
			return err
		}
		return before.refuseNewSelfRating(ctx, tx, "into")
	})
	return m, err
}

// activeLabel names whether a record is employed now, for a refusal.
func activeLabel(e model.Employee) model.Message {
	if e.Active {
		return model.Msg("merge.record.active")
	}
	return model.Msg("merge.record.inactive")
}

// refuseMerged refuses a merge of records one of which was merged into
// another already: the refusal names it and the record it went into,
// with that record's NIP (the merged record has none any more).
func refuseMerged(ctx context.Context, db recordReader, records ...model.Employee) error {
	for _, e := range records {
		m, err := db.MergedInto(ctx, e.ID)
		if errors.Is(err, model.ErrNotFound) {
			continue
		} else if err != nil {
			return err
		}
		kept, err := db.Employee(ctx, m.IntoID)
		if err != nil {
			return err
		}
		return model.Refused("conflict.merge.merged", e.FullName(), kept.FullName(), kept.NIP)
	}
	return nil
}

// mergeReader is what mergeConflicts reads: the store, or the
// transaction that locked both records.
type mergeReader interface {
	placementReader
	SKPs(ctx context.Context, f store.SKPFilter) ([]model.SKP, error)
}

// mergeConflicts refuses a merge that would leave the kept record with
// two SKPs of one year in force, or two definitive posts. An SKP is in
// force for the merge while it is not closed and its period has not ended
// before today: the SKP of a year that is over (2025 on 1 December 2026,
// approved and never closed, as every SKP of a finished year stays) no
// longer runs, so two of them of one year are simply both kept on the
// merged record's history. Of several years in conflict the earliest is
// named, so the refusal names the same year whichever record is kept.
func (a *App) mergeConflicts(ctx context.Context, db mergeReader, from, into model.Employee) error {
	skps, err := db.SKPs(ctx, store.SKPFilter{InstansiID: from.InstansiID, EmployeeIDs: []string{from.ID, into.ID}})
	if err != nil {
		return err
	}
	today := a.Today(ctx, from.InstansiID)
	if s, ok := skpConflict(skps, from.ID, into.ID, today); ok {
		return model.Refused("conflict.merge.skp", s.Year, from.Name, from.NIP, model.Msg("skp.status."+string(s.Status)))
	}
	fromPl, intoPl, err := openDefinitive(ctx, db, from.ID, into.ID, today)
	if err != nil {
		return err
	}
	if fromPl != nil && intoPl != nil && fromPl.PositionID != intoPl.PositionID {
		return model.Refused("conflict.merge.posts", from.FullName(), from.NIP, fromPl.PositionName, into.FullName(), into.NIP, intoPl.PositionName)
	}
	return nil
}

// skpConflict returns the SKP of the merged record (fromID) to close
// before a merge: of the years in which both records have an SKP in force
// on today or later, the earliest, and of the merged record's SKPs of that
// year the one of its definitive position before one of a post it acts in,
// then the first by ID. ok is false when no year has two.
func skpConflict(skps []model.SKP, fromID, intoID string, today model.Date) (model.SKP, bool) {
	var mine []model.SKP
	theirs := map[int]bool{}
	for _, s := range skps {
		if s.Status == model.SKPClosed || (s.PeriodEnd != "" && s.PeriodEnd < today) || (s.PeriodEnd == "" && s.Year < today.Time().Year()) {
			continue // closed, or its year over: no longer in force
		}
		switch s.EmployeeID {
		case fromID:
			mine = append(mine, s)
		case intoID:
			theirs[s.Year] = true
		}
	}
	var out model.SKP
	found := false
	for _, s := range mine {
		if !theirs[s.Year] {
			continue
		}
		if !found || mergeSKPBefore(s, out) {
			out, found = s, true
		}
	}
	return out, found
}

// mergeSKPBefore orders the SKPs a merge refusal may name: earlier year
// first, then the definitive position's before an acting post's, then by ID.
func mergeSKPBefore(s, t model.SKP) bool {
	if s.Year != t.Year {
		return s.Year < t.Year
	}
	if (s.Acting == "") != (t.Acting == "") {
		return s.Acting == ""
	}
	return s.ID < t.ID
}

// placementReader is what openDefinitive reads: the store or a Tx.
type placementReader interface {
	Placements(ctx context.Context, employeeID string) ([]model.Placement, error)
}

// openDefinitive returns the definitive placement of each of two
// employees in force on a day or later, nil when none.
func openDefinitive(ctx context.Context, db placementReader, fromID, intoID string, day model.Date) (*model.Placement, *model.Placement, error) {
	var out [2]*model.Placement
	for i, id := range []string{fromID, intoID} {
		list, err := db.Placements(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		for _, pl := range list {
			if pl.Kind == model.PlacementDefinitif && (pl.End == "" || pl.End >= day) {
				pl := pl
				out[i] = &pl
				break
			}
		}
	}
	return out[0], out[1], nil
}

// mergeAccounts keeps one account for the merged person: the kept record's
// when it has one (the other is disabled and its sessions end), else the
// merged record's, moved to the kept record and renamed to its NIP.
func mergeAccounts(ctx context.Context, tx *store.Tx, from, into model.Employee) error {
	uf, err := tx.UserByEmployee(ctx, from.ID)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := tx.UserByEmployee(ctx, into.ID); err == nil {
		if uf.Disabled {
			return nil
		}
		return tx.SetDisabled(ctx, uf.ID, true)
	} else if !errors.Is(err, model.ErrNotFound) {
		return err
	}
	if err := tx.MoveAccount(ctx, uf, into); err != nil {
		return err
	}
	// An account disabled by the end of the merged record's employment
	// signs in again when it moves to a record still employed.
	ends, err := tx.EmploymentEnds(ctx, from.ID)
	if err != nil {
		return err
	}
	if end := endInForce(from, ends); end != nil && end.AccountDisabled && into.Active && uf.Disabled {
		return tx.SetDisabled(ctx, uf.ID, false)
	}
	return nil
}

// recordNIPChange keeps the previous NIP of an employee an import gave a
// new number (see importer: a PPPK appointed CPNS, a correction by BKN).
func recordNIPChange(ctx context.Context, tx *store.Tx, e model.Employee, oldNIP string) error {
	_, err := tx.RecordNIPChange(ctx, model.NIPChange{InstansiID: e.InstansiID, EmployeeID: e.ID, OldNIP: oldNIP, NewNIP: e.NIP,
		Reason: model.NIPChangeImport})
	return err
}

// firstPlacementStart returns the start of the employee's first placement
// started by today: an end of employment must come after it. A placement
// not started yet is not counted: the end cancels it. "" when there is
// none.
func (a *App) firstPlacementStart(ctx context.Context, employeeID string, today model.Date) (model.Date, error) {
	list, err := a.store.Placements(ctx, employeeID)
	if err != nil {
		return "", err
	}
	var first model.Date
	for _, pl := range list {
		if pl.Start <= today && (first == "" || pl.Start < first) {
			first = pl.Start
		}
	}
	return first, nil
}
