package model

import "time"

// TOTP is a user's authenticator (RFC 6238, 30-second steps, six digits):
// the shared secret in base32, when it was turned on (zero while the
// enrolment waits for its first code) and the newest time step whose code
// was accepted (a code is accepted once).
type TOTP struct {
	UserID    string
	Secret    string
	CreatedAt time.Time
	EnabledAt time.Time
	LastStep  int64
}

// Enabled reports whether sign-ins need a code.
func (t TOTP) Enabled() bool { return !t.EnabledAt.IsZero() }

// NeedsSecondFactor reports whether an instansi that requires a second
// factor of its administrators and auditors requires one of u: any
// administrator (of an OPD, of BKPSDM, of the system) or auditor.
func (u User) NeedsSecondFactor() bool {
	for _, g := range u.Grants {
		switch g.Role {
		case RoleOPDAdmin, RoleBKPSDMAdmin, RoleSystemAdmin, RoleAuditor:
			return true
		}
	}
	return false
}
