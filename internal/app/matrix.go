package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// MatrixLink is a subordinate's RHK that intervenes one of the
// supervisor's.
type MatrixLink struct {
	Employee model.PersonSnapshot
	SKPID    string
	Status   model.SKPStatus
	RHK      model.RHK
}

// MatrixRow is one of the supervisor's RHK with what hangs from it.
type MatrixRow struct {
	RHK   model.RHK
	Links []MatrixLink
	// SKP is the supervisor's SKP the RHK is on: the one of their
	// definitive post, or of a post they act in as Plt or Plh; Post then
	// names that post ("Plt. Kepala SD Negeri 05"), empty otherwise.
	SKP  *model.SKP
	Post string
}

// Matrix is the matriks peran hasil of a supervisor for a year: their RHK
// with the subordinates' RHK that support each, and the team members who
// have linked nothing yet.
type Matrix struct {
	Year       int
	SKP        *model.SKP // the supervisor's open SKP of the definitive post (else of an acting one)
	Rows       []MatrixRow
	Team       []model.Employee           // those the actor rates, to whom they may propose an RHK
	Unlinked   []model.Employee           // team members without an RHK linked to the supervisor's
	TeamStatus map[string]model.SKPStatus // team member -> SKP status ("" when none)
	Can        MatrixRights
}

// MatrixRights is what the supervisor may do on their matrix now.
type MatrixRights struct {
	Propose bool // propose an RHK, from one of theirs, to someone they rate
}

// ResultMatrix builds the actor's matriks peran hasil for a year.
func (a *App) ResultMatrix(ctx context.Context, actor model.Actor, year int) (Matrix, error) {
	m := Matrix{Year: year, TeamStatus: map[string]model.SKPStatus{}}
	if actor.EmployeeID == "" {
		return m, forbidden("the result matrix needs an employee")
	}
	own, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: actor.InstansiID, EmployeeIDs: []string{actor.EmployeeID}, Year: year})
	if err != nil {
		return m, err
	}
	// A Plt or Plh has an open SKP of the acting post too: its RHK are
	// rows of the matrix beside those of the definitive post.
	var open []model.SKP
	for _, s := range own {
		if s.Status != model.SKPClosed {
			full, err := a.store.SKP(ctx, s.ID)
			if err != nil {
				return m, err
			}
			open = append(open, full)
		}
	}
	slices.SortStableFunc(open, func(x, y model.SKP) int { return strings.Compare(string(x.Acting), string(y.Acting)) })
	if len(open) > 0 {
		m.SKP = &open[0]
	}
	team, err := a.Team(ctx, actor)
	if err != nil {
		return m, err
	}
	ids := make([]string, len(team))
	for i, e := range team {
		ids[i] = e.ID
	}
	skps, err := a.store.SKPs(ctx, store.SKPFilter{InstansiID: actor.InstansiID, EmployeeIDs: ids, Year: year})
	if err != nil {
		return m, err
	}
	rowOf := map[string]int{}
	for i := range open {
		post := ""
		if open[i].Acting != "" {
			post = open[i].Employee.Position
		}
		for _, r := range open[i].RHK {
			rowOf[r.ID] = len(m.Rows)
			m.Rows = append(m.Rows, MatrixRow{RHK: r, SKP: &open[i], Post: post})
		}
	}
	var teamOpen []model.SKP
	var openIDs []string
	for _, s := range skps {
		if s.Status != model.SKPClosed {
			teamOpen, openIDs = append(teamOpen, s), append(openIDs, s.ID)
		}
	}
	rhk, err := a.store.RHKOfSKPs(ctx, openIDs)
	if err != nil {
		return m, err
	}
	linked := map[string]bool{}
	for _, s := range teamOpen {
		m.TeamStatus[s.EmployeeID] = s.Status
		for _, r := range rhk[s.ID] {
			if i, ok := rowOf[r.ParentRHKID]; ok {
				m.Rows[i].Links = append(m.Rows[i].Links, MatrixLink{Employee: s.Employee, SKPID: s.ID, Status: s.Status, RHK: r})
				linked[s.EmployeeID] = true
			}
		}
	}
	m.Team = team
	m.Can.Propose = len(team) > 0 && len(m.Rows) > 0
	for _, e := range team {
		if !linked[e.ID] {
			m.Unlinked = append(m.Unlinked, e)
		}
	}
	for i := range m.Rows {
		slices.SortFunc(m.Rows[i].Links, func(x, y MatrixLink) int { return strings.Compare(x.Employee.Name, y.Employee.Name) })
	}
	return m, nil
}

