package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// actions lists the audit actions written about one entity, oldest first.
func actions(t *testing.T, s *store.Store, instansiID, kind, id string) []string {
	t.Helper()
	entries, err := s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: instansiID, EntityType: kind, EntityID: id, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range entries {
		out = append(out, x.Action)
	}
	slices.Reverse(out)
	return out
}

// Ending again a placement whose end is set changes its end date: the
// Plt's SKP of the acting post ends with it, earlier or later, and the
// audit says it was changed. Once the end is past it is history. A
// substitute rater's end changes the same way.
func TestEndingAPlacementAgainChangesItsEnd(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, kadisSKP, _, pl := actingEnv(t, s, model.PlacementPlt)
		ctx := context.Background()
		skp := actingSKP(t, e, who, kadisSKP)
		for _, end := range []model.Date{"2026-03-10", "2026-03-05", "2026-03-20", "2026-03-20"} {
			if err := e.a.EndPlacement(ctx, e.admin, pl.EmployeeID, pl.ID, end); err != nil {
				t.Fatalf("end on %s: %v", end, err)
			}
			got, _ := s.PlacementByID(ctx, pl.ID)
			sk, _ := s.SKP(ctx, skp.ID)
			if got.End != end || sk.PeriodEnd != end || sk.Status != model.SKPApproved {
				t.Errorf("ended on %s: placement until %s, SKP %s until %s", end, got.End, sk.Status, sk.PeriodEnd)
			}
		}
		// The days added are the SKP's: no second SKP of the post offered.
		posts, err := e.a.SKPPosts(ctx, who["kabid"], e.o.Kabid.ID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range posts {
			if p.PositionID == e.o.PosSekr.ID && p.Can.Create {
				t.Errorf("a second SKP of the acting post offered for %s–%s", p.Start, p.End)
			}
		}
		// Moved to a day already past, it closes at once.
		if err := e.a.EndPlacement(ctx, e.admin, pl.EmployeeID, pl.ID, "2026-03-01"); err != nil {
			t.Fatal(err)
		}
		if sk, _ := s.SKP(ctx, skp.ID); sk.PeriodEnd != "2026-03-01" || sk.Status != model.SKPClosed {
			t.Errorf("ended on a past day: SKP %s until %s", sk.Status, sk.PeriodEnd)
		}
		want := []string{"placement.create", "placement.end", "placement.end.change", "placement.end.change", "placement.end.change"}
		if got := actions(t, s, e.o.Instansi.ID, "placement", pl.ID); !slices.Equal(got, want) {
			t.Errorf("audit = %v, want %v", got, want)
		}
		setDay(t, e, "2026-03-25")
		if err := e.a.EndPlacement(ctx, e.admin, pl.EmployeeID, pl.ID, "2026-03-24"); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a past end changed: %v", err)
		}

		o, err := e.a.OverrideRater(ctx, e.admin, model.RaterOverride{EmployeeID: e.o.Nurse.ID, RaterID: e.o.Kadis.ID,
			Start: "2026-01-01", Reason: "Ditugaskan di Kominfo"})
		if err != nil {
			t.Fatal(err)
		}
		for _, end := range []model.Date{"2026-04-10", "2026-04-05", "2026-04-20"} {
			if err := e.a.EndRaterOverride(ctx, e.admin, o.EmployeeID, o.ID, end); err != nil {
				t.Fatalf("end the substitute on %s: %v", end, err)
			}
			list, _ := s.RaterOverrides(ctx, e.o.Nurse.ID)
			if len(list) != 1 || list[0].End != end {
				t.Errorf("substitute ended on %s: %+v", end, list)
			}
		}
		got := actions(t, s, e.o.Instansi.ID, "employee", e.o.Nurse.ID)
		if n := len(slices.DeleteFunc(slices.Clone(got), func(a string) bool { return a != "rater_override.end.change" })); n != 2 {
			t.Errorf("substitute audit = %v", got)
		}
	})
}

