package api

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// assessmentRoutes are the routes of penilaian: assessments, their
// ratings and finalisation, and the rules that give a predikat.
func assessmentRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/rules/predikat", summary: "The predikat a rating hasil kerja and a rating perilaku kerja give, by the rules in force (PermenPANRB 6/2022)", handle: (*handler).predikatRule,
			doc: op{tag: "penilaian", query: []string{"hasil_kerja", "perilaku_kerja"}, response: "PredikatRule", errors: []int{422}}},
		{method: "GET", path: "/api/v1/assessments", summary: "Every assessment the actor may read: without a filter their own, those of the people they rate and of everyone below them in their line, and what their role reads (an OPD's for its admins, the instansi's for BKPSDM, leaders and auditors). Each filter narrows the list and they combine: mine=true those they rate today; employee= one person's; unit= an OPD's (its head, BKPSDM, leaders, auditors, its admins); period=; status=", handle: (*handler).assessments,
			doc: op{tag: "penilaian", query: []string{"period", "unit", "employee", "mine", "status", "limit", "cursor"}, response: "AssessmentList", errors: []int{403, 404, 422},
				queryDocs: map[string]string{
					"status":   "Only assessments in this status as the signed-in user reads it (their own result not yet sent is open to them): open (waiting for the rater), rated (rated, not sent), final (sent to the employee); any other value is a 422",
					"period":   "Only this period's (an id of GET /years/{year}/periods); every period when absent." + filterRule,
					"unit":     "An OPD's assessments, for those who may read its curve." + filterRule,
					"employee": "One employee's assessments." + filterRule,
				}}},
		{method: "GET", path: "/api/v1/assessments/{id}", summary: "One assessment with everything its rating rests on: per RHK and indicator the target, the realisasi and its basis, evidence, the period's progress and feedback; per core value the ekspektasi and umpan balik; the suggested rating hasil kerja with its reasons; calibration moves", handle: (*handler).assessment,
			doc: op{tag: "penilaian", params: []string{"id"}, response: "AssessmentDetail", errors: []int{404}}},
		{method: "PUT", path: "/api/v1/assessments/{id}", summary: "The pejabat penilai rates: the predikat is computed from the two ratings and never accepted; an OPD head's rating hasil kerja follows the capaian kinerja organisasi", handle: (*handler).rateAssessment,
			doc: op{tag: "penilaian", params: []string{"id"}, body: "RateRequest", response: "AssessmentDetail", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/assessments/{id}/finalize", summary: "Send the result to the employee; refused with a 409 naming the limit when it would pass a maximum of the OPD's distribution pattern, counted as the curve counts it", handle: (*handler).finalizeAssessment,
			doc: op{tag: "penilaian", params: []string{"id"}, body: "VersionRequest", response: "AssessmentDetail", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/assessments/{id}/acknowledge", summary: "The employee confirms reading their result as it stands (asked again when a sent result changes)", handle: (*handler).acknowledgeAssessment,
			doc: op{tag: "penilaian", params: []string{"id"}, response: "AssessmentDetail", errors: []int{403, 404, 409}}},
	}
}

func init() {
	for k, v := range map[string]string{
		"hasil_kerja":    "Rating hasil kerja: di_atas, sesuai or di_bawah",
		"perilaku_kerja": "Rating perilaku kerja: di_atas, sesuai or di_bawah",
		"mine":           "true (or 1): only the actor's own part of the list (the assessments they rate today; their own objections); false (or 0) or absent: not this filter. Any other value is a 422",
	} {
		if _, ok := queryDocs[k]; !ok {
			queryDocs[k] = v
		}
	}
}

func (h *handler) predikatRule(w http.ResponseWriter, r *http.Request, _ model.Actor) error {
	q := r.URL.Query()
	rules := model.CurrentRules()
	p, err := rules.Predikat(model.Rating(q.Get("hasil_kerja")), model.Rating(q.Get("perilaku_kerja")))
	if err != nil {
		return err
	}
	lang := readerLang(r)
	return writeJSON(w, http.StatusOK, map[string]string{"predikat": string(p), "label": locale.T(lang, p.Label().Key),
		"regime": string(rules.Regime)})
}

type assessmentRightsJSON struct {
	Rate        bool `json:"rate"`
	Finalize    bool `json:"finalize"`
	Acknowledge bool `json:"acknowledge"`
	Calibrate   bool `json:"calibrate"`
	FollowUp    bool `json:"follow_up"`
	SeeRatings  bool `json:"see_ratings"`
	Object      bool `json:"object"`
}

