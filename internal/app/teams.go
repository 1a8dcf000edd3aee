package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Kudos kinds: a thank-you, or an offer of help.
const (
	KudosThanks = "thanks"
	KudosHelp   = "help"
)

// CreateTeam starts a tim kerja led by the actor, a supervisor or an
// administrator naming a lead. Members from any unit of the instansi are
// added after.
func (a *App) CreateTeam(ctx context.Context, actor model.Actor, t model.Team) (model.Team, error) {
	if t.LeadID == "" {
		t.LeadID = actor.EmployeeID
	}
	admin := authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID})
	if !admin && (actor.EmployeeID == "" || t.LeadID != actor.EmployeeID || !a.IsRater(ctx, actor)) {
		return t, forbidden("start a team (supervisors lead their own; BKPSDM names a lead)")
	}
	lead, err := a.Store.Employee(ctx, t.LeadID)
	if err != nil || lead.InstansiID != actor.InstansiID {
		return t, model.Invalid("lead_id", "invalid.team.lead.foreign")
	}
	var v model.ValidationError
	t.Name, t.Goal = strings.TrimSpace(t.Name), strings.TrimSpace(t.Goal)
	if t.Name == "" || len(t.Name) > 200 {
		v.Add("name", "invalid.team.name")
	}
	if t.Goal == "" || len(t.Goal) > 2000 {
		v.Add("goal", "invalid.team.goal")
	}
	if t.Year == 0 {
		t.Year = a.Today().Time().Year()
	}
	if err := v.Err(); err != nil {
		return t, err
	}
	t.InstansiID = actor.InstansiID
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		t, err = tx.CreateTeam(ctx, t)
		return err
	})
	if err != nil {
		return t, err
	}
	return a.Store.Team(ctx, t.ID)
}

// TeamView is a team as its page shows it: each member's linked RHK with
// their progress on it this month and the latest entries, and the thanks
// and offers of help.
type TeamView struct {
	Team     model.Team
	Progress map[string]model.ProgressTotal // by RHK
	Recent   []model.Progress               // latest entries on the members' linked RHK
	Kudos    []model.Kudos
	Member   bool // the actor is a member
	Lead     bool // the actor leads it (or administers)
	MyRHK    []model.RHK
}

// canSeeTeam: its members, and whoever may see the work of one of them
// (their supervisors up the line, the admins of their OPD or instansi) —
// the supervisors' team view.
func (a *App) canSeeTeam(ctx context.Context, actor model.Actor, t model.Team) (member bool, err error) {
	if t.InstansiID != actor.InstansiID {
		return false, fmt.Errorf("team %s: %w", t.ID, model.ErrNotFound)
	}
	for _, m := range t.Members {
		if m.EmployeeID == actor.EmployeeID && actor.EmployeeID != "" {
			return true, nil
		}
	}
	for _, m := range t.Members {
		if a.canSeeWorkOf(ctx, actor, t.InstansiID, m.EmployeeID) == nil {
			return false, nil
		}
	}
	return false, fmt.Errorf("team %s: %w", t.ID, model.ErrNotFound)
}

// WorkTeam returns a tim kerja as its page shows it, to those who may see it.
func (a *App) WorkTeam(ctx context.Context, actor model.Actor, id string) (TeamView, error) {
	t, err := a.Store.Team(ctx, id)
	if err != nil {
		return TeamView{}, err
	}
	member, err := a.canSeeTeam(ctx, actor, t)
	if err != nil {
		return TeamView{}, err
	}
	v := TeamView{Team: t, Member: member}
	v.Lead = actor.EmployeeID == t.LeadID || authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID})
	var rhk, people []string
	for _, m := range t.Members {
		people = append(people, m.EmployeeID)
		if m.RHKID != "" {
			rhk = append(rhk, m.RHKID)
		}
	}
	today := a.Today().Time()
	month := model.Date(time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	if v.Progress, err = a.Store.ProgressTotals(ctx, rhk, month, a.Today()); err != nil {
		return v, err
	}
	if len(rhk) > 0 {
		if v.Recent, err = a.Store.ProgressList(ctx, store.ProgressFilter{InstansiID: t.InstansiID, EmployeeIDs: people, RHKIDs: rhk, Limit: 20}); err != nil {
			return v, err
		}
	}
	if v.Kudos, err = a.Store.TeamKudos(ctx, t.ID, 30); err != nil {
		return v, err
	}
	if member {
		e, err := a.Store.Employee(ctx, actor.EmployeeID)
		if err != nil {
			return v, err
		}
		if s, ok, err := a.currentSKP(ctx, e, a.Today()); err != nil {
			return v, err
		} else if ok {
			v.MyRHK = s.RHK
		}
	}
	return v, nil
}

