package api

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/live"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// workRoutes are the routes of the year's work: daily progress, realisasi,
// feedback and the live event stream.
func workRoutes() []route {
	return []route{
		{method: "POST", path: "/api/v1/progress", summary: "Record the actor's progress of a working day; it goes to the pejabat penilai at once", handle: (*handler).submitProgress,
			doc: op{tag: "work", body: "ProgressRequest", response: "Progress", status: 201, errors: []int{403, 422}}},
		{method: "GET", path: "/api/v1/progress", summary: "Progress entries: the actor's own, one employee's (their line and admins), or the actor's team (team=1)", handle: (*handler).progressList,
			doc: op{tag: "work", query: []string{"employee", "team", "status", "from", "to", "rhk", "limit", "cursor"}, response: "ProgressList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/progress/{id}", summary: "One progress entry", handle: (*handler).progressEntry,
			doc: op{tag: "work", params: []string{"id"}, response: "Progress", errors: []int{404}}},
		{method: "PUT", path: "/api/v1/progress/{id}", summary: "Fix a returned entry and send it again", handle: (*handler).resubmitProgress,
			doc: op{tag: "work", params: []string{"id"}, body: "ProgressRequest", response: "Progress", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/progress/{id}/approve", summary: "Approve a waiting entry (the pejabat penilai or above)", handle: (*handler).approveProgress,
			doc: op{tag: "work", params: []string{"id"}, body: "VersionRequest", response: "Progress", errors: []int{403, 404, 409}}},
		{method: "POST", path: "/api/v1/progress/{id}/return", summary: "Return a waiting entry with a required note", handle: (*handler).returnProgress,
			doc: op{tag: "work", params: []string{"id"}, body: "ReturnRequest", response: "Progress", errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/progress/approve", summary: "Approve several waiting entries at once; those not waiting or not the actor's to review are skipped", handle: (*handler).approveProgressBatch,
			doc: op{tag: "work", body: "ProgressBatch", response: "ProgressBatchResult", errors: []int{422}}},
		{method: "PUT", path: "/api/v1/skps/{id}/realisasi", summary: "Fill the realisasi of one indicator in one open period, with its basis", handle: (*handler).saveRealisasi,
			doc: op{tag: "work", params: []string{"id"}, body: "RealisasiRequest", response: "Realisasi", errors: []int{403, 404, 409, 422}}},
		{method: "GET", path: "/api/v1/skps/{id}/realisasi", summary: "The realisasi of an SKP in a period (default: the open one)", handle: (*handler).realisasiList,
			doc: op{tag: "work", params: []string{"id"}, query: []string{"period"}, response: "RealisasiList", errors: []int{404}}},
		{method: "POST", path: "/api/v1/feedback", summary: "Add umpan balik to a thread; the other party, earlier authors and people mentioned (@NIP, @Name) are told at once", handle: (*handler).addFeedback,
			doc: op{tag: "work", body: "FeedbackRequest", response: "Feedback", status: 201, errors: []int{403, 404, 422}}},
		{method: "GET", path: "/api/v1/feedback", summary: "The thread on a target, oldest first", handle: (*handler).feedbackThread,
			doc: op{tag: "work", query: []string{"target_type", "target_id", "limit", "cursor"}, response: "FeedbackList", errors: []int{404, 422}}},
		{method: "GET", path: "/api/v1/events", summary: "The actor's live events as Server-Sent Events (feedback.created, progress.submitted, progress.reviewed, skp.submitted, skp.reviewed, notification); reconnect with Last-Event-ID to miss nothing", handle: (*handler).events,
			doc: op{tag: "work", response: "sse", errors: []int{403}}},
	}
}

type progressJSON struct {
	ID           string     `json:"id"`
	EmployeeID   string     `json:"employee_id"`
	Date         string     `json:"date"`
	RHKID        *string    `json:"rhk_id"`
	SKPID        *string    `json:"skp_id"`
	Description  string     `json:"description"`
	Output       string     `json:"output"`
	OutputAmount float64    `json:"output_amount"`
	OutputUnit   string     `json:"output_unit"`
	Minutes      int        `json:"minutes"`
	Status       string     `json:"status"`
	Late         bool       `json:"late"`
	ReviewNote   string     `json:"review_note"`
	ReviewedBy   *string    `json:"reviewed_by"`
	ReviewedAt   *time.Time `json:"reviewed_at"`
	SubmittedAt  time.Time  `json:"submitted_at"`
	Version      int        `json:"version"`
}

func progressOf(p model.Progress) progressJSON {
	return progressJSON{ID: p.ID, EmployeeID: p.EmployeeID, Date: string(p.WorkDate), RHKID: ptr(p.RHKID), SKPID: ptr(p.SKPID),
		Description: p.Description, Output: p.Output(), OutputAmount: float64(p.OutputAmount) / 100, OutputUnit: p.OutputUnit,
		Minutes: p.Minutes, Status: string(p.Status), Late: p.Late, ReviewNote: p.ReviewNote, ReviewedBy: ptr(p.ReviewedBy),
		ReviewedAt: timeOrNil(p.ReviewedAt), SubmittedAt: p.SubmittedAt.UTC(), Version: p.Version}
}

// progressRequest is a progress entry as clients send it. output is either
// text as people type it ("3 dokumen", "1,5 jam") or a number with
// output_unit beside it.
type progressRequest struct {
	Date        string          `json:"date"`
	RHKID       string          `json:"rhk_id"`
	Description string          `json:"description"`
	Output      json.RawMessage `json:"output"`
	OutputUnit  string          `json:"output_unit"`
	Minutes     int             `json:"minutes"`
	Version     int             `json:"version"`
}

func (req progressRequest) entry() (model.Progress, error) {
	p := model.Progress{WorkDate: model.Date(req.Date), RHKID: req.RHKID, Description: req.Description, Minutes: req.Minutes, OutputUnit: req.OutputUnit}
	if len(req.Output) == 0 || string(req.Output) == "null" {
		return p, nil
	}
	var text string
	if err := json.Unmarshal(req.Output, &text); err == nil {
		n, unit, err := model.SplitOutput(text)
		if err != nil {
			return p, model.Invalid("output", "invalid.progress.output")
		}
		p.OutputAmount = n
		if unit != "" {
			p.OutputUnit = unit
		}
		return p, nil
	}
	var num json.Number
	if err := json.Unmarshal(req.Output, &num); err != nil {
		return p, model.Invalid("output", "invalid.progress.output.kind")
	}
	n, err := model.ParseAmount(num.String())
	if err != nil {
		return p, model.Invalid("output", "invalid.progress.output.decimals")
	}
	p.OutputAmount = n
	return p, nil
}

func (h *handler) submitProgress(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req progressRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	p, err := req.entry()
	if err != nil {
		return err
	}
	if p, err = h.a.SubmitProgress(r.Context(), actor, p); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, progressOf(p))
}

func (h *handler) resubmitProgress(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req progressRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	p, err := req.entry()
	if err != nil {
		return err
	}
	p.ID = r.PathValue("id")
	if p, err = h.a.ResubmitProgress(r.Context(), actor, req.Version, p); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, progressOf(p))
}

func (h *handler) progressEntry(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	p, err := h.a.ProgressEntry(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, progressOf(p))
}

func (h *handler) progressList(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	query := app.ProgressQuery{EmployeeID: q.Get("employee"), Team: q.Get("team") == "1" || q.Get("team") == "true",
		Status: model.ProgressStatus(q.Get("status")), From: model.Date(q.Get("from")), To: model.Date(q.Get("to")),
		RHKID: q.Get("rhk"), Cursor: q.Get("cursor"), Limit: limit + 1}
	switch query.Status {
	case "", model.ProgressSubmitted, model.ProgressApproved, model.ProgressReturned:
	default:
		return model.Invalid("status", "invalid.progress.status")
	}
	entries, err := h.a.ProgressList(r.Context(), actor, query)
	if err != nil {
		return err
	}
	out := list[progressJSON]{Items: []progressJSON{}}
	for i, p := range entries {
		if i == limit {
			out.NextCursor = ptr(entries[i-1].ID)
			break
		}
		out.Items = append(out.Items, progressOf(p))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) approveProgress(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version int `json:"version"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	p, err := h.a.ReviewProgress(r.Context(), actor, r.PathValue("id"), req.Version, true, "")
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, progressOf(p))
}

func (h *handler) returnProgress(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version int    `json:"version"`
		Note    string `json:"note"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	p, err := h.a.ReviewProgress(r.Context(), actor, r.PathValue("id"), req.Version, false, req.Note)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, progressOf(p))
}

func (h *handler) approveProgressBatch(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		IDs []string `json:"ids"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if len(req.IDs) == 0 || len(req.IDs) > 200 {
		return model.Invalid("ids", "invalid.progress.ids")
	}
	n, err := h.a.ApproveProgress(r.Context(), actor, req.IDs)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]int{"approved": n, "skipped": len(req.IDs) - n})
}

type realisasiJSON struct {
	ID          string `json:"id"`
	SKPID       string `json:"skp_id"`
	PeriodID    string `json:"period_id"`
	IndicatorID string `json:"indicator_id"`
	Value       string `json:"value"`
	Note        string `json:"note"`
	Version     int    `json:"version"`
	UpdatedBy   string `json:"updated_by"`
	UpdatedAt   string `json:"updated_at"`
}

func realisasiOf(r model.Realisasi) realisasiJSON {
	return realisasiJSON{ID: r.ID, SKPID: r.SKPID, PeriodID: r.PeriodID, IndicatorID: r.IndicatorID, Value: r.Value, Note: r.Basis,
		Version: r.Version, UpdatedBy: r.UpdatedBy, UpdatedAt: r.UpdatedAt}
}

func (h *handler) saveRealisasi(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		PeriodID    string `json:"period_id"`
		IndicatorID string `json:"indicator_id"`
		Value       string `json:"value"`
		Note        string `json:"note"`
		Version     *int   `json:"version"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	// Without a version the realisasi is written as sent; with one, a
	// stale version is a conflict.
	version := store.AnyVersion
	if req.Version != nil {
		version = *req.Version
	}
	re, err := h.a.SaveRealisasi(r.Context(), actor, r.PathValue("id"), version, model.Realisasi{PeriodID: req.PeriodID,
		IndicatorID: req.IndicatorID, Value: req.Value, Basis: req.Note})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, realisasiOf(re))
}

