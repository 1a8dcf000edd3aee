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

// refusedFor returns the message key of a refusal that names its reason.
func refusedFor(err error) string {
	var m model.Message
	if !errors.Is(err, model.ErrInvalidTransition) || !errors.As(err, &m) {
		return ""
	}
	return m.Key
}

// After a back-dated transfer the RHK taken over into the new SKP has no
// parent RHK: the employee names the new pejabat penilai's RHK by
// changing it, then submits. Removing it is refused with the reason (the
// progress moved onto it), and so is changing an SKP that is not a draft.
func TestChangeTheRHKTakenOverBeforeSubmitting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff := who["staff2"]
		old := approvedStaff2SKP(t, e, who)
		a := old.RHK[0]
		setDay(t, e, "2026-11-10")
		openMonth(t, e, 10)
		if _, err := e.a.SubmitProgress(ctx, staff, model.Progress{WorkDate: "2026-10-15", RHKID: a.ID, Description: "Pembaruan aplikasi", Minutes: 60}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff2.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementDefinitif, Start: "2026-10-01"}); err != nil {
			t.Fatal(err)
		}
		fresh, err := e.a.CreateSKP(ctx, staff, e.o.Staff2.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.a.TakeOverRHK(ctx, staff, fresh.ID, fresh.Version, []string{a.ID})
		if err != nil {
			t.Fatal(err)
		}
		fresh, copyRHK := got.SKP, got.SKP.RHK[0]
		var v *model.ValidationError
		if _, err := e.a.SubmitSKP(ctx, staff, fresh.ID, fresh.Version); !errors.As(err, &v) {
			t.Fatalf("submitted with an RHK intervening nothing: %v", err)
		}
		if _, err := e.a.DeleteRHK(ctx, staff, fresh.Version, copyRHK.ID); refusedFor(err) != "conflict.rhk.delete.progress" {
			t.Errorf("removing the RHK with progress: %v", err)
		}
		view, err := e.a.SKPView(ctx, staff, fresh.ID)
		if err != nil || !view.Can.RHK().Edit || len(view.Options.SupervisorRHK) == 0 {
			t.Fatalf("the new SKP offers no RHK of its rater to intervene: %+v, %v", view.Options, err)
		}
		parent := view.Options.SupervisorRHK[0].ID
		desc := "Terpeliharanya aplikasi administrasi"
		if _, err := e.a.ChangeRHK(ctx, staff, fresh.Version-1, copyRHK.ID, app.RHKChange{ParentRHKID: &parent}); !errors.Is(err, model.ErrStale) {
			t.Errorf("a stale change: %v", err)
		}
		if _, err := e.a.ChangeRHK(ctx, who["kabid"], fresh.Version, copyRHK.ID, app.RHKChange{ParentRHKID: &parent}); err == nil {
			t.Error("someone else changed the RHK")
		}
		foreign := a.ID
		if _, err := e.a.ChangeRHK(ctx, staff, fresh.Version, copyRHK.ID, app.RHKChange{ParentRHKID: &foreign}); !errors.As(err, &v) ||
			v.Fields["parent_rhk_id"] == "" {
			t.Errorf("a parent not of the new rater: %v", err)
		}
		changed, err := e.a.ChangeRHK(ctx, staff, fresh.Version, copyRHK.ID, app.RHKChange{ParentRHKID: &parent, Description: &desc})
		if err != nil {
			t.Fatal(err)
		}
		if changed.ParentRHKID != parent || changed.Description != desc || changed.Kind != model.RHKUtama || len(changed.Indicators) != 1 {
			t.Errorf("the changed RHK = %+v", changed)
		}
		if acts := auditActions(t, e, s, "skp", fresh.ID); acts["rhk.update"] != 1 {
			t.Errorf("the change audited: %v", acts)
		}
		sub, err := e.a.SubmitSKP(ctx, staff, fresh.ID, fresh.Version+1)
		if err != nil {
			t.Fatalf("submit after naming the parent: %v", err)
		}
		if _, err := e.a.ChangeRHK(ctx, staff, sub.Version, copyRHK.ID, app.RHKChange{Description: &desc}); refusedFor(err) != "conflict.skp.edit.submitted" {
			t.Errorf("a change of a submitted SKP: %v", err)
		}
		if _, err := e.a.DeleteRHK(ctx, staff, sub.Version, copyRHK.ID); refusedFor(err) != "conflict.skp.edit.submitted" {
			t.Errorf("removing from a submitted SKP: %v", err)
		}
		closed, _ := s.SKP(ctx, old.ID)
		if _, err := e.a.SaveRHK(ctx, staff, closed.Version, model.RHK{SKPID: old.ID, Kind: model.RHKTambahan, Description: "Tambahan"}); refusedFor(err) != "conflict.skp.edit.closed" {
			t.Errorf("an RHK added to the closed SKP: %v", err)
		}
	})
}
