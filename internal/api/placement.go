package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

func (h *handler) placeEmployee(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		PositionID   string `json:"position_id"`
		PositionCode string `json:"position_code"`
		Kind         string `json:"kind"`
		Start        string `json:"start"`
		// End is the last day when the SK already says it (a Plh for a
		// known absence), checked as a separate end would be.
		End    string `json:"end"`
		Decree string `json:"decree"`
		// ConfirmBackdated confirms a transfer whose TMT reaches into
		// closed or assessed periods (refused with 409 without it).
		ConfirmBackdated bool `json:"confirm_backdated"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	pl, err := h.a.Place(r.Context(), actor, app.PlacementRequest{EmployeeID: r.PathValue("id"), PositionID: req.PositionID,
		PositionCode: req.PositionCode, Kind: model.PlacementKind(req.Kind), Start: model.Date(req.Start), End: model.Date(req.End),
		Decree: req.Decree, ConfirmBackdated: req.ConfirmBackdated})
	if err != nil {
		return err
	}
	out := placementJSON{ID: pl.ID, Position: pl.PositionName, Unit: pl.UnitName, Kind: string(pl.Kind),
		Start: string(pl.Start), End: ptr(string(pl.End)), Decree: pl.Decree, Can: placementCan{End: true, Cancel: pl.Start > h.a.Today(r.Context(), actor.InstansiID)}}
	if !pl.Backdated.Empty() {
		b := backdatedOf(pl.Backdated, readerLang(r))
		out.Backdated = &b
	}
	return writeJSON(w, http.StatusCreated, out)
}

// backdatedJSON is what a transfer's TMT reaches into (app.BackdatedImpact):
// in the 409 that asks for confirm_backdated, and in the placement made.
type backdatedJSON struct {
	TMT         string                    `json:"tmt"`
	Message     string                    `json:"message"`
	Periods     []backdatedPeriodJSON     `json:"periods"`
	Assessments []backdatedAssessmentJSON `json:"assessments"`
}

type backdatedPeriodJSON struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Start  string `json:"start"`
	End    string `json:"end"`
	Status string `json:"status"`
}

type backdatedAssessmentJSON struct {
	ID       string `json:"id"`
	SKPID    string `json:"skp_id"`
	PeriodID string `json:"period_id"`
	Period   string `json:"period"`
	Status   string `json:"status"`
	// Reassess: the result was sent and is kept; it needs a new
	// assessment on the SKP in force in its period.
	Reassess bool `json:"reassess"`
	// Employee, SKPYear and Rater, in the list a transfer reaches into:
	// whose assessment it is, the year of the SKP it is on, and who rates
	// it (who rated it, or while it is not rated, who rates it today).
	Employee *model.PersonSnapshot `json:"employee,omitempty"`
	SKPYear  int                   `json:"skp_year,omitempty"`
	Rater    *model.PersonSnapshot `json:"rater,omitempty"`
}

// backdatedAssessmentOf is one assessment a back-dated transfer reached
// into, as the employee's record lists it.
func backdatedAssessmentOf(it app.AssessmentItem, lang string) backdatedAssessmentJSON {
	l := it.Period.Label()
	return backdatedAssessmentJSON{ID: it.ID, SKPID: it.SKPID, PeriodID: it.PeriodID,
		Period: locale.T(lang, l.Key, l.Args...), Status: string(it.Status), Reassess: it.Status == model.AssessmentFinal}
}

func backdatedOf(b app.BackdatedImpact, lang string) backdatedJSON {
	m := b.Message()
	out := backdatedJSON{TMT: string(b.TMT), Message: locale.T(lang, m.Key, m.Args...), Periods: []backdatedPeriodJSON{}, Assessments: []backdatedAssessmentJSON{}}
	for _, p := range b.Periods {
		l := p.Label()
		out.Periods = append(out.Periods, backdatedPeriodJSON{ID: p.ID, Name: locale.T(lang, l.Key, l.Args...), Start: string(p.Start), End: string(p.End), Status: string(p.Status)})
	}
	for _, it := range b.Assessments {
		j := backdatedAssessmentOf(it.AssessmentItem, lang)
		j.Employee, j.SKPYear, j.Rater = snapshotOrNil(it.Person), it.SKP.Year, snapshotOrNil(it.Rater)
		out.Assessments = append(out.Assessments, j)
	}
	return out
}

type endRequest struct {
	End string `json:"end"`
}

func (h *handler) endPlacement(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req endRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := h.a.EndPlacement(r.Context(), actor, r.PathValue("id"), r.PathValue("pid"), model.Date(req.End)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *handler) cancelPlacement(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := h.a.CancelPlacement(r.Context(), actor, r.PathValue("id"), r.PathValue("pid")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type overrideJSON struct {
	ID           string  `json:"id"`
	EmployeeID   string  `json:"employee_id"`
	RaterID      string  `json:"rater_id"`
	UpperRaterID *string `json:"upper_rater_id"`
	Start        string  `json:"start"`
	End          *string `json:"end"`
	Reason       string  `json:"reason"`
	// Can: only those who manage the employee list or make substitute
	// raters; they may end those whose raters are within their reach
	// (EndOverride asks the same).
	Can endCan `json:"can"`
}

func overrideOf(o model.RaterOverride, canEnd bool) overrideJSON {
	return overrideJSON{ID: o.ID, EmployeeID: o.EmployeeID, RaterID: o.RaterID, UpperRaterID: ptr(o.UpperRaterID),
		Start: string(o.Start), End: ptr(string(o.End)), Reason: o.Reason, Can: endCan{End: canEnd}}
}

func (h *handler) raterOverrides(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	overrides, err := h.a.RaterOverrideList(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	var items []overrideJSON
	for _, o := range overrides {
		items = append(items, overrideOf(o.RaterOverride, o.CanEnd))
	}
	out, err := pageOf(items, func(o overrideJSON) string { return o.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) overrideRater(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		RaterID      string `json:"rater_id"`
		UpperRaterID string `json:"upper_rater_id"`
		Start        string `json:"start"`
		Reason       string `json:"reason"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	o, err := h.a.SubstituteRater(r.Context(), actor, app.RaterOverrideRequest{EmployeeID: r.PathValue("id"), RaterID: req.RaterID,
		UpperRaterID: req.UpperRaterID, Start: model.Date(req.Start), Reason: req.Reason})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, overrideOf(o, true))
}

func (h *handler) endOverride(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req endRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := h.a.EndRaterOverride(r.Context(), actor, r.PathValue("id"), r.PathValue("oid"), model.Date(req.End)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
