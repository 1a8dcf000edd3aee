package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestUnitPerformancePage: the Wali Kota sets the capaian of an OPD on the
// page without script, is told what is missing and when the form is
// stale; BKPSDM records a recommendation but has no form to set; the OPD
// head finds the page in the menu and reads the rating it implies; staff
// neither find nor open it.
func TestUnitPerformancePage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		a := app.New(e.s, nil, app.Options{Password: &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if _, err := a.CreateUser(ctx, sys, app.NewUser{EmployeeNIP: storetest.NIPKadis, Password: "rahasia-kadis"}); err != nil {
			t.Fatal(err)
		}
		hash, _ := a.HashPassword("rahasia-wali")
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			_, err := tx.CreateUser(ctx, model.User{InstansiID: e.o.Instansi.ID, Username: "walikota", DisplayName: "Wali Kota Uji",
				EmployeeID: e.o.WaliKota.ID, PasswordHash: hash})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		year := a.Today(ctx, e.o.Instansi.ID).Time().Year()
		admin := model.Actor{UserID: "x", InstansiID: e.o.Instansi.ID, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		periods, err := a.OpenYear(ctx, admin, year, model.PeriodMonthly, 5)
		if err != nil {
			t.Fatal(err)
		}
		jan := periods[0].ID
		kominfo := e.o.Kominfo.ID
		page := "/capaian-organisasi?periode=" + jan
		action := "/capaian-organisasi/" + kominfo + "/" + jan

		wali, kadis, bkpsdm, staff, kabid := e.browser(t), e.browser(t), e.browser(t), e.browser(t), e.browser(t)
		wali.signIn("walikota", "rahasia-wali")
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")
		bkpsdm.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")

		// The menu links the page for those who set, lead or read it by role.
		for name, b := range map[string]*browser{"wali": wali, "kadis": kadis, "bkpsdm": bkpsdm} {
			if _, body := b.get("/"); !strings.Contains(body, `href="/capaian-organisasi"`) {
				t.Errorf("%s's menu has no link to the page", name)
			}
		}
		for name, b := range map[string]*browser{"staff": staff, "kabid": kabid} {
			if _, body := b.get("/"); strings.Contains(body, `href="/capaian-organisasi"`) {
				t.Errorf("%s's menu links the page", name)
			}
		}
		if resp, _ := staff.get(page); resp.StatusCode != http.StatusForbidden {
			t.Errorf("staff open the page: %d", resp.StatusCode)
		}

		// The Wali Kota sees every OPD with a form to set it.
		resp, body := wali.get(page)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Dinas Komunikasi dan Informatika") || !strings.Contains(body, "Dinas Kesehatan") ||
			!strings.Contains(body, `action="`+action+`"`) || !strings.Contains(body, `name="version" value="0"`) {
			t.Fatalf("the Wali Kota's page (%d): %s", resp.StatusCode, body)
		}
		// Nothing chosen, no basis: the page says what is missing.
		resp, body = wali.post(action, url.Values{"capaian": {""}, "basis": {" "}, "version": {"0"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), locale.T("id", "invalid.unitperf.basis.required")) ||
			!strings.Contains(body, `aria-invalid="true"`) {
			t.Errorf("an empty form (%d): %s", resp.StatusCode, body)
		}
		// In English, the same refusal reads in English.
		_, body = wali.post(action+"?lang=en", url.Values{"capaian": {"baik"}, "basis": {""}, "version": {"0"}})
		if !strings.Contains(html.UnescapeString(body), locale.T("en", "invalid.unitperf.basis.required")) || !strings.Contains(body, locale.T("en", "unitperf.title")) {
			t.Errorf("the English page: %s", body)
		}
		// Set: back to the OPD on the page, with the rating it implies.
		resp, _ = wali.post(action, url.Values{"capaian": {"baik"}, "basis": {"Capaian PK 93%, rencana aksi sesuai jadwal."}, "version": {"0"}})
		if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(resp.Header.Get("Location"), "#opd-"+kominfo) {
			t.Fatalf("set: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		_, body = wali.get(resp.Header.Get("Location"))
		if !strings.Contains(body, locale.T("id", "unitperf.ok.set")) || !strings.Contains(body, "Sesuai Ekspektasi") ||
			!strings.Contains(body, "Capaian PK 93%, rencana aksi sesuai jadwal.") || !strings.Contains(body, `name="version" value="1"`) {
			t.Errorf("after setting: %s", body)
		}
		// A form read before that change is stale.
		resp, body = wali.post(action, url.Values{"capaian": {"kurang"}, "basis": {"Lain"}, "version": {"0"}})
		if resp.StatusCode != http.StatusConflict || !strings.Contains(html.UnescapeString(body), locale.T("id", "unitperf.err.stale")) {
			t.Errorf("a stale form (%d)", resp.StatusCode)
		}

		// BKPSDM recommends as itself, the Inspektorat's word only on its
		// behalf with the letter it came in (the page asks for it and
		// shows it), and has no form to set.
		_, body = bkpsdm.get(page)
		if strings.Contains(body, `action="`+action+`"`) || !strings.Contains(body, `action="`+action+`/rekomendasi"`) {
			t.Errorf("BKPSDM's forms: %s", body)
		}
		if !strings.Contains(body, `name="basis" rows="2"`) || !strings.Contains(body, "Inspektorat (atas nama)") {
			t.Errorf("BKPSDM's recommendation form has no basis: %s", body)
		}
		resp, body = bkpsdm.post(action+"/rekomendasi", url.Values{"source": {"inspektorat"}, "capaian": {"butuh_perbaikan"}, "note": {"Lain"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(body), locale.T("id", "invalid.unitperf.onbehalf.basis.required")) {
			t.Errorf("BKPSDM recorded the Inspektorat's without a basis (%d)", resp.StatusCode)
		}
		const letter = "Surat Inspektorat No. 700/123/2026 tanggal 5 November 2026"
		resp, _ = bkpsdm.post(action+"/rekomendasi", url.Values{"source": {"inspektorat"}, "capaian": {"kurang"}, "note": {"Satu temuan berulang."},
			"basis": {letter}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("recommend on the Inspektorat's behalf: %d", resp.StatusCode)
		}
		if resp, _ := kadis.post(action+"/rekomendasi", url.Values{"source": {"inspektorat"}, "capaian": {"kurang"}, "basis": {letter}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the Kepala Dinas recorded the Inspektorat's: %d", resp.StatusCode)
		}
		if resp, body := bkpsdm.get(action + "/penetapan"); resp.StatusCode != http.StatusOK ||
			!strings.Contains(html.UnescapeString(body), "atas nama Inspektorat: "+letter) {
			t.Errorf("the printable penetapan (%d) does not say it was recorded on the Inspektorat's behalf", resp.StatusCode)
		}
		// The Inspektorat's own word (an auditor's) replaces it; both stay in view.
		if _, err := a.CreateUser(ctx, sys, app.NewUser{Username: "auditor", Password: "rahasia-auditor",
			Roles: []model.RoleGrant{{Role: model.RoleAuditor}}}); err != nil {
			t.Fatal(err)
		}
		auditor := e.browser(t)
		auditor.signIn("auditor", "rahasia-auditor")
		if resp, _ := auditor.post(action+"/rekomendasi", url.Values{"source": {"inspektorat"}, "capaian": {"butuh_perbaikan"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("the Inspektorat's own: %d", resp.StatusCode)
		}
		if _, body := bkpsdm.get(page); !strings.Contains(body, `class="superseded"`) ||
			!strings.Contains(html.UnescapeString(body), "Diganti oleh rekomendasi Inspektorat sendiri") ||
			!strings.Contains(html.UnescapeString(body), "atas nama Inspektorat: "+letter) {
			t.Errorf("the page after the Inspektorat's own: %s", body)
		}
		resp, _ = bkpsdm.post(action+"/rekomendasi", url.Values{"source": {"bkpsdm"}, "capaian": {"butuh_perbaikan"}, "note": {"Dua temuan belum ditindaklanjuti."}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("recommend: %d", resp.StatusCode)
		}
		if resp, _ := bkpsdm.post(action, url.Values{"capaian": {"baik"}, "basis": {"x"}, "version": {"1"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("BKPSDM set it: %d", resp.StatusCode)
		}

		// The Kepala Dinas reads their OPD only, with the recommendation, and no form.
		_, body = kadis.get(page)
		if !strings.Contains(body, "Dua temuan belum ditindaklanjuti.") || !strings.Contains(body, "BKPSDM") ||
			!strings.Contains(html.UnescapeString(body), "atas nama Inspektorat: "+letter) || !strings.Contains(body, "Dicatat oleh ") ||
			strings.Contains(body, "Dinas Kesehatan") || strings.Contains(body, `method="post" action="`+action) {
			t.Errorf("the Kepala Dinas's page: %s", body)
		}
	})
}
