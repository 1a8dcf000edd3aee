package api

import (
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// monitoringRoutes are the routes of the filling dashboard.
func monitoringRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/monitoring/skps", summary: "How far each OPD (or each unit of one OPD) is with the year's SKP", handle: (*handler).filling,
			doc: op{tag: "planning", query: []string{"year", "opd"}, response: "Filling", errors: []int{403, 422}}},
	}
}

type fillingCounts struct {
	NotStarted int `json:"not_started"`
	Draft      int `json:"draft"`
	Submitted  int `json:"submitted"`
	Returned   int `json:"returned"`
	Approved   int `json:"approved"`
	Total      int `json:"total"`
}

func countsOf(c app.FillingCounts) fillingCounts {
	return fillingCounts{c.NotStarted, c.Draft, c.Submitted, c.Returned, c.Approved, c.Total}
}

func (h *handler) filling(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	year := h.a.Today().Time().Year()
	if y := r.URL.Query().Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 2000 || n > 2100 {
			return model.Invalid("year", "Tahun tidak valid")
		}
		year = n
	}
	f, err := h.a.SKPFilling(r.Context(), actor, year, r.URL.Query().Get("opd"))
	if err != nil {
		return err
	}
	type line struct {
		UnitID   string        `json:"unit_id"`
		UnitName string        `json:"unit_name"`
		Counts   fillingCounts `json:"counts"`
	}
	out := struct {
		Year  int           `json:"year"`
		Total fillingCounts `json:"total"`
		Items []line        `json:"items"`
	}{Year: f.Year, Total: countsOf(f.Total), Items: []line{}}
	for _, l := range f.Lines {
		out.Items = append(out.Items, line{UnitID: l.Unit.ID, UnitName: l.Unit.Name, Counts: countsOf(l.Counts)})
	}
	return writeJSON(w, http.StatusOK, out)
}

func monitoringSchemas() map[string]any {
	return map[string]any{
		"FillingCounts": obj([]string{"not_started", "draft", "submitted", "returned", "approved", "total"}, map[string]any{
			"not_started": map[string]any{"type": "integer"}, "draft": map[string]any{"type": "integer"}, "submitted": map[string]any{"type": "integer"},
			"returned": map[string]any{"type": "integer"}, "approved": map[string]any{"type": "integer"}, "total": map[string]any{"type": "integer"}}),
		"Filling": obj([]string{"year", "total", "items"}, map[string]any{"year": map[string]any{"type": "integer"}, "total": ref("FillingCounts"),
			"items": map[string]any{"type": "array", "items": obj([]string{"unit_id", "unit_name", "counts"}, map[string]any{
				"unit_id": str(), "unit_name": str(), "counts": ref("FillingCounts")})}}),
	}
}
