package app_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestLeaderMapAppliesForwardOnly: BKPSDM maps capaian Baik to di atas.
// The OPD head's January result, rated and sent under the regulation's
// map (Baik → sesuai), keeps its rating and shows it; February's rating
// follows the new map. A map missing a capaian or naming a rating that is
// none is refused, only BKPSDM may set it, each change is audited, and the
// regulation's map restores the default.
func TestLeaderMapAppliesForwardOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		approvedStaff2SKP(t, e, who) // the Kadis' SKP is approved on the way
		wali := who["wali"]
		kadisSKP := func() string {
			list, err := s.SKPs(ctx, store.SKPFilter{InstansiID: e.o.Instansi.ID, EmployeeIDs: []string{e.o.Kadis.ID}, Year: 2026})
			if err != nil || len(list) != 1 {
				t.Fatalf("the Kadis' SKP: %v", err)
			}
			return list[0].ID
		}()
		rateLeader := func(month int) model.Assessment {
			t.Helper()
			p := movePeriods(t, e, month, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
			if _, err := e.a.SetUnitPerformance(ctx, wali, e.o.Kominfo.ID, p.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
				Basis: "Rencana aksi tercapai"}); err != nil {
				t.Fatal(err)
			}
			it := assessmentOf(t, e, wali, app.AssessmentFilter{RatedByMe: true, PeriodID: p.ID}, kadisSKP)
			rated, err := e.a.RateAssessment(ctx, wali, it.ID, app.RateInput{PerilakuKerja: model.RatingSesuai, Version: it.Version})
			if err != nil {
				t.Fatal(err)
			}
			final, err := e.a.FinalizeAssessment(ctx, wali, rated.ID, rated.Version)
			if err != nil {
				t.Fatal(err)
			}
			return final
		}
		jan := rateLeader(1)
		if !jan.Leader || jan.HasilKerja != model.RatingSesuai {
			t.Fatalf("January under the regulation's map: %+v", jan)
		}

		own := model.CurrentRules().DefaultLeaderMap()
		own[model.CapaianBaik] = model.RatingDiAtas
		if err := e.a.SetLeaderMap(ctx, who["kadis"], own); err == nil {
			t.Error("the Kadis set the map")
		}
		bad := model.LeaderMap{model.CapaianIstimewa: model.RatingDiAtas, model.CapaianBaik: "luar_biasa"}
		if err := e.a.SetLeaderMap(ctx, e.admin, bad); err == nil {
			t.Error("a map missing capaian and naming a rating that is none was taken")
		}
		if err := e.a.SetLeaderMap(ctx, e.admin, own); err != nil {
			t.Fatal(err)
		}
		set, err := e.a.InstansiSettings(ctx, e.admin)
		if err != nil || !set.OwnLeaderMap || set.LeaderMap[model.CapaianBaik] != model.RatingDiAtas || set.LeaderDefault[model.CapaianBaik] != model.RatingSesuai {
			t.Fatalf("settings = %+v, %v", set, err)
		}

		// History stays: January keeps sesuai and its screen says so.
		v, err := e.a.AssessmentView(ctx, wali, jan.ID)
		if err != nil || v.Assessment.HasilKerja != model.RatingSesuai || v.LeaderRating != model.RatingSesuai || v.Assessment.Predikat != model.PredikatBaik {
			t.Errorf("January after the change: %s / %s, %v", v.Assessment.HasilKerja, v.LeaderRating, err)
		}
		feb := rateLeader(2)
		if feb.HasilKerja != model.RatingDiAtas || feb.Predikat != model.PredikatBaik {
			t.Errorf("February under the instansi's map: %s %s", feb.HasilKerja, feb.Predikat)
		}

		// The regulation's map again, and the audit of both changes.
		if err := e.a.SetLeaderMap(ctx, e.admin, nil); err != nil {
			t.Fatal(err)
		}
		if set, _ := e.a.InstansiSettings(ctx, e.admin); set.OwnLeaderMap || set.LeaderMap[model.CapaianBaik] != model.RatingSesuai {
			t.Errorf("after the reset: %+v", set.LeaderMap)
		}
		if got := auditActions(t, e, s, "instansi", e.o.Instansi.ID)["instansi.leader_map"]; got != 2 {
			t.Errorf("%d audit entries of the map, want 2", got)
		}
	})
}
