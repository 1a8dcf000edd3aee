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
	if _, err := limitParam(r); err != nil {
		return err
	}
	return h.writeRealisasiPeriod(w, r, actor, r.URL.Query().Get("period"))
}

// realisasiOfPeriod answers the realisasi of an SKP in the period its
// address names: the realisasi of a period opens at its own address, as on
// the web (docs/organisasi-mutasi.md).
func (h *handler) realisasiOfPeriod(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	return h.writeRealisasiPeriod(w, r, actor, r.PathValue("pid"))
}

// realisasiTotalJSON is an indicator's realisasi of the year so far.
type realisasiTotalJSON struct {
	IndicatorID string  `json:"indicator_id"`
	Value       *string `json:"value"`
	Level       bool    `json:"level"`
	Periods     int     `json:"periods"`
	Target      string  `json:"target"`
	Unit        string  `json:"unit"`
}

// writeRealisasiPeriod answers the realisasi of an SKP in a period.
func (h *handler) writeRealisasiPeriod(w http.ResponseWriter, r *http.Request, actor model.Actor, periodID string) error {
	v, err := h.a.Realisasi(r.Context(), actor, r.PathValue("id"), periodID)
	if err != nil {
		return err
	}
	// A page is a run of the SKP's indicators in order: the realisasi
	// filled for them and their totals.
	var indicators []model.Indicator
	for _, rhk := range v.SKP.RHK {
		indicators = append(indicators, rhk.Indicators...)
	}
	page, err := pageAt(indicators, r)
	if err != nil {
		return err
	}
	out := struct {
		PeriodID   string               `json:"period_id"`
		Items      []realisasiJSON      `json:"items"`
		NextCursor *string              `json:"next_cursor"`
		Indicators int                  `json:"indicators"`
		Totals     []realisasiTotalJSON `json:"totals"`
		AfterTMT   bool                 `json:"after_tmt"`
		NextSKPID  *string              `json:"next_skp_id"`
		Can        realisasiCanJSON     `json:"can"`
	}{PeriodID: v.Period.ID, Items: []realisasiJSON{}, NextCursor: page.NextCursor, Indicators: len(indicators), Totals: []realisasiTotalJSON{},
		AfterTMT: v.AfterTMT, Can: realisasiCanJSON{Edit: v.Can.Edit}}
	if v.Next != nil {
		out.NextSKPID = &v.Next.ID
	}
	for _, in := range page.Items {
		if re, ok := v.Realisasi[in.ID]; ok {
			out.Items = append(out.Items, realisasiOf(re, v.Can))
		}
		t := v.Totals[in.ID]
		tj := realisasiTotalJSON{IndicatorID: in.ID, Level: t.Level, Periods: t.Periods, Target: in.Target, Unit: in.Unit}
		if t.Value != "" {
			tj.Value = &t.Value
		}
		out.Totals = append(out.Totals, tj)
	}
	return writeJSON(w, http.StatusOK, out)
}

