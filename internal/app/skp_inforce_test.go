package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// submittedSKP starts the 2026 SKP of the actor, gives it one RHK utama
// (with one indicator) for each description, each intervening parent
// (none for a JPT), and submits it.
func submittedSKP(t *testing.T, e env, actor model.Actor, parent string, descriptions ...string) model.SKP {
	t.Helper()
	ctx := context.Background()
	s, err := e.a.CreateSKP(ctx, actor, actor.EmployeeID, 2026, model.ApproachKuantitatif)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range descriptions {
		r := model.RHK{SKPID: s.ID, Kind: model.RHKUtama, Description: d, ParentRHKID: parent}
		if parent == "" {
			r.PenugasanDari = "Wali Kota"
		}
		if r, err = e.a.SaveRHK(ctx, actor, s.Version, r); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.AddIndicator(ctx, actor, s.Version+1, indicator(r.ID)); err != nil {
			t.Fatal(err)
		}
		s.Version += 2
	}
	if s, err = e.a.SubmitSKP(ctx, actor, s.ID, s.Version); err != nil {
		t.Fatal(err)
	}
	return s
}

// approve approves a submitted SKP as its rater.
func approve(t *testing.T, e env, rater model.Actor, s model.SKP) model.SKP {
	t.Helper()
	s, err := e.a.ApproveSKP(context.Background(), rater, s.ID, s.Version)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// While a supervisor revises her approved SKP, its last approved revision
// stays in force: her staff intervene its RHK and submit, and she records
// progress and realisasi on them. An RHK the draft removed is out of force
// at once; one the draft added, once approved.
func TestRevisionKeepsTheApprovedOneInForce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kadis, kabid, staff := who["kadis"], who["kabid"], who["staff1"]
		var v *model.ValidationError

		kadisSKP := approve(t, e, who["wali"], submittedSKP(t, e, kadis, "", "Meningkatnya layanan pemerintahan berbasis elektronik"))
		kabidSKP := approve(t, e, kadis, submittedSKP(t, e, kabid, kadisSKP.RHK[0].ID, "Tersedianya aplikasi layanan", "Terselenggaranya rapat koordinasi"))
		kept, dropped := kabidSKP.RHK[0], kabidSKP.RHK[1]

		// The Kabid revises: revision 2 in draft drops one RHK, adds
		// another and an indicator to the one kept.
		kabidSKP, err := e.a.ReviseSKP(ctx, kabid, kabidSKP.ID, kabidSKP.Version)
		if err != nil || kabidSKP.Status != model.SKPDraft || kabidSKP.Revision != 2 {
			t.Fatalf("revised = %+v, %v", kabidSKP, err)
		}
		if kabidSKP, err = e.a.DeleteRHK(ctx, kabid, kabidSKP.Version, dropped.ID); err != nil {
			t.Fatal(err)
		}
		added, err := e.a.SaveRHK(ctx, kabid, kabidSKP.Version, model.RHK{SKPID: kabidSKP.ID, Kind: model.RHKUtama,
			Description: "Terintegrasinya data layanan", ParentRHKID: kadisSKP.RHK[0].ID})
		if err != nil {
			t.Fatal(err)
		}
		draftIndicator, err := e.a.AddIndicator(ctx, kabid, kabidSKP.Version+1, indicator(kept.ID))
		if err != nil {
			t.Fatal(err)
		}

		// The staff still see the approved RHK that remain, as approved.
		staffSKP, err := e.a.CreateSKP(ctx, staff, e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		o, err := e.a.InterventionOptions(ctx, staff, staffSKP.ID)
		if err != nil || o.SupervisorSKPID != kabidSKP.ID || len(o.SupervisorRHK) != 1 || o.SupervisorRHK[0].ID != kept.ID ||
			len(o.SupervisorRHK[0].Indicators) != 1 {
			t.Fatalf("intervention options while the supervisor revises = %+v, %v", o, err)
		}
		for _, parent := range []string{added.ID, dropped.ID} {
			if _, err := e.a.SaveRHK(ctx, staff, staffSKP.Version, model.RHK{SKPID: staffSKP.ID, Kind: model.RHKUtama,
				Description: "Terpeliharanya aplikasi", ParentRHKID: parent}); !errors.As(err, &v) || v.Fields["parent_rhk_id"] == "" {
				t.Errorf("intervening an RHK not in force (%s): %v", parent, err)
			}
		}
		r, err := e.a.SaveRHK(ctx, staff, staffSKP.Version, model.RHK{SKPID: staffSKP.ID, Kind: model.RHKUtama,
			Description: "Terpeliharanya aplikasi layanan", ParentRHKID: kept.ID})
		if err != nil {
			t.Fatalf("intervening the approved RHK while the supervisor revises: %v", err)
		}
		if _, err := e.a.AddIndicator(ctx, staff, staffSKP.Version+1, indicator(r.ID)); err != nil {
			t.Fatal(err)
		}
		if staffSKP, err = e.a.SubmitSKP(ctx, staff, staffSKP.ID, staffSKP.Version+2); err != nil || staffSKP.Status != model.SKPSubmitted {
			t.Fatalf("submitting while the supervisor revises: %+v, %v", staffSKP, err)
		}

		// The Kabid keeps reporting on the approved RHK, not on the new one.
		work, err := e.a.WorkRHK(ctx, kabid, "2026-03-02")
		if err != nil || work.ID != kabidSKP.ID || len(work.RHK) != 1 || work.RHK[0].ID != kept.ID {
			t.Errorf("RHK offered for progress = %+v, %v", work.RHK, err)
		}
		p, err := e.a.SubmitProgress(ctx, kabid, model.Progress{WorkDate: "2026-03-02", RHKID: kept.ID, Description: "Uji aplikasi", Minutes: 60})
		if err != nil || p.SKPID != kabidSKP.ID {
			t.Errorf("progress on the approved RHK = %+v, %v", p, err)
		}
		if _, err := e.a.SubmitProgress(ctx, kabid, model.Progress{WorkDate: "2026-03-02", RHKID: added.ID, Description: "Uji data", Minutes: 30}); !errors.As(err, &v) || v.Fields["rhk_id"] == "" {
			t.Errorf("progress on an RHK not yet approved: %v", err)
		}
		periods, _ := e.a.Periods(ctx, e.admin, 2026)
		mar := periods[2]
		mar.Status = model.PeriodOpen
		if err := e.movePeriod(ctx, mar, ""); err != nil {
			t.Fatal(err)
		}
		re, err := e.a.SaveRealisasi(ctx, kabid, kabidSKP.ID, 0, model.Realisasi{PeriodID: mar.ID, IndicatorID: kept.Indicators[0].ID, Value: "2"})
		if err != nil || re.Version != 1 {
			t.Errorf("realisasi on the approved RHK while revising = %+v, %v", re, err)
		}
		if _, err := e.a.SaveRealisasi(ctx, kabid, kabidSKP.ID, 0, model.Realisasi{PeriodID: mar.ID, IndicatorID: draftIndicator.ID, Value: "1"}); !errors.As(err, &v) || v.Fields["indicator_id"] == "" {
			t.Errorf("realisasi on an indicator not yet approved: %v", err)
		}
		page, err := e.a.Realisasi(ctx, kabid, kabidSKP.ID, mar.ID)
		if err != nil || !page.Can.Edit || len(page.SKP.RHK) != 1 || len(page.SKP.RHK[0].Indicators) != 1 || page.Realisasi[kept.Indicators[0].ID].Value != "2" {
			t.Errorf("realisasi page while revising = %+v, %v", page, err)
		}

		// Once revision 2 is approved it is in force, the new RHK with it.
		kabidSKP, _ = e.a.SKP(ctx, kabid, kabidSKP.ID)
		if _, err := e.a.AddIndicator(ctx, kabid, kabidSKP.Version, indicator(added.ID)); err != nil {
			t.Fatal(err)
		}
		kabidSKP, err = e.a.SubmitSKP(ctx, kabid, kabidSKP.ID, kabidSKP.Version+1)
		if err != nil {
			t.Fatal(err)
		}
		approve(t, e, kadis, kabidSKP)
		if o, err = e.a.InterventionOptions(ctx, staff, staffSKP.ID); err != nil || len(o.SupervisorRHK) != 2 || len(o.SupervisorRHK[0].Indicators) != 2 {
			t.Errorf("intervention options after revision 2 = %+v, %v", o, err)
		}
		if _, err := e.a.SubmitProgress(ctx, kabid, model.Progress{WorkDate: "2026-03-02", RHKID: added.ID, Description: "Uji data", Minutes: 30}); err != nil {
			t.Errorf("progress on the RHK of revision 2: %v", err)
		}
	})
}
