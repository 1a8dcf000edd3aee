package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// setClock puts the test clock at t.
func (c *clock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// finalAssessment closes a period of 2026 (which makes the assessments),
// has Kabid rate Staff1's with sesuai/sesuai and makes it final at the
// instant at, through the store (finalising through app needs the OPD's
// capaian kinerja organisasi, which another part of penilaian records).
func finalAssessment(t *testing.T, e env, s *store.Store, who map[string]model.Actor, kind model.PeriodKind, number int, at time.Time) model.Assessment {
	t.Helper()
	ctx := context.Background()
	p := movePeriods(t, e, number, kind, model.PeriodOpen, model.PeriodClosed)
	page, err := e.a.Assessments(ctx, who["kabid"], app.AssessmentFilter{PeriodID: p.ID, Employee: e.o.Staff1.ID}) // as the rater reads it, with its version
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("assessments of %s: %+v, %v", p.Name(), page.Items, err)
	}
	as, err := e.a.RateAssessment(ctx, who["kabid"], page.Items[0].ID, app.RateInput{HasilKerja: model.RatingSesuai,
		PerilakuKerja: model.RatingSesuai, Version: page.Items[0].Version})
	if err != nil {
		t.Fatal(err)
	}
	after := as
	after.Status, after.FinalizedBy, after.FinalizedAt = model.AssessmentFinal, e.o.Kabid.ID, at
	if err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
		var err error
		after, err = tx.UpdateAssessment(ctx, "assessment.finalize", as, after)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return after
}

// notified reports whether the person's newest notification is of kind
// and variant, linking to link.
func notified(t *testing.T, e env, who model.Actor, kind, variant, link string) {
	t.Helper()
	list, err := e.a.ListNotifications(context.Background(), who, app.NotificationQuery{})
	if err != nil || len(list.Items) == 0 {
		t.Errorf("%s has no notification: %v", who.EmployeeID, err)
		return
	}
	n := list.Items[0]
	if n.Kind != kind || n.Variant != variant || n.Link != link || n.Title == "" {
		t.Errorf("%s's newest notification = %+v, want %s/%s to %s", who.EmployeeID, n, kind, variant, link)
	}
}

