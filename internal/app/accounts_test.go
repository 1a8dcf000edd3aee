package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
	"github.com/kinerja-id/kinerja/internal/store/storetest"
)

// opdAdmin makes the Kabid of Kominfo its OPD admin and signs them in.
func (e env) opdAdmin(t *testing.T) model.Actor {
	t.Helper()
	if err := e.a.GrantRole(context.Background(), e.admin, storetest.NIPKabid, model.RoleOPDAdmin, "KOMINFO"); err != nil {
		t.Fatal(err)
	}
	return e.login(t, storetest.NIPKabid, "rahasia-kabid")
}

func invalidOn(err error, field string) bool {
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	_, ok := ve.Fields[field]
	return ok
}

func TestImportedEmployeeActivatesTheirAccount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		opd := e.opdAdmin(t)

		page, err := e.a.Accounts(ctx, opd, app.AccountFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if page.OPDID != e.o.Kominfo.ID || page.Whole {
			t.Fatalf("an OPD admin's accounts page shows OPD %q (whole %v), want Kominfo only", page.OPDID, page.Whole)
		}
		var rudi *app.AccountView
		for i, v := range page.Items {
			if v.Employee.ID == e.o.Nurse.ID || v.Employee.ID == e.o.Kadinkes.ID || v.Employee.ID == e.o.WaliKota.ID {
				t.Errorf("%s, outside Kominfo, is listed", v.Employee.Name)
			}
			if v.Employee.ID == e.o.Staff3.ID {
				rudi = &page.Items[i]
			}
		}
		if rudi == nil || rudi.Status != app.AccountNone || !rudi.Can.Create || rudi.Can.IssueLink {
			t.Fatalf("Rudi, without an account, is listed as %+v", rudi)
		}

		l, err := e.a.CreateAccount(ctx, opd, e.o.Staff3.ID)
		if err != nil {
			t.Fatal(err)
		}
		if l.Purpose != model.LinkActivation || l.User.Username != storetest.NIPStaff3 || l.Token == "" ||
			!l.ExpiresAt.Equal(e.clock.now().Add(app.AdminLinkTTL)) {
			t.Fatalf("issued link %+v", l)
		}
		if _, err := e.a.CreateAccount(ctx, opd, e.o.Staff3.ID); refusedKey(err) != "conflict.account.exists" {
			t.Errorf("a second account for Rudi: %v, want a state conflict", err)
		}
		// Without a password nobody signs in to the new account.
		if _, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff3, Password: "", Kind: "web"}); err == nil {
			t.Error("the account signed in before activation")
		}
		v, err := e.a.Account(ctx, opd, l.User.ID)
		if err != nil || v.Status != app.AccountPending || v.LinkExpires.IsZero() {
			t.Fatalf("the new account: %+v, %v", v, err)
		}

		info, err := e.a.AccountLink(ctx, l.Token)
		if err != nil || info.Username != storetest.NIPStaff3 || info.Purpose != model.LinkActivation {
			t.Fatalf("link info %+v, %v", info, err)
		}
		if _, err := e.a.ActivateAccount(ctx, app.ActivateRequest{Token: l.Token, Password: "pendek"}); !invalidOn(err, "password") {
			t.Errorf("a short password: %v, want a field error on password", err)
		}
		res, err := e.a.ActivateAccount(ctx, app.ActivateRequest{Token: l.Token, Password: "sawah lunto indah", Kind: "web"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Token == "" || res.Actor.EmployeeID != e.o.Staff3.ID {
			t.Fatalf("activation signed in %+v", res.Actor)
		}
		if _, err := e.a.ActivateAccount(ctx, app.ActivateRequest{Token: l.Token, Password: "kata sandi lain"}); !invalidOn(err, "token") {
			t.Errorf("the link used twice: %v, want a field error on token", err)
		}
		e.login(t, storetest.NIPStaff3, "sawah lunto indah")

		entries, err := s.AuditEntries(ctx, model.AuditFilter{InstansiID: e.o.Instansi.ID, EntityType: "user", EntityID: l.User.ID})
		if err != nil {
			t.Fatal(err)
		}
		actions := map[string]bool{}
		for _, en := range entries {
			actions[en.Action] = true
			for _, secret := range []string{l.Token, app.TokenHash(l.Token)} {
				if strings.Contains(en.Before+en.After, secret) {
					t.Errorf("audit entry %s holds the link's token or its hash", en.Action)
				}
			}
		}
		for _, want := range []string{"user.create", "user.link_issue", "user.link_use", "user.password_reset"} {
			if !actions[want] {
				t.Errorf("no %s in the audit log: %v", want, actions)
			}
		}
	})
}

