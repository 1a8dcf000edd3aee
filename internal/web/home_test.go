package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The home page of a Plt names the acting post with its dates and leads
// to the desk where the post's staff's work waits.
func TestHomeNamesTheActingPost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		y := time.Now().Year()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			_, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt,
				Start: model.Date(fmt.Sprintf("%d-01-02", y)), End: model.Date(fmt.Sprintf("%d-12-31", y+1))})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		kabid := e.browser(t)
		kabid.signIn(storetest.NIPKabid, "rahasia-kabid")
		_, body := kabid.get("/")
		acting := between(body, `<h2 id="acting">`, "</section>")
		for _, want := range []string{fmt.Sprintf("Plt. Sekretaris sejak 2 Januari %d sampai 31 Desember %d", y, y+1), "Sekretariat",
			`<a href="/meja">Meja kerja: 1 staf jabatan ini</a>`} {
			if !strings.Contains(acting, want) {
				t.Errorf("the Plt's home page lacks %q in %q", want, acting)
			}
		}
		staff := e.browser(t)
		staff.signIn(storetest.NIPStaff1, "rahasia-staf1")
		if _, body := staff.get("/"); strings.Contains(body, `id="acting"`) {
			t.Error("the home page of someone who acts in nothing names acting posts")
		}
	})
}
