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

// The unit pages list everyone holding a post, definitive first, then
// acting, each acting holder marked "Plt."/"Plh." with the dates: the
// Kepala Bidang with a Plh beside them, the functional post's two
// holders, the vacant Sekretaris post's Plt.
func TestUnitPagesListEveryHolder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s, false)
		ctx := context.Background()
		y := time.Now().Year()
		err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosKabid.ID, Kind: model.PlacementPlh,
				Start: model.Date(fmt.Sprintf("%d-01-05", y)), End: model.Date(fmt.Sprintf("%d-06-30", y+1))}); err != nil {
				return err
			}
			_, err := tx.Place(ctx, model.Placement{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt,
				Start: model.Date(fmt.Sprintf("%d-01-02", y))})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		b := e.browser(t)
		b.signIn(storetest.NIPStaff1, "rahasia-staf1")
		plh := fmt.Sprintf("Plh. sejak 5 Januari %d sampai 30 Juni %d", y, y+1)
		_, body := b.get("/unit/" + e.o.Aplikasi.ID)
		head := between(body, "<dt>Kepala</dt>", "</dd>")
		kabid, rudi := strings.Index(head, ">Siti Rahmawati</a>"), strings.Index(head, ">Rudi Hartono</a>")
		if kabid < 0 || rudi < kabid || !strings.Contains(head[rudi:], plh) || strings.Contains(head[:rudi], "Plh.") {
			t.Errorf("the head of the bidang reads %q", head)
		}
		row := between(body, "<td data-label=\"Jabatan\">Pranata Komputer Ahli Pertama</td>", "</tr>")
		if !strings.Contains(row, ">Andi Pratama</a>") || !strings.Contains(row, ">Dewi Lestari</a>") {
			t.Errorf("the functional post's holders read %q", row)
		}
		if _, body := b.get("/unit/" + e.o.Sekretariat.ID); !strings.Contains(between(body, "<dt>Kepala</dt>", "</dd>"),
			fmt.Sprintf("Plt. sejak 2 Januari %d", y)) {
			t.Errorf("the Sekretariat's head does not read as a Plt: %q", between(body, "<dt>Kepala</dt>", "</dd>"))
		}
		if _, body := b.get("/unit"); !strings.Contains(body, "Kepala: Siti Rahmawati, Rudi Hartono ("+plh+")") {
			t.Errorf("the unit tree does not list both heads of the bidang")
		}
	})
}

// between returns the text of s after from up to the next to, "" when
// from is not there.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}
