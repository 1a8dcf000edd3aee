package app

import (
	"context"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// The annual evaluation (PermenPANRB 6/2022, issue point 5): the annual
// rating rests on the periodic results and the year's evidence, and a
// person who changed position is evaluated over every SKP of the year,
// each shown. The annual rating screen lays out each SKP of the year with
// its periodic results (ratings, predikat, who rated) and its RHK with
// the year's realisasi and evidence, and suggests the annual rating hasil
// kerja from them (model.SuggestAnnualHasilKerja).

// AnnualEvaluation is what an annual rating rests on.
type AnnualEvaluation struct {
	// SKPs are the employee's SKPs of the year, by start: the one rated
	// and any other (a transfer closes one and starts another).
	SKPs []AnnualSKP
	// Suggestion is the suggested annual rating hasil kerja with its
	// reasons; the screen's suggestion is the same.
	Suggestion model.AnnualSuggestion
}

// AnnualSKP is one SKP of the year on the annual rating screen.
type AnnualSKP struct {
	SKP model.SKP
	// This is the SKP the annual assessment rates.
	This bool
	// Annual is the annual assessment of another SKP, nil for this one or
	// when it has none.
	Annual *AssessmentItem
	// Periods are its periodic assessments, by period. Ratings the
	// employee has not been sent are left out of their own view.
	Periods []AssessmentItem
	// Outside are its periodic assessments for periods wholly outside its
	// days (left on it when a back-dated transfer closed it before they
	// began): shown, never weighed, and each needs a new assessment on
	// the SKP in force in its period.
	Outside []AssessmentItem
	// Results are its RHK with the year's realisasi, standing and
	// evidence (every period's), and Suggestion what the year's realisasi
	// suggest for it.
	Results    []AssessmentResult
	Suggestion model.Suggestion
}

// annualEvaluation loads the annual evaluation of v's assessment, which
// must be annual; v.Results and v.Suggestion are those of the SKP rated.
func (a *App) annualEvaluation(ctx context.Context, actor model.Actor, v *AssessmentView) (*AnnualEvaluation, error) {
	as := v.Assessment
	skps, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: as.InstansiID, EmployeeIDs: []string{as.EmployeeID}, Year: v.Period.Year})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(skps, func(x, y model.SKP) int {
		return strings.Compare(string(x.PeriodStart)+x.ID, string(y.PeriodStart)+y.ID)
	})
	bySKP := map[string][]AssessmentItem{}
	for _, it := range v.Year {
		bySKP[it.SKPID] = append(bySKP[it.SKPID], it)
	}
	ev := &AnnualEvaluation{}
	var periodic []model.Rating
	for _, h := range skps {
		items := bySKP[h.ID]
		this := h.ID == v.SKP.ID
		inForce := h.Status == model.SKPApproved || h.Status == model.SKPClosed || len(items) > 0
		if !this && !inForce {
			continue // a plan never in force has nothing to weigh
		}
		s := AnnualSKP{SKP: h, This: this}
		if this {
			s.SKP, s.Results, s.Suggestion = v.SKP, v.Results, v.Suggestion
		} else {
			full, err := a.store.SKP(ctx, h.ID)
			if err != nil {
				return nil, err
			}
			other := AssessmentView{SKP: full, Period: v.Period}
			for _, it := range items {
				if it.Period.Kind == model.PeriodAnnual {
					other.Assessment = it.Assessment
				}
			}
			if err := a.fillResults(ctx, &other); err != nil {
				return nil, err
			}
			s.SKP, s.Results, s.Suggestion = full, other.Results, other.Suggestion
		}
		for _, it := range items {
			// Not yet sent to the employee: they see that it exists.
			it.Assessment = seenBy(actor, it.Assessment)
			if it.Period.Kind == model.PeriodAnnual {
				if !this {
					s.Annual = &it
				}
				continue
			}
			if outsideSKP(s.SKP, it.Period) {
				s.Outside = append(s.Outside, it)
				continue
			}
			s.Periods = append(s.Periods, it)
			if it.Status == model.AssessmentFinal {
				periodic = append(periodic, it.HasilKerja)
			}
		}
		ev.SKPs = append(ev.SKPs, s)
	}
	ev.Suggestion = model.SuggestAnnualHasilKerja(periodic, v.Suggestion, len(ev.SKPs))
	return ev, nil
}