func TestObjectionWindowAndFlow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid, kadis := who["staff1"], who["kabid"], who["kadis"]
		if err := e.a.SetTimeZone(ctx, e.admin, string(model.ZoneWIT)); err != nil {
			t.Fatal(err)
		}
		approvedStaffSKP(t, e, s, staff)
		// Received on 2 March 16:30 UTC, which is 3 March 01:30 WIT: the
		// day of receipt is 3 March on the instansi's clock, the last day
		// to object 17 March, until 23:59:59 WIT (14:59:59 UTC).
		as := finalAssessment(t, e, s, who, model.PeriodAnnual, 1, time.Date(2026, 3, 2, 16, 30, 0, 0, time.UTC))
		e.clock.set(time.Date(2026, 3, 17, 15, 0, 0, 0, time.UTC)) // 18 March 00:00 WIT
		panel, err := e.a.ObjectionPanel(ctx, staff, as.ID)
		if err != nil || panel.Deadline != "2026-03-17" || panel.Open || panel.Can.Object || !panel.Allowed {
			t.Fatalf("panel on day 15 = %+v, %v", panel, err)
		}
		_, err = e.a.SubmitObjection(ctx, staff, as.ID, "Realisasi saya melampaui target.")
		if k := refusedKey(err); k != "conflict.objection.late" {
			t.Errorf("%s: want the 409 %s, got %v", "the first minute of day 15", "conflict.objection.late", err)
		}
		e.clock.set(time.Date(2026, 3, 17, 14, 59, 0, 0, time.UTC)) // 17 March 23:59 WIT
		if panel, _ := e.a.ObjectionPanel(ctx, staff, as.ID); !panel.Open || !panel.Can.Object || panel.HasObjection {
			t.Errorf("panel in the last minute = %+v", panel)
		}
		if p, _ := e.a.ObjectionPanel(ctx, kabid, as.ID); p.Can.Object {
			t.Error("the rater may object to the employee's result")
		}
		// Only the owner objects; a colleague does not even see the result.
		if _, err := e.a.SubmitObjection(ctx, kabid, as.ID, "Atas nama staf"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the rater objected: %v", err)
		}
		if _, err := e.a.SubmitObjection(ctx, who["staff2"], as.ID, "Ikut keberatan"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague objected: %v", err)
		}
		_, err = e.a.SubmitObjection(ctx, staff, as.ID, "   ")
		refusedBy(t, "no reason", err, "reason", "invalid.objection.reason.required")
		o, err := e.a.SubmitObjection(ctx, staff, as.ID, "Realisasi saya melampaui target.")
		if err != nil || o.Status != model.ObjectionSubmitted || o.Deadline != "2026-03-17" {
			t.Fatalf("objection in the last minute = %+v, %v", o, err)
		}
		if _, err := e.a.SubmitObjection(ctx, staff, as.ID, "Sekali lagi"); !errors.Is(err, model.ErrConflict) {
			t.Errorf("a second objection: %v", err)
		}
		link := "/keberatan/" + o.ID
		notified(t, e, kabid, "objection.submitted", "", link)
		notified(t, e, kadis, "objection.submitted", "upper", link)

		// Evidence is attached by the employee until the explanation.
		if _, err := e.a.AddEvidenceLink(ctx, kabid, app.TargetObjection, o.ID, "https://example.org/x", ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the rater attached evidence to the objection: %v", err)
		}
		if _, err := e.a.AddEvidenceLink(ctx, staff, app.TargetObjection, o.ID, "https://example.org/laporan", "Laporan"); err != nil {
			t.Fatal(err)
		}

		// Only today's rater explains; the atasan waits for it.
		_, err = e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionKeep, Note: "Tetap"})
		if k := refusedKey(err); k != "conflict.objection.unexplained" {
			t.Errorf("%s: want the 409 %s, got %v", "a decision before the explanation", "conflict.objection.unexplained", err)
		}
		for name, actor := range map[string]model.Actor{"the employee": staff, "the atasan": kadis} {
			if _, err := e.a.ExplainObjection(ctx, actor, o.ID, "Penjelasan", 0); !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s explained: %v", name, err)
			}
		}
		if _, err := e.a.ExplainObjection(ctx, who["nurse"], o.ID, "Penjelasan", 0); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("someone of another OPD explained: %v", err)
		}
		o, err = e.a.ExplainObjection(ctx, kabid, o.ID, "Dua indikator belum didukung bukti.", o.Version)
		if err != nil || o.Status != model.ObjectionExplained || o.ExplainedBy != e.o.Kabid.ID {
			t.Fatalf("explained = %+v, %v", o, err)
		}
		if _, err := e.a.ExplainObjection(ctx, kabid, o.ID, "Lagi", 0); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a second explanation: %v", err)
		}
		notified(t, e, kadis, "objection.explained", "", link)
		_, err = e.a.AddEvidenceLink(ctx, staff, app.TargetObjection, o.ID, "https://example.org/lagi", "")
		if k := refusedKey(err); k != "conflict.objection.evidence.closed" {
			t.Errorf("%s: want the 409 %s, got %v", "evidence after the explanation", "conflict.objection.evidence.closed", err)
		}

		// Only today's atasan decides; the predikat is computed.
		if _, err := e.a.DecideObjection(ctx, kabid, o.ID, app.DecideInput{Decision: model.DecisionKeep, Note: "Tetap"}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("the rater decided: %v", err)
		}
		_, err = e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: "ubah", Note: "x"})
		refusedBy(t, "an unknown decision", err, "decision", "invalid.objection.decision")
		_, err = e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionChange, HasilKerja: model.RatingSesuai,
			PerilakuKerja: model.RatingSesuai, Note: "x"})
		refusedBy(t, "a change to the same ratings", err, "decision", "invalid.objection.nochange")
		// While the objection is open the result stays as objected to:
		// calibration waits for the decision.
		if can, _ := e.a.Assessment(ctx, e.admin, as.ID); can.Can.Calibrate {
			t.Errorf("BKPSDM may calibrate while the objection is open: %+v", can.Can)
		}
		if _, err := e.a.MoveAssessment(ctx, e.admin, as.ID, app.MoveInput{Version: as.Version, HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingDiBawah, Reason: "kalibrasi"}); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a move while the objection is open: %v", err)
		}
		o, err = e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionChange, HasilKerja: model.RatingDiAtas,
			PerilakuKerja: model.RatingDiAtas, Note: "Bukti mendukung capaian di atas target.", Version: o.Version})
		if err != nil || o.Status != model.ObjectionDecided || o.To.Predikat != model.PredikatSangatBaik ||
			o.From.Predikat != model.PredikatBaik || o.DecidedBy != e.o.Kadis.ID {
			t.Fatalf("decided = %+v, %v", o, err)
		}
		got, _ := s.Assessment(ctx, as.ID)
		if got.HasilKerja != model.RatingDiAtas || got.PerilakuKerja != model.RatingDiAtas || got.Predikat != model.PredikatSangatBaik ||
			got.Version != as.Version+1 || got.Status != model.AssessmentFinal {
			t.Errorf("the assessment after the decision = %+v", got)
		}
		notified(t, e, staff, "objection.decided", "change", link)
		notified(t, e, kabid, "objection.decided", "rater", link)

		// Nothing changes after the decision.
		if _, err := e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionKeep, Note: "Lagi"}); !errors.Is(err, model.ErrInvalidTransition) {
			t.Errorf("a second decision: %v", err)
		}
		if can, _ := e.a.Assessment(ctx, e.admin, as.ID); can.Can.Calibrate || can.Can.Rate {
			t.Errorf("the result may still move after the decision: %+v", can.Can)
		}
		v, err := e.a.Objection(ctx, staff, o.ID)
		if err != nil || v.Can.Object || v.Can.Explain || v.Can.Decide || v.Can.Attach || v.Can.ObjectRefused.Key != "conflict.objection.exists" || len(v.Evidence) != 1 || v.Evidence[0].Can.Delete ||
			v.ExplainedByName != e.o.Kabid.Name || v.DecidedByName != e.o.Kadis.Name {
			t.Errorf("the story after the decision = %+v, %v", v, err)
		}
		if err := e.a.DeleteEvidence(ctx, staff, v.Evidence[0].ID); err == nil {
			t.Error("evidence was removed after the decision")
		}
		actions := func(typ, id string) map[string]int {
			entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: typ, EntityID: id})
			out := map[string]int{}
			for _, en := range entries {
				out[en.Action]++
			}
			return out
		}
		if got := actions("objection", o.ID); got["objection.submit"] != 1 || got["objection.explain"] != 1 || got["objection.decide"] != 1 {
			t.Errorf("the objection's audit = %v", got)
		}
		if got := actions("assessment", as.ID); got["assessment.decide"] != 1 {
			t.Errorf("the assessment's audit = %v", got)
		}

		// The lists: the employee's own, the atasan's to-do (now empty).
		if l, err := e.a.Objections(ctx, staff, app.ObjectionFilter{Mine: true}); err != nil || len(l.Items) != 1 {
			t.Errorf("the employee's list = %+v, %v", l, err)
		}
		if l, err := e.a.Objections(ctx, staff, app.ObjectionFilter{Todo: true}); err != nil || len(l.Items) != 0 {
			t.Errorf("the employee's to-do = %+v, %v", l, err)
		}
		if l, _ := e.a.Objections(ctx, kadis, app.ObjectionFilter{Todo: true}); len(l.Items) != 0 {
			t.Errorf("the atasan's to-do after the decision = %+v", l)
		}
		if l, _ := e.a.Objections(ctx, kadis, app.ObjectionFilter{Mine: true}); len(l.Items) != 0 {
			t.Errorf("the atasan's own = %+v", l)
		}
	})
}