// WorkTeams lists the teams the actor is in, or, for administrators, the
// teams of the year they may see.
func (a *App) WorkTeams(ctx context.Context, actor model.Actor, year int) ([]model.Team, error) {
	switch authz.Widest(actor, authz.ReadSKP) {
	case authz.ScopeInstansi:
		return a.Store.Teams(ctx, actor.InstansiID, year, "")
	case authz.ScopeOPD:
		// An OPD admin sees the teams with someone of their OPD.
		all, err := a.Store.Teams(ctx, actor.InstansiID, year, "")
		if err != nil {
			return nil, err
		}
		var out []model.Team
		for _, t := range all {
			full, err := a.Store.Team(ctx, t.ID)
			if err != nil {
				return nil, err
			}
			if _, err := a.canSeeTeam(ctx, actor, full); err == nil {
				out = append(out, t)
			}
		}
		return out, nil
	}
	if actor.EmployeeID == "" {
		return nil, nil
	}
	return a.Store.Teams(ctx, actor.InstansiID, year, actor.EmployeeID)
}

// AddTeamMember adds someone of the instansi to a team: the lead (or an
// administrator) does.
func (a *App) AddTeamMember(ctx context.Context, actor model.Actor, teamID, employeeID string) error {
	v, err := a.WorkTeam(ctx, actor, teamID)
	if err != nil {
		return err
	}
	if !v.Lead {
		return forbidden("add members to a team one does not lead")
	}
	e, err := a.Store.Employee(ctx, employeeID)
	if err != nil || e.InstansiID != actor.InstansiID {
		return model.Invalid("employee_id", "invalid.field.employee.notininstansi")
	}
	if slices.ContainsFunc(v.Team.Members, func(m model.TeamMember) bool { return m.EmployeeID == employeeID }) {
		return model.Invalid("employee_id", "invalid.team.member.already", e.FullName())
	}
	return a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := tx.AddTeamMember(ctx, teamID, employeeID); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: actor.InstansiID, EmployeeID: employeeID, Kind: "team.member",
			Title: "Anda menjadi anggota tim " + v.Team.Name, Body: "Kaitkan RHK Anda dengan hasil kerja tim: " + short(v.Team.Goal, 140),
			Link: "/tim/" + teamID})
	})
}

// LinkTeamRHK links (or, with "", unlinks) an RHK of the actor's current
// SKP to the team's shared result.
func (a *App) LinkTeamRHK(ctx context.Context, actor model.Actor, teamID, rhkID string) error {
	v, err := a.WorkTeam(ctx, actor, teamID)
	if err != nil {
		return err
	}
	if !v.Member {
		return forbidden("link an RHK to a team one is not in")
	}
	if rhkID != "" && !slices.ContainsFunc(v.MyRHK, func(r model.RHK) bool { return r.ID == rhkID }) {
		return model.Invalid("rhk_id", "invalid.team.rhk.pick")
	}
	return a.Store.Write(ctx, actor, func(tx *store.Tx) error { return tx.LinkTeamRHK(ctx, teamID, actor.EmployeeID, rhkID) })
}

// GiveKudos sends a thank-you or an offer of help to another member.
func (a *App) GiveKudos(ctx context.Context, actor model.Actor, teamID, toID, kind, body string) (model.Kudos, error) {
	v, err := a.WorkTeam(ctx, actor, teamID)
	if err != nil {
		return model.Kudos{}, err
	}
	if !v.Member {
		return model.Kudos{}, forbidden("thank members of a team one is not in")
	}
	var to *model.TeamMember
	for i, m := range v.Team.Members {
		if m.EmployeeID == toID && toID != actor.EmployeeID {
			to = &v.Team.Members[i]
		}
	}
	var val model.ValidationError
	if to == nil {
		val.Add("to_id", "invalid.team.kudos.to")
	}
	if kind != KudosThanks && kind != KudosHelp {
		val.Add("kind", "invalid.team.kudos.kind")
	}
	body = strings.TrimSpace(body)
	if body == "" || len(body) > 1000 {
		val.Add("body", "invalid.team.kudos.body")
	}
	if err := val.Err(); err != nil {
		return model.Kudos{}, err
	}
	from, err := a.Store.Employee(ctx, actor.EmployeeID)
	if err != nil {
		return model.Kudos{}, err
	}
	k := model.Kudos{TeamID: teamID, FromID: actor.EmployeeID, FromName: from.Name, ToID: toID, ToName: to.Name, Kind: kind, Body: body}
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if k, err = tx.CreateKudos(ctx, k); err != nil {
			return err
		}
		title := fmt.Sprintf("%s berterima kasih kepada Anda di tim %s", from.FullName(), v.Team.Name)
		if kind == KudosHelp {
			title = fmt.Sprintf("%s menawarkan bantuan di tim %s", from.FullName(), v.Team.Name)
		}
		return tx.Notify(ctx, model.Notification{InstansiID: actor.InstansiID, EmployeeID: toID, Kind: "team." + kind, Title: title,
			Body: short(body, 200), Link: "/tim/" + teamID})
	})
	return k, err
}
