package app

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// A transfer (mutasi: a definitive placement in another position) closes
// the employee's SKP the day before its TMT (terhitung mulai tanggal);
// the employee then draws up a new SKP for the new position, starting on
// the TMT. This file holds what follows from it: which records belong to
// which SKP when the TMT lies in the past, and taking RHK over from the
// closed SKP into the new one. docs/organisasi-mutasi.md explains the
// decisions.

// closeSKPsOnTransfer ends, the day before a transfer, every open SKP of the
// employee's definitive position that began before it (decision 10): the
// employee then starts a new SKP for the new position, from the transfer
// date. The SKP of a post they act in runs on until that placement ends. What was recorded
// on it after the TMT stays on it, readable, until the new SKP takes over
// the RHK it serves (TakeOverRHK).
func closeSKPsOnTransfer(ctx context.Context, tx *store.Tx, e model.Employee, start model.Date) error {
	list, err := tx.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}})
	if err != nil {
		return err
	}
	end := model.Date(start.Time().AddDate(0, 0, -1).Format("2006-01-02"))
	for _, s := range list {
		if s.Status == model.SKPClosed || s.Acting != "" || s.PeriodStart > end || s.PeriodEnd < start { // a Plt or Plh post stays
			continue
		}
		next, err := model.NextSKPStatus(s.Status, model.ActClose)
		if err != nil {
			continue
		}
		s.Status, s.PeriodEnd = next, end
		if err := tx.SetSKPStatus(ctx, s.Version, s, model.ActClose); err != nil {
			return err
		}
		if err := tx.Notify(ctx, model.Notification{InstansiID: e.InstansiID, EmployeeID: e.ID, Kind: "skp.close",
			Args: []string{fmt.Sprint(s.Year), string(start)},
			Link: "/skp"}); err != nil {
			return err
		}
	}
	return nil
}

// SKPLink names another SKP of the same employee and year on an SKP's
// page: the one a transfer closed before it, or the one after it.
type SKPLink struct {
	ID         string
	Start, End model.Date
	Position   string // the position the SKP was drawn up for
	Status     model.SKPStatus
}

func linkTo(s model.SKP) *SKPLink {
	return &SKPLink{ID: s.ID, Start: s.PeriodStart, End: s.PeriodEnd, Position: s.Employee.Position, Status: s.Status}
}

// TransferView is what an SKP page shows about a transfer: the SKP a
// transfer closed before this one and the one that follows it, the RHK of
// the closed SKP that this one may take over, and those it took over.
type TransferView struct {
	Previous *SKPLink // the SKP a transfer closed the day before this one began
	Next     *SKPLink // the SKP begun after this one was closed by a transfer
	// Offer holds the RHK (with indicators) of the previous SKP, as in
	// force when it was closed, not yet taken over; filled while the actor
	// may take over.
	Offer []model.RHK
	// TakenFrom gives, for each RHK of this SKP taken over, the RHK of
	// the previous SKP it was copied from.
	TakenFrom map[string]string
	// AfterTMT counts the progress entries and realisasi still on this
	// closed SKP that are dated after its end (after the TMT): they stay
	// readable here until the next SKP takes their RHK over.
	AfterTMT int
	// PreviousAfterTMT is, on the SKP after a transfer, the previous
	// SKP's AfterTMT: what a take-over of its RHK brings here.
	PreviousAfterTMT int
	// Realisasi reports that this SKP holds realisasi although it takes
	// none yet (realisasi moved to it with a take-over): the page leads
	// to them.
	Realisasi bool
	Can       TransferRights
}

// TransferRights is what the actor may do about a transfer on an SKP.
type TransferRights struct {
	TakeOver bool // copy RHK of the previous SKP into this one (TakeOverRHK)
}

// Transfer returns what an SKP's page shows about a transfer, to those
// who may read the SKP.
func (a *App) Transfer(ctx context.Context, actor model.Actor, skpID string) (TransferView, error) {
	s, err := a.SKP(ctx, actor, skpID)
	if err != nil {
		return TransferView{}, err
	}
	return a.transferOf(ctx, actor, s)
}

