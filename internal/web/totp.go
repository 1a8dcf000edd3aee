package web

import (
	"bytes"
	"encoding/base64"
	"errors"
	"html/template"
	"image/png"
	"net/http"
	"net/url"
	"strconv"

	"github.com/pquerna/otp"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The second factor on the web (see app/totp.go). A sign-in whose password
// was right but that needs a code goes on at /masuk/kode; one that must
// enrol an authenticator first, at /masuk/aktifkan-kode. Between the two
// steps the browser holds only a pending cookie, scoped to /masuk: it is
// no session, and no other page accepts it. The profile enrols and turns
// the authenticator off; an account administrator resets it; BKPSDM
// requires it on the year page's settings.

// pendingCookie names the half-done sign-in between its two steps.
const pendingCookie = "kinerja_pending"

func (u *ui) totpRoutes(mux *router, page func(string, func(http.ResponseWriter, *http.Request, base) error)) {
	mux.HandleFunc("GET /masuk/kode", u.showSecondStep)
	mux.HandleFunc("POST /masuk/kode", u.secondStep)
	mux.HandleFunc("GET /masuk/aktifkan-kode", u.showEnrolFirst)
	mux.HandleFunc("POST /masuk/aktifkan-kode", u.enrolFirst)
	page("POST /profil/totp", u.startTOTP)
	page("POST /profil/totp/konfirmasi", u.confirmTOTP)
	page("POST /profil/totp/matikan", u.disableTOTP)
	page("POST /akun/{id}/totp/atur-ulang", u.resetTOTP)
	page("POST /tahun/dua-langkah", u.setRequireTOTP)
}

func setPendingCookie(w http.ResponseWriter, r *http.Request, token string) {
	maxAge := int(app.PendingSignInTTL.Seconds())
	if token == "" {
		maxAge = -1
	}
	http.SetCookie(w, &http.Cookie{Name: pendingCookie, Value: token, Path: "/masuk", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: httpx.Secure(r)})
}

func pendingToken(r *http.Request) string {
	if c, err := r.Cookie(pendingCookie); err == nil {
		return c.Value
	}
	return ""
}

// toSecondStep sends a sign-in whose password was right on to its second
// step.
func toSecondStep(w http.ResponseWriter, r *http.Request, sf *app.SecondFactorError, next string) {
	setPendingCookie(w, r, sf.Pending)
	path := "/masuk/kode"
	if sf.Reason == app.SecondFactorEnrol {
		path = "/masuk/aktifkan-kode"
	}
	http.Redirect(w, r, path+"?next="+url.QueryEscape(next), http.StatusSeeOther)
}

// qrImage is the QR code of an otpauth:// URL as a PNG data URL (the
// page's policy allows data: images), drawn by the otp library's
// barcode package; empty when it cannot be drawn (the secret is shown as
// text anyway).
func qrImage(otpauth string) template.URL {
	key, err := otp.NewKeyFromURL(otpauth)
	if err != nil {
		return ""
	}
	img, err := key.Image(240, 240)
	if err != nil {
		return ""
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return ""
	}
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()))
}

// enrolView is an enrolment as a page shows it: the secret, grouped, its
// link and QR code, and the form that confirms it.
type enrolView struct {
	E      app.TOTPEnrolment
	QR     template.URL
	Action string // where the confirming form posts
	Next   string
	Error  string
}

func newEnrolView(e app.TOTPEnrolment, action, next string) *enrolView {
	return &enrolView{E: e, QR: qrImage(e.URL), Action: action, Next: next}
}

// secondStepPage asks for the code, or for the enrolment, of a sign-in
// whose password was right.
type secondStepPage struct {
	base
	Next  string
	Error string
	Enrol *enrolView
}

func (p secondStepPage) showsSecret() bool    { return p.Enrol != nil }
func (p recoveryCodesPage) showsSecret() bool { return true }

