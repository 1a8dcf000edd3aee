package api

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

type teamMemberJSON struct {
	EmployeeID string  `json:"employee_id"`
	Name       string  `json:"name"`
	Position   string  `json:"position"`
	Unit       string  `json:"unit"`
	RHKID      *string `json:"rhk_id"`
	RHK        string  `json:"rhk"`
	Entries    int     `json:"entries_this_month"`
	Minutes    int     `json:"minutes_this_month"`
}

type kudosJSON struct {
	ID        string    `json:"id"`
	FromID    string    `json:"from_id"`
	FromName  string    `json:"from_name"`
	ToID      string    `json:"to_id"`
	ToName    string    `json:"to_name"`
	Kind      string    `json:"kind"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

type teamRightsJSON struct {
	AddMember bool `json:"add_member"`
	Link      bool `json:"link"`
	Kudos     bool `json:"kudos"`
}

type teamJSON struct {
	ID      string           `json:"id"`
	Year    int              `json:"year"`
	Name    string           `json:"name"`
	Goal    string           `json:"goal"`
	LeadID  string           `json:"lead_id"`
	Members []teamMemberJSON `json:"members"`
	// MemberCount counts every member; Members names the first
	// listPreview of them (GET /teams/{id}/members pages them all).
	MemberCount int         `json:"member_count"`
	Kudos       []kudosJSON `json:"kudos"`
	// KudosNext continues the kudos (GET /teams/{id}/kudos?cursor=);
	// null when kudos holds them all.
	KudosNext *string        `json:"kudos_next_cursor"`
	Can       teamRightsJSON `json:"can"`
}

func kudosOf(k model.Kudos) kudosJSON {
	return kudosJSON{ID: k.ID, FromID: k.FromID, FromName: k.FromName, ToID: k.ToID, ToName: k.ToName, Kind: k.Kind, Body: k.Body, CreatedAt: k.CreatedAt.UTC()}
}

func teamOf(t model.Team, can app.TeamRights, progress map[string]model.ProgressTotal, kudos []model.Kudos) teamJSON {
	j := teamJSON{ID: t.ID, Year: t.Year, Name: t.Name, Goal: t.Goal, LeadID: t.LeadID, Members: []teamMemberJSON{}, Kudos: []kudosJSON{},
		Can: teamRightsJSON{AddMember: can.AddMember, Link: can.Link, Kudos: can.Kudos}}
	j.Members, j.MemberCount = membersOf(t, progress), len(t.Members)
	j.Members = j.Members[:min(len(j.Members), listPreview)]
	for _, k := range kudos {
		j.Kudos = append(j.Kudos, kudosOf(k))
	}
	return j
}

// membersOf is every member of t with their linked RHK and their
// progress on it this month.
func membersOf(t model.Team, progress map[string]model.ProgressTotal) []teamMemberJSON {
	out := make([]teamMemberJSON, 0, len(t.Members))
	for _, m := range t.Members {
		p := progress[m.RHKID]
		out = append(out, teamMemberJSON{EmployeeID: m.EmployeeID, Name: m.Name, Position: m.Position, Unit: m.Unit,
			RHKID: ptr(m.RHKID), RHK: m.RHKText, Entries: p.Entries, Minutes: p.Minutes})
	}
	return out
}

// teamMembers answers a page of a team's members.
func (h *handler) teamMembers(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	v, err := h.a.WorkTeam(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	members := membersOf(v.Team, v.Progress)
	page, err := pageOf(members, func(m teamMemberJSON) string { return m.EmployeeID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, totalList[teamMemberJSON]{list: page, Total: len(members)})
}

func (h *handler) writeTeam(w http.ResponseWriter, r *http.Request, actor model.Actor, id string, status int) error {
	v, err := h.a.WorkTeam(r.Context(), actor, id)
	if err != nil {
		return err
	}
	j := teamOf(v.Team, v.Can, v.Progress, v.Kudos)
	j.KudosNext = ptr(v.KudosNext)
	return writeJSON(w, status, j)
}

func (h *handler) teamKudos(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	p, err := h.a.TeamKudos(r.Context(), actor, r.PathValue("id"), r.URL.Query().Get("cursor"))
	if err != nil {
		return err
	}
	p.Items, p.NextCursor = trimPage(p.Items, p.NextCursor, func(k model.Kudos) string { return k.ID }, limit)
	out := list[kudosJSON]{Items: []kudosJSON{}, NextCursor: ptr(p.NextCursor)}
	for _, k := range p.Items {
		out.Items = append(out.Items, kudosOf(k))
	}
	return writeJSON(w, http.StatusOK, out)
}

type teamEntryJSON struct {
	ID          string `json:"id"`
	EmployeeID  string `json:"employee_id"`
	WorkDate    string `json:"work_date"`
	Description string `json:"description"`
	Output      string `json:"output"`
}

func (h *handler) teamProgress(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	items, next, err := h.a.TeamRecent(r.Context(), actor, r.PathValue("id"), r.URL.Query().Get("cursor"))
	if err != nil {
		return err
	}
	items, next = trimPage(items, next, func(p model.Progress) string { return p.ID }, limit)
	out := list[teamEntryJSON]{Items: []teamEntryJSON{}, NextCursor: ptr(next)}
	for _, p := range items {
		out.Items = append(out.Items, teamEntryJSON{ID: p.ID, EmployeeID: p.EmployeeID, WorkDate: string(p.WorkDate), Description: p.Description, Output: p.Output()})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) teams(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	year, err := h.yearParam(r)
	if err != nil {
		return err
	}
	ts, err := h.a.WorkTeams(r.Context(), actor, year)
	if err != nil {
		return err
	}
	items := make([]teamJSON, 0, len(ts))
	for _, t := range ts {
		items = append(items, teamOf(t.Team, t.Can, nil, nil))
	}
	out, err := pageOf(items, func(t teamJSON) string { return t.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) createTeam(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Name   string `json:"name"`
		Goal   string `json:"goal"`
		LeadID string `json:"lead_id"`
		Year   int    `json:"year" range:"year"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	t, err := h.a.CreateTeam(r.Context(), actor, model.Team{Name: req.Name, Goal: req.Goal, LeadID: req.LeadID, Year: req.Year})
	if err != nil {
		return err
	}
	return h.writeTeam(w, r, actor, t.ID, http.StatusCreated)
}

