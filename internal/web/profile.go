package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

type profilePage struct {
	base
	Detail *app.EmployeeDetail
	Errors map[string]string
	Saved  string
	Roles  []string
	Digest bool // a daily digest by e-mail instead of an e-mail per notification
	TOTP   app.SecondFactorView
	Enrol  *enrolView // the enrolment waiting for its first code
}

func (p profilePage) showsSecret() bool { return p.Enrol != nil }

func (u *ui) profile(r *http.Request, b base) (profilePage, error) {
	p := profilePage{base: b}
	p.Title, p.Nav = b.T("profile.title"), "profile"
	for _, g := range b.Actor.RoleNames() {
		p.Roles = append(p.Roles, b.T("role."+g))
	}
	digest, err := u.a.EmailDigest(r.Context(), *b.Actor)
	if err != nil {
		return p, err
	}
	p.Digest = digest
	if p.TOTP, err = u.a.SecondFactor(r.Context(), *b.Actor); err != nil {
		return p, err
	}
	if p.TOTP.Waiting != nil {
		p.Enrol = newEnrolView(*p.TOTP.Waiting, "/profil/totp/konfirmasi", "/profil")
	}
	if b.Actor.EmployeeID != "" {
		d, err := u.a.Employee(r.Context(), *b.Actor, b.Actor.EmployeeID)
		if err != nil {
			return p, err
		}
		p.Detail = &d
	}
	return p, nil
}

func (u *ui) showProfile(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.profile(r, b)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("ok") {
	case "bahasa":
		p.Saved = b.T("profile.saved.language")
	case "sandi":
		p.Saved = b.T("profile.saved.password")
	case "email":
		p.Saved = b.T("profile.saved.email")
	case "totp-off":
		p.Saved = b.T("profile.saved.totp.off")
	}
	u.render(w, r, http.StatusOK, "profile", p)
	return nil
}

func (u *ui) saveLanguage(w http.ResponseWriter, r *http.Request, b base) error {
	return u.profileResult(w, r, b, u.a.SetLocale(r.Context(), *b.Actor, r.PostFormValue("lang")), "bahasa")
}

func (u *ui) saveEmailChoice(w http.ResponseWriter, r *http.Request, b base) error {
	return u.profileResult(w, r, b, u.a.SetEmailDigest(r.Context(), *b.Actor, r.PostFormValue("email") == "daily"), "email")
}

func (u *ui) changePassword(w http.ResponseWriter, r *http.Request, b base) error {
	err := u.a.ChangePassword(r.Context(), *b.Actor, r.PostFormValue("current_password"), r.PostFormValue("new_password"))
	var rl *app.RateLimitError
	if errors.As(err, &rl) {
		// Said beside the field like a wrong password, with how long to
		// wait before the next try.
		w.Header().Set("Retry-After", strconv.Itoa(rl.RetryAfterSeconds()))
		err = model.Invalid("current_password", "invalid.auth.password.slowed", rl.Wait())
	}
	return u.profileResult(w, r, b, err, "sandi")
}

// profileResult answers a profile form: the page again with the messages
// beside the fields, or back to the profile with a confirmation.
func (u *ui) profileResult(w http.ResponseWriter, r *http.Request, b base, err error, ok string) error {
	if ve, isV := isValidation(err); isV {
		p, perr := u.profile(r, b)
		if perr != nil {
			return perr
		}
		p.Errors = b.Errs(ve)
		u.render(w, r, http.StatusUnprocessableEntity, "profile", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/profil?ok="+ok, http.StatusSeeOther)
	return nil
}
