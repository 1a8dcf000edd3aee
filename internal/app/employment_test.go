package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestEndOfEmploymentTakesThePersonOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		p, err := e.a.SubmitProgress(ctx, who["staff1"], model.Progress{WorkDate: "2026-02-27", RHKID: skp.RHK[0].ID,
			Description: "Menyusun laporan layanan", Minutes: 90})
		if err != nil {
			t.Fatal(err)
		}
		team, err := e.a.CreateTeam(ctx, who["kabid"], model.Team{Name: "Tim SPBE", Goal: "Layanan daring"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.a.AddTeamMember(ctx, who["kabid"], team.ID, e.o.Staff1.ID); err != nil {
			t.Fatal(err)
		}
		filling, err := e.a.SKPFilling(ctx, e.admin, 2026, "")
		if err != nil {
			t.Fatal(err)
		}

		req := app.EndEmploymentRequest{EmployeeID: e.o.Staff1.ID, Kind: model.EndPensiun, Date: "2026-03-01", Decree: "800/17/BKPSDM/2026"}
		for _, c := range []struct {
			name, field, key string
			change           func(r *app.EndEmploymentRequest)
		}{
			{"unknown kind", "kind", "invalid.employment.kind", func(r *app.EndEmploymentRequest) { r.Kind = "mutasi" }},
			{"future TMT", "date", "invalid.employment.date.future", func(r *app.EndEmploymentRequest) { r.Date = "2026-04-01" }},
			{"no SK", "decree", "invalid.employment.decree", func(r *app.EndEmploymentRequest) { r.Decree = "  " }},
		} {
			bad := req
			c.change(&bad)
			if _, err := e.a.EndEmployment(ctx, e.admin, bad); fieldKey(err, c.field) != c.key {
				t.Errorf("%s: %v", c.name, err)
			}
		}
		if _, err := e.a.EndEmployment(ctx, who["kabid"], req); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the supervisor ended someone's employment: %v", err)
		}
		d, _ := e.a.EmployeeRecord(ctx, e.admin, e.o.Staff1.ID)
		if !d.Can.EndEmployment || d.Can.CancelEnd || !d.Can.Merge {
			t.Errorf("rights before the end = %+v", d.Can)
		}

		end, err := e.a.EndEmployment(ctx, e.admin, req)
		if err != nil {
			t.Fatal(err)
		}
		if !end.AccountDisabled || end.OPDID != e.o.Kominfo.ID {
			t.Errorf("end = %+v", end)
		}
		// The account cannot sign in and its sessions are gone.
		if _, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", Kind: "web"}); !errors.Is(err, model.ErrUnauthenticated) {
			t.Errorf("an ended employee signed in: %v", err)
		}
		u, _ := s.UserByEmployee(ctx, e.o.Staff1.ID)
		if sessions, _ := s.ActiveSessions(ctx, u.ID, e.a.Now()); len(sessions) != 0 {
			t.Errorf("%d sessions still active", len(sessions))
		}
		// Placements end the day before the TMT; the SKP closes that day.
		hist, _ := s.Placements(ctx, e.o.Staff1.ID)
		if len(hist) != 1 || hist[0].End != "2026-02-28" {
			t.Errorf("placements = %+v", hist)
		}
		closed, _ := s.SKP(ctx, skp.ID)
		if closed.Status != model.SKPClosed || closed.PeriodEnd != "2026-02-28" {
			t.Errorf("SKP = %s until %s", closed.Status, closed.PeriodEnd)
		}
		if notes, _ := s.Notifications(ctx, e.o.Staff1.ID, 10); len(notes) > 0 && notes[0].Kind == "skp.close" {
			t.Error("someone who left is asked to draw up a new SKP")
		}
		// Lists drop them: the desk, monitoring, the team.
		desk, err := e.a.SupervisorDesk(ctx, who["kabid"], app.DeskQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, person := range desk.People {
			if person.Employee.ID == e.o.Staff1.ID {
				t.Error("the ended employee is still on the desk")
			}
		}
		after, _ := e.a.SKPFilling(ctx, e.admin, 2026, "")
		if after.Total.Total != filling.Total.Total-1 {
			t.Errorf("monitoring counts %d, was %d", after.Total.Total, filling.Total.Total)
		}
		tv, err := e.a.WorkTeam(ctx, e.admin, team.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tv.Team.Members {
			if m.EmployeeID == e.o.Staff1.ID {
				t.Error("the ended employee is still in the team")
			}
		}
		// Their records stay readable.
		if v, err := e.a.SKPView(ctx, e.admin, skp.ID); err != nil || v.SKP.EmployeeID != e.o.Staff1.ID {
			t.Errorf("the SKP of an ended employee: %v", err)
		}
		if got, err := e.a.ProgressEntry(ctx, e.admin, p.ID); err != nil || got.ID != p.ID {
			t.Errorf("the progress of an ended employee: %v", err)
		}
		rec, err := e.a.EmployeeRecord(ctx, e.admin, e.o.Staff1.ID)
		if err != nil || rec.Employment.End == nil || rec.Employment.End.Kind != model.EndPensiun || len(rec.Placements) != 1 {
			t.Fatalf("record after the end = %+v, %v", rec.Employment, err)
		}
		if rec.Can.EndEmployment || !rec.Can.CancelEnd {
			t.Errorf("rights after the end = %+v", rec.Can)
		}
		// Ended twice: a state conflict that names the end in force.
		if _, err := e.a.EndEmployment(ctx, e.admin, req); refusedKey(err) != "record.ended" {
			t.Errorf("ended twice: %v", err)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "employee", EntityID: e.o.Staff1.ID})
		if len(entries) == 0 || entries[0].Action != "employment.end" || !strings.Contains(entries[0].After, "800/17/BKPSDM/2026") {
			t.Errorf("audit = %+v", entries)
		}

		// A mistaken end is cancelled: the person and their account are back.
		if err := e.a.CancelEmploymentEnd(ctx, who["kabid"], e.o.Staff1.ID); err == nil {
			t.Error("the supervisor cancelled an end of employment")
		}
		if err := e.a.CancelEmploymentEnd(ctx, e.admin, e.o.Staff1.ID); err != nil {
			t.Fatal(err)
		}
		if back, _ := s.Employee(ctx, e.o.Staff1.ID); !back.Active {
			t.Error("still inactive after the cancellation")
		}
		if _, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", Kind: "web"}); err != nil {
			t.Errorf("sign-in after the cancellation: %v", err)
		}
		rec, _ = e.a.EmployeeRecord(ctx, e.admin, e.o.Staff1.ID)
		if rec.Employment.End != nil || len(rec.Employment.Ends) != 1 || !rec.Employment.Ends[0].Cancelled() || !rec.Can.EndEmployment {
			t.Errorf("record after the cancellation = %+v, %+v", rec.Employment, rec.Can)
		}
	})
}