func (h *handler) team(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	return h.writeTeam(w, r, actor, r.PathValue("id"), http.StatusOK)
}

func (h *handler) addTeamMember(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		EmployeeID string `json:"employee_id"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := h.a.AddTeamMember(r.Context(), actor, r.PathValue("id"), req.EmployeeID); err != nil {
		return err
	}
	return h.writeTeam(w, r, actor, r.PathValue("id"), http.StatusCreated)
}

func (h *handler) linkTeamRHK(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		RHKID string `json:"rhk_id"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := h.a.LinkTeamRHK(r.Context(), actor, r.PathValue("id"), req.RHKID); err != nil {
		return err
	}
	return h.writeTeam(w, r, actor, r.PathValue("id"), http.StatusOK)
}

func (h *handler) giveKudos(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		ToID string `json:"to_id"`
		Kind string `json:"kind"`
		Body string `json:"body"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	k, err := h.a.GiveKudos(r.Context(), actor, r.PathValue("id"), req.ToID, req.Kind, req.Body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, kudosOf(k))
}

func teamSchemas() map[string]any {
	integer := map[string]any{"type": "integer"}
	kudos := obj([]string{"id", "from_id", "to_id", "kind", "body", "created_at"}, map[string]any{"id": str(), "from_id": str(),
		"from_name": str(), "to_id": str(), "to_name": str(), "kind": enum(app.KudosThanks, app.KudosHelp), "body": str(),
		"created_at": map[string]any{"type": "string", "format": "date-time"}})
	return map[string]any{
		"Kudos": kudos,
		"TeamMember": obj([]string{"employee_id", "name", "rhk_id"}, map[string]any{
			"employee_id": str(), "name": str(), "position": str(), "unit": str(), "rhk_id": nullable("string"), "rhk": str(),
			"entries_this_month": integer, "minutes_this_month": integer}),
		"TeamMemberList": withTotal(listOf("TeamMember")),
		"Team": obj([]string{"id", "year", "name", "goal", "lead_id", "members", "member_count", "kudos", "can"}, map[string]any{"id": str(), "year": integer,
			"name": str(), "goal": map[string]any{"type": "string", "description": "The result the team shares"}, "lead_id": str(),
			"members": map[string]any{"type": "array", "items": ref("TeamMember"), "maxItems": listPreview,
				"description": fmt.Sprintf("The first %d members; member_count counts them all, GET /teams/{id}/members pages them", listPreview)},
			"member_count": map[string]any{"type": "integer", "description": "How many members the team has"},
			"kudos":        map[string]any{"type": "array", "items": ref("Kudos"), "description": "The newest thanks and offers of help"},
			"kudos_next_cursor": map[string]any{"type": []string{"string", "null"},
				"description": "When there are more: the cursor of GET /teams/{id}/kudos for the older ones"},
			"can": canSchemaOf("What the signed-in user may do with the team now", map[string]string{
				"add_member": "Add a member (the lead, or BKPSDM)", "link": "Link an RHK of their own SKP (members)",
				"kudos": "Thank or offer help to another member (members)"})}),
		"TeamList":  listOf("Team"),
		"KudosList": listOf("Kudos"),
		"TeamEntry": obj([]string{"id", "employee_id", "work_date", "description", "output"}, map[string]any{"id": str(), "employee_id": str(),
			"work_date": map[string]any{"type": "string", "format": "date"}, "description": str(), "output": str()}),
		"TeamProgressList":  listOf("TeamEntry"),
		"TeamRequest":       obj([]string{"name", "goal"}, map[string]any{"name": str(), "goal": str(), "lead_id": str(), "year": ranged("year")}),
		"TeamMemberRequest": obj([]string{"employee_id"}, map[string]any{"employee_id": str()}),
		"TeamLinkRequest":   obj([]string{"rhk_id"}, map[string]any{"rhk_id": str()}),
		"KudosRequest":      obj([]string{"to_id", "kind", "body"}, map[string]any{"to_id": str(), "kind": enum(app.KudosThanks, app.KudosHelp), "body": str()}),
	}
}

// canSchemaOf describes the "can" object of a resource: one boolean per
// action, always present, each described.
func canSchemaOf(description string, actions map[string]string) map[string]any {
	keys := make([]string, 0, len(actions))
	props := map[string]any{}
	for k, d := range actions {
		keys = append(keys, k)
		props[k] = map[string]any{"type": "boolean", "description": d}
	}
	slices.Sort(keys)
	o := obj(keys, props)
	o["description"] = description
	return o
}
