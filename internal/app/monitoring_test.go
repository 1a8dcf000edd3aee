package app_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestSKPFillingAndReminders(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		// Staff1 has a draft, Kadis has submitted one, the rest nothing.
		if _, err := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, model.ApproachKuantitatif); err != nil {
			t.Fatal(err)
		}
		f, err := e.a.SKPFilling(ctx, e.admin, 2026, "")
		if err != nil {
			t.Fatal(err)
		}
		if f.Total.Total != 7 || f.Total.Draft != 1 || f.Total.NotStarted != 6 || len(f.Lines) != 2 {
			t.Fatalf("filling = %+v", f)
		}
		kominfo, err := e.a.SKPFilling(ctx, e.admin, 2026, e.o.Kominfo.ID)
		if err != nil || kominfo.Total.Total != 5 || len(kominfo.Lines) != 3 {
			t.Fatalf("Kominfo by unit = %+v, %v", kominfo, err)
		}
		if _, err := e.a.SKPFilling(ctx, who["staff1"], 2026, ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN opened the dashboard: %v", err)
		}
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := e.a.CreateUser(ctx, sys, app.NewUser{Username: "admin.dinkes", Password: "rahasia-dinkes",
			Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Dinkes.ID}}}); err != nil {
			t.Fatal(err)
		}
		opd := e.login(t, "admin.dinkes", "rahasia-dinkes")
		own, err := e.a.SKPFilling(ctx, opd, 2026, "")
		if err != nil || own.Total.Total != 2 {
			t.Errorf("the Dinkes admin's view = %+v, %v", own, err)
		}
		if _, err := e.a.SKPFilling(ctx, opd, 2026, e.o.Kominfo.ID); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an OPD admin saw another OPD: %v", err)
		}

		people, status, err := e.a.BehindInUnit(ctx, e.admin, 2026, e.o.Aplikasi.ID)
		if err != nil || len(people) != 3 || status[e.o.Staff1.ID] != model.SKPDraft {
			t.Fatalf("behind in Aplikasi = %d, %v, %v", len(people), status, err)
		}
		n, err := e.a.RemindBehind(ctx, e.admin, 2026, e.o.Aplikasi.ID)
		if err != nil || n != 3 {
			t.Fatalf("reminded %d, %v", n, err)
		}
		notes, _ := s.Notifications(ctx, e.o.Staff1.ID, 5)
		if len(notes) != 1 || notes[0].Kind != "skp.reminder" {
			t.Errorf("Staff1's notifications = %+v", notes)
		}
		if _, err := e.a.RemindBehind(ctx, opd, 2026, e.o.Aplikasi.ID); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an OPD admin reminded another OPD: %v", err)
		}
	})
}

// The drill-down lists everyone behind in a unit, however many pages of
// people the unit holds (a school office or a puskesmas may hold
// hundreds), and agrees with the dashboard's count.
func TestBehindInALargeUnit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		const extra = 230
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			for i := range extra {
				emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: fmt.Sprintf("198001012005011%03d", i+1),
					Name: fmt.Sprintf("Perawat %03d", i+1), Status: model.StatusPNS, Golongan: "III/a", Active: true})
				if err != nil {
					return err
				}
				if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: e.o.PosNurse.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"}); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		f, err := e.a.SKPFilling(ctx, e.admin, 2026, "")
		if err != nil {
			t.Fatal(err)
		}
		var dinkes app.FillingCounts
		for _, l := range f.Lines {
			if l.Unit.ID == e.o.Dinkes.ID {
				dinkes = l.Counts
			}
		}
		people, _, err := e.a.BehindInUnit(ctx, e.admin, 2026, e.o.Dinkes.ID)
		if err != nil {
			t.Fatal(err)
		}
		if dinkes.Behind() < extra || len(people) != dinkes.Behind() {
			t.Errorf("the drill-down lists %d people behind, the dashboard counts %d (of %d)", len(people), dinkes.Behind(), dinkes.Total)
		}
	})
}
