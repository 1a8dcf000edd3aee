package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

func TestTeamPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		_, rhk := staffSKP(t, e)
		staff, kabid := e.browser(t), e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")

		if _, body := staff.get("/tim"); strings.Contains(body, `action="/tim"`) {
			t.Error("an ASN who rates nobody is offered to start a team")
		}
		resp, body := kabid.post("/tim", url.Values{"name": {"Tim Antrean Daring"}, "goal": {""}})
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Hasil kerja bersama tim wajib diisi") {
			t.Fatalf("team without a goal: %d", resp.StatusCode)
		}
		resp, _ = kabid.post("/tim", url.Values{"name": {"Tim Antrean Daring"}, "goal": {"Antrean layanan dapat diambil dari rumah"}})
		team := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(team, "/tim/") {
			t.Fatalf("start team: %d %s", resp.StatusCode, team)
		}
		if resp, body := kabid.post(team+"/anggota", url.Values{"nip": {"123"}}); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "NIP tidak ditemukan") {
			t.Errorf("unknown NIP: %d", resp.StatusCode)
		}
		if resp, _ := kabid.post(team+"/anggota", url.Values{"nip": {storetest.NIPStaff1}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("add member: %d", resp.StatusCode)
		}
		_, body = staff.get(team)
		if !strings.Contains(body, `<option value="`+rhk.ID+`">`) {
			t.Fatal("the member cannot link their RHK")
		}
		if strings.Contains(body, `action="`+team+`/anggota"`) {
			t.Error("a member who does not lead is offered to add members")
		}
		if _, body := kabid.get(team); !strings.Contains(body, `action="`+team+`/anggota"`) {
			t.Error("the lead is not offered to add members")
		}
		staff.post(team+"/rhk", url.Values{"rhk_id": {rhk.ID}})
		// The form shows the RHK linked, so saving it unchanged keeps it.
		if _, body := staff.get(team); !strings.Contains(body, `<option value="`+rhk.ID+`" selected>`) || strings.Contains(body, `<option value="" selected>`) {
			t.Error("the team page does not preselect the member's linked RHK")
		}
		if resp, _ := staff.post(team+"/apresiasi", url.Values{"to_id": {e.o.Kabid.ID}, "kind": {"thanks"}, "body": {"Terima kasih arahannya"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("kudos: %d", resp.StatusCode)
		}
		_, body = kabid.get(team)
		if !strings.Contains(body, "RHK: Terpeliharanya aplikasi layanan") || !strings.Contains(body, "Terima kasih arahannya") {
			t.Error("the team page lacks the linked RHK or the thanks")
		}
		if _, body := staff.get("/tim"); !strings.Contains(body, "Tim Antrean Daring") {
			t.Error("the member's team list lacks the team")
		}
	})
}
