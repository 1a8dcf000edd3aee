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

func TestTeamsShareAResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		team := model.Team{Name: "Tim Percepatan SPBE", Goal: "Seluruh layanan perizinan dapat diajukan daring"}
		if _, err := e.a.CreateTeam(ctx, who["staff1"], team); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN who rates nobody started a team: %v", err)
		}
		var v *model.ValidationError
		if _, err := e.a.CreateTeam(ctx, who["kabid"], model.Team{Name: "Tanpa tujuan"}); !errors.As(err, &v) || v.Fields["goal"] == "" {
			t.Errorf("a team without a goal: %v", err)
		}
		tm, err := e.a.CreateTeam(ctx, who["kabid"], team)
		if err != nil || len(tm.Members) != 1 || tm.Members[0].EmployeeID != e.o.Kabid.ID {
			t.Fatalf("team = %+v, %v", tm, err)
		}
		// The admin of another OPD sees the team once someone of their OPD is in it.
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := e.a.CreateUser(ctx, sys, app.NewUser{Username: "opd-dinkes", Password: "rahasia-dinkes",
			Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Dinkes.ID}}}); err != nil {
			t.Fatal(err)
		}
		dinkes := e.login(t, "opd-dinkes", "rahasia-dinkes")
		if _, err := e.a.WorkTeam(ctx, dinkes, tm.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("another OPD's admin saw a team without their people: %v", err)
		}
		if list, _ := e.a.WorkTeams(ctx, dinkes, 2026); len(list) != 0 {
			t.Errorf("another OPD's admin lists %d teams", len(list))
		}
		// Members from several units: a staff member and a nurse of another OPD.
		for _, id := range []string{e.o.Staff1.ID, e.o.Nurse.ID} {
			if err := e.a.AddTeamMember(ctx, who["kabid"], tm.ID, id); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.a.AddTeamMember(ctx, who["kabid"], tm.ID, e.o.Staff1.ID); stateKey(err) != "conflict.team.member.already" {
			t.Errorf("a member added twice: %v", err)
		}
		if err := e.a.AddTeamMember(ctx, who["staff1"], tm.ID, e.o.Staff2.ID); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a member who does not lead added someone: %v", err)
		}
		// Each links an RHK of their own.
		if err := e.a.LinkTeamRHK(ctx, who["nurse"], tm.ID, skp.RHK[0].ID); !errors.As(err, &v) {
			t.Errorf("a member linked someone else's RHK: %v", err)
		}
		if err := e.a.LinkTeamRHK(ctx, who["staff1"], tm.ID, skp.RHK[0].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SubmitProgress(ctx, who["staff1"], model.Progress{WorkDate: "2026-03-02", RHKID: skp.RHK[0].ID,
			Description: "Migrasi formulir izin usaha", Minutes: 120}); err != nil {
			t.Fatal(err)
		}
		view, err := e.a.WorkTeam(ctx, who["nurse"], tm.ID)
		if err != nil || !view.Member || len(view.Team.Members) != 3 || len(view.Recent) != 1 || view.Progress[skp.RHK[0].ID].Minutes != 120 {
			t.Fatalf("the team as a member sees it = %+v, %v", view, err)
		}
		// Who sees the team: members, their supervisors up the line, admins; not others.
		if _, err := e.a.WorkTeam(ctx, who["staff2"], tm.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague outside the team saw it: %v", err)
		}
		if view, err := e.a.WorkTeam(ctx, who["kadis"], tm.ID); err != nil || view.Member {
			t.Errorf("the supervisors' view: %+v, %v", view.Member, err)
		}
		if list, err := e.a.WorkTeams(ctx, e.admin, 2026); err != nil || len(list) != 1 {
			t.Errorf("the admin's list = %d, %v", len(list), err)
		}
		if list, err := e.a.WorkTeams(ctx, dinkes, 2026); err != nil || len(list) != 1 {
			t.Errorf("the Dinkes admin's list, the nurse now in the team = %d, %v", len(list), err)
		}
		// Thanks and offers of help reach the other member.
		before, _ := s.LastEvent(ctx, e.o.Staff1.ID)
		if _, err := e.a.GiveKudos(ctx, who["nurse"], tm.ID, e.o.Staff1.ID, app.KudosThanks, "Terima kasih, formulirnya sangat membantu"); err != nil {
			t.Fatal(err)
		}
		if evs, _ := s.Events(ctx, e.o.Staff1.ID, before, 10); len(evs) != 1 || evs[0].Type != "notification" {
			t.Errorf("the thanked member's events = %+v", evs)
		}
		if _, err := e.a.GiveKudos(ctx, who["nurse"], tm.ID, e.o.Nurse.ID, app.KudosHelp, "Saya bantu"); !errors.As(err, &v) {
			t.Errorf("kudos to oneself: %v", err)
		}
		if _, err := e.a.GiveKudos(ctx, who["staff2"], tm.ID, e.o.Staff1.ID, app.KudosThanks, "Hai"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an outsider thanked a member: %v", err)
		}
		if view, _ := e.a.WorkTeam(ctx, who["staff1"], tm.ID); len(view.Kudos) != 1 || view.Kudos[0].Kind != app.KudosThanks {
			t.Errorf("kudos on the page = %+v", view.Kudos)
		}

		// The rights travel with the team: the lead adds members, members
		// link and thank, the supervisors above only look.
		rights := map[string]app.TeamRights{
			"kabid":  {AddMember: true, Link: true, Kudos: true},
			"staff1": {Link: true, Kudos: true},
			"kadis":  {},
		}
		for name, want := range rights {
			if view, err := e.a.WorkTeam(ctx, who[name], tm.ID); err != nil || view.Can != want {
				t.Errorf("%s's rights on the team = %+v, %v; want %+v", name, view.Can, err, want)
			}
		}
		if view, _ := e.a.WorkTeam(ctx, e.admin, tm.ID); !view.Can.AddMember || view.Can.Link {
			t.Errorf("BKPSDM's rights on the team = %+v", view.Can)
		}
		if list, _ := e.a.WorkTeams(ctx, who["staff1"], 2026); len(list) != 1 || list[0].Can != rights["staff1"] {
			t.Errorf("the member's list = %+v", list)
		}
		if list, _ := e.a.WorkTeams(ctx, dinkes, 2026); len(list) != 1 || list[0].Can != (app.TeamRights{}) {
			t.Errorf("the Dinkes admin's list = %+v", list)
		}
		if name := (app.TeamView{Team: tm}).Name(e.o.Kabid.ID); name == "" {
			t.Error("the team view does not name its lead")
		}
		if !e.a.CanStartTeam(ctx, who["kabid"]) || e.a.CanStartTeam(ctx, who["staff1"]) {
			t.Error("who may start a team is wrong")
		}
		if err := e.a.AddTeamMemberByNIP(ctx, who["kabid"], tm.ID, "199901012020011999"); !errors.As(err, &v) || v.Fields["nip"] == "" {
			t.Errorf("an unknown NIP: %v", err)
		}
		if err := e.a.AddTeamMemberByNIP(ctx, who["kabid"], tm.ID, " "+storetest.NIPStaff2+" "); err != nil {
			t.Errorf("a member by NIP: %v", err)
		}
	})
}

