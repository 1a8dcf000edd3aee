package store

import (
	"context"
	"fmt"

	"github.com/kinerja-id/kinerja/internal/model"
)

// CreateTeam stores a team with its lead as the first member.
func (tx *Tx) CreateTeam(ctx context.Context, t model.Team) (model.Team, error) {
	t.ID, t.CreatedAt = model.NewID(), tx.now
	if _, err := tx.exec(ctx, `INSERT INTO teams (id, instansi_id, year, name, goal, lead_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.InstansiID, t.Year, t.Name, t.Goal, t.LeadID, tx.actor.UserID, formatTime(tx.now)); err != nil {
		return t, fmt.Errorf("create team: %w", err)
	}
	if err := tx.audit(ctx, "team.create", "team", t.ID, nil, map[string]any{"name": t.Name, "goal": t.Goal, "lead_id": t.LeadID, "year": t.Year}); err != nil {
		return t, err
	}
	return t, tx.AddTeamMember(ctx, t.ID, t.LeadID)
}

// AddTeamMember adds a member; adding someone twice is a conflict.
func (tx *Tx) AddTeamMember(ctx context.Context, teamID, employeeID string) error {
	if _, err := tx.exec(ctx, `INSERT INTO team_members (team_id, employee_id, joined_at) VALUES (?, ?, ?)`, teamID, employeeID,
		formatTime(tx.now)); err != nil {
		return fmt.Errorf("add team member: %w", mapError(err))
	}
	return tx.audit(ctx, "team.member.add", "team", teamID, nil, map[string]string{"employee_id": employeeID})
}

// RemoveTeamMember takes a member out of a team.
func (tx *Tx) RemoveTeamMember(ctx context.Context, teamID, employeeID string) error {
	res, err := tx.exec(ctx, `DELETE FROM team_members WHERE team_id = ? AND employee_id = ?`, teamID, employeeID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("team member %s: %w", employeeID, model.ErrNotFound)
	}
	return tx.audit(ctx, "team.member.remove", "team", teamID, map[string]string{"employee_id": employeeID}, nil)
}

// LinkTeamRHK records which RHK of their own a member works on for the
// team ("" to unlink).
func (tx *Tx) LinkTeamRHK(ctx context.Context, teamID, employeeID, rhkID string) error {
	res, err := tx.exec(ctx, `UPDATE team_members SET rhk_id = ? WHERE team_id = ? AND employee_id = ?`, nullable(rhkID), teamID, employeeID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("team member %s: %w", employeeID, model.ErrNotFound)
	}
	return tx.audit(ctx, "team.member.link", "team", teamID, nil, map[string]string{"employee_id": employeeID, "rhk_id": rhkID})
}

// CreateKudos stores a thank-you or an offer of help.
func (tx *Tx) CreateKudos(ctx context.Context, k model.Kudos) (model.Kudos, error) {
	k.ID, k.CreatedAt = model.NewID(), tx.now
	if _, err := tx.exec(ctx, `INSERT INTO team_kudos (id, team_id, from_id, to_id, kind, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		k.ID, k.TeamID, k.FromID, k.ToID, k.Kind, k.Body, formatTime(tx.now)); err != nil {
		return k, fmt.Errorf("create kudos: %w", err)
	}
	return k, tx.audit(ctx, "team.kudos", "team", k.TeamID, nil, map[string]string{"to_id": k.ToID, "kind": k.Kind, "body": k.Body})
}

// Team returns a team with its members.
func (c conn) Team(ctx context.Context, id string) (model.Team, error) {
	var t model.Team
	var created string
	err := c.queryRow(ctx, `SELECT id, instansi_id, year, name, goal, lead_id, created_at FROM teams WHERE id = ?`, id).
		Scan(&t.ID, &t.InstansiID, &t.Year, &t.Name, &t.Goal, &t.LeadID, &created)
	if err != nil {
		return t, notFound(err, "team "+id)
	}
	t.CreatedAt = parseTime(created)
	rows, err := c.query(ctx, `SELECT m.employee_id, e.name, COALESCE(p.name, ''), COALESCE(u.name, ''), m.rhk_id, COALESCE(r.description, ''), m.joined_at
		FROM team_members m JOIN employees e ON e.id = m.employee_id
		LEFT JOIN positions p ON p.id = e.position_id LEFT JOIN units u ON u.id = p.unit_id
		LEFT JOIN rhk r ON r.id = m.rhk_id
		WHERE m.team_id = ? ORDER BY e.name, m.employee_id`, id)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var m model.TeamMember
		var joined string
		if err := rows.Scan(&m.EmployeeID, &m.Name, &m.Position, &m.Unit, nullString{&m.RHKID}, &m.RHKText, &joined); err != nil {
			return t, err
		}
		m.JoinedAt = parseTime(joined)
		t.Members = append(t.Members, m)
	}
	return t, rows.Err()
}

