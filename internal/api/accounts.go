package api

import (
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

// accountRoutes are the accounts administrators run (an OPD admin for
// their OPD's employees, BKPSDM for all) and the public routes that set a
// password through a one-time link or ask for one by e-mail.
func accountRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/users", summary: "Employees of an OPD (BKPSDM: of the instansi) with their accounts, a page at a time", handle: (*handler).accounts,
			doc: op{tag: "accounts", query: []string{"opd", "q", "active", "limit", "cursor"}, response: "AccountList", errors: []int{403, 422}}},
		{method: "POST", path: "/api/v1/users", summary: "Create the account of an employee without one (username: the NIP, no password) and issue its one-time activation link", handle: (*handler).createAccount,
			doc: op{tag: "accounts", body: "AccountCreate", response: "IssuedLink", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "GET", path: "/api/v1/users/{id}", summary: "One account the actor runs, with the roles they may grant there", handle: (*handler).account,
			doc: op{tag: "accounts", params: []string{"id"}, response: "Account", errors: []int{403, 404}}},
		{method: "POST", path: "/api/v1/users/{id}/activation", summary: "Issue a new one-time link (activation while no password is set, else reset); earlier links stop working", handle: (*handler).issueAccountLink,
			doc: op{tag: "accounts", params: []string{"id"}, response: "IssuedLink", status: 201, errors: []int{403, 404, 409, 422}}},
		{method: "PUT", path: "/api/v1/users/{id}/roles", summary: "Set the granted roles of an account (each added or removed one must be the actor's to grant)", handle: (*handler).setAccountRoles,
			doc: op{tag: "accounts", params: []string{"id"}, body: "AccountRoles", response: "Account", errors: []int{403, 404, 422}}},
		{method: "POST", path: "/api/v1/auth/activate", summary: "Set the password through a one-time link's token and sign in; every other session of the account ends. An account with a second factor is not signed in by the link: the password is set and the answer is 401 otp-required (403 totp-enrolment-required where one must be enrolled); sign in with POST /auth/login", public: true, handle: (*handler).activate,
			doc: op{tag: "auth", body: "ActivateRequest", response: "LoginResponse", errors: []int{401, 403, 422}}},
		{method: "POST", path: "/api/v1/auth/password-reset", summary: "E-mail a reset link to the account's address; answers 204 whether or not the account exists (404 when the server sends no e-mail)", public: true, handle: (*handler).requestPasswordReset,
			doc: op{tag: "auth", body: "PasswordResetRequest", status: 204, errors: []int{404, 422}}},
	}
}

type accountCan struct {
	Create    bool `json:"create"`
	IssueLink bool `json:"issue_link"`
	Roles     bool `json:"roles"`
	ResetTOTP bool `json:"reset_totp"`
}

type roleGrantJSON struct {
	Role   string  `json:"role"`
	UnitID *string `json:"unit_id"`
}

type roleOptionJSON struct {
	roleGrantJSON
	OPDName string `json:"opd_name"`
	Held    bool   `json:"held"`
}

type accountJSON struct {
	ID          *string          `json:"id"`
	Username    *string          `json:"username"`
	Name        string           `json:"name"`
	EmployeeID  *string          `json:"employee_id"`
	NIP         string           `json:"nip"`
	UnitName    string           `json:"unit_name"`
	Status      string           `json:"status"`
	Roles       []roleGrantJSON  `json:"roles"`
	LinkExpires *time.Time       `json:"link_expires_at"`
	RoleOptions []roleOptionJSON `json:"role_options,omitempty"`
	// SecondFactor is set for one account only (GET /users/{id}).
	SecondFactor *string    `json:"second_factor,omitempty"`
	Can          accountCan `json:"can"`
}

