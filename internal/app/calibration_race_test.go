package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"sync"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// sentKominfo is crowdedKominfo with every result rated Baik and sent to
// its employee, periodic results open to keberatan, and each employee's
// actor beside their result.
func sentKominfo(t *testing.T, e env, s *store.Store, who map[string]model.Actor, n int) ([]model.Assessment, []model.Actor) {
	t.Helper()
	ctx := context.Background()
	if err := e.a.SetPeriodicObjections(ctx, e.admin, true); err != nil {
		t.Fatal(err)
	}
	items := crowdedKominfo(t, e, s, who, n, model.CapaianIstimewa)
	rated := rateAll(t, e, who["kabid"], items, model.RatingSesuai, model.RatingSesuai)
	var people []model.Actor
	for i, a := range rated {
		var err error
		if rated[i], err = e.a.FinalizeAssessment(ctx, who["kabid"], a.ID, a.Version); err != nil {
			t.Fatal(err)
		}
		p := who["staff1"]
		p.UserID, p.Username, p.Name, p.EmployeeID = "", "", a.Employee.Name, a.EmployeeID
		people = append(people, p)
	}
	return rated, people
}

// assessmentChain checks that an assessment's audit entries, in the order
// they were written, form one chain: each change starts from the version
// and the result the one before it left, so that no act was judged on a
// result another had changed meanwhile.
func assessmentChain(t *testing.T, s *store.Store, instansiID, id string) []model.AuditEntry {
	t.Helper()
	entries, err := s.AuditEntries(context.Background(), model.AuditFilter{InstansiID: instansiID, EntityType: "assessment", EntityID: id, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].ID < entries[j].ID })
	var prev *model.Assessment
	for _, en := range entries {
		var before, after model.Assessment
		if en.Before != "" {
			if err := json.Unmarshal([]byte(en.Before), &before); err != nil {
				t.Fatal(err)
			}
		}
		if err := json.Unmarshal([]byte(en.After), &after); err != nil {
			t.Fatal(err)
		}
		if prev != nil && (before.Version != prev.Version || before.Predikat != prev.Predikat || !before.ReceivedAt.Equal(prev.ReceivedAt)) {
			t.Errorf("assessment %s: %s from version %d (%s), after version %d (%s)", id, en.Action, before.Version, before.Predikat,
				prev.Version, prev.Predikat)
		}
		prev = &after
	}
	return entries
}

// Many results of one OPD are moved by the OPD head while their employees
// object to them and acknowledge them, all at once: each pair is taken one
// after the other on both engines. No result is moved after its objection
// was filed (the move waits for the objection and refuses), no objection
// is filed against a result moved since it was read, and every result's
// history is one chain.
func TestMovesAndObjectionsAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		sent, people := sentKominfo(t, e, s, who, 16)
		type outcome struct{ move, object, ack error }
		out := make([]outcome, len(sent))
		var wg sync.WaitGroup
		for i, a := range sent {
			wg.Add(3)
			go func() {
				defer wg.Done()
				_, out[i].move = e.a.MoveAssessment(ctx, who["kadis"], a.ID, app.MoveInput{Version: a.Version, HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingSesuai, Reason: "Kalibrasi OPD"})
			}()
			go func() {
				defer wg.Done()
				_, out[i].object = e.a.SubmitObjection(ctx, people[i], a.ID, "Realisasi saya melampaui target.")
			}()
			go func() {
				defer wg.Done()
				if i%2 == 0 {
					_, out[i].ack = e.a.AcknowledgeAssessment(ctx, people[i], a.ID)
				}
			}()
		}
		wg.Wait()
		objected, moved := 0, 0
		for i, a := range sent {
			o := out[i]
			switch {
			case o.move == nil:
				moved++
			case refusedKey(o.move) == "conflict.calibration.objection", errors.Is(o.move, model.ErrStale):
			default:
				t.Errorf("%s: move = %v", a.Employee.Name, o.move)
			}
			switch {
			case o.object == nil:
				objected++
			// The objection carries no version: it is told the result moved.
			case refusedKey(o.object) == "conflict.objection.result.changed":
			default:
				t.Errorf("%s: objection = %v", a.Employee.Name, o.object)
			}
			if o.ack != nil && !errors.Is(o.ack, model.ErrStale) {
				t.Errorf("%s: acknowledgement = %v", a.Employee.Name, o.ack)
			}
			moves, err := s.AssessmentMoves(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			obj, err := s.ObjectionOf(ctx, a.ID)
			switch {
			case err == nil:
				for _, m := range moves {
					if m.ID > obj.ID {
						t.Errorf("%s: moved (%s) after its objection was filed (%s)", a.Employee.Name, m.ID, obj.ID)
					}
				}
				if o.object != nil {
					t.Errorf("%s: an objection stands though filing it failed: %v", a.Employee.Name, o.object)
				}
			case !errors.Is(err, model.ErrNotFound):
				t.Fatal(err)
			}
			if (o.move == nil) != (len(moves) == 1) {
				t.Errorf("%s: move = %v, moves recorded %d", a.Employee.Name, o.move, len(moves))
			}
			assessmentChain(t, s, e.o.Instansi.ID, a.ID)
		}
		if moved+objected < len(sent) {
			t.Errorf("moved %d, objected %d of %d: each result is moved or objected to", moved, objected, len(sent))
		}
	})
}