// An OPD admin ends the employment of their own OPD's people only, and
// still reaches them afterwards to cancel it.
func TestEndOfEmploymentFollowsReach(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := e.a.CreateUser(ctx, sys, app.NewUser{Username: "admin.dinkes", Password: "rahasia-dinkes",
			Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: e.o.Dinkes.ID}}}); err != nil {
			t.Fatal(err)
		}
		opd := e.login(t, "admin.dinkes", "rahasia-dinkes")
		req := app.EndEmploymentRequest{Kind: model.EndMeninggal, Date: "2026-02-15", Decree: "SK-1"}
		req.EmployeeID = e.o.Staff1.ID
		if _, err := e.a.EndEmployment(ctx, opd, req); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an OPD admin ended someone of another OPD: %v", err)
		}
		req.EmployeeID = e.o.Nurse.ID
		if _, err := e.a.EndEmployment(ctx, opd, req); err != nil {
			t.Fatal(err)
		}
		d, err := e.a.EmployeeRecord(ctx, opd, e.o.Nurse.ID)
		if err != nil || !d.Full || !d.Can.CancelEnd || d.Can.Merge {
			t.Fatalf("the OPD admin's view after the end = %+v, %v", d.Can, err)
		}
		if err := e.a.CancelEmploymentEnd(ctx, opd, e.o.Nurse.ID); err != nil {
			t.Errorf("the OPD admin cancels: %v", err)
		}
	})
}

func TestMergeMovesEverythingAndIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		// The failing example, written before import knew better: Dewi,
		// PPPK, and Dewi again under her CPNS NIP, both in one post.
		const cpns = "199104042024122004"
		var dup model.Employee
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			var err error
			dup, err = tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: cpns, Name: "Dewi Lestari",
				Status: model.StatusCPNS, Golongan: "III/a", Active: true})
			if err != nil {
				return err
			}
			_, err = tx.Place(ctx, model.Placement{EmployeeID: dup.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2026-01-02"})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		skp, err := e.a.CreateSKP(ctx, who["staff2"], e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		fb, err := e.a.AddFeedback(ctx, who["kabid"], app.TargetSKP, skp.ID, "Lengkapi indikatornya")
		if err != nil {
			t.Fatal(err)
		}

		// Asked from the page of the record kept.
		req := app.MergeRequest{EmployeeID: dup.ID, OtherNIP: storetest.NIPStaff2, KeepThis: true}
		if _, err := e.a.MergeEmployees(ctx, who["kabid"], req); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a supervisor merged records: %v", err)
		}
		m, err := e.a.MergeEmployees(ctx, e.admin, req)
		if err != nil {
			t.Fatal(err)
		}
		if m.MergedID != e.o.Staff2.ID || m.IntoID != dup.ID {
			t.Errorf("merge = %+v", m)
		}
		// One person holds the post, with the whole history.
		holders, _ := s.PositionHolders(ctx, e.o.PosStaff.ID)
		for _, h := range holders {
			if h.ID == e.o.Staff2.ID {
				t.Error("the merged record still holds the post")
			}
		}
		hist, _ := s.Placements(ctx, dup.ID)
		if len(hist) != 2 || hist[0].End != "" || hist[1].End != "2026-01-01" {
			t.Errorf("placements of the kept record = %+v", hist)
		}
		moved, _ := s.SKP(ctx, skp.ID)
		if moved.EmployeeID != dup.ID {
			t.Errorf("the SKP belongs to %s", moved.EmployeeID)
		}
		if v, err := e.a.SKPView(ctx, e.admin, skp.ID); err != nil || len(v.Thread) != 1 || v.Thread[0].ID != fb.ID {
			t.Errorf("feedback after the merge: %+v, %v", v.Thread, err)
		}
		// One account, now under the kept NIP.
		if _, err := e.a.Login(ctx, app.LoginRequest{Username: cpns, Password: "rahasia-staf2", Kind: "web"}); err != nil {
			t.Errorf("sign-in with the kept NIP: %v", err)
		}
		// The merged record stays, marked, without a number.
		gone, _ := s.Employee(ctx, e.o.Staff2.ID)
		if gone.Active || gone.NIP != "" {
			t.Errorf("merged record = %+v", gone)
		}
		rec, err := e.a.EmployeeRecord(ctx, e.admin, e.o.Staff2.ID)
		if err != nil || rec.Employment.MergedInto == nil || rec.Employment.MergedInto.ID != dup.ID || rec.Can.Merge || rec.Can.EndEmployment {
			t.Errorf("merged record's page = %+v, %+v, %v", rec.Employment, rec.Can, err)
		}
		kept, _ := e.a.EmployeeRecord(ctx, e.admin, dup.ID)
		if len(kept.Employment.NIPHistory) != 1 || kept.Employment.NIPHistory[0].OldNIP != storetest.NIPStaff2 ||
			kept.Employment.NIPHistory[0].Reason != model.NIPChangeMerge {
			t.Errorf("NIP history = %+v", kept.Employment.NIPHistory)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "employee", EntityID: dup.ID})
		var audited bool
		for _, a := range entries {
			audited = audited || (a.Action == "employee.merge" && strings.Contains(a.Before, storetest.NIPStaff2) &&
				strings.Contains(a.After, "skps.employee_id") && strings.Contains(a.After, "feedback.owner_id"))
		}
		if !audited {
			t.Errorf("merge audit = %+v", entries)
		}
		if _, err := e.a.MergeEmployees(ctx, e.admin, req); err == nil {
			t.Error("a merged record was merged again")
		}
		// The old number no longer imports as a new person.
		file := "NIP;NAMA;STATUS;GOLONGAN;UNOR_ID;JABATAN_NAMA\n" + storetest.NIPStaff2 + ";Dewi Lestari;PPPK;IX;KOMINFO-APL;Pranata Komputer Ahli Pertama\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "lama.csv", []byte(file), false)
		if err != nil || rep.Rejected != 1 || !strings.Contains(rep.Rows[0].Reason, cpns) {
			t.Errorf("old NIP imported: %+v, %v", rep, err)
		}
	})
}

func TestMergeRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		if _, err := e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: e.o.Staff1.ID, OtherID: e.o.Staff1.ID}); fieldKey(err, "into") != "invalid.merge.into.same" {
			t.Errorf("merged with itself: %v", err)
		}
		if _, err := e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: e.o.Staff1.ID, OtherNIP: "199901012020011001"}); fieldKey(err, "into") != "invalid.merge.into.unknown" {
			t.Errorf("merged with nobody: %v", err)
		}
		const why = "Koreksi NIP oleh BKN, surat 123/BKN/2026"
		// Two definitive posts: end one first.
		_, err := e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: e.o.Staff3.ID, OtherID: e.o.Staff1.ID, Unlike: true, Reason: why})
		if refusedKey(err) != "conflict.merge.posts" {
			t.Errorf("two posts: %v", err)
		}
		// The two records are told apart by NIP: two records of one person
		// often carry the same name.
		var posts *model.StateError
		if errors.As(err, &posts) {
			for _, lang := range []string{"id", "en"} {
				msg := locale.T(lang, posts.Key, posts.Args...)
				if !strings.Contains(msg, e.o.Staff3.NIP) || !strings.Contains(msg, e.o.Staff1.NIP) {
					t.Errorf("two posts (%s): %q names the records without both NIPs", lang, msg)
				}
			}
		}
		// Two SKPs of one year in progress: the merged record's is named.
		for _, w := range []string{"staff1", "staff2"} {
			if _, err := e.a.CreateSKP(ctx, who[w], who[w].EmployeeID, 2026, model.ApproachKuantitatif); err != nil {
				t.Fatal(err)
			}
		}
		_, err = e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: e.o.Staff2.ID, OtherID: e.o.Staff1.ID, Unlike: true, Reason: why})
		var v *model.StateError
		if !errors.As(err, &v) || v.Key != "conflict.merge.skp" || v.Args[2] != storetest.NIPStaff2 {
			t.Errorf("two SKPs: %v", err)
		}
		// Nothing moved.
		if got, _ := s.Employee(ctx, e.o.Staff2.ID); !got.Active || got.NIP != storetest.NIPStaff2 {
			t.Errorf("a refused merge changed the record: %+v", got)
		}
	})
}

// The SKPs waiting for the approval of someone whose employment ends go
// to whoever rates their owners next, as after any change of the
// organisation.
func TestEndOfEmploymentHandsWaitingSKPsOver(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp, err := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		full, _ := s.SKP(ctx, skp.ID)
		full.Status = model.SKPSubmitted
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			return tx.SetSKPStatus(ctx, full.Version, full, model.ActSubmit)
		}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SKP(ctx, skp.ID); got.Rater.EmployeeID != e.o.Kabid.ID {
			t.Fatalf("the SKP waits for %s, want the Kabid", got.Rater.EmployeeID)
		}
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Kabid.ID, Kind: model.EndMeninggal,
			Date: "2026-03-01", Decree: "SK-9"}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SKP(ctx, skp.ID); got.Rater.EmployeeID != e.o.Kadis.ID {
			t.Errorf("after the end the SKP waits for %s, want the Kadis", got.Rater.EmployeeID)
		}
	})
}

