package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// unsentLeaks names what of a rating the item carries: empty when none.
func unsentLeaks(as model.Assessment) []string {
	var out []string
	if as.HasilKerja != "" || as.PerilakuKerja != "" || as.Predikat != "" {
		out = append(out, "ratings "+string(as.HasilKerja)+"/"+string(as.PerilakuKerja)+"/"+string(as.Predikat))
	}
	if as.Note != "" {
		out = append(out, "catatan "+as.Note)
	}
	if len(as.Feedback.RHK) > 0 || len(as.Feedback.Behaviours) > 0 {
		out = append(out, "umpan balik")
	}
	// Nothing else tells that a draft is written: it reads as open, as
	// one not yet rated (status, rater, time, version, last change).
	if as.Status != model.AssessmentOpen {
		out = append(out, "status "+string(as.Status))
	}
	if as.Rater.Name != "" || as.UpperRater.Name != "" || as.RatedBy != "" || !as.RatedAt.IsZero() {
		out = append(out, "rated by "+as.Rater.Name+" at "+as.RatedAt.String())
	}
	if as.Version != 0 || !as.UpdatedAt.Equal(as.CreatedAt) {
		out = append(out, fmt.Sprintf("version %d, updated %s", as.Version, as.UpdatedAt))
	}
	return out
}

// viewLeaks names what of a rating the rating screen carries.
func viewLeaks(v app.AssessmentView) []string {
	out := unsentLeaks(v.Assessment)
	for _, r := range v.Results {
		if r.UmpanBalik != "" {
			out = append(out, "umpan balik on "+r.RHK.ID)
		}
	}
	for _, b := range v.Behaviours {
		if b.UmpanBalik != "" {
			out = append(out, "umpan balik on "+string(b.Behaviour.Value))
		}
	}
	for _, h := range v.History {
		if h.Action == "rate" || h.Predikat != "" {
			out = append(out, "history "+h.Action+" "+string(h.Predikat))
		}
	}
	for _, y := range v.Year {
		out = append(out, unsentLeaks(y.Assessment)...)
	}
	if v.Suggestion.Rating != "" {
		out = append(out, "suggestion "+string(v.Suggestion.Rating))
	}
	return out
}

