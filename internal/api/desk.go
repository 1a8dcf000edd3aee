package api

import (
	"fmt"
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

type deskRHKJSON struct {
	RHKID       string `json:"rhk_id"`
	Description string `json:"description"`
	Entries     int    `json:"entries"`
	Minutes     int    `json:"minutes"`
	Output      string `json:"output"`
}

type deskPersonJSON struct {
	EmployeeID   string        `json:"employee_id"`
	Name         string        `json:"name"`
	LastReported *string       `json:"last_reported"`
	NotToday     bool          `json:"not_today"`
	NotThisWeek  bool          `json:"not_this_week"`
	RHK          []deskRHKJSON `json:"rhk"`
}

type deskJSON struct {
	Today        string           `json:"today"`
	Workday      bool             `json:"workday"`
	Waiting      []progressJSON   `json:"waiting"`
	WaitingCount int              `json:"waiting_count"`
	NextCursor   *string          `json:"next_cursor"`
	People       []deskPersonJSON `json:"people"`
	PeopleCount  int              `json:"people_count"`
	Feedback     []feedbackJSON   `json:"feedback"`
	SKPs         []skpHeadJSON    `json:"skps"`
	SKPCount     int              `json:"skp_count"`
}

// deskOf is the desk with every person and SKP in it; desk cuts them to
// their first listPreview.
func deskOf(d app.Desk) deskJSON {
	out := deskJSON{Today: string(d.Today), Workday: d.Workday, Waiting: []progressJSON{}, WaitingCount: d.WaitingCount,
		NextCursor: ptr(d.NextCursor), People: []deskPersonJSON{}, Feedback: []feedbackJSON{}, SKPs: []skpHeadJSON{}}
	for _, s := range d.SKPs {
		out.SKPs = append(out.SKPs, skpHeadOf(s.SKP, s.Can))
	}
	for _, p := range d.Waiting {
		out.Waiting = append(out.Waiting, progressOf(p))
	}
	for _, p := range d.People {
		person := deskPersonJSON{EmployeeID: p.Employee.ID, Name: p.Employee.FullName(), LastReported: ptr(string(p.LastReported)),
			NotToday: p.NotToday, NotThisWeek: p.NotThisWeek, RHK: []deskRHKJSON{}}
		for _, r := range p.RHK {
			person.RHK = append(person.RHK, deskRHKJSON{RHKID: r.RHK.ID, Description: r.RHK.Description, Entries: r.Entries, Minutes: r.Minutes, Output: r.Output})
		}
		out.People = append(out.People, person)
	}
	for _, f := range d.Feedback {
		out.Feedback = append(out.Feedback, feedbackOf(f))
	}
	return out
}

func (h *handler) desk(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	d, err := h.a.SupervisorDesk(r.Context(), actor, app.DeskQuery{Cursor: r.URL.Query().Get("cursor"), Limit: limit})
	if err != nil {
		return err
	}
	out := deskOf(d)
	out.PeopleCount, out.SKPCount = len(out.People), len(out.SKPs)
	out.People, out.SKPs = out.People[:min(len(out.People), listPreview)], out.SKPs[:min(len(out.SKPs), listPreview)]
	return writeJSON(w, http.StatusOK, out)
}

// deskPeople answers a page of the people on the actor's desk.
func (h *handler) deskPeople(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	d, err := h.a.SupervisorDesk(r.Context(), actor, app.DeskQuery{Limit: 1})
	if err != nil {
		return err
	}
	people := deskOf(d).People
	page, err := pageOf(people, func(p deskPersonJSON) string { return p.EmployeeID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, totalList[deskPersonJSON]{list: page, Total: len(people)})
}

// deskSKPs answers a page of the SKPs waiting on the actor's desk.
func (h *handler) deskSKPs(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	d, err := h.a.SupervisorDesk(r.Context(), actor, app.DeskQuery{Limit: 1})
	if err != nil {
		return err
	}
	skps := deskOf(d).SKPs
	page, err := pageOf(skps, func(s skpHeadJSON) string { return s.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, totalList[skpHeadJSON]{list: page, Total: len(skps)})
}

func deskSchemas() map[string]any {
	integer := map[string]any{"type": "integer"}
	date := map[string]any{"type": "string", "format": "date"}
	return map[string]any{
		"Desk": obj([]string{"today", "workday", "waiting", "waiting_count", "next_cursor", "people", "people_count", "feedback", "skps", "skp_count"}, map[string]any{
			"skps": map[string]any{"type": "array", "items": ref("SKPHead"), "maxItems": listPreview,
				"description": fmt.Sprintf("The SKPs submitted to the actor that they may approve or return now, oldest submission first: the first %d (skp_count counts them all; GET /desk/skps pages them)", listPreview)},
			"skp_count":     map[string]any{"type": "integer", "description": "How many SKPs wait for the actor"},
			"people_count":  map[string]any{"type": "integer", "description": "How many people the actor rates"},
			"today":         date,
			"workday":       map[string]any{"type": "boolean", "description": "Whether today is a working day (Monday to Friday)"},
			"waiting":       map[string]any{"type": "array", "items": ref("Progress"), "x-paged": true, "description": "One page (limit, default 50) of the entries of the people the actor rates that wait for review, oldest first"},
			"waiting_count": map[string]any{"type": "integer", "description": "How many entries wait in all, on every page"},
			"next_cursor":   map[string]any{"type": []string{"string", "null"}, "description": "Pass as cursor for the next page of waiting entries; null on the last page"},
			"people": map[string]any{"type": "array", "maxItems": listPreview, "items": ref("DeskPerson"),
				"description": fmt.Sprintf("The people the actor rates, those who have not reported today first: the first %d (people_count counts them all; GET /desk/people pages them)", listPreview)},
			"feedback": map[string]any{"type": "array", "items": ref("Feedback"), "description": "The newest messages on the team's work"},
		}),
		"DeskPerson": obj(
			[]string{"employee_id", "name", "last_reported", "not_today", "not_this_week", "rhk"}, map[string]any{
				"employee_id": str(), "name": str(),
				"last_reported": map[string]any{"type": []string{"string", "null"}, "format": "date", "description": "The latest day they reported; null when never"},
				"not_today":     map[string]any{"type": "boolean", "description": "No entry for today, a working day of their unit"},
				"not_this_week": map[string]any{"type": "boolean", "description": "No entry since Monday"},
				"rhk": map[string]any{"type": "array", "description": "Their progress on each RHK of today's SKP this month", "items": obj(
					[]string{"rhk_id", "description", "entries", "minutes", "output"}, map[string]any{"rhk_id": str(), "description": str(),
						"entries": integer, "minutes": integer, "output": map[string]any{"type": "string", "description": "The summed output; empty when none"}})},
			}),
		"DeskPersonList": withTotal(listOf("DeskPerson")),
		"SKPHeadList":    withTotal(listOf("SKPHead")),
	}
}
