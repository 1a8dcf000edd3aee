package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/notify"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Accounts an administrator runs. An imported employee has no account:
// an OPD admin (for their OPD's employees) or BKPSDM (for everyone)
// creates one without a password and hands the employee a one-time
// activation link, printed or sent; the employee opens it and sets their
// own password. The same kind of link resets a forgotten password, issued
// by the administrator or, when the server can send e-mail, asked for by
// the user from the sign-in page.
//
// Who grants which role: an OPD admin only opd_admin of their own OPD (a
// second administrator for it), never a role that reaches further; BKPSDM
// every role but system_admin, which only a system administrator grants.
// An administrator runs an account only when every role it holds is one
// they could grant: an OPD admin cannot reset the password of a BKPSDM
// admin who works in their OPD and so take that account over. Nobody
// changes their own roles.

// Lifetimes of the one-time links.
const (
	// AdminLinkTTL: a link an administrator issues is printed or sent by
	// hand and may wait over a weekend.
	AdminLinkTTL = 72 * time.Hour
	// EmailLinkTTL: a link the user asked for by e-mail is used at once.
	EmailLinkTTL = time.Hour
)

// Limits of the e-mail reset: per account and per address in the sign-in
// failure window. Past them the request is dropped, answered the same.
const (
	resetsPerAccount = 3
	resetsPerAddress = 20
)

// UseMailer lets the application send e-mail itself (password reset
// links); baseURL makes their links absolute. Without it, "Lupa kata
// sandi" sends users to their administrator.
func (a *App) UseMailer(m notify.Mailer, baseURL string) {
	a.mailer, a.baseURL = m, strings.TrimRight(baseURL, "/")
}

// PublicURL is the address users reach Kinerja at, when configured.
func (a *App) PublicURL() string { return a.publicURL }

// ResetByEmail reports whether a forgotten password can be reset by an
// e-mailed link.
func (a *App) ResetByEmail() bool { return a.mailer != nil }

// AccountStatus is where an employee's account stands.
type AccountStatus string

// Account statuses.
const (
	AccountNone     AccountStatus = "none"     // the employee has no account
	AccountPending  AccountStatus = "pending"  // created, no password set yet
	AccountActive   AccountStatus = "active"   // a password is set
	AccountDisabled AccountStatus = "disabled" // may not sign in
)

// Key is the message key that names the status.
func (s AccountStatus) Key() string {
	switch s {
	case AccountPending:
		return "account.status.pending"
	case AccountActive:
		return "account.status.active"
	case AccountDisabled:
		return "account.status.disabled"
	}
	return "account.status.none"
}

// AccountRights is what the actor may do with an employee's account now.
type AccountRights struct {
	Create    bool // create the account (the employee has none)
	IssueLink bool // issue a one-time activation or reset link
	Roles     bool // change the roles it holds
	// ResetTOTP: remove the account's second factor (a lost phone); set
	// by Account only.
	ResetTOTP bool
}

// AccountView is an employee with their account, as an administrator of
// accounts sees it.
type AccountView struct {
	Employee model.Employee
	User     *model.User // nil when the employee has no account
	Status   AccountStatus
	// LinkExpires is when the newest link not yet used ends (zero when
	// none is pending).
	LinkExpires time.Time
	Can         AccountRights
	// RoleOptions are the roles the actor may grant or revoke here, each
	// marked when the account holds it (Account only).
	RoleOptions []RoleOption
	// SecondFactor: the account signs in with an authenticator's code
	// (Account only); SecondFactorWaiting: one is enrolled but not yet
	// confirmed.
	SecondFactor, SecondFactorWaiting bool
}

// RoleOption is a role an administrator may grant: opd_admin names its OPD.
type RoleOption struct {
	Grant   model.RoleGrant
	OPDName string
	Held    bool
}

// Value is the option as a form sends it: the role, and for opd_admin
// its OPD after a colon.
func (o RoleOption) Value() string {
	if o.Grant.UnitID != "" {
		return string(o.Grant.Role) + ":" + o.Grant.UnitID
	}
	return string(o.Grant.Role)
}

