package api

import (
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

func init() {
	for k, v := range map[string]string{
		"kind":     "One kind: training, mentoring, certification, equipment, facility, budget, staffing or other",
		"category": "need (development needs) or constraint (resource constraints)",
	} {
		if _, ok := queryDocs[k]; !ok {
			queryDocs[k] = v
		}
	}
}

type userRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func userRefOf(id, name string) *userRef {
	if id == "" {
		return nil
	}
	return &userRef{ID: id, Name: name}
}

type needRightsJSON struct {
	Confirm bool `json:"confirm"`
	Close   bool `json:"close"`
	Address bool `json:"address"`
}

type needJSON struct {
	ID          string         `json:"id"`
	EmployeeID  string         `json:"employee_id"`
	Employee    personRef      `json:"employee"`
	OPDID       *string        `json:"opd_id"`
	OPDName     string         `json:"opd_name"`
	UnitID      *string        `json:"unit_id"`
	UnitName    string         `json:"unit_name"`
	RHKID       *string        `json:"rhk_id"`
	RHK         string         `json:"rhk"`
	Year        int            `json:"year"`
	Category    string         `json:"category"`
	Kind        string         `json:"kind"`
	Title       string         `json:"title"`
	Description string         `json:"description"`
	Status      string         `json:"status"`
	Version     int            `json:"version"`
	ReportedBy  *userRef       `json:"reported_by"`
	ConfirmedBy *userRef       `json:"confirmed_by"`
	ConfirmedAt *time.Time     `json:"confirmed_at"`
	ClosedBy    *userRef       `json:"closed_by"`
	ClosedAt    *time.Time     `json:"closed_at"`
	ClosedNote  string         `json:"closed_note"`
	ActionNote  string         `json:"action_note"`
	AddressedBy *userRef       `json:"addressed_by"`
	AddressedAt *time.Time     `json:"addressed_at"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
	Can         needRightsJSON `json:"can"`
}

func needOf(v app.NeedView) needJSON {
	n, can := v.Need, v.Can
	return needJSON{ID: n.ID, EmployeeID: n.EmployeeID, Employee: personRef{ID: n.EmployeeID, Name: n.EmployeeName, NIP: n.EmployeeNIP},
		OPDID: ptr(n.OPDID), OPDName: n.OPDName, UnitID: ptr(n.UnitID), UnitName: n.UnitName, RHKID: ptr(n.RHKID), RHK: n.RHKText,
		Year: n.Year, Category: string(n.Category), Kind: string(n.Kind), Title: n.Title, Description: n.Description,
		Status: string(n.Status), Version: n.Version, ReportedBy: userRefOf(n.ReportedBy, n.ReporterName),
		ConfirmedBy: userRefOf(n.ConfirmedBy, n.ConfirmerName), ConfirmedAt: timeOrNil(n.ConfirmedAt),
		ClosedBy: userRefOf(n.ClosedBy, n.CloserName), ClosedAt: timeOrNil(n.ClosedAt), ClosedNote: n.ClosedNote,
		ActionNote: n.ActionNote, AddressedBy: userRefOf(n.AddressedBy, n.AddresserName), AddressedAt: timeOrNil(n.AddressedAt),
		CreatedAt: n.CreatedAt.UTC(), UpdatedAt: n.UpdatedAt.UTC(),
		Can: needRightsJSON{Confirm: can.Confirm, Close: can.Close, Address: can.Address}}
}

func (h *handler) recordNeed(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		EmployeeID  string `json:"employee_id"`
		Category    string `json:"category"`
		Kind        string `json:"kind"`
		Title       string `json:"title"`
		Description string `json:"description"`
		RHKID       string `json:"rhk_id"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	n, err := h.a.RecordNeed(r.Context(), actor, model.Need{EmployeeID: req.EmployeeID, Category: model.NeedCategory(req.Category),
		Kind: model.NeedKind(req.Kind), Title: req.Title, Description: req.Description, RHKID: req.RHKID})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, needOf(n))
}

// needYear reads ?year= when given: 0 means every year.
func needYear(r *http.Request) (int, error) {
	return app.ParseYear(r.URL.Query().Get("year"), 0)
}

// needStatuses reads ?status=: one status, or outstanding (open and
// confirmed).
func needStatuses(s string) ([]model.NeedStatus, error) {
	switch st := model.NeedStatus(s); {
	case s == "":
		return nil, nil
	case s == "outstanding":
		return []model.NeedStatus{model.NeedOpen, model.NeedConfirmed}, nil
	case st.Valid():
		return []model.NeedStatus{st}, nil
	}
	return nil, model.Invalid("status", "invalid.need.status")
}

