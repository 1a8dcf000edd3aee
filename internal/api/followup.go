package api

import (
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// followUpRoutes are the routes of tindak lanjut.
func followUpRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/follow-ups", summary: "A year's follow-ups (BKPSDM, leaders, auditors): the angka kredit of every final annual result on a functional post, the results still needing an improvement plan, the follow-ups not yet closed; each list of the year's annual results (a follow-up belongs to the year of the result it follows from)", handle: (*handler).followUpBoard,
			doc: op{tag: "penilaian", query: []string{"year", "overdue", "limit", "cursor"}, response: "FollowUpBoard", errors: []int{403, 422}}},
		{method: "POST", path: "/api/v1/assessments/{id}/follow-ups", summary: "Record a follow-up of a final annual result: an improvement plan (Butuh Perbaikan and below, reviewed six months on), training, reward or sanction (the pejabat penilai or BKPSDM). A result has one improvement plan: a second while one not cancelled exists is refused (409, naming it; to change a plan, cancel it with the reason and record another); a done plan's review is its outcome", handle: (*handler).createFollowUp,
			doc: op{tag: "penilaian", params: []string{"id"}, body: "FollowUpRequest", response: "FollowUp", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "POST", path: "/api/v1/follow-ups/{id}/progress", summary: "Move a follow-up on: in_progress, done with its outcome, or cancelled with the reason", handle: (*handler).progressFollowUp,
			doc: op{tag: "penilaian", params: []string{"id"}, body: "FollowUpProgress", response: "FollowUp", errors: []int{403, 404, 409, 422}}},
	}
}

type followUpJSON struct {
	ID           string          `json:"id"`
	AssessmentID string          `json:"assessment_id"`
	EmployeeID   string          `json:"employee_id"`
	EmployeeName string          `json:"employee_name"`
	Kind         string          `json:"kind"`
	Title        string          `json:"title"`
	Plan         string          `json:"plan"`
	ReviewDue    *string         `json:"review_due"`
	OverdueDays  int             `json:"overdue_days"`
	Status       string          `json:"status"`
	Outcome      string          `json:"outcome"`
	CreatedAt    time.Time       `json:"created_at"`
	UpdatedAt    time.Time       `json:"updated_at"`
	Version      int             `json:"version"`
	Can          map[string]bool `json:"can"`
	// NextStatuses are the statuses POST /follow-ups/{id}/progress takes
	// now (empty unless can.progress).
	NextStatuses []model.FollowUpStatus `json:"next_statuses"`
}

func followUpOf(v app.FollowUpView) followUpJSON {
	f := v.FollowUp
	return followUpJSON{ID: f.ID, AssessmentID: f.AssessmentID, EmployeeID: f.EmployeeID, EmployeeName: f.EmployeeName, Kind: string(f.Kind),
		Title: f.Title, Plan: f.Plan, ReviewDue: ptr(string(f.ReviewDue)), OverdueDays: v.Overdue, Status: string(f.Status), Outcome: f.Outcome,
		CreatedAt: f.CreatedAt.UTC(), UpdatedAt: f.UpdatedAt.UTC(), Version: f.Version, Can: map[string]bool{"progress": v.Can.Progress},
		NextStatuses: append([]model.FollowUpStatus{}, v.Can.Moves...)}
}

type creditJSON struct {
	Jenjang   string  `json:"jenjang"`
	Months    int     `json:"months"`
	Percent   int     `json:"percent"`
	Koefisien float64 `json:"koefisien"`
	Value     float64 `json:"value"`
}

func creditOf(c *model.CreditAward) *creditJSON {
	if c == nil {
		return nil
	}
	return &creditJSON{Jenjang: c.Jenjang, Months: c.Months, Percent: c.Percent, Koefisien: float64(c.Koefisien) / 100, Value: float64(c.Value) / 100}
}

func (h *handler) createFollowUp(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Kind  string `json:"kind"`
		Title string `json:"title"`
		Plan  string `json:"plan"`
		// ReviewDue is an improvement plan's review date, "" or absent
		// for six months after it is recorded.
		ReviewDue string `json:"review_due"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	v, err := h.a.CreateFollowUp(r.Context(), actor, r.PathValue("id"), app.FollowUpInput{Kind: model.FollowUpKind(req.Kind), Title: req.Title, Plan: req.Plan,
		ReviewDue: model.Date(req.ReviewDue)})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, followUpOf(v))
}

func (h *handler) progressFollowUp(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version *int   `json:"version"`
		Status  string `json:"status"`
		Outcome string `json:"outcome"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	v, err := h.a.ProgressFollowUp(r.Context(), actor, r.PathValue("id"), version, model.FollowUpStatus(req.Status), req.Outcome)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, followUpOf(v))
}

