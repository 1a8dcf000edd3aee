package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestJPTTakesRHKFromThePerjanjianKinerja(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		sasaran := model.PKSasaran{UnitID: e.o.Kominfo.ID, Year: 2026, Description: "Meningkatnya kualitas layanan SPBE",
			Indicators: []model.PKIndicator{{Description: "Indeks SPBE", Target: "3,5", Unit: "indeks"},
				{Description: "Layanan publik daring", Target: "40", Unit: "layanan"}, {}}}

		// Who may write the PK: the head of the unit and admins, not the staff.
		if _, err := e.a.AddPKSasaran(ctx, who["kabid"], sasaran); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a kabid wrote the dinas' PK: %v", err)
		}
		var v *model.ValidationError
		if _, err := e.a.AddPKSasaran(ctx, who["kadis"], model.PKSasaran{UnitID: e.o.Kominfo.ID, Year: 2026, Description: "Tanpa indikator"}); !errors.As(err, &v) || v.Fields["indicators"] == "" {
			t.Errorf("a sasaran without indicators: %v", err)
		}
		got, err := e.a.AddPKSasaran(ctx, who["kadis"], sasaran)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Indicators) != 2 || got.Position != 1 {
			t.Fatalf("sasaran = %+v (the empty form row must be dropped)", got)
		}
		if _, err := e.a.AddPKSasaran(ctx, e.admin, model.PKSasaran{UnitID: e.o.Kominfo.ID, Year: 2026, Description: "Meningkatnya keamanan informasi",
			Indicators: []model.PKIndicator{{Description: "Insiden tertangani", Target: "100", Unit: "%"}}}); err != nil {
			t.Fatal(err)
		}
		view, err := e.a.PerjanjianKinerja(ctx, who["staff1"], e.o.Kominfo.ID, 2026)
		pk := view.Sasaran
		if err != nil || len(pk) != 2 || pk[1].Position != 2 || len(pk[0].Indicators) != 2 || view.Can.Manage || pk[0].Can.Delete {
			t.Fatalf("PK read by staff = %+v, %v", view, err)
		}

		// The Kadis takes an RHK from a sasaran: description and indicators follow.
		skp, err := e.a.CreateSKP(ctx, who["kadis"], e.o.Kadis.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		rhk, err := e.a.SaveRHK(ctx, who["kadis"], skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, PKSasaranID: got.ID})
		if err != nil {
			t.Fatal(err)
		}
		skp, _ = e.a.SKP(ctx, who["kadis"], skp.ID)
		r := skp.RHK[0]
		if r.PKSasaranID != got.ID || r.Description != sasaran.Description || r.PenugasanDari == "" || len(r.Indicators) != 2 ||
			r.Indicators[0].Target != "3,5" || r.Indicators[1].Unit != "layanan" || rhk.ID != r.ID {
			t.Fatalf("RHK from PK = %+v", r)
		}
		// A free-written RHK utama does not pass while the unit has a PK.
		free, err := e.a.SaveRHK(ctx, who["kadis"], skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama,
			Description: "Sesuatu di luar PK", PenugasanDari: "Wali Kota"})
		if err != nil {
			t.Fatal(err)
		}
		skp, _ = e.a.SKP(ctx, who["kadis"], skp.ID)
		if _, err := e.a.AddIndicator(ctx, who["kadis"], skp.Version, indicator(free.ID)); err != nil {
			t.Fatal(err)
		}
		skp, _ = e.a.SKP(ctx, who["kadis"], skp.ID)
		if _, err := e.a.SubmitSKP(ctx, who["kadis"], skp.ID, skp.Version); !errors.As(err, &v) || v.Fields["rhk[1]"] == "" {
			t.Errorf("an RHK utama outside the PK was submitted: %v", err)
		}
		free.Kind = model.RHKTambahan
		if _, err := e.a.SaveRHK(ctx, who["kadis"], skp.Version, free); err != nil {
			t.Fatal(err)
		}
		skp, _ = e.a.SKP(ctx, who["kadis"], skp.ID)
		if _, err := e.a.SubmitSKP(ctx, who["kadis"], skp.ID, skp.Version); err != nil {
			t.Errorf("a JPT SKP from the PK: %v", err)
		}

		// A JA/JF SKP cannot take from the PK, and a used sasaran stays.
		kabid, err := e.a.CreateSKP(ctx, who["kabid"], e.o.Kabid.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SaveRHK(ctx, who["kabid"], kabid.Version, model.RHK{SKPID: kabid.ID, Kind: model.RHKUtama, PKSasaranID: got.ID}); !errors.As(err, &v) || v.Fields["pk_sasaran_id"] == "" {
			t.Errorf("a JA/JF RHK from the PK: %v", err)
		}
		if err := e.a.DeletePKSasaran(ctx, e.admin, got.ID); !errors.Is(err, model.ErrConflict) {
			t.Errorf("deleting a sasaran an RHK uses: %v", err)
		}
		if err := e.a.DeletePKSasaran(ctx, who["staff1"], pk[1].ID); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("staff deleted a sasaran: %v", err)
		}
		if err := e.a.DeletePKSasaran(ctx, e.admin, pk[1].ID); err != nil {
			t.Fatal(err)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "unit", EntityID: e.o.Kominfo.ID})
		pkEntries := 0
		for _, en := range entries {
			if en.Action == "pk.sasaran.create" || en.Action == "pk.sasaran.delete" {
				pkEntries++
			}
		}
		if pkEntries != 3 {
			t.Errorf("PK audit entries = %d, want 3 (two created, one deleted)", pkEntries)
		}
	})
}
