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

// refusedKey is the reason of a state conflict (409), "" for any other
// answer.
func refusedKey(err error) string {
	var se *model.StateError
	if errors.As(err, &se) && errors.Is(err, model.ErrInvalidTransition) {
		return se.Key
	}
	return ""
}

// closedActs tries every act on one person that a closed record refuses,
// and returns the reason of each refusal by act. Ending a placement or a
// substitute rater is tried when the record still has one (a merge moves
// them to the record kept).
func closedActs(t *testing.T, e env, s *store.Store, lead model.Actor, id string) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	team, err := e.a.CreateTeam(ctx, lead, model.Team{Name: "Tim SPBE", Goal: "Seluruh layanan perizinan dapat diajukan daring"})
	if err != nil {
		t.Fatal(err)
	}
	out["team member"] = refusedKey(e.a.AddTeamMember(ctx, lead, team.ID, id))
	_, err = e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: id, PositionID: e.o.PosAdm.ID, Kind: model.PlacementPlt, Start: "2026-03-02"})
	out["place"] = refusedKey(err)
	_, err = e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: id, RaterID: e.o.Kadis.ID, Start: "2026-03-02", Reason: "Penugasan"})
	out["override"] = refusedKey(err)
	if pls, _ := s.Placements(ctx, id); len(pls) > 0 {
		out["end placement"] = refusedKey(e.a.EndPlacement(ctx, e.admin, id, pls[0].ID, "2026-03-02"))
	}
	if ovs, _ := s.RaterOverrides(ctx, id); len(ovs) > 0 {
		out["end override"] = refusedKey(e.a.EndRaterOverride(ctx, e.admin, id, ovs[0].ID, "2026-03-02"))
	}
	_, err = e.a.CreateAccount(ctx, e.admin, id)
	out["create account"] = refusedKey(err)
	_, err = e.a.CreateSKP(ctx, e.admin, id, 2026, model.ApproachKuantitatif)
	out["create skp"] = refusedKey(err)
	_, err = e.a.RecordCoaching(ctx, lead, model.CoachingSession{EmployeeID: id, Kind: model.CoachingKinds[0], HeldOn: "2026-03-02",
		Topic: "Tindak lanjut capaian", Actions: "Lengkapi bukti dukung"})
	out["record coaching"] = refusedKey(err)
	_, err = e.a.RecordNeed(ctx, lead, model.Need{EmployeeID: id, Category: model.NeedCategories[0], Kind: model.NeedKinds[0],
		Title: "Pelatihan arsip digital", Description: "Belum pernah mengikuti pelatihan"})
	out["record need"] = refusedKey(err)
	_, err = e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: id, PositionCode: "TIDAK-ADA", Kind: model.PlacementPlt, Start: "2026-03-02"})
	out["place by an unknown code"] = refusedKey(err)
	if u, err := s.UserByEmployee(ctx, id); err == nil {
		out["set roles"] = refusedKey(e.a.SetAccountRoles(ctx, e.admin, u.ID, []model.RoleGrant{{Role: model.RoleAuditor}}))
		if v, err := e.a.Account(ctx, e.admin, u.ID); err != nil || v.Can.Roles || v.Can.IssueLink {
			t.Errorf("the account page of a closed record offers %+v (%v)", v.Can, err)
		}
	}
	return out
}