// An end of employment cannot end a placement before it began, and an
// ended person is placed or given a substitute rater no more.
func TestEndOfEmploymentDatesAndAfter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		var v *model.ValidationError
		for _, day := range []model.Date{"1900-01-01", "2024-01-01"} {
			_, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff2.ID, Kind: model.EndPensiun, Date: day, Decree: "SK-9"})
			if !errors.As(err, &v) || v.Fields["date"] != "invalid.employment.date.beforeplacement" {
				t.Errorf("an end on %s, on or before the placement's start: %v", day, err)
			}
		}
		if got, _ := s.Employee(ctx, e.o.Staff2.ID); !got.Active {
			t.Fatal("a refused end ended the employment")
		}
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff2.ID, Kind: model.EndPensiun,
			Date: "2024-01-02", Decree: "SK-9"}); err != nil {
			t.Fatalf("an end the day after the placement began: %v", err)
		}
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff2.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementPlt, Start: "2026-03-02"}); refusedKey(err) != "record.ended" {
			t.Errorf("placing an ended person: %v", err)
		}
		if _, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Staff2.ID, RaterID: e.o.Kadis.ID,
			Start: "2026-03-02", Reason: "Penugasan"}); refusedKey(err) != "record.ended" {
			t.Errorf("a substitute rater for an ended person: %v", err)
		}
	})
}

// The entries someone left waiting when their employment ended are
// reviewed by whoever rated them on the entry's date, from the entry and
// from their desk; that rater keeps reading the closed SKP they rated.
func TestEndedPersonsWaitingWorkStaysWithTheirRater(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		var waiting []model.Progress
		for _, day := range []model.Date{"2026-02-26", "2026-02-27"} {
			p, err := e.a.SubmitProgress(ctx, who["staff1"], model.Progress{WorkDate: day, RHKID: skp.RHK[0].ID,
				Description: "Menyusun laporan layanan", Minutes: 90})
			if err != nil {
				t.Fatal(err)
			}
			waiting = append(waiting, p)
		}
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff1.ID, Kind: model.EndPensiun,
			Date: "2026-03-01", Decree: "800/17/BKPSDM/2026"}); err != nil {
			t.Fatal(err)
		}
		kabid := who["kabid"]
		desk, err := e.a.SupervisorDesk(ctx, kabid, app.DeskQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if desk.WaitingCount != 2 || len(desk.Waiting) != 2 || !desk.Waiting[0].Can.Approve || !desk.Waiting[1].Can.Return {
			t.Fatalf("the desk after the end: %d waiting, %+v", desk.WaitingCount, desk.Waiting)
		}
		if n, err := e.a.ProgressCount(ctx, kabid, app.ProgressQuery{Team: true, Status: model.ProgressSubmitted}); err != nil || n != 2 {
			t.Errorf("the waiting count = %d, %v", n, err)
		}
		if h, err := e.a.Home(ctx, kabid); err != nil || h.WaitingProgress != 2 {
			t.Errorf("the home page counts %d waiting, %v", h.WaitingProgress, err)
		}
		// Someone outside the line still sees nothing.
		if _, err := e.a.ProgressEntry(ctx, who["staff2"], waiting[0].ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague read the entry: %v", err)
		}
		if _, err := e.a.ReviewProgress(ctx, who["staff2"], waiting[0].ID, waiting[0].Version, true, ""); err == nil {
			t.Error("a colleague reviewed the entry")
		}
		if _, err := e.a.ReviewProgress(ctx, kabid, waiting[0].ID, waiting[0].Version, false, "Lampirkan laporannya"); err != nil {
			t.Errorf("the rater returns an entry of someone who left: %v", err)
		}
		if n, err := e.a.ApproveProgress(ctx, kabid, []string{waiting[1].ID}); err != nil || n != 1 {
			t.Errorf("the rater approves from the desk: %d, %v", n, err)
		}
		// The closed SKP and the work stay readable to the one who rated them.
		if v, err := e.a.SKPView(ctx, kabid, skp.ID); err != nil || v.SKP.Status != model.SKPClosed {
			t.Errorf("the rater reads the closed SKP: %v", err)
		}
		if list, err := e.a.ProgressList(ctx, kabid, app.ProgressQuery{EmployeeID: e.o.Staff1.ID}); err != nil || len(list) != 2 {
			t.Errorf("the rater lists the work: %d, %v", len(list), err)
		}
		if _, err := e.a.SKPView(ctx, who["staff2"], skp.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague read the closed SKP: %v", err)
		}
		// Nothing waits any more: the desk is empty again.
		if desk, err := e.a.SupervisorDesk(ctx, kabid, app.DeskQuery{}); err != nil || desk.WaitingCount != 0 {
			t.Errorf("the desk after the review: %d, %v", desk.WaitingCount, err)
		}
	})
}

