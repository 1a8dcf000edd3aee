package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

// accountRoutes are the administrators' accounts pages and the public
// pages that set a password through a one-time link or ask for one.
func (u *ui) accountRoutes(mux *router, page func(string, func(http.ResponseWriter, *http.Request, base) error)) {
	page("GET /akun", u.showAccounts)
	page("POST /akun/buat", u.createAccount)
	page("GET /akun/{id}", u.showAccount)
	page("POST /akun/{id}/tautan", u.issueAccountLink)
	page("POST /akun/{id}/peran", u.setAccountRoles)
	mux.HandleFunc("GET "+app.ActivationPath, u.showActivation)
	mux.HandleFunc("POST "+app.ActivationPath, u.activate)
	mux.HandleFunc("GET /lupa-sandi", u.showForgot)
	mux.HandleFunc("POST /lupa-sandi", u.forgot)
}

type accountsPage struct {
	base
	P        app.AccountsPage
	Query    string
	NextURL  string
	FirstURL string
	Error    string
}

func (u *ui) showAccounts(w http.ResponseWriter, r *http.Request, b base) error {
	q := r.URL.Query()
	p := accountsPage{base: b, Query: cleanParam(q.Get("q"), 200)}
	p.Title, p.Nav = b.T("account.title"), "accounts"
	f := app.AccountFilter{OPDID: q.Get("opd"), Query: p.Query, Cursor: q.Get("cursor"), Limit: 50}
	res, err := u.a.Accounts(r.Context(), *b.Actor, f)
	if err != nil && (f.Cursor != "" || f.OPDID != "") && !errors.Is(err, model.ErrForbidden) {
		// A stale cursor or an OPD out of reach (the address was edited):
		// start again from the first page of the actor's own OPD.
		f.Cursor, f.OPDID = "", ""
		res, err = u.a.Accounts(r.Context(), *b.Actor, f)
	}
	if err != nil {
		return err
	}
	p.P = res
	v := url.Values{}
	if res.OPDID != "" {
		v.Set("opd", res.OPDID)
	}
	if p.Query != "" {
		v.Set("q", p.Query)
	}
	if f.Cursor != "" {
		p.FirstURL = "/akun?" + v.Encode()
	}
	if res.NextCursor != "" {
		v.Set("cursor", res.NextCursor)
		p.NextURL = "/akun?" + v.Encode()
	}
	u.render(w, r, http.StatusOK, "accounts", p)
	return nil
}

// accountLinkPage shows a one-time link just issued, once, to print or
// send.
type accountLinkPage struct {
	base
	L   app.IssuedLink
	URL string
}

func (u *ui) showIssuedLink(w http.ResponseWriter, r *http.Request, b base, l app.IssuedLink) {
	b.Title, b.Nav = b.T("account.link.title"), "accounts"
	u.render(w, r, http.StatusOK, "account_link", accountLinkPage{base: b, L: l, URL: httpx.BaseURL(r, u.a.PublicURL()) + l.Path()})
}

func (u *ui) createAccount(w http.ResponseWriter, r *http.Request, b base) error {
	l, err := u.a.CreateAccount(r.Context(), *b.Actor, r.PostFormValue("employee_id"))
	if err != nil {
		return err
	}
	u.showIssuedLink(w, r, b, l)
	return nil
}