// ParseRoleGrant reads a RoleOption's Value.
func ParseRoleGrant(s string) model.RoleGrant {
	role, unit, _ := strings.Cut(s, ":")
	return model.RoleGrant{Role: model.Role(role), UnitID: unit}
}

// AccountFilter chooses the employees of the accounts page.
type AccountFilter struct {
	OPDID  string // one OPD; every OPD within reach when empty (BKPSDM)
	Query  string // part of a name or NIP
	Cursor string
	Limit  int
	// ActiveOnly lists only the people employed today, InactiveOnly only
	// those whose employment ended (their accounts disabled); neither:
	// everyone, so that an ended person's account can be found.
	ActiveOnly, InactiveOnly bool
}

// AccountsPage lists employees with their accounts, a page at a time.
type AccountsPage struct {
	OPDs       []model.Unit // the OPDs the actor may choose from
	OPDID      string       // the OPD shown ("" for the whole instansi)
	Whole      bool         // the actor may list the whole instansi
	Items      []AccountView
	NextCursor string
	Total      int // the employees listed on all pages
}

// accountScope is how far an actor runs accounts.
type accountScope struct {
	reach  Reach
	system bool
	units  map[string]model.Unit
	opds   map[string]string // the OPD of each employee seen (see)
}

func (a *App) accountScope(ctx context.Context, actor model.Actor) (accountScope, error) {
	r, err := a.Reach(ctx, actor, authz.ManageAccounts)
	if err != nil {
		return accountScope{}, err
	}
	if r.Kind < ReachOPD {
		return accountScope{}, forbidden("accounts")
	}
	_, list, err := a.org(ctx, actor.InstansiID)
	if err != nil {
		return accountScope{}, err
	}
	s := accountScope{reach: r, system: actor.System || actor.Has(model.RoleSystemAdmin), units: make(map[string]model.Unit, len(list)),
		opds: map[string]string{}}
	for _, u := range list {
		s.units[u.ID] = u
	}
	return s, nil
}

// opdOf is the OPD reach counts an employee in ("" without one): as
// reachOPD says once see has looked the employee up, else their unit's.
func (s accountScope) opdOf(e model.Employee) string {
	if opd, ok := s.opds[e.ID]; ok {
		return opd
	}
	return s.units[e.UnitID].OPDID
}

// see looks up the OPD reach counts an employee in by the rule reading
// their record follows (reachOPD): someone whose employment ended counts
// in the OPD they left, whose admin still finds their account.
func (a *App) see(ctx context.Context, s accountScope, e model.Employee) error {
	if e.ID == "" {
		return nil
	}
	opd, err := a.reachOPD(ctx, e, func(id string) (string, error) { return s.units[id].OPDID, nil })
	s.opds[e.ID] = opd
	return err
}

// mayGrant tells whether the actor may grant (or revoke) g.
func (s accountScope) mayGrant(g model.RoleGrant) bool {
	switch g.Role {
	case model.RoleOPDAdmin:
		return g.UnitID != "" && s.reach.HasOPD(g.UnitID)
	case model.RoleBKPSDMAdmin, model.RoleLeader, model.RoleAuditor:
		return s.reach.Whole()
	case model.RoleSystemAdmin:
		return s.system && s.reach.Whole()
	}
	return false
}

// mayRun tells whether the actor runs u's account: its employee within
// reach (an account of no employee: the whole instansi) and every role it
// holds one the actor could grant.
func (s accountScope) mayRun(u model.User, opdID string) bool {
	if u.InstansiID != s.reach.InstansiID {
		return false
	}
	if !s.reach.Whole() && (u.EmployeeID == "" || !s.reach.HasOPD(opdID)) {
		return false
	}
	for _, g := range u.Grants {
		if !s.mayGrant(g) {
			return false
		}
	}
	return true
}

