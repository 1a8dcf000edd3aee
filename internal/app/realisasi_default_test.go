package app_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The realisasi page asked for no period opens on the period of today
// while the SKP is in force (not the first open one: May is still open in
// early June), and on the last period a closed SKP was in force (not
// January).
func TestRealisasiOpensOnThePeriodInForce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff := who["staff2"]
		old := approvedStaff2SKP(t, e, who)
		setDay(t, e, "2026-06-03")
		openMonth(t, e, 5)
		june := openMonth(t, e, 6)
		page, err := e.a.Realisasi(ctx, staff, old.ID, "")
		if err != nil || page.Period.ID != june.ID {
			t.Fatalf("the open SKP's realisasi opens on %s, %v; want June", page.Period.Name(), err)
		}
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff2.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementDefinitif, Start: "2026-04-15"}); err != nil {
			t.Fatal(err)
		}
		closed, err := s.SKP(ctx, old.ID)
		if err != nil || closed.Status != model.SKPClosed || closed.PeriodEnd != "2026-04-14" {
			t.Fatalf("the SKP after the transfer = %s to %s, %v", closed.Status, closed.PeriodEnd, err)
		}
		page, err = e.a.Realisasi(ctx, staff, old.ID, "")
		if err != nil || page.Period.Start != "2026-04-01" || page.Period.Kind != model.PeriodMonthly {
			t.Errorf("the closed SKP's realisasi opens on %s, %v; want April, its last month", page.Period.Name(), err)
		}
		fresh, err := e.a.CreateSKP(ctx, staff, e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		if page, err = e.a.Realisasi(ctx, staff, fresh.ID, ""); err != nil || page.Period.ID != june.ID {
			t.Errorf("the new SKP's realisasi opens on %s, %v; want June", page.Period.Name(), err)
		}
	})
}