func (a *App) transferOf(ctx context.Context, actor model.Actor, s model.SKP) (TransferView, error) {
	v := TransferView{TakenFrom: map[string]string{}}
	list, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: s.InstansiID, EmployeeIDs: []string{s.EmployeeID}, Year: s.Year})
	if err != nil {
		return v, err
	}
	prev, next := neighbours(s, list)
	if prev != nil {
		v.Previous = linkTo(*prev)
		if v.PreviousAfterTMT, err = a.countAfterEnd(ctx, *prev); err != nil {
			return v, err
		}
	}
	if next != nil {
		v.Next = linkTo(*next)
	}
	if s.Status == model.SKPClosed {
		if v.AfterTMT, err = a.countAfterEnd(ctx, s); err != nil {
			return v, err
		}
	}
	taken, err := a.store.TakeOvers(ctx, s.ID)
	if err != nil {
		return v, err
	}
	for _, t := range taken {
		v.TakenFrom[t.RHKID] = t.FromRHKID
	}
	f, err := a.inForce(ctx, s)
	if err != nil {
		return v, err
	}
	if !f.takesRealisasi() && len(taken) > 0 {
		list, err := a.store.RealisasiOfSKP(ctx, s.ID)
		if err != nil {
			return v, err
		}
		v.Realisasi = len(list) > 0
	}
	if prev == nil || mayTakeOver(actor, f, prev) != nil {
		return v, nil
	}
	v.Can.TakeOver = true
	offer, err := a.takeOverOffer(ctx, *prev, taken)
	v.Offer = offer
	return v, err
}

// neighbours finds, among the SKPs of s's employee and year, the SKP a
// transfer closed the day before s began and the SKP that began the day
// after s ended, if s was closed by one.
func neighbours(s model.SKP, list []model.SKP) (prev, next *model.SKP) {
	for i, o := range list {
		if o.ID == s.ID {
			continue
		}
		if o.Status == model.SKPClosed && dayAfter(o.PeriodEnd) == s.PeriodStart {
			prev = &list[i]
		}
		if s.Status == model.SKPClosed && o.PeriodStart == dayAfter(s.PeriodEnd) {
			next = &list[i]
		}
	}
	return prev, next
}

// previousSKP returns the SKP a transfer closed the day before s began.
func (a *App) previousSKP(ctx context.Context, s model.SKP) (*model.SKP, error) {
	list, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: s.InstansiID, EmployeeIDs: []string{s.EmployeeID}, Year: s.Year})
	if err != nil {
		return nil, err
	}
	prev, _ := neighbours(s, list)
	return prev, nil
}

// mayTakeOver is the rule for taking RHK over from the SKP a transfer
// closed: the owner, while the new SKP is a draft (or returned) never
// approved, so that what it takes over is in force on it at once (the RHK
// of a draft revision of an approved SKP are not). TakeOverRHK enforces
// it; TransferRights.TakeOver shows it.
func mayTakeOver(actor model.Actor, f skpInForce, prev *model.SKP) error {
	if err := skpAllows(actor, f.SKP, "", stepEdit); err != nil { // the owner's step: no rater asked
		return err
	}
	if prev == nil {
		return model.Refused("conflict.takeover.noprevious")
	}
	if f.Approved {
		return model.Refused("conflict.takeover.approved")
	}
	return nil
}

// takeOverOffer returns the RHK in force on the closed SKP prev that are
// not yet taken over.
func (a *App) takeOverOffer(ctx context.Context, prev model.SKP, taken []model.RHKTakeOver) ([]model.RHK, error) {
	full, err := a.store.SKP(ctx, prev.ID)
	if err != nil {
		return nil, err
	}
	pf, err := a.inForce(ctx, full)
	if err != nil {
		return nil, err
	}
	done := map[string]bool{}
	for _, t := range taken {
		done[t.FromRHKID] = true
	}
	out := []model.RHK{}
	for _, r := range pf.RHK {
		if !done[r.ID] {
			out = append(out, r)
		}
	}
	return out, nil
}