// rightsOf is what the actor may do with an employee's account.
func (s accountScope) rightsOf(actor model.Actor, e model.Employee, u *model.User) AccountRights {
	opd := s.opdOf(e)
	if u == nil {
		return AccountRights{Create: e.NIP != "" && e.Active && s.reach.HasOPD(opd)}
	}
	if !s.mayRun(*u, opd) {
		return AccountRights{}
	}
	// No link for the account of a record merged or a person no longer
	// employed (refuseClosed).
	return AccountRights{IssueLink: !u.Disabled && (e.ID == "" || e.Active), Roles: u.ID != actor.UserID && (e.ID == "" || e.Active)}
}

func statusOf(u *model.User) AccountStatus {
	switch {
	case u == nil:
		return AccountNone
	case u.Disabled:
		return AccountDisabled
	case u.PasswordHash == "":
		return AccountPending
	}
	return AccountActive
}

// Accounts lists the employees of an OPD (or, for BKPSDM, of the
// instansi) with their accounts and what the actor may do with each.
func (a *App) Accounts(ctx context.Context, actor model.Actor, f AccountFilter) (AccountsPage, error) {
	s, err := a.accountScope(ctx, actor)
	if err != nil {
		return AccountsPage{}, err
	}
	p := AccountsPage{OPDID: f.OPDID, Whole: s.reach.Whole()}
	for _, u := range s.units {
		if u.ID == u.OPDID && s.reach.HasOPD(u.ID) {
			p.OPDs = append(p.OPDs, u)
		}
	}
	slices.SortFunc(p.OPDs, func(x, y model.Unit) int { return strings.Compare(x.Name, y.Name) })
	if p.OPDID == "" && !s.reach.Whole() && len(p.OPDs) > 0 {
		p.OPDID = p.OPDs[0].ID
	}
	if p.OPDID != "" && !s.reach.HasOPD(p.OPDID) {
		return p, model.Invalid("opd", "invalid.account.opd")
	}
	ef := model.EmployeeFilter{InstansiID: actor.InstansiID, UnitID: p.OPDID, Query: f.Query,
		Cursor: f.Cursor, Limit: f.Limit, ActiveOnly: f.ActiveOnly, InactiveOnly: f.InactiveOnly, Leavers: true}
	page, err := a.store.Employees(ctx, ef)
	if err != nil {
		return p, err
	}
	if p.Total, err = a.employeeTotal(ctx, ef, page); err != nil {
		return p, err
	}
	p.NextCursor = page.NextCursor
	ids := make([]string, len(page.Items))
	for i, e := range page.Items {
		ids[i] = e.ID
	}
	users, err := a.store.UsersByEmployees(ctx, ids)
	if err != nil {
		return p, err
	}
	var userIDs []string
	for _, u := range users {
		userIDs = append(userIDs, u.ID)
	}
	links, err := a.store.PendingLinks(ctx, userIDs, a.Now())
	if err != nil {
		return p, err
	}
	p.Items = make([]AccountView, len(page.Items))
	for i, e := range page.Items {
		if err := a.see(ctx, s, e); err != nil {
			return p, err
		}
		v := AccountView{Employee: e}
		if u, ok := users[e.ID]; ok {
			u.PasswordHash = hiddenHash(u.PasswordHash)
			v.User = &u
			v.LinkExpires = links[u.ID]
		}
		v.Status, v.Can = statusOf(v.User), s.rightsOf(actor, e, v.User)
		p.Items[i] = v
	}
	return p, nil
}

// hiddenHash keeps of a password hash only whether there is one: a read
// model never carries the hash itself.
func hiddenHash(h string) string {
	if h == "" {
		return ""
	}
	return "set"
}

// Account returns one account with what the actor may do with it and the
// roles they may grant there.
func (a *App) Account(ctx context.Context, actor model.Actor, userID string) (AccountView, error) {
	s, err := a.accountScope(ctx, actor)
	if err != nil {
		return AccountView{}, err
	}
	u, e, err := a.accountOf(ctx, s, userID)
	if err != nil {
		return AccountView{}, err
	}
	links, err := a.store.PendingLinks(ctx, []string{u.ID}, a.Now())
	if err != nil {
		return AccountView{}, err
	}
	u.PasswordHash = hiddenHash(u.PasswordHash)
	v := AccountView{Employee: e, User: &u, LinkExpires: links[u.ID], Status: statusOf(&u), Can: s.rightsOf(actor, e, &u)}
	if v.Can.Roles {
		v.RoleOptions = s.roleOptions(u, s.opdOf(e))
	}
	t, has, err := a.userTOTP(ctx, u.ID)
	if err != nil {
		return v, err
	}
	v.SecondFactor, v.SecondFactorWaiting = has && t.Enabled(), has && !t.Enabled()
	// Whoever runs the account resets its second factor, as they would
	// its password.
	v.Can.ResetTOTP = has && s.mayRun(u, s.opdOf(e))
	return v, nil
}

