package api

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// objectionRoutes are the routes of keberatan: the employee objects to a
// final result, the pejabat penilai explains, the atasan pejabat penilai
// decides.
func objectionRoutes() []route {
	return []route{
		{method: "POST", path: "/api/v1/assessments/{id}/objections", summary: "The employee objects to their final result with a reason, within 14 calendar days of receiving it on the instansi's clock (periodic results only where the instansi allows)", handle: (*handler).submitObjection,
			doc: op{tag: "penilaian", params: []string{"id"}, body: "ObjectionRequest", response: "Objection", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "GET", path: "/api/v1/assessments/{id}/objections", summary: "The objections to one assessment the actor may read: none, or its one (a result is objected to once), each as GET /api/v1/objections/{oid} answers it; 404 for an assessment the actor may not read", handle: (*handler).assessmentObjections,
			doc: op{tag: "penilaian", params: []string{"id"}, query: []string{"limit", "cursor"}, response: "ObjectionList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/objections", summary: "The objections the actor may read, newest first and paged. Without a filter that is every one: the actor's own, those of the people in their line below them, and what their role reads (an OPD's for its admins, the instansi's for BKPSDM, leaders and auditors; auditors read-only). Each filter narrows the list and they combine: mine=true the actor's own; todo=true those waiting for the actor to explain (the pejabat penilai of the day) or decide (the atasan pejabat penilai of the day), so mine=true with todo=true holds none; unit an OPD's; status a state", handle: (*handler).objections,
			doc: op{tag: "penilaian", query: []string{"mine", "todo", "unit", "status", "all", "limit", "cursor"}, response: "ObjectionList", errors: []int{404, 422},
				queryDocs: map[string]string{
					"unit":   "Only objections to results counted in this OPD, for those who read its ratings as a whole (its head and admins, BKPSDM, leaders, auditors)." + filterRule,
					"status": "Only objections in this state: submitted (waiting for the explanation), explained (waiting for the decision), decided; any other value is a 422",
				}}},
		{method: "GET", path: "/api/v1/objections/{oid}", summary: "One objection: the reason, the explanation, the decision, the deadline", handle: (*handler).objection,
			doc: op{tag: "penilaian", params: []string{"oid"}, response: "Objection", errors: []int{404}}},
		{method: "POST", path: "/api/v1/objections/{oid}/explain", summary: "The pejabat penilai of the day explains the result objected to", handle: (*handler).explainObjection,
			doc: op{tag: "penilaian", params: []string{"oid"}, body: "ExplainRequest", response: "Objection", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/objections/{oid}/decide", summary: "The atasan pejabat penilai of the day decides, finally: keep the ratings, or change them (the predikat is computed, never accepted)", handle: (*handler).decideObjection,
			doc: op{tag: "penilaian", params: []string{"oid"}, body: "DecideRequest", response: "Objection", errors: []int{403, 404, 409, 422}}},
	}
}

func init() {
	for k, v := range map[string]string{
		"all":  "Deprecated, narrows nothing: the list without a filter already holds every objection the actor may read (it once widened a narrower default to the instansi for BKPSDM and auditors). true (or 1) and false (or 0) are accepted; any other value is a 422",
		"todo": "true (or 1): the objections waiting for the actor to explain or decide; false (or 0) or absent: not this filter. Any other value is a 422",
	} {
		if _, ok := queryDocs[k]; !ok {
			queryDocs[k] = v
		}
	}
}

// resultJSON is an assessment's result as it stands.
type resultJSON struct {
	HasilKerja    *string `json:"hasil_kerja"`
	PerilakuKerja *string `json:"perilaku_kerja"`
	Predikat      *string `json:"predikat"`
}

type objectionRightsJSON struct {
	Explain bool `json:"explain"`
	Decide  bool `json:"decide"`
	Attach  bool `json:"attach"`
}

type objectionJSON struct {
	ID           string               `json:"id"`
	AssessmentID string               `json:"assessment_id"`
	EmployeeID   string               `json:"employee_id"`
	Employee     model.PersonSnapshot `json:"employee"`
	PeriodID     string               `json:"period_id"`
	Period       string               `json:"period"`
	Status       string               `json:"status"`
	Reason       string               `json:"reason"`
	SubmittedAt  time.Time            `json:"submitted_at"`
	Deadline     string               `json:"deadline"`
	Explanation  *string              `json:"explanation"`
	ExplainedBy  *userRef             `json:"explained_by"`
	ExplainedAt  *time.Time           `json:"explained_at"`
	Decision     *string              `json:"decision"`
	Note         *string              `json:"note"`
	From         *model.RatingPair    `json:"from"`
	To           *model.RatingPair    `json:"to"`
	DecidedBy    *userRef             `json:"decided_by"`
	DecidedAt    *time.Time           `json:"decided_at"`
	Evidence     []string             `json:"evidence"`
	Version      int                  `json:"version"`
	Can          objectionRightsJSON  `json:"can"`
	// DeadlineAt is the deadline's last second (23:59:59 on the
	// instansi's clock, TimeZone), in UTC; ReceivedOn the day the 14 days
	// count from.
	DeadlineAt *time.Time `json:"deadline_at"`
	TimeZone   string     `json:"time_zone"`
	ReceivedOn *string    `json:"received_on"`
	// Result is the assessment's result as it stands now (the decision's
	// to after a change).
	Result resultJSON `json:"result"`
	// Explainer and Decider are who explains (the pejabat penilai of the
	// day) and who decides (the atasan of the day, or the pejabat penilai
	// at the top of the line), in the one objection's answer; null in a
	// list, or when the post is empty.
	Explainer *userRef `json:"explainer"`
	Decider   *userRef `json:"decider"`
}

func objectionOf(lang string, o model.Objection, as model.Assessment, p model.Period, can app.ObjectionRights, panel app.ObjectionPanel) objectionJSON {
	out := objectionJSON{ID: o.ID, AssessmentID: o.AssessmentID, EmployeeID: o.EmployeeID, Employee: as.Employee, PeriodID: p.ID,
		Period: locale.T(lang, p.Label().Key, p.Label().Args...), Status: string(o.Status), Reason: o.Reason, SubmittedAt: o.SubmittedAt.UTC(),
		Deadline: string(o.Deadline), Explanation: ptr(o.Explanation), ExplainedBy: userRefOf(o.ExplainedBy, ""), ExplainedAt: timeOrNil(o.ExplainedAt),
		Decision: ptr(string(o.Decision)), Note: ptr(o.DecisionNote), DecidedBy: userRefOf(o.DecidedBy, ""), DecidedAt: timeOrNil(o.DecidedAt),
		Evidence: []string{}, Version: o.Version, Can: objectionRightsJSON{Explain: can.Explain, Decide: can.Decide, Attach: can.Attach},
		DeadlineAt: timeOrNil(panel.DeadlineAt()), TimeZone: panel.Zone.Abbrev(), ReceivedOn: ptr(string(panel.Received)),
		Result: resultJSON{HasilKerja: ptr(string(as.HasilKerja)), PerilakuKerja: ptr(string(as.PerilakuKerja)), Predikat: ptr(string(as.Predikat))}}
	if o.Status == model.ObjectionDecided {
		from, to := o.From, o.To
		out.From, out.To = &from, &to
	}
	return out
}

// objectionViewOf is one objection read whole.
func objectionViewOf(lang string, v app.ObjectionView) objectionJSON {
	out := objectionOf(lang, v.Objection, v.Assessment, v.Period, v.Can, v.ObjectionPanel)
	if v.ExplainedByName != "" {
		out.ExplainedBy.Name = v.ExplainedByName
	}
	if v.DecidedByName != "" {
		out.DecidedBy.Name = v.DecidedByName
	}
	for _, e := range v.Evidence {
		out.Evidence = append(out.Evidence, e.ID)
	}
	out.Explainer, out.Decider = userRefOf(v.Rater.EmployeeID, v.Rater.Name), userRefOf(v.Decider.EmployeeID, v.Decider.Name)
	return out
}

func (h *handler) writeObjection(w http.ResponseWriter, r *http.Request, actor model.Actor, id string, status int) error {
	v, err := h.a.Objection(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, status, objectionViewOf(readerLang(r), v))
}

func (h *handler) assessmentObjections(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	views, err := h.a.AssessmentObjections(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	lang := readerLang(r)
	items := []objectionJSON{}
	for _, v := range views {
		items = append(items, objectionViewOf(lang, v))
	}
	// At most one: paged as every list all the same.
	page, err := pageOf(items, func(o objectionJSON) string { return o.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

func (h *handler) objection(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	return h.writeObjection(w, r, actor, r.PathValue("oid"), http.StatusOK)
}

func (h *handler) objections(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	unit, err := idParam(r, "unit")
	if err != nil {
		return err
	}
	cursor, err := idParam(r, "cursor")
	if err != nil {
		return err
	}
	// all is accepted for the clients written when the unfiltered list held
	// only the actor's own and those waiting for them: it narrows nothing.
	if _, err := flagParam(r, "all"); err != nil {
		return err
	}
	mine, err := flagParam(r, "mine")
	if err != nil {
		return err
	}
	todo, err := flagParam(r, "todo")
	if err != nil {
		return err
	}
	page, err := h.a.Objections(r.Context(), actor, app.ObjectionFilter{Mine: mine, Todo: todo, OPDID: unit,
		Status: model.ObjectionStatus(r.URL.Query().Get("status")), Cursor: cursor, Limit: limit})
	if err != nil {
		return err
	}
	lang := readerLang(r)
	out := list[objectionJSON]{Items: []objectionJSON{}, NextCursor: ptr(page.Next)}
	for _, it := range page.Items {
		o := objectionOf(lang, it.Objection, it.Assessment, it.Period, it.Can, it.Panel)
		if o.ExplainedBy != nil {
			o.ExplainedBy.Name = it.ExplainedByName
		}
		if o.DecidedBy != nil {
			o.DecidedBy.Name = it.DecidedByName
		}
		out.Items = append(out.Items, o)
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) submitObjection(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Reason string `json:"reason"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	o, err := h.a.SubmitObjection(r.Context(), actor, r.PathValue("id"), req.Reason)
	if err != nil {
		return err
	}
	return h.writeObjection(w, r, actor, o.ID, http.StatusCreated)
}

func (h *handler) explainObjection(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Explanation string `json:"explanation"`
		Version     int    `json:"version"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	id := r.PathValue("oid")
	if _, err := h.a.ExplainObjection(r.Context(), actor, id, req.Explanation, req.Version); err != nil {
		return err
	}
	return h.writeObjection(w, r, actor, id, http.StatusOK)
}

func (h *handler) decideObjection(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Decision      string          `json:"decision"`
		HasilKerja    string          `json:"hasil_kerja"`
		PerilakuKerja string          `json:"perilaku_kerja"`
		Note          string          `json:"note"`
		Version       int             `json:"version"`
		Predikat      json.RawMessage `json:"predikat"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	id := r.PathValue("oid")
	if _, err := h.a.DecideObjection(r.Context(), actor, id, app.DecideInput{Decision: model.ObjectionDecision(req.Decision),
		HasilKerja: model.Rating(req.HasilKerja), PerilakuKerja: model.Rating(req.PerilakuKerja), Note: req.Note, Version: req.Version,
		Predikat: req.Predikat != nil}); err != nil {
		return err
	}
	return h.writeObjection(w, r, actor, id, http.StatusOK)
}

func objectionSchemas() map[string]any {
	at := map[string]any{"type": []string{"string", "null"}, "format": "date-time"}
	text := map[string]any{"type": []string{"string", "null"}}
	person := map[string]any{"type": []string{"object", "null"}, "description": "id and name"}
	pair := map[string]any{"type": []string{"object", "null"}, "description": "hasil_kerja, perilaku_kerja and the predikat they give; null until decided"}
	texts := map[string]any{"type": "string", "maxLength": 4000}
	objection := map[string]any{"id": str(), "assessment_id": str(), "employee_id": str(),
		"employee":  map[string]any{"type": "object", "description": "The employee as the assessment shows them"},
		"period_id": str(), "period": str(), "status": enum("submitted", "explained", "decided"), "reason": str(),
		"submitted_at": map[string]any{"type": "string", "format": "date-time"},
		"deadline":     map[string]any{"type": "string", "format": "date", "description": "The last day to object, on the instansi's clock (until the end of that day): the day the result was received (the assessment's received_at: its sending, or its latest change) plus 14 calendar days"},
		"explanation":  text, "explained_by": person, "explained_at": at,
		"decision": map[string]any{"type": []string{"string", "null"}, "enum": []any{"keep", "change", nil}}, "note": text,
		"from": pair, "to": pair, "decided_by": person, "decided_at": at,
		"evidence": map[string]any{"type": "array", "items": str(), "description": "Evidence ids (GET /api/v1/evidence/{id})"},
		"version":  map[string]any{"type": "integer"},
		"can": canSchemaOf("What the signed-in user may do with the objection now", map[string]string{
			"explain": "Explain (the pejabat penilai of the day, once)", "decide": "Decide (the atasan pejabat penilai of the day, once explained)",
			"attach": "Attach evidence (the employee, until it is explained): POST /api/v1/evidence with target_type objection"}),
		"deadline_at": map[string]any{"type": "string", "format": "date-time",
			"description": "The deadline's last second in UTC: 23:59:59 of deadline on the instansi's clock (2026-12-15T16:59:59Z for 15 December 2026 in WIB)"},
		"time_zone":   map[string]any{"type": "string", "enum": []string{"WIB", "WITA", "WIT"}, "description": "The instansi's clock the deadline is counted on"},
		"received_on": map[string]any{"type": "string", "format": "date", "description": "The day, on the instansi's clock, the 14 days counted from"},
		"result": obj([]string{"hasil_kerja", "perilaku_kerja", "predikat"}, map[string]any{
			"hasil_kerja": nullable("string"), "perilaku_kerja": nullable("string"), "predikat": nullable("string")}),
		"explainer": described(person, "Who explains: the pejabat penilai of the day (null when the post is empty: the atasan may then decide without an explanation). Only in the one objection's answer (GET /objections/{oid}, /assessments/{id}/objections and the acts), null in the list"),
		"decider":   described(person, "Who decides: the atasan pejabat penilai of the day, or the pejabat penilai at the top of the line. Only in the one objection's answer, null in the list")}
	return map[string]any{
		"Objection":        obj([]string{"id", "assessment_id", "employee_id", "status", "reason", "deadline", "version", "can"}, objection),
		"ObjectionList":    listOf("Objection"),
		"ObjectionRequest": obj([]string{"reason"}, map[string]any{"reason": texts}),
		"ExplainRequest": obj([]string{"explanation"}, map[string]any{"explanation": texts,
			"version": map[string]any{"type": "integer", "description": "The objection's version read; a stale one is a 409 (optional)"}, "predikat": map[string]any{"description": "Never accepted: the predikat follows from the two ratings; a request carrying it (any value, null too) is refused with 422 naming predikat"}}),
		"DecideRequest": obj([]string{"decision", "note"}, map[string]any{"decision": enum("keep", "change"),
			"hasil_kerja":    map[string]any{"type": "string", "enum": []string{"di_atas", "sesuai", "di_bawah"}, "description": "With change; an OPD head's follows the capaian kinerja organisasi and cannot change"},
			"perilaku_kerja": map[string]any{"type": "string", "enum": []string{"di_atas", "sesuai", "di_bawah"}, "description": "With change"},
			"note":           texts,
			"version":        map[string]any{"type": "integer", "description": "The objection's version read; a stale one is a 409 (optional)"}, "predikat": map[string]any{"description": "Never accepted: the predikat follows from the two ratings; a request carrying it (any value, null too) is refused with 422 naming predikat"}}),
	}
}
