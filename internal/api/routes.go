package api

// routes is the API's one route table.
func routes() []route {
	var all []route
	for _, part := range [][]route{coreRoutes(), planningRoutes(), pkRoutes(), workRoutes(), evidenceRoutes(), teamRoutes(), coachingRoutes(), needsRoutes(), notificationRoutes()} {
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
