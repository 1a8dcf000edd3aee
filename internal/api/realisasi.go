package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

type realisasiCanJSON struct {
	Edit bool `json:"edit"`
}

type realisasiJSON struct {
	ID          string           `json:"id"`
	SKPID       string           `json:"skp_id"`
	PeriodID    string           `json:"period_id"`
	IndicatorID string           `json:"indicator_id"`
	Value       string           `json:"value"`
	Note        string           `json:"note"`
	Version     int              `json:"version"`
	UpdatedBy   string           `json:"updated_by"`
	UpdatedAt   string           `json:"updated_at"`
	Can         realisasiCanJSON `json:"can"`
}

func realisasiOf(r model.Realisasi, can app.RealisasiRights) realisasiJSON {
	return realisasiJSON{ID: r.ID, SKPID: r.SKPID, PeriodID: r.PeriodID, IndicatorID: r.IndicatorID, Value: r.Value, Note: r.Basis,
		Version: r.Version, UpdatedBy: r.UpdatedBy, UpdatedAt: r.UpdatedAt, Can: realisasiCanJSON{Edit: can.Edit}}
}

func (h *handler) saveRealisasi(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		PeriodID    string `json:"period_id"`
		IndicatorID string `json:"indicator_id"`
		Value       string `json:"value"`
		Note        string `json:"note"`
		Version     *int   `json:"version"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	re, err := h.a.SaveRealisasi(r.Context(), actor, r.PathValue("id"), version, model.Realisasi{PeriodID: req.PeriodID,
		IndicatorID: req.IndicatorID, Value: req.Value, Basis: req.Note})
	if err != nil {
		return err
	}
	item, err := h.a.RealisasiOne(r.Context(), actor, re.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, realisasiOf(item.Realisasi, item.Can))
}

func (h *handler) realisasiList(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	v, err := h.a.Realisasi(r.Context(), actor, r.PathValue("id"), r.URL.Query().Get("period"))
	if err != nil {
		return err
	}
	out := struct {
		PeriodID  string           `json:"period_id"`
		Items     []realisasiJSON  `json:"items"`
		AfterTMT  bool             `json:"after_tmt"`
		NextSKPID *string          `json:"next_skp_id"`
		Can       realisasiCanJSON `json:"can"`
	}{PeriodID: v.Period.ID, Items: []realisasiJSON{}, AfterTMT: v.AfterTMT, Can: realisasiCanJSON{Edit: v.Can.Edit}}
	if v.Next != nil {
		out.NextSKPID = &v.Next.ID
	}
	for _, rhk := range v.SKP.RHK {
		for _, in := range rhk.Indicators {
			if re, ok := v.Realisasi[in.ID]; ok {
				out.Items = append(out.Items, realisasiOf(re, v.Can))
			}
		}
	}
	return writeJSON(w, http.StatusOK, out)
}

func realisasiSchemas() map[string]any {
	integer := map[string]any{"type": "integer"}
	can := obj([]string{"edit"}, map[string]any{"edit": map[string]any{"type": "boolean", "description": "Fill or change the realisasi of this period (the owner, while the period is open)"}})
	return map[string]any{
		"Realisasi": obj([]string{"id", "skp_id", "period_id", "indicator_id", "value", "note", "version", "can"}, map[string]any{"id": str(), "skp_id": str(),
			"period_id": str(), "indicator_id": str(), "value": str(), "note": map[string]any{"type": "string", "description": "Dasar realisasi"},
			"version": integer, "updated_by": str(), "updated_at": str(), "can": can}),
		"RealisasiList": obj([]string{"period_id", "items", "can"}, map[string]any{"period_id": str(),
			"items": map[string]any{"type": "array", "items": ref("Realisasi")}, "can": can,
			"after_tmt": map[string]any{"type": "boolean", "description": "The period begins after a transfer closed this SKP (setelah TMT mutasi): " +
				"what it holds stays readable here, read only, until the next SKP takes its RHK over"},
			"next_skp_id": map[string]any{"type": []string{"string", "null"}, "description": "On an SKP a transfer closed: the SKP begun after it"}}),
		"RealisasiRequest": obj([]string{"period_id", "indicator_id", "value", "version"}, map[string]any{"period_id": str(), "indicator_id": str(),
			"value": str(), "note": str(), "version": map[string]any{"type": "integer", "description": "Required: the version read, 0 when there was no realisasi yet. A stale one is a 409; a missing one a 422"}}),
	}
}
