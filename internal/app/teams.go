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
	if !a.mayStartTeam(ctx, actor, t.LeadID) {
		return t, forbidden("start a team (supervisors lead their own; BKPSDM names a lead)")
	}
	lead, err := a.store.Employee(ctx, t.LeadID)
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
		t.Year = a.Today(ctx, actor.InstansiID).Time().Year()
	}
	if err := v.Err(); err != nil {
		return t, err
	}
	t.InstansiID = actor.InstansiID
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		t, err = tx.CreateTeam(ctx, t)
		return err
	})
	if err != nil {
		return t, err
	}
	return a.store.Team(ctx, t.ID)
}

// teamAdmin reports whether actor administers the instansi's teams: they
// start teams naming any lead and add members to any team.
func teamAdmin(actor model.Actor) bool {
	return authz.Can(actor, authz.ManagePeriods, authz.Target{InstansiID: actor.InstansiID})
}

// mayStartTeam reports whether actor may start a team led by leadID: an
// administrator names anyone; a supervisor leads their own.
func (a *App) mayStartTeam(ctx context.Context, actor model.Actor, leadID string) bool {
	if teamAdmin(actor) {
		return true
	}
	return actor.EmployeeID != "" && leadID == actor.EmployeeID && a.IsRater(ctx, actor)
}

// CanStartTeam reports whether actor may start a team they lead
// themselves, as the form of the teams page offers.
func (a *App) CanStartTeam(ctx context.Context, actor model.Actor) bool {
	return actor.EmployeeID != "" && a.mayStartTeam(ctx, actor, actor.EmployeeID)
}

// TeamRights tells what the actor may do with a team now.
type TeamRights struct {
	AddMember bool // the lead, or an administrator
	Link      bool // link an RHK of their own: members
	Kudos     bool // thank or offer help to another member: members
}

// teamRights is what actor may do with t, member telling whether they are
// in it. AddTeamMember, LinkTeamRHK and GiveKudos check these.
func teamRights(actor model.Actor, t model.Team, member bool) TeamRights {
	return TeamRights{AddMember: (actor.EmployeeID != "" && actor.EmployeeID == t.LeadID) || teamAdmin(actor), Link: member, Kudos: member}
}

// TeamView is a team as its page shows it: each member's linked RHK with
// their progress on it this month and the latest entries, the thanks and
// offers of help, and what the actor may do.
type TeamView struct {
	Team     model.Team
	Progress map[string]model.ProgressTotal // by RHK
	Recent   []model.Progress               // latest entries on the members' linked RHK, RecentPageSize at most
	// RecentNext continues the entries after Recent (TeamRecent); "" when
	// Recent holds them all.
	RecentNext string
	Kudos      []model.Kudos // the newest KudosPageSize
	// KudosNext continues the kudos after Kudos (TeamKudos); "" when
	// Kudos holds them all.
	KudosNext string
	Member    bool        // the actor is a member
	MyRHK     []model.RHK // the RHK in force on the actor's current SKP, for a member to link
	MyRHKID   string      // the RHK the actor has linked ("" for none), chosen in the form
	Can       TeamRights
}

// Name is the name of a member ("" for someone else).
func (v TeamView) Name(employeeID string) string {
	for _, m := range v.Team.Members {
		if m.EmployeeID == employeeID {
			return m.Name
		}
	}
	return ""
}

// TeamItem is a team of a list, without its members, with what the actor
// may do with it.
type TeamItem struct {
	model.Team
	Can TeamRights
}

// seesTeam tells whether the actor is a member of a team and whether they
// may see it: its members, and whoever reaches the work of one of them
// (their supervisors up the line, the admins of their OPD or instansi).
func seesTeam(actor model.Actor, reach Reach, members []store.TeamMembership) (member, visible bool) {
	for _, m := range members {
		if actor.EmployeeID != "" && m.EmployeeID == actor.EmployeeID {
			return true, true
		}
		visible = visible || reach.HasEmployee(m.EmployeeID, m.OPDID)
	}
	return false, visible
}

