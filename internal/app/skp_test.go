package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// planningEnv adds accounts for the Kadis and the Wali Kota and opens 2026.
func planningEnv(t *testing.T, s *store.Store) (env, map[string]model.Actor) {
	t.Helper()
	e := setup(t, s)
	ctx := context.Background()
	sys := model.SystemActor(e.o.Instansi.ID, "test")
	if _, err := e.a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
		t.Fatal(err)
	}
	hash, _ := e.a.HashPassword("rahasia-wali")
	err := s.Write(ctx, sys, func(tx *store.Tx) error {
		_, err := tx.CreateUser(ctx, model.User{InstansiID: e.o.Instansi.ID, Username: "walikota", DisplayName: "Wali Kota",
			EmployeeID: e.o.WaliKota.ID, PasswordHash: hash})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.OpenYear(ctx, e.admin, 2026, model.PeriodMonthly, 5); err != nil {
		t.Fatal(err)
	}
	return e, map[string]model.Actor{
		"wali":   e.login(t, "walikota", "rahasia-wali"),
		"kadis":  e.login(t, storetest.NIPKadis, "rahasia-kadis"),
		"kabid":  e.login(t, storetest.NIPKabid, "rahasia-kabid"),
		"staff1": e.login(t, storetest.NIPStaff1, "rahasia-staf1"),
		"staff2": e.login(t, storetest.NIPStaff2, "rahasia-staf2"),
		"nurse":  e.login(t, storetest.NIPNurse, "rahasia-nurse"),
	}
}

func indicator(rhk string) model.Indicator {
	return model.Indicator{RHKID: rhk, Aspect: model.AspectKuantitas, Description: "Jumlah layanan daring", Target: "12", Unit: "layanan"}
}

func TestSKPWorkflow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		must := func(skp model.SKP, err error) model.SKP {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			return skp
		}

		// The Kadis (JPT) plans from the Perjanjian Kinerja; the Wali Kota approves.
		kadisSKP := must(e.a.CreateSKP(ctx, who["kadis"], e.o.Kadis.ID, 2026, model.ApproachKuantitatif))
		if kadisSKP.Format != model.FormatJPT || len(kadisSKP.Behaviours) != 7 || kadisSKP.Rater.EmployeeID != e.o.WaliKota.ID {
			t.Fatalf("kadis SKP = %+v", kadisSKP)
		}
		if _, err := e.a.CreateSKP(ctx, who["kadis"], e.o.Kadis.ID, 2026, model.ApproachKuantitatif); !errors.Is(err, model.ErrConflict) {
			t.Errorf("a second SKP for the year: %v", err)
		}
		rhk, err := e.a.SaveRHK(ctx, who["kadis"], kadisSKP.Version, model.RHK{SKPID: kadisSKP.ID, Kind: model.RHKUtama,
			Description: "Meningkatnya layanan pemerintahan berbasis elektronik", PenugasanDari: "Wali Kota"})
		if err != nil {
			t.Fatal(err)
		}
		kadisSKP = must(e.a.SKP(ctx, who["kadis"], kadisSKP.ID))
		if _, err := e.a.SubmitSKP(ctx, who["kadis"], kadisSKP.ID, kadisSKP.Version); err == nil {
			t.Error("an RHK without indicators was submitted")
		}
		if _, err := e.a.AddIndicator(ctx, who["kadis"], kadisSKP.Version, indicator(rhk.ID)); err != nil {
			t.Fatal(err)
		}
		kadisSKP = must(e.a.SKP(ctx, who["kadis"], kadisSKP.ID))
		kadisSKP = must(e.a.SubmitSKP(ctx, who["kadis"], kadisSKP.ID, kadisSKP.Version))
		if _, err := e.a.ApproveSKP(ctx, who["kadis"], kadisSKP.ID, kadisSKP.Version); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the Kadis approved their own SKP: %v", err)
		}
		if _, err := e.a.ApproveSKP(ctx, who["kabid"], kadisSKP.ID, kadisSKP.Version); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a subordinate approved the boss's SKP: %v", err)
		}

		// The Kabid cascades: the parent must come from an approved SKP.
		kabidSKP := must(e.a.CreateSKP(ctx, who["kabid"], e.o.Kabid.ID, 2026, model.ApproachKuantitatif))
		if kabidSKP.Format != model.FormatJAJF {
			t.Fatalf("kabid format = %s", kabidSKP.Format)
		}
		var v *model.ValidationError
		_, err = e.a.SaveRHK(ctx, who["kabid"], kabidSKP.Version, model.RHK{SKPID: kabidSKP.ID, Kind: model.RHKUtama,
			Description: "Tersedianya aplikasi layanan", ParentRHKID: rhk.ID})
		if !errors.As(err, &v) || v.Fields["parent_rhk_id"] == "" {
			t.Errorf("intervening an unapproved SKP: %v", err)
		}
		_, err = e.a.SaveRHK(ctx, who["kabid"], kabidSKP.Version, model.RHK{SKPID: kabidSKP.ID, Kind: model.RHKUtama,
			Description: "Tersedianya aplikasi layanan", ParentText: "Visi Wali Kota"})
		if !errors.As(err, &v) || v.Fields["parent_text"] == "" {
			t.Errorf("free-text parent under a JPT: %v", err)
		}
		kadisSKP = must(e.a.ApproveSKP(ctx, who["wali"], kadisSKP.ID, kadisSKP.Version))
		if kadisSKP.Status != model.SKPApproved || kadisSKP.ApprovedBy != e.o.WaliKota.ID {
			t.Fatalf("approved kadis SKP = %+v", kadisSKP)
		}
		kabidRHK, err := e.a.SaveRHK(ctx, who["kabid"], kabidSKP.Version, model.RHK{SKPID: kabidSKP.ID, Kind: model.RHKUtama,
			Description: "Tersedianya aplikasi layanan", ParentRHKID: rhk.ID})
		if err != nil {
			t.Fatal(err)
		}
		// A stale version is refused: the RHK write moved the version on.
		if _, err := e.a.AddIndicator(ctx, who["kabid"], kabidSKP.Version, indicator(kabidRHK.ID)); !errors.Is(err, model.ErrConflict) {
			t.Errorf("a stale version was accepted: %v", err)
		}
		kabidSKP = must(e.a.SKP(ctx, who["kabid"], kabidSKP.ID))
		if _, err := e.a.AddIndicator(ctx, who["kabid"], kabidSKP.Version, indicator(kabidRHK.ID)); err != nil {
			t.Fatal(err)
		}
		kabidSKP = must(e.a.SKP(ctx, who["kabid"], kabidSKP.ID))
		kabidSKP = must(e.a.SubmitSKP(ctx, who["kabid"], kabidSKP.ID, kabidSKP.Version))

		// Access: the team sees it, others do not.
		if _, err := e.a.SKP(ctx, who["staff1"], kabidSKP.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a subordinate read the boss's SKP: %v", err)
		}
		if _, err := e.a.SKP(ctx, who["nurse"], kabidSKP.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("someone outside the line read the SKP: %v", err)
		}
		if _, err := e.a.SKP(ctx, e.admin, kabidSKP.ID); err != nil {
			t.Errorf("the admin could not read the SKP: %v", err)
		}

		// The Kadis returns it with a note; the Kabid fixes and resubmits.
		if _, err := e.a.ReturnSKP(ctx, who["kadis"], kabidSKP.ID, kabidSKP.Version, ""); !errors.As(err, &v) {
			t.Errorf("a return without a note: %v", err)
		}
		if err := e.a.SetExpectation(ctx, who["kadis"], kabidSKP.ID, kabidSKP.Version, model.Kolaboratif, "Aktif dalam tim SPBE"); err != nil {
			t.Fatal(err)
		}
		kabidSKP = must(e.a.SKP(ctx, who["kadis"], kabidSKP.ID))
		kabidSKP = must(e.a.ReturnSKP(ctx, who["kadis"], kabidSKP.ID, kabidSKP.Version, "Tambahkan indikator kualitas"))
		if kabidSKP.Status != model.SKPReturned || kabidSKP.ReturnNote != "Tambahkan indikator kualitas" {
			t.Fatalf("returned = %+v", kabidSKP)
		}
		notes, _ := s.Notifications(ctx, e.o.Kabid.ID, 10)
		if len(notes) == 0 || notes[0].Kind != "skp.return" {
			t.Errorf("no notification of the return: %+v", notes)
		}
		in := indicator(kabidRHK.ID)
		in.Aspect, in.Description, in.Target, in.Unit = model.AspectKualitas, "Aplikasi lolos uji keamanan", "100", "%"
		if _, err := e.a.AddIndicator(ctx, who["kabid"], kabidSKP.Version, in); err != nil {
			t.Fatal(err)
		}
		kabidSKP = must(e.a.SKP(ctx, who["kabid"], kabidSKP.ID))
		kabidSKP = must(e.a.SubmitSKP(ctx, who["kabid"], kabidSKP.ID, kabidSKP.Version))
		kabidSKP = must(e.a.ApproveSKP(ctx, who["kadis"], kabidSKP.ID, kabidSKP.Version))
		if kabidSKP.Status != model.SKPApproved || kabidSKP.ReturnNote != "" || kabidSKP.Behaviours[6].Expectation != "Aktif dalam tim SPBE" {
			t.Fatalf("approved = %+v", kabidSKP)
		}
		// Approved means frozen: changes need a revision, approved again.
		if _, err := e.a.SaveRHK(ctx, who["kabid"], kabidSKP.Version, model.RHK{SKPID: kabidSKP.ID, Kind: model.RHKTambahan, Description: "Panitia"}); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("an approved SKP was changed: %v", err)
		}
		kabidSKP = must(e.a.ReviseSKP(ctx, who["kabid"], kabidSKP.ID, kabidSKP.Version))
		if kabidSKP.Status != model.SKPDraft || kabidSKP.Revision != 2 {
			t.Fatalf("revised = %+v", kabidSKP)
		}
		versions, err := s.SKPVersions(ctx, kabidSKP.ID)
		if err != nil || len(versions) != 1 || versions[0].Revision != 1 || len(versions[0].RHK[0].Indicators) != 2 {
			t.Errorf("approved versions = %+v, %v", versions, err)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "skp", EntityID: kabidSKP.ID, Limit: 100})
		actions := map[string]int{}
		for _, en := range entries {
			actions[en.Action]++
		}
		if actions["skp.submit"] != 2 || actions["skp.return"] != 1 || actions["skp.approve"] != 1 || actions["skp.revise"] != 1 {
			t.Errorf("SKP audit = %v", actions)
		}
	})
}

