package app

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// A transfer recorded with a TMT in the past can reach into periods that
// are already closed and assessed: the SKP it closes then ends before
// periods it was assessed for, and the new SKP has no assessment for
// them. Such a placement is only made once the administrator confirmed it
// with that list in view; docs/organisasi-mutasi.md ("TMT berlaku surut ke
// periode yang sudah dinilai") says what happens to each assessment.

// BackdatedImpact is what a transfer's TMT reaches into: the closed (or
// locked) periods that end on or after the TMT, and the assessments of
// the SKPs it closes for periods that begin on or after the TMT, which no
// longer lie within their SKP.
type BackdatedImpact struct {
	TMT         model.Date
	Periods     []model.Period
	Assessments []BackdatedAssessment
}

// BackdatedAssessment is one assessment a transfer's TMT reaches into,
// with what the administrator confirming it needs to see: whose it is,
// on which SKP, and who rates it (the pejabat penilai who rated it, or
// while it is not rated, who rates it today).
type BackdatedAssessment struct {
	AssessmentItem
	SKP    model.SKP
	Person model.PersonSnapshot
	Rater  model.PersonSnapshot
}

// Empty reports whether the TMT reaches into nothing assessed or closed.
func (b BackdatedImpact) Empty() bool { return len(b.Periods) == 0 && len(b.Assessments) == 0 }

// Final counts the assessments already sent to the employee: they are
// kept and need a new assessment.
func (b BackdatedImpact) Final() int {
	n := 0
	for _, it := range b.Assessments {
		if it.Status == model.AssessmentFinal {
			n++
		}
	}
	return n
}

// Message sums the impact up for the administrator who records it.
func (b BackdatedImpact) Message() model.Message {
	first, last := model.Msg("placement.backdated.none"), model.Msg("placement.backdated.none")
	if len(b.Periods) > 0 {
		first, last = b.Periods[0].Label(), b.Periods[len(b.Periods)-1].Label()
	}
	return model.Msg("placement.backdated", b.TMT, len(b.Periods), first, last, len(b.Assessments), b.Final())
}

// BackdatedError refuses a transfer whose TMT reaches into closed or
// assessed periods until the request confirms it; it is a conflict (409)
// that carries the list.
type BackdatedError struct {
	Impact BackdatedImpact
}

func (e *BackdatedError) Error() string {
	return fmt.Sprintf("TMT %s reaches into %d closed periods and %d assessments: %v", e.Impact.TMT,
		len(e.Impact.Periods), len(e.Impact.Assessments), model.ErrConflict)
}

// Unwrap makes it a model.ErrConflict.
func (e *BackdatedError) Unwrap() error { return model.ErrConflict }

// backdatedImpact lists what a definitive placement of e in pos from
// start reaches into (see BackdatedImpact); a Plt or Plh, or a placement
// in the post e holds, closes no SKP and reaches into nothing.
func (a *App) backdatedImpact(ctx context.Context, e model.Employee, pos model.Position, kind model.PlacementKind, start model.Date) (BackdatedImpact, error) {
	out := BackdatedImpact{TMT: start}
	if kind != model.PlacementDefinitif || pos.ID == e.PositionID {
		return out, nil
	}
	skps, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}})
	if err != nil {
		return out, err
	}
	end := model.Date(start.Time().AddDate(0, 0, -1).Format("2006-01-02"))
	var chart *model.OrgChart
	years := map[int][]model.Period{}
	seen := map[string]bool{}
	for _, s := range skps {
		// The SKPs closeSKPsOnTransfer closes.
		if s.Status == model.SKPClosed || s.Acting != "" || s.PeriodStart > end || s.PeriodEnd < start {
			continue
		}
		periods, ok := years[s.Year]
		if !ok {
			if periods, err = a.store.Periods(ctx, e.InstansiID, s.Year); err != nil {
				return out, err
			}
			years[s.Year] = periods
		}
		byID := map[string]model.Period{}
		for _, p := range periods {
			byID[p.ID] = p
			closed := p.Status == model.PeriodClosed || p.Status == model.PeriodLocked
			if closed && p.End >= start && p.Start <= s.PeriodEnd && !seen[p.ID] {
				seen[p.ID] = true
				out.Periods = append(out.Periods, p)
			}
		}
		list, err := a.store.Assessments(ctx, store.AssessmentFilter{InstansiID: e.InstansiID, SKPID: s.ID})
		if err != nil {
			return out, err
		}
		for _, as := range list {
			p, ok := byID[as.PeriodID]
			if !ok || p.Kind == model.PeriodAnnual || p.Start < start {
				continue
			}
			// An assessment not yet begun in a period still open is
			// nothing the TMT reaches back into: the period has not been
			// assessed.
			if as.Status == model.AssessmentOpen && p.Status != model.PeriodClosed && p.Status != model.PeriodLocked {
				continue
			}
			item := BackdatedAssessment{AssessmentItem: AssessmentItem{Assessment: as, Period: p}, SKP: s, Person: as.Employee, Rater: as.Rater}
			if item.Person.Name == "" {
				item.Person = model.SnapshotOf(e)
			}
			if item.Rater.Name == "" {
				if chart == nil {
					if chart, err = a.OrgChart(ctx, e.InstansiID); err != nil {
						return out, err
					}
				}
				if item.Rater, _, err = a.raterSnapshots(ctx, chart, s.EmployeeID, s.PositionID); err != nil {
					return out, err
				}
			}
			out.Assessments = append(out.Assessments, item)
		}
	}
	return out, nil
}

