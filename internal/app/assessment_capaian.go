package app

import (
	"context"

	"github.com/kinerja-id/kinerja/internal/model"
)

// capaianOf returns the capaian kinerja organisasi set for an OPD in a
// period, "" while none is set.
func (a *App) capaianOf(ctx context.Context, opdID, periodID string) (model.Capaian, error) {
	p, err := a.store.UnitPerformance(ctx, opdID, periodID)
	if IsNotFound(err) {
		return "", nil
	}
	return p.Capaian, err
}