func TestAccountsStayWithinTheAdministratorsReach(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		opd := e.opdAdmin(t)
		nurse, err := s.UserByEmployee(ctx, e.o.Nurse.ID)
		if err != nil {
			t.Fatal(err)
		}
		staff1, err := s.UserByEmployee(ctx, e.o.Staff1.ID)
		if err != nil {
			t.Fatal(err)
		}
		admin, err := s.UserByUsername(ctx, "admin")
		if err != nil {
			t.Fatal(err)
		}

		// Another OPD's employees and accounts are not found.
		if _, err := e.a.CreateAccount(ctx, opd, e.o.Kadinkes.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an account for another OPD's employee: %v, want not found", err)
		}
		if _, err := e.a.IssueAccountLink(ctx, opd, nurse.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a link for another OPD's account: %v, want not found", err)
		}
		if _, err := e.a.IssueAccountLink(ctx, opd, admin.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a link for BKPSDM's account: %v, want not found", err)
		}
		if _, err := e.a.Accounts(ctx, opd, app.AccountFilter{OPDID: e.o.Dinkes.ID}); !invalidOn(err, "opd") {
			t.Errorf("the accounts of another OPD: %v, want a field error", err)
		}
		// An employee's own account is not someone else's to manage.
		staff := e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if _, err := e.a.Accounts(ctx, staff, app.AccountFilter{}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("an ASN lists accounts: %v, want forbidden", err)
		}
		if e.a.Menu(staff).Accounts || !e.a.Menu(opd).Accounts || !e.a.Menu(e.admin).Accounts {
			t.Error("the menu's Akun does not follow who runs accounts")
		}

		// An OPD admin grants opd_admin of their OPD, nothing wider.
		if err := e.a.SetAccountRoles(ctx, opd, staff1.ID, []model.RoleGrant{{Role: model.RoleOPDAdmin}}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.User(ctx, staff1.ID); len(got.Grants) != 1 || got.Grants[0].UnitID != e.o.Kominfo.ID {
			t.Errorf("staff1's grants %+v, want opd_admin of Kominfo", got.Grants)
		}
		for _, g := range []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}, {Role: model.RoleLeader}, {Role: model.RoleOPDAdmin, UnitID: e.o.Dinkes.ID}, {Role: model.RoleASN}} {
			if err := e.a.SetAccountRoles(ctx, opd, staff1.ID, []model.RoleGrant{g}); !invalidOn(err, "roles") {
				t.Errorf("an OPD admin grants %+v: %v, want a field error", g, err)
			}
		}
		kabid, _ := s.UserByEmployee(ctx, e.o.Kabid.ID)
		if err := e.a.SetAccountRoles(ctx, opd, kabid.ID, nil); !invalidOn(err, "roles") {
			t.Errorf("an OPD admin drops their own role: %v, want a field error", err)
		}

		// An account holding a role wider than the OPD admin's is BKPSDM's.
		if err := e.a.SetAccountRoles(ctx, e.admin, staff1.ID, []model.RoleGrant{{Role: model.RoleBKPSDMAdmin}}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.IssueAccountLink(ctx, opd, staff1.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("an OPD admin resets a BKPSDM admin's password: %v, want not found", err)
		}
		page, err := e.a.Accounts(ctx, opd, app.AccountFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range page.Items {
			if v.Employee.ID == e.o.Staff1.ID && (v.Can.IssueLink || v.Can.Roles) {
				t.Errorf("the list offers an OPD admin to run a BKPSDM admin's account: %+v", v.Can)
			}
		}
		// BKPSDM grants every role but system_admin.
		if err := e.a.SetAccountRoles(ctx, e.admin, staff1.ID, []model.RoleGrant{{Role: model.RoleSystemAdmin}}); !invalidOn(err, "roles") {
			t.Errorf("BKPSDM grants system_admin: %v, want a field error", err)
		}
		v, err := e.a.Account(ctx, e.admin, nurse.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range v.RoleOptions {
			if o.Grant.Role == model.RoleSystemAdmin {
				t.Error("BKPSDM is offered system_admin")
			}
		}
		if len(v.RoleOptions) == 0 || v.RoleOptions[0].Grant != (model.RoleGrant{Role: model.RoleOPDAdmin, UnitID: e.o.Dinkes.ID}) {
			t.Errorf("the nurse's first role option %+v, want opd_admin of Dinkes", v.RoleOptions)
		}
	})
}

