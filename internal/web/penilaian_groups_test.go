package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A rater who is rated too finds both groups on /penilaian: whom they
// rate, and their own results, each holding only its own.
func TestPenilaianShowsWhomIRateAndMyOwn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		// The Kabid's own approved SKP, before January closes.
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			sk, err := tx.CreateSKP(ctx, model.SKP{InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Kabid.ID, Year: 2026, PeriodStart: "2026-01-01",
				PeriodEnd: "2026-12-31", Approach: model.ApproachKuantitatif, Format: model.FormatJAJF,
				Employee: model.PersonSnapshot{EmployeeID: e.o.Kabid.ID, Name: e.o.Kabid.Name, NIP: e.o.Kabid.NIP}}, e.o.PosKabid.ID)
			if err != nil {
				return err
			}
			sk.Status = model.SKPApproved
			return tx.SetSKPStatus(ctx, sk.Version, sk, model.ActApprove)
		}); err != nil {
			t.Fatal(err)
		}
		staffResult, jan, _ := apptest.RatedJanuaryResult(t, e.s, e.o, "")
		own, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: e.o.Instansi.ID, PeriodID: jan, Employees: []string{e.o.Kabid.ID}})
		if err != nil || len(own) != 1 {
			t.Fatalf("the Kabid's own January assessment: %v, %v", own, err)
		}
		kabid := e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		_, body := kabid.get("/penilaian")
		rate, mine, ok := strings.Cut(body, `id="own-h"`)
		if !ok || !strings.Contains(rate, `id="rate-h"`) {
			t.Fatalf("/penilaian lacks a group: %.3000s", body)
		}
		if !strings.Contains(rate, `href="/penilaian/`+staffResult+`"`) {
			t.Error("Staff1's result is not among those the Kabid rates")
		}
		if !strings.Contains(mine, `href="/penilaian/`+own[0].ID+`"`) || strings.Contains(mine, `href="/penilaian/`+staffResult+`"`) {
			t.Error("the Kabid's own results do not hold exactly his own")
		}
		if strings.Contains(rate, `href="/penilaian/`+own[0].ID+`"`) {
			t.Error("the Kabid's own result is among those he rates")
		}
	})
}
