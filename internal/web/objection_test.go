package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// objectionSetup serves an instansi where Staff1's annual result for 2026
// was rated by Kabid (sesuai/sesuai, Baik) and received today, with
// accounts for Staff1, Kabid and Kadis. It is made final through the
// store: finalising through app needs the OPD's capaian kinerja
// organisasi, which another part of penilaian records.
func objectionSetup(t *testing.T, s *store.Store) (env, model.Assessment) {
	t.Helper()
	a, o, as := apptest.ReceivedAnnualResult(t, s)
	ts := httptest.NewServer(server.New(a))
	t.Cleanup(ts.Close)
	return env{url: ts.URL, o: o, s: s}, as
}

func TestObjectionPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, as := objectionSetup(t, s)
		staff, kabid, kadis := e.browser(t), e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")

		form := "/penilaian/" + as.ID + "/keberatan"
		resp, body := staff.get(form)
		if resp.StatusCode != 200 || !strings.Contains(body, `name="reason"`) || !strings.Contains(body, "Batas akhir pengajuan keberatan") ||
			strings.Contains(body, `<li><a href="/keberatan"`) {
			t.Fatalf("the form: %d %s", resp.StatusCode, body)
		}
		if _, body := kabid.get(form); strings.Contains(body, `name="reason"`) {
			t.Error("the rater is offered the form to object")
		}
		resp, body = staff.post(form, url.Values{"reason": {"  "}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tuliskan alasan keberatan") {
			t.Errorf("an empty reason: %d", resp.StatusCode)
		}
		resp, _ = staff.post(form, url.Values{"reason": {"Realisasi saya melampaui target <b>dua</b> indikator."}})
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/keberatan/") {
			t.Fatalf("object: %d %s", resp.StatusCode, loc)
		}
		resp, body = staff.get(loc)
		if resp.StatusCode != 200 || !strings.Contains(body, "melampaui target &lt;b&gt;dua&lt;/b&gt;") || !strings.Contains(body, "Menunggu penjelasan dari Siti Rahmawati") ||
			!strings.Contains(body, `name="target_type" value="objection"`) || !strings.Contains(body, `<li><a href="/keberatan"`) {
			t.Errorf("the objection's page for its employee: %d %s", resp.StatusCode, body)
		}
		if resp, _ := staff.get(form); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != loc {
			t.Errorf("the form once objected: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}

		// The rater finds it on /keberatan and explains.
		resp, body = kabid.get("/keberatan")
		if resp.StatusCode != 200 || !strings.Contains(body, loc) || !strings.Contains(body, "Menunggu penjelasan pejabat penilai") {
			t.Errorf("the rater's list: %d %s", resp.StatusCode, body)
		}
		if _, body := kadis.get(loc); strings.Contains(body, `name="decision"`) {
			t.Error("the atasan is offered a decision before the explanation")
		}
		// The atasan's page lists what waits for them and their own: not
		// yet this one, which they read all the same.
		if _, body := kadis.get("/keberatan"); strings.Contains(body, loc) {
			t.Error("the atasan's keberatan page lists an objection that does not wait for them")
		}
		resp, _ = kabid.post(loc+"/penjelasan", url.Values{"explanation": {"Dua indikator belum didukung bukti."}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("explain: %d", resp.StatusCode)
		}
		if _, body := kadis.get("/keberatan"); !strings.Contains(body, loc) {
			t.Error("the atasan's keberatan page does not list the objection waiting for their decision")
		}
		resp, _ = staff.post(loc+"/penjelasan", url.Values{"explanation": {"Saya sendiri"}})
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("the employee explained: %d", resp.StatusCode)
		}

		// The atasan decides: a change to a predikat that follows.
		resp, body = kadis.get(loc)
		if resp.StatusCode != 200 || !strings.Contains(body, `name="decision"`) || !strings.Contains(body, "Dua indikator belum didukung bukti.") {
			t.Fatalf("the atasan's page: %d %s", resp.StatusCode, body)
		}
		resp, body = kadis.post(loc+"/keputusan", url.Values{"decision": {"change"}, "hasil_kerja": {"di_atas"}, "perilaku_kerja": {"di_atas"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tuliskan catatan keputusan") {
			t.Errorf("a decision without a note: %d", resp.StatusCode)
		}
		linksToOwnField(t, "a decision without a note", body, "note", "Tuliskan catatan keputusan")
		// "Keep" with a rating changed on the form is refused, not dropped.
		resp, body = kadis.post(loc+"/keputusan", url.Values{"decision": {"keep"}, "hasil_kerja": {"sesuai"}, "perilaku_kerja": {"di_bawah"},
			"note": {"Tetap."}})
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("keep with a changed rating: %d", resp.StatusCode)
		}
		linksToOwnField(t, "keep with a changed rating", body, "perilaku_kerja", "Keputusan &#34;tetap&#34; mempertahankan rating")
		resp, _ = kadis.post(loc+"/keputusan", url.Values{"decision": {"change"}, "hasil_kerja": {"di_atas"}, "perilaku_kerja": {"di_atas"},
			"note": {"Bukti mendukung."}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("decide: %d", resp.StatusCode)
		}
		resp, body = staff.get(loc)
		if resp.StatusCode != 200 || !strings.Contains(body, "Hasil penilaian diubah") || !strings.Contains(body, "<strong>Sangat Baik</strong>") ||
			strings.Contains(body, `name="decision"`) || strings.Contains(body, `type="file"`) {
			t.Errorf("the page after the decision: %d %s", resp.StatusCode, body)
		}
		if got, _ := e.s.Assessment(context.Background(), as.ID); got.Predikat != model.PredikatSangatBaik {
			t.Errorf("the assessment after the decision: %+v", got)
		}
		resp, _ = kadis.post(loc+"/keputusan", url.Values{"decision": {"keep"}, "note": {"Lagi"}})
		if resp.StatusCode == http.StatusSeeOther {
			t.Error("a second decision was taken")
		}

		// BKPSDM lets periodic results be objected to on the year page.
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		if resp, _ := staff.post("/tahun/keberatan", url.Values{"periodic": {"1"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN changed the setting: %d", resp.StatusCode)
		}
		if resp, _ := admin.post("/tahun/keberatan", url.Values{"periodic": {"1"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("set periodic objections: %d", resp.StatusCode)
		}
		if _, body := admin.get("/tahun"); !strings.Contains(body, `name="periodic" value="1" checked`) {
			t.Error("the year page does not show the setting on")
		}

		// BKPSDM's keberatan page lists the whole instansi's, filtered by
		// OPD and step; an ASN's does not.
		oid := strings.TrimPrefix(loc, "/keberatan/")
		for q, want := range map[string]bool{"": true, "?status=decided": true, "?status=submitted": false,
			"?opd=" + e.o.Kominfo.ID + "&status=decided": true} {
			resp, body := admin.get("/keberatan" + q)
			if resp.StatusCode != 200 || !strings.Contains(body, "Semua keberatan di instansi") || strings.Contains(body, `href="/keberatan/`+oid+`"`) != want {
				t.Errorf("BKPSDM's list%s: %d, lists the objection %v, want %v", q, resp.StatusCode, !want, want)
			}
			if said := strings.Count(body, "data-count>1 keberatan</p>"); want && said != 1 {
				t.Errorf("BKPSDM's list%s says %d times that it holds 1 objection, want once", q, said)
			}
		}
		if resp, _ := admin.get("/keberatan?status=open"); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("a step that is none: %d", resp.StatusCode)
		}
		if _, body := staff.get("/keberatan"); strings.Contains(body, "Semua keberatan di instansi") {
			t.Error("an ASN sees the instansi's objections")
		}
	})
}
