package api

import (
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

// One person, one record: the end of employment and the merge of two
// records, on the employee object (can.end_employment, can.cancel_end,
// can.merge; employment).

type employmentEndJSON struct {
	Kind            string     `json:"kind"`
	Date            string     `json:"date"`
	Decree          string     `json:"decree"`
	AccountDisabled bool       `json:"account_disabled"`
	CancelledAt     *time.Time `json:"cancelled_at,omitempty"`
}

type nipChangeJSON struct {
	OldNIP string    `json:"old_nip"`
	NewNIP string    `json:"new_nip"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
}

type employmentJSON struct {
	End          *employmentEndJSON `json:"end"`
	MergedIntoID *string            `json:"merged_into_id"`
	MergedAt     *time.Time         `json:"merged_at,omitempty"`
	// Closed says, in the reader's language, why nothing is done with the
	// record any more: merged into another record, or employed no longer.
	Closed     string          `json:"closed,omitempty"`
	NIPHistory []nipChangeJSON `json:"nip_history,omitempty"`
	// CancelRefused says why the end cannot be cancelled now, to those
	// who could otherwise (can.cancel_end is then false).
	CancelRefused string `json:"cancel_refused,omitempty"`
}

func endOf(e model.EmploymentEnd) employmentEndJSON {
	j := employmentEndJSON{Kind: string(e.Kind), Date: string(e.Date), Decree: e.Decree, AccountDisabled: e.AccountDisabled}
	if e.Cancelled() {
		at := e.CancelledAt.UTC()
		j.CancelledAt = &at
	}
	return j
}

func employmentOf(v app.EmploymentView, lang string) employmentJSON {
	var j employmentJSON
	if r := v.CancelRefused; r.Key != "" {
		j.CancelRefused = locale.T(lang, r.Key, r.Args...)
	}
	if v.End != nil {
		end := endOf(*v.End)
		j.End = &end
	}
	if v.MergedInto != nil {
		j.MergedIntoID = &v.MergedInto.ID
	}
	if v.Merge != nil {
		at := v.Merge.At.UTC()
		j.MergedAt = &at
	}
	if c := v.Closed; c.Key != "" {
		j.Closed = locale.T(lang, c.Key, c.Args...)
	}
	for _, ch := range v.NIPHistory {
		j.NIPHistory = append(j.NIPHistory, nipChangeJSON{OldNIP: ch.OldNIP, NewNIP: ch.NewNIP, Reason: ch.Reason, At: ch.At.UTC()})
	}
	return j
}

// employeeAfter answers the employee as the actor now sees them.
func (h *handler) employeeAfter(w http.ResponseWriter, r *http.Request, actor model.Actor, id string) error {
	d, err := h.a.Employee(r.Context(), actor, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, employeeDetailOf(d, readerLang(r)))
}

func (h *handler) endEmployment(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Kind   string `json:"kind"`
		Date   string `json:"date"`
		Decree string `json:"decree"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	id := r.PathValue("id")
	if _, err := h.a.EndEmployment(r.Context(), actor, app.EndEmploymentRequest{EmployeeID: id, Kind: model.EndKind(req.Kind),
		Date: model.Date(req.Date), Decree: req.Decree}); err != nil {
		return err
	}
	return h.employeeAfter(w, r, actor, id)
}

func (h *handler) cancelEmploymentEnd(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	id := r.PathValue("id")
	if err := h.a.CancelEmploymentEnd(r.Context(), actor, id); err != nil {
		return err
	}
	return h.employeeAfter(w, r, actor, id)
}

func (h *handler) mergeEmployee(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Into    string `json:"into"`
		IntoNIP string `json:"into_nip"`
		Unlike  bool   `json:"unlike"`
		Reason  string `json:"reason"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	m, err := h.a.MergeEmployees(r.Context(), actor, app.MergeRequest{EmployeeID: r.PathValue("id"), OtherID: req.Into, OtherNIP: req.IntoNIP,
		Unlike: req.Unlike, Reason: req.Reason})
	if err != nil {
		return err
	}
	return h.employeeAfter(w, r, actor, m.IntoID)
}

func employmentSchemas() map[string]any {
	var kinds []string
	for _, k := range model.EndKinds {
		kinds = append(kinds, string(k))
	}
	date := map[string]any{"type": "string", "format": "date"}
	end := obj([]string{"kind", "date", "decree", "account_disabled"}, map[string]any{
		"kind": enum(kinds...), "date": map[string]any{"type": "string", "format": "date", "description": "TMT of the end: the first day no longer employed"},
		"decree": str(), "account_disabled": map[string]any{"type": "boolean", "description": "The end disabled the account (a cancellation enables it again)"},
		"cancelled_at": map[string]any{"type": "string", "format": "date-time"}})
	return map[string]any{
		"EmploymentEndRequest": obj([]string{"kind", "date", "decree"}, map[string]any{"kind": enum(kinds...),
			"date": date, "decree": map[string]any{"type": "string", "maxLength": 100, "description": "Nomor SK"}}),
		"MergeRequest": obj(nil, map[string]any{
			"into":     map[string]any{"type": "string", "description": "The id of the record kept; this one is merged into it"},
			"into_nip": map[string]any{"type": "string", "description": "Instead of into: the NIP of the record kept"},
			"unlike": map[string]any{"type": "boolean",
				"description": "Merge although the names (without titles) and the birth dates in the NIPs differ; needs reason"},
			"reason": map[string]any{"type": "string", "maxLength": 500,
				"description": "Why two records with different names and birth dates are one person (with unlike); kept in the audit log"}}),
		"Employment": obj([]string{"end", "merged_into_id"}, map[string]any{
			"end":            map[string]any{"oneOf": []any{end, map[string]any{"type": "null"}}, "description": "The end in force (full record only)"},
			"merged_into_id": nullable("string"),
			"merged_at":      map[string]any{"type": "string", "format": "date-time", "description": "When the record was merged into merged_into_id"},
			"closed": map[string]any{"type": "string",
				"description": "Why nothing is done with the record any more, in the reader's language: merged into another record (not an end of employment), or employed no longer. Every act on the person (placements, substitute raters, accounts, SKPs) is then a 409 with this reason"},
			"cancel_refused": map[string]any{"type": "string",
				"description": "Why the end cannot be cancelled now (the post was given to someone else, another SKP of the year is in progress); only to those who could otherwise"},
			"nip_history": map[string]any{"type": "array", "items": obj([]string{"old_nip", "new_nip", "reason", "at"}, map[string]any{
				"old_nip": str(), "new_nip": str(), "reason": enum(model.NIPChangeImport, model.NIPChangeMerge),
				"at": map[string]any{"type": "string", "format": "date-time"}})}}),
	}
}
