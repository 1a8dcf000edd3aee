package app

import (
	"context"
	"maps"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// The instansi's map from capaian kinerja organisasi to the unit head's
// rating hasil kerja (decision 6): the regulation's unless BKPSDM sets
// its own on the settings. A rating made keeps the rating hasil kerja it
// was given (stored on the assessment and in its audit entry), so a change
// of the map applies to ratings made after it and never rewrites one made
// before; a final result shows the rating it was given.

// leaderMapOf returns the instansi's own map, nil for the regulation's.
func (a *App) leaderMapOf(ctx context.Context, instansiID string) (model.LeaderMap, error) {
	return a.store.LeaderMap(ctx, instansiID)
}

// SetLeaderMap sets the instansi's map (BKPSDM). Every capaian must map to
// a rating; a map equal to the regulation's, or nil, restores the
// regulation's. The change is audited with the map before and after.
func (a *App) SetLeaderMap(ctx context.Context, actor model.Actor, m model.LeaderMap) error {
	if !authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID}) {
		return forbidden("set the unit heads' rating map")
	}
	def := model.CurrentRules().DefaultLeaderMap()
	if m != nil {
		if err := model.LeaderMapProblems(m, "leader_map"); err != nil {
			return err
		}
		if maps.Equal(m, def) {
			m = nil
		}
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		return tx.SetLeaderMap(ctx, actor.InstansiID, m)
	})
}