func accountOf(v app.AccountView) accountJSON {
	out := accountJSON{Name: v.Employee.FullName(), EmployeeID: ptr(v.Employee.ID), NIP: v.Employee.NIP, UnitName: v.Employee.UnitName,
		Status: string(v.Status), Roles: []roleGrantJSON{},
		Can: accountCan{Create: v.Can.Create, IssueLink: v.Can.IssueLink, Roles: v.Can.Roles, ResetTOTP: v.Can.ResetTOTP}}
	if v.User != nil {
		out.ID, out.Username, out.Name = ptr(v.User.ID), ptr(v.User.Username), v.User.DisplayName
		for _, g := range v.User.Grants {
			out.Roles = append(out.Roles, roleGrantJSON{Role: string(g.Role), UnitID: ptr(g.UnitID)})
		}
	}
	if !v.LinkExpires.IsZero() {
		t := v.LinkExpires.UTC()
		out.LinkExpires = &t
	}
	for _, o := range v.RoleOptions {
		out.RoleOptions = append(out.RoleOptions, roleOptionJSON{roleGrantJSON: roleGrantJSON{Role: string(o.Grant.Role), UnitID: ptr(o.Grant.UnitID)},
			OPDName: o.OPDName, Held: o.Held})
	}
	return out
}

func (h *handler) accounts(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	search, cursor, limit, err := searchParams(r)
	if err != nil {
		return err
	}
	active, inactive, ok := model.ActiveFilter(r.URL.Query().Get("active"))
	if !ok {
		return model.Invalid("active", "invalid.field.active")
	}
	page, err := h.a.Accounts(r.Context(), actor, app.AccountFilter{OPDID: r.URL.Query().Get("opd"), Query: search, Cursor: cursor,
		Limit: limit, ActiveOnly: active, InactiveOnly: inactive})
	if err != nil {
		return err
	}
	out := pageWithTotal[accountJSON](page.NextCursor, page.Total)
	for _, v := range page.Items {
		out.Items = append(out.Items, accountOf(v))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) account(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	v, err := h.a.Account(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	out := accountOf(v)
	second := "off"
	switch {
	case v.SecondFactor:
		second = "on"
	case v.SecondFactorWaiting:
		second = "waiting"
	}
	out.SecondFactor = &second
	return writeJSON(w, http.StatusOK, out)
}

type issuedLinkJSON struct {
	UserID    string    `json:"user_id"`
	Username  string    `json:"username"`
	Name      string    `json:"name"`
	Purpose   string    `json:"purpose"`
	Token     string    `json:"token"`
	URL       string    `json:"url"`
	ExpiresAt time.Time `json:"expires_at"`
}

func (h *handler) issuedLink(w http.ResponseWriter, r *http.Request, l app.IssuedLink) error {
	base := httpx.BaseURL(r, h.a.PublicURL())
	return writeJSON(w, http.StatusCreated, issuedLinkJSON{UserID: l.User.ID, Username: l.User.Username, Name: l.User.DisplayName,
		Purpose: string(l.Purpose), Token: l.Token, URL: base + l.Path(), ExpiresAt: l.ExpiresAt.UTC()})
}

type accountCreate struct {
	EmployeeID string `json:"employee_id"`
}

func (h *handler) createAccount(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req accountCreate
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if req.EmployeeID == "" {
		return model.Invalid("employee_id", "invalid.account.employee")
	}
	l, err := h.a.CreateAccount(r.Context(), actor, req.EmployeeID)
	if err != nil {
		return err
	}
	return h.issuedLink(w, r, l)
}

func (h *handler) issueAccountLink(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	l, err := h.a.IssueAccountLink(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	return h.issuedLink(w, r, l)
}

type accountRoles struct {
	Roles []struct {
		Role   string `json:"role"`
		UnitID string `json:"unit_id"`
	} `json:"roles"`
}

func (h *handler) setAccountRoles(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req accountRoles
	if err := decode(w, r, &req); err != nil {
		return err
	}
	roles := make([]model.RoleGrant, len(req.Roles))
	for i, g := range req.Roles {
		roles[i] = model.RoleGrant{Role: model.Role(g.Role), UnitID: g.UnitID}
	}
	id := r.PathValue("id")
	if err := h.a.SetAccountRoles(r.Context(), actor, id, roles); err != nil {
		return err
	}
	v, err := h.a.Account(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, accountOf(v))
}

type activateRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

func (h *handler) activate(w http.ResponseWriter, r *http.Request, _ model.Actor) error {
	var req activateRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	res, err := h.a.ActivateAccount(r.Context(), app.ActivateRequest{Token: req.Token, Password: req.Password, Kind: "api",
		IP: httpx.ClientIP(r), UserAgent: userAgent(r)})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"token": res.Token, "expires_at": res.Session.ExpiresAt.UTC(), "user": userOf(res.Actor)})
}

type passwordResetRequest struct {
	Username string `json:"username"`
}

func (h *handler) requestPasswordReset(w http.ResponseWriter, r *http.Request, _ model.Actor) error {
	var req passwordResetRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := h.a.RequestPasswordReset(r.Context(), req.Username, httpx.ClientIP(r)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func accountSchemas() map[string]any {
	roles := enum("opd_admin", "bkpsdm_admin", "leader", "auditor", "system_admin")
	grant := obj([]string{"role", "unit_id"}, map[string]any{"role": roles,
		"unit_id": map[string]any{"type": []string{"string", "null"}, "description": "The OPD of an opd_admin"}})
	option := obj([]string{"role", "unit_id", "opd_name", "held"}, map[string]any{"role": roles,
		"unit_id": map[string]any{"type": []string{"string", "null"}}, "opd_name": str(), "held": map[string]any{"type": "boolean"}})
	account := obj([]string{"id", "username", "name", "employee_id", "nip", "unit_name", "status", "roles", "link_expires_at", "can"}, map[string]any{
		"id": nullable("string"), "username": nullable("string"), "name": str(), "employee_id": nullable("string"), "nip": str(), "unit_name": str(),
		"status":          map[string]any{"type": "string", "enum": []string{"none", "pending", "active", "disabled"}, "description": "none: no account; pending: no password set yet"},
		"roles":           map[string]any{"type": "array", "items": grant, "description": "Granted roles (asn and supervisor follow the records)"},
		"link_expires_at": map[string]any{"type": []string{"string", "null"}, "format": "date-time", "description": "When the newest unused one-time link ends"},
		"role_options":    map[string]any{"type": "array", "items": option, "description": "The roles the actor may grant here (one account only)"},
		"second_factor":   map[string]any{"type": "string", "enum": []string{"off", "waiting", "on"}, "description": "The account's TOTP authenticator (one account only): waiting means enrolled but not confirmed"},
		"can": canSchemaOf("What the signed-in user may do with this account now", map[string]string{
			"create": "create the account (the employee has none)", "issue_link": "issue a one-time activation or reset link",
			"roles": "change its granted roles", "reset_totp": "reset its second factor (DELETE /users/{id}/totp)"}),
	})
	return map[string]any{
		"Account":       account,
		"AccountList":   withTotal(listOf("Account")),
		"AccountCreate": obj([]string{"employee_id"}, map[string]any{"employee_id": str()}),
		"AccountRoles": obj([]string{"roles"}, map[string]any{"roles": map[string]any{"type": "array", "items": obj([]string{"role"}, map[string]any{
			"role": roles, "unit_id": map[string]any{"type": "string", "description": "The OPD of an opd_admin; the employee's when absent"}})}}),
		"IssuedLink": obj([]string{"user_id", "username", "name", "purpose", "token", "url", "expires_at"}, map[string]any{
			"user_id": str(), "username": str(), "name": str(), "purpose": enum("activation", "reset"),
			"token":      map[string]any{"type": "string", "description": "Shown once; only its hash is kept"},
			"url":        map[string]any{"type": "string", "description": "The page where the user sets their password, to print or send"},
			"expires_at": map[string]any{"type": "string", "format": "date-time"}}),
		"ActivateRequest":      obj([]string{"token", "password"}, map[string]any{"token": str(), "password": map[string]any{"type": "string", "minLength": 8}}),
		"PasswordResetRequest": obj([]string{"username"}, map[string]any{"username": map[string]any{"type": "string", "description": "NIP for an ASN"}}),
	}
}
