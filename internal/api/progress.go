package api

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// workSchemas are the schemas of the year's work.
func workSchemas() map[string]any {
	out := map[string]any{}
	for _, part := range []map[string]any{progressSchemas(), deskSchemas(), realisasiSchemas(), feedbackSchemas()} {
		for k, v := range part {
			out[k] = v
		}
	}
	return out
}

type progressCanJSON struct {
	Edit    bool `json:"edit"`
	Approve bool `json:"approve"`
	Return  bool `json:"return"`
}

type progressJSON struct {
	ID           string          `json:"id"`
	EmployeeID   string          `json:"employee_id"`
	EmployeeName string          `json:"employee_name"`
	Date         string          `json:"date"`
	RHKID        *string         `json:"rhk_id"`
	RHKText      string          `json:"rhk_text"`
	SKPID        *string         `json:"skp_id"`
	Description  string          `json:"description"`
	Output       string          `json:"output"`
	OutputAmount float64         `json:"output_amount"`
	OutputUnit   string          `json:"output_unit"`
	Minutes      int             `json:"minutes"`
	Status       string          `json:"status"`
	Late         bool            `json:"late"`
	ReviewNote   string          `json:"review_note"`
	ReviewedBy   *string         `json:"reviewed_by"`
	ReviewedAt   *time.Time      `json:"reviewed_at"`
	SubmittedAt  time.Time       `json:"submitted_at"`
	Version      int             `json:"version"`
	AfterTMT     bool            `json:"after_tmt"`
	Can          progressCanJSON `json:"can"`
}

func progressOf(v app.ProgressView) progressJSON {
	p := v.Progress
	return progressJSON{ID: p.ID, EmployeeID: p.EmployeeID, EmployeeName: v.Author, Date: string(p.WorkDate), RHKID: ptr(p.RHKID),
		RHKText: v.RHKText, SKPID: ptr(p.SKPID), Description: p.Description, Output: p.Output(), OutputAmount: float64(p.OutputAmount) / 100,
		OutputUnit: p.OutputUnit, Minutes: p.Minutes, Status: string(p.Status), Late: p.Late, ReviewNote: p.ReviewNote,
		ReviewedBy: ptr(p.ReviewedBy), ReviewedAt: timeOrNil(p.ReviewedAt), SubmittedAt: p.SubmittedAt.UTC(), Version: p.Version,
		AfterTMT: v.AfterTMT, Can: progressCanJSON{Edit: v.Can.Edit, Approve: v.Can.Approve, Return: v.Can.Return}}
}

// progressRequest is a progress entry as clients send it. output is text
// as people type it ("3 dokumen", "1,5 jam", "draf SOP") or a number with
// output_unit beside it; minutes is a number of minutes or time as people
// type it ("1:30", "2 jam"). Both are read by the parsers the web form uses.
type progressRequest struct {
	Date        string          `json:"date"`
	RHKID       string          `json:"rhk_id"`
	Description string          `json:"description"`
	Output      json.RawMessage `json:"output"`
	OutputUnit  string          `json:"output_unit"`
	Minutes     json.RawMessage `json:"minutes"`
	Version     *int            `json:"version"`
}

func (req progressRequest) entry() (model.Progress, error) {
	p := model.Progress{WorkDate: model.Date(req.Date), RHKID: req.RHKID, Description: req.Description, OutputUnit: req.OutputUnit}
	var v model.ValidationError
	add := func(err error) {
		if ve, ok := err.(*model.ValidationError); ok {
			v.Merge(ve)
		}
	}
	if text, num, err := textOrNumber(req.Output, model.Invalid("output", "invalid.progress.output.kind")); err != nil {
		add(err)
	} else if text != nil || num != "" {
		s := num
		if text != nil {
			s = *text
		}
		n, unit, err := app.ParseOutput(s)
		switch {
		case err != nil:
			add(err)
		case text == nil && unit != "":
			// A number such as 1e3 is not an amount people write.
			add(model.Invalid("output", "progress.err.output.amount"))
		}
		p.OutputAmount = n
		if unit != "" {
			p.OutputUnit = unit
		}
	}
	if text, num, err := textOrNumber(req.Minutes, model.Invalid("minutes", "progress.err.minutes")); err != nil {
		add(err)
	} else if text != nil || num != "" {
		s := num
		if text != nil {
			s = *text
		}
		m, err := app.ParseMinutes(s)
		add(err)
		p.Minutes = m
	}
	return p, v.Err()
}