// objectionRefJSON names an assessment's keberatan: GET
// /api/v1/objections/{id} reads it whole.
type objectionRefJSON struct {
	ID       string     `json:"id"`
	Status   string     `json:"status"`
	Deadline model.Date `json:"deadline"`
}

type assessmentJSON struct {
	ID             string                `json:"id"`
	EmployeeID     string                `json:"employee_id"`
	Employee       model.PersonSnapshot  `json:"employee"`
	SKPID          string                `json:"skp_id"`
	PeriodID       string                `json:"period_id"`
	Period         string                `json:"period"`
	OPDID          string                `json:"opd_id"`
	Regime         string                `json:"regime"`
	Leader         bool                  `json:"leader"`
	HasilKerja     *string               `json:"hasil_kerja"`
	PerilakuKerja  *string               `json:"perilaku_kerja"`
	Predikat       *string               `json:"predikat"`
	Note           string                `json:"note"`
	Status         string                `json:"status"`
	Rater          *model.PersonSnapshot `json:"rater"`
	UpperRater     *model.PersonSnapshot `json:"upper_rater"`
	RatedAt        *time.Time            `json:"rated_at"`
	FinalizedAt    *time.Time            `json:"finalized_at"`
	ReceivedAt     *time.Time            `json:"received_at"`
	AcknowledgedAt *time.Time            `json:"acknowledged_at"`
	Version        int                   `json:"version"`
	Can            assessmentRightsJSON  `json:"can"`
	// CalibrateRefused says why calibration may not move the result (its
	// keberatan is open or was decided), to those who calibrate.
	CalibrateRefused string `json:"calibrate_refused,omitempty"`
	// FinalizeRefused says why the pejabat penilai may not send the result
	// as rated now (the OPD's capaian is not set yet, or a limit of its
	// pattern is full), while can.finalize is false.
	FinalizeRefused string `json:"finalize_refused,omitempty"`
	// ObjectionDeadline is the last second to object (null until sent), in
	// UTC as every time of the API; ObjectionLastDay is its day on the
	// instansi's clock, ObjectionTimeZone that clock's name (WIB, WITA,
	// WIT), ObjectionReceivedOn the day the window counts from.
	ObjectionDeadline   *time.Time `json:"objection_deadline"`
	ObjectionLastDay    *string    `json:"objection_last_day"`
	ObjectionTimeZone   *string    `json:"objection_time_zone"`
	ObjectionReceivedOn *string    `json:"objection_received_on"`
	// ObjectRefused says why can.object is false.
	ObjectRefused string            `json:"object_refused,omitempty"`
	Objection     *objectionRefJSON `json:"objection"`
}

func snapshotOrNil(s model.PersonSnapshot) *model.PersonSnapshot {
	if s.Name == "" && s.EmployeeID == "" {
		return nil
	}
	return &s
}

// assessmentOf is an assessment as the API shows it, with its keberatan
// part ob (a zero panel for the assessments nested in another's, which
// carry no rights either).
func assessmentOf(lang string, as model.Assessment, p model.Period, can app.AssessmentRights, ob app.ObjectionPanel) assessmentJSON {
	j := assessmentJSON{ID: as.ID, EmployeeID: as.EmployeeID, Employee: as.Employee, SKPID: as.SKPID, PeriodID: as.PeriodID,
		Period: locale.T(lang, p.Label().Key, p.Label().Args...), OPDID: as.OPDID, Regime: string(as.Regime), Leader: as.Leader,
		HasilKerja: ptr(string(as.HasilKerja)), PerilakuKerja: ptr(string(as.PerilakuKerja)), Predikat: ptr(string(as.Predikat)),
		Note: as.Note, Status: string(as.Status), Rater: snapshotOrNil(as.Rater), UpperRater: snapshotOrNil(as.UpperRater),
		RatedAt: timeOrNil(as.RatedAt), FinalizedAt: timeOrNil(as.FinalizedAt), ReceivedAt: timeOrNil(as.ReceivedAt), AcknowledgedAt: timeOrNil(as.AcknowledgedAt),
		Version: as.Version, Can: assessmentRightsJSON{Rate: can.Rate, Finalize: can.Finalize, Acknowledge: can.Acknowledge, Calibrate: can.Calibrate, FollowUp: can.FollowUp,
			SeeRatings: can.SeeRatings, Object: can.Object},
		ObjectionDeadline: timeOrNil(ob.DeadlineAt()), ObjectionLastDay: ptr(string(ob.Deadline)), ObjectionReceivedOn: ptr(string(ob.Received))}
	if ob.Deadline != "" {
		j.ObjectionTimeZone = ptr(ob.Zone.Abbrev())
	}
	if ob.HasObjection {
		j.Objection = &objectionRefJSON{ID: ob.Objection.ID, Status: string(ob.Objection.Status), Deadline: ob.Objection.Deadline}
	}
	if r := can.ObjectRefused; r.Key != "" {
		j.ObjectRefused = locale.T(lang, r.Key, r.Args...)
	}
	if r := can.CalibrateRefused; r.Key != "" {
		j.CalibrateRefused = locale.T(lang, r.Key, r.Args...)
	}
	if r := can.FinalizeRefused; r.Key != "" {
		j.FinalizeRefused = locale.T(lang, r.Key, r.Args...)
	}
	return j
}

