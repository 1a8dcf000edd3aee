package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

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
	year, err := app.ParseYear(r.URL.Query().Get("year"), h.today(r).Time().Year())
	if err != nil {
		return err
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

func (h *handler) behind(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	year, err := h.yearParam(r)
	if err != nil {
		return err
	}
	v, err := h.a.Behind(r.Context(), actor, year, r.PathValue("id"))
	if err != nil {
		return err
	}
	type person struct {
		EmployeeID string  `json:"employee_id"`
		Name       string  `json:"name"`
		NIP        string  `json:"nip"`
		SKPStatus  *string `json:"skp_status"`
	}
	out := struct {
		UnitID   string   `json:"unit_id"`
		UnitName string   `json:"unit_name"`
		Year     int      `json:"year"`
		Items    []person `json:"items"`
		Can      struct {
			Remind bool `json:"remind"`
		} `json:"can"`
	}{UnitID: v.Unit.ID, UnitName: v.Unit.Name, Year: v.Year, Items: []person{}}
	out.Can.Remind = v.Can.Remind
	for _, p := range v.People {
		out.Items = append(out.Items, person{EmployeeID: p.Employee.ID, Name: p.Employee.FullName(), NIP: p.Employee.NIP, SKPStatus: ptr(string(p.Status))})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) remindBehind(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Year *int `json:"year" range:"year"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	year := h.today(r).Time().Year()
	if req.Year != nil {
		year = *req.Year
	}
	n, err := h.a.RemindBehind(r.Context(), actor, year, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]int{"reminded": n})
}

func monitoringSchemas() map[string]any {
	return map[string]any{
		"Behind": obj([]string{"unit_id", "unit_name", "year", "items", "can"}, map[string]any{"unit_id": str(), "unit_name": str(),
			"year": map[string]any{"type": "integer"},
			"items": map[string]any{"type": "array", "items": obj([]string{"employee_id", "name", "nip", "skp_status"}, map[string]any{
				"employee_id": str(), "name": str(), "nip": str(),
				"skp_status": map[string]any{"type": []string{"string", "null"}, "enum": []any{"draft", "submitted", "returned", nil},
					"description": "null when they have not started an SKP"}})},
			"can": obj([]string{"remind"}, map[string]any{"remind": canField("Remind them (POST .../remind)")})}),
		"RemindRequest": obj(nil, map[string]any{"year": ranged("year", "This year when absent")}),
		"Reminded":      obj([]string{"reminded"}, map[string]any{"reminded": map[string]any{"type": "integer"}}),
		"FillingCounts": obj([]string{"not_started", "draft", "submitted", "returned", "approved", "total"}, map[string]any{
			"not_started": map[string]any{"type": "integer"}, "draft": map[string]any{"type": "integer"}, "submitted": map[string]any{"type": "integer"},
			"returned": map[string]any{"type": "integer"}, "approved": map[string]any{"type": "integer"}, "total": map[string]any{"type": "integer"}}),
		"Filling": obj([]string{"year", "total", "items"}, map[string]any{"year": map[string]any{"type": "integer"}, "total": ref("FillingCounts"),
			"items": map[string]any{"type": "array", "items": obj([]string{"unit_id", "unit_name", "counts"}, map[string]any{
				"unit_id": str(), "unit_name": str(), "counts": ref("FillingCounts")})}}),
	}
}
