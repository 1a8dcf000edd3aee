package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// PKView is a unit's Perjanjian Kinerja for a year, with what the actor
// may do with it.
type PKView struct {
	Unit    model.Unit
	Year    int
	Sasaran []PKSasaranItem
	Can     PKRights
}

// PKRights is what the actor may do with a unit's PK.
type PKRights struct {
	Manage bool // add and remove sasaran: the head of the unit or an admin
}

// PKSasaranItem is a sasaran of a PK with what the actor may do with it.
type PKSasaranItem struct {
	model.PKSasaran
	Can PKSasaranRights
}

// PKSasaranRights is what the actor may do with one sasaran.
type PKSasaranRights struct {
	Delete bool // those who manage the PK, while no RHK is taken from it
}

// PerjanjianKinerja returns the sasaran of a unit's Perjanjian Kinerja for
// a year. The PK is a public commitment of the unit: everyone in the
// instansi may read it.
func (a *App) PerjanjianKinerja(ctx context.Context, actor model.Actor, unitID string, year int) (PKView, error) {
	u, err := a.store.Unit(ctx, unitID)
	if err != nil || u.InstansiID != actor.InstansiID || !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: u.InstansiID}) {
		return PKView{}, fmt.Errorf("unit %s: %w", unitID, model.ErrNotFound)
	}
	v := PKView{Unit: u, Year: year, Can: PKRights{Manage: a.canManagePK(ctx, actor, u)}}
	list, err := a.store.PerjanjianKinerja(ctx, u.ID, year)
	if err != nil {
		return v, err
	}
	ids := make([]string, len(list))
	for i, s := range list {
		ids[i] = s.ID
	}
	used := map[string]bool{}
	if v.Can.Manage {
		if used, err = a.store.PKSasaranInUse(ctx, ids); err != nil {
			return v, err
		}
	}
	for _, s := range list {
		v.Sasaran = append(v.Sasaran, PKSasaranItem{PKSasaran: s, Can: PKSasaranRights{Delete: v.Can.Manage && !used[s.ID]}})
	}
	return v, nil
}

// canManagePK reports whether actor may write the PK of unit: an admin of
// its OPD or of the instansi, or the holder of the unit's head position.
func (a *App) canManagePK(ctx context.Context, actor model.Actor, u model.Unit) bool {
	if u.InstansiID != actor.InstansiID {
		return false
	}
	if authz.Can(actor, authz.ManagePK, authz.Target{InstansiID: u.InstansiID, OPDID: u.OPDID}) {
		return true
	}
	if actor.EmployeeID == "" || u.HeadPositionID == "" {
		return false
	}
	chart, err := a.OrgChart(ctx, u.InstansiID)
	return err == nil && chart.Holder(u.HeadPositionID) == actor.EmployeeID
}

// AddPKSasaran adds a sasaran with its indicators to a unit's Perjanjian
// Kinerja for a year.
func (a *App) AddPKSasaran(ctx context.Context, actor model.Actor, s model.PKSasaran) (model.PKSasaran, error) {
	u, err := a.store.Unit(ctx, s.UnitID)
	if err != nil || u.InstansiID != actor.InstansiID {
		return s, fmt.Errorf("unit %s: %w", s.UnitID, model.ErrNotFound)
	}
	if !a.canManagePK(ctx, actor, u) {
		return s, forbidden("write the Perjanjian Kinerja of " + u.Name)
	}
	s.InstansiID = u.InstansiID
	s.Description = strings.TrimSpace(s.Description)
	var kept []model.PKIndicator
	for _, in := range s.Indicators {
		in.Description, in.Target, in.Unit = strings.TrimSpace(in.Description), strings.TrimSpace(in.Target), strings.TrimSpace(in.Unit)
		if in.Description == "" && in.Target == "" && in.Unit == "" {
			continue // an empty row of the form
		}
		kept = append(kept, in)
	}
	s.Indicators = kept
	if err := s.Validate(); err != nil {
		return s, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		s, err = tx.CreatePKSasaran(ctx, s)
		return err
	})
	return s, err
}

// DeletePKSasaran removes a sasaran that no RHK is taken from.
func (a *App) DeletePKSasaran(ctx context.Context, actor model.Actor, id string) error {
	s, err := a.store.PKSasaranByID(ctx, id)
	if err != nil || s.InstansiID != actor.InstansiID {
		return fmt.Errorf("PK sasaran %s: %w", id, model.ErrNotFound)
	}
	u, err := a.store.Unit(ctx, s.UnitID)
	if err != nil {
		return err
	}
	if !a.canManagePK(ctx, actor, u) {
		return forbidden("change the Perjanjian Kinerja of " + u.Name)
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.DeletePKSasaran(ctx, id) })
}

// SKPPerjanjianKinerja returns the PK a JPT SKP takes its RHK from: that of
// the unit the SKP's position leads, for the SKP's year. Other SKPs have
// none.
func (a *App) SKPPerjanjianKinerja(ctx context.Context, s model.SKP) ([]model.PKSasaran, error) {
	if s.Format != model.FormatJPT || s.PositionID == "" {
		return nil, nil
	}
	p, err := a.store.Position(ctx, s.PositionID)
	if err != nil {
		return nil, err
	}
	return a.store.PerjanjianKinerja(ctx, p.UnitID, s.Year)
}
