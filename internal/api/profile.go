package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/model"
)

func (h *handler) meJSON(r *http.Request, actor model.Actor) (map[string]any, error) {
	digest, err := h.a.EmailDigest(r.Context(), actor)
	if err != nil {
		return nil, err
	}
	out := map[string]any{"user": userOf(actor), "employee": nil, "email_digest": digest}
	if actor.EmployeeID != "" {
		d, err := h.a.Employee(r.Context(), actor, actor.EmployeeID)
		if err != nil {
			return nil, err
		}
		out["employee"] = employeeDetailOf(d, readerLang(r))
	}
	return out, nil
}

func (h *handler) me(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	out, err := h.meJSON(r, actor)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) patchMe(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Locale      *string `json:"locale"`
		EmailDigest *bool   `json:"email_digest"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if req.Locale == nil && req.EmailDigest == nil {
		return model.Invalid("locale", "invalid.user.locale")
	}
	if req.Locale != nil {
		if err := h.a.SetLocale(r.Context(), actor, *req.Locale); err != nil {
			return err
		}
		actor.Locale = *req.Locale
	}
	if req.EmailDigest != nil {
		if err := h.a.SetEmailDigest(r.Context(), actor, *req.EmailDigest); err != nil {
			return err
		}
	}
	return h.me(w, r, actor)
}

func (h *handler) changePassword(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Current string `json:"current_password"`
		New     string `json:"new_password"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := h.a.ChangePassword(r.Context(), actor, req.Current, req.New); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