// A placement not started yet can be cancelled: it holds nothing, the
// SKP drawn up for its post closes, the audit keeps it. Once started it
// can only be ended. A definitive one gives the post back to the
// placement it replaced.
func TestCancelAPlacementNotStarted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, _, _, started := actingEnv(t, s, model.PlacementPlt)
		ctx := context.Background()
		if err := e.a.CancelPlacement(ctx, e.admin, started.EmployeeID, started.ID); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a started placement cancelled: %v", err)
		}
		plh, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosNurse.ID,
			Kind: model.PlacementPlh, Start: "2026-03-10", Decree: "SK 9"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.a.CancelPlacement(ctx, who["kabid"], plh.EmployeeID, plh.ID); err == nil {
			t.Error("a supervisor cancelled a placement")
		}
		d, err := e.a.Employee(ctx, e.admin, e.o.Staff1.ID)
		if err != nil || !d.CanCancelPlacement[plh.ID] {
			t.Errorf("the page does not offer the cancellation: %v %v", d.CanCancelPlacement, err)
		}
		if err := e.a.CancelPlacement(ctx, e.admin, plh.EmployeeID, plh.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.PlacementByID(ctx, plh.ID); !got.Cancelled {
			t.Error("not cancelled")
		}
		list, _ := s.Placements(ctx, e.o.Staff1.ID)
		if slices.ContainsFunc(list, func(p model.Placement) bool { return p.ID == plh.ID }) {
			t.Error("a cancelled placement still listed")
		}
		chart, _ := s.OrgChart(ctx, e.o.Instansi.ID, "2026-03-15")
		if slices.Contains(chart.Team(e.o.Staff1.ID), e.o.Nurse.ID) {
			t.Error("the cancelled Plh still rates on its days")
		}
		if got := actions(t, s, e.o.Instansi.ID, "placement", plh.ID); !slices.Equal(got, []string{"placement.create", "placement.cancel"}) {
			t.Errorf("audit = %v", got)
		}
		// Cancelled twice: refused with when and by whom, not lost.
		var refused *model.StateError
		if err := e.a.CancelPlacement(ctx, e.admin, plh.EmployeeID, plh.ID); !errors.As(err, &refused) ||
			refused.Message.Key != "conflict.placement.cancelled" {
			t.Errorf("cancelled twice: %v", err)
		}
		// The employee's record keeps it in the history, marked, with no
		// right left on it; the rules' list holds it no more (above).
		if d, err := e.a.Employee(ctx, e.admin, e.o.Staff1.ID); err != nil {
			t.Fatal(err)
		} else if i := slices.IndexFunc(d.Placements, func(p model.Placement) bool { return p.ID == plh.ID }); i < 0 ||
			!d.Placements[i].Cancelled || d.Placements[i].CancelledAt.IsZero() || d.Placements[i].CancelledBy == "" ||
			d.CanEndPlacement[plh.ID] || d.CanCancelPlacement[plh.ID] {
			t.Errorf("the history of the record: %+v %v %v", d.Placements, d.CanEndPlacement, d.CanCancelPlacement)
		}

		// A transfer recorded ahead, cancelled: the post held before is
		// the person's again, with no end.
		before, _ := s.Employee(ctx, e.o.Staff2.ID)
		moved, err := e.a.Place(ctx, e.admin, app.PlacementRequest{EmployeeID: e.o.Staff2.ID, PositionCode: e.o.PosAdm.Code,
			Kind: model.PlacementDefinitif, Start: "2026-04-01", Decree: "SK 10"})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.a.CancelPlacement(ctx, e.admin, moved.EmployeeID, moved.ID); err != nil {
			t.Fatal(err)
		}
		after, _ := s.Employee(ctx, e.o.Staff2.ID)
		list, _ = s.Placements(ctx, e.o.Staff2.ID)
		if after.PositionID != before.PositionID || len(list) == 0 || list[0].End != "" || list[0].PositionID != before.PositionID {
			t.Errorf("after the cancelled transfer: position %s (was %s), placements %+v", after.PositionID, before.PositionID, list)
		}
	})
}

// The end of an employment cancels the placements that start on its TMT
// or later (recorded ahead: a Plh from the day after tomorrow), instead of
// refusing every TMT; cancelling the end restores them.
func TestEndOfEmploymentCancelsPlacementsAhead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		plh, err := e.a.PlaceEmployee(ctx, e.admin, model.Placement{EmployeeID: e.o.Staff1.ID, PositionID: e.o.PosNurse.ID,
			Kind: model.PlacementPlh, Start: "2026-03-04", Decree: "SK 1"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff1.ID, Kind: model.EndMeninggal,
			Date: "2026-03-02", Decree: "SK 2"}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.PlacementByID(ctx, plh.ID); !got.Cancelled || got.End != "" {
			t.Errorf("the Plh ahead after the end: %+v", got)
		}
		if got := actions(t, s, e.o.Instansi.ID, "placement", plh.ID); !slices.Equal(got, []string{"placement.create", "placement.cancel"}) {
			t.Errorf("audit = %v", got)
		}
		if err := e.a.CancelEmploymentEnd(ctx, e.admin, e.o.Staff1.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.PlacementByID(ctx, plh.ID); got.Cancelled {
			t.Error("the Plh stays cancelled after the end was cancelled")
		}
		list, _ := s.Placements(ctx, e.o.Staff1.ID)
		if !slices.ContainsFunc(list, func(p model.Placement) bool { return p.ID == plh.ID }) {
			t.Error("the Plh is not listed again")
		}
	})
}

