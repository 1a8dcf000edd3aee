package app_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

var cheap = &app.PasswordParams{Memory: 64, Time: 1, Threads: 1}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type env struct {
	a     *app.App
	o     storetest.Org
	clock *clock
	admin model.Actor
}

func setup(t *testing.T, s *store.Store) env {
	t.Helper()
	ctx := context.Background()
	o := storetest.SeedOrg(t, s)
	c := &clock{t: time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)}
	a := app.New(s, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{Password: cheap, Now: c.now})
	sys := model.SystemActor(o.Instansi.ID, "test")
	for _, n := range []app.NewUser{
		{Username: "admin", DisplayName: "Admin BKPSDM", Password: "rahasia-admin", Roles: []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}},
		{EmployeeNIP: storetest.NIPStaff1, Password: "rahasia-staf1"},
		{EmployeeNIP: storetest.NIPStaff2, Password: "rahasia-staf2"},
		{EmployeeNIP: storetest.NIPKabid, Password: "rahasia-kabid"},
		{EmployeeNIP: storetest.NIPNurse, Password: "rahasia-nurse"},
	} {
		if _, err := a.CreateUser(ctx, sys, n); err != nil {
			t.Fatalf("create user %s%s: %v", n.Username, n.EmployeeNIP, err)
		}
	}
	e := env{a: a, o: o, clock: c}
	e.admin = e.login(t, "admin", "rahasia-admin")
	return e
}

func (e env) login(t *testing.T, user, pw string) model.Actor {
	t.Helper()
	res, err := e.a.Login(context.Background(), app.LoginRequest{Username: user, Password: pw, Kind: "web", IP: "198.51.100.7"})
	if err != nil {
		t.Fatalf("login %s: %v", user, err)
	}
	if res.Token == "" || res.Session.TokenHash == res.Token {
		t.Fatalf("login %s gave token %q, session %+v", user, res.Token, res.Session)
	}
	actor, err := e.a.Authenticate(context.Background(), res.Token, "198.51.100.7")
	if err != nil {
		t.Fatalf("authenticate %s: %v", user, err)
	}
	return actor
}

func TestLoginAndRoles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if !slices.Equal(staff.RoleNames(), []string{"asn"}) || staff.EmployeeID != e.o.Staff1.ID {
			t.Errorf("staff actor = %+v", staff)
		}
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		if !slices.Equal(kabid.RoleNames(), []string{"asn", "supervisor"}) {
			t.Errorf("kabid roles = %v", kabid.RoleNames())
		}
		if !slices.Equal(e.admin.RoleNames(), []string{"bkpsdm_admin"}) {
			t.Errorf("admin roles = %v", e.admin.RoleNames())
		}
	})
}

func TestAddressLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		var err error
		for i := 0; i < 31; i++ {
			_, err = e.a.Login(ctx, app.LoginRequest{Username: "guess" + string(rune('a'+i%26)) + string(rune('a'+i/26)), Password: "x", IP: "203.0.113.9"})
		}
		if !errors.Is(err, model.ErrRateLimited) {
			t.Fatalf("31st failure from one address: %v", err)
		}
	})
}

func TestSessionsRevokeAndExpire(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		first, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", Kind: "web"})
		if err != nil {
			t.Fatal(err)
		}
		second, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", Kind: "api"})
		if err != nil {
			t.Fatal(err)
		}
		me, _ := e.a.Authenticate(ctx, second.Token, "")
		list, err := e.a.Sessions(ctx, me, me.UserID)
		if err != nil || len(list) != 2 {
			t.Fatalf("sessions = %d, %v", len(list), err)
		}
		// Another ASN may neither list nor revoke them.
		other := e.login(t, storetest.NIPStaff2, "rahasia-staf2")
		if _, err := e.a.Sessions(ctx, other, me.UserID); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("a colleague listed sessions: %v", err)
		}
		if err := e.a.RevokeSession(ctx, other, first.Session.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a colleague revoked a session: %v", err)
		}
		if err := e.a.RevokeSession(ctx, me, first.Session.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.Authenticate(ctx, first.Token, ""); !errors.Is(err, model.ErrUnauthenticated) {
			t.Errorf("a revoked token still works: %v", err)
		}
		// The admin can revoke it too.
		if err := e.a.RevokeSession(ctx, e.admin, second.Session.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.Authenticate(ctx, second.Token, ""); !errors.Is(err, model.ErrUnauthenticated) {
			t.Errorf("a token revoked by the admin still works: %v", err)
		}
		// Web sessions expire.
		third, _ := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", Kind: "web"})
		e.clock.add(app.WebSessionTTL + time.Minute)
		if _, err := e.a.Authenticate(ctx, third.Token, ""); !errors.Is(err, model.ErrUnauthenticated) {
			t.Errorf("an expired session still works: %v", err)
		}
		if _, err := e.a.Authenticate(ctx, "garbage", ""); !errors.Is(err, model.ErrUnauthenticated) {
			t.Errorf("garbage token: %v", err)
		}
		entries, _ := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "session", EntityID: first.Session.ID})
		if len(entries) != 2 || entries[0].Action != "session.revoke" {
			t.Errorf("session audit = %+v", entries)
		}
	})
}

