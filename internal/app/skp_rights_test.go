package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestSKPRightsAreWhatTheActionsAllow: at every step of the workflow, what
// SKPView offers each person is exactly what the actions let them do. An
// action is tried with a stale version (or an invalid date), so that one
// allowed fails on that and changes nothing.
func TestSKPRightsAreWhatTheActionsAllow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		parent := approvedKabidSKP(t, e, s, who)
		kb, err := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		r, err := e.a.SaveRHK(ctx, who["staff1"], kb.Version, model.RHK{SKPID: kb.ID, Kind: model.RHKUtama, Description: "Modul perizinan", ParentRHKID: parent.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.AddIndicator(ctx, who["staff1"], kb.Version+1, model.Indicator{RHKID: r.ID, Aspect: model.AspectKuantitas,
			Description: "Modul", Target: "4", Unit: "modul"}); err != nil {
			t.Fatal(err)
		}
		refused := func(err error) bool {
			return errors.Is(err, model.ErrForbidden) || errors.Is(err, model.ErrInvalidTransition) || errors.Is(err, model.ErrNotFound)
		}
		const stale = -1
		check := func(step string) {
			t.Helper()
			for name, actor := range who {
				v, err := e.a.SKPView(ctx, actor, kb.ID)
				if errors.Is(err, model.ErrNotFound) {
					continue // those who may not read it are offered nothing
				}
				if err != nil {
					t.Fatal(err)
				}
				_, submit := e.a.SubmitSKP(ctx, actor, kb.ID, stale)
				_, approve := e.a.ApproveSKP(ctx, actor, kb.ID, stale)
				_, ret := e.a.ReturnSKP(ctx, actor, kb.ID, stale, "Perbaiki")
				_, revise := e.a.ReviseSKP(ctx, actor, kb.ID, stale)
				expect := e.a.SetExpectation(ctx, actor, kb.ID, stale, model.CoreValue("adaptif"), "Cepat belajar")
				edit := e.a.SetLampiran(ctx, actor, kb.ID, stale, model.Lampiran{Konsekuensi: []string{"Dibahas"}})
				_, dialogue := e.a.AddDialogue(ctx, actor, kb.ID, "bukan-tanggal", "Catatan", "")
				for _, c := range []struct {
					right  string
					offer  bool
					action error
				}{{"edit", v.Can.Edit, edit}, {"submit", v.Can.Submit, submit}, {"approve", v.Can.Approve, approve},
					{"return", v.Can.Return, ret}, {"revise", v.Can.Revise, revise}, {"expect", v.Can.Expect, expect},
					{"dialogue", v.Can.Dialogue, dialogue}} {
					if c.offer == refused(c.action) {
						t.Errorf("%s, %s: offered %s = %v, the action answers %v", step, name, c.right, c.offer, c.action)
					}
				}
				if (v.Options.Format != "") != v.Can.Edit {
					t.Errorf("%s, %s: intervention options loaded = %v, edit = %v", step, name, v.Options.Format != "", v.Can.Edit)
				}
			}
		}
		moved := func(s model.SKP, err error) model.SKP {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		check("draft")
		cur := moved(e.a.SKP(ctx, who["staff1"], kb.ID))
		cur = moved(e.a.SubmitSKP(ctx, who["staff1"], kb.ID, cur.Version))
		check("submitted")
		cur = moved(e.a.ReturnSKP(ctx, who["kabid"], kb.ID, cur.Version, "Tambah indikator"))
		check("returned")
		cur = moved(e.a.SubmitSKP(ctx, who["staff1"], kb.ID, cur.Version))
		moved(e.a.ApproveSKP(ctx, who["kabid"], kb.ID, cur.Version))
		check("approved")
	})
}