func TestAResetLinkEndsTheOtherSessionsAndOnlyTheNewestWorks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		opd := e.opdAdmin(t)
		res, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", Kind: "web"})
		if err != nil {
			t.Fatal(err)
		}
		staff1, _ := s.UserByEmployee(ctx, e.o.Staff1.ID)
		first, err := e.a.IssueAccountLink(ctx, opd, staff1.ID)
		if err != nil || first.Purpose != model.LinkReset {
			t.Fatalf("first link %+v, %v", first, err)
		}
		second, err := e.a.IssueAccountLink(ctx, e.admin, staff1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.AccountLink(ctx, first.Token); !invalidOn(err, "token") {
			t.Errorf("the replaced link: %v, want a field error on token", err)
		}
		// The old password keeps working until the link is used.
		e.login(t, storetest.NIPStaff1, "rahasia-staf1")
		if _, err := e.a.ActivateAccount(ctx, app.ActivateRequest{Token: second.Token, Password: "kata sandi baru sekali", Kind: "api"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.Authenticate(ctx, res.Token, ""); !errors.Is(err, model.ErrUnauthenticated) {
			t.Errorf("the session open before the reset: %v, want it ended", err)
		}
		if _, err := e.a.Login(ctx, app.LoginRequest{Username: storetest.NIPStaff1, Password: "rahasia-staf1", Kind: "web"}); err == nil {
			t.Error("the old password still signs in")
		}

		late, err := e.a.IssueAccountLink(ctx, opd, staff1.ID)
		if err != nil {
			t.Fatal(err)
		}
		e.clock.add(app.AdminLinkTTL + time.Minute)
		if _, err := e.a.ActivateAccount(ctx, app.ActivateRequest{Token: late.Token, Password: "kata sandi terlambat"}); !invalidOn(err, "token") {
			t.Errorf("an expired link: %v, want a field error on token", err)
		}
		if _, err := e.a.AccountLink(ctx, "bukan-tautan"); !invalidOn(err, "token") {
			t.Errorf("an unknown token: %v, want a field error on token", err)
		}
	})
}

type sentMail struct{ to, subject, body string }

type fakeMailer struct {
	sent chan sentMail
}

func (m *fakeMailer) Send(_ context.Context, to, subject, body string) error {
	m.sent <- sentMail{to, subject, body}
	return nil
}

func TestForgottenPasswordByEmail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		if e.a.ResetByEmail() {
			t.Fatal("reset by e-mail offered without a mailer")
		}
		if err := e.a.RequestPasswordReset(ctx, storetest.NIPStaff1, "203.0.113.9"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("a reset by e-mail without a mailer: %v, want not found", err)
		}
		staff := e.o.Staff1
		staff.Email = "andi@kominfo.example.go.id"
		if err := s.Write(ctx, e.admin, func(tx *store.Tx) error { _, err := tx.UpdateEmployee(ctx, staff); return err }); err != nil {
			t.Fatal(err)
		}
		m := &fakeMailer{sent: make(chan sentMail, 4)}
		e.a.UseMailer(m, "https://kinerja.example.go.id/")
		staff1, _ := s.UserByEmployee(ctx, staff.ID)
		printed, err := e.a.IssueAccountLink(ctx, e.admin, staff1.ID)
		if err != nil {
			t.Fatal(err)
		}

		// An unknown account is answered the same, and nothing is sent.
		if err := e.a.RequestPasswordReset(ctx, "199999999999999999", "203.0.113.9"); err != nil {
			t.Fatalf("unknown account: %v", err)
		}
		if err := e.a.RequestPasswordReset(ctx, storetest.NIPStaff1, "203.0.113.9"); err != nil {
			t.Fatal(err)
		}
		var mail sentMail
		select {
		case mail = <-m.sent:
		case <-time.After(30 * time.Second):
			t.Fatal("no reset e-mail was sent")
		}
		if mail.to != staff.Email {
			t.Errorf("the reset went to %q", mail.to)
		}
		_, link, ok := strings.Cut(mail.body, "https://kinerja.example.go.id/aktivasi?token=")
		if !ok {
			t.Fatalf("the e-mail has no link:\n%s", mail.body)
		}
		token := strings.Fields(link)[0]
		// Asking by e-mail does not void the slip an administrator printed.
		if _, err := e.a.AccountLink(ctx, printed.Token); err != nil {
			t.Errorf("the printed link after an e-mailed one: %v", err)
		}
		if _, err := e.a.ActivateAccount(ctx, app.ActivateRequest{Token: token, Password: "dari e-mail saja", Kind: "web"}); err != nil {
			t.Fatal(err)
		}
		e.login(t, storetest.NIPStaff1, "dari e-mail saja")
		if _, err := e.a.AccountLink(ctx, printed.Token); !invalidOn(err, "token") {
			t.Errorf("the printed link after the password was set by e-mail: %v, want a field error on token", err)
		}
		select {
		case extra := <-m.sent:
			t.Errorf("an e-mail for the unknown account: %+v", extra)
		default:
		}
	})
}

