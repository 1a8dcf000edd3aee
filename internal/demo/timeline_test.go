package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// personActs are the audited acts the rules give to a person (an
// employee, a rater, an atasan, a head of OPD, BKPSDM, a recommending
// body): none of them is the demo system's. The steps of an SKP's history
// (drafted, its RHK, indicators and expectations, submitted, returned,
// approved, closed) are among them: the history shows who took each.
var personActs = []string{"skp.create", "rhk.create", "indicator.create", "skp.expectation", "skp.submit", "skp.return", "skp.approve", "skp.close",
	"assessment.rate", "assessment.finalize", "assessment.acknowledge", "assessment.move", "assessment.decide",
	"calibration.finalize", "unit_performance.set", "unit_performance.recommend", "objection.submit", "objection.explain",
	"objection.decide", "followup.create", "followup.in_progress", "followup.done", "followup.cancelled", "realisasi.create"}

// checkTimelines checks that every act of the demo city's penilaian
// happened in the order the rules ask, by a person, before now: each
// result rated after its period on realisasi entered before, sent after it was rated and
// acknowledged after it was sent; each OPD's capaian set after its
// recommendations and before the first result of its period was sent;
// each calibration finalised after its results were sent; each objection
// made after its result was received and by its deadline, explained after
// it was made and decided after it was explained; each follow-up recorded
// after its result was received; and the improvement plans not all late.
func checkTimelines(t *testing.T, s *store.Store, instansiID string, now time.Time) {
	t.Helper()
	ctx := context.Background()
	zone := model.DefaultTimeZone
	year := now.In(zone.Location()).Year()
	late := func(at time.Time) bool { return at.After(now) }

	// No act the rules give to a person is the system's.
	rows, err := s.DB().QueryContext(ctx, `SELECT action, COUNT(*) FROM audit_log WHERE actor_name = 'Sistem (demo)' GROUP BY action`)
	if err != nil {
		t.Fatal(err)
	}
	system := map[string]int{}
	for rows.Next() {
		var action string
		var n int
		if err := rows.Scan(&action, &n); err != nil {
			t.Fatal(err)
		}
		system[action] = n
	}
	rows.Close()
	for _, act := range personActs {
		if system[act] > 0 {
			t.Errorf("%d %s by the demo system, not by the person the rules name", system[act], act)
		}
	}

	// Each result is rated on realisasi entered before the rating.
	var early int
	if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM realisasi r JOIN assessments a ON a.skp_id = r.skp_id AND a.period_id = r.period_id
		WHERE a.rated_at <> '' AND r.created_at > a.rated_at`).Scan(&early); err != nil {
		t.Fatal(err)
	}
	if early > 0 {
		t.Errorf("%d realisasi entered after the result resting on them was rated", early)
	}

	// Calibration moves only what was sent, after it was sent (the app
	// refuses a move of a result not sent: 409).
	var unsentMoves int
	if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM assessment_moves m JOIN assessments a ON a.id = m.assessment_id
		WHERE a.finalized_at = '' OR m.moved_at < a.finalized_at`).Scan(&unsentMoves); err != nil {
		t.Fatal(err)
	}
	if unsentMoves > 0 {
		t.Errorf("%d calibration moves of a result not yet sent", unsentMoves)
	}

	byID := map[string]model.Assessment{}
	for _, y := range []int{year - 1, year} {
		periods, err := s.Periods(ctx, instansiID, y)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range periods {
			list, err := s.Assessments(ctx, store.AssessmentFilter{InstansiID: instansiID, PeriodID: p.ID})
			if err != nil {
				t.Fatal(err)
			}
			ended := zone.EndOfDay(p.End)
			firstSent, lastSent := map[string]time.Time{}, map[string]time.Time{}
			for _, a := range list {
				byID[a.ID] = a
				if a.Status == model.AssessmentOpen {
					continue
				}
				if !a.RatedAt.After(ended) || late(a.RatedAt) {
					t.Errorf("%s: %s rated at %s, not between the end of the period and now", p.Name(), a.Employee.Name, a.RatedAt)
				}
				if a.Status != model.AssessmentFinal {
					continue
				}
				if a.FinalizedAt.Before(a.RatedAt) || late(a.FinalizedAt) || a.ReceivedAt.Before(a.FinalizedAt) {
					t.Errorf("%s: %s rated %s, sent %s, received %s", p.Name(), a.Employee.Name, a.RatedAt, a.FinalizedAt, a.ReceivedAt)
				}
				if !a.AcknowledgedAt.IsZero() && (a.AcknowledgedAt.Before(a.ReceivedAt) || late(a.AcknowledgedAt)) {
					t.Errorf("%s: %s received %s, acknowledged %s", p.Name(), a.Employee.Name, a.ReceivedAt, a.AcknowledgedAt)
				}
				if f, ok := firstSent[a.OPDID]; !ok || a.FinalizedAt.Before(f) {
					firstSent[a.OPDID] = a.FinalizedAt
				}
				if a.FinalizedAt.After(lastSent[a.OPDID]) {
					lastSent[a.OPDID] = a.FinalizedAt
				}
			}
			perf, err := s.UnitPerformances(ctx, instansiID, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, up := range perf {
				if !up.SetAt.After(ended) || late(up.SetAt) {
					t.Errorf("%s: capaian of %s set at %s, not between the end of the period and now", p.Name(), up.UnitID, up.SetAt)
				}
				if f, ok := firstSent[up.UnitID]; ok && !up.SetAt.Before(f) {
					t.Errorf("%s: capaian of %s set at %s, after its first result was sent at %s", p.Name(), up.UnitID, up.SetAt, f)
				}
				recs, err := s.UnitRecommendations(ctx, instansiID, p.ID, up.UnitID)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range recs {
					if !r.At.After(ended) || r.At.After(up.SetAt) {
						t.Errorf("%s: %s's recommendation on %s at %s, capaian set at %s", p.Name(), r.Source, up.UnitID, r.At, up.SetAt)
					}
				}
			}
			cals, err := s.Calibrations(ctx, instansiID, []string{p.ID})
			if err != nil {
				t.Fatal(err)
			}
			for k, c := range cals {
				if c.Status == model.CalibrationFinal && (c.FinalizedAt.Before(lastSent[k.OPDID]) || late(c.FinalizedAt)) {
					t.Errorf("%s: the calibration of %s finalised at %s, before its last result was sent at %s", p.Name(), k.OPDID, c.FinalizedAt, lastSent[k.OPDID])
				}
			}
		}
	}

	objections, err := s.Objections(ctx, store.ObjectionFilter{InstansiID: instansiID})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range objections {
		a := byID[o.AssessmentID]
		switch {
		case !o.SubmittedAt.After(a.FinalizedAt) || o.SubmittedAt.After(zone.EndOfDay(o.Deadline)) || late(o.SubmittedAt):
			t.Errorf("objection of %s made at %s: sent %s, deadline %s", a.Employee.Name, o.SubmittedAt, a.FinalizedAt, o.Deadline)
		case !o.ExplainedAt.IsZero() && (o.ExplainedAt.Before(o.SubmittedAt) || late(o.ExplainedAt) || o.ExplainedBy == ""):
			t.Errorf("objection of %s made at %s, explained at %s by %q", a.Employee.Name, o.SubmittedAt, o.ExplainedAt, o.ExplainedBy)
		case !o.DecidedAt.IsZero() && (o.ExplainedAt.IsZero() || o.DecidedAt.Before(o.ExplainedAt) || late(o.DecidedAt) || o.DecidedBy == ""):
			t.Errorf("objection of %s explained at %s, decided at %s by %q", a.Employee.Name, o.ExplainedAt, o.DecidedAt, o.DecidedBy)
		}
	}

	followUps, err := s.FollowUps(ctx, store.FollowUpFilter{InstansiID: instansiID})
	if err != nil {
		t.Fatal(err)
	}
	// Improvement plans whose review date has clearly passed: most
	// reviewed in the days around it, a few late, a few still open,
	// none reviewed long before it.
	today := zone.Today(now)
	var passed, around, lateDone, ahead, open int
	for _, f := range followUps {
		a := byID[f.AssessmentID]
		if !f.CreatedAt.After(a.ReceivedAt) || f.UpdatedAt.Before(f.CreatedAt) || late(f.UpdatedAt) {
			t.Errorf("follow-up of %s: result received %s, recorded %s, last changed %s", a.Employee.Name, a.ReceivedAt, f.CreatedAt, f.UpdatedAt)
		}
		if f.Kind != model.FollowUpImprovement || f.ReviewDue.Time().AddDate(0, 0, 10).After(today.Time()) {
			continue
		}
		passed++
		if f.Status != model.FollowUpDone {
			open++
			continue
		}
		switch days := int(zone.Today(f.UpdatedAt).Time().Sub(f.ReviewDue.Time()).Hours() / 24); {
		case days < -5:
			ahead++
		case days <= 5:
			around++
		default:
			lateDone++
		}
	}
	if passed >= 20 && (around*2 <= passed || lateDone == 0 || open == 0 || open*4 > passed || ahead*10 > passed) {
		t.Errorf("of %d improvement plans past their review date, %d reviewed in the days around it, %d long before, %d late, %d still open: "+
			"most should be reviewed around their day, a few late and a few open", passed, around, ahead, lateDone, open)
	}

	// Every dated act falls in a working day's office hours on the
	// instansi's clock (07:30–16:00, Monday to Friday, as the README promises) and
	// none after now; the acts at now are the ones of writing the city.
	// The city is written on the store's clock (the app's now may be
	// another clock), from when the instansi is made to its last post,
	// person or placement: only the city itself is written then; every
	// other act carries the time it happened.
	var from, to string
	if err := s.DB().QueryRowContext(ctx, `SELECT MIN(at) FROM audit_log WHERE action = 'instansi.create'`).Scan(&from); err != nil {
		t.Fatal(err)
	}
	city := make([]string, 0, len(cityActions))
	for a := range cityActions {
		city = append(city, "'"+a+"'") // the names below, no quotes in them
	}
	if err := s.DB().QueryRowContext(ctx, `SELECT MAX(at) FROM audit_log WHERE action IN (`+strings.Join(city, ", ")+`)`).Scan(&to); err != nil {
		t.Fatal(err)
	}
	built, err := time.Parse(time.RFC3339Nano, from)
	if err != nil {
		t.Fatal(err)
	}
	builtEnd, err := time.Parse(time.RFC3339Nano, to)
	if err != nil {
		t.Fatal(err)
	}
	rows, err = s.DB().QueryContext(ctx, `SELECT action, at, actor_id, actor_name FROM audit_log`)
	if err != nil {
		t.Fatal(err)
	}
	odd, nobody, atBuild := map[string]int{}, map[string]int{}, map[string]int{}
	var example = map[string]string{}
	for rows.Next() {
		var action, at, actorID, actorName string
		if err := rows.Scan(&action, &at, &actorID, &actorName); err != nil {
			t.Fatal(err)
		}
		when, err := time.Parse(time.RFC3339Nano, at)
		if err != nil {
			t.Fatalf("audit %s at %q: %v", action, at, err)
		}
		if actorID == "" && actorName == "" {
			nobody[action]++
		}
		if !when.Before(built) && !when.After(builtEnd) {
			if !cityActions[action] {
				atBuild[action]++
			}
			continue
		}
		if when.Equal(now) {
			continue
		}
		l := when.In(zone.Location())
		minute := l.Hour()*60 + l.Minute()
		if late(when) || l.Weekday() == time.Saturday || l.Weekday() == time.Sunday || minute < 7*60+30 || minute > 16*60 {
			odd[action]++
			example[action] = l.Format("Mon 2006-01-02 15:04 MST")
		}
	}
	rows.Close()
	for action, n := range odd {
		t.Errorf("%d %s outside a working day's office hours or after now (e.g. %s)", n, action, example[action])
	}
	for action, n := range nobody {
		t.Errorf("%d %s by nobody: every act is someone's", n, action)
	}
	for action, n := range atBuild {
		if !undated[action] {
			t.Errorf("%d %s at the instant the city was written (%s): a dated act is written as of when it happened (store.Tx.At)", n, action, built)
		}
	}
	for action := range undated {
		if atBuild[action] == 0 {
			t.Errorf("%s is dated now: take it off undated", action)
		}
	}
}

// cityActions are the audited actions of writing the city itself (the
// instansi, its units, posts, people, accounts, placements, calendar,
// Perjanjian Kinerja and the assessments each period opens), which the
// demo records at the instant it was built.
var cityActions = map[string]bool{"instansi.create": true, "instansi.update": true, "instansi.periodic_objections": true,
	"instansi.unit_performance": true, "unit.create": true, "position.create": true, "employee.create": true, "user.create": true,
	"role.grant": true, "placement.create": true, "placement.end": true, "year.open": true, "pk.sasaran.create": true,
	"assessment.open": true, "progress.seed": true}

// undated are the demo's acts still written at the instant the city was
// built rather than when they happened: known faults, to be dated the way
// the SKP's steps are (the check fails once one is dated, so that it
// leaves this list).
var undated = map[string]bool{"feedback.create": true, "coaching.create": true, "coaching.feedback": true, "coaching.competence": true,
	"need.create": true, "need.confirm": true, "need.close": true, "need.address": true,
	"team.create": true, "team.member.add": true, "team.member.link": true, "team.kudos": true}
