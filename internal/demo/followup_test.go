package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestDemoClosedYear: the demo holds the year before the running one,
// closed. Every SKP of it has a final annual result whose predikat follows
// from its ratings, every OPD's annual curve is finalised, every
// functional employee with a koefisien earns the angka kredit the rules
// give their predikat and jenjang (the board and their own result page
// say the same), and every result below Baik but one has its improvement
// plan, the one left waiting on BKPSDM's board.
func TestDemoClosedYear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 3, 10, 3, 0, 0, 0, time.UTC)
		a, sum := generateOn(t, s, now, 300, 5)
		in := sum.InstansiID
		rules := model.CurrentRules()
		periods, err := s.Periods(ctx, in, 2025)
		if err != nil {
			t.Fatal(err)
		}
		var annual model.Period
		for _, p := range periods {
			if p.Status != model.PeriodClosed {
				t.Errorf("%s of the closed year is %s", p.Name(), p.Status)
			}
			if p.Kind == model.PeriodAnnual {
				annual = p
			}
		}
		skps, err := s.SKPs(ctx, store.SKPFilter{InstansiID: in, Year: 2025})
		if err != nil {
			t.Fatal(err)
		}
		list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: in, PeriodID: annual.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(skps) < 250 || len(list) != len(skps) {
			t.Fatalf("%d SKPs of 2025, %d annual assessments", len(skps), len(list))
		}
		skpByID := map[string]model.SKP{}
		for _, sk := range skps {
			skpByID[sk.ID] = sk
		}
		opds := map[string]bool{}
		below, functional := 0, map[string]int{} // assessment -> expected credit
		for _, as := range list {
			want, err := rules.Predikat(as.HasilKerja, as.PerilakuKerja)
			if as.Status != model.AssessmentFinal || err != nil || as.Predikat != want {
				t.Fatalf("%s: %s %s %s → %s", as.Employee.Name, as.Status, as.HasilKerja, as.PerilakuKerja, as.Predikat)
			}
			opds[as.OPDID] = true
			if model.NeedsImprovementPlan(as.Predikat) {
				below++
			}
			sk := skpByID[as.SKPID]
			pos, err := s.Position(ctx, sk.PositionID)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := rules.Koefisien(pos.Jenjang); ok && pos.Kind == model.PositionFungsional {
				v, ok := rules.AngkaKredit(as.Predikat, pos.Jenjang, 12)
				if !ok || v <= 0 {
					t.Fatalf("no angka kredit for %s %s", pos.Jenjang, as.Predikat)
				}
				functional[as.ID] = v
			}
		}
		if len(functional) < 50 || below == 0 {
			t.Fatalf("%d functional employees, %d below Baik", len(functional), below)
		}
		for opd := range opds {
			c, err := s.Calibration(ctx, in, opd, annual.ID)
			if err != nil || c.Status != model.CalibrationFinal {
				t.Errorf("annual calibration of %s: %v %v", opd, c.Status, err)
			}
		}

		bkpsdm := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		if y, err := a.FollowUpYear(ctx, bkpsdm); err != nil || y != 2025 {
			t.Errorf("the board opens on %d (%v), want 2025", y, err)
		}
		board, err := a.FollowUpBoard(ctx, bkpsdm, 2025)
		if err != nil {
			t.Fatal(err)
		}
		if len(board.Credits) != len(functional) {
			t.Errorf("%d angka kredit lines, want %d", len(board.Credits), len(functional))
		}
		for _, c := range board.Credits {
			if want, ok := functional[c.Assessment.ID]; !ok || c.Credit.Value != want || c.Credit.Months != 12 {
				t.Errorf("%s: angka kredit %d over %d months, want %d", c.Assessment.Employee.Name, c.Credit.Value, c.Credit.Months, want)
			}
		}
		if len(board.PlansMissing) != 1 {
			t.Errorf("%d results wait for an improvement plan, want 1", len(board.PlansMissing))
		}
		plans, err := s.FollowUps(ctx, store.FollowUpFilter{InstansiID: in})
		if err != nil {
			t.Fatal(err)
		}
		kinds, perResult := map[model.FollowUpKind]int{}, map[string]int{}
		for _, f := range plans {
			kinds[f.Kind]++
			if f.Kind == model.FollowUpImprovement && f.Status != model.FollowUpCancelled {
				if perResult[f.AssessmentID]++; perResult[f.AssessmentID] > 1 {
					t.Errorf("result %s has %d improvement plans, want one", f.AssessmentID, perResult[f.AssessmentID])
				}
			}
		}
		if kinds[model.FollowUpImprovement] != below-1 || kinds[model.FollowUpReward] == 0 || kinds[model.FollowUpTraining] == 0 {
			t.Errorf("follow-ups = %v with %d results below Baik", kinds, below)
		}
		// A functional employee reads the same angka kredit on their own
		// result page.
		for id, want := range functional {
			as, _ := s.Assessment(ctx, id)
			me := model.Actor{UserID: "me", EmployeeID: as.EmployeeID, InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
			v, err := a.AssessmentView(ctx, me, id)
			if err != nil || v.Credit == nil || v.Credit.Value != want {
				t.Errorf("%s's own result: %+v %v, want %d", as.Employee.Name, v.Credit, err, want)
			}
			break
		}
	})
}
