package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// Each body records its own recommendation: the BKPSDM admin as BKPSDM
// (others' only on their behalf, with a basis), the auditors and the Inspektorat's OPD admin as the Inspektorat,
// Bappeda's OPD admin as Bappeda; recording another's is refused naming
// whose word it is and as whom the actor speaks.
func TestRecommendationSourceFollowsTheActor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, po := perfEnv(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := e.a.SetUnitPerformanceSettings(ctx, e.admin, model.UnitPerformanceSettings{Setter: model.CapaianSetterKepalaDaerah,
			BKPSDMUnitID: po.bkpsdm.ID, BappedaUnitID: po.bappeda.ID, InspektoratUnitID: po.inspektorat.ID}); err != nil {
			t.Fatal(err)
		}
		for _, n := range []app.NewUser{
			{Username: "opd-bappeda", Password: "rahasia-bappeda", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: po.bappeda.ID}}},
			{Username: "opd-inspektorat", Password: "rahasia-inspektorat", Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: po.inspektorat.ID}}},
		} {
			if _, err := e.a.CreateUser(ctx, sys, n); err != nil {
				t.Fatal(err)
			}
		}
		bappedaAdmin, inspAdmin := e.login(t, "opd-bappeda", "rahasia-bappeda"), e.login(t, "opd-inspektorat", "rahasia-inspektorat")
		kominfo, jan := e.o.Kominfo.ID, po.jan.ID
		rec := func(who model.Actor, src model.RecommendationSource) (app.UnitPerformanceView, error) {
			return e.a.RecommendUnitPerformance(ctx, who, kominfo, jan, app.UnitRecommendationRequest{Source: src, Capaian: model.CapaianBaik, Note: "Uji"})
		}
		for _, c := range []struct {
			name  string
			actor model.Actor
			as    model.RecommendationSource
		}{
			{"the BKPSDM admin", e.admin, model.SourceBKPSDM},
			{"the auditor", who["auditor"], model.SourceInspektorat},
			{"the Inspektorat's OPD admin", inspAdmin, model.SourceInspektorat},
			{"Bappeda's OPD admin", bappedaAdmin, model.SourceBappeda},
		} {
			v, err := rec(c.actor, c.as)
			own := slices.DeleteFunc(slices.Clone(v.Can.Sources), v.Can.RecordsOnBehalf)
			if err != nil || !slices.Equal(own, []model.RecommendationSource{c.as}) {
				t.Errorf("%s as %s: sources %v, %v", c.name, c.as, v.Can.Sources, err)
			}
			for _, other := range model.RecommendationSources {
				if other == c.as {
					continue
				}
				_, err := rec(c.actor, other)
				if v.Can.RecordsOnBehalf(other) {
					// The BKPSDM admin: on the body's behalf, only with a
					// basis (unitperf_onbehalf_test.go).
					if fields(err)["basis"] != "invalid.unitperf.onbehalf.basis.required" {
						t.Errorf("%s recorded as %s without a basis: %v", c.name, other, err)
					}
					continue
				}
				var se *model.StateError
				if !errors.Is(err, model.ErrForbidden) || !errors.As(err, &se) || se.Key != "forbidden.unitperf.source" {
					t.Errorf("%s recorded as %s: %v", c.name, other, err)
				}
			}
		}
		// The OPD admin of a source reads every OPD's capaian to recommend on it.
		l, err := e.a.UnitPerformances(ctx, bappedaAdmin, jan)
		if err != nil || len(l.Items) != 6 {
			t.Errorf("Bappeda's admin lists %d OPDs, %v", len(l.Items), err)
		}
		v, err := e.a.UnitPerformanceView(ctx, e.admin, kominfo, jan)
		if err != nil || len(v.Recommendations) != 4 {
			t.Fatalf("recommendations = %+v, %v", v.Recommendations, err)
		}
		for _, r := range v.Recommendations {
			if r.By == e.admin.UserID && r.Source != model.SourceBKPSDM {
				t.Errorf("the admin's recommendation is %s's", r.Source)
			}
		}
	})
}
