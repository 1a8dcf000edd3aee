package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// A change of an OPD's capaian after its head's result was sent changes
// that result (decision 6) with its own history entry and cause: the
// result's history (the "how my result was reached" page reads it) names
// the capaian change (from what to what, who set it, when, its basis),
// its changes list it as a capaian change, the documents print it and
// tell the predikat the rater sent from the one the capaian gave, and
// the head is told, received anew, asked to confirm anew, with a new
// objection window. A calibration move after it appears the same way.
func TestCapaianChangeOfASentResult(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		wali, kadis := who["wali"], who["kadis"]
		sent, p := sentHeadResult(t, e, s, who)
		e.clock.add(24 * time.Hour)
		if _, err := e.a.AcknowledgeAssessment(ctx, kadis, sent.ID); err != nil {
			t.Fatal(err)
		}

		// Five days later the Wali Kota lowers the capaian.
		e.clock.add(5 * 24 * time.Hour)
		changedAt := e.clock.now()
		perf, err := e.a.UnitPerformanceView(ctx, wali, e.o.Kominfo.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, wali, e.o.Kominfo.ID, p.ID, app.UnitPerformanceRequest{Capaian: model.CapaianKurang,
			Basis: "Uji perubahan capaian", Version: perf.Version}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Assessment(ctx, sent.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.HasilKerja != model.RatingDiBawah || got.Predikat != model.PredikatButuhPerbaikan || !got.ReceivedAt.Equal(changedAt) || !got.AcknowledgedAt.IsZero() {
			t.Fatalf("the result after the capaian changed: %+v", got)
		}
		list, err := e.a.ListNotifications(ctx, kadis, app.NotificationQuery{})
		told := false
		for _, n := range list.Items {
			told = told || (n.Kind == "assessment.capaian" && n.Variant == "received" && n.Link == "/penilaian/"+sent.ID)
		}
		if err != nil || !told {
			t.Errorf("the head is not told their result changed: %+v, %v", list.Items, err)
		}
		panel, err := e.a.ObjectionPanel(ctx, kadis, sent.ID)
		today := e.a.TimeZone(ctx, e.o.Instansi.ID).Today(changedAt)
		if err != nil || panel.Received != today || panel.Deadline != model.Date(today.Time().AddDate(0, 0, model.ObjectionWindowDays).Format(time.DateOnly)) {
			t.Errorf("the objection window after the capaian changed: %+v, %v (today %s)", panel, err, today)
		}

		// The head reads how the result was reached.
		v, err := e.a.AssessmentView(ctx, kadis, sent.ID)
		if err != nil {
			t.Fatal(err)
		}
		var steps []string
		var capaian *app.AssessmentEvent
		for i, h := range v.History {
			steps = append(steps, h.Action)
			if h.Action == "capaian" {
				capaian = &v.History[i]
			}
		}
		if strings.Join(steps, ",") != "finalize,acknowledge,capaian" || capaian == nil {
			t.Fatalf("the history the head reads: %v", steps)
		}
		if capaian.By == "" || !capaian.At.Equal(changedAt) || capaian.FromCapaian != model.CapaianIstimewa ||
			capaian.ToCapaian != model.CapaianKurang || capaian.Reason != "Uji perubahan capaian" ||
			capaian.From.Predikat != model.PredikatSangatBaik || capaian.Predikat != model.PredikatButuhPerbaikan {
			t.Errorf("the capaian step: %+v", *capaian)
		}
		if len(v.Moves) != 1 || v.Moves[0].Cause != model.MoveCapaian || v.Moves[0].MovedBy != e.o.WaliKota.ID ||
			v.Moves[0].From.Predikat != model.PredikatSangatBaik || v.Moves[0].To.Predikat != model.PredikatButuhPerbaikan {
			t.Errorf("the result's changes: %+v", v.Moves)
		}

		// BKPSDM then moves the perilaku kerja in calibration.
		e.clock.add(time.Hour)
		if _, err := e.a.MoveAssessment(ctx, e.admin, sent.ID, app.MoveInput{Version: got.Version, HasilKerja: model.RatingDiBawah,
			PerilakuKerja: model.RatingSesuai, Reason: "Perilaku sesuai ekspektasi menurut bukti."}); err != nil {
			t.Fatal(err)
		}
		if v, err = e.a.AssessmentView(ctx, kadis, sent.ID); err != nil {
			t.Fatal(err)
		}
		last := v.History[len(v.History)-1]
		if last.Action != "move" || last.Reason != "Perilaku sesuai ekspektasi menurut bukti." || last.From.Predikat != model.PredikatButuhPerbaikan {
			t.Errorf("the move step: %+v", last)
		}

		// The documents tell whose each predikat is.
		doc, err := e.a.AssessmentDocument(ctx, kadis, sent.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Changes) != 2 || doc.Changes[0].Cause != "capaian" || doc.Changes[1].Cause != "calibration" {
			t.Fatalf("the Dokumen Evaluasi's changes: %+v", doc.Changes)
		}
		text := doc.Changes[0].Text()
		for _, want := range []string{"Istimewa", "Kurang", e.o.WaliKota.Name, "Uji perubahan capaian", "bukan penilaian pejabat penilai", "SANGAT BAIK", "BUTUH PERBAIKAN"} {
			if !strings.Contains(text, want) {
				t.Errorf("the capaian change in the document lacks %q: %s", want, text)
			}
		}
		rater := doc.Signatures[1]
		if !strings.Contains(rater.Note, "Disampaikan secara elektronik") || !strings.Contains(rater.Note, "Predikat yang disampaikan: SANGAT BAIK") {
			t.Errorf("the rater's block: %q", rater.Note)
		}
		ev, err := e.a.EvaluationDocument(ctx, kadis, sent.ID)
		if err != nil || len(ev.Changes) != 2 || !strings.Contains(ev.Signatures[1].Note, "Predikat yang disampaikan: SANGAT BAIK") {
			t.Errorf("the Evaluasi's changes: %+v, %q, %v", ev.Changes, ev.Signatures[1].Note, err)
		}
	})
}