// Cancelling a mistaken end puts back what it closed: the placement, the
// SKP as it was, the team; when the post was given to someone since, the
// cancellation is refused and changes nothing.
func TestCancelledEndPutsBackWhatItClosed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		team, err := e.a.CreateTeam(ctx, who["kabid"], model.Team{Name: "Tim SPBE", Goal: "Layanan daring"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.a.AddTeamMember(ctx, who["kabid"], team.ID, e.o.Staff1.ID); err != nil {
			t.Fatal(err)
		}
		was, _ := s.SKP(ctx, skp.ID)
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff1.ID, Kind: model.EndPensiun,
			Date: "2026-03-01", Decree: "SK-1"}); err != nil {
			t.Fatal(err)
		}
		if err := e.a.CancelEmploymentEnd(ctx, e.admin, e.o.Staff1.ID); err != nil {
			t.Fatal(err)
		}
		if hist, _ := s.Placements(ctx, e.o.Staff1.ID); len(hist) != 1 || hist[0].End != "" {
			t.Errorf("placements after the cancellation = %+v", hist)
		}
		if back, _ := s.Employee(ctx, e.o.Staff1.ID); back.PositionID != e.o.PosStaff.ID {
			t.Errorf("position after the cancellation = %q", back.PositionID)
		}
		got, _ := s.SKP(ctx, skp.ID)
		if got.Status != model.SKPApproved || got.PeriodEnd != was.PeriodEnd || got.Revision != was.Revision {
			t.Errorf("SKP after the cancellation = %s until %s, revision %d", got.Status, got.PeriodEnd, got.Revision)
		}
		chart, _ := e.a.OrgChart(ctx, e.o.Instansi.ID)
		if chart.Rater(e.o.Staff1.ID) != e.o.Kabid.ID {
			t.Errorf("rater after the cancellation = %q", chart.Rater(e.o.Staff1.ID))
		}
		tv, err := e.a.WorkTeam(ctx, e.admin, team.ID)
		if err != nil {
			t.Fatal(err)
		}
		var member bool
		for _, m := range tv.Team.Members {
			member = member || m.EmployeeID == e.o.Staff1.ID
		}
		if !member {
			t.Error("not back in the team")
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "skp", EntityID: skp.ID})
		if len(entries) == 0 || entries[0].Action != "skp.reopen" {
			t.Errorf("SKP audit = %+v", entries)
		}

		// The head's post is given to someone else after her end: her
		// end can no longer be cancelled.
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Kabid.ID, Kind: model.EndPensiun,
			Date: "2026-03-01", Decree: "SK-2"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosKabid.ID,
			Kind: model.PlacementDefinitif, Start: "2026-03-02"}); err != nil {
			t.Fatal(err)
		}
		// The page says so instead of offering what would be refused.
		rec, err := e.a.EmployeeRecord(ctx, e.admin, e.o.Kabid.ID)
		if err != nil || rec.Can.CancelEnd || rec.Employment.CancelRefused.Key != "invalid.employment.cancel.post" {
			t.Errorf("the page after the post was given away: %+v, %+v, %v", rec.Can, rec.Employment.CancelRefused, err)
		}
		err = e.a.CancelEmploymentEnd(ctx, e.admin, e.o.Kabid.ID)
		var v *model.StateError
		if !errors.As(err, &v) || v.Key != "invalid.employment.cancel.post" || v.Args[1] != e.o.Staff3.FullName() {
			t.Errorf("cancelling after the post was given away: %v", err)
		}
		if got, _ := s.Employee(ctx, e.o.Kabid.ID); got.Active {
			t.Error("a refused cancellation made the head active again")
		}
		if hist, _ := s.Placements(ctx, e.o.Kabid.ID); len(hist) == 0 || hist[0].End != "2026-02-28" {
			t.Errorf("a refused cancellation changed the placements: %+v", hist)
		}
	})
}