// Teams lists the teams of an instansi and year, or those one employee is
// in when employeeID is given, by name: all of them, since the list is
// shown whole and an API client pages through it.
func (c conn) Teams(ctx context.Context, instansiID string, year int, employeeID string) ([]model.Team, error) {
	q := `SELECT t.id, t.instansi_id, t.year, t.name, t.goal, t.lead_id, t.created_at FROM teams t WHERE t.instansi_id = ? AND t.year = ?`
	args := []any{instansiID, year}
	if employeeID != "" {
		q += ` AND t.id IN (SELECT team_id FROM team_members WHERE employee_id = ?)`
		args = append(args, employeeID)
	}
	rows, err := c.query(ctx, q+` ORDER BY t.name, t.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Team
	for rows.Next() {
		var t model.Team
		var created string
		if err := rows.Scan(&t.ID, &t.InstansiID, &t.Year, &t.Name, &t.Goal, &t.LeadID, &created); err != nil {
			return nil, err
		}
		t.CreatedAt = parseTime(created)
		out = append(out, t)
	}
	return out, rows.Err()
}

// TeamKudos returns a team's thanks and offers of help, newest first: at
// most limit of them, older than the one with id before ("" for the
// newest).
func (c conn) TeamKudos(ctx context.Context, teamID string, limit int, before string) ([]model.Kudos, error) {
	where, args := "k.team_id = ?", []any{teamID}
	if before != "" {
		where, args = where+" AND k.id < ?", append(args, before)
	}
	rows, err := c.query(ctx, `SELECT k.id, k.team_id, k.from_id, f.name, k.to_id, t.name, k.kind, k.body, k.created_at
		FROM team_kudos k JOIN employees f ON f.id = k.from_id JOIN employees t ON t.id = k.to_id
		WHERE `+where+` ORDER BY k.id DESC LIMIT ?`, append(args, clampLimit(limit))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Kudos
	for rows.Next() {
		var k model.Kudos
		var created string
		if err := rows.Scan(&k.ID, &k.TeamID, &k.FromID, &k.FromName, &k.ToID, &k.ToName, &k.Kind, &k.Body, &created); err != nil {
			return nil, err
		}
		k.CreatedAt = parseTime(created)
		out = append(out, k)
	}
	return out, rows.Err()
}

// KudosInTeam reports whether id names a kudos given in team teamID: one
// a page of kudos could have given as its next cursor.
func (c conn) KudosInTeam(ctx context.Context, teamID, id string) (bool, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM team_kudos WHERE team_id = ? AND id = ?`, teamID, id).Scan(&n)
	return n > 0, err
}

// TeamMembership is one member of a team with the OPD of the unit they
// work in now ("" when none), which tells who may see the team.
type TeamMembership struct {
	TeamID, EmployeeID, OPDID string
}

// TeamMemberships lists the members of one team (teamID), or of every
// team of an instansi's year (teamID ""), with their OPDs, in one query.
func (c conn) TeamMemberships(ctx context.Context, instansiID string, year int, teamID string) ([]TeamMembership, error) {
	q := `SELECT m.team_id, m.employee_id, COALESCE(u.opd_id, '')
		FROM team_members m JOIN teams t ON t.id = m.team_id JOIN employees e ON e.id = m.employee_id
		LEFT JOIN positions p ON p.id = e.position_id LEFT JOIN units u ON u.id = p.unit_id
		WHERE t.instansi_id = ?`
	args := []any{instansiID}
	if teamID != "" {
		q += ` AND m.team_id = ?`
		args = append(args, teamID)
	} else {
		q += ` AND t.year = ?`
		args = append(args, year)
	}
	rows, err := c.query(ctx, q+` ORDER BY m.team_id, m.employee_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("team members: %w", err)
	}
	defer rows.Close()
	var out []TeamMembership
	for rows.Next() {
		var m TeamMembership
		if err := rows.Scan(&m.TeamID, &m.EmployeeID, &m.OPDID); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
