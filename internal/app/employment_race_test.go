package app_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// atOnce runs acts at the same moment, each in its own goroutine, and
// returns their errors in order.
func atOnce(acts ...func() error) []error {
	out := make([]error, len(acts))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, act := range acts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out[i] = act()
		}()
	}
	close(start)
	wg.Wait()
	return out
}

// oneWins checks that exactly one of two acts sent at once succeeded and
// the other was refused as a state conflict (409) with one of keys (or
// as changed since it was read), and returns the index of the winner.
func oneWins(t *testing.T, what string, errs []error, keys ...string) int {
	t.Helper()
	won := -1
	for i, err := range errs {
		if err == nil {
			if won >= 0 {
				t.Errorf("%s: both succeeded", what)
			}
			won = i
			continue
		}
		ok := errors.Is(err, model.ErrStale)
		for _, k := range keys {
			ok = ok || refusedKey(err) == k || fieldKey(err, "start") == k
		}
		if !ok {
			t.Errorf("%s: the second got %v, want a conflict (%v)", what, err, keys)
		}
	}
	if won < 0 {
		t.Fatalf("%s: neither succeeded: %v", what, errs)
	}
	return won
}

// auditCount counts the audit entries of an action on an entity.
func auditCount(t *testing.T, s *store.Store, instansiID, entityType, id, action string) int {
	t.Helper()
	list, err := s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: instansiID, EntityType: entityType, EntityID: id, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, en := range list {
		if en.Action == action {
			n++
		}
	}
	return n
}

// noPlacementEndsBeforeItStarts checks an employee's placements.
func noPlacementEndsBeforeItStarts(t *testing.T, s *store.Store, employeeID string) {
	t.Helper()
	list, err := s.Placements(context.Background(), employeeID)
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range list {
		if model.EndsBeforeStart(pl.Start, pl.End) {
			t.Errorf("placement %s on %s: %s – %s ends before it starts", pl.ID, pl.PositionName, pl.Start, pl.End)
		}
	}
}

// Two ends of one person's employment sent at once by two admins: one is
// recorded, the other is refused (409) as the employment has ended;
// everything the end closed follows the end in force, and one audit
// entry says so. Two cancellations sent at once: one cancels, the other
// is refused, and the cancel restores everything.
func TestEndsOfEmploymentAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		opd := e.opdAdmin(t)
		id := e.o.Staff1.ID
		reqs := []app.EndEmploymentRequest{
			{EmployeeID: id, Kind: model.EndPensiun, Date: "2026-02-01", Decree: "SK/9"},
			{EmployeeID: id, Kind: model.EndMeninggal, Date: "2026-02-15", Decree: "SK/10"},
		}
		errs := atOnce(
			func() error { _, err := e.a.EndEmployment(ctx, opd, reqs[0]); return err },
			func() error { _, err := e.a.EndEmployment(ctx, e.admin, reqs[1]); return err },
		)
		won := reqs[oneWins(t, "two ends", errs, "record.ended")]
		if n := auditCount(t, s, e.o.Instansi.ID, "employee", id, "employment.end"); n != 1 {
			t.Errorf("%d employment.end audit entries, want 1", n)
		}
		ends, _ := s.EmploymentEnds(ctx, id)
		if len(ends) != 1 || ends[0].Date != won.Date || !ends[0].AccountDisabled {
			t.Fatalf("ends = %+v, want the one of %s with the account disabled", ends, won.Date)
		}
		last := model.Date(won.Date.Time().AddDate(0, 0, -1).Format("2006-01-02"))
		if hist, _ := s.Placements(ctx, id); len(hist) != 1 || hist[0].End != last {
			t.Errorf("placements = %+v, want the end %s", hist, last)
		}
		if got, _ := s.SKP(ctx, skp.ID); got.Status != model.SKPClosed || got.PeriodEnd != last {
			t.Errorf("SKP %s until %s, want closed until %s", got.Status, got.PeriodEnd, last)
		}

		errs = atOnce(
			func() error { return e.a.CancelEmploymentEnd(ctx, opd, id) },
			func() error { return e.a.CancelEmploymentEnd(ctx, e.admin, id) },
		)
		oneWins(t, "two cancellations", errs, "conflict.employment.notended")
		if n := auditCount(t, s, e.o.Instansi.ID, "employee", id, "employment.end.cancel"); n != 1 {
			t.Errorf("%d employment.end.cancel audit entries, want 1", n)
		}
		if got, _ := s.Employee(ctx, id); !got.Active || got.PositionID != e.o.PosStaff.ID {
			t.Errorf("after the cancel: active %v, position %q", got.Active, got.PositionID)
		}
		if hist, _ := s.Placements(ctx, id); len(hist) != 1 || hist[0].End != "" {
			t.Errorf("placements after the cancel = %+v", hist)
		}
		if got, _ := s.SKP(ctx, skp.ID); got.Status != model.SKPApproved || got.PeriodEnd != skp.PeriodEnd {
			t.Errorf("SKP after the cancel: %s until %s", got.Status, got.PeriodEnd)
		}
		if u, _ := s.UserByEmployee(ctx, id); u.Disabled {
			t.Error("the account stays disabled after the cancel")
		}
	})
}

