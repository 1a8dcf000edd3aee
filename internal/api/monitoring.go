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
	if _, err := limitParam(r); err != nil {
		return err
	}
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
	lines := make([]line, 0, len(f.Lines))
	for _, l := range f.Lines {
		lines = append(lines, line{UnitID: l.Unit.ID, UnitName: l.Unit.Name, Counts: countsOf(l.Counts)})
	}
	page, err := pageOf(lines, func(l line) string { return l.UnitID }, r)
	if err != nil {
		return err
	}
	out := struct {
		Year  int           `json:"year"`
		Total fillingCounts `json:"total"`
		Lines int           `json:"lines"`
		list[line]
	}{Year: f.Year, Total: countsOf(f.Total), Lines: len(lines), list: page}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) behind(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
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
	people := make([]person, 0, len(v.People))
	for _, p := range v.People {
		people = append(people, person{EmployeeID: p.Employee.ID, Name: p.Employee.FullName(), NIP: p.Employee.NIP, SKPStatus: ptr(string(p.Status))})
	}
	page, err := pageOf(people, func(p person) string { return p.EmployeeID }, r)
	if err != nil {
		return err
	}
	out := struct {
		UnitID   string `json:"unit_id"`
		UnitName string `json:"unit_name"`
		Year     int    `json:"year"`
		Total    int    `json:"total"`
		list[person]
		Can struct {
			Remind bool `json:"remind"`
		} `json:"can"`
	}{UnitID: v.Unit.ID, UnitName: v.Unit.Name, Year: v.Year, Total: len(people), list: page}
	out.Can.Remind = v.Can.Remind
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
		"Behind": obj([]string{"unit_id", "unit_name", "year", "total", "items", "next_cursor", "can"}, map[string]any{"unit_id": str(), "unit_name": str(),
			"year": map[string]any{"type": "integer"}, "next_cursor": nullable("string"),
			"total": map[string]any{"type": "integer", "description": "How many people are behind, on all pages"},
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
		"Filling": obj([]string{"year", "total", "lines", "items", "next_cursor"}, map[string]any{"year": map[string]any{"type": "integer"}, "total": ref("FillingCounts"),
			"lines":       map[string]any{"type": "integer", "description": "How many lines (OPDs, or units of one OPD) there are, on all pages"},
			"next_cursor": nullable("string"),
			"items": map[string]any{"type": "array", "items": obj([]string{"unit_id", "unit_name", "counts"}, map[string]any{
				"unit_id": str(), "unit_name": str(), "counts": ref("FillingCounts")})}}),
	}
}
