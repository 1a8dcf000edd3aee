package model

import "time"

// Role is a granted role. "asn" belongs to every account linked to an
// employee and "supervisor" to every pejabat penilai: both are derived, never
// stored as grants.
type Role string

// Roles as the API names them.
const (
	RoleASN         Role = "asn"
	RoleSupervisor  Role = "supervisor"
	RoleOPDAdmin    Role = "opd_admin"
	RoleBKPSDMAdmin Role = "bkpsdm_admin"
	RoleLeader      Role = "leader"
	RoleAuditor     Role = "auditor"
	RoleSystemAdmin Role = "system_admin"
)

// GrantableRoles are the roles an administrator can grant or revoke.
var GrantableRoles = []Role{RoleOPDAdmin, RoleBKPSDMAdmin, RoleLeader, RoleAuditor, RoleSystemAdmin}

// Grantable reports whether r can be granted (it is not derived).
func (r Role) Grantable() bool {
	for _, g := range GrantableRoles {
		if g == r {
			return true
		}
	}
	return false
}

// RoleGrant is a role held by a user; UnitID scopes an opd_admin to one OPD.
type RoleGrant struct {
	Role   Role
	UnitID string
}

// User is an account. An ASN's username is their NIP.
type User struct {
	ID           string
	InstansiID   string
	Username     string
	DisplayName  string
	EmployeeID   string // empty for staff accounts
	PasswordHash string
	Locale       string // "id" or "en"
	Disabled     bool
	CreatedAt    time.Time
	Grants       []RoleGrant
}

// Session is a signed-in session, from the web (a cookie) or the API (a
// bearer token). Only the SHA-256 of the token is stored.
type Session struct {
	ID         string
	UserID     string
	TokenHash  string
	Kind       string // "web" or "api"
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	RevokedAt  time.Time // zero while valid
	IP         string
	UserAgent  string
}

// Active reports whether the session can still be used at now.
func (s Session) Active(now time.Time) bool {
	return s.RevokedAt.IsZero() && now.Before(s.ExpiresAt)
}

// Actor is who performs an action: a user with their effective roles, or
// the system itself (the command line, the demo generator).
type Actor struct {
	UserID     string
	Username   string
	Name       string
	EmployeeID string
	InstansiID string
	Roles      []RoleGrant // granted and derived
	Locale     string
	IP         string
	SessionID  string
	System     bool // the command line or a background job
}

// Has reports whether the actor holds role r (any scope).
func (a Actor) Has(r Role) bool {
	for _, g := range a.Roles {
		if g.Role == r {
			return true
		}
	}
	return false
}

// RoleNames returns the distinct role names, for the API.
func (a Actor) RoleNames() []string {
	seen := map[Role]bool{}
	var out []string
	for _, g := range a.Roles {
		if !seen[g.Role] {
			seen[g.Role] = true
			out = append(out, string(g.Role))
		}
	}
	return out
}

// SystemActor is the actor for the command line and background jobs.
func SystemActor(instansiID, what string) Actor {
	return Actor{UserID: "", Username: "system:" + what, Name: "Sistem (" + what + ")", InstansiID: instansiID, System: true}
}
