package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// approvedSKP writes an approved 2026 SKP of employee on position, acting
// there as Plt when acting is set.
func approvedSKP(t *testing.T, e env, s *store.Store, emp model.Employee, pos model.Position, acting model.PlacementKind) string {
	t.Helper()
	ctx := context.Background()
	var id string
	err := s.Write(ctx, model.SystemActor(e.o.Instansi.ID, "test"), func(tx *store.Tx) error {
		if acting != "" {
			if _, err := tx.Place(ctx, model.Placement{EmployeeID: emp.ID, PositionID: pos.ID, Kind: acting, Start: "2026-01-01"}); err != nil {
				return err
			}
		}
		sk, err := tx.CreateSKP(ctx, model.SKP{InstansiID: e.o.Instansi.ID, EmployeeID: emp.ID, Year: 2026, PeriodStart: "2026-01-01",
			PeriodEnd: "2026-12-31", Approach: model.ApproachKuantitatif, Format: model.FormatJAJF, Acting: acting,
			Employee: model.PersonSnapshot{EmployeeID: emp.ID, Name: emp.Name, NIP: emp.NIP}}, pos.ID)
		if err != nil {
			return err
		}
		sk.Status = model.SKPApproved
		id = sk.ID
		return tx.SetSKPStatus(ctx, sk.Version, sk, model.ActApprove)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// stateKey is the reason of a refusal (a 409), "" for another error.
func stateKey(err error) string {
	var st *model.StateError
	if errors.As(err, &st) {
		return st.Message.Key
	}
	return ""
}

// One count of the curve everywhere: the base is the people of the OPD
// assessed in the period (rated or not, a Plt with a second SKP once);
// sending refuses (409, naming the limit) exactly where the calibration
// screen's limit lies; the documents show the same base and mark the
// limits broken; a changed capaian re-derives the head's sent result and
// is refused once the calibration is final; BKPSDM's override records who
// finalised.
func TestCurveCountsPeopleOnceEverywhere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		rules := model.CurrentRules()
		items := crowdedKominfo(t, e, s, who, 10, model.CapaianBaik)
		period := items[0].PeriodID
		// The first of the crowd is also Plt. Sekretaris (a second SKP in
		// the same OPD), and the Kepala Dinas is assessed too: 12
		// assessments, 11 people. January is closed again to add them.
		crowd, err := s.EmployeesByID(ctx, []string{items[0].EmployeeID})
		if err != nil {
			t.Fatal(err)
		}
		actingSKP := approvedSKP(t, e, s, crowd[items[0].EmployeeID], e.o.PosSekr, model.PlacementPlt)
		kadisSKP := approvedSKP(t, e, s, e.o.Kadis, e.o.PosKadis, "")
		movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)

		v, err := e.a.Curve(ctx, e.admin, e.o.Kominfo.ID, period)
		if err != nil {
			t.Fatal(err)
		}
		if v.People != 11 || v.Total != 12 || v.Check.Total != 11 || v.Final.Total != 11 || v.Check.Rated != 0 || len(v.Check.Violations) != 0 {
			t.Fatalf("before any rating: people %d, assessments %d, check %+v", v.People, v.Total, v.Check)
		}
		limitOf := func(c model.CurveCheck, id string) model.CurveLimit {
			for _, l := range c.Limits {
				if l.Rule.ID == id {
					return l
				}
			}
			t.Fatalf("no limit %s in %+v", id, c.Limits)
			return model.CurveLimit{}
		}
		_, most := model.CurveRule{MaxPercent: 70}.Bounds(11)
		if l := limitOf(v.Check, "baik.baik.max"); l.Max != most || limitOf(v.Final, "baik.baik.max").Max != most {
			t.Fatalf("Baik limit %d on screen, want %d of 11 people", l.Max, most)
		}

		// The Wali Kota rates and sends the Kepala Dinas: hasil kerja
		// from the capaian.
		head := assessmentOf(t, e, who["wali"], app.AssessmentFilter{RatedByMe: true, PeriodID: period, Limit: 200}, kadisSKP)
		if !head.Leader {
			t.Fatalf("the Kepala Dinas' assessment is not a leader's: %+v", head.Assessment)
		}
		rated, err := e.a.RateAssessment(ctx, who["wali"], head.ID, app.RateInput{PerilakuKerja: model.RatingSesuai, Version: head.Version})
		if err != nil {
			t.Fatal(err)
		}
		sentHead, err := e.a.FinalizeAssessment(ctx, who["wali"], rated.ID, rated.Version)
		if err != nil {
			t.Fatal(err)
		}
		// The capaian changes before the lock: the head's sent result
		// follows it, and the head is told.
		perf, err := e.a.UnitPerformanceView(ctx, who["wali"], e.o.Kominfo.ID, period)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, period, app.UnitPerformanceRequest{Capaian: model.CapaianIstimewa,
			Basis: "Rencana aksi melampaui target", Version: perf.Version}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Assessment(ctx, sentHead.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantHK := rules.LeaderRating(model.CapaianIstimewa, nil)
		wantPred, _ := rules.Predikat(wantHK, model.RatingSesuai)
		if got.HasilKerja != wantHK || got.Predikat != wantPred || got.Status != model.AssessmentFinal {
			t.Errorf("head after the capaian changed: %s, %s, %s; want %s, %s", got.HasilKerja, got.Predikat, got.Status, wantHK, wantPred)
		}
		notes, _ := s.Notifications(ctx, e.o.Kadis.ID, 5)
		told := false
		for _, n := range notes {
			told = told || (n.Kind == "assessment.capaian" && n.Variant == "received")
		}
		if !told {
			t.Errorf("the head was not told their result changed: %+v", notes)
		}
		perf, _ = e.a.UnitPerformanceView(ctx, who["wali"], e.o.Kominfo.ID, period)
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, period, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "Dikoreksi: sebagian rencana aksi sesuai target", Version: perf.Version}); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.Assessment(ctx, sentHead.ID); got.HasilKerja != rules.LeaderRating(model.CapaianBaik, nil) {
			t.Errorf("head back under Baik: %s", got.HasilKerja)
		}

		// Everyone else is rated Baik, the Plt SKP too; the screen counts
		// the person once.
		ratedAll := rateAll(t, e, who["kabid"], items, model.RatingSesuai, model.RatingSesuai)
		acting := assessmentOf(t, e, e.admin, app.AssessmentFilter{OPDID: e.o.Kominfo.ID, PeriodID: period, Limit: 200}, actingSKP)
		actingRated, err := e.a.RateAssessment(ctx, who["kadis"], acting.ID, app.RateInput{HasilKerja: model.RatingSesuai,
			PerilakuKerja: model.RatingSesuai, Version: acting.Version})
		if err != nil {
			t.Fatal(err)
		}
		v, _ = e.a.Curve(ctx, e.admin, e.o.Kominfo.ID, period)
		if n := v.Check.Counts[model.PredikatBaik] + v.Check.Counts[model.PredikatSangatBaik]; n != 11 || v.Check.Rated != 11 {
			t.Fatalf("live counts %v (%d rated), want the 11 people", v.Check.Counts, v.Check.Rated)
		}
		// Sends stop exactly at the limit the screen shows, refused with
		// a reason naming it.
		baikFinal := v.Final.Counts[model.PredikatBaik]
		var refused []model.Assessment
		for _, a := range ratedAll {
			_, err := e.a.FinalizeAssessment(ctx, who["kabid"], a.ID, a.Version)
			switch {
			case err == nil:
				baikFinal++
			case stateKey(err) == "conflict.assessment.curve.full" && errors.Is(err, model.ErrInvalidTransition):
				refused = append(refused, a)
			default:
				t.Fatalf("send %s: %v", a.Employee.Name, err)
			}
		}
		v, _ = e.a.Curve(ctx, e.admin, e.o.Kominfo.ID, period)
		if l := limitOf(v.Final, "baik.baik.max"); baikFinal != most || l.Count != most || l.Broken() || len(refused) == 0 {
			t.Fatalf("sent Baik %d (screen %d of at most %d), %d refused", baikFinal, l.Count, l.Max, len(refused))
		}
		// The Plt's second SKP is not a second person: it is sent.
		if _, err := e.a.FinalizeAssessment(ctx, who["kadis"], actingRated.ID, actingRated.Version); err != nil {
			t.Errorf("the Plt SKP's result: %v", err)
		}
		// The rest are re-rated Sangat Baik and sent.
		for _, a := range refused {
			cur, _ := s.Assessment(ctx, a.ID)
			re, err := e.a.RateAssessment(ctx, who["kabid"], a.ID, app.RateInput{HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingDiAtas, Version: cur.Version})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.a.FinalizeAssessment(ctx, who["kabid"], re.ID, re.Version); err != nil {
				t.Fatalf("send Sangat Baik: %v", err)
			}
		}

		// The documents: the same base, the broken limit marked.
		v, _ = e.a.Curve(ctx, e.admin, e.o.Kominfo.ID, period)
		doc, err := e.a.PerformanceDocument(ctx, e.admin, e.o.Kominfo.ID, period)
		if err != nil {
			t.Fatal(err)
		}
		ev, err := e.a.EvaluationDocument(ctx, e.admin, sentHead.ID)
		if err != nil {
			t.Fatal(err)
		}
		for name, d := range map[string][]int{"penetapan": {doc.Distribution.Total, doc.Distribution.Broken()},
			"evaluasi": {ev.Distribution.Total, ev.Distribution.Broken()}} {
			if d[0] != v.People || d[1] != len(v.Final.Violations) || d[1] == 0 {
				t.Errorf("%s: Jumlah pegawai %d, %d broken; the screen says %d people, %d violations", name, d[0], d[1], v.People, len(v.Final.Violations))
			}
		}

		// Nobody is Butuh Perbaikan: BKPSDM finalises with an override,
		// and the audit says who.
		v, err = e.a.FinalizeCalibration(ctx, e.admin, e.o.Kominfo.ID, period, "Unit baru; semua target tercapai")
		if err != nil {
			t.Fatal(err)
		}
		if v.Calibration.FinalizedBy == "" || v.Calibration.FinalizedBy != e.admin.UserID || v.Calibration.OverriddenBy != e.admin.UserID {
			t.Errorf("finalised by %q, overridden by %q", v.Calibration.FinalizedBy, v.Calibration.OverriddenBy)
		}

		// Locked: the capaian and its recommendations are refused.
		perf, _ = e.a.UnitPerformanceView(ctx, who["wali"], e.o.Kominfo.ID, period)
		if perf.Can.Set || !perf.Final {
			t.Errorf("capaian rights on a final calibration: %+v, final %v", perf.Can, perf.Final)
		}
		_, err = e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, period, app.UnitPerformanceRequest{Capaian: model.CapaianSangatKurang,
			Basis: "Perubahan sesudah final", Version: perf.Version})
		if stateKey(err) != "conflict.unitperf.calibration.final" {
			t.Errorf("capaian changed after the lock: %v", err)
		}
		_, err = e.a.RecommendUnitPerformance(ctx, e.admin, e.o.Kominfo.ID, period, app.UnitRecommendationRequest{Source: model.SourceBKPSDM,
			Capaian: model.CapaianKurang, Note: "sesudah final"})
		if stateKey(err) != "conflict.unitperf.calibration.final" {
			t.Errorf("recommendation after the lock: %v", err)
		}
		if got, _ = s.Assessment(ctx, sentHead.ID); got.HasilKerja != rules.LeaderRating(model.CapaianBaik, nil) {
			t.Errorf("head's result moved after the lock: %s", got.HasilKerja)
		}
		// Unlocked, the Wali Kota may correct it again.
		if _, err := e.a.UnlockCalibration(ctx, e.admin, e.o.Kominfo.ID, period, "Koreksi capaian"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, period, app.UnitPerformanceRequest{Capaian: model.CapaianIstimewa,
			Basis: "Koreksi", Version: perf.Version}); err != nil {
			t.Errorf("capaian after the unlock: %v", err)
		}
	})
}
