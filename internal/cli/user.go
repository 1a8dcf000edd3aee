package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

func runUser(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 {
		return usageError{"user needs a subcommand: create, reset-password, grant, revoke, list"}
	}
	sub := args[0]
	fs := newFlagSet("user "+sub, env)
	db := dbFlag(fs, env)
	username := fs.String("username", "", "username (an ASN's is their NIP)")
	nip := fs.String("nip", "", "create: link the account to the employee with this NIP")
	name := fs.String("name", "", "create: display name of a staff account")
	role := fs.String("role", "", "role: opd_admin, bkpsdm_admin, leader, auditor, system_admin")
	unit := fs.String("unit", "", "unit code of the OPD of an opd_admin")
	instansi := fs.String("instansi", "", "instansi id, when the database holds several")
	pwStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	switch {
	case sub == "create" && *username == "" && *nip == "":
		return usageError{"user create needs --username or --nip"}
	case sub == "reset-password" && *username == "":
		return usageError{"user reset-password needs --username"}
	case (sub == "grant" || sub == "revoke") && (*username == "" || *role == ""):
		return usageError{"user " + sub + " needs --username and --role"}
	case sub != "create" && sub != "reset-password" && sub != "grant" && sub != "revoke" && sub != "list":
		return usageError{fmt.Sprintf("unknown user subcommand %q (create, reset-password, grant, revoke, list)", sub)}
	}
	a, err := openApp(ctx, *db, slog.New(slog.NewTextHandler(io.Discard, nil)), false)
	if err != nil {
		return err
	}
	defer a.Close()
	in, err := a.SoleInstansi(ctx, *instansi)
	if err != nil {
		return err
	}
	actor := model.SystemActor(in.ID, "cli")

	readPassword := func() (string, error) {
		if !*pwStdin {
			return "", usageError{"give the password on standard input with --password-stdin"}
		}
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", fmt.Errorf("read password from standard input: %w", err)
		}
		return strings.TrimRight(line, "\r\n"), nil
	}

	switch sub {
	case "create":
		pw, err := readPassword()
		if err != nil {
			return err
		}
		n := app.NewUser{InstansiID: in.ID, Username: *username, DisplayName: *name, EmployeeNIP: *nip, Password: pw}
		if *role != "" {
			n.Roles = []model.RoleGrant{{Role: model.Role(*role)}}
			n.UnitCode = *unit
		}
		u, err := a.CreateUser(ctx, actor, n)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "created user %s (%s)\n", u.Username, u.DisplayName)
	case "reset-password":
		pw, err := readPassword()
		if err != nil {
			return err
		}
		if err := a.ResetPassword(ctx, actor, *username, pw); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "password of %s changed; their sessions were revoked\n", *username)
	case "grant", "revoke":
		if sub == "grant" {
			err = a.GrantRole(ctx, actor, *username, model.Role(*role), *unit)
		} else {
			err = a.RevokeRole(ctx, actor, *username, model.Role(*role), *unit)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s: %s %s\n", *username, map[string]string{"grant": "granted", "revoke": "revoked"}[sub], *role)
	case "list":
		users, err := a.StaffUsers(ctx, actor)
		if err != nil {
			return err
		}
		for _, u := range users {
			var roles []string
			for _, g := range u.Grants {
				roles = append(roles, string(g.Role))
			}
			fmt.Fprintf(env.Stdout, "%-24s %-30s %s\n", u.Username, u.DisplayName, strings.Join(roles, ","))
		}
	default:
		return usageError{fmt.Sprintf("unknown user subcommand %q (create, reset-password, grant, revoke, list)", sub)}
	}
	return nil
}
