package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

type matrixLinkJSON struct {
	Employee model.PersonSnapshot `json:"employee"`
	SKPID    string               `json:"skp_id"`
	Status   string               `json:"status"`
	RHK      rhkJSON              `json:"rhk"`
}

type matrixRowJSON struct {
	RHK   rhkJSON          `json:"rhk"`
	Links []matrixLinkJSON `json:"links"`
	SKPID string           `json:"skp_id"`
	Post  *string          `json:"post"`
}

type matrixMemberJSON struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	NIP       string  `json:"nip"`
	SKPStatus *string `json:"skp_status"`
	Linked    bool    `json:"linked"`
}

type matrixJSON struct {
	Year  int             `json:"year"`
	SKPID *string         `json:"skp_id"`
	Rows  []matrixRowJSON `json:"rows"`
	// Team is a page of those the supervisor rates; the rows' links are
	// those of the page's people (and, on the first page, of anyone not
	// in the team).
	Team       []matrixMemberJSON `json:"team"`
	NextCursor *string            `json:"next_cursor"`
	TeamCount  int                `json:"team_count"`
	Can        struct {
		Propose bool `json:"propose"`
	} `json:"can"`
}

func (h *handler) matrix(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	year, err := h.yearParam(r)
	if err != nil {
		return err
	}
	m, err := h.a.ResultMatrix(r.Context(), actor, year)
	if err != nil {
		return err
	}
	unlinked := map[string]bool{}
	for _, e := range m.Unlinked {
		unlinked[e.ID] = true
	}
	team := make([]matrixMemberJSON, 0, len(m.Team))
	inTeam := map[string]bool{}
	for _, e := range m.Team {
		team = append(team, matrixMemberJSON{ID: e.ID, Name: e.FullName(), NIP: e.NIP, SKPStatus: ptr(string(m.TeamStatus[e.ID])), Linked: !unlinked[e.ID]})
		inTeam[e.ID] = true
	}
	page, err := pageOf(team, func(m matrixMemberJSON) string { return m.ID }, r)
	if err != nil {
		return err
	}
	onPage := map[string]bool{}
	for _, e := range page.Items {
		onPage[e.ID] = true
	}
	first := r.URL.Query().Get("cursor") == ""
	out := matrixJSON{Year: m.Year, Rows: []matrixRowJSON{}, Team: page.Items, NextCursor: page.NextCursor, TeamCount: len(team)}
	out.Can.Propose = m.Can.Propose
	var own app.SKPRights
	if m.SKP != nil {
		out.SKPID = &m.SKP.ID
		if own, err = h.a.SKPRights(r.Context(), actor, *m.SKP); err != nil {
			return err
		}
	}
	for _, row := range m.Rows {
		rj := matrixRowJSON{RHK: rhkOf(row.RHK, own), Links: []matrixLinkJSON{}, Post: ptr(row.Post)}
		if row.SKP != nil {
			rj.SKPID = row.SKP.ID
			if m.SKP == nil || row.SKP.ID != m.SKP.ID {
				acting, err := h.a.SKPRights(r.Context(), actor, *row.SKP) // an RHK of the SKP of a post held as Plt or Plh
				if err != nil {
					return err
				}
				rj.RHK = rhkOf(row.RHK, acting)
			}
		}
		for _, l := range row.Links {
			if !onPage[l.Employee.EmployeeID] && (inTeam[l.Employee.EmployeeID] || !first) {
				continue
			}
			// The subordinate's RHK is read here; it is acted on in their SKP.
			rj.Links = append(rj.Links, matrixLinkJSON{Employee: l.Employee, SKPID: l.SKPID, Status: string(l.Status), RHK: rhkOf(l.RHK, app.SKPRights{})})
		}
		out.Rows = append(out.Rows, rj)
	}
	return writeJSON(w, http.StatusOK, out)
}

type proposalJSON struct {
	ID             string `json:"id"`
	FromEmployeeID string `json:"from_employee_id"`
	ToEmployeeID   string `json:"to_employee_id"`
	Year           int    `json:"year"`
	ParentRHKID    string `json:"parent_rhk_id"`
	Description    string `json:"description"`
	Status         string `json:"status"`
	CreatedAt      string `json:"created_at"`
	Can            struct {
		Accept  bool `json:"accept"`
		Decline bool `json:"decline"`
	} `json:"can"`
}

func proposalOf(p model.Proposal, can app.ProposalRights) proposalJSON {
	j := proposalJSON{ID: p.ID, FromEmployeeID: p.FromEmployeeID, ToEmployeeID: p.ToEmployeeID, Year: p.Year, ParentRHKID: p.ParentRHKID,
		Description: p.Description, Status: p.Status, CreatedAt: p.CreatedAt}
	j.Can.Accept, j.Can.Decline = can.Accept, can.Decline
	return j
}