// The example of issue 9 (second round): BKPSDM ends the employment of a
// Kominfo staff member; the Kominfo admin, who still reads their record,
// found no account of theirs in the accounts list. The list reaches an
// ended person by the rule reading the record follows: the OPD they left.
func TestAccountsReachWhoLeftTheOPD(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := setup(t, s)
		ctx := context.Background()
		sys := model.SystemActor(e.o.Instansi.ID, "test")
		for _, name := range []string{"kominfo", "dinkes"} {
			unit := map[string]string{"kominfo": e.o.Kominfo.ID, "dinkes": e.o.Dinkes.ID}[name]
			if _, err := e.a.CreateUser(ctx, sys, app.NewUser{Username: "admin." + name, Password: "rahasia-" + name,
				Roles: []model.RoleGrant{{Role: model.RoleOPDAdmin, UnitID: unit}}}); err != nil {
				t.Fatal(err)
			}
		}
		kominfo, dinkes := e.login(t, "admin.kominfo", "rahasia-kominfo"), e.login(t, "admin.dinkes", "rahasia-dinkes")
		if _, err := e.a.EndEmployment(ctx, e.admin, app.EndEmploymentRequest{EmployeeID: e.o.Staff1.ID,
			Kind: model.EndPensiun, Date: "2026-02-15", Decree: "SK-9"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.EmployeeRecord(ctx, kominfo, e.o.Staff1.ID); err != nil {
			t.Fatalf("the Kominfo admin no longer reads the record: %v", err)
		}
		p, err := e.a.Accounts(ctx, kominfo, app.AccountFilter{Query: "Andi Pratama"})
		if err != nil || len(p.Items) != 1 || p.Total != 1 || p.Items[0].User == nil || p.Items[0].Status != app.AccountDisabled {
			t.Fatalf("the Kominfo admin's list = %+v, %v", p, err)
		}
		v, err := e.a.Account(ctx, kominfo, p.Items[0].User.ID)
		if err != nil || v.Employee.ID != e.o.Staff1.ID || v.Can.IssueLink || v.Can.Roles {
			t.Errorf("the Kominfo admin's account view = %+v, %v", v, err)
		}
		// Inactive only, as the page filters them.
		if p, err := e.a.Accounts(ctx, kominfo, app.AccountFilter{InactiveOnly: true}); err != nil || len(p.Items) != 1 {
			t.Errorf("ended people of Kominfo = %+v, %v", p.Items, err)
		}
		// Not another OPD's admin, nor BKPSDM's list of another OPD.
		if p, err := e.a.Accounts(ctx, dinkes, app.AccountFilter{Query: "Andi Pratama"}); err != nil || len(p.Items) != 0 {
			t.Errorf("the Dinkes admin's list = %+v, %v", p.Items, err)
		}
		if _, err := e.a.Account(ctx, dinkes, v.User.ID); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("the Dinkes admin reads the account: %v", err)
		}
		if p, err := e.a.Accounts(ctx, e.admin, app.AccountFilter{OPDID: e.o.Dinkes.ID, Query: "Andi"}); err != nil || len(p.Items) != 0 {
			t.Errorf("BKPSDM's Dinkes list = %+v, %v", p.Items, err)
		}
		if p, err := e.a.Accounts(ctx, e.admin, app.AccountFilter{OPDID: e.o.Kominfo.ID, Query: "Andi"}); err != nil || len(p.Items) != 1 {
			t.Errorf("BKPSDM's Kominfo list = %+v, %v", p.Items, err)
		}
		// A cancelled end puts him back in his unit, listed once.
		if err := e.a.CancelEmploymentEnd(ctx, e.admin, e.o.Staff1.ID); err != nil {
			t.Fatal(err)
		}
		if p, err := e.a.Accounts(ctx, kominfo, app.AccountFilter{Query: "Andi Pratama"}); err != nil || len(p.Items) != 1 || !p.Items[0].Employee.Active {
			t.Errorf("after the cancellation = %+v, %v", p.Items, err)
		}
	})
}