// textOrNumber reads a JSON value that may be text or a number (nil and ""
// when absent or null); anything else is refused with bad.
func textOrNumber(raw json.RawMessage, bad error) (*string, string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, "", nil
	}
	var text string
	if err := json.Unmarshal(raw, &text); err == nil {
		return &text, "", nil
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err != nil {
		return nil, "", bad
	}
	return nil, num.String(), nil
}

func (h *handler) submitProgress(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req progressRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	p, err := req.entry()
	if err = h.a.CheckProgress(r.Context(), actor, p, err); err != nil {
		return err
	}
	if p, err = h.a.SubmitProgress(r.Context(), actor, p); err != nil {
		return err
	}
	return h.writeProgress(w, r, actor, http.StatusCreated, p.ID)
}

// writeProgress answers an entry as the actor sees it now.
func (h *handler) writeProgress(w http.ResponseWriter, r *http.Request, actor model.Actor, status int, id string) error {
	v, err := h.a.ProgressOne(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, status, progressOf(v))
}

func (h *handler) resubmitProgress(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req progressRequest
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	p, err := req.entry()
	p.ID = r.PathValue("id")
	if p, err = h.a.ResubmitProgress(r.Context(), actor, version, p, err); err != nil {
		return err
	}
	return h.writeProgress(w, r, actor, http.StatusOK, p.ID)
}