func (u *ui) issueAccountLink(w http.ResponseWriter, r *http.Request, b base) error {
	l, err := u.a.IssueAccountLink(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	u.showIssuedLink(w, r, b, l)
	return nil
}

type accountPage struct {
	base
	A     app.AccountView
	Saved string
	Error string
}

func (u *ui) showAccount(w http.ResponseWriter, r *http.Request, b base) error {
	v, err := u.a.Account(r.Context(), *b.Actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	p := accountPage{base: b, A: v}
	switch r.URL.Query().Get("ok") {
	case "peran":
		p.Saved = b.T("account.roles.saved")
	case "dua-langkah":
		p.Saved = b.T("account.totp.reset.done")
	}
	p.Title, p.Nav = v.User.DisplayName, "accounts"
	u.render(w, r, http.StatusOK, "account", p)
	return nil
}

func (u *ui) setAccountRoles(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	var roles []model.RoleGrant
	for _, v := range r.PostForm["role"] {
		roles = append(roles, app.ParseRoleGrant(v))
	}
	err := u.a.SetAccountRoles(r.Context(), *b.Actor, id, roles)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		v, lerr := u.a.Account(r.Context(), *b.Actor, id)
		if lerr != nil {
			return lerr
		}
		p := accountPage{base: b, A: v}
		for _, msg := range b.Errs(ve) {
			p.Error = msg
		}
		p.Title, p.Nav = v.User.DisplayName, "accounts"
		u.render(w, r, http.StatusUnprocessableEntity, "account", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/akun/"+url.PathEscape(id)+"?ok=peran", http.StatusSeeOther)
	return nil
}

// activationPage sets a password through a one-time link.
type activationPage struct {
	base
	Token   string
	Info    app.LinkInfo
	Invalid bool // the link is unknown, used or expired
	Error   string
}

func (u *ui) showActivation(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	p := activationPage{base: b, Token: cleanParam(r.URL.Query().Get("token"), 200)}
	status := http.StatusOK
	info, err := u.a.AccountLink(r.Context(), p.Token)
	var ve *model.ValidationError
	switch {
	case errors.As(err, &ve):
		p.Invalid, status = true, http.StatusNotFound
	case err != nil:
		u.fail(w, r, b, err)
		return
	}
	p.Info = info
	p.Title = b.T("account.activate.title")
	if info.Purpose == model.LinkReset {
		p.Title = b.T("account.reset.title")
	}
	u.render(w, r, status, "activate", p)
}

func (u *ui) activate(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	if status := formProblem(w, r); status != 0 {
		u.errorPage(w, r, b, status)
		return
	}
	token := r.PostFormValue("token")
	res, err := u.a.ActivateAccount(r.Context(), app.ActivateRequest{Token: token, Password: r.PostFormValue("password"),
		Kind: "web", IP: httpx.ClientIP(r), UserAgent: r.UserAgent()})
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		p := activationPage{base: b, Token: token}
		p.Title = b.T("account.activate.title")
		errs := b.Errs(ve)
		if _, bad := errs["token"]; bad {
			p.Invalid = true
		} else {
			p.Info, _ = u.a.AccountLink(r.Context(), token)
			p.Error = errs["password"]
		}
		u.render(w, r, http.StatusUnprocessableEntity, "activate", p)
		return
	}
	var sf *app.SecondFactorError
	if errors.As(err, &sf) {
		// The password is set; an account with a second factor signs in
		// with it as usual.
		http.Redirect(w, r, "/masuk?sandi=1", http.StatusSeeOther)
		return
	}
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	httpx.SetSessionCookie(w, r, res.Token, int(app.WebSessionTTL.Seconds()))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// forgotPage is "Lupa kata sandi": a form that e-mails a reset link when
// the server can send e-mail, else who to ask.
type forgotPage struct {
	base
	ByEmail  bool
	Sent     bool
	Username string
	Error    string
}

func (u *ui) showForgot(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	b.Title = b.T("account.forgot.title")
	u.render(w, r, http.StatusOK, "forgot", forgotPage{base: b, ByEmail: u.a.ResetByEmail()})
}

func (u *ui) forgot(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	b.Title = b.T("account.forgot.title")
	if status := formProblem(w, r); status != 0 {
		u.errorPage(w, r, b, status)
		return
	}
	p := forgotPage{base: b, ByEmail: u.a.ResetByEmail(), Username: r.PostFormValue("username")}
	if !p.ByEmail {
		u.render(w, r, http.StatusOK, "forgot", p)
		return
	}
	err := u.a.RequestPasswordReset(r.Context(), p.Username, httpx.ClientIP(r))
	var ve *model.ValidationError
	switch {
	case errors.As(err, &ve):
		p.Error = b.Errs(ve)["username"]
		u.render(w, r, http.StatusUnprocessableEntity, "forgot", p)
		return
	case err != nil:
		u.fail(w, r, b, err)
		return
	}
	p.Sent = true
	u.render(w, r, http.StatusOK, "forgot", p)
}