func (h *handler) assessments(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	cursor := q.Get("cursor") // checked with the list (app.Assessments)
	var f app.AssessmentFilter
	for name, into := range map[string]*string{"period": &f.PeriodID, "unit": &f.OPDID, "employee": &f.Employee} {
		if *into, err = idParam(r, name); err != nil {
			return err
		}
	}
	if f.RatedByMe, err = flagParam(r, "mine"); err != nil {
		return err
	}
	status := model.AssessmentStatus(q.Get("status"))
	switch status {
	case "", model.AssessmentOpen, model.AssessmentRated, model.AssessmentFinal:
	default:
		return model.Invalid("status", "invalid.assessment.status")
	}
	f.Status, f.Cursor, f.Limit = status, cursor, limit
	page, err := h.a.Assessments(r.Context(), actor, f)
	if err != nil {
		return err
	}
	lang := readerLang(r)
	out := list[assessmentJSON]{Items: []assessmentJSON{}, NextCursor: ptr(page.Next)}
	for _, it := range page.Items {
		out.Items = append(out.Items, assessmentOf(lang, it.Assessment, it.Period, it.Can, it.Objection))
	}
	return writeJSON(w, http.StatusOK, out)
}

type assessmentIndicatorJSON struct {
	ID          string   `json:"id"`
	Aspect      string   `json:"aspect"`
	Description string   `json:"description"`
	Target      string   `json:"target"`
	Unit        string   `json:"unit"`
	Realisasi   string   `json:"realisasi"`
	Basis       string   `json:"basis"`
	Share       float64  `json:"share"`
	Due         *string  `json:"due"`
	Standing    string   `json:"standing"`
	Evidence    []string `json:"evidence"`
}

type assessmentResultJSON struct {
	RHKID            string                    `json:"rhk_id"`
	Kind             string                    `json:"kind"`
	Description      string                    `json:"description"`
	Standing         string                    `json:"standing"`
	Indicators       []assessmentIndicatorJSON `json:"indicators"`
	ProgressEntries  int                       `json:"progress_entries"`
	ProgressMinutes  int                       `json:"progress_minutes"`
	ProgressEvidence int                       `json:"progress_evidence"`
	FeedbackCount    int                       `json:"feedback_count"`
	UmpanBalik       string                    `json:"umpan_balik"`
}

type assessmentBehaviourJSON struct {
	CoreValue   string `json:"core_value"`
	Expectation string `json:"expectation"`
	UmpanBalik  string `json:"umpan_balik"`
}

type suggestionJSON struct {
	Rating  *string  `json:"rating"`
	Above   int      `json:"above"`
	Meets   int      `json:"meets"`
	Below   int      `json:"below"`
	Unknown int      `json:"unknown"`
	Reasons []string `json:"reasons"`
}

type moveJSON struct {
	At          time.Time        `json:"at"`
	Cause       string           `json:"cause"`
	By          userRef          `json:"by"`
	Reason      string           `json:"reason"`
	From        model.RatingPair `json:"from"`
	To          model.RatingPair `json:"to"`
	CapaianFrom *string          `json:"capaian_from"`
	CapaianTo   *string          `json:"capaian_to"`
}

