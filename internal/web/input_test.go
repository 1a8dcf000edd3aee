package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestFormsRefuseHiddenCharactersAndHugeVersions: the web's two kinds of
// form keep the rule of the API. A direction or zero-width character in
// typed text is refused on an urlencoded form and on a multipart one
// (nothing is recorded); a file's name loses it; a version no database
// column can hold is a conflict on both engines, never a server error.
func TestFormsRefuseHiddenCharactersAndHugeVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		skp, rhk := staffSKP(t, e)
		approveSKP(t, e, skp.ID, rhk)
		staff, kabid := e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		_, body := staff.get("/progres")
		today := field(t, body, `name="date" type="date" value="([0-9-]+)"`)

		resp, _ := staff.post("/progres", url.Values{"date": {today}, "rhk_id": {rhk.ID}, "description": {"Rapat \u202Ekoordinasi"}, "minutes": {"30"}})
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("urlencoded with U+202E: %d", resp.StatusCode)
		}
		resp, body = staff.postMultipart("/progres", map[string]string{"date": today, "rhk_id": rhk.ID, "description": "Rapat\u200Bkoordinasi",
			"minutes": "30"}, "", nil)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "200B); hapus") {
			t.Errorf("multipart with U+200B: %d %s", resp.StatusCode, body)
		}
		if _, body := staff.get("/progres?tanggal=" + today); strings.Contains(body, `class="entry"`) {
			t.Error("a refused entry was recorded")
		}

		resp, _ = staff.postMultipart("/progres", map[string]string{"date": today, "rhk_id": rhk.ID, "description": "Dokumentasi",
			"minutes": "30"}, "foto\u202Egpj.jpg", blob.SampleJPEG(8, 8, 1))
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.Contains(loc, "#progress-") {
			t.Fatalf("entry with a photo: %d", resp.StatusCode)
		}
		id := loc[strings.Index(loc, "#progress-")+len("#progress-"):]
		if _, body := staff.get("/progres?tanggal=" + today); !strings.Contains(body, ">fotogpj.jpg</a>") || strings.Contains(body, "\u202E") {
			t.Error("the evidence file name keeps U+202E")
		}

		for _, v := range []string{"2147483653", "-1", "99999999999999999999"} {
			resp, _ = kabid.post("/progres/"+id+"/setujui", url.Values{"version": {v}})
			if resp.StatusCode != http.StatusConflict {
				t.Errorf("approve at version %s: %d", v, resp.StatusCode)
			}
		}
		if _, body := staff.get("/progres?tanggal=" + today); !strings.Contains(body, "Menunggu tanggapan") {
			t.Error("the entry did not stay waiting")
		}
	})
}