func TestObjectionPeriodicAndKeep(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid, kadis := who["staff1"], who["kabid"], who["kadis"]
		approvedStaffSKP(t, e, s, staff)
		as := finalAssessment(t, e, s, who, model.PeriodMonthly, 1, e.clock.now())
		_, err := e.a.SubmitObjection(ctx, staff, as.ID, "Keberatan bulanan")
		if k := refusedKey(err); k != "conflict.objection.periodic" {
			t.Errorf("%s: want the 409 %s, got %v", "a periodic result", "conflict.objection.periodic", err)
		}
		if p, _ := e.a.ObjectionPanel(ctx, staff, as.ID); p.Allowed || p.Can.Object {
			t.Errorf("panel of a periodic result = %+v", p)
		}
		if err := e.a.SetPeriodicObjections(ctx, staff, true); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN changed the setting: %v", err)
		}
		if err := e.a.SetPeriodicObjections(ctx, e.admin, true); err != nil {
			t.Fatal(err)
		}
		if set, _ := e.a.InstansiSettings(ctx, staff); !set.PeriodicObjections {
			t.Error("the setting does not show")
		}
		o, err := e.a.SubmitObjection(ctx, staff, as.ID, "Keberatan bulanan")
		if err != nil {
			t.Fatal(err)
		}
		if l, _ := e.a.Objections(ctx, kabid, app.ObjectionFilter{Todo: true}); len(l.Items) != 1 || !l.Items[0].Can.Explain || l.Items[0].Can.Decide {
			t.Errorf("the rater's to-do = %+v", l)
		}
		if _, err := e.a.ExplainObjection(ctx, kabid, o.ID, "Sudah sesuai bukti.", 0); err != nil {
			t.Fatal(err)
		}
		if l, _ := e.a.Objections(ctx, kadis, app.ObjectionFilter{Todo: true}); len(l.Items) != 1 || !l.Items[0].Can.Decide {
			t.Errorf("the atasan's to-do = %+v", l)
		}
		if !e.a.HasObjections(ctx, kadis) || !e.a.HasObjections(ctx, staff) || e.a.HasObjections(ctx, who["nurse"]) {
			t.Error("the menu's keberatan link is wrong")
		}
		// Keeping takes no new rating: one sent with it is refused, the
		// result's own is accepted.
		_, err = e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionKeep, HasilKerja: model.RatingDiAtas, Note: "Hasil tetap."})
		refusedBy(t, "keep with a new hasil kerja", err, "hasil_kerja", "invalid.objection.keep.rating")
		_, err = e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionKeep, PerilakuKerja: model.RatingDiBawah, Note: "Hasil tetap."})
		refusedBy(t, "keep with a new perilaku kerja", err, "perilaku_kerja", "invalid.objection.keep.rating")
		o, err = e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionKeep, HasilKerja: model.RatingSesuai,
			PerilakuKerja: model.RatingSesuai, Note: "Hasil tetap."})
		if err != nil || o.To != o.From || o.To.Predikat != model.PredikatBaik {
			t.Fatalf("kept = %+v, %v", o, err)
		}
		if got, _ := s.Assessment(ctx, as.ID); got.Predikat != model.PredikatBaik || got.HasilKerja != model.RatingSesuai {
			t.Errorf("a kept result changed: %+v", got)
		}
		notified(t, e, staff, "objection.decided", "keep", "/keberatan/"+o.ID)
	})
}

