package api

import (
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// signInLimitRoutes are the sign-in limits administrators see and lift.
func signInLimitRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/sign-in-limits", summary: "Sign-in limits in force that slow attempts down: an account tried from one address, an account tried from many, an address that tried many accounts (administrators of accounts; OPD administrators see their OPD's accounts)", handle: (*handler).signInLimits,
			doc: op{tag: "auth", query: []string{"limit", "cursor"}, response: "SignInLimitList", errors: []int{403, 422}}},
		{method: "DELETE", path: "/api/v1/sign-in-limits/{id}", summary: "Lift one sign-in limit: the next attempt it held goes ahead at once (audited)", handle: (*handler).liftSignInLimit,
			doc: op{tag: "auth", params: []string{"id"}, status: 204, errors: []int{403, 404}}},
		{method: "POST", path: "/api/v1/users/{id}/unlock", summary: "Lift every sign-in limit of one account, from every address (audited)", handle: (*handler).unlockUser,
			doc: op{tag: "auth", params: []string{"id"}, response: "UnlockResult", errors: []int{403, 404}}},
	}
}

type signInLimitJSON struct {
	ID       string             `json:"id"`
	Username *string            `json:"username"`
	UserID   *string            `json:"user_id"`
	Name     *string            `json:"name"`
	Address  *string            `json:"address"`
	Failures int                `json:"failures"`
	Until    *time.Time         `json:"until"`
	Can      signInLimitCanJSON `json:"can"`
}

type signInLimitCanJSON struct {
	Lift bool `json:"lift"`
}

func signInLimitOf(h app.SignInHold) signInLimitJSON {
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	out := signInLimitJSON{ID: h.ID, Username: opt(h.Account), UserID: opt(h.UserID), Name: opt(h.UserName),
		Address: opt(h.Address), Failures: h.Failures, Can: signInLimitCanJSON{Lift: h.Can.Lift}}
	if !h.Until.IsZero() {
		t := h.Until.UTC()
		out.Until = &t
	}
	return out
}

func (h *handler) signInLimits(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	holds, err := h.a.SignInHolds(r.Context(), actor)
	if err != nil {
		return err
	}
	var items []signInLimitJSON
	for _, s := range holds {
		items = append(items, signInLimitOf(s))
	}
	out, err := pageOf(items, func(s signInLimitJSON) string { return s.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) liftSignInLimit(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := h.a.LiftSignInHold(r.Context(), actor, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *handler) unlockUser(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	n, err := h.a.UnlockUser(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]int{"lifted": n})
}