// Two records merge when they plausibly are one person: the same name,
// titles and case aside, or the same birth date in the NIP. Else the
// admin confirms it with a reason the audit keeps, and a refusal changes
// nothing.
func TestMergeNeedsOnePerson(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		records := map[string]model.Employee{}
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			for nip, name := range map[string]string{
				"198501012010012001": "Dra. DEWI  LESTARI, M.Si.", // the same name with titles, another birth date
				"199104042024122004": "Dewi L.",                   // the same birth date, the name shortened
				"198812122015011001": "Rahmat Hidayat",            // someone else
			} {
				r, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: nip, Name: name,
					Status: model.StatusPNS, Golongan: "III/a", Active: true})
				if err != nil {
					return err
				}
				records[nip] = r
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		other := records["198812122015011001"]
		req := app.MergeRequest{EmployeeID: other.ID, OtherID: e.o.Staff2.ID}
		if _, err := e.a.MergeEmployees(ctx, e.admin, req); fieldKey(err, "into") != "invalid.merge.unlike" {
			t.Errorf("someone else merged without a word: %v", err)
		}
		req.Unlike, req.Reason = true, "  sama  "
		if _, err := e.a.MergeEmployees(ctx, e.admin, req); fieldKey(err, "unlike_reason") != "invalid.merge.reason" {
			t.Errorf("merged with a reason too short: %v", err)
		}
		if got, _ := s.Employee(ctx, other.ID); !got.Active || got.NIP != other.NIP {
			t.Errorf("a refused merge changed the record: %+v", got)
		}
		if _, err := s.MergedInto(ctx, other.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a refused merge was recorded: %v", err)
		}
		for _, nip := range []string{"198501012010012001", "199104042024122004"} {
			if _, err := e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: records[nip].ID, OtherID: e.o.Staff2.ID}); err != nil {
				t.Errorf("merge of %s (%s): %v", records[nip].Name, nip, err)
			}
		}
		req.Reason = "Koreksi NIP oleh BKN, surat 123/BKN/2026"
		if _, err := e.a.MergeEmployees(ctx, e.admin, req); err != nil {
			t.Fatalf("a confirmed merge: %v", err)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "employee", EntityID: e.o.Staff2.ID})
		var audited bool
		for _, a := range entries {
			audited = audited || (a.Action == "employee.merge" && strings.Contains(a.After, "123/BKN/2026"))
		}
		if !audited {
			t.Error("the reason of the merge is not in the audit log")
		}
	})
}