// auditBackdated records, with the placement, what its TMT reached into.
func auditBackdated(ctx context.Context, tx *store.Tx, pl model.Placement, b BackdatedImpact) error {
	if b.Empty() {
		return nil
	}
	periods := make([]string, len(b.Periods))
	for i, p := range b.Periods {
		periods[i] = p.Name()
	}
	assessments := make([]map[string]any, len(b.Assessments))
	for i, it := range b.Assessments {
		assessments[i] = map[string]any{"id": it.ID, "skp_id": it.SKPID, "period": it.Period.Name(), "status": it.Status}
	}
	return tx.Audit(ctx, "placement.backdated", "placement", pl.ID, nil,
		map[string]any{"tmt": b.TMT, "periods": periods, "assessments": assessments})
}

// assessClosedPeriods gives an SKP that begins at a transfer's TMT, when
// it is approved, the assessments of the periods of its days that closed
// before it existed (a back-dated transfer): the pejabat penilai rates
// them on the SKP in force in them, as on any SKP when its period closes.
// A period locked after the curve and the keberatan is not reopened by
// it; BKPSDM reopens it if it must.
func assessClosedPeriods(ctx context.Context, tx *store.Tx, s model.SKP) error {
	if s.Acting != "" || s.PeriodStart <= model.Date(fmt.Sprintf("%d-01-01", s.Year)) {
		return nil // not an SKP begun at a transfer
	}
	periods, err := tx.Periods(ctx, s.InstansiID, s.Year)
	if err != nil {
		return err
	}
	for _, p := range periods {
		if p.Status == model.PeriodClosed && p.Start <= s.PeriodEnd && p.End >= s.PeriodStart {
			if _, err := openAssessments(ctx, tx, p); err != nil {
				return err
			}
		}
	}
	return nil
}

// assessmentsOutsideSKP lists e's periodic assessments whose period lies
// wholly outside their SKP's days (a back-dated transfer closed the SKP
// before the period began), by period: only closed SKPs can hold them.
func (a *App) assessmentsOutsideSKP(ctx context.Context, e model.Employee) ([]AssessmentItem, error) {
	skps, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}, Status: model.SKPClosed})
	if err != nil {
		return nil, err
	}
	var out []AssessmentItem
	years := map[int]map[string]model.Period{}
	for _, s := range skps {
		byID, ok := years[s.Year]
		if !ok {
			periods, err := a.store.Periods(ctx, e.InstansiID, s.Year)
			if err != nil {
				return nil, err
			}
			byID = map[string]model.Period{}
			for _, p := range periods {
				byID[p.ID] = p
			}
			years[s.Year] = byID
		}
		list, err := a.store.Assessments(ctx, store.AssessmentFilter{InstansiID: e.InstansiID, SKPID: s.ID})
		if err != nil {
			return nil, err
		}
		for _, as := range list {
			if p, ok := byID[as.PeriodID]; ok && p.Kind != model.PeriodAnnual && outsideSKP(s, p) {
				out = append(out, AssessmentItem{Assessment: as, Period: p})
			}
		}
	}
	return out, nil
}
