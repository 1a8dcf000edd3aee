package web_test

import (
	"bytes"
	"context"
	"html"
	"io"
	"mime/multipart"
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
		pct, err := a.AddIndicator(ctx, staffActor, skp.Version+2, model.Indicator{RHKID: rhk.ID, Aspect: model.AspectKualitas,
			Description: "Modul yang lolos uji", Target: "90", Unit: "%"})
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
		if !strings.Contains(body, `name="value.`+in.ID+`"`) || !strings.Contains(body, `name="value.`+pct.ID+`"`) || !strings.Contains(body, "Target: 12 modul") {
			t.Fatal("the owner has no realisasi form for the open period")
		}
		// One form, one button, for every indicator of the period.
		if n := strings.Count(body, `form="realisasi-form"`); n < 8 || strings.Count(body, `type="submit" form="realisasi-form"`) != 1 {
			t.Errorf("the page does not save the period in one form: %d fields", n)
		}
		both := func(v1, v2 string) url.Values {
			return url.Values{"periode": {month.ID}, "indicator": {in.ID, pct.ID}, "version." + in.ID: {"0"}, "version." + pct.ID: {"0"},
				"value." + in.ID: {v1}, "basis." + in.ID: {"Modul antrean dan notifikasi"}, "value." + pct.ID: {v2}}
		}
		// Each value is checked against its unit; nothing is saved while
		// one is refused, and everything typed comes back.
		for _, tt := range []struct{ modul, percent, want1, want2 string }{
			{"banyak", "-5", "Modul yang diperbarui: isi dengan angka saja", "Modul yang lolos uji: realisasi tidak boleh kurang dari 0"},
			{"1e9", "101", "Modul yang diperbarui: isi dengan angka saja", "Modul yang lolos uji: persentase diisi dari 0 sampai 100"},
			{"1000000000", "95", "lebih dari sepuluh kali target setahun (12 modul)", ""},
		} {
			resp, body := staff.post(page, both(tt.modul, tt.percent))
			body = html.UnescapeString(body)
			if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tt.want1) || !strings.Contains(body, tt.want2) {
				t.Errorf("%q and %q: %d", tt.modul, tt.percent, resp.StatusCode)
			}
			if !strings.Contains(body, `value="`+tt.modul+`"`) || !strings.Contains(body, `value="`+tt.percent+`"`) || !strings.Contains(body, "Modul antrean dan notifikasi</textarea>") {
				t.Errorf("%q and %q: what was typed is lost", tt.modul, tt.percent)
			}
		}
		if got, _ := s.RealisasiOf(ctx, skp.ID, month.ID); len(got) != 0 {
			t.Fatalf("a refused form saved %d realisasi", len(got))
		}
		resp, _ := staff.post(page, both("2", "95"))
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", resp.StatusCode)
		}
		if got, _ := s.RealisasiOf(ctx, skp.ID, month.ID); got[in.ID].Value != "2" || got[pct.ID].Value != "95" {
			t.Fatalf("saved: %+v", got)
		}
		// A second "first" save from a stale page is refused, not lost:
		// the value typed stays in the form.
		resp, body = staff.post(page, both("5", "95"))
		if resp.StatusCode != http.StatusConflict || !strings.Contains(body, "telah diubah") || !strings.Contains(body, `value="5"`) {
			t.Errorf("stale save: %d", resp.StatusCode)
		}
		_, body = kabid.get(page)
		if !strings.Contains(body, "<strong>2 modul</strong>") || !strings.Contains(body, "Riwayat perubahan (1)") {
			t.Error("the supervisor does not see the realisasi and its history")
		}
		// The running total of the year stands beside the yearly target.
		if !strings.Contains(body, "Sampai periode ini: 2 modul dari target setahun 12 modul") || !strings.Contains(body, "Terakhir tercatat: 95 %; target 90 %") {
			t.Error("no running total against the yearly target")
		}
		if strings.Contains(body, `name="value.`) {
			t.Error("the supervisor is offered the owner's form")
		}
		if !strings.Contains(body, `data-thread="realisasi:`) {
			t.Error("no feedback thread on the realisasi")
		}
		// Evidence goes with the form: a document goes, a program does
		// not, and a refused file keeps what was typed.
		back := page + "?periode=" + month.ID
		fields := map[string]string{"periode": month.ID, "indicator": in.ID, "version." + in.ID: "1", "value." + in.ID: "2",
			"basis." + in.ID: "Modul antrean dan notifikasi"}
		resp, _ = staff.postFile(page, fields, "file."+in.ID, "rekap modul.pdf", blob.SamplePDF("Rekap modul"))
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("attach: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		fields["value."+in.ID] = "3"
		resp, body = staff.postFile(page, fields, "file."+in.ID, "rekap.pdf", append([]byte("MZ\x90\x00"), bytes.Repeat([]byte{0}, 999)...))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "program Windows") || !strings.Contains(body, `value="3"`) {
			t.Errorf("a program as evidence: %d", resp.StatusCode)
		}
		re := field(t, body, `data-thread="realisasi:([0-9a-f]+)"`)
		if resp, _ := kabid.postMultipart("/bukti", map[string]string{"target_type": "realisasi", "target_id": re, "back": back}, "x.pdf", blob.SamplePDF("x")); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the supervisor attached to the owner's realisasi: %d", resp.StatusCode)
		}
		if _, body := kabid.get(back); !strings.Contains(body, "rekap modul.pdf") || !strings.Contains(body, "<strong>2 modul</strong>") {
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

// postFile sends a multipart form with one file in the field named.
func (b *browser) postFile(path string, fields map[string]string, field, name string, content []byte) (*http.Response, string) {
	b.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	f, _ := w.CreateFormFile(field, name)
	f.Write(content)
	w.Close()
	req, _ := http.NewRequest("POST", b.e.url+path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Origin", b.e.url)
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}
