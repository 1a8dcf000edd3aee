package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestRevisionKeepsTheTeamWorking: the Kabid presses "revise" on her
// approved SKP. Her page says the approved revision stays in force and
// still leads to its realisasi; Staff1's SKP page still offers her RHK.
func TestRevisionKeepsTheTeamWorking(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		approvedBossSKP(t, e)
		ctx := context.Background()
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		year := a.Today(context.Background(), e.o.Instansi.ID).Time().Year()
		asn := func(id string) model.Actor {
			return model.Actor{UserID: id, InstansiID: e.o.Instansi.ID, EmployeeID: id, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		}
		kadisActor, kabidActor := asn(e.o.Kadis.ID), asn(e.o.Kabid.ID)
		opts, err := a.WorkRHK(ctx, kadisActor, a.Today(context.Background(), e.o.Instansi.ID))
		if err != nil || len(opts.RHK) != 1 {
			t.Fatalf("the Kadis' RHK = %+v, %v", opts.RHK, err)
		}
		sk, err := a.CreateSKP(ctx, kabidActor, e.o.Kabid.ID, year, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		r, err := a.SaveRHK(ctx, kabidActor, sk.Version, model.RHK{SKPID: sk.ID, Kind: model.RHKUtama, Description: "Tersedianya aplikasi layanan", ParentRHKID: opts.RHK[0].ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.AddIndicator(ctx, kabidActor, sk.Version+1, model.Indicator{RHKID: r.ID, Aspect: model.AspectKuantitas, Description: "Modul", Target: "4", Unit: "modul"}); err != nil {
			t.Fatal(err)
		}
		if sk, err = a.SubmitSKP(ctx, kabidActor, sk.ID, sk.Version+2); err != nil {
			t.Fatal(err)
		}
		if sk, err = a.ApproveSKP(ctx, kadisActor, sk.ID, sk.Version); err != nil {
			t.Fatal(err)
		}

		kabid, staff := e.browser(t), e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		page := "/skp/" + sk.ID
		_, body := kabid.get(page)
		resp, _ := kabid.post(page+"/revisi", url.Values{"version": {field(t, body, `name="version" value="(\d+)"`)}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("revise: %d", resp.StatusCode)
		}
		_, body = kabid.get(page)
		if !strings.Contains(body, "Revisi 1 yang telah disetujui tetap berlaku") || !strings.Contains(body, `href="/realisasi/`+sk.ID+`"`) {
			t.Error("the SKP in revision does not say revision 1 stays in force, or hides its realisasi")
		}

		_, body = staff.get("/skp")
		resp, _ = staff.post("/skp", url.Values{"year": {field(t, body, `name="year" value="(\d+)"`)}, "approach": {"kuantitatif"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d", resp.StatusCode)
		}
		_, body = staff.get(resp.Header.Get("Location"))
		if !strings.Contains(body, `<option value="`+r.ID+`">Tersedianya aplikasi layanan`) || strings.Contains(body, "belum disetujui") {
			t.Error("while the Kabid revises, Staff1 is not offered her approved RHK")
		}
	})
}
