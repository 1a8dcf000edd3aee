package app

import (
	"context"
	"strings"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// NewUser describes an account to create. For an ASN, give EmployeeNIP: the
// username becomes the NIP and the name the employee's.
type NewUser struct {
	InstansiID  string
	Username    string
	DisplayName string
	EmployeeNIP string
	Password    string
	Roles       []model.RoleGrant
	// UnitCode names, by its code, the OPD of the roles that have none
	// (an opd_admin's).
	UnitCode string
}

// HashPassword hashes with the application's cost.
func (a *App) HashPassword(pw string) (string, error) { return HashPassword(pw, a.hashCost) }

// CreateUser creates an account.
func (a *App) CreateUser(ctx context.Context, actor model.Actor, n NewUser) (model.User, error) {
	if n.InstansiID == "" {
		n.InstansiID = actor.InstansiID
	}
	if !authz.Can(actor, authz.ManageUsers, authz.Target{InstansiID: n.InstansiID}) {
		return model.User{}, forbidden("create user")
	}
	var v model.ValidationError
	v.CheckText("username", n.Username, false)
	v.CheckText("display_name", n.DisplayName, false)
	if err := v.Err(); err != nil {
		return model.User{}, err
	}
	if err := ValidatePassword(n.Password, n.Username, n.DisplayName, n.EmployeeNIP); err != nil {
		return model.User{}, model.InvalidErr("password", err)
	}
	if n.UnitCode != "" {
		unitID, err := a.opdByCode(ctx, n.InstansiID, n.UnitCode)
		if err != nil {
			return model.User{}, err
		}
		for i := range n.Roles {
			if n.Roles[i].UnitID == "" {
				n.Roles[i].UnitID = unitID
			}
		}
	}
	hash, err := a.hashPassword(ctx, n.Password)
	if err != nil {
		return model.User{}, err
	}
	var u model.User
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		u = model.User{InstansiID: n.InstansiID, Username: strings.TrimSpace(n.Username), DisplayName: n.DisplayName, PasswordHash: hash}
		if n.EmployeeNIP != "" {
			e, err := tx.EmployeeByNIP(ctx, n.InstansiID, n.EmployeeNIP)
			if err != nil {
				return model.Invalid("nip", "invalid.user.nip.unknown", n.EmployeeNIP)
			}
			u.EmployeeID, u.Username, u.DisplayName = e.ID, e.NIP, e.FullName()
		}
		if u.DisplayName == "" {
			u.DisplayName = u.Username
		}
		var err error
		if u, err = tx.CreateUser(ctx, u); err != nil {
			return err
		}
		for _, g := range n.Roles {
			if err := tx.Grant(ctx, u.ID, g); err != nil {
				return err
			}
		}
		return nil
	})
	return u, err
}

// ResetPassword sets a new password for username and revokes their sessions.
func (a *App) ResetPassword(ctx context.Context, actor model.Actor, username, password string) error {
	u, err := a.store.UserByUsername(ctx, username)
	if err != nil {
		return err
	}
	if !authz.Can(actor, authz.ManageUsers, authz.Target{InstansiID: u.InstansiID}) {
		return forbidden("reset password")
	}
	personal, err := a.personalWords(ctx, u)
	if err != nil {
		return err
	}
	if err := ValidatePassword(password, personal...); err != nil {
		return model.InvalidErr("password", err)
	}
	hash, err := a.hashPassword(ctx, password)
	if err != nil {
		return err
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error { return tx.SetPassword(ctx, u.ID, hash, "") })
}

// GrantRole gives username a role; unitCode names the OPD of an opd_admin.
func (a *App) GrantRole(ctx context.Context, actor model.Actor, username string, role model.Role, unitCode string) error {
	return a.changeRole(ctx, actor, username, role, unitCode, true)
}

// RevokeRole takes a role from username.
func (a *App) RevokeRole(ctx context.Context, actor model.Actor, username string, role model.Role, unitCode string) error {
	return a.changeRole(ctx, actor, username, role, unitCode, false)
}

func (a *App) changeRole(ctx context.Context, actor model.Actor, username string, role model.Role, unitCode string, grant bool) error {
	u, err := a.store.UserByUsername(ctx, username)
	if err != nil {
		return err
	}
	if !authz.Can(actor, authz.ManageUsers, authz.Target{InstansiID: u.InstansiID}) {
		return forbidden("change roles")
	}
	g := model.RoleGrant{Role: role}
	if unitCode != "" {
		if g.UnitID, err = a.opdByCode(ctx, u.InstansiID, unitCode); err != nil {
			return err
		}
	}
	actor.InstansiID = u.InstansiID
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if grant {
			return tx.Grant(ctx, u.ID, g)
		}
		return tx.Revoke(ctx, u.ID, g.Role, g.UnitID)
	})
}

// Users lists the staff accounts (those with granted roles).
func (a *App) StaffUsers(ctx context.Context, actor model.Actor) ([]model.User, error) {
	if !authz.Can(actor, authz.ManageUsers, authz.Target{InstansiID: actor.InstansiID}) {
		return nil, forbidden("users")
	}
	return a.store.StaffUsers(ctx, actor.InstansiID)
}

// opdByCode finds the perangkat daerah of an instansi by its unit code.
func (a *App) opdByCode(ctx context.Context, instansiID, code string) (string, error) {
	unit, err := a.store.UnitByCode(ctx, instansiID, code)
	if err != nil {
		return "", model.Invalid("unit", "invalid.user.unit.unknown", code)
	}
	if unit.OPDID != unit.ID {
		return "", model.Invalid("unit", "invalid.user.unit.notopd", unit.Name)
	}
	return unit.ID, nil
}