// ProposeRHK lets a supervisor propose, from one of their own RHK, an RHK
// to a subordinate they rate; the subordinate is notified and may accept
// it into their draft SKP.
func (a *App) ProposeRHK(ctx context.Context, actor model.Actor, toEmployeeID, parentRHKID, description string) (model.Proposal, error) {
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return model.Proposal{}, err
	}
	if actor.EmployeeID == "" || chart.Rater(toEmployeeID) != actor.EmployeeID {
		return model.Proposal{}, forbidden("propose an RHK to someone one does not rate")
	}
	parent, err := a.store.RHKByID(ctx, parentRHKID)
	if err != nil {
		return model.Proposal{}, model.Invalid("parent_rhk_id", "invalid.matrix.rhk.notfound")
	}
	own, err := a.store.SKP(ctx, parent.SKPID)
	if err != nil || own.EmployeeID != actor.EmployeeID {
		return model.Proposal{}, model.Invalid("parent_rhk_id", "invalid.matrix.rhk.own")
	}
	description = strings.TrimSpace(description)
	if description == "" || len(description) > 2000 {
		return model.Proposal{}, model.Invalid("description", "invalid.matrix.text")
	}
	var p model.Proposal
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if p, err = tx.CreateProposal(ctx, model.Proposal{InstansiID: actor.InstansiID, FromEmployeeID: actor.EmployeeID,
			ToEmployeeID: toEmployeeID, Year: own.Year, ParentRHKID: parent.ID, Description: description}); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: actor.InstansiID, EmployeeID: toEmployeeID, Kind: "rhk.proposal",
			Args: []string{actor.Name, description}, Link: "/skp"})
	})
	return p, err
}

// ProposalView is an RHK proposed to the actor, with what they may do
// with it now.
type ProposalView struct {
	model.Proposal
	Can ProposalRights
}

// ProposalRights is what the actor may do with a proposal now.
type ProposalRights struct {
	Accept  bool // take it into their draft SKP
	Decline bool
}

// proposalAllows reports whether actor may decide (accept or decline) p
// now: only the employee it was made to, while it is open.
func proposalAllows(actor model.Actor, p model.Proposal) error {
	if actor.EmployeeID == "" || p.ToEmployeeID != actor.EmployeeID {
		return fmt.Errorf("proposal %s: %w", p.ID, model.ErrNotFound)
	}
	if p.Status != model.ProposalOpen {
		return fmt.Errorf("proposal %s is no longer open (%s): %w", p.ID, p.Status, model.ErrConflict)
	}
	return nil
}

// Proposals lists the open RHK proposals to the actor for a year.
func (a *App) Proposals(ctx context.Context, actor model.Actor, year int) ([]ProposalView, error) {
	if actor.EmployeeID == "" {
		return nil, nil
	}
	list, err := a.store.Proposals(ctx, actor.EmployeeID, year)
	if err != nil {
		return nil, err
	}
	out := make([]ProposalView, len(list))
	for i, p := range list {
		out[i] = ProposalView{Proposal: p, Can: ProposalRightsOf(actor, p)}
	}
	return out, nil
}

// ProposalRightsOf is what actor may do with p now.
func ProposalRightsOf(actor model.Actor, p model.Proposal) ProposalRights {
	ok := proposalAllows(actor, p) == nil
	return ProposalRights{Accept: ok, Decline: ok}
}

// AcceptProposal adds a proposed RHK (utama, intervening the proposing
// supervisor's RHK) to the actor's draft SKP read at version.
func (a *App) AcceptProposal(ctx context.Context, actor model.Actor, proposalID, skpID string, version int) (model.RHK, error) {
	p, err := a.store.ProposalByID(ctx, proposalID)
	if err != nil {
		return model.RHK{}, fmt.Errorf("proposal %s: %w", proposalID, model.ErrNotFound)
	}
	if err := proposalAllows(actor, p); err != nil {
		return model.RHK{}, err
	}
	if skpID == "" {
		return model.RHK{}, model.Invalid("skp_id", "skp.err.skp_id")
	}
	r, err := a.checkRHK(ctx, actor, model.RHK{SKPID: skpID, Kind: model.RHKUtama, Description: p.Description, ParentRHKID: p.ParentRHKID})
	if err != nil {
		return r, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := tx.DecideProposal(ctx, p.ID, model.ProposalAccepted); err != nil {
			return err
		}
		var err error
		r, err = tx.SaveRHK(ctx, version, r)
		return err
	})
	return r, err
}

// DeclineProposal lets the employee an RHK was proposed to set it aside;
// it no longer shows on their SKP.
func (a *App) DeclineProposal(ctx context.Context, actor model.Actor, proposalID string) error {
	p, err := a.store.ProposalByID(ctx, proposalID)
	if err != nil {
		return fmt.Errorf("proposal %s: %w", proposalID, model.ErrNotFound)
	}
	if err := proposalAllows(actor, p); err != nil {
		return err
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.DecideProposal(ctx, p.ID, model.ProposalDeclined) })
}
