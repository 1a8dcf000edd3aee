package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// overrideFrom names rater as the substitute rater of who from start.
func overrideFrom(t *testing.T, e env, who, rater model.Employee, start model.Date) {
	t.Helper()
	if _, err := e.a.OverrideRater(context.Background(), e.admin, model.RaterOverride{EmployeeID: who.ID, RaterID: rater.ID,
		Start: start, Reason: "Penugasan khusus"}); err != nil {
		t.Fatal(err)
	}
}

// checkBlockedOn previews and applies file and wants both refused because
// the file makes the people named assess themselves from day, with
// nothing written.
func checkBlockedOn(t *testing.T, e env, s *store.Store, file string, day model.Date, names ...string) {
	t.Helper()
	ctx := context.Background()
	rep, err := e.a.ImportEmployees(ctx, e.admin, "pindah.csv", []byte(file), false)
	if err != nil {
		t.Fatal(err)
	}
	text := locale.T("id", rep.Blocked.Key, rep.Blocked.Args...)
	if rep.Blocked.Key != "import.blocked.selfrating" || len(rep.Blocked.Args) != 2 || rep.Blocked.Args[1] != day {
		t.Errorf("preview: blocked %q (%+v)", text, rep.Blocked)
	}
	for _, n := range names {
		if !strings.Contains(text, n) {
			t.Errorf("preview: the refusal %q does not name %s", text, n)
		}
	}
	_, err = e.a.ImportEmployees(ctx, e.admin, "pindah.csv", []byte(file), true)
	var v *model.ValidationError
	var blocked *app.ImportBlockedError
	if !errors.As(err, &v) || !errors.As(err, &blocked) || v.Fields["file"] != "import.blocked.selfrating" {
		t.Fatalf("apply: %v", err)
	}
	if msg := v.Message("file"); len(msg.Args) != 2 || msg.Args[1] != day {
		t.Errorf("apply: refused with %+v", msg)
	}
}

// A file is checked on every day a change takes effect, its own moves and
// the substitute raters and placements already recorded for later: the
// Kadis moved under a new Kabid on 5 March, whose substitute rater the
// Kadis is from 10 March, would rate his own rater from the 10th.
func TestImportSelfRatingOnALaterDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID;TMT_JABATAN\n" +
			storetest.NIPKabid + ";Siti Rahmawati;KOMINFO-SEK;KOMINFO-ADM;2026-03-05\n" +
			storetest.NIPStaff3 + ";Rudi Hartono;KOMINFO-APL;KOMINFO-KABID;2026-03-05\n" +
			storetest.NIPKadis + ";Budi Santoso;KOMINFO-APL;KOMINFO-PRAKOM;2026-03-05\n"
		// Without the substitute rater the file is only warnings.
		rep, err := e.a.ImportEmployees(ctx, e.admin, "pindah.csv", []byte(file), false)
		if err != nil || rep.Blocked.Key != "" || rep.Updated != 3 {
			t.Fatalf("without the override: blocked %+v, %d updated, %v", rep.Blocked, rep.Updated, err)
		}
		overrideFrom(t, e, e.o.Staff3, e.o.Kadis, "2026-03-10")
		checkBlockedOn(t, e, s, file, "2026-03-10", e.o.Kadis.Name, e.o.Staff3.Name)
		for _, p := range []model.Employee{e.o.Kabid, e.o.Staff3, e.o.Kadis} {
			if pl, _ := s.Placements(ctx, p.ID); len(pl) != 1 {
				t.Errorf("the refused file placed %s: %+v", p.Name, pl)
			}
		}
	})
}

// The same move is refused by the placement path and blocked in a file:
// the Kadinkes, the Kabid's substitute rater from 10 March, placed under
// her today.
func TestImportSelfRatingAsThePlacementPath(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		overrideFrom(t, e, e.o.Kabid, e.o.Kadinkes, "2026-03-10")
		_, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Kadinkes.ID, PositionID: e.o.PosStaff.ID,
			Kind: model.PlacementDefinitif, Start: "2026-03-02", Decree: "SK 1"})
		var v *model.ValidationError
		if !errors.As(err, &v) || !strings.HasPrefix(v.Fields["position_id"], "invalid.rater.selfrating") {
			t.Fatalf("placement: %v", err)
		}
		file := "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPKadinkes + ";Yusuf Hidayat;KOMINFO-APL;KOMINFO-PRAKOM\n"
		checkBlockedOn(t, e, s, file, "2026-03-10", e.o.Kadinkes.Name, e.o.Kabid.Name)
		if emp, _ := s.Employee(ctx, e.o.Kadinkes.ID); emp.PositionID != e.o.PosKadinkes.ID {
			t.Errorf("the refused file moved the Kadinkes to %s", emp.PositionID)
		}
		// A move that rates nobody above them is a plain update.
		file = "NIP;NAMA;UNOR_ID;JABATAN_ID\n" + storetest.NIPKadinkes + ";Yusuf Hidayat;KOMINFO-SEK;KOMINFO-ADM\n"
		if rep, err := e.a.ImportEmployees(ctx, e.admin, "pindah.csv", []byte(file), false); err != nil || rep.Blocked.Key != "" || rep.Updated != 1 {
			t.Errorf("a harmless move: blocked %+v, %d updated, %v", rep.Blocked, rep.Updated, err)
		}
	})
}
