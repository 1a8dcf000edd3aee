package app_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestLeniencyCountsTheRatersOwnRatings: the calibration screen's
// comparison of raters counts what each rater gave, before any move: a
// result BKPSDM moved up to Sangat Baik is not held against the rater,
// and the OPD's share beside it counts on the same basis (what the raters
// gave), so that the two figures compare.
func TestLeniencyCountsTheRatersOwnRatings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kabid := who["kabid"]
		items := crowdedKominfo(t, e, s, who, 4, model.CapaianIstimewa)
		rated := rateAll(t, e, kabid, items, model.RatingSesuai, model.RatingSesuai)
		for i, a := range rated {
			final, err := e.a.FinalizeAssessment(ctx, kabid, a.ID, a.Version)
			if err != nil {
				t.Fatal(err)
			}
			if i < 3 {
				moved, err := e.a.MoveAssessment(ctx, e.admin, a.ID, app.MoveInput{Version: final.Version, HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingDiAtas, Reason: "Bukti inovasi layanan."})
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					// Moved twice: the rater's own rating is the one before the first move.
					moved, err = e.a.MoveAssessment(ctx, e.admin, a.ID, app.MoveInput{Version: moved.Version, HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingDiBawah, Reason: "Bukti belum lengkap."})
					if err != nil {
						t.Fatal(err)
					}
					if _, err = e.a.MoveAssessment(ctx, e.admin, a.ID, app.MoveInput{Version: moved.Version, HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingDiAtas, Reason: "Bukti dilengkapi."}); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		v, err := e.a.Curve(ctx, e.admin, e.o.Kominfo.ID, rated[0].PeriodID)
		if err != nil {
			t.Fatal(err)
		}
		if v.Check.Counts[model.PredikatSangatBaik] != 3 {
			t.Fatalf("the curve counts %d Sangat Baik after the moves, want 3", v.Check.Counts[model.PredikatSangatBaik])
		}
		var found bool
		for _, r := range v.Raters {
			if r.RaterID != e.o.Kabid.ID {
				continue
			}
			found = true
			if r.Total != 4 || r.Counts[model.PredikatBaik] != 4 || r.TopPercent != 0 || r.Lenient {
				t.Errorf("the rater's spread = %+v, want their own four Baik", r)
			}
			if r.OPDTopPercent != 0 {
				t.Errorf("the OPD's share beside the rater = %d%%, want 0%% (as the raters gave: nobody gave Sangat Baik), not the 75%% the moves made", r.OPDTopPercent)
			}
		}
		if !found {
			t.Errorf("no spread for the rater: %+v", v.Raters)
		}
	})
}
