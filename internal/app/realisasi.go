package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// SaveRealisasi records what one indicator of the actor's SKP reached in a
// period, with its basis, while the period is open. version is the
// realisasi's version read (0 when there was none); a stale one is a
// conflict.
func (a *App) SaveRealisasi(ctx context.Context, actor model.Actor, skpID string, version int, r model.Realisasi) (model.Realisasi, error) {
	s, err := a.SKP(ctx, actor, skpID)
	if err != nil {
		return r, err
	}
	if s.EmployeeID != actor.EmployeeID {
		return r, forbidden("fill another employee's realisasi")
	}
	if s.Status != model.SKPApproved && s.Status != model.SKPClosed {
		return r, model.Invalid("skp", "invalid.realisasi.skp.approved")
	}
	var v model.ValidationError
	found := false
	for _, rhk := range s.RHK {
		for _, in := range rhk.Indicators {
			found = found || in.ID == r.IndicatorID
		}
	}
	if !found {
		v.Add("indicator_id", "invalid.realisasi.indicator.foreign")
	}
	p, err := a.Store.Period(ctx, r.PeriodID)
	switch {
	case err != nil || p.InstansiID != s.InstansiID || p.Year != s.Year:
		v.Add("period_id", "invalid.realisasi.period.year")
	case p.Status != model.PeriodOpen:
		v.Add("period_id", "invalid.realisasi.period.closed", p.Name())
	case p.End < s.PeriodStart || p.Start > s.PeriodEnd:
		v.Add("period_id", "invalid.realisasi.period.outside")
	}
	r.Value, r.Basis = strings.TrimSpace(r.Value), strings.TrimSpace(r.Basis)
	if r.Value == "" || len(r.Value) > 200 {
		v.Add("value", "invalid.realisasi.value")
	}
	if len(r.Basis) > 4000 {
		v.Add("note", "invalid.realisasi.note.long")
	}
	if err := v.Err(); err != nil {
		return r, err
	}
	r.SKPID = s.ID
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		r, err = tx.SaveRealisasi(ctx, version, r)
		return err
	})
	return r, err
}

// RealisasiPeriod is an SKP's realisasi in one period with the period's
// progress entries beside each RHK, as the ASN and the supervisor see it.
type RealisasiPeriod struct {
	SKP       model.SKP
	Period    model.Period
	Periods   []model.Period
	Realisasi map[string]model.Realisasi  // by indicator
	Progress  map[string][]model.Progress // by RHK ("" for other duties)
}

// Realisasi returns the realisasi of an SKP in a period (the first open one
// when periodID is empty) to those who may see the SKP.
func (a *App) Realisasi(ctx context.Context, actor model.Actor, skpID, periodID string) (RealisasiPeriod, error) {
	s, err := a.SKP(ctx, actor, skpID)
	if err != nil {
		return RealisasiPeriod{}, err
	}
	out := RealisasiPeriod{SKP: s, Progress: map[string][]model.Progress{}}
	all, err := a.Store.Periods(ctx, s.InstansiID, s.Year)
	if err != nil {
		return out, err
	}
	for _, p := range all {
		if p.Kind != model.PeriodAnnual && p.End >= s.PeriodStart && p.Start <= s.PeriodEnd {
			out.Periods = append(out.Periods, p)
		}
	}
	for _, p := range out.Periods {
		if p.ID == periodID || (periodID == "" && p.Status == model.PeriodOpen && out.Period.ID == "") {
			out.Period = p
		}
	}
	if out.Period.ID == "" {
		if periodID != "" {
			return out, fmt.Errorf("period %s: %w", periodID, model.ErrNotFound)
		}
		if len(out.Periods) == 0 {
			return out, nil
		}
		out.Period = out.Periods[0]
	}
	if out.Realisasi, err = a.Store.RealisasiOf(ctx, s.ID, out.Period.ID); err != nil {
		return out, err
	}
	entries, err := a.Store.ProgressList(ctx, store.ProgressFilter{InstansiID: s.InstansiID, EmployeeIDs: []string{s.EmployeeID},
		From: out.Period.Start, To: out.Period.End, Limit: 200})
	if err != nil {
		return out, err
	}
	for _, p := range entries {
		if p.SKPID == s.ID || p.SKPID == "" {
			out.Progress[p.RHKID] = append(out.Progress[p.RHKID], p)
		}
	}
	return out, nil
}

// RealisasiHistory returns every change of a realisasi, newest first.
func (a *App) RealisasiHistory(ctx context.Context, actor model.Actor, id string) ([]model.AuditEntry, error) {
	r, err := a.Store.RealisasiByID(ctx, id)
	if err != nil {
		return nil, err
	}
	s, err := a.SKP(ctx, actor, r.SKPID)
	if err != nil {
		return nil, err
	}
	return a.Store.AuditEntries(ctx, model.AuditFilter{InstansiID: s.InstansiID, EntityType: "realisasi", EntityID: id})
}
