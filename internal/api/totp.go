package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// totpRoutes are the second factor: the user's own authenticator and the
// administrator's reset (see app/totp.go). Signing in with a code is
// POST /auth/login with "otp".
func totpRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/me/totp", summary: "Where the user's second factor (TOTP authenticator) stands", handle: (*handler).secondFactor,
			doc: op{tag: "auth", response: "SecondFactor"}},
		{method: "POST", path: "/api/v1/me/totp", summary: "Start enrolling a TOTP authenticator: answers the secret and its otpauth:// URL; sign-ins need no code until it is confirmed (an enrolment waiting is replaced; 409 while one is on). Audited", handle: (*handler).startTOTP,
			doc: op{tag: "auth", response: "TOTPEnrolment", status: 201, errors: []int{409}}},
		{method: "POST", path: "/api/v1/me/totp/confirm", summary: "Turn the enrolled authenticator on with its first code; answers the ten recovery codes, shown this once. From then on POST /auth/login needs \"otp\". Audited", handle: (*handler).confirmTOTP,
			doc: op{tag: "auth", body: "TOTPConfirm", response: "RecoveryCodes", errors: []int{409, 422, 429}}},
		{method: "DELETE", path: "/api/v1/me/totp", summary: "Turn the second factor off, proven by the password or a current code (refused while the instansi requires it). Audited", handle: (*handler).disableTOTP,
			doc: op{tag: "auth", body: "TOTPDisable", status: 204, errors: []int{409, 422, 429}}},
		{method: "DELETE", path: "/api/v1/users/{id}/totp", summary: "Reset the second factor of an account the actor runs, when its phone is lost; every session of the account ends (audited)", handle: (*handler).resetTOTP,
			doc: op{tag: "accounts", params: []string{"id"}, status: 204, errors: []int{403, 404, 409}}},
	}
}

type secondFactorJSON struct {
	Enabled      bool               `json:"enabled"`
	Waiting      *totpEnrolmentJSON `json:"waiting"`
	RecoveryLeft int                `json:"recovery_codes_left"`
	Required     bool               `json:"required"`
	Can          secondFactorCan    `json:"can"`
}

type secondFactorCan struct {
	Enrol   bool `json:"enrol"`
	Disable bool `json:"disable"`
}

type totpEnrolmentJSON struct {
	Secret string `json:"secret"`
	URL    string `json:"otpauth_url"`
}

func (h *handler) secondFactor(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	v, err := h.a.SecondFactor(r.Context(), actor)
	if err != nil {
		return err
	}
	out := secondFactorJSON{Enabled: v.Enabled, RecoveryLeft: v.RecoveryLeft, Required: v.Required,
		Can: secondFactorCan{Enrol: v.Can.Enrol, Disable: v.Can.Disable}}
	if v.Waiting != nil {
		out.Waiting = &totpEnrolmentJSON{Secret: v.Waiting.Secret, URL: v.Waiting.URL}
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) startTOTP(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := decode(w, r, &struct{}{}); err != nil {
		return err
	}
	e, err := h.a.StartTOTP(r.Context(), actor)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, totpEnrolmentJSON{Secret: e.Secret, URL: e.URL})
}

func (h *handler) confirmTOTP(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Code string `json:"code"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	codes, err := h.a.ConfirmTOTP(r.Context(), actor, req.Code)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string][]string{"recovery_codes": codes})
}

func (h *handler) disableTOTP(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Password string `json:"password"`
		Code     string `json:"code"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := h.a.DisableTOTP(r.Context(), actor, req.Password, req.Code); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *handler) resetTOTP(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := h.a.ResetTOTP(r.Context(), actor, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// secondFactorProblem answers a sign-in refused for its second factor: a
// code needed or wrong (401, each its own problem type), or an
// enrolment the instansi requires first (403).
func secondFactorProblem(w http.ResponseWriter, r *http.Request, lang string, e *app.SecondFactorError) {
	slug, status := "otp-required", http.StatusUnauthorized
	title, detail := model.Msg("problem.otp-required.title"), model.Msg("problem.otp-required.detail")
	switch e.Reason {
	case app.SecondFactorWrong:
		slug = "otp-invalid"
		title, detail = model.Msg("problem.otp-invalid.title"), model.Msg("problem.otp-invalid.detail")
	case app.SecondFactorEnrol:
		slug, status = "totp-enrolment-required", http.StatusForbidden
		title, detail = model.Msg("problem.totp-enrolment-required.title"), model.Msg("problem.totp-enrolment-required.detail")
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="kinerja"`)
	}
	writeProblem(w, r, lang, status, slug, title, detail)
}

func totpSchemas() map[string]any {
	enrolment := obj([]string{"secret", "otpauth_url"}, map[string]any{
		"secret":      map[string]any{"type": "string", "description": "The shared secret in base32, to type into an authenticator app"},
		"otpauth_url": map[string]any{"type": "string", "description": "otpauth://totp/… key URI (SHA1, 6 digits, 30 s), as a QR code carries it"}})
	return map[string]any{
		"TOTPEnrolment": enrolment,
		"SecondFactor": obj([]string{"enabled", "waiting", "recovery_codes_left", "required", "can"}, map[string]any{
			"enabled":             map[string]any{"type": "boolean", "description": "Sign-ins need a code"},
			"waiting":             map[string]any{"oneOf": []any{ref("TOTPEnrolment"), map[string]any{"type": "null"}}, "description": "An enrolment waiting for its first code"},
			"recovery_codes_left": map[string]any{"type": "integer"},
			"required":            map[string]any{"type": "boolean", "description": "The instansi requires a second factor of this account"},
			"can": canSchemaOf("What the signed-in user may do with their second factor now", map[string]string{
				"enrol": "start an enrolment", "disable": "turn it off"})}),
		"TOTPConfirm": obj([]string{"code"}, map[string]any{"code": map[string]any{"type": "string", "description": "The 6-digit code the app shows"}}),
		"TOTPDisable": obj(nil, map[string]any{"password": str(),
			"code": map[string]any{"type": "string", "description": "A current code (or a recovery code), instead of the password"}}),
		"RecoveryCodes": obj([]string{"recovery_codes"}, map[string]any{"recovery_codes": map[string]any{"type": "array", "items": str(),
			"description": "Ten codes, each usable once in place of a code (\"otp\"); shown this once, only their hashes are kept"}}),
	}
}
