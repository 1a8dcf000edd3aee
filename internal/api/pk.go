package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

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
	Can         pkSasaranCan      `json:"can"`
}

// pkSasaranCan is what the actor may do with a sasaran of a PK now.
type pkSasaranCan struct {
	Delete bool `json:"delete"`
}

// pkSasaranOf is a sasaran as the API shows it, with what the actor may
// do with it now (nothing, where it is shown to be read).
func pkSasaranOf(s model.PKSasaran, can app.PKSasaranRights) pkSasaranJSON {
	j := pkSasaranJSON{ID: s.ID, UnitID: s.UnitID, Year: s.Year, Description: s.Description, Indicators: []pkIndicatorJSON{},
		Can: pkSasaranCan{Delete: can.Delete}}
	for _, in := range s.Indicators {
		j.Indicators = append(j.Indicators, pkIndicatorJSON{ID: in.ID, Description: in.Description, Target: in.Target, Unit: in.Unit})
	}
	return j
}

// yearParam reads ?year=, defaulting to the current year.
func (h *handler) yearParam(r *http.Request) (int, error) {
	return app.ParseYear(r.URL.Query().Get("year"), h.today(r).Time().Year())
}

func (h *handler) perjanjianKinerja(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	year, err := h.yearParam(r)
	if err != nil {
		return err
	}
	pk, err := h.a.PerjanjianKinerja(r.Context(), actor, r.PathValue("id"), year)
	if err != nil {
		return err
	}
	out := struct {
		UnitID   string          `json:"unit_id"`
		UnitName string          `json:"unit_name"`
		Year     int             `json:"year"`
		Sasaran  []pkSasaranJSON `json:"sasaran"`
		Can      struct {
			Manage bool `json:"manage"`
		} `json:"can"`
	}{UnitID: pk.Unit.ID, UnitName: pk.Unit.Name, Year: year, Sasaran: []pkSasaranJSON{}}
	out.Can.Manage = pk.Can.Manage
	for _, s := range pk.Sasaran {
		out.Sasaran = append(out.Sasaran, pkSasaranOf(s.PKSasaran, s.Can))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) addPKSasaran(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Year        int    `json:"year" range:"year"`
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
	// The new sasaran as its PK now shows it, with the actor's rights.
	pk, err := h.a.PerjanjianKinerja(r.Context(), actor, s.UnitID, s.Year)
	if err != nil {
		return err
	}
	for _, it := range pk.Sasaran {
		if it.ID == s.ID {
			return writeJSON(w, http.StatusCreated, pkSasaranOf(it.PKSasaran, it.Can))
		}
	}
	return writeJSON(w, http.StatusCreated, pkSasaranOf(s, app.PKSasaranRights{}))
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
		"PKSasaran": obj([]string{"id", "unit_id", "year", "description", "indicators", "can"}, map[string]any{"id": str(), "unit_id": str(),
			"year": map[string]any{"type": "integer"}, "description": str(), "indicators": map[string]any{"type": "array", "items": indicator},
			"can": obj([]string{"delete"}, map[string]any{"delete": canField("Remove it (DELETE /pk/{id}): those who manage the PK, while no RHK is taken from it; false where a sasaran is shown to be read")})}),
		"PerjanjianKinerja": obj([]string{"unit_id", "unit_name", "year", "sasaran", "can"}, map[string]any{"unit_id": str(), "unit_name": str(),
			"year": map[string]any{"type": "integer"}, "sasaran": map[string]any{"type": "array", "items": ref("PKSasaran")},
			"can": obj([]string{"manage"}, map[string]any{"manage": canField("Add and remove sasaran: the head of the unit or an admin")})}),
		"PKSasaranRequest": obj([]string{"year", "description", "indicators"}, map[string]any{"year": ranged("year"),
			"description": str(), "indicators": map[string]any{"type": "array", "minItems": 1, "items": obj([]string{"description", "target"},
				map[string]any{"description": str(), "target": str(), "unit": str()})}}),
	}
}