func (h *handler) proposeRHK(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		ToEmployeeID string `json:"to_employee_id"`
		ParentRHKID  string `json:"parent_rhk_id"`
		Description  string `json:"description"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	p, err := h.a.ProposeRHK(r.Context(), actor, req.ToEmployeeID, req.ParentRHKID, req.Description)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, proposalOf(p, app.ProposalRightsOf(actor, p)))
}

func (h *handler) proposals(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	year, err := h.yearParam(r)
	if err != nil {
		return err
	}
	ps, err := h.a.Proposals(r.Context(), actor, year)
	if err != nil {
		return err
	}
	var items []proposalJSON
	for _, p := range ps {
		items = append(items, proposalOf(p.Proposal, p.Can))
	}
	out, err := pageOf(items, func(p proposalJSON) string { return p.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) acceptProposal(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		SKPID   string `json:"skp_id"`
		Version *int   `json:"version"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	version := requiredVersion(r, req.Version)
	if _, err := h.a.AcceptProposal(r.Context(), actor, r.PathValue("id"), req.SKPID, version); err != nil {
		return err
	}
	return h.writeSKP(w, r, actor, req.SKPID, http.StatusCreated)
}

func (h *handler) declineProposal(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := h.a.DeclineProposal(r.Context(), actor, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func matrixSchemas() map[string]any {
	dateTime := map[string]any{"type": "string", "format": "date-time"}
	status := enum("draft", "submitted", "returned", "approved", "closed")
	return map[string]any{
		"Matrix": obj([]string{"year", "skp_id", "rows", "team", "next_cursor", "team_count", "can"}, map[string]any{"year": map[string]any{"type": "integer"},
			"skp_id":      nullable("string"),
			"next_cursor": map[string]any{"type": []string{"string", "null"}, "description": "The next page of the team (with its links); null on the last"},
			"team_count":  map[string]any{"type": "integer", "description": "How many people the supervisor rates, on all pages"},
			"rows": map[string]any{"type": "array", "description": "The supervisor's RHK (on every page), each with the RHK of the page's people that intervene it (on the first page also those of anyone no longer in the team)",
				"items": obj([]string{"rhk", "links", "skp_id", "post"}, map[string]any{"rhk": ref("RHK"), "links": map[string]any{"type": "array",
					"items": obj([]string{"employee", "skp_id", "status", "rhk"}, map[string]any{"employee": ref("PersonSnapshot"),
						"skp_id": str(), "status": status, "rhk": ref("RHK")})},
					"skp_id": map[string]any{"type": "string", "description": "The supervisor's SKP the RHK is on: of the definitive post, or of a post held as Plt or Plh"},
					"post":   map[string]any{"type": []string{"string", "null"}, "description": "The post held as Plt or Plh whose SKP the RHK is on (\"Plt. Kepala SD Negeri 05\"); null for the definitive post"}})},
			"team": map[string]any{"type": "array", "x-paged": true, "description": "A page (limit) of those the supervisor rates, with the status of their SKP and whether an RHK of theirs intervenes one of the supervisor's",
				"items": obj([]string{"id", "name", "nip", "skp_status", "linked"}, map[string]any{"id": str(), "name": str(), "nip": str(),
					"skp_status": map[string]any{"type": []string{"string", "null"}, "enum": []any{"draft", "submitted", "returned", "approved", "closed", nil}},
					"linked":     map[string]any{"type": "boolean"}})},
			"can": obj([]string{"propose"}, map[string]any{"propose": canField("Propose an RHK to someone one rates")})}),
		"Proposal": obj([]string{"id", "from_employee_id", "to_employee_id", "year", "parent_rhk_id", "description", "status", "created_at", "can"}, map[string]any{
			"id": str(), "from_employee_id": str(), "to_employee_id": str(), "year": map[string]any{"type": "integer"},
			"parent_rhk_id": map[string]any{"type": "string", "description": "The proposing supervisor's RHK that the new RHK intervenes"},
			"description":   str(), "status": enum("open", "accepted", "declined"), "created_at": dateTime,
			"can": obj([]string{"accept", "decline"}, map[string]any{"accept": canField("Take it into one's draft SKP"), "decline": canField("Set it aside")})}),
		"ProposalList": listOf("Proposal"),
		"ProposalRequest": obj([]string{"to_employee_id", "parent_rhk_id", "description"}, map[string]any{
			"to_employee_id": map[string]any{"type": "string", "description": "Someone the actor rates"},
			"parent_rhk_id":  map[string]any{"type": "string", "description": "One of the actor's own RHK"}, "description": str()}),
		"ProposalAccept": obj([]string{"skp_id", "version"}, map[string]any{"skp_id": map[string]any{"type": "string", "description": "The actor's draft SKP"},
			"version": map[string]any{"type": "integer", "description": "The SKP's version the client read; a stale one is a 409"}}),
	}
}