// countAfterEnd counts the progress entries and realisasi on a closed SKP
// dated after its end.
func (a *App) countAfterEnd(ctx context.Context, s model.SKP) (int, error) {
	n, err := a.store.CountProgressAfter(ctx, s.ID, s.PeriodEnd)
	if err != nil {
		return 0, err
	}
	after, err := a.periodsAfterEnd(ctx, s)
	if err != nil {
		return n, err
	}
	list, err := a.store.RealisasiOfSKP(ctx, s.ID)
	for _, r := range list {
		if after[r.PeriodID] {
			n++
		}
	}
	return n, err
}

// periodsAfterEnd returns the periods (not annual) of s's year that begin
// after s ends: for a closed SKP, the periods after the TMT.
func (a *App) periodsAfterEnd(ctx context.Context, s model.SKP) (map[string]bool, error) {
	all, err := a.store.Periods(ctx, s.InstansiID, s.Year)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, p := range all {
		if p.Kind != model.PeriodAnnual && p.Start > s.PeriodEnd {
			out[p.ID] = true
		}
	}
	return out, nil
}

// heldAfterEnd returns the periods after the end of a closed SKP that
// still hold its records: a realisasi of the period, or a progress entry
// dated in it, recorded on it before the transfer was (a back-dated TMT).
func (a *App) heldAfterEnd(ctx context.Context, s model.SKP, all []model.Period) (map[string]bool, error) {
	out := map[string]bool{}
	if s.Status != model.SKPClosed {
		return out, nil
	}
	list, err := a.store.RealisasiOfSKP(ctx, s.ID)
	if err != nil {
		return nil, err
	}
	held := map[string]bool{}
	for _, r := range list {
		held[r.PeriodID] = true
	}
	last, err := a.store.LastWorkDate(ctx, s.ID)
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		if p.Kind == model.PeriodAnnual || p.Start <= s.PeriodEnd {
			continue
		}
		if held[p.ID] || (last != "" && p.Start <= last) {
			out[p.ID] = true
		}
	}
	return out, nil
}

// TakeOver is what a take-over did: the RHK copied and the records moved
// to them.
type TakeOver struct {
	SKP       model.SKP
	RHK       []model.RHKTakeOver
	Progress  int // entries dated after the TMT re-linked to the new SKP
	Realisasi int // realisasi of periods after the TMT moved to the new SKP
}