// expiredSignIn starts the sign-in again when its pending half is gone.
func (u *ui) expiredSignIn(w http.ResponseWriter, r *http.Request, next string) {
	setPendingCookie(w, r, "")
	http.Redirect(w, r, "/masuk?habis=1&next="+url.QueryEscape(next), http.StatusSeeOther)
}

func (u *ui) showSecondStep(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	next := safeNext(r.URL.Query().Get("next"))
	if b.Actor != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	if ok, enrol := u.a.PendingSignIn(pendingToken(r)); !ok || enrol {
		u.expiredSignIn(w, r, next)
		return
	}
	b.Title = b.T("login.code.title")
	u.render(w, r, http.StatusOK, "login_code", secondStepPage{base: b, Next: next})
}

func (u *ui) secondStep(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	b.Title = b.T("login.code.title")
	if status := formProblem(w, r); status != 0 {
		u.errorPage(w, r, b, status)
		return
	}
	p := secondStepPage{base: b, Next: safeNext(r.PostFormValue("next"))}
	res, err := u.a.CompleteSignIn(r.Context(), app.SecondStepRequest{Pending: pendingToken(r), Code: r.PostFormValue("code"),
		IP: httpx.ClientIP(r), UserAgent: r.UserAgent()})
	if err != nil {
		var rl *app.RateLimitError
		var sf *app.SecondFactorError
		status := http.StatusUnauthorized
		switch {
		case errors.As(err, &rl):
			p.Error = b.T("login.limited", rl.Wait())
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", strconv.Itoa(rl.RetryAfterSeconds()))
		case errors.As(err, &sf) && sf.Reason == app.SecondFactorNeeded:
			p.Error = b.T("login.code.empty")
			status = http.StatusUnprocessableEntity
		case errors.As(err, &sf):
			p.Error = b.T("login.code.wrong")
		case errors.Is(err, model.ErrUnauthenticated):
			u.expiredSignIn(w, r, p.Next)
			return
		default:
			u.fail(w, r, b, err)
			return
		}
		u.render(w, r, status, "login_code", p)
		return
	}
	setPendingCookie(w, r, "")
	httpx.SetSessionCookie(w, r, res.Token, int(app.WebSessionTTL.Seconds()))
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
}

func (u *ui) showEnrolFirst(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	next := safeNext(r.URL.Query().Get("next"))
	if b.Actor != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	e, err := u.a.PendingEnrolment(r.Context(), pendingToken(r))
	if errors.Is(err, model.ErrUnauthenticated) {
		u.expiredSignIn(w, r, next)
		return
	}
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	b.Title = b.T("login.enrol.title")
	u.render(w, r, http.StatusOK, "login_code", secondStepPage{base: b, Next: next, Enrol: newEnrolView(e, "/masuk/aktifkan-kode", next)})
}

func (u *ui) enrolFirst(w http.ResponseWriter, r *http.Request) {
	b := u.baseFor(r)
	b.Title = b.T("login.enrol.title")
	if status := formProblem(w, r); status != 0 {
		u.errorPage(w, r, b, status)
		return
	}
	next := safeNext(r.PostFormValue("next"))
	token := pendingToken(r)
	res, codes, err := u.a.CompleteEnrolment(r.Context(), app.SecondStepRequest{Pending: token, Code: r.PostFormValue("code"),
		IP: httpx.ClientIP(r), UserAgent: r.UserAgent()})
	if err != nil {
		if errors.Is(err, model.ErrUnauthenticated) {
			u.expiredSignIn(w, r, next)
			return
		}
		msg, status, ok := codeError(w, b, err)
		if !ok {
			u.fail(w, r, b, err)
			return
		}
		e, perr := u.a.PendingEnrolment(r.Context(), token)
		if perr != nil {
			u.fail(w, r, b, perr)
			return
		}
		v := newEnrolView(e, "/masuk/aktifkan-kode", next)
		v.Error = msg
		u.render(w, r, status, "login_code", secondStepPage{base: b, Next: next, Enrol: v})
		return
	}
	setPendingCookie(w, r, "")
	httpx.SetSessionCookie(w, r, res.Token, int(app.WebSessionTTL.Seconds()))
	actor := res.Actor
	b.Actor = &actor
	u.showRecoveryCodes(w, r, b, codes, next)
}

