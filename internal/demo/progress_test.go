package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestDemoYearHasWork(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a, _ := generate(t, s, 1200, 5)
		accounts, err := demo.Accounts(ctx, s, a)
		if err != nil {
			t.Fatal(err)
		}
		var boss, staff model.Actor
		for _, acc := range accounts {
			u, err := s.UserByUsername(ctx, acc.Username)
			if err != nil {
				t.Fatal(err)
			}
			actor := model.Actor{UserID: u.ID, InstansiID: u.InstansiID, EmployeeID: u.EmployeeID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
			switch acc.Role {
			case "Kepala bidang (atasan langsung)":
				boss = actor
			case "Staf (ASN)":
				staff = actor
			}
		}
		if boss.EmployeeID == "" || staff.EmployeeID == "" {
			t.Fatalf("demo accounts = %+v", accounts)
		}
		d, err := a.SupervisorDesk(ctx, boss, app.DeskQuery{})
		if err != nil {
			t.Fatal(err)
		}
		approved, err := a.ProgressList(ctx, boss, app.ProgressQuery{Team: true, Status: model.ProgressApproved, Limit: 200})
		if err != nil || len(approved) < 10 {
			t.Errorf("the demo supervisor's team has %d approved entries, %v", len(approved), err)
		}
		reported := 0
		for _, p := range d.People {
			if p.LastReported != "" {
				reported++
			}
		}
		if reported == 0 || len(d.Feedback) == 0 && len(approved) > 200 {
			t.Errorf("desk: %d of %d reported, %d feedback", reported, len(d.People), len(d.Feedback))
		}
		// The demo staff is in the demo supervisor's team, which has linked RHK.
		teams, err := a.WorkTeams(ctx, staff, a.Today(ctx, staff.InstansiID).Time().Year())
		if err != nil || len(teams) == 0 {
			t.Fatalf("the demo staff's teams = %d, %v", len(teams), err)
		}
		view, err := a.WorkTeam(ctx, staff, teams[0].ID)
		if err != nil || view.Team.LeadID != boss.EmployeeID || len(view.Team.Members) < 3 {
			t.Errorf("the first team = %+v, %v", view.Team, err)
		}
		// Last month's realisasi is filled for the staff account.
		year := a.Today(ctx, staff.InstansiID).Time().Year()
		skps, _ := s.SKPs(ctx, store.SKPFilter{InstansiID: staff.InstansiID, EmployeeIDs: []string{staff.EmployeeID}, Year: year})
		if len(skps) == 0 {
			t.Fatal("the demo staff has no SKP")
		}
		if a.Today(ctx, staff.InstansiID).Time().Month() > 1 && skps[0].Status == model.SKPApproved {
			periods, _ := s.Periods(ctx, staff.InstansiID, year)
			last := periods[a.Today(ctx, staff.InstansiID).Time().Month()-2]
			view, err := a.Realisasi(ctx, staff, skps[0].ID, last.ID)
			if err != nil || len(view.Realisasi) == 0 {
				t.Errorf("last month's realisasi = %d, %v", len(view.Realisasi), err)
			}
		}
	})
}

// The demo city built early on a working morning holds no entry sent,
// reviewed or dated after that moment: the work of the rest of the day
// and the reviews still to come are not there yet.
func TestDemoHoldsNothingAfterItsToday(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// Wednesday 10:00 WIB: the demo sends entries between 09:00 and 16:00.
		now := time.Date(2026, 3, 18, 3, 0, 0, 0, time.UTC)
		a := app.New(s, nil, app.Options{Now: func() time.Time { return now },
			Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		if _, err := demo.Generate(ctx, s, a, demo.Options{Employees: 300, Seed: 7}); err != nil {
			t.Fatalf("Generate: %v", err)
		}
		var entries, today int
		var lastDay, lastSent, lastReviewed string
		row := s.DB().QueryRowContext(ctx, `SELECT COUNT(*), MAX(work_date), MAX(submitted_at), MAX(reviewed_at) FROM progress_entries`)
		if err := row.Scan(&entries, &lastDay, &lastSent, &lastReviewed); err != nil {
			t.Fatal(err)
		}
		if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM progress_entries WHERE work_date = '2026-03-18'`).Scan(&today); err != nil {
			t.Fatal(err)
		}
		if entries < 100 || today == 0 {
			t.Fatalf("the demo holds %d entries, %d of them today's: too few to tell", entries, today)
		}
		if lastDay > "2026-03-18" {
			t.Errorf("an entry is dated %s, after the demo's today", lastDay)
		}
		for what, at := range map[string]string{"sent": lastSent, "reviewed": lastReviewed} {
			when, err := time.Parse(time.RFC3339Nano, at)
			if err != nil {
				t.Fatalf("%s at %q: %v", what, at, err)
			}
			if when.After(now) {
				t.Errorf("an entry was %s at %s, after the demo's now %s", what, when, now)
			}
		}
	})
}
