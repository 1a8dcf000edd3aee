package api

import (
	"net/http"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
	OTP      string `json:"otp"`
}

func (h *handler) login(w http.ResponseWriter, r *http.Request, _ model.Actor) error {
	var req loginRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	res, err := h.a.Login(r.Context(), app.LoginRequest{Username: req.Username, Password: req.Password, OTP: req.OTP, Kind: "api",
		IP: httpx.ClientIP(r), UserAgent: userAgent(r)})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"token": res.Token, "expires_at": res.Session.ExpiresAt.UTC(), "user": userOf(res.Actor)})
}

// userAgent is the request's User-Agent as text fit to store: valid UTF-8,
// at most 300 bytes.
func userAgent(r *http.Request) string {
	ua := strings.ToValidUTF8(strings.ReplaceAll(r.UserAgent(), "\x00", ""), "?")
	if len(ua) > 300 {
		ua = strings.ToValidUTF8(ua[:300], "")
	}
	return ua
}

func (h *handler) logout(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := h.a.Logout(r.Context(), actor); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
