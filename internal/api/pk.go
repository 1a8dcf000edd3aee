package api

import (
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/model"
)

// pkRoutes are the routes of a unit's Perjanjian Kinerja.
func pkRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/units/{id}/pk", summary: "The Perjanjian Kinerja of a unit for a year: its sasaran with indicators and targets", handle: (*handler).perjanjianKinerja,
			doc: op{tag: "planning", params: []string{"id"}, query: []string{"year"}, response: "PerjanjianKinerja", errors: []int{404, 422}}},
		{method: "POST", path: "/api/v1/units/{id}/pk", summary: "Add a sasaran to a unit's Perjanjian Kinerja (the head of the unit or an admin)", handle: (*handler).addPKSasaran,
			doc: op{tag: "planning", params: []string{"id"}, body: "PKSasaranRequest", response: "PKSasaran", status: 201, errors: []int{403, 404, 422}}},
		{method: "DELETE", path: "/api/v1/pk/{id}", summary: "Remove a sasaran no RHK is taken from", handle: (*handler).deletePKSasaran,
			doc: op{tag: "planning", params: []string{"id"}, status: 204, errors: []int{403, 404, 409}}},
	}
}

type pkIndicatorJSON struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	Target      string `json:"target"`
	Unit        string `json:"unit"`
}

type pkSasaranJSON struct {
	ID          string            `json:"id"`
	UnitID      string            `json:"unit_id"`
	Year        int               `json:"year"`
	Description string            `json:"description"`
	Indicators  []pkIndicatorJSON `json:"indicators"`
}

func pkSasaranOf(s model.PKSasaran) pkSasaranJSON {
	j := pkSasaranJSON{ID: s.ID, UnitID: s.UnitID, Year: s.Year, Description: s.Description, Indicators: []pkIndicatorJSON{}}
	for _, in := range s.Indicators {
		j.Indicators = append(j.Indicators, pkIndicatorJSON{ID: in.ID, Description: in.Description, Target: in.Target, Unit: in.Unit})
	}
	return j
}

// yearParam reads ?year=, defaulting to the current year.
func (h *handler) yearParam(r *http.Request) (int, error) {
	y := r.URL.Query().Get("year")
	if y == "" {
		return h.a.Today().Time().Year(), nil
	}
	n, err := strconv.Atoi(y)
	if err != nil || n < 2000 || n > 2100 {
		return 0, model.Invalid("year", "invalid.field.year")
	}
	return n, nil
}

func (h *handler) perjanjianKinerja(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	year, err := h.yearParam(r)
	if err != nil {
		return err
	}
	u, list, err := h.a.PerjanjianKinerja(r.Context(), actor, r.PathValue("id"), year)
	if err != nil {
		return err
	}
	out := struct {
		UnitID   string          `json:"unit_id"`
		UnitName string          `json:"unit_name"`
		Year     int             `json:"year"`
		Sasaran  []pkSasaranJSON `json:"sasaran"`
	}{UnitID: u.ID, UnitName: u.Name, Year: year, Sasaran: []pkSasaranJSON{}}
	for _, s := range list {
		out.Sasaran = append(out.Sasaran, pkSasaranOf(s))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) addPKSasaran(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Year        int    `json:"year"`
		Description string `json:"description"`
		Indicators  []struct {
			Description string `json:"description"`
			Target      string `json:"target"`
			Unit        string `json:"unit"`
		} `json:"indicators"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	s := model.PKSasaran{UnitID: r.PathValue("id"), Year: req.Year, Description: req.Description}
	for _, in := range req.Indicators {
		s.Indicators = append(s.Indicators, model.PKIndicator{Description: in.Description, Target: in.Target, Unit: in.Unit})
	}
	s, err := h.a.AddPKSasaran(r.Context(), actor, s)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, pkSasaranOf(s))
}

func (h *handler) deletePKSasaran(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := h.a.DeletePKSasaran(r.Context(), actor, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func pkSchemas() map[string]any {
	indicator := obj([]string{"description", "target", "unit"}, map[string]any{"id": str(), "description": str(), "target": str(), "unit": str()})
	return map[string]any{
		"PKSasaran": obj([]string{"id", "unit_id", "year", "description", "indicators"}, map[string]any{"id": str(), "unit_id": str(),
			"year": map[string]any{"type": "integer"}, "description": str(), "indicators": map[string]any{"type": "array", "items": indicator}}),
		"PerjanjianKinerja": obj([]string{"unit_id", "unit_name", "year", "sasaran"}, map[string]any{"unit_id": str(), "unit_name": str(),
			"year": map[string]any{"type": "integer"}, "sasaran": map[string]any{"type": "array", "items": ref("PKSasaran")}}),
		"PKSasaranRequest": obj([]string{"year", "description", "indicators"}, map[string]any{"year": map[string]any{"type": "integer"},
			"description": str(), "indicators": map[string]any{"type": "array", "minItems": 1, "items": obj([]string{"description", "target"},
				map[string]any{"description": str(), "target": str(), "unit": str()})}}),
	}
}