// Two merges of one record sent at once: one merges, the other is
// refused, naming the record kept and its NIP. A merge asked again later
// names them too.
func TestMergesAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		req := app.MergeRequest{EmployeeID: e.o.Staff1.ID, OtherID: e.o.Staff2.ID, Unlike: true, Reason: "Satu orang dengan dua catatan"}
		merge := func() error { _, err := e.a.MergeEmployees(ctx, e.admin, req); return err }
		errs := atOnce(merge, merge)
		oneWins(t, "two merges", errs, "conflict.merge.merged")
		if n := auditCount(t, s, e.o.Instansi.ID, "employee", e.o.Staff1.ID, "employee.merged"); n != 1 {
			t.Errorf("%d employee.merged audit entries, want 1", n)
		}
		err := merge()
		var se *model.StateError
		if !errors.As(err, &se) || se.Key != "conflict.merge.merged" {
			t.Fatalf("a merge asked again: %v", err)
		}
		if len(se.Args) != 3 || se.Args[1] != e.o.Staff2.FullName() || se.Args[2] != storetest.NIPStaff2 {
			t.Errorf("the refusal names %v, want %s and the kept record %s (NIP %s)", se.Args, e.o.Staff1.FullName(),
				e.o.Staff2.FullName(), storetest.NIPStaff2)
		}
		for i, a := range se.Args {
			if a == "" {
				t.Errorf("argument %d of the refusal is empty: %v", i, se.Args)
			}
		}
	})
}

