package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestResultMatrix(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		// The Kabid plans two RHK and is approved by the Kadis.
		kb, _ := e.a.CreateSKP(ctx, who["kabid"], e.o.Kabid.ID, 2026, model.ApproachKuantitatif)
		r1, err := e.a.SaveRHK(ctx, who["kabid"], kb.Version, model.RHK{SKPID: kb.ID, Kind: model.RHKUtama, Description: "Aplikasi layanan", ParentText: ""})
		if err != nil {
			t.Fatal(err)
		}
		r2, _ := e.a.SaveRHK(ctx, who["kabid"], kb.Version+1, model.RHK{SKPID: kb.ID, Kind: model.RHKUtama, Description: "Keamanan informasi"})
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		full, _ := s.SKP(ctx, kb.ID)
		full.Status = model.SKPApproved
		if err := s.Write(ctx, sys, func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove) }); err != nil {
			t.Fatal(err)
		}
		// Staff1 links to the first; Staff2 has not started.
		st, _ := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if _, err := e.a.SaveRHK(ctx, who["staff1"], st.Version, model.RHK{SKPID: st.ID, Kind: model.RHKUtama, Description: "Modul perizinan", ParentRHKID: r1.ID}); err != nil {
			t.Fatal(err)
		}
		m, err := e.a.ResultMatrix(ctx, who["kabid"], 2026)
		if err != nil {
			t.Fatal(err)
		}
		if m.SKP == nil || len(m.Rows) != 2 || m.Rows[0].RHK.ID != r1.ID || len(m.Rows[0].Links) != 1 || len(m.Rows[1].Links) != 0 || m.Rows[1].RHK.ID != r2.ID {
			t.Fatalf("matrix rows = %+v", m.Rows)
		}
		if link := m.Rows[0].Links[0]; link.Employee.NIP != storetest.NIPStaff1 || link.RHK.Description != "Modul perizinan" || link.Status != model.SKPDraft {
			t.Errorf("link = %+v", link)
		}
		if len(m.Unlinked) != 1 || m.Unlinked[0].ID != e.o.Staff2.ID || m.TeamStatus[e.o.Staff2.ID] != "" {
			t.Errorf("unlinked = %+v", m.Unlinked)
		}
	})
}

func TestProposeRHK(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kb, _ := e.a.CreateSKP(ctx, who["kabid"], e.o.Kabid.ID, 2026, model.ApproachKuantitatif)
		r1, err := e.a.SaveRHK(ctx, who["kabid"], kb.Version, model.RHK{SKPID: kb.ID, Kind: model.RHKUtama, Description: "Aplikasi layanan"})
		if err != nil {
			t.Fatal(err)
		}
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		full, _ := s.SKP(ctx, kb.ID)
		full.Status = model.SKPApproved
		s.Write(ctx, sys, func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove) })

		if _, err := e.a.ProposeRHK(ctx, who["kabid"], e.o.Nurse.ID, r1.ID, "Di luar tim"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a proposal outside the team: %v", err)
		}
		if _, err := e.a.ProposeRHK(ctx, who["staff2"], e.o.Staff1.ID, r1.ID, "Dari rekan"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a colleague proposed: %v", err)
		}
		p, err := e.a.ProposeRHK(ctx, who["kabid"], e.o.Staff1.ID, r1.ID, "Tersusunnya modul perizinan daring")
		if err != nil {
			t.Fatal(err)
		}
		open, _ := e.a.Proposals(ctx, who["staff1"], 2026)
		if len(open) != 1 {
			t.Fatalf("open proposals = %+v", open)
		}
		st, _ := e.a.CreateSKP(ctx, who["staff1"], e.o.Staff1.ID, 2026, model.ApproachKuantitatif)
		if _, err := e.a.AcceptProposal(ctx, who["staff2"], p.ID, st.ID, st.Version); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("someone else accepted the proposal: %v", err)
		}
		r, err := e.a.AcceptProposal(ctx, who["staff1"], p.ID, st.ID, st.Version)
		if err != nil || r.ParentRHKID != r1.ID || r.Kind != model.RHKUtama {
			t.Fatalf("accepted RHK = %+v, %v", r, err)
		}
		if _, err := e.a.AcceptProposal(ctx, who["staff1"], p.ID, st.ID, st.Version+1); !errors.Is(err, model.ErrConflict) {
			t.Errorf("a proposal accepted twice: %v", err)
		}
		got, _ := s.SKP(ctx, st.ID)
		if len(got.RHK) != 1 {
			t.Errorf("the SKP has %d RHK after accepting once", len(got.RHK))
		}
	})
}