// An SKP of a year that is over stays approved, never closed, yet runs no
// more: two of them of one year do not stand in a merge, which keeps both
// on the kept record's history. Two of a year in progress do, and the
// refusal names that year whichever record is kept.
func TestMergeKeepsSKPsOfAYearOver(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		const why = "Surat koreksi NIP BKN nomor 123/2026"
		past := map[string]string{}
		for _, w := range []string{"staff1", "staff2"} {
			if _, err := e.a.CreateSKP(ctx, who[w], who[w].EmployeeID, 2026, model.ApproachKuantitatif); err != nil {
				t.Fatal(err)
			}
			emp, err := s.Employee(ctx, who[w].EmployeeID)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
				sk, err := tx.CreateSKP(ctx, model.SKP{InstansiID: e.o.Instansi.ID, EmployeeID: emp.ID, Year: 2025,
					PeriodStart: "2025-01-01", PeriodEnd: "2025-12-31", Approach: model.ApproachKuantitatif, Format: model.FormatJAJF}, emp.PositionID)
				if err != nil {
					return err
				}
				past[w] = sk.ID
				sk.Status = model.SKPApproved
				return tx.SetSKPStatus(ctx, sk.Version, sk, model.ActApprove)
			}); err != nil {
				t.Fatal(err)
			}
		}
		// Both ways, again and again: 2026 is named, never 2025.
		for i := 0; i < 8; i++ {
			for _, keep := range []bool{false, true} {
				_, err := e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: e.o.Staff2.ID, OtherID: e.o.Staff1.ID,
					KeepThis: keep, Unlike: true, Reason: why})
				var v *model.StateError
				if !errors.As(err, &v) || v.Key != "conflict.merge.skp" || v.Args[0] != 2026 {
					t.Fatalf("keep staff2 %v: %v", keep, err)
				}
				merged := storetest.NIPStaff2
				if keep {
					merged = storetest.NIPStaff1
				}
				if v.Args[2] != merged {
					t.Errorf("keep staff2 %v: names %v, not the merged record's SKP", keep, v.Args[2])
				}
			}
		}
		// The end of employment closes the running 2026 SKP; the approved
		// 2025 SKPs do not stop the merge.
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff2.ID, Kind: model.EndBerhenti,
			Date: "2026-03-01", Decree: "SK-3"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: e.o.Staff2.ID, OtherID: e.o.Staff1.ID, Unlike: true, Reason: why}); err != nil {
			t.Fatalf("merge with two SKPs of 2025: %v", err)
		}
		for w, id := range past {
			sk, err := s.SKP(ctx, id)
			if err != nil || sk.EmployeeID != e.o.Staff1.ID || sk.Status != model.SKPApproved {
				t.Errorf("%s's 2025 SKP after the merge: employee %s, status %s, %v", w, sk.EmployeeID, sk.Status, err)
			}
		}
	})
}

// A definitive placement from the TMT of the current one is refused with
// advice that can be followed: the current placement, when not in force
// yet, may be cancelled; in force, it cannot, and the advice is a later
// TMT.
func TestPlacementSameStartAdvice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		place := func(pos model.Position, start model.Date) (model.Placement, error) {
			return e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: pos.ID,
				Kind: model.PlacementDefinitif, Start: start, Decree: "SK/1"})
		}
		// In force (from today): cancelling it is refused, so the refusal
		// does not advise it.
		started, err := place(e.o.PosStaff, "2026-03-02")
		if err != nil {
			t.Fatal(err)
		}
		_, err = place(e.o.PosNurse, "2026-03-02")
		if fieldKey(err, "start") != "invalid.placement.start.same" {
			t.Fatalf("same TMT as a placement in force: %v", err)
		}
		for lang, cancel := range map[string]string{"id": "batalkan dulu", "en": "cancel it first"} {
			if msg := locale.T(lang, "invalid.placement.start.same", model.Date("2026-03-02"), "Pranata"); strings.Contains(msg, cancel) {
				t.Errorf("%s: %q advises a cancellation that is refused", lang, msg)
			}
		}
		if err := e.a.CancelPlacement(ctx, e.admin, e.o.Staff3.ID, started.ID); refusedKey(err) != "conflict.placement.started" {
			t.Errorf("cancelling a placement in force: %v", err)
		}
		// Not in force yet: it may be cancelled, as advised.
		planned, err := place(e.o.PosAdm, "2026-04-01")
		if err != nil {
			t.Fatal(err)
		}
		_, err = place(e.o.PosNurse, "2026-04-01")
		if fieldKey(err, "start") != "invalid.placement.start.same.planned" {
			t.Fatalf("same TMT as a placement not in force yet: %v", err)
		}
		if err := e.a.CancelPlacement(ctx, e.admin, e.o.Staff3.ID, planned.ID); err != nil {
			t.Errorf("cancelling as advised: %v", err)
		}
		if _, err := place(e.o.PosNurse, "2026-04-01"); err != nil {
			t.Errorf("after the cancellation: %v", err)
		}
	})
}