// Two definitive placements of one person with one TMT, one after the
// other or at once: the second is refused (it would end the first before
// it began), and no placement ends before it starts. The same for two
// Plt placements and two substitute raters from one day.
func TestPlacementsFromOneDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		place := func(emp model.Employee, pos model.Position, kind model.PlacementKind, start model.Date) func() error {
			return func() error {
				_, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: emp.ID, PositionID: pos.ID, Kind: kind,
					Start: start, Decree: "SK/1"})
				return err
			}
		}
		// One after the other.
		if err := place(e.o.Staff3, e.o.PosStaff, model.PlacementDefinitif, "2026-03-02")(); err != nil {
			t.Fatal(err)
		}
		if err := place(e.o.Staff3, e.o.PosNurse, model.PlacementDefinitif, "2026-03-02")(); fieldKey(err, "start") != "invalid.placement.start.same" {
			t.Errorf("a second definitive placement from the same TMT: %v", err)
		}
		noPlacementEndsBeforeItStarts(t, s, e.o.Staff3.ID)
		// At once.
		errs := atOnce(place(e.o.Staff2, e.o.PosAdm, model.PlacementDefinitif, "2026-03-02"),
			place(e.o.Staff2, e.o.PosNurse, model.PlacementDefinitif, "2026-03-02"))
		oneWins(t, "two definitive placements", errs, "invalid.placement.start.same")
		noPlacementEndsBeforeItStarts(t, s, e.o.Staff2.ID)
		// Two Plt of one person on one post, and of two people on one post.
		errs = atOnce(place(e.o.Staff1, e.o.PosSekr, model.PlacementPlt, "2026-03-02"),
			place(e.o.Staff1, e.o.PosSekr, model.PlacementPlt, "2026-03-02"))
		oneWins(t, "two Plt of one person", errs, "conflict.placement.duplicate")
		errs = atOnce(place(e.o.Staff3, e.o.PosKadinkes, model.PlacementPlh, "2026-03-03"),
			place(e.o.Staff2, e.o.PosKadinkes, model.PlacementPlh, "2026-03-03"))
		for i, err := range errs {
			if fieldKey(err, "position_id") == "invalid.placement.acting.held" {
				errs[i] = model.ErrStale // refused as the other holds the post now
			}
		}
		oneWins(t, "two Plh of one post", errs)
		for _, emp := range []model.Employee{e.o.Staff1, e.o.Staff2, e.o.Staff3} {
			noPlacementEndsBeforeItStarts(t, s, emp.ID)
		}
		// Two substitute raters from one day.
		sub := func(rater model.Employee) func() error {
			return func() error {
				_, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Staff1.ID, RaterID: rater.ID,
					Start: "2026-03-02", Reason: "Penugasan lintas bidang"})
				return err
			}
		}
		errs = atOnce(sub(e.o.Kadis), sub(e.o.Kadinkes))
		oneWins(t, "two substitute raters", errs, "conflict.rater.overlap")
		if err := sub(e.o.Kadis)(); refusedKey(err) != "conflict.rater.overlap" {
			t.Errorf("a substitute rater from the day of another: %v", err)
		}
		if list, _ := s.RaterOverrides(ctx, e.o.Staff1.ID); len(list) != 1 {
			t.Errorf("%d substitute raters, want 1", len(list))
		}
	})
}

// A placement, a substitute rater or an account given at the moment the
// person's employment ends: either the act comes first and the end
// closes what it made, or the end comes first and the act is refused.
// Never an ended person with an open placement, a substitute or an
// account that signs in.
func TestActsAtTheEndOfEmployment(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		id := e.o.Staff3.ID
		end := func() error {
			_, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: id, Kind: model.EndPindahInstansi,
				Date: "2026-03-02", Decree: "SK/11"})
			return err
		}
		errs := atOnce(end,
			func() error {
				_, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: id, PositionID: e.o.PosSekr.ID,
					Kind: model.PlacementPlh, Start: "2026-03-02"})
				return err
			},
			func() error {
				_, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: id, RaterID: e.o.Kadis.ID,
					Start: "2026-03-02", Reason: "Penugasan"})
				return err
			},
			func() error { _, err := e.a.CreateAccount(ctx, e.admin, id); return err },
		)
		if errs[0] != nil {
			t.Fatalf("the end: %v", errs[0])
		}
		for i, err := range errs[1:] {
			if err != nil && refusedKey(err) != "record.ended" {
				t.Errorf("act %d: %v, want done or refused as the employment ended", i+1, err)
			}
		}
		for _, pl := range mustPlacements(t, s, id) {
			if pl.End == "" || pl.End >= "2026-03-02" {
				t.Errorf("placement %s %s – %s outlives the end", pl.PositionName, pl.Start, pl.End)
			}
		}
		if u, err := s.UserByEmployee(ctx, id); err == nil && !u.Disabled {
			t.Error("an ended person has an account that signs in")
		}
	})
}

