package api_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestReportReach: an OPD admin's report covers their OPD without naming
// it; asking for another OPD is refused with a reason that names theirs;
// BKPSDM takes the whole instansi or an OPD; a staff member none.
func TestReportReach(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		check := checkStatus(t, e)
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		in := e.o.Instansi.ID
		year := a.Today(ctx, in).Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if _, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: "y", EmployeeID: e.o.Staff1.ID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		apptest.ApprovedSKP(t, a, s, staffActor, e.o.Staff1.ID, year)

		opd := e.login(t, "opd-kominfo", "rahasia-opd")
		adminTok := e.login(t, "admin", "rahasia-admin")
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		rows := func(r response) [][]string {
			t.Helper()
			if r.status != 200 {
				t.Fatalf("report: %d %s", r.status, r.body)
			}
			book, err := excelize.OpenReader(bytes.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			got, _ := book.GetRows("laporan_skp")
			return got
		}
		if got := rows(e.get(t, fmt.Sprintf("/api/v1/reports/laporan-skp.xlsx?year=%d", year), opd)); len(got) != 2 || got[1][6] != e.o.Kominfo.Name {
			t.Errorf("the OPD admin's report = %q", got)
		}
		if got := rows(e.get(t, fmt.Sprintf("/api/v1/reports/laporan-skp.xlsx?year=%d&unit=%s", year, e.o.Kominfo.ID), opd)); len(got) != 2 {
			t.Errorf("the OPD admin's report of their OPD = %q", got)
		}
		// Another OPD is not found, as an id of nothing.
		check("GET", "/api/v1/reports/{name}", e.get(t, fmt.Sprintf("/api/v1/reports/penilaian-skp.xlsx?year=%d&unit=%s", year, e.o.Dinkes.ID), opd), 404)
		if got := rows(e.get(t, fmt.Sprintf("/api/v1/reports/laporan-skp.xlsx?year=%d&unit=%s", year, e.o.Dinkes.ID), adminTok)); len(got) != 1 {
			t.Errorf("BKPSDM's report of the Dinkes = %q", got)
		}
		if got := rows(e.get(t, fmt.Sprintf("/api/v1/reports/laporan-skp.xlsx?year=%d", year), adminTok)); len(got) != 2 {
			t.Errorf("BKPSDM's report of the instansi = %q", got)
		}
		problem(t, e.get(t, fmt.Sprintf("/api/v1/reports/laporan-skp.xlsx?year=%d&unit=nope", year), adminTok), 422)
		problem(t, e.get(t, fmt.Sprintf("/api/v1/reports/laporan-skp.xlsx?year=%d", year), staff), 403)
	})
}
