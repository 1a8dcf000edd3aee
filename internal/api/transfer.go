package api

import (
	"net/http"
	"sort"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The API's side of transfers (mutasi): what an SKP shows about the
// transfer that closed it or that it follows, and taking RHK over from the
// closed SKP into the new one.

func transferRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/skps/{id}/transfer", summary: "The SKP a transfer closed before this one and the one after it, and the RHK this one may take over", handle: (*handler).skpTransfer,
			doc: op{tag: "planning", params: []string{"id"}, response: "Transfer", errors: []int{404}}},
		{method: "POST", path: "/api/v1/skps/{id}/take-over", summary: "Copy RHK, with their indicators, from the SKP a transfer closed into this new SKP (a draft never approved); progress and realisasi on them after the TMT move with them", handle: (*handler).takeOverRHK,
			doc: op{tag: "planning", params: []string{"id"}, body: "TakeOverRequest", response: "TakeOver", errors: []int{403, 404, 409, 422}}},
	}
}

type skpLinkJSON struct {
	ID          string `json:"id"`
	PeriodStart string `json:"period_start"`
	PeriodEnd   string `json:"period_end"`
	Position    string `json:"position"`
	Status      string `json:"status"`
}

func skpLinkOf(l *app.SKPLink) *skpLinkJSON {
	if l == nil {
		return nil
	}
	return &skpLinkJSON{ID: l.ID, PeriodStart: string(l.Start), PeriodEnd: string(l.End), Position: l.Position, Status: string(l.Status)}
}

type takenOverJSON struct {
	RHKID     string `json:"rhk_id"`
	FromRHKID string `json:"from_rhk_id"`
}

type transferCan struct {
	TakeOver bool `json:"take_over"`
}

type transferJSON struct {
	SKPID     string          `json:"skp_id"`
	Previous  *skpLinkJSON    `json:"previous"`
	Next      *skpLinkJSON    `json:"next"`
	Offer     []rhkJSON       `json:"offer"`
	TakenOver []takenOverJSON `json:"taken_over"`
	AfterTMT  int             `json:"after_tmt"`
	// PreviousAfterTMT is, on the SKP after a transfer, the previous
	// SKP's AfterTMT: what a take-over brings here.
	PreviousAfterTMT int         `json:"previous_after_tmt"`
	Can              transferCan `json:"can"`
}

