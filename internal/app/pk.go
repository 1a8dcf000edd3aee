package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// PerjanjianKinerja returns the sasaran of a unit's Perjanjian Kinerja for
// a year. The PK is a public commitment of the unit: everyone in the
// instansi may read it.
func (a *App) PerjanjianKinerja(ctx context.Context, actor model.Actor, unitID string, year int) (model.Unit, []model.PKSasaran, error) {
	u, err := a.Store.Unit(ctx, unitID)
	if err != nil || u.InstansiID != actor.InstansiID || !authz.Can(actor, authz.ReadDirectory, authz.Target{InstansiID: u.InstansiID}) {
		return model.Unit{}, nil, fmt.Errorf("unit %s: %w", unitID, model.ErrNotFound)
	}
	list, err := a.Store.PerjanjianKinerja(ctx, u.ID, year)
	return u, list, err
}

// CanManagePK reports whether actor may write the PK of unit: an admin of
// its OPD or of the instansi, or the holder of the unit's head position.
func (a *App) CanManagePK(ctx context.Context, actor model.Actor, u model.Unit) bool {
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
	u, err := a.Store.Unit(ctx, s.UnitID)
	if err != nil || u.InstansiID != actor.InstansiID {
		return s, fmt.Errorf("unit %s: %w", s.UnitID, model.ErrNotFound)
	}
	if !a.CanManagePK(ctx, actor, u) {
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
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		s, err = tx.CreatePKSasaran(ctx, s)
		return err
	})
	return s, err
}

// DeletePKSasaran removes a sasaran that no RHK is taken from.
func (a *App) DeletePKSasaran(ctx context.Context, actor model.Actor, id string) error {
	s, err := a.Store.PKSasaranByID(ctx, id)
	if err != nil || s.InstansiID != actor.InstansiID {
		return fmt.Errorf("PK sasaran %s: %w", id, model.ErrNotFound)
	}
	u, err := a.Store.Unit(ctx, s.UnitID)
	if err != nil {
		return err
	}
	if !a.CanManagePK(ctx, actor, u) {
		return forbidden("change the Perjanjian Kinerja of " + u.Name)
	}
	return a.Store.Write(ctx, actor, func(tx *store.Tx) error { return tx.DeletePKSasaran(ctx, id) })
}

// SKPPerjanjianKinerja returns the PK a JPT SKP takes its RHK from: that of
// the unit the SKP's position leads, for the SKP's year. Other SKPs have
// none.
func (a *App) SKPPerjanjianKinerja(ctx context.Context, s model.SKP) ([]model.PKSasaran, error) {
	if s.Format != model.FormatJPT || s.PositionID == "" {
		return nil, nil
	}
	p, err := a.Store.Position(ctx, s.PositionID)
	if err != nil {
		return nil, err
	}
	return a.Store.PerjanjianKinerja(ctx, p.UnitID, s.Year)
}
