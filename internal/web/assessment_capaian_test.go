package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app/apptest"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A capaian change that rewrites an OPD head's sent result shows on the
// result's page (its history, read as "how this result was reached", and
// its changes) with its cause, and the documents print it as the
// capaian's, with the predikat the rater sent in the rater's block.
func TestCapaianChangeOnTheResultPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		id, jan := apptest.SentHeadResult(t, e.s, e.o)
		wali, kadis := e.browser(t), e.browser(t)
		wali.signIn("walikota", "rahasia-wali")
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")
		v, err := e.s.UnitPerformance(t.Context(), e.o.Kominfo.ID, jan)
		if err != nil {
			t.Fatal(err)
		}
		resp, body := wali.post("/capaian-organisasi/"+e.o.Kominfo.ID+"/"+jan, url.Values{"capaian": {"kurang"}, "basis": {"Uji perubahan capaian"},
			"version": {strconv.Itoa(v.Version)}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("set the capaian: %d %s", resp.StatusCode, body)
		}
		for path, want := range map[string][]string{
			"/penilaian/" + id: {"Riwayat penetapan hasil ini", "mengubah capaian kinerja organisasi", "Capaian kinerja organisasi Istimewa → Kurang",
				"Uji perubahan capaian", "Perubahan hasil sesudah dikirim", "Karena perubahan capaian kinerja organisasi"},
			"/penilaian/" + id + "/dokumen":  {"PERUBAHAN SESUDAH DISAMPAIKAN", "bukan penilaian pejabat penilai kinerja", "Predikat yang disampaikan: SANGAT BAIK"},
			"/penilaian/" + id + "/evaluasi": {"PERUBAHAN SESUDAH DISAMPAIKAN", "Uji perubahan capaian", "Predikat yang disampaikan: SANGAT BAIK"},
		} {
			resp, body := kadis.get(path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", path, resp.StatusCode)
			}
			for _, w := range want {
				if !strings.Contains(body, w) {
					t.Errorf("%s lacks %q", path, w)
				}
			}
		}
	})
}
