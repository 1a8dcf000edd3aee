package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// calibrationRoutes are the routes of an OPD's calibration: its curve, a
// rating moved with a reason, the OPD's period finalised or reopened.
func calibrationRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/units/{id}/curve", summary: "An OPD's distribution of predikat in a period against the pattern its capaian kinerja organisasi allows: capaian, counts, limits and violations (its head, BKPSDM, leaders, auditors, its admins). people is the base of every limit: each person assessed in the period counts once, rated or not (a Plt/Plh with a second SKP counts with their definitive SKP's result); total counts assessments (SKPs); counts are rated or sent predikat, final_counts sent ones", handle: (*handler).curve,
			doc: op{tag: "penilaian", params: []string{"id"}, query: []string{"period", "limit", "cursor"}, response: "Curve", errors: []int{403, 404, 422},
				queryDocs: map[string]string{"period": "The period (an id of GET /years/{year}/periods), required." + filterRule}}},
		{method: "POST", path: "/api/v1/assessments/{id}/calibrate", summary: "Move a rating during calibration with a written reason the rated person and the rater see (the OPD head or BKPSDM); the predikat follows", handle: (*handler).calibrateAssessment,
			doc: op{tag: "penilaian", params: []string{"id"}, body: "CalibrateRequest", response: "AssessmentDetail", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/units/{id}/curve/finalize", summary: "Finalise the OPD's period, which locks its ratings; a distribution that breaks the pattern needs BKPSDM's override_reason", handle: (*handler).finalizeCurve,
			doc: op{tag: "penilaian", params: []string{"id"}, body: "CurveFinalizeRequest", response: "Curve", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/units/{id}/curve/unlock", summary: "Reopen a final OPD period with a reason (BKPSDM)", handle: (*handler).unlockCurve,
			doc: op{tag: "penilaian", params: []string{"id"}, body: "CurveUnlockRequest", response: "Curve", errors: []int{403, 404, 409, 422}}},
	}
}

type curveLimitJSON struct {
	Rule      string   `json:"rule"`
	Predikats []string `json:"predikats"`
	Min       int      `json:"min"`
	Max       int      `json:"max"`
	Count     int      `json:"count"`
	Broken    bool     `json:"broken"`
	Message   string   `json:"message"`
}

type curveJSON struct {
	UnitID         string            `json:"unit_id"`
	PeriodID       string            `json:"period_id"`
	Capaian        *string           `json:"capaian"`
	Status         string            `json:"status"`
	People         int               `json:"people"`
	Total          int               `json:"total"`
	Open           int               `json:"open"`
	Rated          int               `json:"rated"`
	Counts         map[string]int    `json:"counts"`
	FinalCounts    map[string]int    `json:"final_counts"`
	Limits         []curveLimitJSON  `json:"limits"`
	Violations     []curveLimitJSON  `json:"violations"`
	Small          bool              `json:"small"`
	Breaks         bool              `json:"breaks"`
	OverrideReason string            `json:"override_reason"`
	FinalizedAt    *time.Time        `json:"finalized_at"`
	Raters         []raterSpreadJSON `json:"raters"`
	NextCursor     *string           `json:"next_cursor"`
	RaterCount     int               `json:"rater_count"`
	Can            map[string]bool   `json:"can"`
	// FinalizeRefused says why finalising is refused now, to one who may
	// finalise: can.finalize (and can.override) is then false.
	FinalizeRefused string `json:"finalize_refused,omitempty"`
}

type raterSpreadJSON struct {
	RaterID    string         `json:"rater_id"`
	Name       string         `json:"name"`
	Total      int            `json:"total"`
	Counts     map[string]int `json:"counts"`
	TopPercent int            `json:"top_percent"`
	// OPDTopPercent is the OPD's share at the top on the same basis: the
	// ratings as their raters gave them.
	OPDTopPercent int  `json:"opd_top_percent"`
	Lenient       bool `json:"lenient"`
}

func limitsOf(lang string, list []model.CurveLimit) []curveLimitJSON {
	out := []curveLimitJSON{}
	for _, l := range list {
		j := curveLimitJSON{Rule: l.Rule.ID, Predikats: []string{}, Min: l.Min, Max: l.Max, Count: l.Count, Broken: l.Broken(),
			Message: locale.T(lang, l.Message.Key, l.Message.Args...)}
		for _, p := range l.Rule.Predikats {
			j.Predikats = append(j.Predikats, string(p))
		}
		out = append(out, j)
	}
	return out
}