func TestObjectionDeadline(t *testing.T) {
	for _, c := range []struct {
		at   time.Time
		zone model.TimeZone
		want model.Date
	}{
		{time.Date(2026, 3, 2, 16, 30, 0, 0, time.UTC), model.ZoneWIT, "2026-03-17"},
		{time.Date(2026, 3, 2, 16, 30, 0, 0, time.UTC), model.ZoneWIB, "2026-03-16"},
		{time.Date(2026, 2, 20, 3, 0, 0, 0, time.UTC), model.ZoneWITA, "2026-03-06"}, // across the end of February
	} {
		if got := model.ObjectionDeadline(c.at, c.zone); got != c.want {
			t.Errorf("deadline of %s in %s = %s, want %s", c.at, c.zone, got, c.want)
		}
	}
	last := model.Date("2026-03-17")
	if !model.ObjectionOpen(last, model.ZoneWIT, time.Date(2026, 3, 17, 14, 59, 59, 999, time.UTC)) {
		t.Error("the last instant of the last day is refused")
	}
	if model.ObjectionOpen(last, model.ZoneWIT, time.Date(2026, 3, 17, 15, 0, 0, 0, time.UTC)) {
		t.Error("the first instant of day 15 is accepted")
	}
}

// TestObjectionOfALeader: an OPD head's rating hasil kerja follows the
// capaian, so a decision changes only their perilaku kerja; the Wali
// Kota, their pejabat penilai with no atasan above, explains and decides.
func TestObjectionOfALeader(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kadis, wali := who["kadis"], who["wali"]
		skp, err := e.a.CreateSKP(ctx, kadis, e.o.Kadis.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		rhk, err := e.a.SaveRHK(ctx, kadis, skp.Version, model.RHK{SKPID: skp.ID, Kind: model.RHKUtama, Description: "Meningkatnya layanan digital"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.AddIndicator(ctx, kadis, skp.Version+1, indicator(rhk.ID)); err != nil {
			t.Fatal(err)
		}
		full, _ := s.SKP(ctx, skp.ID)
		full.Status = model.SKPApproved
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		if err := s.Write(ctx, sys, func(tx *store.Tx) error { return tx.SetSKPStatus(ctx, full.Version, full, model.ActApprove) }); err != nil {
			t.Fatal(err)
		}
		p := movePeriods(t, e, 1, model.PeriodAnnual, model.PeriodOpen, model.PeriodClosed)
		page, err := e.a.Assessments(ctx, kadis, app.AssessmentFilter{PeriodID: p.ID})
		if err != nil || len(page.Items) != 1 || !page.Items[0].Leader {
			t.Fatalf("the leader's assessment: %+v, %v", page.Items, err)
		}
		// Rated from a capaian of Baik (sesuai) and final, through the store.
		before, err := s.Assessment(ctx, page.Items[0].ID) // as stored: the leader reads version 0 until it is sent
		if err != nil {
			t.Fatal(err)
		}
		as := before
		as.Status, as.HasilKerja, as.PerilakuKerja, as.Predikat = model.AssessmentFinal, model.RatingSesuai, model.RatingDiBawah, model.PredikatButuhPerbaikan
		as.FinalizedBy, as.FinalizedAt = e.o.WaliKota.ID, e.clock.now()
		if err := s.Write(ctx, sys, func(tx *store.Tx) error {
			var err error
			as, err = tx.UpdateAssessment(ctx, "assessment.finalize", before, as)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		o, err := e.a.SubmitObjection(ctx, kadis, as.ID, "Perilaku kerja saya sesuai ekspektasi.")
		if err != nil {
			t.Fatal(err)
		}
		notified(t, e, wali, "objection.submitted", "", "/keberatan/"+o.ID)
		if o, err = e.a.ExplainObjection(ctx, wali, o.ID, "Beberapa rapat koordinasi tidak dihadiri.", 0); err != nil {
			t.Fatal(err)
		}
		_, err = e.a.DecideObjection(ctx, wali, o.ID, app.DecideInput{Decision: model.DecisionChange, HasilKerja: model.RatingDiAtas,
			PerilakuKerja: model.RatingSesuai, Note: "Diubah."})
		refusedBy(t, "a leader's hasil kerja changed", err, "hasil_kerja", "invalid.objection.leader.hasilkerja")
		o, err = e.a.DecideObjection(ctx, wali, o.ID, app.DecideInput{Decision: model.DecisionChange, PerilakuKerja: model.RatingSesuai, Note: "Diubah."})
		if err != nil || o.To.HasilKerja != model.RatingSesuai || o.To.PerilakuKerja != model.RatingSesuai || o.To.Predikat != model.PredikatBaik {
			t.Fatalf("the leader's decision = %+v, %v", o, err)
		}
		notified(t, e, kadis, "objection.decided", "change", "/keberatan/"+o.ID)
	})
}