// TestSKPView: the page's read model holds the text of the RHK intervened,
// the supervisor's approved RHK to choose from and the proposals to the
// owner while they may edit, the dialogues and the approved versions.
func TestSKPView(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		r1 := approvedKabidSKP(t, e, s, who)
		st, _ := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if _, err := e.a.SaveRHK(ctx, who["staff1"], st.Version, model.RHK{SKPID: st.ID, Kind: model.RHKUtama, Description: "Modul perizinan", ParentRHKID: r1.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.ProposeRHK(ctx, who["kabid"], e.o.Staff1.ID, r1.ID, "Uji keamanan"); err != nil {
			t.Fatal(err)
		}
		v, err := e.a.SKPView(ctx, who["staff1"], st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.ParentText[r1.ID] != "Aplikasi layanan" || v.Options.SupervisorSKPID != r1.SKPID || len(v.Options.SupervisorRHK) != 1 ||
			len(v.Proposals) != 1 || !v.Proposals[0].Can.Accept || !v.Can.Edit {
			t.Errorf("the owner's view = %+v", v)
		}
		asRater, err := e.a.SKPView(ctx, who["kabid"], st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if asRater.ParentText[r1.ID] != "Aplikasi layanan" || asRater.Proposals != nil || asRater.Options.SupervisorRHK != nil || asRater.Can.Edit {
			t.Errorf("the rater's view = %+v", asRater)
		}
		if _, err := e.a.SKPView(ctx, who["staff2"], st.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague read the SKP view: %v", err)
		}
	})
}

// approvedKabidSKP gives the Kabid an approved SKP for 2026 with one RHK
// utama, and returns that RHK.
func approvedKabidSKP(t *testing.T, e env, s *store.Store, who map[string]model.Actor) model.RHK {
	t.Helper()
	ctx := context.Background()
	kb, err := e.a.CreateSKP(ctx, who["kabid"], e.o.Kabid.ID, 2026, model.ApproachKuantitatif)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.a.SaveRHK(ctx, who["kabid"], kb.Version, model.RHK{SKPID: kb.ID, Kind: model.RHKUtama, Description: "Aplikasi layanan"})
	if err != nil {
		t.Fatal(err)
	}
	full, err := s.SKP(ctx, kb.ID)
	if err != nil {
		t.Fatal(err)
	}
	full.Status = model.SKPApproved
	if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
		return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove)
	}); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSKPViewForAFormerRater: the pejabat penilai named on an approved SKP
// keeps reading it after the line changes, though its feedback thread,
// like the owner's other work, is out of their reach now. An SKP not yet
// approved changes hands instead: it names its new rater, and the former
// one no longer reads it.
func TestSKPViewForAFormerRater(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kadis := approve(t, e, who["wali"], submittedSKP(t, e, who["kadis"], "", "Meningkatnya layanan pemerintahan berbasis elektronik"))
		kabid := approve(t, e, who["kadis"], submittedSKP(t, e, who["kabid"], kadis.RHK[0].ID, "Tersedianya aplikasi layanan"))
		approved := approve(t, e, who["kabid"], submittedSKP(t, e, who["staff1"], kabid.RHK[0].ID, "Terbangunnya modul perizinan"))
		draft, err := e.a.CreateSKP(ctx, who["staff2"], e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil || draft.Rater.EmployeeID != e.o.Kabid.ID {
			t.Fatalf("SKP = %+v, %v", draft, err)
		}
		for _, id := range []string{e.o.Staff1.ID, e.o.Staff2.ID} {
			if _, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: id, RaterID: e.o.Kadis.ID,
				Start: "2026-01-01", Reason: "Penugasan langsung kepada Kepala Dinas"}); err != nil {
				t.Fatal(err)
			}
		}
		v, err := e.a.SKPView(ctx, who["kabid"], approved.ID)
		if err != nil || v.SKP.ID != approved.ID || v.SKP.Rater.EmployeeID != e.o.Kabid.ID || v.Thread != nil || v.Can.Dialogue {
			t.Errorf("the former rater's view: %+v, %+v, %v", v.Thread, v.Can, err)
		}
		if _, err := e.a.SKPView(ctx, who["kabid"], draft.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("the former rater of a draft that changed hands reads it: %v", err)
		}
		if got, err := e.a.SKP(ctx, who["staff2"], draft.ID); err != nil || got.Rater.EmployeeID != e.o.Kadis.ID {
			t.Errorf("the draft names %+v, %v", got.Rater, err)
		}
	})
}