// curveOf is the curve with a page of its raters (limit and cursor of r;
// the first page on a POST, which takes neither).
func curveOf(r *http.Request, v app.CurveView) (curveJSON, error) {
	lang := readerLang(r)
	out := curveJSON{UnitID: v.OPD.ID, PeriodID: v.Period.ID, Capaian: ptr(string(v.Capaian)), Status: string(v.Calibration.Status),
		People: v.People, Total: v.Total, Open: v.Open, Rated: v.Rated, Counts: map[string]int{}, FinalCounts: map[string]int{},
		Limits: limitsOf(lang, v.Check.Limits), Violations: limitsOf(lang, v.Check.Violations), Small: v.Check.Small, Breaks: v.Check.Breaks(),
		OverrideReason: v.Calibration.OverrideReason, FinalizedAt: timeOrNil(v.Calibration.FinalizedAt), Raters: []raterSpreadJSON{},
		Can: map[string]bool{"move": v.Can.Move, "finalize": v.Can.Finalize, "override": v.Can.Override, "unlock": v.Can.Unlock}}
	if m := v.Can.FinalizeRefused; m.Key != "" {
		out.FinalizeRefused = locale.T(lang, m.Key, m.Args...)
	}
	for _, p := range model.Predikats {
		out.Counts[string(p)] = v.Check.Counts[p]
		out.FinalCounts[string(p)] = v.Final.Counts[p]
	}
	page, err := pageAt(v.Raters, r) // the page only is converted: a large OPD has over a thousand raters
	if err != nil {
		return curveJSON{}, err
	}
	for _, r := range page.Items {
		rj := raterSpreadJSON{RaterID: r.RaterID, Name: r.Name, Total: r.Total, Counts: map[string]int{}, TopPercent: r.TopPercent, OPDTopPercent: r.OPDTopPercent, Lenient: r.Lenient}
		for p, n := range r.Counts {
			rj.Counts[string(p)] = n
		}
		out.Raters = append(out.Raters, rj)
	}
	out.NextCursor, out.RaterCount = page.NextCursor, len(v.Raters)
	return out, nil
}

// writeCurve answers the curve of v.
func writeCurve(w http.ResponseWriter, r *http.Request, v app.CurveView) error {
	out, err := curveOf(r, v)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) curve(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	period, err := idParam(r, "period")
	if err != nil {
		return err
	}
	v, err := h.a.Curve(r.Context(), actor, r.PathValue("id"), period)
	if err != nil {
		return err
	}
	return writeCurve(w, r, v)
}

func (h *handler) calibrateAssessment(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version       *int   `json:"version"`
		HasilKerja    string `json:"hasil_kerja"`
		PerilakuKerja string `json:"perilaku_kerja"`
		Reason        string `json:"reason"`
		// Predikat is read only to be refused (a predikat follows from
		// the ratings): 422 naming it, as on every path that rates.
		Predikat json.RawMessage `json:"predikat"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	if _, err := h.a.MoveAssessment(r.Context(), actor, id, app.MoveInput{Version: version, HasilKerja: model.Rating(req.HasilKerja),
		PerilakuKerja: model.Rating(req.PerilakuKerja), Reason: req.Reason, Predikat: req.Predikat != nil}); err != nil {
		return err
	}
	return h.writeAssessment(w, r, actor, id)
}

func (h *handler) finalizeCurve(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		PeriodID       string `json:"period_id"`
		OverrideReason string `json:"override_reason"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if _, err := idValue("period_id", req.PeriodID); err != nil {
		return err
	}
	v, err := h.a.FinalizeCalibration(r.Context(), actor, r.PathValue("id"), req.PeriodID, req.OverrideReason)
	if err != nil {
		return periodIDField(err)
	}
	return writeCurve(w, r, v)
}