// After the end of someone's employment their account, disabled, is still
// found by name in the accounts list, with its state, unless the list is
// asked for the people employed today only.
func TestEndedPersonsAccountIsFound(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff1.ID, Kind: model.EndPensiun,
			Date: "2026-03-02", Decree: "SK 3"}); err != nil {
			t.Fatal(err)
		}
		find := func(f app.AccountFilter) *app.AccountView {
			f.Query = e.o.Staff1.Name
			page, err := e.a.Accounts(ctx, e.admin, f)
			if err != nil {
				t.Fatal(err)
			}
			for i := range page.Items {
				if page.Items[i].Employee.ID == e.o.Staff1.ID {
					return &page.Items[i]
				}
			}
			return nil
		}
		if v := find(app.AccountFilter{}); v == nil || v.Status != app.AccountDisabled {
			t.Errorf("the ended person's account: %+v", v)
		}
		if v := find(app.AccountFilter{InactiveOnly: true}); v == nil {
			t.Error("not among the inactive")
		}
		if v := find(app.AccountFilter{ActiveOnly: true}); v != nil {
			t.Error("listed among the people employed today")
		}
	})
}

// An end moved earlier is refused while work is recorded on the Plt's
// SKP after it (realisasi of March, ending in February), and nothing
// changes; a date after the work is accepted.
func TestChangedEndKeepsRecordedWork(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who, kadisSKP, _, pl := actingEnv(t, s, model.PlacementPlt)
		ctx := context.Background()
		skp := actingSKP(t, e, who, kadisSKP)
		mar := movePeriods(t, e, 3, model.PeriodMonthly, model.PeriodOpen)
		in := skp.RHK[0].Indicators[0]
		if _, err := e.a.SaveRealisasiPeriod(ctx, who["kabid"], skp.ID, mar.ID, []app.RealisasiInput{{IndicatorID: in.ID, Value: "1"}}); err != nil {
			t.Fatal(err)
		}
		if err := e.a.EndPlacement(ctx, e.admin, pl.EmployeeID, pl.ID, "2026-03-20"); err != nil {
			t.Fatal(err)
		}
		err := e.a.EndPlacement(ctx, e.admin, pl.EmployeeID, pl.ID, "2026-02-20")
		if refusedKey(err) != "conflict.placement.end.work" {
			t.Errorf("an end before the work recorded: %v", err)
		}
		if got, _ := s.PlacementByID(ctx, pl.ID); got.End != "2026-03-20" {
			t.Errorf("the refused change moved the end to %s", got.End)
		}
		if err := e.a.EndPlacement(ctx, e.admin, pl.EmployeeID, pl.ID, "2026-03-05"); err != nil {
			t.Errorf("an end after the work's period began: %v", err)
		}
	})
}

// A definitive placement ended ahead of time holds its post until that
// day has passed: the employee keeps the position (and plans on it) until
// the periodic pass takes it away; one ended on a day already past leaves
// it at once.
func TestDefinitiveEndAheadKeepsThePosition(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, _ := planningEnv(t, s)
		ctx := context.Background()
		list, err := s.Placements(ctx, e.o.Staff1.ID)
		if err != nil || len(list) == 0 {
			t.Fatalf("placements of Staff1: %+v, %v", list, err)
		}
		pl := list[0]
		if err := e.a.EndPlacement(ctx, e.admin, pl.EmployeeID, pl.ID, "2026-03-10"); err != nil {
			t.Fatal(err)
		}
		if emp, _ := s.Employee(ctx, e.o.Staff1.ID); emp.PositionID != pl.PositionID {
			t.Errorf("ended ahead of time, the position is %q", emp.PositionID)
		}
		if n, err := e.a.ApplyEndedPlacements(ctx); err != nil || n != 0 {
			t.Errorf("before the end the pass changed %d: %v", n, err)
		}
		setDay(t, e, "2026-03-11")
		if n, err := e.a.ApplyEndedPlacements(ctx); err != nil || n != 1 {
			t.Errorf("after the end the pass changed %d: %v", n, err)
		}
		if emp, _ := s.Employee(ctx, e.o.Staff1.ID); emp.PositionID != "" {
			t.Errorf("after the end the position is %q", emp.PositionID)
		}

		list, _ = s.Placements(ctx, e.o.Staff2.ID)
		if err := e.a.EndPlacement(ctx, e.admin, e.o.Staff2.ID, list[0].ID, "2026-03-05"); err != nil {
			t.Fatal(err)
		}
		if emp, _ := s.Employee(ctx, e.o.Staff2.ID); emp.PositionID != "" {
			t.Errorf("ended on a past day, the position is %q", emp.PositionID)
		}
	})
}