func TestCreateSKPGuards(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		var v *model.ValidationError
		if _, err := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff2.ID, 2026, model.ApproachKuantitatif); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an SKP for a colleague: %v", err)
		}
		if _, err := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2027, model.ApproachKuantitatif); !errors.As(err, &v) || v.Fields["year"] == "" {
			t.Errorf("an SKP for a year not opened: %v", err)
		}
		if _, err := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, "campuran"); !errors.As(err, &v) || v.Fields["approach"] == "" {
			t.Errorf("an unknown approach: %v", err)
		}
		if _, err := e.a.CreateSKP(ctx, who["wali"], e.o.WaliKota.ID, 2026, model.ApproachKuantitatif); !errors.As(err, &v) {
			t.Errorf("the Wali Kota made an SKP: %v", err)
		}
		skp, err := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, model.ApproachKualitatif)
		if err != nil {
			t.Fatal(err)
		}
		if skp.Employee.NIP != storetest.NIPStaff1 || skp.Rater.Name != "Siti Rahmawati" || skp.UpperRater.Name != "Budi Santoso" || skp.Employee.Position == "" {
			t.Errorf("snapshots = %+v / %+v / %+v", skp.Employee, skp.Rater, skp.UpperRater)
		}
	})
}

func TestTransferClosesTheSKP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		old, err := e.a.CreateSKP(ctx, who["staff2"], e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		// Staff2 moves to the Sekretariat on 1 July.
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff2.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementDefinitif, Start: "2026-07-01"}); err != nil {
			t.Fatal(err)
		}
		closed, _ := s.SKP(ctx, old.ID)
		if closed.Status != model.SKPClosed || closed.PeriodEnd != "2026-06-30" {
			t.Fatalf("after the transfer the SKP is %s until %s", closed.Status, closed.PeriodEnd)
		}
		fresh, err := e.a.CreateSKP(ctx, who["staff2"], e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		if fresh.PeriodStart != "2026-07-01" || fresh.Employee.Position != "Pengadministrasi Perkantoran" {
			t.Errorf("the new SKP starts %s on %q", fresh.PeriodStart, fresh.Employee.Position)
		}
		notes, _ := s.Notifications(ctx, e.o.Staff2.ID, 5)
		if len(notes) == 0 || notes[0].Kind != "skp.close" {
			t.Errorf("no notice of the closed SKP: %+v", notes)
		}
	})
}

