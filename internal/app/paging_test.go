package app_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// moreStaff places n more employees under the Kabid, each in a post of
// their own in the Bidang Aplikasi Informatika.
func moreStaff(t *testing.T, s *store.Store, o storetest.Org, n int) {
	t.Helper()
	ctx := context.Background()
	err := s.Write(ctx, model.SystemActor(o.Instansi.ID, "test"), func(tx *store.Tx) error {
		for i := range n {
			p, err := tx.CreatePosition(ctx, model.Position{InstansiID: o.Instansi.ID, UnitID: o.Aplikasi.ID, Code: fmt.Sprintf("APL-%03d", i),
				Name: "Pranata Komputer", Kind: model.PositionFungsional, SuperiorPositionID: o.PosKabid.ID}, false)
			if err != nil {
				return err
			}
			e, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: o.Instansi.ID, NIP: fmt.Sprintf("199001012015011%03d", i),
				Name: fmt.Sprintf("Pegawai %03d", i), Status: model.StatusPNS, Golongan: "III/a", Active: true})
			if err != nil {
				return err
			}
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: e.ID, PositionID: p.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A supervisor's team is listed whole on the beranda and the employee
// page, not cut at the first 200 by name.
func TestTeamListsEveryoneRated(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		moreStaff(t, s, e.o, 230)
		kabid := who["kabid"]
		team, err := e.a.Team(ctx, kabid)
		if err != nil || len(team) != 232 {
			t.Errorf("the Kabid's team on the beranda: %d people, want 232, %v", len(team), err)
		}
		d, err := e.a.Employee(ctx, kabid, e.o.Kabid.ID)
		if err != nil || len(d.Team) != 232 {
			t.Errorf("the Kabid's team on their page: %d people, want 232, %v", len(d.Team), err)
		}
		if h, err := e.a.Home(ctx, kabid); err != nil || len(h.Team) != 232 {
			t.Errorf("the beranda's team: %d, %v", len(h.Team), err)
		}
	})
}