// TestCapaianWaitsForTheHeadsKeberatan: while the OPD head objects to
// their result, a capaian that would change their rating of work results
// is refused (409) and changes nothing; a capaian that leaves it as it
// is may still be set.
func TestCapaianWaitsForTheHeadsKeberatan(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		wali, kadis := who["wali"], who["kadis"]
		sent, p := sentHeadResult(t, e, s, who)
		if _, err := e.a.SubmitObjection(ctx, kadis, sent.ID, "Perilaku kerja saya layak dinilai lebih."); err != nil {
			t.Fatal(err)
		}
		set := func(c model.Capaian) error {
			perf, err := e.a.UnitPerformanceView(ctx, wali, e.o.Kominfo.ID, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.a.SetUnitPerformance(ctx, wali, e.o.Kominfo.ID, p.ID, app.UnitPerformanceRequest{Capaian: c, Basis: "Uji perubahan capaian", Version: perf.Version})
			return err
		}
		err := set(model.CapaianKurang)
		var st *model.StateError
		if !errors.As(err, &st) || st.Message.Key != "conflict.unitperf.leader.objection" {
			t.Fatalf("a capaian changing the head's result under keberatan: %v, want conflict.unitperf.leader.objection", err)
		}
		got, err := s.Assessment(ctx, sent.ID)
		if err != nil || got.HasilKerja != sent.HasilKerja || got.Predikat != sent.Predikat || got.Version != sent.Version {
			t.Errorf("the result after the refusal: %+v, %v; want it as sent: %+v", got, err, sent)
		}
		perf, err := e.a.UnitPerformanceView(ctx, wali, e.o.Kominfo.ID, p.ID)
		if err != nil || perf.Performance == nil || perf.Performance.Capaian != model.CapaianIstimewa {
			t.Errorf("the capaian after the refusal: %+v, %v; want Istimewa", perf, err)
		}
		// A capaian that leaves the head's rating as it is changes no
		// result: it is accepted (a new basis, say).
		if err := set(model.CapaianIstimewa); err != nil {
			t.Errorf("setting the capaian again to what the result already follows: %v", err)
		}
	})
}

// sentHeadResult is the Kepala Dinas' result of the first month, whose
// OPD's capaian is Istimewa, rated and sent by the Wali Kota as Sangat
// Baik, with periodic keberatan allowed; and that month.
func sentHeadResult(t *testing.T, e env, s *store.Store, who map[string]model.Actor) (model.Assessment, model.Period) {
	t.Helper()
	ctx := context.Background()
	wali := who["wali"]
	kadisSKP := approvedSKP(t, e, s, e.o.Kadis, e.o.PosKadis, "")
	p := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
	if err := e.a.SetPeriodicObjections(ctx, e.admin, true); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.SetUnitPerformance(ctx, wali, e.o.Kominfo.ID, p.ID, app.UnitPerformanceRequest{Capaian: model.CapaianIstimewa,
		Basis: "Rencana aksi melampaui target"}); err != nil {
		t.Fatal(err)
	}
	head := assessmentOf(t, e, wali, app.AssessmentFilter{RatedByMe: true, PeriodID: p.ID}, kadisSKP)
	rated, err := e.a.RateAssessment(ctx, wali, head.ID, app.RateInput{PerilakuKerja: model.RatingDiAtas, Note: "Kepemimpinan baik", Version: head.Version})
	if err != nil {
		t.Fatal(err)
	}
	sent, err := e.a.FinalizeAssessment(ctx, wali, rated.ID, rated.Version)
	if err != nil || sent.Predikat != model.PredikatSangatBaik {
		t.Fatalf("sent = %+v, %v", sent, err)
	}
	return sent, p
}