// codeError is the message beside the code field for a refused code: a
// field error, or the sign-in limits' wait.
func codeError(w http.ResponseWriter, b base, err error) (string, int, bool) {
	var rl *app.RateLimitError
	if errors.As(err, &rl) {
		w.Header().Set("Retry-After", strconv.Itoa(rl.RetryAfterSeconds()))
		return b.T("invalid.auth.password.slowed", rl.Wait()), http.StatusTooManyRequests, true
	}
	if ve, ok := isValidation(err); ok {
		for _, msg := range b.Errs(ve) {
			return msg, http.StatusUnprocessableEntity, true
		}
	}
	return "", 0, false
}

// recoveryCodesPage shows the recovery codes once, to print or write down.
type recoveryCodesPage struct {
	base
	Codes []string
	Next  string
}

func (u *ui) showRecoveryCodes(w http.ResponseWriter, r *http.Request, b base, codes []string, next string) {
	b.Title, b.Nav = b.T("totp.codes.title"), "profile"
	u.render(w, r, http.StatusOK, "totp_codes", recoveryCodesPage{base: b, Codes: codes, Next: next})
}

func (u *ui) startTOTP(w http.ResponseWriter, r *http.Request, b base) error {
	if _, err := u.a.StartTOTP(r.Context(), *b.Actor); err != nil {
		return err
	}
	http.Redirect(w, r, "/profil#dua-langkah", http.StatusSeeOther)
	return nil
}

func (u *ui) confirmTOTP(w http.ResponseWriter, r *http.Request, b base) error {
	codes, err := u.a.ConfirmTOTP(r.Context(), *b.Actor, r.PostFormValue("code"))
	if err != nil {
		msg, status, ok := codeError(w, b, err)
		if !ok {
			return err
		}
		return u.profileAgain(w, r, b, status, map[string]string{"code": msg})
	}
	u.showRecoveryCodes(w, r, b, codes, "/profil")
	return nil
}

func (u *ui) disableTOTP(w http.ResponseWriter, r *http.Request, b base) error {
	err := u.a.DisableTOTP(r.Context(), *b.Actor, r.PostFormValue("password"), r.PostFormValue("code"))
	var rl *app.RateLimitError
	if errors.As(err, &rl) {
		w.Header().Set("Retry-After", strconv.Itoa(rl.RetryAfterSeconds()))
		err = model.Invalid("password", "invalid.auth.password.slowed", rl.Wait())
	}
	return u.profileResult(w, r, b, err, "totp-off")
}

// profileAgain shows the profile with messages beside its fields.
func (u *ui) profileAgain(w http.ResponseWriter, r *http.Request, b base, status int, errs map[string]string) error {
	p, err := u.profile(r, b)
	if err != nil {
		return err
	}
	p.Errors = errs
	if p.Enrol != nil {
		p.Enrol.Error = errs["code"]
	}
	u.render(w, r, status, "profile", p)
	return nil
}

func (u *ui) resetTOTP(w http.ResponseWriter, r *http.Request, b base) error {
	id := r.PathValue("id")
	if err := u.a.ResetTOTP(r.Context(), *b.Actor, id); err != nil {
		return err
	}
	http.Redirect(w, r, "/akun/"+url.PathEscape(id)+"?ok=dua-langkah", http.StatusSeeOther)
	return nil
}

func (u *ui) setRequireTOTP(w http.ResponseWriter, r *http.Request, b base) error {
	if err := u.a.SetRequireTOTP(r.Context(), *b.Actor, r.PostFormValue("require") == "1"); err != nil {
		return err
	}
	http.Redirect(w, r, "/tahun?ok=dua-langkah#dua-langkah", http.StatusSeeOther)
	return nil
}