type assessmentDetailJSON struct {
	assessmentJSON
	Capaian       *string                   `json:"capaian"`
	LeaderRating  *string                   `json:"leader_rating"`
	RatedNow      model.PersonSnapshot      `json:"rated_now_by"`
	Results       []assessmentResultJSON    `json:"results"`
	Behaviours    []assessmentBehaviourJSON `json:"behaviours"`
	Suggestion    suggestionJSON            `json:"suggestion"`
	Moves         []moveJSON                `json:"moves"`
	History       []historyJSON             `json:"history"`
	Year          []assessmentJSON          `json:"year"`
	AngkaKredit   *creditJSON               `json:"angka_kredit"`
	FollowUps     []followUpJSON            `json:"follow_ups"`
	FollowUpKinds []model.FollowUpKind      `json:"follow_up_kinds"`
	Annual        *annualJSON               `json:"annual"`
	// Thread is the umpan balik on the result, to those who see its
	// ratings (null to the rated employee before it is sent): the
	// messages at GET /api/v1/feedback?target_type=assessment.
	Thread *assessmentThreadJSON `json:"thread"`
}

type assessmentThreadJSON struct {
	Count int           `json:"count"`
	Can   threadCanJSON `json:"can"`
}

// annualJSON is what an annual rating rests on: every SKP of the year.
type annualJSON struct {
	SKPs       []annualSKPJSON `json:"skps"`
	Suggestion suggestionJSON  `json:"suggestion"`
}

type annualSKPJSON struct {
	SKPID      string                 `json:"skp_id"`
	Position   string                 `json:"position"`
	Unit       string                 `json:"unit"`
	Start      model.Date             `json:"start"`
	End        model.Date             `json:"end"`
	Status     string                 `json:"status"`
	This       bool                   `json:"this"`
	Annual     *assessmentJSON        `json:"annual"`
	Periods    []assessmentJSON       `json:"periods"`
	Outside    []assessmentJSON       `json:"outside"`
	Results    []assessmentResultJSON `json:"results"`
	Suggestion suggestionJSON         `json:"suggestion"`
}

func suggestionOf(lang string, s model.Suggestion) suggestionJSON {
	out := suggestionJSON{Rating: ptr(string(s.Rating)), Above: s.Above, Meets: s.Meets, Below: s.Below, Unknown: s.Unknown, Reasons: []string{}}
	for _, m := range s.Reasons {
		out.Reasons = append(out.Reasons, locale.T(lang, m.Key, m.Args...))
	}
	return out
}

func resultsOf(results []app.AssessmentResult) []assessmentResultJSON {
	out := []assessmentResultJSON{}
	for _, res := range results {
		rj := assessmentResultJSON{RHKID: res.RHK.ID, Kind: string(res.RHK.Kind), Description: res.RHK.Description,
			Standing: string(res.Standing), Indicators: []assessmentIndicatorJSON{}, ProgressEntries: res.Progress.Entries,
			ProgressMinutes: res.Progress.Minutes, ProgressEvidence: res.ProgressEvidence, FeedbackCount: len(res.Feedback), UmpanBalik: res.UmpanBalik}
		for _, in := range res.Indicators {
			ij := assessmentIndicatorJSON{ID: in.Indicator.ID, Aspect: string(in.Indicator.Aspect), Description: in.Indicator.Description,
				Target: in.Indicator.Target, Unit: in.Indicator.Unit, Realisasi: in.Realisasi, Basis: in.Basis, Share: in.Share, Due: ptr(in.PeriodDue()),
				Standing: string(in.Standing), Evidence: []string{}}
			for _, e := range in.Evidence {
				ij.Evidence = append(ij.Evidence, e.ID)
			}
			rj.Indicators = append(rj.Indicators, ij)
		}
		out = append(out, rj)
	}
	return out
}

func annualOf(lang string, ev *app.AnnualEvaluation) *annualJSON {
	if ev == nil {
		return nil
	}
	out := &annualJSON{SKPs: []annualSKPJSON{}, Suggestion: suggestionOf(lang, ev.Suggestion.Suggestion)}
	for _, s := range ev.SKPs {
		sj := annualSKPJSON{SKPID: s.SKP.ID, Position: s.SKP.Employee.Position, Unit: s.SKP.Employee.Unit, Start: s.SKP.PeriodStart,
			End: s.SKP.PeriodEnd, Status: string(s.SKP.Status), This: s.This, Periods: []assessmentJSON{}, Outside: []assessmentJSON{}, Results: resultsOf(s.Results),
			Suggestion: suggestionOf(lang, s.Suggestion)}
		if s.Annual != nil {
			a := assessmentOf(lang, s.Annual.Assessment, s.Annual.Period, s.Annual.Can, s.Annual.Objection)
			sj.Annual = &a
		}
		for _, p := range s.Periods {
			sj.Periods = append(sj.Periods, assessmentOf(lang, p.Assessment, p.Period, p.Can, p.Objection))
		}
		for _, p := range s.Outside {
			sj.Outside = append(sj.Outside, assessmentOf(lang, p.Assessment, p.Period, p.Can, p.Objection))
		}
		out.SKPs = append(out.SKPs, sj)
	}
	return out
}

