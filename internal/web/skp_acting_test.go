package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The SKP page offers a Plt the acting post beside the definitive one and
// starts the SKP of the post chosen.
func TestSKPPageOffersTheActingPost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		approvedBossSKP(t, e)
		ctx := context.Background()
		year := time.Now().Year()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt,
				Start: model.Date(fmt.Sprintf("%d-01-01", year))})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		kabid := e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		_, body := kabid.get("/skp")
		for _, want := range []string{`name="position_id"`, `value="` + e.o.PosKabid.ID + `">Kepala Bidang Aplikasi Informatika<`,
			`value="` + e.o.PosSekr.ID + `">Plt. Sekretaris (`} {
			if !strings.Contains(body, want) {
				t.Errorf("the SKP list lacks %s", want)
			}
		}
		resp, _ := kabid.post("/skp", url.Values{"year": {fmt.Sprint(year)}, "approach": {"kuantitatif"}, "position_id": {e.o.PosSekr.ID}})
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/skp/") {
			t.Fatalf("create the acting SKP: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		_, body = kabid.get(resp.Header.Get("Location"))
		if !strings.Contains(body, "Plt. Sekretaris") || !strings.Contains(body, "terpisah dari SKP jabatan definitif") {
			t.Errorf("the acting SKP page does not say which post it plans")
		}
		_, body = kabid.get("/skp")
		if !strings.Contains(body, "· Plt. Sekretaris") || strings.Contains(body, `value="`+e.o.PosSekr.ID+`"`) ||
			!strings.Contains(body, `value="`+e.o.PosKabid.ID+`"`) {
			t.Errorf("after starting it the list should show the acting SKP and offer only the definitive post")
		}
	})
}
