package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestEmployeePageEndsAndMergesWithConfirmation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin, staff := e.browser(t), e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		page := "/pegawai/" + e.o.Staff1.ID

		if _, body := staff.get(page); strings.Contains(body, "/akhiri-kepegawaian") || strings.Contains(body, "/gabungkan") {
			t.Error("an ASN sees the end or merge form")
		}
		if resp, _ := staff.post("/pegawai/"+e.o.Staff3.ID+"/akhiri-kepegawaian", url.Values{"confirm": {"1"}, "end_kind": {"pensiun"},
			"tmt": {"2026-01-01"}, "end_decree": {"SK-1"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ASN ended someone's employment: %d", resp.StatusCode)
		}
		_, body := admin.get(page)
		for _, want := range []string{`action="/pegawai/` + e.o.Staff1.ID + `/akhiri-kepegawaian"`, `action="/pegawai/` + e.o.Staff1.ID + `/gabungkan"`,
			"Meninggal dunia", "Gabungkan dengan…"} {
			if !strings.Contains(body, want) {
				t.Errorf("the admin's page lacks %q", want)
			}
		}
		form := url.Values{"end_kind": {"pindah_instansi"}, "tmt": {"2026-01-01"}, "end_decree": {"800/9/BKPSDM/2026"}}
		resp, body := admin.post(page+"/akhiri-kepegawaian", form)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Centang kotak ini") || !strings.Contains(body, "800/9/BKPSDM/2026") {
			t.Errorf("without confirmation: %d", resp.StatusCode)
		}
		bad := url.Values{"confirm": {"1"}, "end_kind": {""}, "tmt": {"2026-01-01"}, "end_decree": {""}}
		if resp, body := admin.post(page+"/akhiri-kepegawaian", bad); resp.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "Pilih alasan") || !strings.Contains(body, "Isi nomor SK") {
			t.Errorf("without a reason and SK: %d", resp.StatusCode)
		}
		form.Set("confirm", "1")
		if resp, _ := admin.post(page+"/akhiri-kepegawaian", form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("end: %d", resp.StatusCode)
		}
		_, body = admin.get(page + "?ok=akhir")
		for _, want := range []string{"Kepegawaian diakhiri.", "Pindah ke instansi lain", "800/9/BKPSDM/2026", "/batal-akhiri"} {
			if !strings.Contains(body, want) {
				t.Errorf("the page after the end lacks %q", want)
			}
		}
		// Nothing more is done with the person: no placement or substitute
		// rater form, and a post straight to them says why (409).
		for _, gone := range []string{`action="/pegawai/` + e.o.Staff1.ID + `/penempatan"`, `action="/pegawai/` + e.o.Staff1.ID + `/penilai"`, "/akhiri-kepegawaian"} {
			if strings.Contains(body, gone) {
				t.Errorf("the page after the end still offers %q", gone)
			}
		}
		if resp, body := admin.post(page+"/penempatan", url.Values{"position_code": {e.o.PosAdm.Code}, "kind": {"plt"}, "start": {"2026-03-02"}}); resp.StatusCode != http.StatusConflict ||
			!strings.Contains(body, "sudah berakhir") {
			t.Errorf("a placement of the ended person: %d", resp.StatusCode)
		}
		// Ended twice: a conflict naming the end in force, shown above the
		// forms of the page (the cancellation stays at hand).
		if resp, body := admin.post(page+"/akhiri-kepegawaian", url.Values{"confirm": {"1"}, "end_kind": {"meninggal"}, "tmt": {"2026-02-02"}, "end_decree": {"800/99/BKPSDM/2026"}}); resp.StatusCode != http.StatusConflict ||
			!strings.Contains(body, "data-conflict") || !strings.Contains(body, "sudah berakhir: Pindah ke instansi lain") || !strings.Contains(body, "/batal-akhiri") {
			t.Errorf("an employment ended twice: %d", resp.StatusCode)
		}
		if ends, _ := s.EmploymentEnds(context.Background(), e.o.Staff1.ID); len(ends) != 1 || ends[0].Kind != model.EndPindahInstansi {
			t.Errorf("the ends after ending twice: %+v", ends)
		}
		if resp, _ := staff.get("/pegawai"); resp.StatusCode == http.StatusOK {
			t.Error("the ended employee's session still works")
		}
		// The directory still finds the person, marked as no longer active.
		if _, body := admin.get("/pegawai?q=" + url.QueryEscape(storetest.NIPStaff1)); !strings.Contains(body, e.o.Staff1.NIP) || !strings.Contains(body, "Tidak aktif") {
			t.Error("the directory does not mark the ended record as inactive")
		}

		// Merge: the other record must exist, and the box be ticked.
		resp, body = admin.post("/pegawai/"+e.o.Staff3.ID+"/gabungkan", url.Values{"other_nip": {"199901012020011001"}, "keep": {"this"}, "confirm": {"1"}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tidak ada pegawai dengan NIP itu") {
			t.Errorf("merge with nobody: %d", resp.StatusCode)
		}
		// Rudi and Andi: neither name nor birth date alike, so a reason.
		resp, body = admin.post("/pegawai/"+e.o.Staff3.ID+"/gabungkan", url.Values{"other_nip": {storetest.NIPStaff1}, "keep": {"this"}, "confirm": {"1"}})
		if resp.StatusCode != 422 || !strings.Contains(body, "tidak tampak sebagai orang yang sama") {
			t.Errorf("merge of unlike records without a reason: %d", resp.StatusCode)
		}
		resp, body = admin.post("/pegawai/"+e.o.Staff3.ID+"/gabungkan", url.Values{"other_nip": {storetest.NIPStaff1}, "keep": {"this"}, "confirm": {"1"},
			"unlike": {"1"}, "unlike_reason": {"pendek"}})
		if resp.StatusCode != 422 || !strings.Contains(body, "paling sedikit 10 karakter") {
			t.Errorf("merge of unlike records with a short reason: %d", resp.StatusCode)
		}
		resp, _ = admin.post("/pegawai/"+e.o.Staff3.ID+"/gabungkan", url.Values{"other_nip": {storetest.NIPStaff1}, "keep": {"this"}, "confirm": {"1"},
			"unlike": {"1"}, "unlike_reason": {"Koreksi NIP oleh BKN, surat 123/BKN/2026"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/pegawai/"+e.o.Staff3.ID+"?ok=gabung" {
			t.Fatalf("merge the ended record into Staff3: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		_, body = admin.get(page)
		if !strings.Contains(body, "sudah digabung ke catatan "+e.o.Staff3.FullName()) || !strings.Contains(body, `href="/pegawai/`+e.o.Staff3.ID+`"`) ||
			strings.Contains(body, "/gabungkan") {
			t.Error("the merged record's page does not say where it went, or still offers a merge")
		}
		// The directory says "merged", leading to the record kept.
		if _, body := admin.get("/pegawai?status=nonaktif"); !strings.Contains(body, `<a class="status status-acting" href="/pegawai/`+e.o.Staff3.ID+`">Digabung</a>`) {
			t.Error("the directory does not mark the merged record as merged")
		}
		// The audit log names the merge's parts in the reader's words.
		if _, body := admin.get("/audit?entity_type=employee"); !strings.Contains(body, "Catatan yang dipertahankan") || !strings.Contains(body, "Catatan yang digabung") {
			t.Error("the audit log does not name the merge's records")
		}
		// A merge ends no employment: the page does not speak of one.
		if strings.Contains(body, "Kepegawaian "+e.o.Staff1.FullName()+" sudah berakhir") || strings.Contains(body, "Pindah ke instansi lain") {
			t.Error("the merged record's page speaks of an end of employment")
		}
		// The account moved to the record kept, which is employed: it signs in again, with that NIP.
		again := e.browser(t)
		again.signIn(storetest.NIPStaff3, "rahasia-staf1")
		if resp, _ := again.get("/pegawai"); resp.StatusCode != http.StatusOK {
			t.Errorf("the moved account's directory: %d", resp.StatusCode)
		}
	})
}

// The home page's count of active people leads to the active people
// only; the directory marks someone whose employment ended, with no empty
// cells.
func TestDirectoryTellsActiveFromEnded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		if resp, _ := admin.post("/pegawai/"+e.o.Staff1.ID+"/akhiri-kepegawaian", url.Values{"confirm": {"1"}, "end_kind": {"pensiun"},
			"tmt": {"2026-01-01"}, "end_decree": {"SK-1"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("end: %d", resp.StatusCode)
		}
		if _, body := admin.get("/"); !strings.Contains(body, `href="/pegawai?status=aktif"`) {
			t.Error("the count of active people does not lead to them")
		}
		_, body := admin.get("/pegawai?status=aktif")
		if strings.Contains(body, "Andi Pratama") || !strings.Contains(body, "Dewi Lestari") || !strings.Contains(body, `value="aktif" selected`) {
			t.Error("the list of active people is not that")
		}
		_, body = admin.get("/pegawai?status=nonaktif")
		if !strings.Contains(body, "Andi Pratama") || strings.Contains(body, "Dewi Lestari") {
			t.Error("the list of people who left is not that")
		}
		i := strings.Index(body, "Andi Pratama")
		row := body[i:]
		row = row[:strings.Index(row, "</tr>")]
		if !strings.Contains(row, "<td data-label=\"Jabatan\">—</td>") || strings.Count(row, "Tidak aktif") != 2 {
			t.Errorf("the row of someone who left: %s", row)
		}
	})
}

// When the post of someone who left was given to another, their page
// says why the end can no longer be cancelled instead of offering it.
func TestEmployeePageSaysWhyAnEndStays(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		admin := e.browser(t)
		admin.signIn("admin", "rahasia-admin")
		page := "/pegawai/" + e.o.Kabid.ID
		if resp, _ := admin.post(page+"/akhiri-kepegawaian", url.Values{"confirm": {"1"}, "end_kind": {"pensiun"},
			"tmt": {"2026-01-01"}, "end_decree": {"SK-1"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("end: %d", resp.StatusCode)
		}
		if _, body := admin.get(page); !strings.Contains(body, "/batal-akhiri") {
			t.Fatal("the cancellation is not offered")
		}
		if resp, _ := admin.post("/pegawai/"+e.o.Staff3.ID+"/penempatan", url.Values{"position_code": {"KOMINFO-KABID"}, "kind": {"definitif"},
			"start": {"2026-01-02"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("placing the new head: %d", resp.StatusCode)
		}
		_, body := admin.get(page)
		if strings.Contains(body, "/batal-akhiri") || !strings.Contains(body, "data-cancel-refused") || !strings.Contains(body, "kini dijabat Rudi Hartono") {
			t.Error("the page does not say why the end stays")
		}
	})
}
