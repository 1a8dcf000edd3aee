package api_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The Inspektorat's auditors read everything (docs/architecture.md, "Who
// may see what"): the reconciliation reports of the instansi and of an
// OPD as BKPSDM does.
func TestAuditorReadsTheReports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		in := e.o.Instansi.ID
		year := a.Today(ctx, in).Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if _, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "y", EmployeeID: e.o.Staff1.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		apptest.ApprovedSKP(t, a, s, staffActor, e.o.Staff1.ID, year)
		auditor := e.login(t, "auditor", "rahasia-audit")
		for _, path := range []string{
			fmt.Sprintf("/api/v1/reports/penilaian-skp.xlsx?year=%d", year),
			fmt.Sprintf("/api/v1/reports/laporan-skp.xlsx?year=%d&unit=%s", year, e.o.Kominfo.ID),
		} {
			if r := e.get(t, path, auditor); r.status != 200 {
				t.Errorf("auditor %s: %d %s", path, r.status, r.body)
			}
		}
	})
}
