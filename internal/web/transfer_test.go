package web_test

import (
	"context"
	"html"
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

// TestTransferPages: Staff1 is transferred with a TMT of today. The closed
// SKP's page says so and leads to the new SKP; the new SKP's page leads
// back and offers the closed SKP's RHK; ticking one takes it over, and the
// page then says where it came from. A period after the TMT on the closed
// SKP is a page marked "setelah TMT mutasi", not a missing one.
func TestTransferPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		today := a.Today(ctx, e.o.Instansi.ID)
		if today.Time().YearDay() < 3 {
			t.Skip("the SKP before the transfer needs a day of the year before today's")
		}
		year := today.Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		periods, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		staffActor := model.Actor{UserID: e.o.Staff1.ID, InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		old, err := a.CreateSKP(ctx, staffActor, e.o.Staff1.ID, year, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		r, err := a.SaveRHK(ctx, staffActor, old.Version, model.RHK{SKPID: old.ID, Kind: model.RHKUtama, Description: "Terpeliharanya aplikasi layanan"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.AddIndicator(ctx, staffActor, old.Version+1, model.Indicator{RHKID: r.ID, Aspect: model.AspectKuantitas,
			Description: "Jumlah pemeliharaan", Target: "12", Unit: "kali"}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.PlaceEmployee(ctx, admin, model.Placement{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosAdm.ID,
			Kind: model.PlacementDefinitif, Start: today}); err != nil {
			t.Fatal(err)
		}
		fresh, err := a.CreateSKP(ctx, staffActor, e.o.Staff1.ID, year, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}

		staff := e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		_, body := staff.get("/skp/" + old.ID)
		if !strings.Contains(body, "ditutup karena mutasi") || !strings.Contains(body, `href="/skp/`+fresh.ID+`"`) ||
			!strings.Contains(body, "SKP setelah mutasi") {
			t.Errorf("the closed SKP's page does not lead on:\n%s", body)
		}
		_, body = staff.get("/skp/" + fresh.ID)
		if !strings.Contains(body, `href="/skp/`+old.ID+`"`) || !strings.Contains(body, `action="/skp/`+fresh.ID+`/ambil-alih"`) ||
			!strings.Contains(body, `value="`+r.ID+`"`) {
			t.Fatalf("the new SKP's page offers no take-over:\n%s", body)
		}
		resp, _ := staff.post("/skp/"+fresh.ID+"/ambil-alih", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}})
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("a take-over with no RHK ticked: %d", resp.StatusCode)
		}
		resp, _ = staff.post("/skp/"+fresh.ID+"/ambil-alih", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}, "rhk_id": {r.ID}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("take-over: %d", resp.StatusCode)
		}
		_, body = staff.get(resp.Header.Get("Location"))
		if !strings.Contains(body, "Diambil alih dari SKP sebelum mutasi") || !strings.Contains(body, "Terpeliharanya aplikasi layanan") ||
			strings.Contains(body, "/ambil-alih") {
			t.Errorf("the new SKP after the take-over:\n%s", body)
		}
		// The copy intervenes nothing yet: the page says so, with its
		// change form open, and the change is saved.
		taken, _ := s.SKP(ctx, fresh.ID)
		copyID := taken.RHK[0].ID
		_, body = staff.get("/skp/" + fresh.ID)
		if !strings.Contains(body, `action="/skp/`+fresh.ID+`/rhk/`+copyID+`/ubah"`) || !strings.Contains(body, `<details class="rhk-edit" open>`) ||
			!strings.Contains(body, "belum mengintervensi RHK atasan") {
			t.Errorf("the copy offers no change of its parent RHK:\n%s", body)
		}
		resp, _ = staff.post("/skp/"+fresh.ID+"/rhk/"+copyID+"/ubah", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)},
			"kind": {"utama"}, "parent_rhk_id": {""}, "description": {"Terpeliharanya aplikasi administrasi"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("change the RHK: %d", resp.StatusCode)
		}
		if _, body = staff.get("/skp/" + fresh.ID); !strings.Contains(body, "Terpeliharanya aplikasi administrasi") {
			t.Errorf("the change is not shown:\n%s", body)
		}
		// A change the closed SKP refuses says why, not a guess.
		closed, _ := s.SKP(ctx, old.ID)
		resp, body = staff.post("/skp/"+old.ID+"/rhk", url.Values{"version": {strconv.Itoa(closed.Version)}, "kind": {"tambahan"}, "description": {"Tambahan"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "sudah ditutup") || strings.Contains(body, "status SKP sekarang") {
			t.Errorf("an RHK added to the closed SKP: %d\n%s", resp.StatusCode, body)
		}
		for _, p := range periods {
			if p.Kind == model.PeriodMonthly && p.Start > closed.PeriodEnd {
				resp, body := staff.get("/realisasi/" + old.ID + "?periode=" + p.ID)
				if resp.StatusCode != http.StatusOK || !strings.Contains(html.UnescapeString(body), "Setelah TMT mutasi") {
					t.Errorf("a period after the TMT on the closed SKP: %d\n%s", resp.StatusCode, body)
				}
				break
			}
		}
	})
}
