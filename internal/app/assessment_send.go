package app

import (
	"context"
	"errors"

	"github.com/kinerja-id/kinerja/internal/model"
)

// sendKey is an OPD's period, as the curve is counted.
type sendKey struct{ opd, period string }

// sendRoom withdraws, from the rights given, the sending of each rated
// result FinalizeAssessment would refuse for its OPD's curve: where the
// OPD's capaian kinerja organisasi for the period is not set yet (the act
// sends no result, of staff or of the OPD head, before the pattern is
// known), and where its predikat would pass a maximum of the OPD's
// pattern as the calibration screen states it now (model.Rules.CurveRoom
// over the results already sent, the count FinalizeAssessment makes again
// under the lock). Finalize becomes false and FinalizeRefused says why:
// the capaian awaited, or the limit named. The rater may still change the
// rating, which is what decides the second: the page shows the effect of
// the rating as it stands, and the act checks again. The capaian and the
// curve are read once per OPD and period, whatever the number of results.
func (a *App) sendRoom(ctx context.Context, facts []*assessmentFacts, rights []*AssessmentRights) error {
	type curve struct {
		capaian model.Capaian
		tally   model.CurveTally
	}
	curves := map[sendKey]*curve{}
	for i, f := range facts {
		if f == nil || !rights[i].Finalize {
			continue
		}
		k := sendKey{f.A.OPDID, f.A.PeriodID}
		c := curves[k]
		if c == nil {
			c = &curve{}
			var err error
			if c.capaian, err = a.capaianOf(ctx, k.opd, k.period); err != nil {
				return err
			}
			if c.capaian != "" {
				cal, err := a.store.Calibration(ctx, f.A.InstansiID, k.opd, k.period)
				if err != nil {
					return err
				}
				counts, err := a.curveCounts(ctx, f.A.InstansiID, cal, false)
				if err != nil {
					return err
				}
				c.tally = counts.tally
			}
			curves[k] = c
		}
		if c.capaian == "" {
			rights[i].Finalize = false
			rights[i].FinalizeRefused = model.Msg("assessment.finalize.nocapaian")
			continue
		}
		rules, err := model.RulesOf(f.A.Regime)
		if err != nil {
			return err
		}
		var full *model.StateError
		if err := rules.CurveRoom(c.capaian, c.tally, f.A.ID, f.A.Predikat); errors.As(err, &full) {
			rights[i].Finalize = false
			rights[i].FinalizeRefused = model.Msg("assessment.finalize.full", full.Args...)
		} else if err != nil {
			return err
		}
	}
	return nil
}
