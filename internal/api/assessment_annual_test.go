package api_test

import (
	"context"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestAnnualAssessmentAnswer: an annual assessment's answer carries what
// the annual rating rests on (its SKPs of the year with their periodic
// results and the annual suggestion), as the OpenAPI document says; a
// periodic one carries null.
func TestAnnualAssessmentAnswer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		check := checkStatus(t, e)
		clock := &apptest.Clock{}
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Now: clock.Now})
		in := e.o.Instansi.ID
		admin := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		year := a.Today(ctx, in).Time().Year()
		periods, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "y", EmployeeID: e.o.Staff1.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		skp := apptest.ApprovedSKP(t, a, s, staffActor, e.o.Staff1.ID, year)
		var jan, annual model.Period
		for _, p := range periods {
			switch {
			case p.Kind == model.PeriodMonthly && p.Number == 1:
				jan = p
			case p.Kind == model.PeriodAnnual:
				annual = p
			}
		}
		for _, p := range []model.Period{jan, annual} {
			for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
				p.Status = st
				if err := clock.MovePeriod(ctx, a, admin, p, ""); err != nil {
					t.Fatal(err)
				}
			}
		}
		list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: in, SKPID: skp.ID})
		if err != nil || len(list) != 2 {
			t.Fatalf("assessments: %d, %v", len(list), err)
		}
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		for _, as := range list {
			got := check("GET", "/api/v1/assessments/{id}", e.get(t, "/api/v1/assessments/"+as.ID, kabid), 200)
			if as.PeriodID == jan.ID {
				if got["annual"] != nil {
					t.Errorf("January's answer has an annual part: %v", got["annual"])
				}
				continue
			}
			ann, _ := got["annual"].(map[string]any)
			skps, _ := ann["skps"].([]any)
			if len(skps) != 1 {
				t.Fatalf("annual = %v", got["annual"])
			}
			one := skps[0].(map[string]any)
			if one["skp_id"] != skp.ID || one["this"] != true || len(one["periods"].([]any)) != 1 {
				t.Errorf("the SKP of the year = %v", one)
			}
			if r, _ := ann["suggestion"].(map[string]any)["reasons"].([]any); len(r) == 0 {
				t.Errorf("the annual suggestion gives no reason: %v", ann["suggestion"])
			}
		}
	})
}
