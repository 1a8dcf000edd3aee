package api

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/model"
)

// routes is the API's one route table.
func routes() []route {
	var all []route
	for _, part := range [][]route{coreRoutes(), planningRoutes(), pkRoutes(), workRoutes(), evidenceRoutes(), teamRoutes(), coachingRoutes(), needsRoutes()} {
		all = append(all, part...)
	}
	return all
}

// coreRoutes are the organisation, people, access and audit routes.
func coreRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/openapi.json", summary: "This OpenAPI document", public: true, handle: (*handler).openAPI,
			doc: op{tag: "meta", response: "object"}},
		{method: "POST", path: "/api/v1/auth/login", summary: "Sign in and receive a bearer token", public: true, handle: (*handler).login,
			doc: op{tag: "auth", body: "LoginRequest", response: "LoginResponse", errors: []int{401, 422, 429}}},
		{method: "POST", path: "/api/v1/auth/logout", summary: "Revoke the token of this request", handle: (*handler).logout,
			doc: op{tag: "auth", status: 204}},
		{method: "GET", path: "/api/v1/me", summary: "The signed-in user", handle: (*handler).me,
			doc: op{tag: "auth", response: "Me"}},
		{method: "PATCH", path: "/api/v1/me", summary: "Change the user's language", handle: (*handler).patchMe,
			doc: op{tag: "auth", body: "MePatch", response: "Me", errors: []int{422}}},
		{method: "POST", path: "/api/v1/me/password", summary: "Change one's own password (other sessions are revoked)", handle: (*handler).changePassword,
			doc: op{tag: "auth", body: "PasswordChange", status: 204, errors: []int{422}}},
		{method: "GET", path: "/api/v1/sessions", summary: "Active sessions of the user (an account admin may pass ?user=)", handle: (*handler).sessions,
			doc: op{tag: "auth", query: []string{"user"}, response: "SessionList", errors: []int{403, 404}}},
		{method: "DELETE", path: "/api/v1/sessions/{id}", summary: "Revoke a session", handle: (*handler).revokeSession,
			doc: op{tag: "auth", params: []string{"id"}, status: 204, errors: []int{404}}},
		{method: "GET", path: "/api/v1/units", summary: "The unit tree of the instansi, flat", handle: (*handler).units,
			doc: op{tag: "organisation", response: "UnitList"}},
		{method: "GET", path: "/api/v1/units/{id}", summary: "One unit", handle: (*handler).unit,
			doc: op{tag: "organisation", params: []string{"id"}, response: "UnitDetail", errors: []int{404}}},
		{method: "GET", path: "/api/v1/employees", summary: "The employee directory, by name, a page at a time", handle: (*handler).employees,
			doc: op{tag: "organisation", query: []string{"unit", "q", "limit", "cursor"}, response: "EmployeeList", errors: []int{422}}},
		{method: "GET", path: "/api/v1/employees/{id}", summary: "One employee; personal data only for those who may read the full record", handle: (*handler).employee,
			doc: op{tag: "organisation", params: []string{"id"}, response: "EmployeeDetail", errors: []int{404}}},
		{method: "POST", path: "/api/v1/employees/{id}/placements", summary: "Place an employee in a position: definitif (a transfer), Plt or Plh (administrators)", handle: (*handler).placeEmployee,
			doc: op{tag: "organisation", params: []string{"id"}, body: "PlacementRequest", response: "Placement", status: 201, errors: []int{403, 404, 422}}},
		{method: "POST", path: "/api/v1/employees/{id}/placements/{pid}/end", summary: "End a placement on a date", handle: (*handler).endPlacement,
			doc: op{tag: "organisation", params: []string{"id", "pid"}, body: "EndRequest", status: 204, errors: []int{403, 404, 422}}},
		{method: "GET", path: "/api/v1/employees/{id}/rater-overrides", summary: "Substitute raters of an employee (administrators)", handle: (*handler).raterOverrides,
			doc: op{tag: "organisation", params: []string{"id"}, response: "RaterOverrideList", errors: []int{403, 404}}},
		{method: "POST", path: "/api/v1/employees/{id}/rater-overrides", summary: "Name a substitute pejabat penilai (and atasan) from a date, with a reason", handle: (*handler).overrideRater,
			doc: op{tag: "organisation", params: []string{"id"}, body: "RaterOverrideRequest", response: "RaterOverride", status: 201, errors: []int{403, 404, 422}}},
		{method: "POST", path: "/api/v1/employees/{id}/rater-overrides/{oid}/end", summary: "End a substitute rater on a date", handle: (*handler).endOverride,
			doc: op{tag: "organisation", params: []string{"id", "oid"}, body: "EndRequest", status: 204, errors: []int{403, 404, 422}}},
		{method: "POST", path: "/api/v1/imports/employees", summary: "Import employees from a SIASN-style CSV or XLSX file: a dry run unless apply=true", handle: (*handler).importEmployees,
			doc: op{tag: "organisation", body: "ImportUpload", response: "ImportReport", errors: []int{403, 413, 422}}},
		{method: "GET", path: "/api/v1/audit", summary: "Audit log entries, newest first (administrators and auditors)", handle: (*handler).audit,
			doc: op{tag: "audit", query: []string{"entity_type", "entity_id", "actor", "limit", "cursor"}, response: "AuditList", errors: []int{403, 422}}},
	}
}

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