// A rating the pejabat penilai has not sent stays theirs: the rated
// employee finds no rating, predikat, catatan, umpan balik or draft step
// in any read model (one, the list, the rating screen and its history,
// the year, both documents and their PDFs) until it is sent, and then
// reads the values sent, with the sending as the one step that carries
// them; the rater and the atasan read the drafts throughout.
func TestUnsentRatingsStayWithTheRater(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		staff, kabid, kadis := who["staff1"], who["kabid"], who["kadis"]
		skp := approvedStaffSKP(t, e, s, staff)
		jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: model.CapaianBaik,
			Basis: "Rencana aksi Januari tercapai"}); err != nil {
			t.Fatal(err)
		}
		it := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, skp.ID)
		staffEvents, err := s.Events(ctx, e.o.Staff1.ID, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var seen int64
		if len(staffEvents) > 0 {
			seen = staffEvents[len(staffEvents)-1].Seq
		}
		// Two drafts: Baik, then Butuh Perbaikan.
		rated, err := e.a.RateAssessment(ctx, kabid, it.ID, app.RateInput{HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai,
			Note: "Catatan draf", Feedback: model.AssessmentFeedback{RHK: map[string]string{skp.RHK[0].ID: "Umpan balik draf"},
				Behaviours: map[model.CoreValue]string{model.CoreValues[0].Value: "Perilaku draf"}}, Version: it.Version})
		if err != nil {
			t.Fatal(err)
		}
		if rated, err = e.a.RateAssessment(ctx, kabid, it.ID, app.RateInput{HasilKerja: model.RatingDiBawah, PerilakuKerja: model.RatingSesuai,
			Note: "Catatan akhir", Feedback: model.AssessmentFeedback{RHK: map[string]string{skp.RHK[0].ID: "Umpan balik akhir"}},
			Version: rated.Version}); err != nil {
			t.Fatal(err)
		}
		if rated.Predikat != model.PredikatButuhPerbaikan {
			t.Fatalf("predikat = %s", rated.Predikat)
		}
		// February too, rated and not sent, on the year beside January.
		feb := movePeriods(t, e, 2, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		febItem := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: feb.ID}, skp.ID)
		if _, err := e.a.RateAssessment(ctx, kabid, febItem.ID, app.RateInput{HasilKerja: model.RatingDiAtas, PerilakuKerja: model.RatingDiAtas,
			Note: "Draf Februari", Version: febItem.Version}); err != nil {
			t.Fatal(err)
		}

		docs := map[string]func(model.Actor) error{
			"evaluasi": func(a model.Actor) error { _, err := e.a.EvaluationDocument(ctx, a, it.ID); return err },
			"dokumen":  func(a model.Actor) error { _, err := e.a.AssessmentDocument(ctx, a, it.ID); return err },
			"evaluation.pdf": func(a model.Actor) error {
				var b bytes.Buffer
				return e.a.WriteEvaluationDocument(ctx, a, it.ID, &b)
			},
			"document.pdf": func(a model.Actor) error {
				var b bytes.Buffer
				return e.a.WriteAssessmentDocument(ctx, a, it.ID, &b)
			},
		}

		// The rated employee: that it is being rated, nothing of the rating.
		one, err := e.a.Assessment(ctx, staff, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if leaks := unsentLeaks(one.Assessment); len(leaks) > 0 || one.Can.SeeRatings {
			t.Errorf("the employee's assessment before sending: %v, status %s, can %+v", leaks, one.Status, one.Can)
		}
		// The status filter is the status as they read it: both drafts
		// are open to them, neither is rated.
		for f, want := range map[*app.AssessmentFilter]int{{}: 2, {Employee: e.o.Staff1.ID}: 2, {PeriodID: jan.ID}: 1,
			{Status: model.AssessmentOpen}: 2, {Status: model.AssessmentRated}: 0, {Status: model.AssessmentFinal}: 0,
			{PeriodID: jan.ID, Status: model.AssessmentOpen}: 1, {Employee: e.o.Staff1.ID, Status: model.AssessmentRated}: 0} {
			page, err := e.a.Assessments(ctx, staff, *f)
			if err != nil || len(page.Items) != want {
				t.Fatalf("the employee's list %+v: %d items, %v", f, len(page.Items), err)
			}
			for _, x := range page.Items {
				if leaks := unsentLeaks(x.Assessment); len(leaks) > 0 {
					t.Errorf("the employee's list %+v carries %v", f, leaks)
				}
			}
		}
		v, err := e.a.AssessmentView(ctx, staff, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if leaks := viewLeaks(v); len(leaks) > 0 || v.Can.SeeRatings {
			t.Errorf("the employee's rating screen before sending carries %v (can %+v)", leaks, v.Can)
		}
		for name, doc := range docs {
			if err := doc(staff); !errors.Is(err, model.ErrInvalidTransition) {
				t.Errorf("the employee's %s before sending: %v, want refused", name, err)
			}
		}
		if evs, err := s.Events(ctx, e.o.Staff1.ID, seen, 100); err != nil || len(evs) != 0 {
			t.Errorf("the employee's events on draft ratings = %+v, %v", evs, err)
		}
		notes, err := s.Notifications(ctx, e.o.Staff1.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range notes {
			if n.Kind == "assessment.finalized" {
				t.Errorf("the employee is notified before sending: %+v", n)
			}
		}

		// The rater and the atasan read the drafts.
		for name, reader := range map[string]model.Actor{"the rater": kabid, "the atasan": kadis} {
			v, err := e.a.AssessmentView(ctx, reader, it.ID)
			if err != nil {
				t.Fatal(err)
			}
			if v.Assessment.Predikat != model.PredikatButuhPerbaikan || v.Assessment.Note != "Catatan akhir" || !v.Can.SeeRatings ||
				v.Results[0].UmpanBalik != "Umpan balik akhir" {
				t.Errorf("%s's view = %+v", name, v.Assessment)
			}
			var drafts []model.Predikat
			for _, h := range v.History {
				if h.Action == "rate" {
					drafts = append(drafts, h.Predikat)
				}
			}
			if len(drafts) != 2 || drafts[0] != model.PredikatBaik || drafts[1] != model.PredikatButuhPerbaikan {
				t.Errorf("%s's history drafts = %v", name, drafts)
			}
			if len(v.Year) != 1 || v.Year[0].Predikat != model.PredikatSangatBaik {
				t.Errorf("%s's year = %+v", name, v.Year)
			}
			one, err := e.a.Assessment(ctx, reader, it.ID)
			if err != nil || one.Predikat != model.PredikatButuhPerbaikan || one.Status != model.AssessmentRated || one.Version != rated.Version {
				t.Errorf("%s's assessment = %+v, %v", name, one.Assessment, err)
			}
			for st, want := range map[model.AssessmentStatus]int{model.AssessmentRated: 2, model.AssessmentOpen: 0} {
				page, err := e.a.Assessments(ctx, reader, app.AssessmentFilter{Employee: e.o.Staff1.ID, Status: st})
				if err != nil || len(page.Items) != want {
					t.Errorf("%s's list of %s: %d items, %v; want %d", name, st, len(page.Items), err, want)
				}
			}
			for doc, read := range docs {
				if err := read(reader); err != nil {
					t.Errorf("%s's %s of a draft: %v", name, doc, err)
				}
			}
		}
		if d, err := e.a.AssessmentDocument(ctx, kabid, it.ID); err != nil || d.Predikat != model.PredikatButuhPerbaikan || d.Note != "Catatan akhir" {
			t.Errorf("the rater's dokumen = %+v, %v", d, err)
		}

		// Sent: the employee reads the values sent, once, as the sending.
		if _, err := e.a.FinalizeAssessment(ctx, kabid, rated.ID, rated.Version); err != nil {
			t.Fatal(err)
		}
		one, err = e.a.Assessment(ctx, staff, it.ID)
		if err != nil || one.Predikat != model.PredikatButuhPerbaikan || one.Note != "Catatan akhir" || !one.Can.SeeRatings ||
			one.Status != model.AssessmentFinal || one.Version == 0 || one.Rater.Name == "" {
			t.Errorf("the employee's assessment once sent = %+v, %v", one.Assessment, err)
		}
		for st, want := range map[model.AssessmentStatus]int{model.AssessmentFinal: 1, model.AssessmentOpen: 1, model.AssessmentRated: 0} {
			page, err := e.a.Assessments(ctx, staff, app.AssessmentFilter{Status: st})
			if err != nil || len(page.Items) != want {
				t.Errorf("the employee's list of %s once January is sent: %d items, %v; want %d", st, len(page.Items), err, want)
			}
		}
		page, err := e.a.Assessments(ctx, staff, app.AssessmentFilter{PeriodID: jan.ID})
		if err != nil || len(page.Items) != 1 || page.Items[0].Predikat != model.PredikatButuhPerbaikan {
			t.Errorf("the employee's list once sent = %+v, %v", page.Items, err)
		}
		v, err = e.a.AssessmentView(ctx, staff, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.Assessment.Predikat != model.PredikatButuhPerbaikan || v.Results[0].UmpanBalik != "Umpan balik akhir" || !v.Can.SeeRatings {
			t.Errorf("the employee's view once sent = %+v", v.Assessment)
		}
		var steps []string
		for _, h := range v.History {
			steps = append(steps, h.Action+" "+string(h.Predikat))
		}
		if len(steps) != 1 || steps[0] != "finalize "+string(model.PredikatButuhPerbaikan) {
			t.Errorf("the employee's history once sent = %q, want only the sending with its predikat", steps)
		}
		// February is still a draft beside it.
		if len(v.Year) != 1 || len(unsentLeaks(v.Year[0].Assessment)) > 0 {
			t.Errorf("the employee's year carries February's draft: %+v", v.Year)
		}
		for name, doc := range docs {
			if err := doc(staff); err != nil {
				t.Errorf("the employee's %s once sent: %v", name, err)
			}
		}
		ev, err := e.a.EvaluationDocument(ctx, staff, it.ID)
		if err != nil || ev.Predikat != model.PredikatButuhPerbaikan || ev.Results[0].UmpanBalik != "Umpan balik akhir" {
			t.Errorf("the employee's evaluasi once sent = %+v, %v", ev, err)
		}
		evs, err := s.Events(ctx, e.o.Staff1.ID, seen, 100)
		if err != nil || len(evs) == 0 || evs[0].Type != "assessment.finalized" {
			t.Errorf("the employee's events once sent = %+v, %v", evs, err)
		}
	})
}

// An OPD head reads the OPD's curve and people with the drafts of those
// they lead, but not their own rating before it is sent to them: not in
// the list, not in the counts, not in the live event the rating sends.
func TestAnOPDHeadsOwnDraftStaysOutOfTheirCurve(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e, who := planningEnv(t, s)
		ctx := context.Background()
		kadis, kabid := who["kadis"], who["kabid"]
		staffSKP := approvedStaffSKP(t, e, s, who["staff1"])
		kadisSKP, err := e.a.CreateSKP(ctx, kadis, e.o.Kadis.ID, 2026, model.ApproachKuantitatif)
		if err != nil {
			t.Fatal(err)
		}
		approvedStaffSKPFrom(t, e, s, kadisSKP.ID)
		staff2SKP := approvedSKP(t, e, s, e.o.Staff2, e.o.PosStaff, "")
		jan := movePeriods(t, e, 1, model.PeriodMonthly, model.PeriodOpen, model.PeriodClosed)
		if _, err := e.a.SetUnitPerformance(ctx, who["wali"], e.o.Kominfo.ID, jan.ID, app.UnitPerformanceRequest{Capaian: model.CapaianIstimewa,
			Basis: "Rencana aksi Januari melampaui target"}); err != nil {
			t.Fatal(err)
		}
		staffItem := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, staffSKP.ID)
		rateAll(t, e, kabid, []app.AssessmentItem{staffItem}, model.RatingSesuai, model.RatingSesuai) // Baik
		// Staff2's sent, so that the page holds each state.
		staff2Item := assessmentOf(t, e, kabid, app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, staff2SKP)
		rated2, err := e.a.RateAssessment(ctx, kabid, staff2Item.ID, app.RateInput{HasilKerja: model.RatingSesuai, PerilakuKerja: model.RatingSesuai,
			Version: staff2Item.Version})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.FinalizeAssessment(ctx, kabid, rated2.ID, rated2.Version); err != nil {
			t.Fatal(err)
		}
		evs, err := s.Events(ctx, e.o.Kadis.ID, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var seen int64
		if len(evs) > 0 {
			seen = evs[len(evs)-1].Seq
		}
		kadisItem := assessmentOf(t, e, who["wali"], app.AssessmentFilter{RatedByMe: true, PeriodID: jan.ID}, kadisSKP.ID)
		own, err := e.a.RateAssessment(ctx, who["wali"], kadisItem.ID, app.RateInput{PerilakuKerja: model.RatingDiAtas, Version: kadisItem.Version})
		if err != nil || own.Predikat != model.PredikatSangatBaik {
			t.Fatalf("rate the Kadis: %+v, %v", own, err)
		}
		evs, err = s.Events(ctx, e.o.Kadis.ID, seen, 100)
		if err != nil || len(evs) != 1 || evs[0].Type != "curve.changed" {
			t.Fatalf("the Kadis' events on their own rating = %+v, %v", evs, err)
		}
		var data map[string]any
		if err := json.Unmarshal(evs[0].Data, &data); err != nil || data["predikat"] != "" || data["status"] != string(model.AssessmentOpen) {
			t.Errorf("the curve event carries the Kadis' own draft: %s", evs[0].Data)
		}
		// Their own assessment, alone or in the OPD's list, reads as not
		// yet rated, and the status filter selects it so.
		one, err := e.a.Assessment(ctx, kadis, kadisItem.ID)
		if leaks := unsentLeaks(one.Assessment); err != nil || len(leaks) > 0 {
			t.Errorf("the Kadis' own assessment carries %v (%v)", leaks, err)
		}
		for name, tc := range map[string]struct {
			reader model.Actor
			status model.AssessmentStatus
			want   []string
		}{
			"the Kadis' rated": {kadis, model.AssessmentRated, []string{staffItem.ID}},
			"the Kadis' open":  {kadis, model.AssessmentOpen, []string{kadisItem.ID}},
			"BKPSDM's rated":   {e.admin, model.AssessmentRated, []string{kadisItem.ID, staffItem.ID}},
			"BKPSDM's open":    {e.admin, model.AssessmentOpen, nil},
		} {
			for _, limit := range []int{1, 50} {
				var got []string
				f := app.AssessmentFilter{OPDID: e.o.Kominfo.ID, PeriodID: jan.ID, Status: tc.status, Limit: limit}
				for {
					page, err := e.a.Assessments(ctx, tc.reader, f)
					if err != nil {
						t.Fatal(err)
					}
					for _, x := range page.Items {
						got = append(got, x.ID)
						if x.ID == kadisItem.ID && tc.reader.EmployeeID == kadis.EmployeeID && len(unsentLeaks(x.Assessment)) > 0 {
							t.Errorf("%s list carries the Kadis' draft: %v", name, unsentLeaks(x.Assessment))
						}
					}
					if f.Cursor = page.Next; f.Cursor == "" {
						break
					}
				}
				slices.Sort(got)
				want := slices.Clone(tc.want)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("%s list (limit %d) = %v, want %v", name, limit, got, want)
				}
			}
		}

		for name, tc := range map[string]struct {
			reader      model.Actor
			total       int // predikat counted on the curve (the base, every person assessed, stays the same)
			open, rated int // not yet rated, rated and not sent, as the reader sees them
			own         bool
		}{"the Kadis": {kadis, 2, 1, 1, false}, "BKPSDM": {e.admin, 3, 0, 2, true}} {
			cv, err := e.a.Curve(ctx, tc.reader, e.o.Kominfo.ID, jan.ID)
			if err != nil {
				t.Fatal(err)
			}
			if cv.Check.Rated != tc.total || cv.Check.Total != 3 || cv.Check.Counts[model.PredikatBaik] != 2 || cv.Final.Rated != 1 {
				t.Errorf("%s's curve = %+v, want %d counted", name, cv.Check, tc.total)
			}
			raters := 0
			for _, r := range cv.Raters {
				raters += r.Total
			}
			if raters != tc.total {
				t.Errorf("%s's raters count %d, want %d", name, raters, tc.total)
			}
			page, err := e.a.CalibrationItems(ctx, tc.reader, cv, "", 100)
			if err != nil {
				t.Fatal(err)
			}
			// Every number adds up, and to the rows: the page's "N
			// penilaian: a belum diberi rating, b sudah diberi rating",
			// the chart, the spread per rater and the list.
			chart := 0
			for _, n := range cv.Check.Counts {
				chart += n
			}
			status, shown := map[model.AssessmentStatus]int{}, 0
			for _, x := range page.Items {
				status[x.Status]++
				if x.Predikat != "" {
					shown++
				}
			}
			if cv.Open != tc.open || cv.Rated != tc.rated || cv.Total != len(page.Items) || cv.Open+cv.Rated+cv.Final.Rated != cv.Total ||
				chart != cv.Rated+cv.Final.Rated || chart != raters || shown != chart ||
				status[model.AssessmentOpen] != cv.Open || status[model.AssessmentRated] != cv.Rated || status[model.AssessmentFinal] != cv.Final.Rated {
				t.Errorf("%s's numbers do not add up: %d assessments, %d open, %d rated, %d sent; chart %d, raters %d; rows %v, %d with a predikat",
					name, cv.Total, cv.Open, cv.Rated, cv.Final.Rated, chart, raters, status, shown)
			}
			for _, x := range page.Items {
				switch x.ID {
				case kadisItem.ID:
					if (x.Predikat == model.PredikatSangatBaik) != tc.own || x.Can.SeeRatings != tc.own {
						t.Errorf("%s reads the Kadis' own draft as %q (can %+v)", name, x.Predikat, x.Can)
					}
					if !tc.own && (x.Status != model.AssessmentOpen || x.Rater.Name != "" || x.HasilKerja != "" || x.PerilakuKerja != "") {
						t.Errorf("the Kadis' own row reads %s, rated by %q", x.Status, x.Rater.Name)
					}
				case staffItem.ID:
					if x.Predikat != model.PredikatBaik {
						t.Errorf("%s reads the staff's draft as %q", name, x.Predikat)
					}
				}
			}
		}
	})
}