// accountOf loads an account the actor runs, with its employee; any other
// is not found, so that its existence is not revealed.
func (a *App) accountOf(ctx context.Context, s accountScope, userID string) (model.User, model.Employee, error) {
	u, err := a.store.User(ctx, userID)
	if err != nil {
		return u, model.Employee{}, err
	}
	var e model.Employee
	if u.EmployeeID != "" {
		if e, err = a.store.Employee(ctx, u.EmployeeID); err != nil {
			return u, e, err
		}
	}
	if err := a.see(ctx, s, e); err != nil {
		return u, e, err
	}
	if !s.mayRun(u, s.opdOf(e)) {
		return u, e, fmt.Errorf("account %s: %w", userID, model.ErrNotFound)
	}
	return u, e, nil
}

// roleOptions are the roles the actor may grant to u: opd_admin of the
// employee's OPD and of every OPD u already administers, then the
// instansi-wide roles.
func (s accountScope) roleOptions(u model.User, opdID string) []RoleOption {
	var out []RoleOption
	seen := map[model.RoleGrant]bool{}
	add := func(g model.RoleGrant) {
		if seen[g] || !s.mayGrant(g) {
			return
		}
		seen[g] = true
		o := RoleOption{Grant: g, Held: slices.Contains(u.Grants, g)}
		if g.UnitID != "" {
			o.OPDName = s.units[g.UnitID].Name
		}
		out = append(out, o)
	}
	if opdID != "" {
		add(model.RoleGrant{Role: model.RoleOPDAdmin, UnitID: opdID})
	}
	for _, g := range u.Grants {
		if g.Role == model.RoleOPDAdmin {
			add(g)
		}
	}
	for _, r := range []model.Role{model.RoleBKPSDMAdmin, model.RoleLeader, model.RoleAuditor, model.RoleSystemAdmin} {
		add(model.RoleGrant{Role: r})
	}
	return out
}

// IssuedLink is a one-time link just issued: the token is shown once, to
// the administrator who prints or sends it, and only its hash is kept.
type IssuedLink struct {
	Token     string
	Purpose   model.LinkPurpose
	ExpiresAt time.Time
	User      model.User
	Employee  model.Employee
}

// Path is where the link leads on this site.
func (l IssuedLink) Path() string { return ActivationPath + "?token=" + l.Token }

// ActivationPath is the page a one-time link opens.
const ActivationPath = "/aktivasi"

