package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The bulk forms write what the one-row forms write, audit included, and
// a bulk load that leaves a row without its parent keeps nothing.
func TestBulkWrites(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := storetest.SeedOrg(t, s)
		in := o.Instansi.ID
		actor := model.SystemActor(in, "test")
		auditCount := func() int {
			var n int
			if err := s.DB().QueryRow(`SELECT COUNT(*) FROM audit_log`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := auditCount()
		nips := []string{"198801012015031001", "198802022015032002", "198803032015031003"}
		err := s.Write(ctx, actor, func(tx *store.Tx) error {
			return tx.BulkLoad(ctx, func() error {
				var list []model.Employee
				for i, nip := range nips {
					list = append(list, model.Employee{InstansiID: in, NIP: nip, Name: "Pegawai " + nip[:4], Status: model.StatusPNS,
						Golongan: "III/a", Active: true, Gender: []string{"L", "P", "L"}[i]})
				}
				made, err := tx.CreateEmployees(ctx, list)
				if err != nil {
					return err
				}
				var pls []model.Placement
				var users []model.User
				for _, e := range made {
					pls = append(pls, model.Placement{EmployeeID: e.ID, PositionID: o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2026-01-02"})
					users = append(users, model.User{InstansiID: in, Username: e.NIP, DisplayName: e.Name, EmployeeID: e.ID, PasswordHash: "x"})
				}
				if _, err := tx.PlaceNew(ctx, in, pls); err != nil {
					return err
				}
				_, err = tx.CreateUsers(ctx, users)
				return err
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := auditCount() - before; got != 9 {
			t.Errorf("%d audit entries for 3 employees, placements and accounts, want 9", got)
		}
		for _, nip := range nips {
			e, err := s.EmployeeByNIP(ctx, in, nip)
			if err != nil || e.PositionID != o.PosStaff.ID || e.BirthDate == "" {
				t.Errorf("employee %s = %+v, %v", nip, e, err)
			}
			if _, err := s.UserByUsername(ctx, nip); err != nil {
				t.Errorf("account %s: %v", nip, err)
			}
			hist, err := s.Placements(ctx, e.ID)
			if err != nil || len(hist) != 1 || hist[0].PositionName != o.PosStaff.Name {
				t.Errorf("placements of %s = %+v, %v", nip, hist, err)
			}
		}

		// A row whose parent does not exist fails the whole load, on
		// PostgreSQL when the keys come back, and nothing of it stays.
		mid := auditCount()
		err = s.Write(ctx, actor, func(tx *store.Tx) error {
			return tx.BulkLoad(ctx, func() error {
				_, err := tx.CreateUsers(ctx, []model.User{
					{InstansiID: in, Username: "yatim1", DisplayName: "A", EmployeeID: "no-such-employee", PasswordHash: "x"},
					{InstansiID: in, Username: "yatim2", DisplayName: "B", PasswordHash: "x"},
				})
				return err
			})
		})
		if !errors.Is(err, model.ErrConflict) {
			t.Errorf("orphan account: %v, want a conflict", err)
		}
		if _, err := s.UserByUsername(ctx, "yatim2"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an account of the failed load stayed: %v", err)
		}
		if auditCount() != mid {
			t.Error("the failed load left audit entries")
		}
		// The keys are back: an orphan outside a bulk load fails too.
		err = s.Write(ctx, actor, func(tx *store.Tx) error {
			_, err := tx.CreateUser(ctx, model.User{InstansiID: in, Username: "yatim3", DisplayName: "C", EmployeeID: "no-such-employee", PasswordHash: "x"})
			return err
		})
		if !errors.Is(err, model.ErrConflict) {
			t.Errorf("orphan account after a bulk load: %v, want a conflict", err)
		}
	})
}
