package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/export"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// wantSign checks one signature block: dated day with note when the act
// is done, neither (dots for the pen) when it is not.
func wantSign(t *testing.T, what string, got export.Signature, day model.Date, note string) {
	t.Helper()
	if got.Date != day || got.Note != note {
		t.Errorf("%s: date %q note %q, want %q %q", what, got.Date, got.Note, day, note)
	}
	if day == "" && got.DateText() != "...................." {
		t.Errorf("%s: an act not done is dated %q", what, got.DateText())
	}
}

// A signature block of the documents is dated, with its electronic note,
// only for an act its signer did: the employee when they confirmed the
// result (not when it reached them, and not any more once a keberatan
// decision changed it), the pejabat penilai when they sent it, the atasan
// when they decided the keberatan, the leader when they set the capaian;
// each on the instansi's clock.
func TestDocumentSignaturesFollowActs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid, kadis := who["staff1"], who["kabid"], who["kadis"]
		if err := e.a.SetTimeZone(ctx, e.admin, string(model.ZoneWIT)); err != nil {
			t.Fatal(err)
		}
		approvedStaffSKP(t, e, s, staff)
		// Sent on 2 March 16:30 UTC: 3 March 01:30 WIT.
		as := finalAssessment(t, e, s, who, model.PeriodAnnual, 1, time.Date(2026, 3, 2, 16, 30, 0, 0, time.UTC))
		const sent = "Disampaikan secara elektronik 03-03-2026 01:30 WIT"
		signs := func(step string) (ev, doc []export.Signature) {
			t.Helper()
			for _, actor := range []model.Actor{staff, kabid} {
				evd, err := e.a.EvaluationDocument(ctx, actor, as.ID)
				if err != nil {
					t.Fatalf("%s: evaluasi: %v", step, err)
				}
				d, err := e.a.AssessmentDocument(ctx, actor, as.ID)
				if err != nil {
					t.Fatalf("%s: dokumen: %v", step, err)
				}
				if len(evd.Signatures) != 2 || len(d.Signatures) != 3 {
					t.Fatalf("%s: %d and %d signatures", step, len(evd.Signatures), len(d.Signatures))
				}
				ev, doc = evd.Signatures, d.Signatures
			}
			return ev, doc
		}

		// The annual assessment is due the whole target: printed once.
		if ev, err := e.a.EvaluationDocument(ctx, kabid, as.ID); err != nil || ev.Results[0].Indicators[0].WholeTarget != "" ||
			strings.Contains(ev.Results[0].Indicators[0].TargetText(), "tahunan") {
			t.Errorf("the annual target: %+v, %v", ev.Results, err)
		}

		// Sent, not yet confirmed: the employee's block is for the pen.
		e.clock.set(time.Date(2026, 3, 4, 2, 0, 0, 0, time.UTC))
		ev, doc := signs("sent")
		for _, sig := range [][]export.Signature{ev, doc} {
			wantSign(t, "employee, unconfirmed", sig[0], "", "")
			wantSign(t, "rater, sent", sig[1], "2026-03-03", sent)
		}
		wantSign(t, "atasan, no keberatan", doc[2], "", "")

		// Confirmed on 5 March 23:10 UTC: 6 March 08:10 WIT.
		e.clock.set(time.Date(2026, 3, 5, 23, 10, 0, 0, time.UTC))
		if _, err := e.a.AcknowledgeAssessment(ctx, staff, as.ID); err != nil {
			t.Fatal(err)
		}
		ev, doc = signs("confirmed")
		for _, sig := range [][]export.Signature{ev, doc} {
			wantSign(t, "employee, confirmed", sig[0], "2026-03-06", "Dinyatakan diterima secara elektronik 06-03-2026 08:10 WIT")
			wantSign(t, "rater, confirmed", sig[1], "2026-03-03", sent)
		}
		wantSign(t, "atasan, no keberatan", doc[2], "", "")

		// A keberatan, explained: still nothing for the atasan to sign.
		o, err := e.a.SubmitObjection(ctx, staff, as.ID, "Realisasi saya melampaui target.")
		if err != nil {
			t.Fatal(err)
		}
		if o, err = e.a.ExplainObjection(ctx, kabid, o.ID, "Dua indikator belum didukung bukti.", o.Version); err != nil {
			t.Fatal(err)
		}
		_, doc = signs("explained")
		wantSign(t, "atasan, explained", doc[2], "", "")

		// Decided on 9 March 15:20 UTC (10 March 00:20 WIT), changing the
		// result: the employee receives it anew and has not confirmed it.
		e.clock.set(time.Date(2026, 3, 9, 15, 20, 0, 0, time.UTC))
		if _, err := e.a.DecideObjection(ctx, kadis, o.ID, app.DecideInput{Decision: model.DecisionChange, HasilKerja: model.RatingDiAtas,
			PerilakuKerja: model.RatingDiAtas, Note: "Bukti mendukung.", Version: o.Version}); err != nil {
			t.Fatal(err)
		}
		ev, doc = signs("decided")
		for _, sig := range [][]export.Signature{ev, doc} {
			wantSign(t, "employee, decision not confirmed", sig[0], "", "")
			// The rater's block keeps their act and names the predikat
			// they sent, which the decision changed.
			wantSign(t, "rater, decided", sig[1], "2026-03-03", sent+". Predikat yang disampaikan: BAIK; diubah sesudahnya (lihat perubahan sesudah disampaikan)")
		}
		const decided = "Diputuskan secara elektronik 10-03-2026 00:20 WIT"
		wantSign(t, "atasan, decided", doc[2], "2026-03-10", decided)
		if doc[2].Person.EmployeeID != e.o.Kadis.ID {
			t.Errorf("the atasan's block names %+v", doc[2].Person)
		}
		// Confirmed again: dated anew.
		e.clock.set(time.Date(2026, 3, 11, 1, 0, 0, 0, time.UTC))
		if _, err := e.a.AcknowledgeAssessment(ctx, staff, as.ID); err != nil {
			t.Fatal(err)
		}
		ev, doc = signs("confirmed again")
		for _, sig := range [][]export.Signature{ev, doc} {
			wantSign(t, "employee, decision confirmed", sig[0], "2026-03-11", "Dinyatakan diterima secara elektronik 11-03-2026 10:00 WIT")
		}
		wantSign(t, "atasan, decided", doc[2], "2026-03-10", decided)
	})
}

