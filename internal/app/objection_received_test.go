package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// TestChangedResultIsReceivedAgain: a result changed after it was sent
// (a calibration move, a keberatan decision that changes it) reaches the
// employee again: a new received moment, the acknowledgement cleared and
// asked again, and, where no objection was made yet, the 14 days to
// object counted again from the day of the change.
func TestChangedResultIsReceivedAgain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid, kadis := who["staff1"], who["kabid"], who["kadis"]
		approvedStaffSKP(t, e, s, staff)
		sent := time.Date(2026, 3, 2, 3, 0, 0, 0, time.UTC) // 2 March on the WIB clock: last day 16 March
		as := finalAssessment(t, e, s, who, model.PeriodAnnual, 1, sent)
		if !as.ReceivedAt.Equal(sent) {
			t.Fatalf("received at %s, want the sending %s", as.ReceivedAt, sent)
		}
		e.clock.set(time.Date(2026, 3, 4, 2, 0, 0, 0, time.UTC))
		as, err := e.a.AcknowledgeAssessment(ctx, staff, as.ID)
		if err != nil || as.AcknowledgedAt.IsZero() {
			t.Fatalf("acknowledged = %+v, %v", as, err)
		}
		// After the first window closed, BKPSDM moves the rating.
		moved := time.Date(2026, 3, 20, 2, 0, 0, 0, time.UTC)
		e.clock.set(moved)
		if p, _ := e.a.ObjectionPanel(ctx, staff, as.ID); p.Open || p.Deadline != "2026-03-16" {
			t.Fatalf("panel before the move = %+v", p)
		}
		as, err = e.a.MoveAssessment(ctx, e.admin, as.ID, app.MoveInput{Version: as.Version, HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingDiBawah, Reason: "Bukti perilaku tidak mendukung."})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.Assessment(ctx, as.ID)
		if !got.ReceivedAt.Equal(moved) || !got.AcknowledgedAt.IsZero() || !got.FinalizedAt.Equal(sent) {
			t.Errorf("after the move: received %s, acknowledged %s, sent %s", got.ReceivedAt, got.AcknowledgedAt, got.FinalizedAt)
		}
		if it, _ := e.a.Assessment(ctx, staff, as.ID); !it.Can.Acknowledge {
			t.Errorf("the employee is not asked to confirm the changed result: %+v", it.Can)
		}
		notified(t, e, staff, "assessment.moved", "received", "/penilaian/"+as.ID)
		notified(t, e, kabid, "assessment.moved", "", "/penilaian/"+as.ID)
		p, err := e.a.ObjectionPanel(ctx, staff, as.ID)
		if err != nil || !p.Open || !p.Can.Object || p.Deadline != "2026-04-03" || p.Received != "2026-03-20" {
			t.Fatalf("panel after the move = %+v, %v", p, err)
		}
		o, err := e.a.SubmitObjection(ctx, staff, as.ID, "Perilaku kerja saya sesuai ekspektasi.")
		if err != nil || o.Deadline != "2026-04-03" {
			t.Fatalf("objection after the move = %+v, %v", o, err)
		}

		// A decision that changes the result: received again and to be
		// confirmed again, but no second window (the decision is final).
		as, _ = e.a.AcknowledgeAssessment(ctx, staff, as.ID)
		if o, err = e.a.ExplainObjection(ctx, kabid, o.ID, "Catatan umpan balik mendukung.", 0); err != nil {
			t.Fatal(err)
		}
		decided := time.Date(2026, 3, 25, 2, 0, 0, 0, time.UTC)
		e.clock.set(decided)
		if _, err := e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionChange, HasilKerja: model.RatingSesuai,
			PerilakuKerja: model.RatingSesuai, Note: "Dikembalikan."}); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Assessment(ctx, as.ID)
		if !got.ReceivedAt.Equal(decided) || !got.AcknowledgedAt.IsZero() {
			t.Errorf("after the decision: received %s, acknowledged %s", got.ReceivedAt, got.AcknowledgedAt)
		}
		p, _ = e.a.ObjectionPanel(ctx, staff, as.ID)
		if p.Can.Object || p.Deadline != "2026-04-03" {
			t.Errorf("panel after the decision = %+v", p)
		}
		if it, _ := e.a.Assessment(ctx, staff, as.ID); !it.Can.Acknowledge {
			t.Errorf("the employee is not asked to confirm the decided result: %+v", it.Can)
		}
	})
}

// TestRedeliver: the rule every write of an assessment passes through.
func TestRedeliver(t *testing.T) {
	sent, ack, now := time.Unix(1000, 0), time.Unix(2000, 0), time.Unix(3000, 0)
	rated := model.Assessment{Status: model.AssessmentRated, HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai, Predikat: model.PredikatBaik}
	final := rated
	final.Status, final.FinalizedAt, final.ReceivedAt, final.AcknowledgedAt = model.AssessmentFinal, sent, sent, ack
	moved := final
	moved.PerilakuKerja, moved.Predikat = model.RatingDiBawah, model.PredikatButuhPerbaikan
	sending := rated
	sending.Status, sending.FinalizedAt = model.AssessmentFinal, sent
	acked := final
	acked.AcknowledgedAt = now
	for _, c := range []struct {
		name          string
		before, after model.Assessment
		received, ack time.Time
	}{
		{"sent", rated, sending, sent, time.Time{}},
		{"changed after sending", final, moved, now, time.Time{}},
		{"acknowledged", final, acked, sent, now},
		{"kept", final, final, sent, ack},
		{"still rated", rated, rated, time.Time{}, time.Time{}},
	} {
		got := model.Redeliver(c.before, c.after, now)
		if !got.ReceivedAt.Equal(c.received) || !got.AcknowledgedAt.Equal(c.ack) {
			t.Errorf("%s: received %s, acknowledged %s; want %s, %s", c.name, got.ReceivedAt, got.AcknowledgedAt, c.received, c.ack)
		}
	}
}