func (h *handler) needs(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	year, err := needYear(r)
	if err != nil {
		return err
	}
	statuses, err := needStatuses(q.Get("status"))
	if err != nil {
		return err
	}
	cursor := q.Get("cursor")
	if cursor != "" && !isID(cursor) {
		return model.Invalid("cursor", "invalid.cursor.next")
	}
	page, err := h.a.Needs(r.Context(), actor, app.NeedQuery{Year: year, OPDID: q.Get("opd"), UnitID: q.Get("unit"),
		EmployeeID: q.Get("employee"), Category: model.NeedCategory(q.Get("category")), Kind: model.NeedKind(q.Get("kind")),
		Statuses: statuses, Cursor: cursor, Limit: limit})
	if err != nil {
		return err
	}
	out := pageWithTotal[needJSON](page.NextCursor, page.Total)
	for _, n := range page.Items {
		out.Items = append(out.Items, needOf(n))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) need(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	n, err := h.a.Need(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, needOf(n))
}

func (h *handler) confirmNeed(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version *int `json:"version"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	n, err := h.a.ConfirmNeed(r.Context(), actor, r.PathValue("id"), version)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, needOf(n))
}

func (h *handler) closeNeed(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version *int   `json:"version"`
		Note    string `json:"note"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	n, err := h.a.CloseNeed(r.Context(), actor, r.PathValue("id"), version, req.Note)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, needOf(n))
}

func (h *handler) addressNeed(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Version *int   `json:"version"`
		Action  string `json:"action"`
	}
	version, err := decodeVersioned(w, r, &req, &req.Version)
	if err != nil {
		return err
	}
	n, err := h.a.AddressNeed(r.Context(), actor, r.PathValue("id"), version, req.Action)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, needOf(n))
}

type needCountsJSON struct {
	Open        int `json:"open"`
	Confirmed   int `json:"confirmed"`
	Addressed   int `json:"addressed"`
	Closed      int `json:"closed"`
	Outstanding int `json:"outstanding"`
	Total       int `json:"total"`
}

func needCountsOf(c app.NeedCounts) needCountsJSON {
	return needCountsJSON{Open: c.Open, Confirmed: c.Confirmed, Addressed: c.Addressed, Closed: c.Closed,
		Outstanding: c.Outstanding(), Total: c.Total()}
}

type needLineJSON struct {
	UnitID   *string                   `json:"unit_id"`
	UnitName string                    `json:"unit_name"`
	Counts   needCountsJSON            `json:"counts"`
	ByKind   map[string]needCountsJSON `json:"by_kind"`
}

func needLineOf(l app.NeedLine, kinds []model.NeedKind) needLineJSON {
	j := needLineJSON{UnitID: ptr(l.Unit.ID), UnitName: l.Unit.Name, Counts: needCountsOf(l.Counts), ByKind: map[string]needCountsJSON{}}
	for _, k := range kinds {
		j.ByKind[string(k)] = needCountsOf(l.Kind(k))
	}
	return j
}

func (h *handler) needSummary(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	if _, err := limitParam(r); err != nil {
		return err
	}
	year, err := h.yearParam(r)
	if err != nil {
		return err
	}
	sum, err := h.a.NeedSummary(r.Context(), actor, year, q.Get("opd"), model.NeedCategory(q.Get("category")))
	if err != nil {
		return err
	}
	out := struct {
		Year     int            `json:"year"`
		OPDID    *string        `json:"opd_id"`
		Category *string        `json:"category"`
		Kinds    []string       `json:"kinds"`
		Total    needLineJSON   `json:"total"`
		Lines    []needLineJSON `json:"lines"`
		// Lines is paged: a page of limit lines, next_cursor for the rest,
		// line_count for all of them.
		NextCursor *string `json:"next_cursor"`
		LineCount  int     `json:"line_count"`
	}{Year: sum.Year, Category: ptr(string(sum.Category)), Kinds: []string{}, Lines: []needLineJSON{}}
	if sum.OPD != nil {
		out.OPDID = ptr(sum.OPD.ID)
	}
	for _, k := range sum.Kinds {
		out.Kinds = append(out.Kinds, string(k))
	}
	out.Total = needLineOf(sum.Total, sum.Kinds)
	page, err := pageAt(sum.Lines, r)
	if err != nil {
		return err
	}
	out.NextCursor, out.LineCount = page.NextCursor, len(sum.Lines)
	for _, l := range page.Items {
		out.Lines = append(out.Lines, needLineOf(l, sum.Kinds))
	}
	return writeJSON(w, http.StatusOK, out)
}