func TestPasswordChangeAndReset(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		other, _ := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1"})
		me := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		var v *model.ValidationError
		if err := e.a.ChangePassword(ctx, me, "salah", "kata-sandi-baru"); !errors.As(err, &v) {
			t.Errorf("wrong current password: %v", err)
		}
		if err := e.a.ChangePassword(ctx, me, "rahasia-staf1", "pendek"); !errors.As(err, &v) {
			t.Errorf("short password: %v", err)
		}
		if err := e.a.ChangePassword(ctx, me, "rahasia-staf1", "kata-sandi-baru"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.Authenticate(ctx, other.Token, ""); !errors.Is(err, model.ErrUnauthenticated) {
			t.Error("other sessions survived a password change")
		}
		e.login(t, storetest.NIPStaff1, "kata-sandi-baru")

		staff := e.login(t, storetest.NIPStaff2, "rahasia-staf2")
		if err := e.a.ResetPassword(ctx, staff, storetest.NIPStaff1, "dibobol-orang"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN reset a password: %v", err)
		}
		if err := e.a.ResetPassword(ctx, e.admin, storetest.NIPStaff1, "dari-admin-123"); err != nil {
			t.Fatal(err)
		}
		e.login(t, storetest.NIPStaff1, "dari-admin-123")
	})
}

func TestDisabledAccount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		res, _ := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPNurse, Password: "rahasia-nurse"})
		u, _ := s.UserByUsername(ctx, storetest.NIPNurse)
		if err := s.Write(ctx, e.admin, func(tx *store.Tx) error { return tx.SetDisabled(ctx, u.ID, true) }); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.Authenticate(ctx, res.Token, ""); !errors.Is(err, model.ErrUnauthenticated) {
			t.Error("a disabled account's session still works")
		}
		if _, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPNurse, Password: "rahasia-nurse"}); !errors.Is(err, model.ErrUnauthenticated) {
			t.Errorf("a disabled account signed in: %v", err)
		}
	})
}

func TestEmployeeRecordAccess(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		staff1 := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		kabid := e.login(t, storetest.NIPKabid, "rahasia-kabid")
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		cases := []struct {
			name   string
			actor  model.Actor
			target model.Employee
			full   bool
		}{
			{"own record", staff1, e.o.Staff1, true},
			{"a colleague", staff1, e.o.Staff2, false},
			{"the boss", staff1, e.o.Kabid, false},
			{"a team member", kabid, e.o.Staff1, true},
			{"outside the line", kabid, e.o.Nurse, false},
			{"another OPD", nurse, e.o.Staff1, false},
			{"the admin", e.admin, e.o.Nurse, true},
		}
		for _, c := range cases {
			d, err := e.a.Employee(ctx, c.actor, c.target.ID)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if d.Full != c.full {
				t.Errorf("%s: Full = %v, want %v", c.name, d.Full, c.full)
			}
			if !c.full && (d.Employee.BirthDate != "" || len(d.Placements) != 0) {
				t.Errorf("%s: personal data leaked: %+v", c.name, d.Employee)
			}
			if c.full && (d.Employee.BirthDate == "" || len(d.Placements) == 0) {
				t.Errorf("%s: full record lacks data: %+v", c.name, d)
			}
		}
		d, _ := e.a.Employee(ctx, staff1, e.o.Staff1.ID)
		if d.Rater == nil || d.Rater.ID != e.o.Kabid.ID || d.UpperRater == nil || d.UpperRater.ID != e.o.Kadis.ID {
			t.Errorf("raters of staff1 = %+v / %+v", d.Rater, d.UpperRater)
		}
		team, _ := e.a.Team(ctx, kabid)
		if len(team) != 2 {
			t.Errorf("kabid's team = %d people, want 2", len(team))
		}
		if _, err := e.a.Audit(ctx, staff1, model.AuditFilter{}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN read the audit log: %v", err)
		}
		if got, err := e.a.Audit(ctx, e.admin, model.AuditFilter{EntityType: "employee"}); err != nil || len(got) < 7 {
			t.Errorf("admin audit = %d entries, %v", len(got), err)
		}
	})
}

func TestRoleGrants(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		if err := e.a.GrantRole(ctx, e.admin, storetest.NIPNurse, model.RoleOPDAdmin, "DINKES"); err != nil {
			t.Fatal(err)
		}
		nurse := e.login(t, storetest.NIPNurse, "rahasia-nurse")
		if !nurse.Has(model.RoleOPDAdmin) {
			t.Fatalf("grant did not take: %v", nurse.Roles)
		}
		var v *model.ValidationError
		if err := e.a.GrantRole(ctx, e.admin, storetest.NIPNurse, model.RoleOPDAdmin, "KOMINFO-APL"); !errors.As(err, &v) {
			t.Errorf("opd_admin of a bidang: %v", err)
		}
		if err := e.a.GrantRole(ctx, e.admin, storetest.NIPNurse, model.RoleSupervisor, ""); !errors.As(err, &v) {
			t.Errorf("granting a derived role: %v", err)
		}
		if err := e.a.GrantRole(ctx, nurse, storetest.NIPStaff1, model.RoleBKPSDMAdmin, ""); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an OPD admin granted bkpsdm_admin: %v", err)
		}
		if err := e.a.RevokeRole(ctx, e.admin, storetest.NIPNurse, model.RoleOPDAdmin, ""); err != nil {
			t.Fatal(err)
		}
		if again := e.login(t, storetest.NIPNurse, "rahasia-nurse"); again.Has(model.RoleOPDAdmin) {
			t.Error("revoke did not take")
		}
	})
}

// Every active session of a user is listed, however many there are, so
// that each can be ended: the list stopped at 200 once.
func TestEverySessionIsListed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		const n = 205
		var me model.Actor
		for i := range n {
			res, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", Kind: "api",
				IP: fmt.Sprintf("198.51.100.%d", i%200)})
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				if me, err = e.a.Authenticate(ctx, res.Token, ""); err != nil {
					t.Fatal(err)
				}
			}
			e.clock.add(time.Second)
		}
		list, err := e.a.Sessions(ctx, me, me.UserID)
		if err != nil || len(list) != n {
			t.Fatalf("%d sessions listed of %d, %v", len(list), n, err)
		}
	})
}