func (h *handler) followUpBoard(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	year, err := app.ParseYear(r.URL.Query().Get("year"), h.a.Today(r.Context(), actor.InstansiID).Time().Year())
	if err != nil {
		return err
	}
	pages, err := reportPagesOf(r, 3)
	if err != nil {
		return err
	}
	overdue, err := flagParam(r, "overdue")
	if err != nil {
		return err
	}
	b, late, err := h.a.FollowUpBoardOf(r.Context(), actor, app.FollowUpBoardQuery{Year: year, Overdue: overdue})
	if err != nil {
		return err
	}
	type creditLine struct {
		AssessmentID string     `json:"assessment_id"`
		EmployeeID   string     `json:"employee_id"`
		Name         string     `json:"name"`
		NIP          string     `json:"nip"`
		Predikat     string     `json:"predikat"`
		Credit       creditJSON `json:"angka_kredit"`
	}
	out := struct {
		Year              int            `json:"year"`
		Credits           []creditLine   `json:"credits"`
		PlansMissing      []string       `json:"plans_missing"`
		Open              []followUpJSON `json:"open"`
		NextCursor        *string        `json:"next_cursor"`
		CreditCount       int            `json:"credit_count"`
		PlansMissingCount int            `json:"plans_missing_count"`
		OpenCount         int            `json:"open_count"`
		Overdue           int            `json:"overdue"`
	}{Year: b.Year, Overdue: late, CreditCount: len(b.Credits), PlansMissingCount: len(b.PlansMissing), OpenCount: len(b.Open),
		Credits: []creditLine{}, PlansMissing: []string{}, Open: []followUpJSON{}}
	for _, c := range take(pages, 0, b.Credits) {
		out.Credits = append(out.Credits, creditLine{AssessmentID: c.Assessment.ID, EmployeeID: c.Assessment.EmployeeID, Name: c.Assessment.Employee.Name,
			NIP: c.Assessment.Employee.NIP, Predikat: string(c.Assessment.Predikat), Credit: *creditOf(&c.Credit)})
	}
	for _, p := range take(pages, 1, b.PlansMissing) {
		out.PlansMissing = append(out.PlansMissing, p.ID)
	}
	for _, f := range take(pages, 2, b.Open) {
		out.Open = append(out.Open, followUpOf(f))
	}
	out.NextCursor = pages.cursor()
	return writeJSON(w, http.StatusOK, out)
}

func followUpSchemas() map[string]any {
	integer := map[string]any{"type": "integer"}
	kinds := []string{}
	for _, k := range model.FollowUpKinds {
		kinds = append(kinds, string(k))
	}
	credit := obj([]string{"jenjang", "months", "percent", "koefisien", "value"}, map[string]any{"jenjang": str(), "months": integer,
		"percent":   map[string]any{"type": "integer", "description": "Of the yearly koefisien (Peraturan BKN 3/2023)"},
		"koefisien": map[string]any{"type": "number", "description": "Yearly koefisien of the jenjang (PermenPANRB 1/2023)"},
		"value":     map[string]any{"type": "number", "description": "months/12 × percent × koefisien, to two decimals"}})
	return map[string]any{
		"AngkaKredit": credit,
		"FollowUp": obj([]string{"id", "assessment_id", "employee_id", "kind", "title", "status", "version", "can"}, map[string]any{
			"id": str(), "assessment_id": str(), "employee_id": str(), "employee_name": str(), "kind": enum(kinds...), "title": str(), "plan": str(),
			"review_due":   map[string]any{"type": []string{"string", "null"}, "description": "An improvement plan's review (YYYY-MM-DD): six months after the day it was recorded unless its writer chose an earlier day"},
			"overdue_days": map[string]any{"type": "integer", "description": "Days an open improvement plan is past its review day on the instansi's clock (terlambat); 0 when it is not"},
			"status":       enum("open", "in_progress", "done", "cancelled"), "outcome": str(),
			"created_at": map[string]any{"type": "string", "format": "date-time"}, "updated_at": map[string]any{"type": "string", "format": "date-time"},
			"version": integer, "can": canSchemaOf("What the signed-in user may do with it now", map[string]string{"progress": "Start it, record it done or cancel it"}),
			"next_statuses": map[string]any{"type": "array", "items": enum("in_progress", "done", "cancelled"),
				"description": "The statuses POST /api/v1/follow-ups/{id}/progress takes now: in_progress, done and cancelled while open; done and cancelled once in progress; none when closed or without can.progress"}}),
		"FollowUpRequest": obj([]string{"kind", "title"}, map[string]any{"kind": enum(kinds...),
			"title": map[string]any{"type": "string", "maxLength": model.FollowUpTitleMax}, "plan": map[string]any{"type": "string", "maxLength": model.FollowUpTextMax},
			"review_due": map[string]any{"type": "string", "format": "date", "description": "An improvement plan only: its review date, after the day it is recorded and at most six months later (instansi's calendar); absent or empty for six months after the day it is recorded"}}),
		"FollowUpProgress": obj([]string{"version", "status"}, map[string]any{"version": integer, "status": enum("in_progress", "done", "cancelled"),
			"outcome": map[string]any{"type": "string", "maxLength": model.FollowUpTextMax, "description": "Required when done or cancelled"}}),
		"FollowUpBoard": obj([]string{"year", "credits", "plans_missing", "open", "next_cursor", "credit_count", "plans_missing_count", "open_count"}, map[string]any{"year": integer,
			"credits": map[string]any{"type": "array", "x-paged": true, "items": map[string]any{"type": "object", "description": "assessment_id, employee_id, name, nip, predikat, angka_kredit"},
				"description": "This page's results with angka kredit (limit at most)"},
			"plans_missing": map[string]any{"type": "array", "x-paged": true, "items": str(), "description": "This page's final annual results of Butuh Perbaikan and below without an improvement plan (assessment ids; limit at most)"},
			"open":          map[string]any{"type": "array", "x-paged": true, "items": ref("FollowUp"), "description": "This page's open follow-ups, the most overdue first (limit at most); only the overdue ones with overdue=true"},
			"next_cursor": map[string]any{"type": []string{"string", "null"},
				"description": "The three lists page together: a page holds at most limit of each, and the cursor goes on with each list where it stopped (a list read to its end answers none); null when all three are read"},
			"credit_count":        map[string]any{"type": "integer", "description": "How many results with angka kredit, on all pages"},
			"plans_missing_count": map[string]any{"type": "integer", "description": "How many results still need an improvement plan, on all pages"},
			"open_count":          map[string]any{"type": "integer", "description": "How many open follow-ups (with overdue=true: overdue ones), on all pages"},
			"overdue":             map[string]any{"type": "integer", "description": "How many open improvement plans are past their review day, whatever the filter"}}),
	}
}
