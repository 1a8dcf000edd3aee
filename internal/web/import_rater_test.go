package web_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The preview of a file that moves the Kabid away warns, without blocking,
// that her post becomes vacant and names everyone rated through it: the
// first five at once, the others behind "dan N lainnya", none left out.
func TestImportPreviewWarnsOfRaterChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		b := e.browser(t)
		b.signIn("admin", "rahasia-admin")
		staff := "NIP;NAMA;UNOR_ID;JABATAN_ID\n"
		for i := 1; i <= 5; i++ {
			staff += fmt.Sprintf("1998010120240110%02d;Staf Aplikasi %d;KOMINFO-APL;KOMINFO-PRAKOM\n", i, i)
		}
		_, page := b.postMultipart("/impor", nil, "staf.csv", []byte(staff))
		if strings.Contains(page, "data-import-warnings") {
			t.Errorf("warnings for a file that only adds staff under their head")
		}
		id := regexp.MustCompile(`name="upload_id" value="([0-9a-f]+)"`).FindStringSubmatch(page)
		if id == nil {
			t.Fatalf("no upload id in the preview:\n%s", page)
		}
		if resp, _ := b.post("/impor/terapkan", url.Values{"upload_id": {id[1]}}); resp.StatusCode != 200 {
			t.Fatalf("apply: %d", resp.StatusCode)
		}

		resp, html := b.postMultipart("/impor", nil, "mutasi.csv", []byte("NIP;NAMA;UNOR_ID;JABATAN_ID\n"+storetest.NIPKabid+";Siti Rahmawati;DINKES;DINKES-PERAWAT\n"))
		if resp.StatusCode != 200 || !strings.Contains(html, "data-import-warnings") || !strings.Contains(html, "data-import-apply") {
			t.Fatalf("preview: %d %s", resp.StatusCode, html)
		}
		if !strings.Contains(html, "Berkas ini mengubah pejabat penilai 8 pegawai") {
			t.Errorf("no word of the warnings beside the apply button:\n%s", html)
		}
		main := html[strings.Index(html, "data-import-warnings"):]
		main = main[:strings.Index(main, "</section>")]
		if !strings.Contains(main, `data-warning="vacant"`) || !strings.Contains(main, "Jabatan Kepala Bidang Aplikasi Informatika (Bidang Aplikasi Informatika) menjadi kosong: 7 pegawai") {
			t.Errorf("no vacant post named:\n%s", main)
		}
		if n := strings.Count(main, "data-warned="); n != 8 { // 7 staff, and the Kabid herself
			t.Errorf("%d people named, want 8:\n%s", n, main)
		}
		more := main[strings.Index(main, "data-warning-more"):]
		if !strings.Contains(more, "dan 2 lainnya") || strings.Count(more[:strings.Index(more, "</details>")], "data-warned=") != 2 {
			t.Errorf("the rest of the list:\n%s", more)
		}
		if !strings.Contains(main, "Budi Santoso") || !strings.Contains(main, `data-warning="rater_changed"`) {
			t.Errorf("the new rater or the Kabid's own change is not named:\n%s", main)
		}
	})
}

// The preview of a file that replaces the Kadis names, apart, the staff
// whose atasan pejabat penilai alone changes: the atasan before and after
// and the pejabat penilai who stays. They are not counted among those
// whose pejabat penilai changes.
func TestImportPreviewWarnsOfANewUpperRater(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		b := e.browser(t)
		b.signIn("admin", "rahasia-admin")
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPKadis + ";Budi Santoso;DINKES;DINKES-PERAWAT\n" +
			storetest.NIPStaff3 + ";Rudi Hartono;KOMINFO;KOMINFO-KADIS\n"
		resp, html := b.postMultipart("/impor", nil, "kadis.csv", []byte(file))
		if resp.StatusCode != 200 || !strings.Contains(html, "data-import-apply") {
			t.Fatalf("preview: %d %s", resp.StatusCode, html)
		}
		if !strings.Contains(html, "Berkas ini mengubah atasan pejabat penilai 2 pegawai yang pejabat penilainya tetap") {
			t.Errorf("no word of the atasan beside the apply button:\n%s", html)
		}
		i := strings.Index(html, `data-warning="upper_changed"`)
		if i < 0 {
			t.Fatalf("no warning of the atasan:\n%s", html)
		}
		group := html[i:]
		group = group[:strings.Index(group, "</div>")]
		if !strings.Contains(group, "Atasan pejabat penilai 2 pegawai berganti") || strings.Count(group, "data-upper-change") != 2 ||
			!strings.Contains(group, "Atasan pejabat penilai: Budi Santoso → <strong>Rudi Hartono</strong>") ||
			!strings.Contains(group, "pejabat penilai tetap: Siti Rahmawati") || !strings.Contains(group, `data-warned="`+storetest.NIPStaff1+`"`) {
			t.Errorf("the atasan's group:\n%s", group)
		}
		if strings.Contains(html, "Berkas ini mengubah pejabat penilai 4 pegawai") {
			t.Errorf("the staff whose rater stays are counted among the changed raters")
		}
	})
}
