package app

import (
	"context"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// A file that makes anyone assess themselves is blocked (domain decision
// 3), on the days the placement path checks (selfRatingDays): the day
// each of its moves takes effect, today, and every later day a recorded
// change (a substitute rater, a future placement) comes into force or
// ends, so that a move combined with an override starting later is seen
// as the same move through POST /employees/{id}/placements is.

// importCharts is the org chart of every day a file is checked on, read
// before its rows are written.
type importCharts struct {
	instansiID string
	days       []model.Date
	before     map[model.Date]*model.OrgChart
}

// readImportCharts reads, before the rows of plan are written, the charts
// of the days they are checked on.
func (a *App) readImportCharts(ctx context.Context, tx *store.Tx, instansiID string, today model.Date, plan []importer.Planned) (importCharts, error) {
	c := importCharts{instansiID: instansiID, before: map[model.Date]*model.OrgChart{}}
	first := today
	starts := []model.Date{today}
	for _, p := range plan {
		if p.Move {
			starts = append(starts, p.Start)
			first = min(first, p.Start)
		}
	}
	days, err := a.selfRatingDays(ctx, tx, instansiID, first, "")
	if err != nil {
		return c, err
	}
	days = append(days, starts...)
	slices.Sort(days)
	c.days = slices.Compact(days)
	for _, d := range c.days {
		if c.before[d], err = tx.OrgChart(ctx, instansiID, d); err != nil {
			return c, err
		}
	}
	return c, nil
}

// refuse refuses, with a field error on "file", what was written in tx
// since the charts were read when it makes anyone assess themselves on
// one of their days: the first such day, with everyone it makes assess
// themselves (those who come back in their own line of raters first).
func (c importCharts) refuse(ctx context.Context, tx *store.Tx) error {
	for _, d := range c.days {
		after, err := tx.OrgChart(ctx, c.instansiID, d)
		if err != nil {
			return err
		}
		found := model.NewSelfRatings(c.before[d], after)
		if len(found) == 0 {
			continue
		}
		key := "import.blocked.selfrating.upper"
		var names []string
		for _, upper := range []bool{false, true} {
			for _, f := range found {
				if f.Upper != upper {
					continue
				}
				name := f.EmployeeID
				if p, err := tx.Employee(ctx, f.EmployeeID); err == nil {
					name = p.Name
				}
				names = append(names, name)
			}
			if len(names) > 0 {
				if !upper {
					key = "import.blocked.selfrating"
				}
				break
			}
		}
		return model.Invalid("file", key, strings.Join(names, ", "), d)
	}
	return nil
}
