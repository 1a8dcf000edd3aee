package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestDemoAssessments: the demo year's past periods are assessed and
// calibrated. Every predikat follows from its ratings by the rules, every
// predikat and every cell of the matrix occurs, every final OPD period
// fits its curve or carries BKPSDM's reason (exactly one does), the head
// of SMP Negeri 1 gives far more Sangat Baik than their OPD, the latest
// period is under way with the demo supervisor's ratings waiting, and a
// few ratings were moved in calibration with a reason.
func TestDemoAssessments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		// Mid-November: January to October have ended.
		now := time.Date(2026, 11, 18, 3, 0, 0, 0, time.UTC)
		a, sum := generateOn(t, s, now, 600, 3)
		in := sum.InstansiID
		rules := model.CurrentRules()
		periods, err := s.Periods(ctx, in, 2026)
		if err != nil {
			t.Fatal(err)
		}
		var past []model.Period
		for _, p := range periods {
			if p.Kind == model.PeriodMonthly && p.End < "2026-11-18" {
				past = append(past, p)
			}
		}
		if len(past) != 10 {
			t.Fatalf("%d past periods, want 10", len(past))
		}
		latest := past[len(past)-1]
		units, err := s.Units(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		opdCode, opdOf := map[string]string{}, map[string]string{}
		for _, u := range units {
			opdOf[u.ID] = u.OPDID
			if u.OPDID == u.ID {
				opdCode[u.ID] = u.Code
			}
		}
		bkpsdm := model.Actor{UserID: "x", InstansiID: in, Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}}
		lenientPos, err := s.PositionByCode(ctx, in, "DISDIKBUD-SMPN1-KEPALA")
		if err != nil {
			t.Fatal(err)
		}
		chart, err := a.OrgChart(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		lenient := chart.Holder(lenientPos.ID)

		predikat := map[model.Predikat]int{}
		cells := map[[2]model.Rating]int{}
		overrides, lenientSeen := 0, 0
		for _, p := range past {
			list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: in, PeriodID: p.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(list) < 400 {
				t.Errorf("%s: %d assessments", p.Name(), len(list))
			}
			status := map[model.AssessmentStatus]int{}
			acknowledged := 0
			byOPD := map[string]bool{}
			for _, as := range list {
				status[as.Status]++
				byOPD[as.OPDID] = true
				if as.Regime != model.CurrentRegime {
					t.Errorf("assessment %s under %s", as.ID, as.Regime)
				}
				if as.Status == model.AssessmentOpen {
					if as.Predikat != "" || as.RatedBy != "" {
						t.Errorf("open assessment %s is rated: %+v", as.ID, as)
					}
					continue
				}
				want, err := rules.Predikat(as.HasilKerja, as.PerilakuKerja)
				if err != nil || as.Predikat != want {
					t.Errorf("assessment %s: %s × %s gives %s, stored %s (%v)", as.ID, as.HasilKerja, as.PerilakuKerja, want, as.Predikat, err)
				}
				predikat[as.Predikat]++
				cells[[2]model.Rating{as.HasilKerja, as.PerilakuKerja}]++
				if as.RatedBy == "" || as.Rater.EmployeeID != as.RatedBy || as.Rater.Name == "" || len(as.Feedback.RHK) == 0 ||
					as.RatedAt.IsZero() || !as.RatedAt.Before(now) || !as.RatedAt.After(p.End.Time()) {
					t.Errorf("assessment %s: rater %q %+v, %d umpan balik, rated %v", as.ID, as.RatedBy, as.Rater, len(as.Feedback.RHK), as.RatedAt)
				}
				if as.Status == model.AssessmentFinal && (as.FinalizedAt.Before(as.RatedAt) || !as.FinalizedAt.Before(now)) {
					t.Errorf("assessment %s rated %v, final %v", as.ID, as.RatedAt, as.FinalizedAt)
				}
				if !as.AcknowledgedAt.IsZero() {
					acknowledged++
				}
			}
			if p.ID == latest.ID {
				if status[model.AssessmentOpen] == 0 || status[model.AssessmentRated] == 0 || status[model.AssessmentFinal] == 0 {
					t.Errorf("latest period %s: %v, want a mix", p.Name(), status)
				}
				continue
			}
			if status[model.AssessmentFinal] != len(list) || acknowledged == 0 || acknowledged == len(list) {
				t.Errorf("%s: %v, %d acknowledged of %d", p.Name(), status, acknowledged, len(list))
			}
			for opd := range byOPD {
				cal, err := s.Calibration(ctx, in, opd, p.ID)
				if err != nil {
					t.Fatal(err)
				}
				perf, err := s.UnitPerformance(ctx, opd, p.ID)
				if err != nil {
					t.Fatal(err)
				}
				entries, err := s.CurveEntries(ctx, opd, p.ID)
				if err != nil {
					t.Fatal(err)
				}
				_, check := rules.CurveOf(perf.Capaian, model.TallyCurve(entries))
				if cal.Status != model.CalibrationFinal || cal.FinalizedAt.IsZero() || !cal.FinalizedAt.Before(now) {
					t.Errorf("%s in %s: calibration %+v", opdCode[opd], p.Name(), cal)
				}
				if cal.OverrideReason != "" {
					overrides++
					if len(check.Violations) == 0 || cal.OverriddenBy == "" || cal.FinalizedBy != cal.OverriddenBy {
						t.Errorf("%s in %s: overridden without a broken curve: %+v", opdCode[opd], p.Name(), cal)
					}
				} else if len(check.Violations) > 0 {
					t.Errorf("%s in %s (%s): %d of %d break the curve: %v", opdCode[opd], p.Name(), perf.Capaian, len(check.Violations),
						check.Total, check.Counts)
				}
			}
			// The lenient rater, against their OPD.
			v, err := a.Curve(ctx, bkpsdm, opdOf[lenientPos.UnitID], p.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range v.Raters {
				if r.RaterID != lenient {
					continue
				}
				lenientSeen++
				if r.TopPercent-r.OPDTopPercent < 20 || !r.Lenient {
					t.Errorf("%s: the lenient rater gives %d%% Sangat Baik, their OPD %d%%", p.Name(), r.TopPercent, r.OPDTopPercent)
				}
			}
		}
		if overrides != 1 {
			t.Errorf("%d overridden curves, want 1", overrides)
		}
		if lenientSeen != len(past)-1 {
			t.Errorf("the lenient rater rated in %d of %d periods", lenientSeen, len(past)-1)
		}
		for _, p := range model.Predikats {
			if predikat[p] == 0 {
				t.Errorf("no %s anywhere: %v", p, predikat)
			}
		}
		for _, h := range model.Ratings {
			for _, k := range model.Ratings {
				if cells[[2]model.Rating{h, k}] == 0 {
					t.Errorf("no assessment rated %s × %s: %v", h, k, cells)
				}
			}
		}

		// The demo supervisor has ratings waiting in the latest period.
		var boss demo.Account
		for _, acc := range sum.Accounts {
			if acc.Role == "Kepala bidang (atasan langsung)" {
				boss = acc
			}
		}
		u, err := s.UserByUsername(ctx, boss.Username)
		if err != nil {
			t.Fatalf("the supervisor account %q: %v", boss.Username, err)
		}
		actor := model.Actor{UserID: u.ID, InstansiID: in, EmployeeID: u.EmployeeID, Roles: []model.RoleGrant{{Role: model.RoleASN}}}
		page, err := a.Assessments(ctx, actor, app.AssessmentFilter{RatedByMe: true, PeriodID: latest.ID})
		if err != nil {
			t.Fatal(err)
		}
		waiting := map[model.AssessmentStatus]int{}
		for _, it := range page.Items {
			if it.Can.Rate {
				waiting[it.Status]++
			}
		}
		if waiting[model.AssessmentOpen] == 0 || waiting[model.AssessmentOpen]+waiting[model.AssessmentRated] != len(page.Items) {
			t.Errorf("the supervisor's waiting ratings: %v of %d", waiting, len(page.Items))
		}

		// A few ratings were moved on the calibration screen.
		list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: in, PeriodID: latest.ID})
		if err != nil {
			t.Fatal(err)
		}
		moved := 0
		for _, as := range list {
			if as.Status == model.AssessmentOpen {
				continue
			}
			moves, err := s.AssessmentMoves(ctx, as.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range moves {
				moved++
				if m.Reason == "" || m.To.Predikat != as.Predikat || m.From == m.To || m.MovedBy == as.EmployeeID {
					t.Errorf("move %+v of %+v", m, as)
				}
			}
		}
		if moved == 0 || moved > 5 {
			t.Errorf("%d calibration moves, want a few", moved)
		}
		// Keberatan in every state: waiting for the explanation, waiting
		// for the decision, kept, changed (the assessment follows).
		objections, err := s.Objections(ctx, store.ObjectionFilter{InstansiID: sum.InstansiID})
		if err != nil {
			t.Fatal(err)
		}
		states := map[string]int{}
		for _, o := range objections {
			key := string(o.Status)
			if o.Status == model.ObjectionDecided {
				key += "/" + string(o.Decision)
				got, err := s.Assessment(ctx, o.AssessmentID)
				if err != nil || got.Predikat != o.To.Predikat || got.PerilakuKerja != o.To.PerilakuKerja {
					t.Errorf("decided %s: assessment %+v, %v", o.Decision, got, err)
				}
			}
			states[key]++
		}
		for _, want := range []string{"submitted", "explained", "decided/keep", "decided/change"} {
			if states[want] != 1 {
				t.Errorf("keberatan %s: %d (%v)", want, states[want], states)
			}
		}
	})
}

// TestDemoAssessmentsRepeat: the same seed gives the same ratings.
func TestDemoAssessmentsRepeat(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 5, 20, 3, 0, 0, 0, time.UTC)
	ratings := func() map[string]string {
		s := storetest.Open(t, "sqlite")
		_, sum := generateOn(t, s, now, 300, 11)
		periods, err := s.Periods(ctx, sum.InstansiID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, p := range periods {
			list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: sum.InstansiID, PeriodID: p.ID})
			if err != nil {
				t.Fatal(err)
			}
			for _, as := range list {
				out[p.Name()+" "+as.Employee.NIP] = string(as.Status) + " " + string(as.HasilKerja) + " " + string(as.PerilakuKerja) + " " + as.Note
			}
		}
		return out
	}
	first, second := ratings(), ratings()
	if len(first) == 0 {
		t.Fatal("no assessments")
	}
	for k, v := range first {
		if second[k] != v {
			t.Errorf("%s: %q, then %q", k, v, second[k])
		}
	}
	if len(first) != len(second) {
		t.Errorf("%d assessments, then %d", len(first), len(second))
	}
}