// saveRealisasiPeriod saves the realisasi of many indicators of one period
// at once, all or nothing, as the web's form does.
func (h *handler) saveRealisasiPeriod(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Items []struct {
			IndicatorID string `json:"indicator_id"`
			Value       string `json:"value"`
			Note        string `json:"note"`
			Version     *int   `json:"version"`
		} `json:"items"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	// What is missing (items, a version) is judged by app, once the actor
	// may fill the realisasi.
	items := make([]app.RealisasiInput, 0, len(req.Items))
	for _, it := range req.Items {
		version := model.NoVersion
		if it.Version != nil {
			version = *it.Version
		}
		items = append(items, app.RealisasiInput{IndicatorID: it.IndicatorID, Value: it.Value, Note: it.Note, Version: version})
	}
	period := r.PathValue("pid")
	if _, err := h.a.SaveRealisasiPeriod(r.Context(), actor, r.PathValue("id"), period, items); err != nil {
		return err
	}
	return h.writeRealisasiPeriod(w, r, actor, period)
}

func realisasiSchemas() map[string]any {
	integer := map[string]any{"type": "integer"}
	can := obj([]string{"edit"}, map[string]any{"edit": map[string]any{"type": "boolean", "description": "Fill or change the realisasi of this period (the owner, while the period is open)"}})
	return map[string]any{
		"Realisasi": obj([]string{"id", "skp_id", "period_id", "indicator_id", "value", "note", "version", "can"}, map[string]any{"id": str(), "skp_id": str(),
			"period_id": str(), "indicator_id": str(), "value": str(), "note": map[string]any{"type": "string", "description": "Dasar realisasi"},
			"version": integer, "updated_by": str(), "updated_at": str(), "can": can}),
		"RealisasiTotal": obj([]string{"indicator_id", "value", "level", "periods", "target", "unit"}, map[string]any{"indicator_id": str(),
			"value": map[string]any{"type": []string{"string", "null"}, "description": "The year's realisasi up to and including this period: " +
				"the sum of the periods' values for a count, the latest value for a level; null when none is recorded or one is not a number"},
			"level":   map[string]any{"type": "boolean", "description": "A level (a percentage, the quality aspect): value is the latest, not a sum"},
			"periods": map[string]any{"type": "integer", "description": "How many periods up to this one hold a value"},
			"target":  map[string]any{"type": "string", "description": "The yearly target"}, "unit": str()}),
		"RealisasiPeriodRequest": obj([]string{"items"}, map[string]any{"items": map[string]any{"type": "array", "minItems": 1,
			"description": "One item per indicator to save. An item with an empty value and no note for an indicator without a realisasi, " +
				"or one equal to what is stored, is left as it is. Nothing is written when one is refused: each refusal is a field error " +
				"named value.<indicator_id> (note.<indicator_id>, version.<indicator_id>)",
			"items": obj([]string{"indicator_id", "value", "version"}, map[string]any{"indicator_id": str(),
				"value": map[string]any{"type": "string", "description": "A percentage from 0 to 100; against a numeric target a non-negative number " +
					"(\"12\", \"12,5\", \"1.250\"), whole when the target is whole, at most ten times the yearly target; any text against a narrative target"},
				"note":    map[string]any{"type": "string", "description": "Dasar realisasi"},
				"version": map[string]any{"type": "integer", "description": "The version read, 0 when there was no realisasi yet. A stale one is a 409"}})}}),
		"RealisasiList": obj([]string{"period_id", "items", "next_cursor", "indicators", "totals", "can"}, map[string]any{"period_id": str(),
			"items": map[string]any{"type": "array", "items": ref("Realisasi"),
				"description": "The realisasi filled in the period for the page's indicators: a page is a run of the SKP's indicators in order (limit of them)"},
			"next_cursor": map[string]any{"type": []string{"string", "null"},
				"description": "The next run of indicators (GET /skps/{id}/realisasi?period=...&cursor=); null on the last page"},
			"indicators": map[string]any{"type": "integer", "description": "How many indicators the SKP has, on all pages"}, "can": can,
			"totals": map[string]any{"type": "array", "items": ref("RealisasiTotal"), "description": "The page's indicators with the year so far"},
			"after_tmt": map[string]any{"type": "boolean", "description": "The period begins after a transfer closed this SKP (setelah TMT mutasi): " +
				"what it holds stays readable here, read only, until the next SKP takes its RHK over"},
			"next_skp_id": map[string]any{"type": []string{"string", "null"}, "description": "On an SKP a transfer closed: the SKP begun after it"}}),
		"RealisasiRequest": obj([]string{"period_id", "indicator_id", "value", "version"}, map[string]any{"period_id": str(), "indicator_id": str(),
			"value": str(), "note": str(), "version": map[string]any{"type": "integer", "description": "Required: the version read, 0 when there was no realisasi yet. A stale one is a 409; a missing one a 422"}}),
	}
}