// The rater's block of a result not yet sent, and the Penetapan's
// signer before the capaian is set, are left for the pen.
func TestDocumentSignaturesBeforeTheAct(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		pen, err := e.a.PerformanceDocument(ctx, who["wali"], e.o.Kominfo.ID, jan.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantSign(t, "setter, not set", pen.Setter, "", "")
		if pen.Setter.Person.EmployeeID != e.o.WaliKota.ID {
			t.Errorf("the setter to be is %+v", pen.Setter.Person)
		}
		e.clock.set(time.Date(2026, 2, 2, 3, 4, 0, 0, time.UTC))
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "Rencana aksi Januari tercapai"}); err != nil {
			t.Fatal(err)
		}
		if pen, err = e.a.PerformanceDocument(ctx, who["wali"], e.o.Kominfo.ID, jan.ID); err != nil {
			t.Fatal(err)
		}
		wantSign(t, "setter, set", pen.Setter, "2026-02-02", "Ditetapkan secara elektronik 02-02-2026 10:04 WIB")

		it := assessmentOf(t, e, who["kabid"], app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, skp.ID)
		if _, err := e.a.RateAssessment(ctx, who["kabid"], it.ID, app.RateInput{HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai,
			Version: it.Version}); err != nil {
			t.Fatal(err)
		}
		ev, err := e.a.EvaluationDocument(ctx, who["kabid"], it.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantSign(t, "employee, not sent", ev.Signatures[0], "", "")
		wantSign(t, "rater, not sent", ev.Signatures[1], "", "")
		doc, err := e.a.AssessmentDocument(ctx, who["kabid"], it.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, role := range []string{"employee", "rater", "atasan"} {
			wantSign(t, role+", not sent", doc.Signatures[i], "", "")
		}
	})
}
