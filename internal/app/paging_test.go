package app_test

import (
	"context"
	"fmt"
	"testing"
	"time"

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

// A day, a week, the entries returned for a fix and a period's realisasi
// basis show every entry, not the first page of them.
func TestProgressListsShowEveryEntry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid := who["staff1"], who["kabid"]
		skp := approvedStaffSKP(t, e, s, staff)
		periods, _ := e.a.Periods(ctx, e.admin, 2026)
		mar := periods[2]
		rhk := skp.RHK[0].ID
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := range 230 {
				p, err := tx.CreateProgress(ctx, model.Progress{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, RaterID: e.o.Kabid.ID,
					SKPID: skp.ID, RHKID: rhk, WorkDate: "2026-03-02", Description: fmt.Sprintf("Pekerjaan %d", i), Minutes: 5})
				if err != nil {
					return err
				}
				if i < 60 {
					if _, err := tx.ReviewProgress(ctx, p.ID, p.Version, model.ProgressReturned, "Lengkapi", e.o.Kabid.ID); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// The day's returned entries are in its list once; the next day
		// lists them as returned for a fix.
		day, err := e.a.ProgressDayOf(ctx, staff, "2026-03-02")
		if err != nil || len(day.Entries) != 230 || len(day.Returned) != 0 {
			t.Errorf("the day shows %d of 230 entries and %d returned again, %v", len(day.Entries), len(day.Returned), err)
		}
		e.clock.add(24 * time.Hour)
		next, err := e.a.ProgressDayOf(ctx, staff, "2026-03-03")
		if err != nil || len(next.Entries) != 0 || len(next.Returned) != 60 {
			t.Errorf("the next day shows %d entries and %d of 60 returned, %v", len(next.Entries), len(next.Returned), err)
		}
		week, err := e.a.PersonProgress(ctx, kabid, e.o.Staff1.ID, "2026-03-02")
		if err != nil || len(week.Entries) != 230 {
			t.Errorf("the week shows %d of 230 entries, %v", len(week.Entries), err)
		}
		view, err := e.a.Realisasi(ctx, kabid, skp.ID, mar.ID)
		if err != nil || len(view.Progress[rhk]) != 230 {
			t.Errorf("the realisasi basis shows %d of 230 entries, %v", len(view.Progress[rhk]), err)
		}
	})
}

// Every team of a year is listed, not the first 500 by name.
func TestWorkTeamsListsEveryTeam(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for i := range 510 {
				if _, err := tx.CreateTeam(ctx, model.Team{InstansiID: e.o.Instansi.ID, Year: 2026, Name: fmt.Sprintf("Tim %03d", i),
					Goal: "Layanan", LeadID: e.o.Kabid.ID}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		teams, err := e.a.WorkTeams(ctx, e.admin, 2026)
		if err != nil || len(teams) != 510 {
			t.Errorf("the year's teams: %d of 510, %v", len(teams), err)
		}
	})
}

// The SKP list of an administrator holds every SKP of the year, not the
// first 5000.
func TestSKPListHoldsEverySKP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for range 5010 {
				if _, err := tx.CreateSKP(ctx, model.SKP{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Year: 2026,
					PeriodStart: "2026-01-01", PeriodEnd: "2026-12-31", Approach: model.ApproachKuantitatif, Format: model.FormatJAJF}, e.o.PosStaff.ID); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		list, err := e.a.SKPSummaries(ctx, e.admin, "", 2026, "")
		if err != nil || len(list) != 5010 {
			t.Errorf("the year's SKPs: %d of 5010, %v", len(list), err)
		}
	})
}