// TakeOverRHK copies chosen RHK, with their indicators, from the SKP a
// transfer closed into the new SKP of the owner (a draft never approved,
// read at version), and moves to the copies what was recorded on them
// after the TMT: progress entries dated after it, and the realisasi of
// periods that begin after it, with their evidence and threads. Entries of
// other duties dated after the TMT, and those recorded while no SKP was
// in force, join the new SKP too. Every move is audited.
//
// An RHK keeps the RHK it intervenes only when that RHK is in force on
// the new pejabat penilai's SKP, and a PK sasaran only when the new
// position's PK has it; otherwise the owner names them again before
// submitting.
func (a *App) TakeOverRHK(ctx context.Context, actor model.Actor, skpID string, version int, rhkIDs []string) (TakeOver, error) {
	out := TakeOver{}
	s, err := a.SKP(ctx, actor, skpID)
	if err != nil {
		return out, err
	}
	f, err := a.inForce(ctx, s)
	if err != nil {
		return out, err
	}
	prev, err := a.previousSKP(ctx, s)
	if err != nil {
		return out, err
	}
	if err := mayTakeOver(actor, f, prev); err != nil {
		return out, err
	}
	if s.Version != version {
		return out, fmt.Errorf("SKP %s changed since version %d: %w", s.ID, version, model.ErrStale)
	}
	taken, err := a.store.TakeOvers(ctx, s.ID)
	if err != nil {
		return out, err
	}
	offer, err := a.takeOverOffer(ctx, *prev, taken)
	if err != nil {
		return out, err
	}
	var chosen []model.RHK
	seen := map[string]bool{}
	for _, id := range rhkIDs {
		if seen[id] {
			continue
		}
		seen[id] = true
		found := false
		for _, r := range offer {
			if r.ID == id {
				chosen, found = append(chosen, r), true
			}
		}
		if !found {
			return out, model.Invalid("rhk_ids", "invalid.takeover.rhk.foreign")
		}
	}
	if len(chosen) == 0 {
		return out, model.Invalid("rhk_ids", "invalid.takeover.rhk.none")
	}
	copies := make([]model.RHK, len(chosen))
	sup, supOK, err := a.supervisorSKP(ctx, s)
	if err != nil {
		return out, err
	}
	for i, r := range chosen {
		c := model.RHK{SKPID: s.ID, Kind: r.Kind, Description: r.Description, PenugasanDari: r.PenugasanDari, Perspektif: r.Perspektif}
		if r.ParentRHKID != "" && s.Format == model.FormatJAJF && supOK && sup.hasRHK(r.ParentRHKID) {
			c.ParentRHKID = r.ParentRHKID
		}
		if r.ParentText != "" && (s.Format != model.FormatJAJF || s.Rater.NIP == "") {
			c.ParentText = r.ParentText
		}
		if r.PKSasaranID != "" && s.Format == model.FormatJPT {
			if pk, err := a.pkSasaranOf(ctx, s, r.PKSasaranID); err != nil {
				return out, err
			} else if pk != nil {
				c.PKSasaranID = r.PKSasaranID
			}
		}
		copies[i] = c
	}
	periods, err := a.periodsAfterEnd(ctx, *prev)
	if err != nil {
		return out, err
	}
	after := prev.PeriodEnd
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		realisasi, err := tx.RealisasiOfSKP(ctx, prev.ID)
		if err != nil {
			return err
		}
		v := version
		for i, r := range chosen {
			c, err := tx.SaveRHK(ctx, v, copies[i])
			if err != nil {
				return err
			}
			v++
			indicators := map[string]string{}
			for _, in := range r.Indicators {
				n, err := tx.SaveIndicator(ctx, v, s.ID, model.Indicator{RHKID: c.ID, Aspect: in.Aspect, Description: in.Description,
					Target: in.Target, Unit: in.Unit})
				if err != nil {
					return err
				}
				v++
				indicators[in.ID] = n.ID
			}
			t := model.RHKTakeOver{RHKID: c.ID, SKPID: s.ID, FromRHKID: r.ID, FromSKPID: prev.ID}
			if err := tx.RecordTakeOver(ctx, t); err != nil {
				return err
			}
			out.RHK = append(out.RHK, t)
			n, err := tx.RelinkProgress(ctx, store.Relink{EmployeeID: s.EmployeeID, FromSKPID: prev.ID, FromRHKID: r.ID, After: after,
				Until: s.PeriodEnd, ToSKPID: s.ID, ToRHKID: c.ID})
			if err != nil {
				return err
			}
			out.Progress += n
			for _, re := range realisasi {
				to, ok := indicators[re.IndicatorID]
				if !ok || !periods[re.PeriodID] {
					continue // a month split by the TMT stays with the SKP of its first days
				}
				if _, err := tx.MoveRealisasi(ctx, re, s.ID, to); err != nil {
					return err
				}
				out.Realisasi++
			}
		}
		// Other duties after the TMT, on the closed SKP or on none.
		for _, from := range []string{prev.ID, ""} {
			n, err := tx.RelinkProgress(ctx, store.Relink{EmployeeID: s.EmployeeID, FromSKPID: from, After: after, Until: s.PeriodEnd,
				ToSKPID: s.ID})
			if err != nil {
				return err
			}
			out.Progress += n
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	out.SKP, err = a.store.SKP(ctx, s.ID)
	return out, err
}