func (h *handler) progressEntry(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	return h.writeProgress(w, r, actor, http.StatusOK, r.PathValue("id"))
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
	entries, err := h.a.ProgressViews(r.Context(), actor, query)
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

// review approves or returns an entry at the version read.
func (h *handler) review(w http.ResponseWriter, r *http.Request, actor model.Actor, version *int, approve bool, note string) error {
	v := requiredVersion(r, version)
	p, err := h.a.ReviewProgress(r.Context(), actor, r.PathValue("id"), v, approve, note)
	if err != nil {
		return err
	}
	return h.writeProgress(w, r, actor, http.StatusOK, p.ID)
}

func (h *handler) approveProgress(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version *int `json:"version"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	return h.review(w, r, actor, req.Version, true, "")
}

func (h *handler) returnProgress(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version *int   `json:"version"`
		Note    string `json:"note"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	return h.review(w, r, actor, req.Version, false, req.Note)
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

func boolean() map[string]any { return map[string]any{"type": "boolean"} }

func progressSchemas() map[string]any {
	integer := map[string]any{"type": "integer"}
	date := map[string]any{"type": "string", "format": "date"}
	dateTime := map[string]any{"type": []string{"string", "null"}, "format": "date-time"}
	status := enum("submitted", "approved", "returned")
	return map[string]any{
		"Progress": obj([]string{"id", "employee_id", "date", "rhk_id", "description", "output", "minutes", "status", "late", "version", "can"}, map[string]any{
			"id": str(), "employee_id": str(), "employee_name": str(), "date": date, "rhk_id": nullable("string"),
			"rhk_text": map[string]any{"type": "string", "description": "The text of the RHK; empty for other duties"}, "skp_id": nullable("string"),
			"description": str(), "output": map[string]any{"type": "string", "description": "Amount and unit as written, e.g. \"1,5 jam\"; text without an amount as typed (\"draf SOP\")"},
			"output_amount": map[string]any{"type": "number"}, "output_unit": str(), "minutes": integer, "status": status,
			"late":        map[string]any{"type": "boolean", "description": "Sent after the next working day of the unit ended"},
			"review_note": str(), "reviewed_by": nullable("string"), "reviewed_at": dateTime,
			"submitted_at": map[string]any{"type": "string", "format": "date-time"}, "version": integer,
			"after_tmt": map[string]any{"type": "boolean", "description": "Dated after the end of the SKP it is on, which a transfer closed (\"setelah TMT mutasi\"): " +
				"readable there until the next SKP takes its RHK over (POST /skps/{id}/take-over)"},
			"can": obj([]string{"edit", "approve", "return"}, map[string]any{
				"edit":    map[string]any{"type": "boolean", "description": "Fix the returned entry and send it again (PUT)"},
				"approve": boolean(), "return": boolean()}),
		}),
		"ProgressList": listOf("Progress"),
		"ProgressRequest": obj([]string{"date", "description", "minutes"}, map[string]any{"date": date,
			"rhk_id":      map[string]any{"type": "string", "description": "An RHK of the SKP in force on the date; empty for other duties"},
			"description": str(), "output": map[string]any{"type": []string{"string", "number", "null"}, "description": "\"3 dokumen\", \"1,5 jam\", \"draf SOP\" (text only, no amount), or a number with output_unit"},
			"output_unit": str(),
			"minutes":     map[string]any{"type": []string{"integer", "string"}, "description": "Minutes (90), or time as typed: \"1:30\", \"2 jam\", \"1 jam 30 menit\"; at most 24 hours"},
			"version":     map[string]any{"type": "integer", "description": "PUT only, and required there: the version read; a stale one is a 409"}}),
		"ProgressOptions": obj([]string{"date", "skp_id", "rhk", "no_skp", "unapproved", "refused"}, map[string]any{"date": date,
			"skp_id": nullable("string"),
			"rhk": map[string]any{"type": "array", "description": "The RHK an entry may serve on the date; an entry may always be other duties (no rhk_id)",
				"items": obj([]string{"id", "kind", "description"}, map[string]any{"id": str(), "kind": str(), "description": str()})},
			"no_skp":     map[string]any{"type": "boolean", "description": "No SKP covers the date"},
			"unapproved": map[string]any{"type": "boolean", "description": "The SKP of the date was never approved: no RHK yet"},
			"refused": map[string]any{"type": []string{"object", "null"}, "description": "Why the date takes no entry (its period is closed or locked); null when it does",
				"required": []string{"code", "message"}, "properties": map[string]any{"code": str(), "message": str()}}}),
		"ProgressBatch":       obj([]string{"ids"}, map[string]any{"ids": map[string]any{"type": "array", "items": str(), "maxItems": 200}}),
		"ProgressBatchResult": obj([]string{"approved", "skipped"}, map[string]any{"approved": integer, "skipped": integer}),
	}
}

type progressOptionRHK struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	Description string `json:"description"`
}

type refusalJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type progressOptionsJSON struct {
	Date       string              `json:"date"`
	SKPID      *string             `json:"skp_id"`
	RHK        []progressOptionRHK `json:"rhk"`
	NoSKP      bool                `json:"no_skp"`
	Unapproved bool                `json:"unapproved"`
	Refused    *refusalJSON        `json:"refused"`
}

func (h *handler) progressOptions(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	o, err := h.a.ProgressOptionsOn(r.Context(), actor, r.URL.Query().Get("date"))
	if err != nil {
		return err
	}
	out := progressOptionsJSON{Date: string(o.Date), SKPID: ptr(o.SKPID), RHK: []progressOptionRHK{}, NoSKP: o.NoSKP, Unapproved: o.Unapproved}
	for _, rhk := range o.RHK {
		out.RHK = append(out.RHK, progressOptionRHK{ID: rhk.ID, Kind: string(rhk.Kind), Description: rhk.Description})
	}
	if o.Refused.Key != "" {
		out.Refused = &refusalJSON{Code: o.Refused.Key, Message: locale.T(readerLang(r), o.Refused.Key, o.Refused.Args...)}
	}
	return writeJSON(w, http.StatusOK, out)
}
