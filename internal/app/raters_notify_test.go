package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// ratersNotices lists the "now waits for your approval" notifications of
// an employee, newest first.
func ratersNotices(t *testing.T, s *store.Store, employeeID string) []model.Notification {
	t.Helper()
	ns, err := s.Notifications(context.Background(), employeeID, 50)
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Notification
	for _, n := range ns {
		if n.Kind == "skp.raters" {
			out = append(out, n)
		}
	}
	return out
}

// Only a new pejabat penilai hears that an SKP now waits for them: the
// Kadis, made Plt of the Kabid's post (under her own), is told once;
// later changes that leave her the rater (a Plh for her own post, which
// changes the atasan of the Kabid's staff; an end of her Plt set ahead)
// tell her nothing. The Pengadministrasi of the Sekretariat, Plt from the
// day after hers ends, is told on that day, when the SKP becomes theirs.
// (Not the Kepala Dinas Kesehatan: rated on that Plt SKP by the Plh of the
// Kadis's post, the Nurse he rates, he would rate himself.)
func TestOnlyANewRaterIsTold(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _, skps, _ := raterEnv(t, s)
		ctx := context.Background()
		plt, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Kadis.ID, PositionID: e.o.PosKabid.ID,
			Kind: model.PlacementPlt, Start: "2026-03-02", Decree: "800/13/BKPSDM/2026"})
		if err != nil {
			t.Fatal(err)
		}
		if got := ratersNotices(t, s, e.o.Kadis.ID); len(got) != 1 || got[0].Args[0] != skps["staff1"].Employee.Name || got[0].Args[2] != e.o.Kabid.FullName() {
			t.Fatalf("the Plt after her placement: %+v", got)
		}
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Nurse.ID, PositionID: e.o.PosKadis.ID,
			Kind: model.PlacementPlh, Start: "2026-03-02", Decree: "800/14/BKPSDM/2026"}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SKP(ctx, skps["staff1"].ID); got.Rater.EmployeeID != e.o.Kadis.ID || got.UpperRater.EmployeeID != e.o.Nurse.ID {
			t.Fatalf("with a Plh for the Plt's own post the SKP names %+v above %+v", got.Rater, got.UpperRater)
		}
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Kadis.ID, plt.ID, "2026-03-09"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosKabid.ID,
			Kind: model.PlacementPlt, Start: "2026-03-10", Decree: "800/15/BKPSDM/2026"}); err != nil {
			t.Fatal(err)
		}
		if got := ratersNotices(t, s, e.o.Kadis.ID); len(got) != 1 || got[0].Variant != "" {
			t.Errorf("changes that leave her the rater told her again: %+v", got)
		}
		if got := ratersNotices(t, s, e.o.Staff3.ID); len(got) != 0 {
			t.Errorf("the next Plt was told before the SKP is hers: %+v", got)
		}

		e.clock.add(8 * 24 * time.Hour) // 10 March: the next Plt's first day
		if _, err := e.a.SyncRaters(ctx); err != nil {
			t.Fatal(err)
		}
		got := ratersNotices(t, s, e.o.Staff3.ID)
		if len(got) != 1 || got[0].Link != "/skp/"+skps["staff1"].ID {
			t.Fatalf("the next Plt on her first day: %+v", got)
		}
		if title, _ := app.RenderNotification("id", got[0]); !strings.Contains(title, "kini menunggu persetujuan Anda") {
			t.Errorf("rendered %q", title)
		}
		if s1, _ := s.SKP(ctx, skps["staff1"].ID); s1.Rater.EmployeeID != e.o.Staff3.ID {
			t.Errorf("on her first day the SKP names %+v", s1.Rater)
		}
		// Running again tells nobody twice.
		if _, err := e.a.SyncRaters(ctx); err != nil {
			t.Fatal(err)
		}
		if got := ratersNotices(t, s, e.o.Staff3.ID); len(got) != 1 || got[0].Variant != "" {
			t.Errorf("a second run: %+v", got)
		}
		if got := ratersNotices(t, s, e.o.Kadis.ID); len(got) != 1 || got[0].Variant != "" {
			t.Errorf("the Plt whose post ended: %+v", got)
		}
	})
}
