package app

import (
	"context"
	"fmt"
	"io"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/export"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// WriteSKPDocument renders the SKP document (PDF) for those who may read
// the SKP.
func (a *App) WriteSKPDocument(ctx context.Context, actor model.Actor, id string, w io.Writer) error {
	s, err := a.SKP(ctx, actor, id)
	if err != nil {
		return err
	}
	in, err := a.store.Instansi(ctx, s.InstansiID)
	if err != nil {
		return err
	}
	parents, err := a.parentTexts(ctx, s.RHK)
	if err != nil {
		return err
	}
	date := a.Today()
	if !s.ApprovedAt.IsZero() {
		date = model.Date(s.ApprovedAt.In(wib).Format("2006-01-02"))
	}
	place := "Sawahlunto"
	if in.Name != "Pemerintah Kota Sawahlunto" {
		place = ""
	}
	return export.WriteSKP(w, export.SKPDocument{SKP: s, InstansiName: in.Name, ParentRHK: parents, Place: place, Date: date})
}

// SKPList lists SKPs the actor may read: of one employee, or else their
// own and those they rate, or for administrators every SKP of the year.
func (a *App) SKPList(ctx context.Context, actor model.Actor, employeeID string, year int, status model.SKPStatus) ([]model.SKP, error) {
	list, _, err := a.skpList(ctx, actor, employeeID, year, status)
	return list, err
}

// skpList is SKPList with the filter it read the SKPs by.
func (a *App) skpList(ctx context.Context, actor model.Actor, employeeID string, year int, status model.SKPStatus) ([]model.SKP, store.SKPFilter, error) {
	f := store.SKPFilter{InstansiID: actor.InstansiID, Year: year, Status: status}
	switch {
	case employeeID != "":
		f.EmployeeIDs = []string{employeeID}
	case actor.EmployeeID != "" && authz.Widest(actor, authz.ReadSKP) < authz.ScopeOPD:
		chart, err := a.OrgChart(ctx, actor.InstansiID)
		if err != nil {
			return nil, f, err
		}
		f.EmployeeIDs = append([]string{actor.EmployeeID}, chart.Team(actor.EmployeeID)...)
	}
	list, err := a.store.SKPs(ctx, f)
	if err != nil {
		return nil, f, err
	}
	if err := a.currentRaters(ctx, orgSync(actor.InstansiID), list); err != nil {
		return nil, f, err
	}
	// Those who read every SKP of the instansi need no check per SKP (the
	// store returns the instansi's only): it would load each employee.
	if authz.Widest(actor, authz.ReadSKP) == authz.ScopeInstansi {
		return list, f, nil
	}
	out := list[:0]
	for _, s := range list {
		if a.canReadSKP(ctx, actor, s) == nil {
			out = append(out, s)
		}
	}
	return out, f, nil
}

// SKPSummary is an SKP as a list of SKPs shows it: the SKP without its RHK
// and behaviours, how many RHK it has, and what the actor may do with it.
type SKPSummary struct {
	SKP      model.SKP
	RHKCount int
	Can      SKPRights
}

// SKPSummaries is SKPList with each SKP's RHK counted (in one more query
// for the whole list) and the actor's rights on it.
func (a *App) SKPSummaries(ctx context.Context, actor model.Actor, employeeID string, year int, status model.SKPStatus) ([]SKPSummary, error) {
	list, f, err := a.skpList(ctx, actor, employeeID, year, status)
	if err != nil || len(list) == 0 {
		return []SKPSummary{}, err
	}
	counts, err := a.store.RHKCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	out := make([]SKPSummary, len(list))
	for i, s := range list {
		r, _ := ratersOf(chart, s)
		out[i] = SKPSummary{SKP: s, RHKCount: counts[s.ID], Can: skpRights(actor, s, r)}
	}
	return out, nil
}

// SKPVersions returns the approved revisions of an SKP, oldest first, to
// those who may read it.
func (a *App) SKPVersions(ctx context.Context, actor model.Actor, id string) ([]model.SKP, error) {
	if _, err := a.SKP(ctx, actor, id); err != nil {
		return nil, err
	}
	return a.store.SKPVersions(ctx, id)
}

// WriteSKPVersionDocument renders an approved revision as it was approved.
func (a *App) WriteSKPVersionDocument(ctx context.Context, actor model.Actor, id string, revision int, w io.Writer) error {
	versions, err := a.SKPVersions(ctx, actor, id)
	if err != nil {
		return err
	}
	for _, v := range versions {
		if v.Revision != revision {
			continue
		}
		in, err := a.store.Instansi(ctx, v.InstansiID)
		if err != nil {
			return err
		}
		parents, err := a.parentTexts(ctx, v.RHK)
		if err != nil {
			return err
		}
		return export.WriteSKP(w, export.SKPDocument{SKP: v, InstansiName: in.Name, ParentRHK: parents,
			Date: model.Date(v.ApprovedAt.In(wib).Format("2006-01-02"))})
	}
	return fmt.Errorf("SKP %s revision %d: %w", id, revision, model.ErrNotFound)
}