// CreateAccount creates the account of an employee who has none, without
// a password, and issues its activation link. The username is the NIP.
func (a *App) CreateAccount(ctx context.Context, actor model.Actor, employeeID string) (IssuedLink, error) {
	s, err := a.accountScope(ctx, actor)
	if err != nil {
		return IssuedLink{}, err
	}
	e, err := a.store.Employee(ctx, employeeID)
	if err != nil {
		return IssuedLink{}, err
	}
	if err := a.see(ctx, s, e); err != nil {
		return IssuedLink{}, err
	}
	if e.InstansiID != actor.InstansiID || !s.reach.HasOPD(s.opdOf(e)) {
		return IssuedLink{}, fmt.Errorf("employee %s: %w", employeeID, model.ErrNotFound)
	}
	if err := a.refuseClosed(ctx, e); err != nil {
		return IssuedLink{}, err
	}
	if _, err := a.store.UserByEmployee(ctx, e.ID); err == nil {
		return IssuedLink{}, model.Refused("conflict.account.exists", e.FullName())
	} else if !errors.Is(err, model.ErrNotFound) {
		return IssuedLink{}, err
	}
	if !s.rightsOf(actor, e, nil).Create {
		return IssuedLink{}, model.Invalid("employee_id", "invalid.account.cannot", e.FullName())
	}
	if _, err := a.store.UserByUsername(ctx, e.NIP); err == nil {
		return IssuedLink{}, model.Refused("conflict.account.username", e.NIP)
	} else if !errors.Is(err, model.ErrNotFound) {
		return IssuedLink{}, err
	}
	token, hash := newToken()
	l := IssuedLink{Token: token, Purpose: model.LinkActivation, ExpiresAt: a.Now().Add(AdminLinkTTL), Employee: e}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		// Checked again on the record as it is now: an end, a merge or
		// another account made at the same moment is seen.
		if _, err := lockRecord(ctx, tx, e.ID); err != nil {
			return err
		}
		if _, err := tx.UserByEmployee(ctx, e.ID); err == nil {
			return model.Refused("conflict.account.exists", e.FullName())
		} else if !errors.Is(err, model.ErrNotFound) {
			return err
		}
		u, err := tx.CreateUser(ctx, model.User{InstansiID: e.InstansiID, Username: e.NIP, DisplayName: e.FullName(), EmployeeID: e.ID})
		if err != nil {
			return err
		}
		l.User = u
		_, err = tx.IssueAccountLink(ctx, model.AccountLink{UserID: u.ID, Purpose: l.Purpose, TokenHash: hash,
			CreatedBy: actor.UserID, ExpiresAt: l.ExpiresAt})
		return err
	})
	return l, err
}

// IssueAccountLink issues a new one-time link for an account the actor
// runs, revoking the earlier ones: an activation link while no password is
// set, else a reset link.
func (a *App) IssueAccountLink(ctx context.Context, actor model.Actor, userID string) (IssuedLink, error) {
	s, err := a.accountScope(ctx, actor)
	if err != nil {
		return IssuedLink{}, err
	}
	u, e, err := a.accountOf(ctx, s, userID)
	if err != nil {
		return IssuedLink{}, err
	}
	if e.ID != "" {
		if err := a.refuseClosed(ctx, e); err != nil {
			return IssuedLink{}, err
		}
	}
	if !s.rightsOf(actor, e, &u).IssueLink {
		return IssuedLink{}, model.Refused("conflict.account.disabled", u.DisplayName)
	}
	token, hash := newToken()
	l := IssuedLink{Token: token, Purpose: model.LinkReset, ExpiresAt: a.Now().Add(AdminLinkTTL), Employee: e}
	if u.PasswordHash == "" {
		l.Purpose = model.LinkActivation
	}
	u.PasswordHash = hiddenHash(u.PasswordHash)
	l.User = u
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.IssueAccountLink(ctx, model.AccountLink{UserID: u.ID, Purpose: l.Purpose, TokenHash: hash,
			CreatedBy: actor.UserID, ExpiresAt: l.ExpiresAt})
		return err
	})
	return l, err
}