// A team's kudos page past the newest: every message is reachable once,
// newest first, and a made-up cursor is refused.
func TestTeamKudosPageThroughEveryMessage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		tm, err := e.a.CreateTeam(ctx, who["kabid"], model.Team{Name: "Tim SPBE", Goal: "Layanan perizinan daring"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.a.AddTeamMember(ctx, who["kabid"], tm.ID, e.o.Staff1.ID); err != nil {
			t.Fatal(err)
		}
		total := app.KudosPageSize*2 + 5
		for i := range total {
			if _, err := e.a.GiveKudos(ctx, who["staff1"], tm.ID, e.o.Kabid.ID, app.KudosThanks, fmt.Sprintf("Terima kasih %d", i)); err != nil {
				t.Fatal(err)
			}
		}
		view, err := e.a.WorkTeam(ctx, who["kabid"], tm.ID)
		if err != nil || len(view.Kudos) != app.KudosPageSize || view.KudosNext == "" || view.Kudos[0].Body != fmt.Sprintf("Terima kasih %d", total-1) {
			t.Fatalf("the team page's kudos: %d, next %q, %v", len(view.Kudos), view.KudosNext, err)
		}
		seen := map[string]bool{}
		for _, k := range view.Kudos {
			seen[k.ID] = true
		}
		for cursor := view.KudosNext; cursor != ""; {
			page, err := e.a.TeamKudos(ctx, who["kabid"], tm.ID, cursor)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range page.Items {
				if seen[k.ID] {
					t.Errorf("kudos %s shown twice", k.ID)
				}
				seen[k.ID] = true
			}
			cursor = page.NextCursor
		}
		if len(seen) != total {
			t.Errorf("paged through %d kudos, want %d", len(seen), total)
		}
		var v *model.ValidationError
		if _, err := e.a.TeamKudos(ctx, who["kabid"], tm.ID, "nope"); !errors.As(err, &v) || v.Fields["cursor"] == "" {
			t.Errorf("a made-up cursor: %v", err)
		}
		if _, err := e.a.TeamKudos(ctx, who["staff2"], tm.ID, ""); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("someone outside the team read its kudos: %v", err)
		}
	})
}