func (h *handler) skpTransfer(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	id := r.PathValue("id")
	v, err := h.a.Transfer(r.Context(), actor, id)
	if err != nil {
		return err
	}
	out := transferJSON{SKPID: id, Previous: skpLinkOf(v.Previous), Next: skpLinkOf(v.Next), Offer: []rhkJSON{}, TakenOver: []takenOverJSON{},
		AfterTMT: v.AfterTMT, PreviousAfterTMT: v.PreviousAfterTMT, Can: transferCan{TakeOver: v.Can.TakeOver}}
	for _, rhk := range v.Offer {
		out.Offer = append(out.Offer, rhkOf(rhk, app.SKPRights{})) // the closed SKP's: nothing to change on them
	}
	for to, from := range v.TakenFrom {
		out.TakenOver = append(out.TakenOver, takenOverJSON{RHKID: to, FromRHKID: from})
	}
	sort.Slice(out.TakenOver, func(i, j int) bool { return out.TakenOver[i].RHKID < out.TakenOver[j].RHKID })
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) takeOverRHK(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		RHKIDs  []string `json:"rhk_ids"`
		Version *int     `json:"version"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	t, err := h.a.TakeOverRHK(r.Context(), actor, r.PathValue("id"), version, req.RHKIDs)
	if err != nil {
		return err
	}
	can, err := h.a.SKPRights(r.Context(), actor, t.SKP)
	if err != nil {
		return err
	}
	out := struct {
		SKP            skpJSON         `json:"skp"`
		TakenOver      []takenOverJSON `json:"taken_over"`
		ProgressMoved  int             `json:"progress_moved"`
		RealisasiMoved int             `json:"realisasi_moved"`
	}{SKP: skpOf(t.SKP, can), TakenOver: []takenOverJSON{}, ProgressMoved: t.Progress, RealisasiMoved: t.Realisasi}
	for _, x := range t.RHK {
		out.TakenOver = append(out.TakenOver, takenOverJSON{RHKID: x.RHKID, FromRHKID: x.FromRHKID})
	}
	return writeJSON(w, http.StatusOK, out)
}

func transferSchemas() map[string]any {
	date := map[string]any{"type": "string", "format": "date"}
	link := obj([]string{"id", "period_start", "period_end", "position", "status"}, map[string]any{"id": str(), "period_start": date,
		"period_end": date, "position": map[string]any{"type": "string", "description": "The position the SKP was drawn up for"},
		"status": enum("draft", "submitted", "returned", "approved", "closed")})
	linkOrNull := func(description string) map[string]any {
		return map[string]any{"description": description, "oneOf": []any{ref("SKPLink"), map[string]any{"type": "null"}}}
	}
	taken := obj([]string{"rhk_id", "from_rhk_id"}, map[string]any{"rhk_id": map[string]any{"type": "string", "description": "The RHK of this SKP"},
		"from_rhk_id": map[string]any{"type": "string", "description": "The RHK of the SKP before the transfer it was copied from"}})
	integer := map[string]any{"type": "integer", "minimum": 0}
	return map[string]any{
		"SKPLink": link,
		"SKPTransfer": obj([]string{"previous", "next", "after_tmt", "previous_after_tmt"}, map[string]any{
			"previous": linkOrNull("The SKP a transfer closed the day before this one began"),
			"next":     linkOrNull("The SKP begun the day after a transfer closed this one"),
			"after_tmt": map[string]any{"type": "integer", "minimum": 0, "description": "On a closed SKP: progress entries and realisasi dated after the TMT still on it " +
				"(readable, marked \"setelah TMT mutasi\"; they move with a take-over)"},
			"previous_after_tmt": map[string]any{"type": "integer", "minimum": 0, "description": "On the SKP after a transfer: the previous SKP's after_tmt, " +
				"what a take-over of its RHK brings here"}}),
		"TakenOver": taken,
		"Transfer": obj([]string{"skp_id", "previous", "next", "offer", "taken_over", "after_tmt", "previous_after_tmt", "can"}, map[string]any{"skp_id": str(),
			"previous_after_tmt": map[string]any{"type": "integer", "minimum": 0, "description": "On the SKP after a transfer: the previous SKP's after_tmt, " +
				"what a take-over of its RHK brings here (0 once taken over)"},
			"previous":   linkOrNull("The SKP a transfer closed the day before this one began"),
			"next":       linkOrNull("The SKP begun the day after a transfer closed this one"),
			"offer":      map[string]any{"type": "array", "items": ref("RHK"), "description": "RHK of the previous SKP, as in force when it was closed, not taken over yet (while can.take_over)"},
			"taken_over": map[string]any{"type": "array", "items": ref("TakenOver")},
			"after_tmt": map[string]any{"type": "integer", "minimum": 0, "description": "On a closed SKP: progress entries and realisasi dated after the TMT still on it " +
				"(readable, marked; they move with a take-over)"},
			"can": obj([]string{"take_over"}, map[string]any{"take_over": canField("Take RHK over from the previous SKP (POST /skps/{id}/take-over): the owner, while this SKP is a draft never approved")})}),
		"TakeOverRequest": obj([]string{"version", "rhk_ids"}, map[string]any{"version": map[string]any{"type": "integer", "description": "The SKP's version read"},
			"rhk_ids": map[string]any{"type": "array", "items": str(), "description": "RHK of the previous SKP to copy (from offer)"}}),
		"TakeOver": obj([]string{"skp", "taken_over", "progress_moved", "realisasi_moved"}, map[string]any{"skp": ref("SKP"),
			"taken_over":      map[string]any{"type": "array", "items": ref("TakenOver")},
			"progress_moved":  integer,
			"realisasi_moved": integer}),
	}
}
