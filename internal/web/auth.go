package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

type loginPage struct {
	base
	Username string
	Next     string
	Error    string
	Notice   string
}

func (u *ui) showLogin(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	next := safeNext(r.URL.Query().Get("next"))
	if b.Actor != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	if r.URL.Query().Has("lang") {
		setLangCookie(w, r, b.Lang)
	}
	b.Title = b.T("login.title")
	p := loginPage{base: b, Next: next}
	switch {
	case r.URL.Query().Has("habis"):
		p.Error = b.T("login.expired")
	case r.URL.Query().Has("sandi"):
		p.Notice = b.T("login.activated")
	}
	u.render(w, r, http.StatusOK, "login", p)
}

func (u *ui) login(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	b.Title = b.T("login.title")
	if status := formProblem(w, r); status != 0 {
		u.errorPage(w, r, b, status)
		return
	}
	p := loginPage{base: b, Username: r.PostFormValue("username"), Next: safeNext(r.PostFormValue("next"))}
	res, err := u.a.Login(r.Context(), app.LoginRequest{Username: p.Username, Password: r.PostFormValue("password"),
		Kind: "web", IP: httpx.ClientIP(r), UserAgent: r.UserAgent()})
	if err != nil {
		var rl *app.RateLimitError
		var ve *model.ValidationError
		var sf *app.SecondFactorError
		status := http.StatusUnauthorized
		switch {
		case errors.As(err, &sf) && sf.Pending != "":
			toSecondStep(w, r, sf, p.Next)
			return
		case errors.As(err, &rl):
			p.Error = b.T("login.limited", rl.Wait())
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", strconv.Itoa(rl.RetryAfterSeconds()))
		case errors.As(err, &ve):
			p.Error = b.T("login.empty")
			status = http.StatusUnprocessableEntity
		case errors.Is(err, model.ErrUnauthenticated):
			p.Error = b.T("login.failed")
		default:
			u.fail(w, r, b, err)
			return
		}
		u.render(w, r, status, "login", p)
		return
	}
	httpx.SetSessionCookie(w, r, res.Token, int(app.WebSessionTTL.Seconds()))
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
}

func (u *ui) logout(w http.ResponseWriter, r *http.Request) {
	if actor, ok := httpx.ActorFrom(r.Context()); ok {
		if err := u.a.Logout(r.Context(), actor); err != nil {
			u.fail(w, r, u.baseFor(r), err)
			return
		}
	}
	httpx.ClearSessionCookie(w, r)
	http.Redirect(w, r, "/masuk", http.StatusSeeOther)
}

// chooseLanguage switches the language from the header: for a visitor in
// a cookie, for a signed-in user also in their account.
func (u *ui) chooseLanguage(w http.ResponseWriter, r *http.Request) {
	if status := formProblem(w, r); status != 0 {
		u.errorPage(w, r, u.baseFor(r), status)
		return
	}
	lang := locale.Normalize(r.FormValue("lang"))
	setLangCookie(w, r, lang)
	if actor, ok := httpx.ActorFrom(r.Context()); ok {
		if err := u.a.SetLocale(r.Context(), actor, lang); err != nil {
			u.fail(w, r, u.baseFor(r), err)
			return
		}
	}
	http.Redirect(w, r, safeNext(r.FormValue("next")), http.StatusSeeOther)
}

// setLangCookie remembers a visitor's language for a year.
func setLangCookie(w http.ResponseWriter, r *http.Request, lang string) {
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: httpx.Secure(r)})
}
