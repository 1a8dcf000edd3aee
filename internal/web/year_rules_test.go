package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The progress page of a day in a closed period says why instead of
// offering the form, and a form sent anyway is refused with the reason; a
// draft SKP offers no RHK and says how to get one.
func TestProgressPageFollowsTheRulesOfTheYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		_, rhk := staffSKP(t, e)
		staff := e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")

		_, body := staff.get("/progres")
		if strings.Contains(body, `<option value="`+rhk.ID+`"`) || !strings.Contains(body, "data-unapproved") {
			t.Error("the progress form offers an RHK of a draft SKP, or does not say why it offers none")
		}

		clock := &apptest.Clock{} // the month is closed the morning after its last day; the page is read today
		a := app.New(s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}, Now: clock.Now})
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		today := a.Today(ctx, e.o.Instansi.ID)
		periods, err := a.Periods(ctx, admin, today.Time().Year())
		if err != nil {
			t.Fatal(err)
		}
		month := periods[today.Time().Month()-1]
		for _, st := range []model.PeriodStatus{model.PeriodOpen, model.PeriodClosed} {
			month.Status = st
			if err := clock.MovePeriod(ctx, a, admin, month, ""); err != nil {
				t.Fatal(err)
			}
		}
		_, body = staff.get("/progres?tanggal=" + string(today))
		if !strings.Contains(body, "data-refused") || !strings.Contains(body, "sudah ditutup") || strings.Contains(body, `action="/progres" class="stack"`) {
			t.Error("the day of a closed period offers the form or does not say why not")
		}
		resp, body := staff.post("/progres", url.Values{"date": {string(today)}, "description": {"Rapat"}, "minutes": {"30"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "sudah ditutup (batas pelaporan") {
			t.Errorf("an entry sent into a closed period: %d", resp.StatusCode)
		}
	})
}

// The unit page counts the people it lists: an employee no longer active,
// still placed in the unit, is in neither.
func TestUnitPageCountsThePeopleItLists(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			emp, err := tx.CreateEmployee(ctx, model.Employee{InstansiID: e.o.Instansi.ID, NIP: "198501012010011099",
				Name: "Pensiunan Uji", Status: model.StatusPNS, Golongan: "III/a", Active: false})
			if err != nil {
				return err
			}
			_, err = tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: e.o.PosStaff.ID, Kind: model.PlacementDefinitif, Start: "2024-01-01"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		for _, unit := range []string{e.o.Aplikasi.ID, e.o.Kominfo.ID} {
			_, body := admin.get("/unit/" + unit)
			count := field(t, body, `<dd>[^<]*· ([0-9]+) pegawai</dd>`)
			people := body[strings.LastIndex(body, `<h2>Pegawai di unit ini`):]
			listed := strings.Count(people, `<span class="muted nip">`)
			if count != fmt.Sprint(listed) || strings.Contains(body, "Pensiunan Uji") {
				t.Errorf("unit %s: counts %s, lists %d (the inactive employee listed: %v)", unit, count, listed, strings.Contains(body, "Pensiunan Uji"))
			}
		}
	})
}