func needsSchemas() map[string]any {
	var kinds, statuses []string
	for _, k := range model.NeedKinds {
		kinds = append(kinds, string(k))
	}
	for _, s := range model.NeedStatuses {
		statuses = append(statuses, string(s))
	}
	integer := map[string]any{"type": "integer"}
	at := map[string]any{"type": []string{"string", "null"}, "format": "date-time"}
	user := map[string]any{"oneOf": []any{obj([]string{"id", "name"}, map[string]any{"id": map[string]any{"type": "string", "description": "User id"}, "name": str()}),
		map[string]any{"type": "null"}}}
	counts := obj([]string{"open", "confirmed", "addressed", "closed", "outstanding", "total"}, map[string]any{"open": integer, "confirmed": integer,
		"addressed": integer, "closed": integer, "outstanding": map[string]any{"type": "integer", "description": "open + confirmed"}, "total": integer})
	version := map[string]any{"type": "integer", "description": "The version last read; a stale one is a 409"}
	return map[string]any{
		"Need": obj([]string{"id", "employee_id", "employee", "opd_id", "unit_id", "rhk_id", "year", "category", "kind", "title", "description", "status", "version", "can"},
			map[string]any{"id": str(), "employee_id": str(), "employee": ref("PersonRef"),
				"opd_id": nullable("string"), "opd_name": str(), "unit_id": nullable("string"), "unit_name": str(),
				"rhk_id": nullable("string"), "rhk": map[string]any{"type": "string", "description": "The RHK's text"}, "year": integer,
				"category": enum("need", "constraint"), "kind": enum(kinds...), "title": str(), "description": str(),
				"status": enum(statuses...), "version": integer,
				"reported_by": user, "confirmed_by": user, "confirmed_at": at, "closed_by": user, "closed_at": at,
				"closed_note":  map[string]any{"type": "string", "description": "Why the supervisor closed it"},
				"action_note":  map[string]any{"type": "string", "description": "What was done about it"},
				"addressed_by": user, "addressed_at": at,
				"created_at": map[string]any{"type": "string", "format": "date-time"}, "updated_at": map[string]any{"type": "string", "format": "date-time"},
				"can": canSchemaOf("The steps the signed-in user may take on the need now", map[string]string{
					"confirm": "Confirm an open need (those above the employee in the line)",
					"close":   "Close an open or confirmed need (those above the employee in the line)",
					"address": "Record what was done about a confirmed need (admins whose scope holds its OPD, BKPSDM, leaders)"})}),
		"NeedList": withTotal(listOf("Need")),
		"NeedRequest": obj([]string{"kind", "title"}, map[string]any{
			"employee_id": map[string]any{"type": "string", "description": "Whose work it holds back: the actor's own when absent, or someone in the actor's line"},
			"category":    map[string]any{"type": "string", "enum": []string{"need", "constraint"}, "description": "Follows from the kind when absent"},
			"kind":        enum(kinds...), "title": map[string]any{"type": "string", "maxLength": model.NeedTitleMax},
			"description": map[string]any{"type": "string", "maxLength": model.NeedDescriptionMax},
			"rhk_id":      map[string]any{"type": "string", "description": "An RHK of the employee's own SKP"}}),
		"NeedVersionRequest": obj([]string{"version"}, map[string]any{"version": version}),
		"NeedCloseRequest": obj([]string{"version", "note"}, map[string]any{"version": version,
			"note": map[string]any{"type": "string", "maxLength": model.NeedNoteMax, "description": "Why it is closed"}}),
		"NeedAddressRequest": obj([]string{"version", "action"}, map[string]any{"version": version,
			"action": map[string]any{"type": "string", "maxLength": model.NeedNoteMax, "description": "What was done about it"}}),
		"NeedCounts": counts,
		"NeedSummaryLine": obj([]string{"unit_id", "unit_name", "counts", "by_kind"}, map[string]any{
			"unit_id": nullable("string"), "unit_name": str(), "counts": ref("NeedCounts"),
			"by_kind": map[string]any{"type": "object", "additionalProperties": ref("NeedCounts"), "description": "Kind → counts, for every kind counted"}}),
		"NeedSummary": obj([]string{"year", "opd_id", "category", "kinds", "total", "lines", "next_cursor", "line_count"}, map[string]any{
			"next_cursor": map[string]any{"type": []string{"string", "null"}, "description": "The next page of lines; null on the last"},
			"line_count":  map[string]any{"type": "integer", "description": "How many lines there are, on all pages"},
			"year":        integer, "opd_id": map[string]any{"type": []string{"string", "null"}, "description": "The OPD whose units are the lines; null when the lines are OPDs"},
			"category": map[string]any{"type": []string{"string", "null"}, "enum": []any{"need", "constraint", nil}},
			"kinds":    map[string]any{"type": "array", "items": enum(kinds...)},
			"total":    ref("NeedSummaryLine"),
			"lines": map[string]any{"type": "array", "items": ref("NeedSummaryLine"), "x-paged": true,
				"description": "Most outstanding first, limit of them a page (the paged list of this answer; total and kinds cover every line)"}}),
	}
}
