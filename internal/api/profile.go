package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"

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
		acting, err := h.a.ActingPosts(r.Context(), actor)
		if err != nil {
			return nil, err
		}
		out["acting"] = actingPostsOf(acting, readerLang(r))
	}
	return out, nil
}

// actingPostJSON is a post the signed-in person holds today as Plt or Plh.
type actingPostJSON struct {
	PositionID string        `json:"position_id"`
	Title      string        `json:"title"`
	Unit       string        `json:"unit"`
	Kind       string        `json:"kind"`
	Start      string        `json:"start"`
	End        *string       `json:"end"`
	Text       string        `json:"text"`
	SKPID      *string       `json:"skp_id"`
	Staff      int           `json:"staff"`
	Can        actingPostCan `json:"can"`
}

type actingPostCan struct {
	CreateSKP bool `json:"create_skp"`
	Desk      bool `json:"desk"`
}

func actingPostsOf(list []app.ActingPost, lang string) []actingPostJSON {
	out := make([]actingPostJSON, 0, len(list))
	for _, p := range list {
		j := actingPostJSON{PositionID: p.PositionID, Title: p.Title, Unit: p.Unit, Kind: string(p.Kind), Start: string(p.Start),
			End: ptr(string(p.End)), Text: locale.T(lang, p.Text.Key, p.Text.Args...), Staff: p.Staff,
			Can: actingPostCan{CreateSKP: p.Can.CreateSKP, Desk: p.Can.Desk}}
		if p.SKP != nil {
			j.SKPID = &p.SKP.ID
		}
		out = append(out, j)
	}
	return out
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