func (h *handler) login(w http.ResponseWriter, r *http.Request, _ model.Actor) error {
	var req loginRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	var v model.ValidationError
	if strings.TrimSpace(req.Username) == "" {
		v.Add("username", "invalid.login.username")
	}
	if req.Password == "" {
		v.Add("password", "invalid.login.password")
	}
	if err := v.Err(); err != nil {
		return err
	}
	res, err := h.a.Login(r.Context(), app.LoginRequest{Username: req.Username, Password: req.Password, Kind: "api",
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

func (h *handler) meJSON(r *http.Request, actor model.Actor) (map[string]any, error) {
	out := map[string]any{"user": userOf(actor), "employee": nil}
	if actor.EmployeeID != "" {
		d, err := h.a.Employee(r.Context(), actor, actor.EmployeeID)
		if err != nil {
			return nil, err
		}
		out["employee"] = employeeDetailOf(d)
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
		Locale string `json:"locale"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := h.a.SetLocale(r.Context(), actor, req.Locale); err != nil {
		return err
	}
	actor.Locale = req.Locale
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

func (h *handler) sessions(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	user := r.URL.Query().Get("user")
	if user == "" {
		user = actor.UserID
	}
	sessions, err := h.a.Sessions(r.Context(), actor, user)
	if err != nil {
		return err
	}
	out := list[sessionJSON]{Items: []sessionJSON{}}
	for _, s := range sessions {
		out.Items = append(out.Items, sessionJSON{ID: s.ID, Kind: s.Kind, CreatedAt: s.CreatedAt, LastSeenAt: s.LastSeenAt,
			ExpiresAt: s.ExpiresAt, IP: s.IP, UserAgent: s.UserAgent, Current: s.ID == actor.SessionID})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) revokeSession(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := h.a.RevokeSession(r.Context(), actor, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (h *handler) units(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	units, err := h.a.Units(r.Context(), actor)
	if err != nil {
		return err
	}
	chart, err := h.a.OrgChart(r.Context(), actor.InstansiID)
	if err != nil {
		return err
	}
	out := list[unitJSON]{Items: []unitJSON{}}
	for _, u := range units {
		out.Items = append(out.Items, unitOf(u, chart))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) unit(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	u, err := h.a.Unit(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	chart, err := h.a.OrgChart(r.Context(), actor.InstansiID)
	if err != nil {
		return err
	}
	units, err := h.a.Units(r.Context(), actor)
	if err != nil {
		return err
	}
	children := []string{}
	for _, c := range units {
		if c.ParentID == u.ID {
			children = append(children, c.ID)
		}
	}
	counts, err := h.a.Store.UnitEmployeeCounts(r.Context(), actor.InstansiID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, struct {
		unitJSON
		ChildIDs  []string `json:"child_ids"`
		Employees int      `json:"employees"`
	}{unitOf(u, chart), children, counts[u.ID]})
}

func (h *handler) employees(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	if len(q.Get("q")) > 200 {
		return model.Invalid("q", "invalid.search.long")
	}
	if c := q.Get("cursor"); c != "" && !directoryCursor(c) {
		return model.Invalid("cursor", "invalid.cursor.next")
	}
	page, err := h.a.Directory(r.Context(), actor, model.EmployeeFilter{UnitID: q.Get("unit"), Query: q.Get("q"),
		Cursor: q.Get("cursor"), Limit: limit})
	if err != nil {
		return err
	}
	out := list[employeeJSON]{Items: []employeeJSON{}, NextCursor: ptr(page.NextCursor)}
	for _, e := range page.Items {
		out.Items = append(out.Items, employeeOf(e.Employee, e.RaterID))
	}
	return writeJSON(w, http.StatusOK, out)
}

// directoryCursor reports whether c can be a next_cursor of the directory:
// base64url of a name and an id separated by one NUL.
func directoryCursor(c string) bool {
	b, err := base64.RawURLEncoding.DecodeString(c)
	return err == nil && utf8.Valid(b) && bytes.Count(b, []byte{0}) == 1
}

// isID reports whether s has the shape of an identifier: at most 64
// letters and digits.
func isID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func (h *handler) employee(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	d, err := h.a.Employee(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, employeeDetailOf(d))
}

func (h *handler) audit(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	cursor := q.Get("cursor")
	if cursor != "" && !isID(cursor) {
		return model.Invalid("cursor", "invalid.cursor.next")
	}
	entries, err := h.a.Audit(r.Context(), actor, model.AuditFilter{EntityType: q.Get("entity_type"), EntityID: q.Get("entity_id"),
		ActorID: q.Get("actor"), Before: cursor, Limit: limit + 1})
	if err != nil {
		return err
	}
	out := list[auditJSON]{Items: []auditJSON{}}
	if len(entries) > limit {
		entries = entries[:limit]
		out.NextCursor = ptr(entries[limit-1].ID)
	}
	for _, e := range entries {
		out.Items = append(out.Items, auditJSON{ID: e.ID, At: e.At, ActorID: ptr(e.ActorID), ActorName: e.ActorName,
			Action: e.Action, EntityType: e.EntityType, EntityID: e.EntityID, Before: rawOrNull(e.Before),
			After: rawOrNull(e.After), IP: e.IP})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) importEmployees(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	r.Body = http.MaxBytesReader(w, r.Body, importer.MaxFileSize+1<<20)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return model.ErrTooLarge
		}
		return model.Invalid("file", "invalid.import.multipart")
	}
	defer r.MultipartForm.RemoveAll()
	file, header, err := r.FormFile("file")
	if err != nil {
		return model.Invalid("file", "invalid.import.file")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, importer.MaxFileSize+1))
	if err != nil {
		return err
	}
	if len(data) > importer.MaxFileSize {
		return model.ErrTooLarge
	}
	filename := header.Filename
	if !cleanText(filename) {
		filename = strings.ToValidUTF8(strings.ReplaceAll(filename, "\x00", ""), "?")
	}
	apply := false
	switch r.FormValue("apply") {
	case "", "false", "0":
	case "true", "1":
		apply = true
	default:
		return model.Invalid("apply", "invalid.import.apply")
	}
	rep, err := h.a.ImportEmployees(r.Context(), actor, filename, data, apply)
	if err != nil {
		return err
	}
	rep = rep.In(readerLang(r))
	if rep.Rows == nil {
		rep.Rows = []importer.RowResult{}
	}
	return writeJSON(w, http.StatusOK, rep)
}

func (h *handler) placeEmployee(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		PositionID   string `json:"position_id"`
		PositionCode string `json:"position_code"`
		Kind         string `json:"kind"`
		Start        string `json:"start"`
		Decree       string `json:"decree"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if req.PositionID == "" && req.PositionCode != "" {
		p, err := h.a.Store.PositionByCode(r.Context(), actor.InstansiID, req.PositionCode)
		if err != nil {
			return model.Invalid("position_code", "invalid.position.code.unknown")
		}
		req.PositionID = p.ID
	}
	if req.PositionID == "" {
		return model.Invalid("position_id", "invalid.position.required")
	}
	pl, err := h.a.PlaceEmployee(r.Context(), actor, model.Placement{EmployeeID: r.PathValue("id"), PositionID: req.PositionID,
		Kind: model.PlacementKind(req.Kind), Start: model.Date(req.Start), Decree: req.Decree})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, placementJSON{ID: pl.ID, Position: pl.PositionName, Kind: string(pl.Kind),
		Start: string(pl.Start), End: ptr(string(pl.End)), Decree: pl.Decree})
}

type endRequest struct {
	End string `json:"end"`
}

func (h *handler) endPlacement(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req endRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	pl, err := h.a.Store.PlacementByID(r.Context(), r.PathValue("pid"))
	if err != nil || pl.EmployeeID != r.PathValue("id") {
		return model.ErrNotFound
	}
	if err := h.a.EndPlacement(r.Context(), actor, pl.ID, model.Date(req.End)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type overrideJSON struct {
	ID           string  `json:"id"`
	EmployeeID   string  `json:"employee_id"`
	RaterID      string  `json:"rater_id"`
	UpperRaterID *string `json:"upper_rater_id"`
	Start        string  `json:"start"`
	End          *string `json:"end"`
	Reason       string  `json:"reason"`
}

func overrideOf(o model.RaterOverride) overrideJSON {
	return overrideJSON{ID: o.ID, EmployeeID: o.EmployeeID, RaterID: o.RaterID, UpperRaterID: ptr(o.UpperRaterID),
		Start: string(o.Start), End: ptr(string(o.End)), Reason: o.Reason}
}

func (h *handler) raterOverrides(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	overrides, err := h.a.RaterOverrides(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	out := list[overrideJSON]{Items: []overrideJSON{}}
	for _, o := range overrides {
		out.Items = append(out.Items, overrideOf(o))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) overrideRater(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		RaterID      string `json:"rater_id"`
		UpperRaterID string `json:"upper_rater_id"`
		Start        string `json:"start"`
		Reason       string `json:"reason"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	o, err := h.a.OverrideRater(r.Context(), actor, model.RaterOverride{EmployeeID: r.PathValue("id"), RaterID: req.RaterID,
		UpperRaterID: req.UpperRaterID, Start: model.Date(req.Start), Reason: req.Reason})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, overrideOf(o))
}

func (h *handler) endOverride(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req endRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	if err := h.a.EndRaterOverride(r.Context(), actor, r.PathValue("id"), r.PathValue("oid"), model.Date(req.End)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
