package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestPerjanjianKinerjaPages: the Kadis writes the dinas' PK on the unit
// page, then takes the RHK of their SKP from it.
func TestPerjanjianKinerjaPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
			t.Fatal(err)
		}
		year := strconv.Itoa(a.Today(context.Background(), e.o.Instansi.ID).Time().Year())
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if _, err := a.OpenYear(ctx, admin, a.Today(context.Background(), e.o.Instansi.ID).Time().Year(), model.PeriodMonthly, 5); err != nil {
			t.Fatal(err)
		}
		kadis, staff := e.browser(t), e.browser(t)
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		unit := "/unit/" + e.o.Kominfo.ID

		_, body := kadis.get(unit)
		if !strings.Contains(body, "Perjanjian Kinerja "+year) || !strings.Contains(body, `action="`+unit+`/pk"`) {
			t.Fatal("the head of the unit has no PK form on the unit page")
		}
		// Without a target the form comes back with the reason and nothing is kept.
		resp, body := kadis.post(unit+"/pk", url.Values{"tahun": {year}, "description": {"Meningkatnya kualitas layanan SPBE"},
			"indicator0": {"Indeks SPBE"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Target indikator wajib diisi") ||
			!strings.Contains(body, "Meningkatnya kualitas layanan SPBE</textarea>") {
			t.Fatalf("PK without target: %d", resp.StatusCode)
		}
		resp, _ = kadis.post(unit+"/pk", url.Values{"tahun": {year}, "description": {"Meningkatnya kualitas layanan SPBE"},
			"indicator0": {"Indeks SPBE"}, "target0": {"3,5"}, "unit0": {"indeks"}, "indicator1": {"Layanan daring"}, "target1": {"40"}, "unit1": {"layanan"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("add sasaran: %d", resp.StatusCode)
		}
		_, body = staff.get(unit + "?tahun=" + year)
		if !strings.Contains(body, "Meningkatnya kualitas layanan SPBE") || !strings.Contains(body, "<strong>3,5 indeks</strong>") {
			t.Error("staff do not see the PK")
		}
		if strings.Contains(body, `action="`+unit+`/pk"`) {
			t.Error("staff are offered the PK form")
		}
		if resp, _ := staff.post(unit+"/pk", url.Values{"tahun": {year}, "description": {"X"}, "indicator0": {"Y"}, "target0": {"1"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("staff wrote the PK: %d", resp.StatusCode)
		}

		// The Kadis' SKP offers the sasaran; an empty RHK text takes the sasaran's.
		resp, _ = kadis.post("/skp", url.Values{"year": {year}, "approach": {"kuantitatif"}})
		skp := resp.Header.Get("Location")
		_, body = kadis.get(skp)
		sasaran := field(t, body, `<option value="([0-9a-f]+)">Meningkatnya kualitas layanan SPBE`)
		resp, _ = kadis.post(skp+"/rhk", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}, "kind": {"utama"},
			"pk_sasaran_id": {sasaran}, "penugasan_dari": {"Wali Kota"}, "description": {""}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("RHK from PK: %d", resp.StatusCode)
		}
		_, body = kadis.get(skp)
		if !strings.Contains(body, "Dari Perjanjian Kinerja") || !strings.Contains(body, "Layanan daring — <strong>40 layanan</strong>") {
			t.Error("the RHK does not show it comes from the PK with its indicators")
		}
		// A sasaran in use cannot be deleted.
		resp, body = kadis.post(unit+"/pk/"+sasaran+"/hapus", url.Values{"tahun": {year}})
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "tidak dapat dihapus") {
			t.Errorf("deleting a used sasaran: %d", resp.StatusCode)
		}
	})
}