// SetAccountRoles makes the granted roles of an account the given ones:
// each role added or removed must be one the actor may grant, and nobody
// changes their own. An opd_admin without an OPD is of the employee's.
func (a *App) SetAccountRoles(ctx context.Context, actor model.Actor, userID string, roles []model.RoleGrant) error {
	s, err := a.accountScope(ctx, actor)
	if err != nil {
		return err
	}
	u, e, err := a.accountOf(ctx, s, userID)
	if err != nil {
		return err
	}
	if u.ID == actor.UserID {
		return model.Invalid("roles", "invalid.account.roles.self")
	}
	if e.ID != "" {
		if err := a.refuseClosed(ctx, e); err != nil {
			return err
		}
	}
	want := make([]model.RoleGrant, 0, len(roles))
	for _, g := range roles {
		if g.Role == model.RoleOPDAdmin && g.UnitID == "" {
			g.UnitID = s.opdOf(e)
		}
		if g.Role != model.RoleOPDAdmin {
			g.UnitID = ""
		}
		if !g.Role.Grantable() {
			return model.Invalid("roles", "invalid.user.role.grantable", g.Role)
		}
		if g.Role == model.RoleOPDAdmin {
			if unit, ok := s.units[g.UnitID]; !ok || unit.OPDID != unit.ID {
				return model.Invalid("roles", "invalid.account.roles.opd")
			}
		}
		if !s.mayGrant(g) {
			return model.Invalid("roles", "invalid.account.roles.reach", g.Role)
		}
		if !slices.Contains(want, g) {
			want = append(want, g)
		}
	}
	return a.store.Write(ctx, actor, func(tx *store.Tx) error {
		for _, g := range u.Grants {
			if !slices.Contains(want, g) {
				if err := tx.Revoke(ctx, u.ID, g.Role, g.UnitID); err != nil {
					return err
				}
			}
		}
		for _, g := range want {
			if !slices.Contains(u.Grants, g) {
				if err := tx.Grant(ctx, u.ID, g); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// LinkInfo is what the page of a one-time link shows before the password
// is set: whose account and what for.
type LinkInfo struct {
	Purpose   model.LinkPurpose
	Username  string
	Name      string
	ExpiresAt time.Time
}

// AccountLink tells whose account a one-time link sets the password of.
// A link unknown, used, revoked or expired answers a field error on
// "token" that says to ask for a new one.
func (a *App) AccountLink(ctx context.Context, token string) (LinkInfo, error) {
	l, u, err := a.usableLink(ctx, token)
	if err != nil {
		return LinkInfo{}, err
	}
	return LinkInfo{Purpose: l.Purpose, Username: u.Username, Name: u.DisplayName, ExpiresAt: l.ExpiresAt}, nil
}

func (a *App) usableLink(ctx context.Context, token string) (model.AccountLink, model.User, error) {
	expired := model.Invalid("token", "invalid.account.link")
	if token == "" || len(token) > 200 {
		return model.AccountLink{}, model.User{}, expired
	}
	l, err := a.store.AccountLinkByTokenHash(ctx, TokenHash(token))
	if errors.Is(err, model.ErrNotFound) {
		return l, model.User{}, expired
	}
	if err != nil {
		return l, model.User{}, err
	}
	if !l.Usable(a.Now()) {
		return l, model.User{}, expired
	}
	u, err := a.store.User(ctx, l.UserID)
	if err != nil {
		return l, u, err
	}
	if u.Disabled {
		return l, u, expired
	}
	return l, u, nil
}

// ActivateRequest sets a password through a one-time link.
type ActivateRequest struct {
	Token, Password string
	Kind            string // "web" or "api": the session it opens
	IP, UserAgent   string
}

// ActivateAccount sets the password of the link's account, uses up the
// link, ends every other session of the account, and signs the user in;
// an account with a second factor, or that must enrol one, is answered a
// SecondFactorError instead and signs in as usual.
func (a *App) ActivateAccount(ctx context.Context, r ActivateRequest) (LoginResult, error) {
	l, u, err := a.usableLink(ctx, r.Token)
	if err != nil {
		return LoginResult{}, err
	}
	personal, err := a.personalWords(ctx, u)
	if err != nil {
		return LoginResult{}, err
	}
	if err := ValidatePassword(r.Password, personal...); err != nil {
		return LoginResult{}, model.InvalidErr("password", err)
	}
	hash, err := a.HashPassword(r.Password)
	if err != nil {
		return LoginResult{}, err
	}
	actor, err := a.actorFor(ctx, u)
	if err != nil {
		return LoginResult{}, err
	}
	actor.IP = r.IP
	// An account with a second factor, or that must enrol one, is not
	// signed in by a link alone: whoever reads the user's e-mail would
	// pass the second factor. The password is set; the user signs in.
	second, err := a.secondFactorOf(ctx, u)
	if err != nil {
		return LoginResult{}, err
	}
	token, tokenHash := newToken()
	kind, ttl := "web", WebSessionTTL
	if r.Kind == "api" {
		kind, ttl = "api", APISessionTTL
	}
	var sess model.Session
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		if err := tx.UseAccountLink(ctx, l); err != nil {
			return err
		}
		if err := tx.SetPassword(ctx, u.ID, hash, ""); err != nil {
			return err
		}
		if second != "" {
			return nil
		}
		var err error
		sess, err = tx.CreateSession(ctx, model.Session{UserID: u.ID, TokenHash: tokenHash, Kind: kind,
			ExpiresAt: a.Now().Add(ttl), IP: r.IP, UserAgent: truncate(r.UserAgent, 300)})
		return err
	})
	if errors.Is(err, model.ErrConflict) {
		return LoginResult{}, model.Invalid("token", "invalid.account.link")
	}
	if err != nil {
		return LoginResult{}, err
	}
	a.limiter.liftAccount(strings.ToLower(u.Username))
	if second != "" {
		return LoginResult{}, &SecondFactorError{Reason: second}
	}
	actor.SessionID = sess.ID
	return LoginResult{Token: token, Session: sess, Actor: actor}, nil
}

// RequestPasswordReset e-mails a reset link to the address of the
// employee whose account username names, when the server can send e-mail
// and there is such an address. It answers the same whatever happens, so
// that nobody learns from it which accounts exist; the e-mail leaves in
// the background for the same reason.
func (a *App) RequestPasswordReset(ctx context.Context, username, ip string) error {
	username = strings.TrimSpace(username)
	if a.mailer == nil {
		return model.ErrNotFound
	}
	if username == "" {
		return model.Invalid("username", "invalid.login.username")
	}
	now := a.Now()
	if !a.resets.allow("u:"+strings.ToLower(username), resetsPerAccount, now) || !a.resets.allow("ip:"+ip, resetsPerAddress, now) {
		return nil
	}
	u, err := a.store.UserByUsername(ctx, username)
	if errors.Is(err, model.ErrNotFound) || (err == nil && (u.Disabled || u.EmployeeID == "")) {
		return nil
	}
	if err != nil {
		return err
	}
	e, err := a.store.Employee(ctx, u.EmployeeID)
	if err != nil || e.Email == "" {
		return err
	}
	token, hash := newToken()
	actor, err := a.actorFor(ctx, u)
	if err != nil {
		return err
	}
	actor.IP = ip
	purpose := model.LinkReset
	if u.PasswordHash == "" {
		purpose = model.LinkActivation
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		_, err := tx.IssueAccountLink(ctx, model.AccountLink{UserID: u.ID, Purpose: purpose, TokenHash: hash,
			ExpiresAt: a.Now().Add(EmailLinkTTL)})
		return err
	})
	if err != nil {
		return err
	}
	lang := locale.Normalize(u.Locale)
	subject := "[Kinerja] " + locale.T(lang, "account.email.subject")
	body := locale.T(lang, "notif.email.greeting", u.DisplayName) + "\n\n" +
		locale.T(lang, "account.email.body", a.baseURL+ActivationPath+"?token="+token, int(EmailLinkTTL.Minutes())) + "\n"
	mailer, to := a.mailer, e.Email
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if err := mailer.Send(ctx, to, subject, body); err != nil {
			a.log.Error("send password reset e-mail", "user", u.ID, "err", err)
		}
	}()
	return nil
}

// resetCounter counts password-reset requests per key (an account, an
// address) over the last hour, in memory and bounded.
type resetCounter struct {
	mu   sync.Mutex
	hits map[string][]time.Time
}

// resetWindow is how long a reset request counts against its budget.
const resetWindow = time.Hour

// allow records a request for key at now unless key already made max in
// the window, and reports whether it was allowed.
func (c *resetCounter) allow(key string, max int, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.hits == nil || len(c.hits) > 20000 {
		c.hits = map[string][]time.Time{} // a flood forgets, it does not grow
	}
	kept := c.hits[key][:0]
	for _, t := range c.hits[key] {
		if now.Sub(t) < resetWindow {
			kept = append(kept, t)
		}
	}
	if len(kept) >= max {
		c.hits[key] = kept
		return false
	}
	c.hits[key] = append(kept, now)
	return true
}
