package app_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A perangkat daerah is a top-level unit of whatever kind: a kecamatan
// and the RSUD are OPDs beside the dinas, and every OPD picker (the
// calibration, the reports, the objections' filter) lists them; a bidang
// of a dinas is not one.
func TestOPDPickersListEveryKindOfOPD(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		var kec, rsud model.Unit
		err := s.Write(ctx, sys, func(tx *store.Tx) error {
			var err error
			if kec, err = tx.CreateUnit(ctx, model.Unit{InstansiID: e.o.Instansi.ID, ParentID: e.o.Pemda.ID, Code: "KEC-TALAWI", Name: "Kecamatan Talawi", Kind: model.UnitKecamatan, WorkDays: 5}); err != nil {
				return err
			}
			rsud, err = tx.CreateUnit(ctx, model.Unit{InstansiID: e.o.Instansi.ID, ParentID: e.o.Pemda.ID, Code: "RSUD", Name: "Rumah Sakit Umum Daerah", Kind: model.UnitRSUD, WorkDays: 6})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{e.o.Kominfo.ID, e.o.Dinkes.ID, kec.ID, rsud.ID}
		ids := func(units []model.Unit) []string {
			var out []string
			for _, u := range units {
				out = append(out, u.ID)
			}
			slices.Sort(out)
			return out
		}
		slices.Sort(want)
		calib, err := e.a.CalibrationOPDs(ctx, e.admin)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(calib); !slices.Equal(got, want) {
			t.Errorf("calibration OPDs = %v, want %v", got, want)
		}
		form, err := e.a.ReportForm(ctx, e.admin)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(form.OPDs); !slices.Equal(got, want) {
			t.Errorf("report OPDs = %v, want %v", got, want)
		}
		if _, err := e.a.Objections(ctx, e.admin, app.ObjectionFilter{OPDID: kec.ID}); err != nil {
			t.Errorf("objections of a kecamatan: %v", err)
		}
		if _, err := e.a.Objections(ctx, e.admin, app.ObjectionFilter{OPDID: e.o.Aplikasi.ID}); err == nil {
			t.Error("objections filtered on a bidang")
		}
	})
}
