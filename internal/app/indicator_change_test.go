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

// An indicator of a draft or returned SKP is changed (a mistyped target)
// or removed by whoever may change its RHK, with the SKP's version. An
// SKP that is not a draft refuses both with its reason; removing one with
// realisasi, or the last of its RHK, is refused with the reason too.
func TestChangeAndRemoveAnIndicator(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff := who["staff1"]
		skp := approvedStaffSKP(t, e, s, staff)
		in := skp.RHK[0].Indicators[0]
		target := "24"
		view, err := e.a.SKPView(ctx, staff, skp.ID)
		if err != nil || view.Can.Indicator().Edit || view.Can.Indicator().Delete {
			t.Errorf("an indicator of an approved SKP offered for a change: %+v, %v", view.Can.Indicator(), err)
		}
		if _, err := e.a.ChangeIndicator(ctx, staff, skp.Version, in.ID, app.IndicatorChange{Target: &target}); refusedFor(err) != "conflict.skp.edit.approved" {
			t.Errorf("a change of an approved SKP: %v", err)
		}
		if _, err := e.a.RemoveIndicator(ctx, staff, skp.Version, in.ID); refusedFor(err) != "conflict.skp.edit.approved" {
			t.Errorf("a removal from an approved SKP: %v", err)
		}
		periods, _ := e.a.Periods(ctx, e.admin, 2026)
		mar := periods[2]
		mar.Status = model.PeriodOpen
		if err := e.movePeriod(ctx, mar, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SaveRealisasi(ctx, staff, skp.ID, 0, model.Realisasi{PeriodID: mar.ID, IndicatorID: in.ID, Value: "3", Basis: "Tiga layanan"}); err != nil {
			t.Fatal(err)
		}
		skp, err = e.a.ReviseSKP(ctx, staff, skp.ID, skp.Version)
		if err != nil {
			t.Fatal(err)
		}
		if view, err := e.a.SKPView(ctx, staff, skp.ID); err != nil || !view.Can.Indicator().Edit || !view.Can.Indicator().Delete {
			t.Errorf("an indicator of the revision not offered for a change: %+v, %v", view.Can.Indicator(), err)
		}
		for _, other := range []model.Actor{who["kabid"], who["staff2"]} {
			if _, err := e.a.ChangeIndicator(ctx, other, skp.Version, in.ID, app.IndicatorChange{}); !errors.Is(err, model.ErrForbidden) && !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s changed the indicator: %v", other.Name, err)
			}
			if _, err := e.a.RemoveIndicator(ctx, other, skp.Version, in.ID); !errors.Is(err, model.ErrForbidden) && !errors.Is(err, model.ErrNotFound) {
				t.Errorf("%s removed the indicator: %v", other.Name, err)
			}
		}
		var v *model.ValidationError
		if _, err := e.a.ChangeIndicator(ctx, staff, skp.Version, in.ID, app.IndicatorChange{}); !errors.As(err, &v) {
			t.Errorf("an empty change: %v", err)
		}
		empty := " "
		if _, err := e.a.ChangeIndicator(ctx, staff, skp.Version, in.ID, app.IndicatorChange{Target: &empty}); !errors.As(err, &v) || v.Fields["target"] == "" {
			t.Errorf("an empty target: %v", err)
		}
		if _, err := e.a.ChangeIndicator(ctx, staff, skp.Version-1, in.ID, app.IndicatorChange{Target: &target}); !errors.Is(err, model.ErrStale) {
			t.Errorf("a stale change: %v", err)
		}
		unit := "dokumen"
		got, err := e.a.ChangeIndicator(ctx, staff, skp.Version, in.ID, app.IndicatorChange{Target: &target, Unit: &unit})
		if err != nil {
			t.Fatal(err)
		}
		if got.Target != "24" || got.Unit != "dokumen" || got.Description != in.Description || got.Aspect != in.Aspect || got.RHKID != in.RHKID {
			t.Errorf("the changed indicator = %+v", got)
		}
		skp, _ = s.SKP(ctx, skp.ID)
		if x := skp.RHK[0].Indicators[0]; x.Target != "24" || x.Unit != "dokumen" {
			t.Errorf("the SKP holds %+v", x)
		}
		if _, err := e.a.RemoveIndicator(ctx, staff, skp.Version, in.ID); refusedFor(err) != "conflict.indicator.delete.realisasi" {
			t.Errorf("removing an indicator with realisasi: %v", err)
		}
		second, err := e.a.AddIndicator(ctx, staff, skp.Version, model.Indicator{RHKID: in.RHKID, Aspect: model.AspectWaktu, Description: "Tepat waktu", Target: "12", Unit: "bulan"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.RemoveIndicator(ctx, staff, skp.Version, second.ID); !errors.Is(err, model.ErrStale) {
			t.Errorf("a stale removal: %v", err)
		}
		after, err := e.a.RemoveIndicator(ctx, staff, skp.Version+1, second.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(after.RHK[0].Indicators); n != 1 {
			t.Errorf("indicators after the removal: %d", n)
		}
		rhk, err := e.a.SaveRHK(ctx, staff, after.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKTambahan, Description: "Tersusunnya laporan"})
		if err != nil {
			t.Fatal(err)
		}
		only, err := e.a.AddIndicator(ctx, staff, after.Version+1, indicator(rhk.ID))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.RemoveIndicator(ctx, staff, after.Version+2, only.ID); refusedFor(err) != "conflict.indicator.delete.last" {
			t.Errorf("removing the last indicator of an RHK: %v", err)
		}
		if acts := auditActions(t, e, s, "skp", skp.ID); acts["indicator.update"] != 1 || acts["indicator.delete"] != 1 {
			t.Errorf("the changes audited: %v", acts)
		}
	})
}