// A person whose employment ended is placed, given a substitute rater, an
// account, an SKP or a team no more: the page offers none of it, and each act is
// a 409 that says the employment ended, with its kind, TMT and SK.
func TestEndedRecordTakesNoAct(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		if _, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Staff2.ID, RaterID: e.o.Kadis.ID,
			Start: "2026-01-02", Reason: "Penugasan lintas bidang"}); err != nil {
			t.Fatal(err)
		}
		before, err := e.a.EmployeeRecord(ctx, e.admin, e.o.Staff2.ID)
		if err != nil || !before.Can.Place || !before.Can.OverrideRater || before.Employment.Closed.Key != "" {
			t.Fatalf("an active person's page: %+v, %+v, %v", before.Can, before.Employment.Closed, err)
		}
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff2.ID, Kind: model.EndPensiun,
			Date: "2026-02-01", Decree: "SK-PENSIUN-7"}); err != nil {
			t.Fatal(err)
		}
		rec, err := e.a.EmployeeRecord(ctx, e.admin, e.o.Staff2.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Can.Place || rec.Can.OverrideRater || rec.Can.EndEmployment || !rec.Can.CancelEnd {
			t.Errorf("an ended person's rights = %+v", rec.Can)
		}
		for id, can := range rec.CanEndPlacement {
			if can {
				t.Errorf("placement %s of an ended person may be ended", id)
			}
		}
		if c := rec.Employment.Closed; c.Key != "record.ended" || fmt.Sprint(c.Args[3]) != "SK-PENSIUN-7" {
			t.Errorf("closed = %+v", c)
		}
		acts := closedActs(t, e, s, who["kabid"], e.o.Staff2.ID)
		if len(acts) != 11 {
			t.Errorf("acts tried = %v, want all eleven", acts)
		}
		for act, key := range acts {
			if key != "record.ended" {
				t.Errorf("%s for an ended person: refused with %q, want record.ended", act, key)
			}
		}
		page, err := e.a.Directory(ctx, e.admin, model.EmployeeFilter{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range page.Items {
			if it.ID == e.o.Staff2.ID && (it.Can.Place || it.Can.OverrideRater) {
				t.Errorf("the directory offers to place an ended person: %+v", it.Can)
			}
			if it.ID == e.o.Staff1.ID && !it.Can.Place {
				t.Error("the directory no longer offers to place an active person")
			}
		}
		// The cancellation stays possible, and gives the acts back.
		if err := e.a.CancelEmploymentEnd(ctx, e.admin, e.o.Staff2.ID); err != nil {
			t.Fatal(err)
		}
		if rec, _ := e.a.EmployeeRecord(ctx, e.admin, e.o.Staff2.ID); !rec.Can.Place || rec.Employment.Closed.Key != "" {
			t.Errorf("after the cancellation: %+v, %+v", rec.Can, rec.Employment.Closed)
		}
	})
}

// A record merged into another says so, naming the record kept, and not
// that an employment ended; every act on it is a 409 that says where the
// person is now.
func TestMergedRecordTakesNoAct(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		if _, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Staff2.ID, RaterID: e.o.Kadis.ID,
			Start: "2026-01-02", Reason: "Penugasan lintas bidang"}); err != nil {
			t.Fatal(err)
		}
		var dup model.Employee
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			var err error
			dup, err = tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: "199104042024122004", Name: "Dewi Lestari",
				Status: model.StatusCPNS, Golongan: "III/a", Active: true})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: e.o.Staff2.ID, OtherID: dup.ID}); err != nil {
			t.Fatal(err)
		}
		rec, err := e.a.EmployeeRecord(ctx, e.admin, e.o.Staff2.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Can != (app.EmployeeRights{}) {
			t.Errorf("a merged record's rights = %+v", rec.Can)
		}
		c := rec.Employment.Closed
		if c.Key != "record.merged" || fmt.Sprint(c.Args[0]) != dup.FullName() || fmt.Sprint(c.Args[1]) != dup.NIP || rec.Employment.Merge == nil {
			t.Errorf("closed = %+v, merge %+v", c, rec.Employment.Merge)
		}
		for act, key := range closedActs(t, e, s, who["kabid"], e.o.Staff2.ID) {
			if key != "record.merged" {
				t.Errorf("%s on a merged record: refused with %q, want record.merged", act, key)
			}
		}
		page, err := e.a.Directory(ctx, e.admin, model.EmployeeFilter{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range page.Items {
			if want := map[string]string{e.o.Staff2.ID: dup.ID}[it.ID]; it.MergedIntoID != want {
				t.Errorf("the directory says %s was merged into %q, want %q", it.Name, it.MergedIntoID, want)
			}
		}
		// The record kept takes them.
		if kept, _ := e.a.EmployeeRecord(ctx, e.admin, dup.ID); !kept.Can.Place || kept.Employment.Closed.Key != "" {
			t.Errorf("the record kept: %+v, %+v", kept.Can, kept.Employment.Closed)
		}
	})
}
