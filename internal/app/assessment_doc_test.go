package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// The documents of a final assessment carry the three people, the
// capaian, the ratings and the pola distribusi; the owner and the rater
// read them, a colleague does not; the Penetapan is for those who read
// the OPD's capaian.
func TestAssessmentDocuments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		skp := approvedStaffSKP(t, e, s, who["staff1"])
		jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: model.CapaianIstimewa,
			Basis: "Rencana aksi Januari melampaui target"}); err != nil {
			t.Fatal(err)
		}
		it := assessmentOf(t, e, who["kabid"], app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, skp.ID)
		rated, err := e.a.RateAssessment(ctx, who["kabid"], it.ID, app.RateInput{HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingDiAtas,
			Note: "Pertahankan ritme kerja", Feedback: model.AssessmentFeedback{RHK: map[string]string{skp.RHK[0].ID: "Laporan rapi dan tepat waktu"}},
			Version: it.Version})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.FinalizeAssessment(ctx, who["kabid"], rated.ID, rated.Version); err != nil {
			t.Fatal(err)
		}

		ev, err := e.a.EvaluationDocument(ctx, who["staff1"], it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Employee.NIP != storetest.NIPStaff1 || ev.Rater.NIP != storetest.NIPKabid || ev.Predikat != model.PredikatSangatBaik ||
			ev.Distribution.Capaian != model.CapaianIstimewa || ev.Distribution.Counts[model.PredikatSangatBaik] != 1 || ev.Distribution.Total != 1 ||
			len(ev.Distribution.Limits) == 0 || ev.From != "2026-01-01" || ev.To != "2026-01-31" || ev.Place != "Uji" {
			t.Errorf("evaluation = %+v", ev)
		}
		if len(ev.Results) != 1 || ev.Results[0].UmpanBalik != "Laporan rapi dan tepat waktu" || len(ev.Behaviours) != 7 {
			t.Fatalf("results %+v, %d behaviours", ev.Results, len(ev.Behaviours))
		}
		// The target printed beside January's realisasi is January's
		// part, the one the rating screen shows; the year's is labelled.
		view, err := e.a.AssessmentView(ctx, who["kabid"], it.ID)
		if err != nil {
			t.Fatal(err)
		}
		ai, printed := view.Results[0].Indicators[0], ev.Results[0].Indicators[0]
		if due := ai.PeriodDue(); due == "" || due == ai.Indicator.Target || printed.Target != due+" "+ai.Indicator.Unit ||
			printed.WholeTarget != ai.Indicator.Target+" "+ai.Indicator.Unit || !strings.Contains(printed.TargetText(), "(target tahunan "+printed.WholeTarget+")") {
			t.Errorf("printed target %+v, the screen's part %q of %q", printed, due, ai.Indicator.Target)
		}
		// Sent, not yet confirmed: the rater's block is dated, the
		// employee's left for the pen (TestDocumentSignaturesFollowActs).
		if ev.Signatures[1].Date == "" || ev.Signatures[1].Note == "" || ev.Signatures[0].Date != "" || ev.Signatures[0].Note != "" {
			t.Errorf("signatures = %+v (sent, not yet acknowledged)", ev.Signatures)
		}
		doc, err := e.a.AssessmentDocument(ctx, who["kabid"], it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Employee.NIP != storetest.NIPStaff1 || doc.Rater.NIP != storetest.NIPKabid || doc.UpperRater.NIP != storetest.NIPKadis ||
			doc.Capaian != model.CapaianIstimewa || doc.Note != "Pertahankan ritme kerja" || doc.Objection.Reason != "-" || len(doc.Signatures) != 3 ||
			doc.Signatures[0].Date != "" || doc.Signatures[1].Date == "" {
			t.Errorf("dokumen = %+v", doc)
		}
		var pdf bytes.Buffer
		if err := e.a.WriteAssessmentDocument(ctx, who["staff1"], it.ID, &pdf); err != nil || !strings.HasPrefix(pdf.String(), "%PDF-") {
			t.Fatalf("dokumen PDF: %v", err)
		}
		for _, doc := range []func(model.Actor) error{
			func(a model.Actor) error { _, err := e.a.EvaluationDocument(ctx, a, it.ID); return err },
			func(a model.Actor) error { _, err := e.a.AssessmentDocument(ctx, a, it.ID); return err },
			func(a model.Actor) error {
				_, err := e.a.PerformanceDocument(ctx, a, e.o.Kominfo.ID, jan.ID)
				return err
			},
		} {
			if err := doc(who["staff2"]); !app.IsNotFound(err) {
				t.Errorf("a colleague reads a document: %v", err)
			}
		}

		pen, err := e.a.PerformanceDocument(ctx, who["wali"], e.o.Kominfo.ID, jan.ID)
		if err != nil {
			t.Fatal(err)
		}
		if pen.Capaian != model.CapaianIstimewa || pen.Basis != "Rencana aksi Januari melampaui target" || pen.Setter.Person.EmployeeID != e.o.WaliKota.ID ||
			pen.Setter.Date == "" || pen.Distribution.Counts[model.PredikatSangatBaik] != 1 || pen.UnitName != e.o.Kominfo.Name {
			t.Errorf("penetapan = %+v", pen)
		}
		if _, err := e.a.PerformanceDocument(ctx, who["kadis"], e.o.Kominfo.ID, jan.ID); err != nil {
			t.Errorf("the OPD's head reads its penetapan: %v", err)
		}
	})
}
