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

// orgCharts is the org chart of every day a change is checked on, read
// before it is written: by an import, the cancel of an end of employment
// and a merge, which write several placements and overrides at once.
type orgCharts struct {
	instansiID string
	days       []model.Date
	before     map[model.Date]*model.OrgChart
}

// readImportCharts reads, before the rows of plan are written, the charts
// of the days they are checked on: today and each later TMT. A TMT in the
// past is checked as of today, as the placement path checks it from
// today on: a first import of a whole instansi carries thousands of past
// TMT, and what they did before today is history, not a rater to come.
func (a *App) readImportCharts(ctx context.Context, tx *store.Tx, instansiID string, today model.Date, plan []importer.Planned) (orgCharts, error) {
	starts := []model.Date{today}
	for _, p := range plan {
		if p.Move && p.Start > today {
			starts = append(starts, p.Start)
		}
	}
	return a.readOrgCharts(ctx, tx, instansiID, starts...)
}

// readOrgCharts reads the charts of the days a change starting on each of
// starts (at least one) is checked on (selfRatingDays of the earliest,
// and every start).
func (a *App) readOrgCharts(ctx context.Context, tx *store.Tx, instansiID string, starts ...model.Date) (orgCharts, error) {
	c := orgCharts{instansiID: instansiID, before: map[model.Date]*model.OrgChart{}}
	days, err := a.selfRatingDays(ctx, tx, instansiID, slices.Min(starts), "")
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

// newSelfRatings returns the first of the days on which what was written
// in tx since the charts were read makes anyone assess themselves, with
// who; no day when nobody does.
func (c orgCharts) newSelfRatings(ctx context.Context, tx *store.Tx) (model.Date, []model.SelfRating, error) {
	for _, d := range c.days {
		after, err := tx.OrgChart(ctx, c.instansiID, d)
		if err != nil {
			return "", nil, err
		}
		if found := model.NewSelfRatings(c.before[d], after); len(found) > 0 {
			return d, found, nil
		}
	}
	return "", nil, nil
}

// refuseNewSelfRating refuses, with a field error on field naming the
// person (selfRatingError), what was written in tx since the charts were
// read when it makes anyone assess themselves on one of their days.
func (c orgCharts) refuseNewSelfRating(ctx context.Context, tx *store.Tx, field string) error {
	_, found, err := c.newSelfRatings(ctx, tx)
	if err != nil {
		return err
	}
	return selfRatingError(ctx, tx, found, "", field, field)
}

// refuse refuses a file, with a field error on "file", when what it wrote
// in tx makes anyone assess themselves on one of the days: the first such
// day, with everyone it makes assess themselves (those who come back in
// their own line of raters first).
func (c orgCharts) refuse(ctx context.Context, tx *store.Tx) error {
	d, found, err := c.newSelfRatings(ctx, tx)
	if err != nil || len(found) == 0 {
		return err
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