func (h *handler) realisasiList(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	v, err := h.a.Realisasi(r.Context(), actor, r.PathValue("id"), r.URL.Query().Get("period"))
	if err != nil {
		return err
	}
	out := struct {
		PeriodID string          `json:"period_id"`
		Items    []realisasiJSON `json:"items"`
	}{PeriodID: v.Period.ID, Items: []realisasiJSON{}}
	for _, rhk := range v.SKP.RHK {
		for _, in := range rhk.Indicators {
			if re, ok := v.Realisasi[in.ID]; ok {
				out.Items = append(out.Items, realisasiOf(re))
			}
		}
	}
	return writeJSON(w, http.StatusOK, out)
}

type feedbackJSON struct {
	ID         string    `json:"id"`
	TargetType string    `json:"target_type"`
	TargetID   string    `json:"target_id"`
	AuthorID   string    `json:"author_id"`
	AuthorName string    `json:"author_name"`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
}

func feedbackOf(f model.Feedback) feedbackJSON {
	return feedbackJSON{ID: f.ID, TargetType: f.TargetType, TargetID: f.TargetID, AuthorID: f.AuthorID, AuthorName: f.AuthorName,
		Body: f.Body, CreatedAt: f.CreatedAt.UTC()}
}

func (h *handler) addFeedback(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		TargetType string `json:"target_type"`
		TargetID   string `json:"target_id"`
		Body       string `json:"body"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	f, err := h.a.AddFeedback(r.Context(), actor, req.TargetType, req.TargetID, req.Body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, feedbackOf(f))
}

func (h *handler) feedbackThread(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	if q.Get("target_type") == "" || q.Get("target_id") == "" {
		return model.Invalid("target_type", "invalid.target.required")
	}
	thread, err := h.a.FeedbackThread(r.Context(), actor, q.Get("target_type"), q.Get("target_id"))
	if err != nil {
		return err
	}
	items := make([]feedbackJSON, 0, len(thread))
	for _, f := range thread {
		items = append(items, feedbackOf(f))
	}
	out, err := pageOf(items, func(f feedbackJSON) string { return f.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) events(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	opts, release, err := h.a.EventStream(r.Context(), actor)
	if err != nil {
		return err
	}
	defer release()
	w.Header().Del("Cache-Control")
	if err := live.Serve(w, r, opts); err != nil {
		h.a.Log.Warn("event stream ended", "err", err)
	}
	return nil
}

func workSchemas() map[string]any {
	integer := map[string]any{"type": "integer"}
	date := map[string]any{"type": "string", "format": "date"}
	dateTime := map[string]any{"type": []string{"string", "null"}, "format": "date-time"}
	status := enum("submitted", "approved", "returned")
	return map[string]any{
		"Progress": obj([]string{"id", "employee_id", "date", "rhk_id", "description", "output", "minutes", "status", "late", "version"}, map[string]any{
			"id": str(), "employee_id": str(), "date": date, "rhk_id": nullable("string"), "skp_id": nullable("string"),
			"description": str(), "output": map[string]any{"type": "string", "description": "Amount and unit as written, e.g. \"1,5 jam\""},
			"output_amount": map[string]any{"type": "number"}, "output_unit": str(), "minutes": integer, "status": status,
			"late":        map[string]any{"type": "boolean", "description": "Sent after the next working day of the unit ended"},
			"review_note": str(), "reviewed_by": nullable("string"), "reviewed_at": dateTime,
			"submitted_at": map[string]any{"type": "string", "format": "date-time"}, "version": integer}),
		"ProgressList": listOf("Progress"),
		"ProgressRequest": obj([]string{"date", "description", "minutes"}, map[string]any{"date": date,
			"rhk_id":      map[string]any{"type": "string", "description": "An RHK of the SKP in force on the date; empty for other duties"},
			"description": str(), "output": map[string]any{"type": []string{"string", "number", "null"}, "description": "\"3 dokumen\", \"1,5 jam\", or a number with output_unit"},
			"output_unit": str(), "minutes": integer, "version": map[string]any{"type": "integer", "description": "PUT only: the version read"}}),
		"ProgressBatch":       obj([]string{"ids"}, map[string]any{"ids": map[string]any{"type": "array", "items": str(), "maxItems": 200}}),
		"ProgressBatchResult": obj([]string{"approved", "skipped"}, map[string]any{"approved": integer, "skipped": integer}),
		"Realisasi": obj([]string{"id", "skp_id", "period_id", "indicator_id", "value", "note", "version"}, map[string]any{"id": str(), "skp_id": str(),
			"period_id": str(), "indicator_id": str(), "value": str(), "note": map[string]any{"type": "string", "description": "Dasar realisasi"},
			"version": integer, "updated_by": str(), "updated_at": str()}),
		"RealisasiList": obj([]string{"period_id", "items"}, map[string]any{"period_id": str(), "items": map[string]any{"type": "array", "items": ref("Realisasi")}}),
		"RealisasiRequest": obj([]string{"period_id", "indicator_id", "value"}, map[string]any{"period_id": str(), "indicator_id": str(),
			"value": str(), "note": str(), "version": map[string]any{"type": "integer", "description": "The version read (0 when there was none): a stale one is a 409. Without it the realisasi is written as sent"}}),
		"Feedback": obj([]string{"id", "target_type", "target_id", "author_id", "author_name", "body", "created_at"}, map[string]any{"id": str(),
			"target_type": enum(app.TargetSKP, app.TargetRHK, app.TargetProgress, app.TargetRealisasi), "target_id": str(), "author_id": str(),
			"author_name": str(), "body": str(), "created_at": map[string]any{"type": "string", "format": "date-time"}}),
		"FeedbackList": listOf("Feedback"),
		"FeedbackRequest": obj([]string{"target_type", "target_id", "body"}, map[string]any{
			"target_type": enum(app.TargetSKP, app.TargetRHK, app.TargetProgress, app.TargetRealisasi), "target_id": str(), "body": str()}),
	}
}