func TestDialogues(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp, err := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		today := e.a.Today(ctx, e.o.Instansi.ID)
		var v *model.ValidationError
		if _, err := e.a.AddDialogue(ctx, who["kabid"], skp.ID, today, " ", ""); !errors.As(err, &v) {
			t.Errorf("a dialogue without notes: %v", err)
		}
		if _, err := e.a.AddDialogue(ctx, who["kabid"], skp.ID, "2999-01-01", "Catatan", ""); !errors.As(err, &v) {
			t.Errorf("a dialogue in the future: %v", err)
		}
		if _, err := e.a.AddDialogue(ctx, who["staff2"], skp.ID, today, "Catatan", ""); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague recorded a dialogue: %v", err)
		}
		if _, err := e.a.AddDialogue(ctx, who["kabid"], skp.ID, today, "Membahas target layanan daring", "Target 12 layanan"); err != nil {
			t.Fatal(err)
		}
		list, err := e.a.Dialogues(ctx, who["staff1"], skp.ID)
		if err != nil || len(list) != 1 || list[0].Expectations != "Target 12 layanan" || list[0].AuthorID != e.o.Kabid.ID {
			t.Fatalf("dialogues = %+v, %v", list, err)
		}
		notes, _ := s.Notifications(ctx, e.o.Staff1.ID, 5)
		if len(notes) == 0 || notes[0].Kind != "skp.dialogue" {
			t.Errorf("the ASN was not told of the dialogue: %+v", notes)
		}
	})
}
