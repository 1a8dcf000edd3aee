package web_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestRealisasiPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		skp, rhk := staffSKP(t, e)
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		staffActor := model.Actor{UserID: "s", InstansiID: e.o.Instansi.ID, EmployeeID: e.o.Staff1.ID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		in, err := a.AddIndicator(ctx, staffActor, skp.Version+1, model.Indicator{RHKID: rhk.ID, Aspect: model.AspectKuantitas,
			Description: "Modul yang diperbarui", Target: "12", Unit: "modul"})
		if err != nil {
			t.Fatal(err)
		}
		full, _ := s.SKP(ctx, skp.ID)
		full.Status = model.SKPApproved
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if err := s.Write(ctx, sys, func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove) }); err != nil {
			t.Fatal(err)
		}
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		periods, _ := a.Periods(ctx, admin, a.Today(context.Background(), e.o.Instansi.ID).Time().Year())
		month := periods[a.Today(context.Background(), e.o.Instansi.ID).Time().Month()-1]
		month.Status = model.PeriodOpen
		if err := a.MovePeriod(ctx, admin, month, ""); err != nil {
			t.Fatal(err)
		}
		staff, kabid := e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")

		page := "/realisasi/" + skp.ID
		_, body := staff.get(page)
		if !strings.Contains(body, `name="indicator_id" value="`+in.ID+`"`) || !strings.Contains(body, "Target: 12 modul") {
			t.Fatal("the owner has no realisasi form for the open period")
		}
		resp, body := staff.post(page, url.Values{"periode": {month.ID}, "indicator_id": {in.ID}, "version": {"0"}, "value": {""}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Realisasi wajib diisi") {
			t.Errorf("empty realisasi: %d", resp.StatusCode)
		}
		resp, _ = staff.post(page, url.Values{"periode": {month.ID}, "indicator_id": {in.ID}, "version": {"0"}, "value": {"2"}, "basis": {"Modul antrean dan notifikasi"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", resp.StatusCode)
		}
		// A second "first" save from a stale page is refused, not lost.
		resp, body = staff.post(page, url.Values{"periode": {month.ID}, "indicator_id": {in.ID}, "version": {"0"}, "value": {"5"}})
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "telah diubah") {
			t.Errorf("stale save: %d", resp.StatusCode)
		}
		_, body = kabid.get(page)
		if !strings.Contains(body, "<strong>2 modul</strong>") || !strings.Contains(body, "Riwayat perubahan (1)") {
			t.Error("the supervisor does not see the realisasi and its history")
		}
		if strings.Contains(body, `name="indicator_id"`) {
			t.Error("the supervisor is offered the owner's form")
		}
		if !strings.Contains(body, `data-thread="realisasi:`) {
			t.Error("no feedback thread on the realisasi")
		}
		// Evidence on the realisasi: a document goes, a program does not.
		_, body = staff.get(page)
		re := field(t, body, `name="target_id" value="([0-9a-f]+)"`)
		back := page + "?periode=" + month.ID
		fields := map[string]string{"target_type": "realisasi", "target_id": re, "back": back}
		resp, _ = staff.postMultipart("/bukti", fields, "rekap modul.pdf", blob.SamplePDF("Rekap modul"))
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != back {
			t.Fatalf("attach: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		resp, body = staff.postMultipart("/bukti", fields, "rekap.pdf", append([]byte("MZ\x90\x00"), bytes.Repeat([]byte{0}, 999)...))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "program Windows") {
			t.Errorf("a program as evidence: %d", resp.StatusCode)
		}
		if resp, _ := kabid.postMultipart("/bukti", fields, "x.pdf", blob.SamplePDF("x")); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the supervisor attached to the owner's realisasi: %d", resp.StatusCode)
		}
		if _, body := kabid.get(back); !strings.Contains(body, "rekap modul.pdf") {
			t.Error("the supervisor does not see the realisasi's evidence")
		}

		// The SKP itself carries a feedback thread.
		kabid.post("/umpan-balik", url.Values{"target_type": {"skp"}, "target_id": {skp.ID}, "body": {"Target modul sudah realistis"}, "back": {"/skp/" + skp.ID}})
		if _, body := staff.get("/skp/" + skp.ID); !strings.Contains(body, `data-thread="skp:`+skp.ID+`"`) || !strings.Contains(body, "Target modul sudah realistis") {
			t.Error("the SKP page lacks its feedback thread")
		}

		// BKPSDM sets the size limit on the year page.
		admin2 := e.browser(t)
		admin2.signIn("admin", "rahasia-admin")
		if resp, body := admin2.post("/tahun/bukti", url.Values{"max_mb": {"0"}}); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "antara 1 dan 100 MB") {
			t.Errorf("a zero limit: %d", resp.StatusCode)
		}
		admin2.post("/tahun/bukti", url.Values{"max_mb": {"4"}})
		if _, body := admin2.get("/tahun"); !strings.Contains(body, `name="max_mb" type="number" min="1" max="100" value="4"`) {
			t.Error("the new limit is not shown")
		}
		if resp, _ := staff.post("/tahun/bukti", url.Values{"max_mb": {"90"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN set the limit: %d", resp.StatusCode)
		}
	})
}
