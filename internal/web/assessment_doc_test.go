package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// docFixture gives Staff1 a final January assessment rated by the Kepala
// Bidang in a Kominfo whose capaian the Wali Kota set; it makes the users
// "walikota" and Staff2 and answers the assessment's and January's ids.
func docFixture(t *testing.T, e env) (assessmentID, periodID string) {
	t.Helper()
	return apptest.SentJanuaryResult(t, e.s, e.o, "Tingkatkan dokumentasi bukti dukung")
}

// The printable documents show the regulation's sections and link their
// PDF; the owner and the rater open them, a colleague does not; the
// Penetapan opens for the Wali Kota.
func TestAssessmentDocumentPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		id, jan := docFixture(t, e)
		staff, kabid, colleague, wali := e.browser(t), e.browser(t), e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		colleague.signIn(storetest.NIPStaff2, "rahasia-staf2")
		wali.signIn("walikota", "rahasia-wali")
		pages := []struct {
			path string
			want []string
		}{
			{"/penilaian/" + id + "/dokumen", []string{"DOKUMEN EVALUASI KINERJA PEGAWAI", "PEGAWAI YANG DINILAI", "ATASAN PEJABAT PENILAI KINERJA",
				storetest.NIPStaff1, storetest.NIPKabid, storetest.NIPKadis, "CAPAIAN KINERJA ORGANISASI", "PREDIKAT KINERJA PEGAWAI", "BAIK",
				"Tingkatkan dokumentasi bukti dukung", "KEBERATAN", "PENJELASAN PEJABAT PENILAI", "KEPUTUSAN ATASAN", `href="/penilaian/` + id + `/dokumen.pdf"`,
				"document.css"}},
			{"/penilaian/" + id + "/evaluasi", []string{"EVALUASI KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF", "PERIODE: JANUARI 2026",
				"POLA DISTRIBUSI", "<svg", "Tersusunnya laporan layanan", ">1 layanan<", "(target tahunan 12 layanan)", "RATING HASIL KERJA", "SESUAI EKSPEKTASI",
				"RATING PERILAKU KERJA", "Berorientasi Pelayanan", "PREDIKAT KINERJA PEGAWAI", `href="/penilaian/` + id + `/evaluasi.pdf"`}},
		}
		for _, p := range pages {
			for name, b := range map[string]*browser{"owner": staff, "rater": kabid} {
				resp, body := b.get(p.path)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("%s for the %s: %d", p.path, name, resp.StatusCode)
				}
				for _, w := range p.want {
					if !strings.Contains(body, w) {
						t.Errorf("%s for the %s lacks %q", p.path, name, w)
					}
				}
				if resp, _ := b.get(p.path + ".pdf"); resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" {
					t.Errorf("%s.pdf for the %s: %d %s", p.path, name, resp.StatusCode, resp.Header.Get("Content-Type"))
				}
			}
			if resp, _ := colleague.get(p.path); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s for a colleague: %d", p.path, resp.StatusCode)
			}
			if resp, _ := colleague.get(p.path + ".pdf"); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s.pdf for a colleague: %d", p.path, resp.StatusCode)
			}
		}
		pen := "/capaian-organisasi/" + e.o.Kominfo.ID + "/" + jan + "/penetapan"
		resp, body := wali.get(pen)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("penetapan: %d", resp.StatusCode)
		}
		for _, w := range []string{"PENETAPAN PREDIKAT KINERJA ORGANISASI", e.o.Kominfo.Name, "Capaian Perjanjian Kinerja Januari", "REKOMENDASI",
			"POLA DISTRIBUSI", `class="marked"`, e.o.WaliKota.Name, `href="` + pen + `.pdf"`,
			"Jumlah pegawai: 1", "dihitung sekali", "<strong>(dilanggar)</strong>", "kurang dari 10"} {
			if !strings.Contains(body, w) {
				t.Errorf("the penetapan lacks %q", w)
			}
		}
		if resp, _ := wali.get(pen + ".pdf"); resp.Header.Get("Content-Type") != "application/pdf" {
			t.Errorf("penetapan PDF: %d", resp.StatusCode)
		}
		if _, list := wali.get("/capaian-organisasi?periode=" + jan); !strings.Contains(list, `href="`+pen+`"`) {
			t.Error("the capaian page does not link the penetapan")
		}
		if resp, _ := colleague.get(pen); resp.StatusCode != http.StatusNotFound {
			t.Errorf("the penetapan for staff: %d", resp.StatusCode)
		}

		// The employee's block is dated only once they confirm the
		// result; the atasan's, with no keberatan decided, never.
		for _, path := range []string{"/penilaian/" + id + "/dokumen", "/penilaian/" + id + "/evaluasi"} {
			_, body := staff.get(path)
			if !strings.Contains(body, "Disampaikan secara elektronik") || strings.Contains(body, "Dinyatakan diterima") ||
				strings.Contains(body, "Diterima secara elektronik") || !strings.Contains(body, ", ....................") {
				t.Errorf("%s before the confirmation: the employee's block is dated or the rater's is not", path)
			}
		}
		if resp, _ := staff.post("/penilaian/"+id+"/terima", nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("confirm: %d", resp.StatusCode)
		}
		_, body = staff.get("/penilaian/" + id + "/evaluasi")
		if !strings.Contains(body, "Dinyatakan diterima secara elektronik") || strings.Contains(body, ", ....................") {
			t.Error("the evaluasi after the confirmation leaves the employee's block undated")
		}
		_, body = staff.get("/penilaian/" + id + "/dokumen")
		if !strings.Contains(body, "Dinyatakan diterima secara elektronik") || strings.Count(body, ", ....................") != 1 ||
			strings.Contains(body, "Diputuskan secara elektronik") {
			t.Error("the dokumen after the confirmation: the employee undated, or the atasan dated without a decision")
		}
	})
}
