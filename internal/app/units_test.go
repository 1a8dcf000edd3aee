package app_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// actingOrg places a Plh beside the definitive Kepala Bidang (away for a
// while, until the end of March) and a Plt on the vacant Sekretaris post.
func actingOrg(t *testing.T, e env) {
	t.Helper()
	ctx := context.Background()
	for _, pl := range []model.Placement{
		{EmployeeID: e.o.Staff3.ID, PositionID: e.o.PosKabid.ID, Kind: model.PlacementPlh, Start: "2026-02-02", End: "2026-03-31", Decree: "SK-PLH-1"},
		{EmployeeID: e.o.Kabid.ID, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt, Start: "2026-01-02", Decree: "SK-PLT-1"},
	} {
		if _, err := e.a.PlaceEmployee(ctx, e.admin, pl); err != nil {
			t.Fatalf("place %+v: %v", pl, err)
		}
	}
}

// holderLine is how a test reads one holder: the name, and the acting
// mark in Indonesian.
func holderLine(h app.UnitHolder) string {
	if h.Acting.Key == "" {
		return h.Name
	}
	return h.Name + " · " + locale.T("id", h.Acting.Key, h.Acting.Args...)
}

func holderLines(hs []app.UnitHolder) []string {
	var out []string
	for _, h := range hs {
		out = append(out, holderLine(h))
	}
	return out
}

// The unit pages list everyone holding a post today, definitive first,
// then acting, each acting holder marked with the dates: a functional post
// with several holders, a head with a Plh beside them, a vacant head post
// with a Plt.
func TestUnitListsEveryHolder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		actingOrg(t, e)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")

		d, err := e.a.UnitDetail(ctx, staff, e.o.Aplikasi.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantHeads := []string{e.o.Kabid.FullName(), e.o.Staff3.FullName() + " · Plh. sejak 2 Februari 2026 sampai 31 Maret 2026"}
		if got := holderLines(d.Heads); !slices.Equal(got, wantHeads) {
			t.Errorf("heads of the bidang = %q, want %q", got, wantHeads)
		}
		// The Plh holds the post for its staff while the term lasts.
		if d.HeadID != e.o.Staff3.ID {
			t.Errorf("the bidang is led for its staff by %s, want the Plh", d.HeadID)
		}
		byPost := map[string]app.PositionHolder{}
		for _, p := range d.Positions {
			byPost[p.ID] = p
		}
		if got, want := holderLines(byPost[e.o.PosStaff.ID].Holders), []string{e.o.Staff1.FullName(), e.o.Staff2.FullName()}; !slices.Equal(got, want) {
			t.Errorf("holders of the functional post = %q, want %q", got, want)
		}
		if got := holderLines(byPost[e.o.PosKabid.ID].Holders); !slices.Equal(got, wantHeads) {
			t.Errorf("holders of the head post = %q", got)
		}

		sek, err := e.a.UnitDetail(ctx, staff, e.o.Sekretariat.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := holderLines(sek.Heads), []string{e.o.Kabid.FullName() + " · Plt. sejak 2 Januari 2026"}; !slices.Equal(got, want) {
			t.Errorf("heads of the sekretariat = %q, want %q", got, want)
		}

		tree, err := e.a.UnitTree(ctx, staff)
		if err != nil {
			t.Fatal(err)
		}
		if got := holderLines(tree.ByID[e.o.Aplikasi.ID].Heads); !slices.Equal(got, wantHeads) {
			t.Errorf("the tree's heads of the bidang = %q", got)
		}
		if got := tree.ByID[e.o.Kominfo.ID].Heads; len(got) != 1 || got[0].EmployeeID != e.o.Kadis.ID || got[0].Acting.Key != "" {
			t.Errorf("the tree's heads of the dinas = %+v", got)
		}
		// Someone whose employment ended holds nothing.
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff2.ID, Kind: model.EndPensiun,
			Date: "2026-03-01", Decree: "SK-9"}); err != nil {
			t.Fatal(err)
		}
		d, _ = e.a.UnitDetail(ctx, staff, e.o.Aplikasi.ID)
		for _, p := range d.Positions {
			if p.ID == e.o.PosStaff.ID && !slices.Equal(holderLines(p.Holders), []string{e.o.Staff1.FullName()}) {
				t.Errorf("after an end the functional post lists %q", holderLines(p.Holders))
			}
		}
	})
}