// WorkTeam returns a tim kerja as its page shows it, to those who may see it.
func (a *App) WorkTeam(ctx context.Context, actor model.Actor, id string) (TeamView, error) {
	t, err := a.store.Team(ctx, id)
	if err != nil {
		return TeamView{}, err
	}
	hidden := fmt.Errorf("team %s: %w", id, model.ErrNotFound)
	if t.InstansiID != actor.InstansiID {
		return TeamView{}, hidden
	}
	members, err := a.store.TeamMemberships(ctx, t.InstansiID, 0, t.ID)
	if err != nil {
		return TeamView{}, err
	}
	reach, err := a.Reach(ctx, actor, authz.ReadSKP)
	if err != nil {
		return TeamView{}, err
	}
	member, visible := seesTeam(actor, reach, members)
	if !visible {
		return TeamView{}, hidden
	}
	v := TeamView{Team: t, Member: member, Can: teamRights(actor, t, member)}
	var rhk []string
	for _, m := range t.Members {
		if m.RHKID != "" {
			rhk = append(rhk, m.RHKID)
		}
		if member && m.EmployeeID == actor.EmployeeID {
			v.MyRHKID = m.RHKID
		}
	}
	today := a.Today(ctx, actor.InstansiID).Time()
	month := model.Date(time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	if v.Progress, err = a.store.ProgressTotals(ctx, rhk, month, a.Today(ctx, actor.InstansiID)); err != nil {
		return v, err
	}
	if v.Recent, v.RecentNext, err = a.recentPage(ctx, t, ""); err != nil {
		return v, err
	}
	if v.Kudos, v.KudosNext, err = a.kudosPage(ctx, t.ID, ""); err != nil {
		return v, err
	}
	if member {
		e, err := a.store.Employee(ctx, actor.EmployeeID)
		if err != nil {
			return v, err
		}
		if f, ok, err := a.skpInForceOn(ctx, e.InstansiID, e.ID, a.Today(ctx, e.InstansiID)); err != nil {
			return v, err
		} else if ok {
			v.MyRHK = f.RHK
		}
	}
	return v, nil
}

// WorkTeams lists the teams of a year the actor is in, or, for
// administrators, those they may see: every team for BKPSDM and leaders,
// the teams with someone of their OPD for an OPD admin.
func (a *App) WorkTeams(ctx context.Context, actor model.Actor, year int) ([]TeamItem, error) {
	reach, err := a.Reach(ctx, actor, authz.ReadSKP)
	if err != nil {
		return nil, err
	}
	var teams []model.Team
	member := map[string]bool{}
	if reach.Kind >= ReachOPD {
		if teams, err = a.store.Teams(ctx, actor.InstansiID, year, ""); err != nil {
			return nil, err
		}
		all, err := a.store.TeamMemberships(ctx, actor.InstansiID, year, "")
		if err != nil {
			return nil, err
		}
		byTeam := map[string][]store.TeamMembership{}
		for _, m := range all {
			byTeam[m.TeamID] = append(byTeam[m.TeamID], m)
		}
		seen := teams[:0]
		for _, t := range teams {
			in, visible := seesTeam(actor, reach, byTeam[t.ID])
			if visible {
				seen, member[t.ID] = append(seen, t), in
			}
		}
		teams = seen
	} else if actor.EmployeeID != "" {
		if teams, err = a.store.Teams(ctx, actor.InstansiID, year, actor.EmployeeID); err != nil {
			return nil, err
		}
		for _, t := range teams {
			member[t.ID] = true
		}
	}
	out := make([]TeamItem, 0, len(teams))
	for _, t := range teams {
		out = append(out, TeamItem{Team: t, Can: teamRights(actor, t, member[t.ID])})
	}
	return out, nil
}

// AddTeamMemberByNIP adds the employee with a NIP to a team, as the team
// page's form names them.
func (a *App) AddTeamMemberByNIP(ctx context.Context, actor model.Actor, teamID, nip string) error {
	e, err := a.store.EmployeeByNIP(ctx, actor.InstansiID, strings.TrimSpace(nip))
	if IsNotFound(err) {
		return model.Invalid("nip", "team.err.nip")
	}
	if err != nil {
		return err
	}
	return a.AddTeamMember(ctx, actor, teamID, e.ID)
}

// AddTeamMember adds someone of the instansi to a team: the lead (or an
// administrator) does.
func (a *App) AddTeamMember(ctx context.Context, actor model.Actor, teamID, employeeID string) error {
	v, err := a.WorkTeam(ctx, actor, teamID)
	if err != nil {
		return err
	}
	if !v.Can.AddMember {
		return forbidden("add members to a team one does not lead")
	}
	e, err := a.store.Employee(ctx, employeeID)
	if err != nil || e.InstansiID != actor.InstansiID {
		return model.Invalid("employee_id", "invalid.field.employee.notininstansi")
	}
	if slices.ContainsFunc(v.Team.Members, func(m model.TeamMember) bool { return m.EmployeeID == employeeID }) {
		return model.Refused("conflict.team.member.already", e.FullName())
	}
	if err := a.refuseClosed(ctx, e); err != nil {
		return err
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := tx.AddTeamMember(ctx, teamID, employeeID); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: actor.InstansiID, EmployeeID: employeeID, Kind: "team.member",
			Args: []string{v.Team.Name, short(v.Team.Goal, 140)},
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
	if !v.Can.Link {
		return forbidden("link an RHK to a team one is not in")
	}
	if rhkID != "" && !slices.ContainsFunc(v.MyRHK, func(r model.RHK) bool { return r.ID == rhkID }) {
		return model.Invalid("rhk_id", "invalid.team.rhk.pick")
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.LinkTeamRHK(ctx, teamID, actor.EmployeeID, rhkID) })
}

// GiveKudos sends a thank-you or an offer of help to another member.
func (a *App) GiveKudos(ctx context.Context, actor model.Actor, teamID, toID, kind, body string) (model.Kudos, error) {
	v, err := a.WorkTeam(ctx, actor, teamID)
	if err != nil {
		return model.Kudos{}, err
	}
	if !v.Can.Kudos {
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
	from, err := a.store.Employee(ctx, actor.EmployeeID)
	if err != nil {
		return model.Kudos{}, err
	}
	k := model.Kudos{TeamID: teamID, FromID: actor.EmployeeID, FromName: from.Name, ToID: toID, ToName: to.Name, Kind: kind, Body: body}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if k, err = tx.CreateKudos(ctx, k); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: actor.InstansiID, EmployeeID: toID, Kind: "team." + kind,
			Args: []string{from.FullName(), v.Team.Name, short(body, 200)}, Link: "/tim/" + teamID})
	})
	return k, err
}