func mustPlacements(t *testing.T, s *store.Store, id string) []model.Placement {
	t.Helper()
	list, err := s.Placements(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// An end of employment may fall on the day a placement starts, today
// included: the TMT is the first day not worked, so that placement was
// never held and is cancelled (its SKP closed on its first day); the
// placements before it end the day before. Cancelling the end gives it
// back. A TMT on or before the first day of the first placement is
// still refused.
func TestEndOnTheDayAPlacementStarts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		id := e.o.Staff3.ID
		plh, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: id, PositionID: e.o.PosSekr.ID,
			Kind: model.PlacementPlh, Start: "2026-03-02", Decree: "SK/Plh"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.a.CancelPlacement(ctx, e.admin, id, plh.ID); refusedKey(err) != "conflict.placement.started" {
			t.Fatalf("cancelling a placement in force: %v", err)
		}
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: id, Kind: model.EndPindahInstansi,
			Date: "2026-03-02", Decree: "SK/12"}); err != nil {
			t.Fatalf("an end on the day the Plh starts: %v", err)
		}
		if got, _ := s.PlacementByID(ctx, plh.ID); !got.Cancelled {
			t.Errorf("the Plh starting on the TMT is not cancelled: %+v", got)
		}
		for _, pl := range mustPlacements(t, s, id) {
			if pl.End != "2026-03-01" {
				t.Errorf("placement %s %s – %s, want ended 1 March", pl.PositionName, pl.Start, pl.End)
			}
		}
		noPlacementEndsBeforeItStarts(t, s, id)
		if err := e.a.CancelEmploymentEnd(ctx, e.admin, id); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.PlacementByID(ctx, plh.ID); got.Cancelled || got.End != "" {
			t.Errorf("the Plh after the end was cancelled: %+v", got)
		}
		if got, _ := s.Employee(ctx, id); !got.Active || got.PositionID != e.o.PosAdm.ID {
			t.Errorf("after the cancel: active %v, position %q", got.Active, got.PositionID)
		}
	})
}

// An import that gives a person a new NIP, applied at the moment their
// record is merged into another: the import either comes first (the merge
// takes the new number into the kept record's history) or finds the
// record changed since it planned it (409), and the merge likewise; it
// never brings a merged record back to life with a number.
func TestNIPChangeAtTheMerge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		file := "NIP;NAMA;STATUS;GOLONGAN;UNOR_ID;JABATAN_NAMA\n" +
			"199104042024032004;Dewi Lestari;CPNS;III/a;KOMINFO-APL;Pranata Komputer Ahli Pertama\n"
		rep, err := e.a.ImportEmployees(ctx, e.admin, "cpns.csv", []byte(file), false)
		if err != nil || len(rep.Rows) != 1 || rep.Rows[0].OldNIP != storetest.NIPStaff2 {
			t.Fatalf("the preview does not offer the new NIP of %s: %+v, %v", storetest.NIPStaff2, rep.Rows, err)
		}
		errs := atOnce(
			func() error { _, err := e.a.ImportEmployees(ctx, e.admin, "cpns.csv", []byte(file), true); return err },
			func() error {
				_, err := e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: e.o.Staff2.ID, OtherID: e.o.Staff1.ID,
					Unlike: true, Reason: "Satu orang dengan dua catatan"})
				return err
			},
		)
		// The import carries no version either: it is told the record is merged.
		if errs[0] != nil && refusedKey(errs[0]) != "conflict.merge.merged" {
			t.Errorf("the import: %v", errs[0])
		}
		// The merge carries no version: it is told the records' state.
		if errs[1] != nil && refusedKey(errs[1]) != "conflict.merge.changed" {
			t.Errorf("the merge: %v", errs[1])
		}
		if errs[0] != nil && errs[1] != nil {
			t.Fatalf("neither went through: %v", errs)
		}
		_, err = s.MergedInto(ctx, e.o.Staff2.ID)
		if merged := err == nil; merged == (errs[1] != nil) {
			t.Errorf("merged %v, but the merge answered %v", merged, errs[1])
		}
		if got, _ := s.Employee(ctx, e.o.Staff2.ID); err == nil && (got.Active || got.NIP != "") {
			t.Errorf("the merged record is active %v with NIP %q", got.Active, got.NIP)
		}
	})
}