// The OPD head moves results while BKPSDM finalises the OPD's period at the
// same instant: a move is taken before the finalisation or refused after
// it, on both engines, never written into a final period.
func TestMovesAndCalibrationFinalisationAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		sent, _ := sentKominfo(t, e, s, who, 12)
		period := sent[0].PeriodID
		moves := make([]error, len(sent))
		var final error
		var wg sync.WaitGroup
		for i, a := range sent {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, moves[i] = e.a.MoveAssessment(ctx, who["kadis"], a.ID, app.MoveInput{Version: a.Version, HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingSesuai, Reason: "Kalibrasi OPD"})
			}()
			if i == len(sent)/2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, final = e.a.FinalizeCalibration(ctx, e.admin, e.o.Kominfo.ID, period, "Sebaran disetujui BKPSDM")
				}()
			}
		}
		wg.Wait()
		if final != nil {
			t.Fatalf("finalise: %v", final)
		}
		entries, err := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "calibration",
			EntityID: e.o.Kominfo.ID + "/" + period, Limit: 10})
		if err != nil || len(entries) != 1 || entries[0].Action != "calibration.finalize" {
			t.Fatalf("calibration audit = %+v, %v", entries, err)
		}
		for i, a := range sent {
			recorded, err := s.AssessmentMoves(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case moves[i] == nil && len(recorded) == 1:
				if recorded[0].ID > entries[0].ID {
					t.Errorf("%s: moved (%s) after the OPD's period was final (%s)", a.Employee.Name, recorded[0].ID, entries[0].ID)
				}
			case refusedKey(moves[i]) == "conflict.calibration.final" && len(recorded) == 0:
			default:
				t.Errorf("%s: move = %v, moves recorded %d", a.Employee.Name, moves[i], len(recorded))
			}
		}
	})
}

// The OPD head moves results while BKPSDM locks the period at the same
// instant: a move is taken before the lock or refused after it, on both
// engines, never written into a locked period.
func TestMovesAndPeriodLockAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		sent, _ := sentKominfo(t, e, s, who, 12)
		period, err := s.Period(ctx, sent[0].PeriodID)
		if err != nil {
			t.Fatal(err)
		}
		moves := make([]error, len(sent))
		var lock error
		var wg sync.WaitGroup
		for i, a := range sent {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, moves[i] = e.a.MoveAssessment(ctx, who["kadis"], a.ID, app.MoveInput{Version: a.Version, HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingSesuai, Reason: "Kalibrasi OPD"})
			}()
			if i == len(sent)/2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					p := period
					p.Status = model.PeriodLocked
					lock = e.a.MovePeriod(ctx, e.admin, p, "")
				}()
			}
		}
		wg.Wait()
		if lock != nil {
			t.Fatalf("lock the period: %v", lock)
		}
		entries, err := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "period", EntityID: period.ID, Limit: 10})
		if err != nil || len(entries) == 0 {
			t.Fatalf("period audit = %+v, %v", entries, err)
		}
		locked := entries[0].ID // the newest
		for _, en := range entries {
			locked = max(locked, en.ID)
		}
		for i, a := range sent {
			recorded, err := s.AssessmentMoves(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case moves[i] == nil && len(recorded) == 1:
				if recorded[0].ID > locked {
					t.Errorf("%s: moved (%s) after the period was locked (%s)", a.Employee.Name, recorded[0].ID, locked)
				}
			case refusedKey(moves[i]) == "conflict.period.locked" && len(recorded) == 0:
			default:
				t.Errorf("%s: move = %v, moves recorded %d", a.Employee.Name, moves[i], len(recorded))
			}
		}
	})
}