// KudosPageSize is how many kudos a page of a team's kudos holds.
const KudosPageSize = 30

// KudosPage is one page of a team's kudos, newest first, and the cursor
// of the next ("" on the last).
type KudosPage struct {
	Items      []model.Kudos
	NextCursor string
}

// TeamKudos returns the page of a team's kudos after cursor (a NextCursor
// of the page before) to those who may see the team; a cursor that names
// no kudos of the team is refused (field "cursor").
func (a *App) TeamKudos(ctx context.Context, actor model.Actor, teamID, cursor string) (KudosPage, error) {
	if _, err := a.WorkTeam(ctx, actor, teamID); err != nil {
		return KudosPage{}, err
	}
	if cursor != "" {
		ok, err := a.store.KudosInTeam(ctx, teamID, cursor)
		if err != nil {
			return KudosPage{}, err
		}
		if !ok {
			return KudosPage{}, model.Invalid("cursor", "invalid.cursor.next")
		}
	}
	var p KudosPage
	var err error
	p.Items, p.NextCursor, err = a.kudosPage(ctx, teamID, cursor)
	return p, err
}

// RecentPageSize is how many of a team's latest entries a page shows.
const RecentPageSize = 20

// recentPage reads a page of the entries on the members' linked RHK,
// newest first, after cursor.
func (a *App) recentPage(ctx context.Context, t model.Team, cursor string) ([]model.Progress, string, error) {
	var people, rhk []string
	for _, m := range t.Members {
		people = append(people, m.EmployeeID)
		if m.RHKID != "" {
			rhk = append(rhk, m.RHKID)
		}
	}
	if len(rhk) == 0 {
		return nil, "", nil
	}
	list, err := a.store.ProgressList(ctx, store.ProgressFilter{InstansiID: t.InstansiID, EmployeeIDs: people, RHKIDs: rhk,
		Cursor: cursor, Limit: RecentPageSize + 1})
	if err != nil || len(list) <= RecentPageSize {
		return list, "", err
	}
	list = list[:RecentPageSize]
	return list, list[RecentPageSize-1].ID, nil
}

// TeamRecent returns a page of a team's entries on its members' linked RHK
// after cursor (the RecentNext of the page before), to those who may see
// the team.
func (a *App) TeamRecent(ctx context.Context, actor model.Actor, teamID, cursor string) ([]model.Progress, string, error) {
	v, err := a.WorkTeam(ctx, actor, teamID)
	if err != nil {
		return nil, "", err
	}
	if cursor != "" && !isID(cursor) {
		return nil, "", model.Invalid("cursor", "invalid.cursor.next")
	}
	return a.recentPage(ctx, v.Team, cursor)
}

// kudosPage reads a page of KudosPageSize kudos after cursor.
func (a *App) kudosPage(ctx context.Context, teamID, cursor string) ([]model.Kudos, string, error) {
	list, err := a.store.TeamKudos(ctx, teamID, KudosPageSize+1, cursor)
	if err != nil || len(list) <= KudosPageSize {
		return list, "", err
	}
	list = list[:KudosPageSize]
	return list, list[KudosPageSize-1].ID, nil
}
