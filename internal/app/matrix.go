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
}

// Matrix is the matriks peran hasil of a supervisor for a year: their RHK
// with the subordinates' RHK that support each, and the team members who
// have linked nothing yet.
type Matrix struct {
	Year       int
	SKP        *model.SKP
	Rows       []MatrixRow
	Unlinked   []model.Employee           // team members without an RHK linked to the supervisor's
	TeamStatus map[string]model.SKPStatus // team member -> SKP status ("" when none)
}

// ResultMatrix builds the actor's matriks peran hasil for a year.
func (a *App) ResultMatrix(ctx context.Context, actor model.Actor, year int) (Matrix, error) {
	m := Matrix{Year: year, TeamStatus: map[string]model.SKPStatus{}}
	if actor.EmployeeID == "" {
		return m, forbidden("the result matrix needs an employee")
	}
	own, err := a.Store.SKPs(ctx, store.SKPFilter{InstansiID: actor.InstansiID, EmployeeIDs: []string{actor.EmployeeID}, Year: year})
	if err != nil {
		return m, err
	}
	for _, s := range own {
		if s.Status != model.SKPClosed {
			full, err := a.Store.SKP(ctx, s.ID)
			if err != nil {
				return m, err
			}
			m.SKP = &full
			break
		}
	}
	team, err := a.Team(ctx, actor)
	if err != nil {
		return m, err
	}
	ids := make([]string, len(team))
	for i, e := range team {
		ids[i] = e.ID
	}
	skps, err := a.Store.SKPs(ctx, store.SKPFilter{InstansiID: actor.InstansiID, EmployeeIDs: ids, Year: year})
	if err != nil {
		return m, err
	}
	rowOf := map[string]int{}
	if m.SKP != nil {
		for i, r := range m.SKP.RHK {
			m.Rows = append(m.Rows, MatrixRow{RHK: r})
			rowOf[r.ID] = i
		}
	}
	linked := map[string]bool{}
	for _, s := range skps {
		if s.Status == model.SKPClosed {
			continue
		}
		m.TeamStatus[s.EmployeeID] = s.Status
		full, err := a.Store.SKP(ctx, s.ID)
		if err != nil {
			return m, err
		}
		for _, r := range full.RHK {
			if i, ok := rowOf[r.ParentRHKID]; ok {
				m.Rows[i].Links = append(m.Rows[i].Links, MatrixLink{Employee: full.Employee, SKPID: full.ID, Status: full.Status, RHK: r})
				linked[s.EmployeeID] = true
			}
		}
	}
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
	parent, err := a.Store.RHKByID(ctx, parentRHKID)
	if err != nil {
		return model.Proposal{}, model.Invalid("parent_rhk_id", "invalid.matrix.rhk.notfound")
	}
	own, err := a.Store.SKP(ctx, parent.SKPID)
	if err != nil || own.EmployeeID != actor.EmployeeID {
		return model.Proposal{}, model.Invalid("parent_rhk_id", "invalid.matrix.rhk.own")
	}
	description = strings.TrimSpace(description)
	if description == "" || len(description) > 2000 {
		return model.Proposal{}, model.Invalid("description", "invalid.matrix.text")
	}
	var p model.Proposal
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
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

// Proposals lists the open RHK proposals to the actor for a year.
func (a *App) Proposals(ctx context.Context, actor model.Actor, year int) ([]model.Proposal, error) {
	if actor.EmployeeID == "" {
		return nil, nil
	}
	return a.Store.Proposals(ctx, actor.EmployeeID, year)
}

// AcceptProposal adds a proposed RHK (utama, intervening the proposing
// supervisor's RHK) to the actor's draft SKP read at version.
func (a *App) AcceptProposal(ctx context.Context, actor model.Actor, proposalID, skpID string, version int) (model.RHK, error) {
	p, err := a.Store.ProposalByID(ctx, proposalID)
	if err != nil || p.ToEmployeeID != actor.EmployeeID {
		return model.RHK{}, fmt.Errorf("proposal %s: %w", proposalID, model.ErrNotFound)
	}
	r, err := a.checkRHK(ctx, actor, model.RHK{SKPID: skpID, Kind: model.RHKUtama, Description: p.Description, ParentRHKID: p.ParentRHKID})
	if err != nil {
		return r, err
	}
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := tx.DecideProposal(ctx, p.ID, store.ProposalAccepted); err != nil {
			return err
		}
		var err error
		r, err = tx.SaveRHK(ctx, version, r)
		return err
	})
	return r, err
}