func (h *handler) unlockCurve(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		PeriodID string `json:"period_id"`
		Reason   string `json:"reason"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if _, err := idValue("period_id", req.PeriodID); err != nil {
		return err
	}
	v, err := h.a.UnlockCalibration(r.Context(), actor, r.PathValue("id"), req.PeriodID, req.Reason)
	if err != nil {
		return periodIDField(err)
	}
	return writeCurve(w, r, v)
}

// periodIDField names app's missing period (judged after access) by the
// body's field, period_id.
func periodIDField(err error) error {
	var ve *model.ValidationError
	if errors.As(err, &ve) && ve.Message("period").Key == "invalid.curve.period" {
		return model.Invalid("period_id", "invalid.curve.period")
	}
	return err
}

func calibrationSchemas() map[string]any {
	integer := map[string]any{"type": "integer"}
	periodRef := map[string]any{"type": "string", "description": "The period (an id of GET /years/{year}/periods)." + filterRule}
	counts := map[string]any{"type": "object", "additionalProperties": integer, "description": "predikat → number of people"}
	limit := obj([]string{"rule", "predikats", "min", "max", "count", "broken", "message"}, map[string]any{"rule": str(),
		"predikats": map[string]any{"type": "array", "items": str()}, "min": integer, "max": integer, "count": integer,
		"broken": map[string]any{"type": "boolean"}, "message": str()})
	return map[string]any{
		"CurveLimit": limit,
		"Curve": obj([]string{"unit_id", "period_id", "capaian", "status", "counts", "limits", "violations", "raters", "next_cursor", "rater_count", "can"}, map[string]any{
			"unit_id": str(), "period_id": str(),
			"capaian": map[string]any{"type": []string{"string", "null"}, "enum": []any{"istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang", nil}},
			"status":  enum("open", "final"), "people": integer, "total": integer, "open": integer, "rated": integer,
			"counts":          counts,
			"final_counts":    counts,
			"limits":          map[string]any{"type": "array", "items": ref("CurveLimit"), "description": "Each rule of the pattern with its bounds (maximum rounded down, minimum rounded up) over the rated predikat"},
			"violations":      map[string]any{"type": "array", "items": ref("CurveLimit")},
			"small":           map[string]any{"type": "boolean", "description": "Fewer than 10 rated: the curve only warns"},
			"breaks":          map[string]any{"type": "boolean", "description": "A violation that needs BKPSDM's override to finalise"},
			"override_reason": str(), "finalized_at": map[string]any{"type": []string{"string", "null"}, "format": "date-time"},
			"raters": map[string]any{"type": "array", "x-paged": true, "items": map[string]any{"type": "object", "description": "How each rater rated, as they gave the ratings (before calibration moves and keberatan decisions): counts, top_percent beside the OPD's opd_top_percent counted the same way, lenient"},
				"description": "A page of the OPD's raters (limit, cursor on GET; the first page in the answer of a POST)"},
			"next_cursor": map[string]any{"type": []string{"string", "null"}, "description": "The next page of raters; null on the last"},
			"rater_count": map[string]any{"type": "integer", "description": "How many raters, on all pages"},
			"can": canSchemaOf("What the signed-in user may do on the calibration now", map[string]string{"move": "Move ratings",
				"finalize": "Finalise the OPD's period: only once its capaian is set and every result is sent (and, to the OPD head, while the sent results keep to the pattern)",
				"override": "Finalise a distribution that breaks the pattern, with a reason (BKPSDM, on the same conditions)", "unlock": "Reopen a final period, with a reason"}),
			"finalize_refused": map[string]any{"type": "string", "description": "Why finalising is refused now, to one who may finalise (can.finalize is false): the capaian not set, results not yet sent (counted), or a distribution that needs BKPSDM's override"}}),
		"CalibrateRequest": obj([]string{"version", "hasil_kerja", "perilaku_kerja", "reason"}, map[string]any{"version": integer,
			"hasil_kerja": enum("di_atas", "sesuai", "di_bawah"), "perilaku_kerja": enum("di_atas", "sesuai", "di_bawah"),
			"reason": map[string]any{"type": "string", "maxLength": 1000}, "predikat": map[string]any{"description": "Never accepted: the predikat follows from the two ratings; a request carrying it (any value, null too) is refused with 422 naming predikat"}}),
		"CurveFinalizeRequest": obj([]string{"period_id"}, map[string]any{"period_id": periodRef,
			"override_reason": map[string]any{"type": "string", "maxLength": 1000, "description": "Required (BKPSDM only) when the distribution breaks the pattern"}}),
		"CurveUnlockRequest": obj([]string{"period_id", "reason"}, map[string]any{"period_id": periodRef, "reason": map[string]any{"type": "string", "maxLength": 1000}}),
	}
}