type historyJSON struct {
	At            time.Time `json:"at"`
	By            string    `json:"by"`
	Action        string    `json:"action"`
	HasilKerja    *string   `json:"hasil_kerja"`
	PerilakuKerja *string   `json:"perilaku_kerja"`
	Predikat      *string   `json:"predikat"`
	// From is the ratings before a step that changed them (move,
	// capaian, decide), null otherwise.
	From        *model.RatingPair `json:"from"`
	Reason      *string           `json:"reason"`
	CapaianFrom *string           `json:"capaian_from"`
	CapaianTo   *string           `json:"capaian_to"`
}

func (h *handler) writeAssessment(w http.ResponseWriter, r *http.Request, actor model.Actor, id string) error {
	v, err := h.a.AssessmentView(r.Context(), actor, id)
	if err != nil {
		return err
	}
	lang := readerLang(r)
	out := assessmentDetailJSON{assessmentJSON: assessmentOf(lang, v.Assessment, v.Period, v.Can, v.Objection),
		Capaian: ptr(string(v.Capaian)), LeaderRating: ptr(string(v.LeaderRating)), RatedNow: v.Rater,
		Results: []assessmentResultJSON{}, Behaviours: []assessmentBehaviourJSON{}, Moves: []moveJSON{}, History: []historyJSON{}, Year: []assessmentJSON{},
		AngkaKredit: creditOf(v.Credit), FollowUps: []followUpJSON{}, FollowUpKinds: append([]model.FollowUpKind{}, v.Can.FollowUpKinds...)}
	for _, f := range v.FollowUps {
		out.FollowUps = append(out.FollowUps, followUpOf(f))
	}
	if v.Thread != nil {
		out.Thread = &assessmentThreadJSON{Count: len(v.Thread.Items), Can: threadCanJSON{Post: v.Thread.Can.Post}}
	}
	for _, h := range v.History {
		out.History = append(out.History, historyJSON{At: h.At, By: h.By, Action: h.Action, HasilKerja: ptr(string(h.HasilKerja)),
			PerilakuKerja: ptr(string(h.PerilakuKerja)), Predikat: ptr(string(h.Predikat)), Reason: ptr(h.Reason),
			CapaianFrom: ptr(string(h.FromCapaian)), CapaianTo: ptr(string(h.ToCapaian))})
		if h.From.Predikat != "" {
			out.History[len(out.History)-1].From = &h.From
		}
	}
	for _, y := range v.Year {
		out.Year = append(out.Year, assessmentOf(lang, y.Assessment, y.Period, y.Can, y.Objection))
	}
	out.Results = resultsOf(v.Results)
	out.Annual = annualOf(lang, v.Annual)
	for _, b := range v.Behaviours {
		out.Behaviours = append(out.Behaviours, assessmentBehaviourJSON{CoreValue: string(b.Behaviour.Value), Expectation: b.Behaviour.Expectation, UmpanBalik: b.UmpanBalik})
	}
	out.Suggestion = suggestionOf(lang, v.Suggestion)
	for _, m := range v.Moves {
		out.Moves = append(out.Moves, moveJSON{At: m.MovedAt, Cause: string(m.Cause), By: userRef{ID: m.MovedBy, Name: m.MovedByName}, Reason: m.Reason,
			From: m.From, To: m.To, CapaianFrom: ptr(string(m.FromCapaian)), CapaianTo: ptr(string(m.ToCapaian))})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) assessment(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	return h.writeAssessment(w, r, actor, r.PathValue("id"))
}

func (h *handler) rateAssessment(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version       *int            `json:"version"`
		HasilKerja    string          `json:"hasil_kerja"`
		PerilakuKerja string          `json:"perilaku_kerja"`
		Note          string          `json:"note"`
		Predikat      json.RawMessage `json:"predikat"`
		Feedback      struct {
			RHK        map[string]string `json:"rhk"`
			Behaviours map[string]string `json:"behaviours"`
		} `json:"feedback"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	fb := model.AssessmentFeedback{RHK: req.Feedback.RHK, Behaviours: map[model.CoreValue]string{}}
	for k, v := range req.Feedback.Behaviours {
		fb.Behaviours[model.CoreValue(k)] = v
	}
	id := r.PathValue("id")
	if _, err := h.a.RateAssessment(r.Context(), actor, id, app.RateInput{HasilKerja: model.Rating(req.HasilKerja),
		PerilakuKerja: model.Rating(req.PerilakuKerja), Note: req.Note, Feedback: fb, Version: version,
		Predikat: req.Predikat != nil}); err != nil {
		return err
	}
	return h.writeAssessment(w, r, actor, id)
}

func (h *handler) finalizeAssessment(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version *int `json:"version"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	if _, err := h.a.FinalizeAssessment(r.Context(), actor, id, version); err != nil {
		return err
	}
	return h.writeAssessment(w, r, actor, id)
}

func (h *handler) acknowledgeAssessment(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	id := r.PathValue("id")
	if _, err := h.a.AcknowledgeAssessment(r.Context(), actor, id); err != nil {
		return err
	}
	return h.writeAssessment(w, r, actor, id)
}

// described is a schema with a description added.
func described(schema map[string]any, description string) map[string]any {
	out := map[string]any{"description": description}
	for k, v := range schema {
		out[k] = v
	}
	return out
}

func assessmentSchemas() map[string]any {
	integer := map[string]any{"type": "integer"}
	at := map[string]any{"type": []string{"string", "null"}, "format": "date-time"}
	rating := map[string]any{"type": []string{"string", "null"}, "enum": []any{"di_atas", "sesuai", "di_bawah", nil}}
	predikat := map[string]any{"type": []string{"string", "null"}, "enum": []any{"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang", nil}}
	person := map[string]any{"type": "object", "description": "A person as the document shows them: name, nip, golongan, pangkat, position, unit"}
	rater := map[string]any{"type": []string{"object", "null"}, "description": "Who rated it, as they were then (null until rated)"}
	version := map[string]any{"type": "integer", "description": "The version last read; a stale one is a 409"}
	assessment := map[string]any{"id": str(), "employee_id": str(), "employee": person, "skp_id": str(), "period_id": str(),
		"period": str(), "opd_id": str(), "regime": str(), "leader": map[string]any{"type": "boolean", "description": "The employee heads the OPD: rating hasil kerja follows the capaian kinerja organisasi"},
		"hasil_kerja": rating, "perilaku_kerja": rating, "predikat": predikat, "note": str(),
		"status": described(enum("open", "rated", "final"), "As the signed-in user reads it: to the rated employee their result reads open until it is sent (rated is the pejabat penilai's draft, which they do not see), with rater, upper_rater and rated_at null; the list's status filter selects by this status"),
		"rater":  rater, "upper_rater": rater,
		"rated_at": at, "finalized_at": described(at, "When the pejabat penilai sent the result to the employee"),
		"received_at":     described(at, "When the employee received the result as it stands: its sending, or its latest change after it was sent (a calibration move, a change of the OPD's capaian that an OPD head's rating hasil kerja follows, a keberatan decision that changed it). The 14 calendar days to object count from this day on the instansi's clock; null until sent"),
		"acknowledged_at": described(at, "When the employee confirmed reading the result as it stands; null again when a sent result changes, until they confirm it anew"),
		"version":         described(integer, "The version to send with the acts that take one (rate, finalize). 0 to the rated employee until the result is sent to them: none of their acts takes a version before then, and a version moving with each draft would tell that one is being written; the real version shows once sent"),
		"can": canSchemaOf("What the signed-in user may do with the assessment now", map[string]string{
			"rate": "Set or change the ratings (the pejabat penilai of the day, until final)", "finalize": "Send the result to the employee (false while the OPD's capaian kinerja organisasi for the period is not set, or while its predikat would pass a maximum of the OPD's distribution pattern: finalize_refused says which)",
			"acknowledge": "Confirm reading the result as it stands (the employee; asked again after a change)", "calibrate": "Move the rating with a reason (the OPD head or BKPSDM)",
			"follow_up":   "Record a follow-up of a final annual result (the pejabat penilai or BKPSDM)",
			"see_ratings": "Read the ratings, predikat, note and umpan balik: the rated employee once the result is sent to them (null and empty before), everyone else who reads the assessment always",
			"object":      "Object to the result (keberatan: POST /api/v1/assessments/{id}/objections): its employee, once it is sent, within 14 calendar days of receiving it, once, and for a periodic result only where the instansi takes objections to periodic results; object_refused says why not"}),
		"object_refused": map[string]any{"type": "string",
			"description": "Why can.object is false: someone else's result, not sent yet, a periodic result where the instansi takes objections to annual results only, objected to already (see objection), or the last day passed (named); absent when can.object"},
		"objection_deadline": described(map[string]any{"type": []string{"string", "null"}, "format": "date-time"},
			"The last second to object, in UTC as every time of the API: 23:59:59 of objection_last_day on the instansi's clock (2026-12-15T16:59:59Z for 15 December 2026 in WIB). Null until the result is sent (to everyone: the rated employee sees no deadline before the result is theirs). Null in the assessments nested in another's (year, annual), which carry no rights either: read the assessment itself"),
		"objection_last_day": described(map[string]any{"type": []string{"string", "null"}, "format": "date"},
			"The last day to object on the instansi's clock: the day the result was received plus 14 calendar days, or the deadline its objection was made within; objections are taken until 23:59 of that day (objection_time_zone). Null with objection_deadline"),
		"objection_time_zone": described(map[string]any{"type": []string{"string", "null"}, "enum": []any{"WIB", "WITA", "WIT", nil}},
			"The instansi's clock the last day is counted on (GET /api/v1/settings time_zone); null with objection_deadline"),
		"objection_received_on": described(map[string]any{"type": []string{"string", "null"}, "format": "date"},
			"The day, on the instansi's clock, the 14 days to object count from (received_at's day, or the day of the change that redelivered it); null with objection_deadline"),
		"objection": map[string]any{"type": []string{"object", "null"}, "required": []string{"id", "status", "deadline"},
			"description": "The keberatan on this result, to everyone who reads the assessment (null when none): its id (GET /api/v1/objections/{id}, also listed by GET /api/v1/assessments/{id}/objections), its status and the last day it was made within",
			"properties":  map[string]any{"id": str(), "status": enum("submitted", "explained", "decided"), "deadline": map[string]any{"type": "string", "format": "date"}}},
		"calibrate_refused": map[string]any{"type": "string",
			"description": "Why calibration may not move the result: a keberatan on it is open (its decision comes first) or was decided (final); only to those who calibrate"},
		"finalize_refused": map[string]any{"type": "string",
			"description": "Why the pejabat penilai may not send the result as it is rated now: the OPD's capaian kinerja organisasi for the period is not set yet (no result of the OPD, staff or head, is sent before its distribution pattern is known; sending is a 409 until it is set), or the limit of the OPD's distribution pattern for its predikat is full (the limit named, as the calibration screen states it; the ratings may still be changed, can.rate, which decides it). Sending checks again"}}
	detail := map[string]any{}
	for k, v := range assessment {
		detail[k] = v
	}
	detail["capaian"] = map[string]any{"type": []string{"string", "null"}, "enum": []any{"istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang", nil}}
	detail["leader_rating"] = rating
	detail["rated_now_by"] = person
	detail["results"] = map[string]any{"type": "array", "items": map[string]any{"type": "object", "description": "An RHK with its indicators (target, realisasi, basis, share of the target due, due: that part as a number, \"1\" of a yearly \"12\", null when the period is due the whole target or it cannot be reckoned; standing, evidence ids), the period's progress and feedback (feedback_count; the messages at GET /api/v1/feedback?target_type=rhk), and the umpan balik"}}
	detail["behaviours"] = map[string]any{"type": "array", "items": map[string]any{"type": "object", "description": "A core value with its ekspektasi khusus and umpan balik"}}
	detail["suggestion"] = map[string]any{"type": "object", "description": "The suggested rating hasil kerja with its reasons: advice, never the rating"}
	detail["moves"] = map[string]any{"type": "array", "items": map[string]any{"type": "object", "description": "A change of the result after it was sent: at, cause (calibration: the OPD head or BKPSDM moved it, reason theirs; capaian: the OPD's capaian kinerja organisasi changed from capaian_from to capaian_to and an OPD head's rating hasil kerja followed it, by who set it, reason its basis), by, reason, from, to (ratings and predikat), capaian_from, capaian_to (null for calibration)"}}
	detail["history"] = map[string]any{"type": "array", "items": map[string]any{"type": "object", "description": "How the result was reached: each step (action rate, finalize, acknowledge, move, capaian, decide) with at, by, and the ratings and predikat after it; a step that changed the result (move, capaian: the OPD's capaian changed and an OPD head's rating hasil kerja followed, by who set it; decide) also from (the ratings and predikat before) and reason (the move's reason, the capaian's basis, the decision's note), a capaian step capaian_from and capaian_to"}}
	detail["angka_kredit"] = map[string]any{"oneOf": []any{ref("AngkaKredit"), map[string]any{"type": "null"}}, "description": "The angka kredit a final annual result earns a functional employee"}
	detail["follow_ups"] = map[string]any{"type": "array", "items": ref("FollowUp")}
	detail["follow_up_kinds"] = map[string]any{"type": "array", "items": enum("improvement_plan", "training", "reward", "sanction"),
		"description": "The follow-up kinds the result's predikat admits, when can.follow_up: a reward for Sangat Baik, a sanction for Kurang and Sangat Kurang, an improvement plan for Butuh Perbaikan and below while the result has none not cancelled (one improvement plan per result), training for any"}
	detail["thread"] = map[string]any{"type": []string{"object", "null"}, "required": []string{"count", "can"},
		"description": "The umpan balik on the result (GET /api/v1/feedback?target_type=assessment&target_id={id}; POST /api/v1/feedback): read and written by those who see its ratings (can.see_ratings): null to the rated employee until the result is sent to them",
		"properties":  map[string]any{"count": integer, "can": obj([]string{"post"}, map[string]any{"post": map[string]any{"type": "boolean", "description": "Whether the actor may add a message"}})}}
	detail["year"] = map[string]any{"type": "array", "items": ref("Assessment"), "description": "The employee's other assessments of the year, periodic and annual, on every SKP of the year"}
	detail["annual"] = map[string]any{"oneOf": []any{ref("AnnualEvaluation"), map[string]any{"type": "null"}},
		"description": "What an annual rating rests on (null for a periodic assessment): every SKP of the year with its periodic results and the year's realisasi and evidence, and the annual suggestion (also in suggestion)"}
	return map[string]any{
		"Assessment":       obj([]string{"id", "employee_id", "period_id", "status", "version", "can"}, assessment),
		"AssessmentList":   listOf("Assessment"),
		"AssessmentDetail": obj([]string{"id", "employee_id", "period_id", "status", "version", "can", "results", "behaviours", "suggestion", "annual"}, detail),
		"AnnualEvaluation": obj([]string{"skps", "suggestion"}, map[string]any{
			"skps": map[string]any{"type": "array", "description": "The employee's SKPs of the year, by start (a transfer closes one and starts another)", "items": obj(
				[]string{"skp_id", "position", "unit", "start", "end", "status", "this", "annual", "periods", "results", "suggestion"}, map[string]any{
					"skp_id": str(), "position": str(), "unit": str(), "start": map[string]any{"type": "string", "format": "date"},
					"end": map[string]any{"type": "string", "format": "date"}, "status": str(),
					"this":       map[string]any{"type": "boolean", "description": "The SKP this annual assessment rates"},
					"annual":     map[string]any{"oneOf": []any{ref("Assessment"), map[string]any{"type": "null"}}, "description": "Another SKP's annual assessment"},
					"periods":    map[string]any{"type": "array", "items": ref("Assessment"), "description": "Its periodic assessments: ratings, predikat, who rated (ratings not yet sent are left out of the employee's own view)"},
					"outside":    map[string]any{"type": "array", "items": ref("Assessment"), "description": "Its periodic assessments for periods wholly outside its days (left on it when a back-dated transfer closed it before they began): shown, never weighed; each needs a new assessment on the SKP in force in its period"},
					"results":    map[string]any{"type": "array", "items": map[string]any{"type": "object", "description": "An RHK with the year's realisasi, standing and evidence ids (every period's)"}},
					"suggestion": map[string]any{"type": "object", "description": "What this SKP's realisasi for the year suggest"}})},
			"suggestion": map[string]any{"type": "object", "description": "The suggested annual rating hasil kerja with its reasons"}}),
		"RateRequest": obj([]string{"version", "perilaku_kerja"}, map[string]any{"version": version,
			"hasil_kerja":    map[string]any{"type": "string", "enum": []string{"di_atas", "sesuai", "di_bawah"}, "description": "Required, except for an OPD head, whose rating follows the capaian"},
			"perilaku_kerja": enum("di_atas", "sesuai", "di_bawah"), "note": map[string]any{"type": "string", "maxLength": 4000},
			"feedback": map[string]any{"type": "object", "description": "Umpan balik: rhk (RHK id → text) and behaviours (core value → text), each at most 2000 characters"}, "predikat": map[string]any{"description": "Never accepted: the predikat follows from the two ratings; a request carrying it (any value, null too) is refused with 422 naming predikat"}}),
		"PredikatRule": obj([]string{"predikat", "label", "regime"}, map[string]any{"predikat": enum("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"), "label": str(), "regime": str()}),
	}
}