// Two ends, or two cancellations, of one placement sent at once. An end
// works from the placement it read: when the other changed it meanwhile,
// it is refused (409); when it read the other's end, it changes that end
// (as ending again does). Either way the placement was ended once and its
// end changed at most once. Of two cancellations, one is done and the
// other refused (409).
func TestPlacementEndsAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		id := e.o.Staff3.ID
		plt, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: id, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt, Start: "2026-03-02"})
		if err != nil {
			t.Fatal(err)
		}
		errs := atOnce(
			func() error { return e.a.EndPlacement(ctx, e.admin, id, plt.ID, "2026-03-20") },
			func() error { return e.a.EndPlacement(ctx, e.admin, id, plt.ID, "2026-03-25") },
		)
		changes := 0
		if errs[0] == nil && errs[1] == nil {
			changes = 1
		} else {
			oneWins(t, "two ends of a placement", errs, "conflict.placement.changed.ended")
		}
		if n := auditCount(t, s, e.o.Instansi.ID, "placement", plt.ID, "placement.end"); n != 1 {
			t.Errorf("%d placement.end audit entries, want 1", n)
		}
		if n := auditCount(t, s, e.o.Instansi.ID, "placement", plt.ID, "placement.end.change"); n != changes {
			t.Errorf("%d placement.end.change audit entries, want %d", n, changes)
		}
		plh, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: id, PositionID: e.o.PosKadinkes.ID, Kind: model.PlacementPlh, Start: "2026-04-01"})
		if err != nil {
			t.Fatal(err)
		}
		cancel := func() error { return e.a.CancelPlacement(ctx, e.admin, id, plh.ID) }
		oneWins(t, "two cancellations of a placement", atOnce(cancel, cancel), "conflict.placement.cancelled")
		if n := auditCount(t, s, e.o.Instansi.ID, "placement", plh.ID, "placement.cancel"); n != 1 {
			t.Errorf("%d placement.cancel audit entries, want 1", n)
		}
	})
}

// Two identical ends of one placement sent at once: the end carries no
// version, so the one that finds the placement ended by the other is told
// so, with the end date, never to retry with a new version.
func TestPlacementSameEndAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		id := e.o.Staff3.ID
		for i, start := range []model.Date{"2026-03-02", "2026-03-05", "2026-03-08"} {
			plt, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: id, PositionID: e.o.PosSekr.ID, Kind: model.PlacementPlt, Start: start})
			if err != nil {
				t.Fatal(err)
			}
			end := model.Date(start.Time().AddDate(0, 0, 1).Format("2006-01-02"))
			endIt := func() error { return e.a.EndPlacement(ctx, e.admin, id, plt.ID, end) }
			for _, err := range atOnce(endIt, endIt) {
				if err == nil {
					continue
				}
				var v *model.StateError
				if errors.Is(err, model.ErrStale) || !errors.As(err, &v) || v.Key != "conflict.placement.changed.ended" || v.Args[0] != e.o.PosSekr.Name {
					t.Errorf("round %d: the second end got %v, want the placement's state", i, err)
				}
			}
		}
	})
}

// The cancellation of an end of employment and a merge of that record sent
// at once: neither carries a version, so the one that finds the record
// changed by the other is told its state (taken back, merged), never to
// retry with a new version.
func TestCancelEndAtTheMerge(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		id := e.o.Staff2.ID
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: id, Kind: model.EndBerhenti,
			Date: "2026-03-01", Decree: "SK-3"}); err != nil {
			t.Fatal(err)
		}
		errs := atOnce(
			func() error { return e.a.CancelEmploymentEnd(ctx, e.admin, id) },
			func() error {
				_, err := e.a.MergeEmployees(ctx, e.admin, app.MergeRequest{EmployeeID: id, OtherID: e.o.Staff1.ID,
					Unlike: true, Reason: "Satu orang dengan dua catatan"})
				return err
			},
		)
		for i, err := range errs {
			var v *model.StateError
			if err != nil && (errors.Is(err, model.ErrStale) || !errors.As(err, &v)) {
				t.Errorf("act %d: %v, want the record's state", i, err)
			}
		}
	})
}
