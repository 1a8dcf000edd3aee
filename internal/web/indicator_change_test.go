package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// On the SKP page each indicator of a draft has a change form and a
// remove button for its owner, not for the rater: a mistyped target is
// corrected in place, and removing the last indicator of an RHK says why
// it is refused.
func TestChangeAndRemoveAnIndicatorOnTheSKPPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		approvedBossSKP(t, e)
		kabid, kadis, staff := e.browser(t), e.browser(t), e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		kadis.signIn(storetest.NIPKadis, "rahasia-kadis")
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		version := func(body string) string { return field(t, body, `name="version" value="(\d+)"`) }

		_, body := kabid.get("/skp")
		resp, _ := kabid.post("/skp", url.Values{"year": {field(t, body, `name="year" value="(\d+)"`)}, "approach": {"kuantitatif"}})
		skp := resp.Header.Get("Location")
		_, body = kabid.get(skp)
		parent := field(t, body, `<option value="([0-9a-f]+)">Meningkatnya layanan digital kota`)
		kabid.post(skp+"/rhk", url.Values{"version": {version(body)}, "kind": {"utama"}, "description": {"Tersedianya aplikasi layanan"}, "parent_rhk_id": {parent}})
		_, body = kabid.get(skp)
		rhk := field(t, body, `name="rhk_id" value="([0-9a-f]+)"`)
		kabid.post(skp+"/indikator", url.Values{"version": {version(body)}, "rhk_id": {rhk},
			"aspect": {"kuantitas"}, "description": {"Modul aplikasi"}, "target": {"40"}, "unit": {"modul"}})
		_, body = kabid.get(skp)
		ind := field(t, body, `action="/skp/[0-9a-f]+/indikator/([0-9a-f]+)/ubah"`)
		if !strings.Contains(body, `action="`+skp+`/indikator/`+ind+`/hapus" class="inline" data-confirm="Hapus indikator ini?"`) ||
			!strings.Contains(body, `id="iki-target-`+ind+`" name="target" value="40"`) {
			t.Fatal("the owner's draft offers no change form with the indicator's values, or no remove button")
		}
		if _, rb := kadis.get(skp); strings.Contains(rb, "/indikator/"+ind+"/") {
			t.Error("the rater is offered to change the subordinate's indicator")
		}
		if r, _ := staff.post(skp+"/indikator/"+ind+"/ubah", url.Values{"version": {version(body)}, "target": {"1"}}); r.StatusCode != http.StatusNotFound {
			t.Errorf("a colleague changed the indicator: %d", r.StatusCode)
		}
		r, b := kabid.post(skp+"/indikator/"+ind+"/hapus", url.Values{"version": {version(body)}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(b, "satu-satunya indikator RHK-nya") {
			t.Errorf("removing the last indicator: %d", r.StatusCode)
		}
		r, _ = kabid.post(skp+"/indikator/"+ind+"/ubah", url.Values{"version": {version(body)}, "aspect": {"kuantitas"},
			"description": {"Modul aplikasi"}, "target": {"4"}, "unit": {"modul"}})
		if r.StatusCode != http.StatusSeeOther || !strings.HasSuffix(r.Header.Get("Location"), "#iki-"+ind) {
			t.Fatalf("change: %d %s", r.StatusCode, r.Header.Get("Location"))
		}
		_, body = kabid.get(skp)
		if !strings.Contains(body, "<strong>4 modul</strong>") || strings.Contains(body, "<strong>40 modul</strong>") {
			t.Error("the changed target is not shown")
		}
		r, b = kabid.post(skp+"/indikator/"+ind+"/ubah", url.Values{"version": {version(body)}, "aspect": {"kuantitas"},
			"description": {"Modul aplikasi"}, "target": {" "}, "unit": {"modul"}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(b, `role="alert"`) {
			t.Errorf("an empty target: %d", r.StatusCode)
		}
		kabid.post(skp+"/indikator", url.Values{"version": {version(body)}, "rhk_id": {rhk},
			"aspect": {"waktu"}, "description": {"Tepat waktu"}, "target": {"12"}, "unit": {"bulan"}})
		_, body = kabid.get(skp)
		if r, _ := kabid.post(skp+"/indikator/"+ind+"/hapus", url.Values{"version": {version(body)}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("remove: %d", r.StatusCode)
		}
		if _, body = kabid.get(skp); strings.Contains(body, "Modul aplikasi") || !strings.Contains(body, "Tepat waktu") {
			t.Error("the removed indicator is still shown, or the other one is gone")
		}
	})
}
