package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// op holds what the OpenAPI document says about a route beyond its table
// entry.
type op struct {
	tag      string
	params   []string // path parameters
	query    []string // query parameters
	body     string   // request schema name
	response string   // response schema name ("object" for any)
	status   int      // success status; 200 when zero
	errors   []int    // error statuses besides 401 and 500
	// queryDocs describes a query parameter where the shared description
	// (queryDocs) does not fit this route.
	queryDocs map[string]string
}

// knownQuery refuses a query parameter the route does not declare: a
// client that sends ?employee_id= where the route reads ?employee would
// otherwise get an unfiltered answer it takes for a filtered one. The
// route's declared parameters (op.query) are both what the OpenAPI
// document says and what this check allows, so the two cannot disagree.
func (o op) knownQuery(q url.Values) error {
	var unknown []string
	for k := range q {
		if !slices.Contains(o.query, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	var v model.ValidationError
	for _, k := range unknown {
		if len(o.query) == 0 {
			v.Add(k, "invalid.query.unknown.none")
		} else {
			v.Add(k, "invalid.query.unknown", strings.Join(o.query, ", "))
		}
	}
	return &v
}

// The filters of a list answer the same way on every route: a flag
// (mine, todo ...) is 1/true or 0/false, an id filter (period, unit,
// employee) that is not an id at all is a 422 naming the parameter, and
// a well-formed id of nothing the actor may see is a 404.
const filterRule = " A value that is not an id is a 422 naming the parameter; an id of nothing the actor may see is a 404."

func (h *handler) openAPI(w http.ResponseWriter, r *http.Request, _ model.Actor) error {
	h.docOnce.Do(func() {
		h.doc, h.docErr = json.Marshal(openAPIDocument())
	})
	if h.docErr != nil {
		return h.docErr
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(h.doc)
	return err
}

var queryDocs = map[string]string{
	"unit":        "Only employees of this unit and the units below it",
	"q":           "Words of a name or NIP",
	"active":      "true: only the people employed today; false: only those whose employment ended; everyone when absent",
	"limit":       "Page size, 1 to 200 (50 by default)",
	"cursor":      "The next_cursor of the previous page",
	"user":        "Another user's id (account administrators only)",
	"entity_type": "Entity type, e.g. employee, unit, user, session",
	"entity_id":   "Entity id",
	"actor":       "The actor: a user id, or a username (an ASN's is their NIP)",
	"employee":    "Only this employee's",
	"year":        "Performance year, e.g. 2026",
	"overdue":     "true (or 1): only the improvement plans past their review day (terlambat); false (or 0) or absent: not this filter. Any other value is a 422",
	"status":      "Only this status (SKP: draft, submitted, returned, approved, closed; progress: submitted, approved, returned)",
	"opd":         "One OPD: its units instead of every OPD",
	"team":        "1: the entries of the people the actor rates",
	"from":        "From this date (YYYY-MM-DD), inclusive",
	"to":          "To this date (YYYY-MM-DD), inclusive",
	"rhk":         "Only entries for this RHK",
	"period":      "A period id; the open one by default",
	"target_type": "skp, rhk, progress or realisasi",
	"target_id":   "The id of the target",
	"date":        "A date (YYYY-MM-DD); today by default",
	"lastEventId": "The id of the last event received, for a client that cannot send the Last-Event-ID header (the header wins when both are sent)",
	"parent":      "Only the units directly below this one",
	"revision":    "An approved revision (the revision of an item of GET /skps/{id}/versions); the SKP as it is now when absent",
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

func str() map[string]any { return map[string]any{"type": "string"} }

func nullable(t string) map[string]any { return map[string]any{"type": []string{t, "null"}} }

func obj(required []string, props map[string]any) map[string]any {
	o := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func listOf(item string) map[string]any {
	return obj([]string{"items", "next_cursor"}, map[string]any{
		"items":       map[string]any{"type": "array", "items": ref(item)},
		"next_cursor": nullable("string"),
	})
}

// withTotal is a list schema with "total", the number of items on all
// its pages.
func withTotal(l map[string]any) map[string]any {
	props := map[string]any{"total": map[string]any{"type": "integer"}}
	for k, v := range l["properties"].(map[string]any) {
		props[k] = v
	}
	return obj(append(l["required"].([]string), "total"), props)
}

// withCan is props with a "can" object beside them.
func withCan(props map[string]any, can map[string]any) map[string]any {
	out := map[string]any{"can": can}
	for k, v := range props {
		out[k] = v
	}
	return out
}

// withMerged is a directory entry's properties: the employee's, and the
// record kept when this one was merged into it.
func withMerged(props map[string]any) map[string]any {
	out := map[string]any{"merged_into_id": map[string]any{"type": "string",
		"description": "The record kept, when this record was merged into it (a merge ends no employment)"}}
	for k, v := range props {
		out[k] = v
	}
	return out
}

func enum(values ...string) map[string]any { return map[string]any{"type": "string", "enum": values} }

func schemas() map[string]any {
	roles := []string{"asn", "supervisor", "opd_admin", "bkpsdm_admin", "leader", "auditor", "system_admin"}
	var unitKinds, posKinds []string
	for _, k := range model.UnitKinds {
		unitKinds = append(unitKinds, string(k))
	}
	for _, k := range model.PositionKinds {
		posKinds = append(posKinds, string(k))
	}
	employee := map[string]any{
		"id": str(), "nip": str(), "name": str(), "full_name": str(),
		"status":   enum("pns", "cpns", "pppk", "pppk_paruh_waktu", "pejabat_negara"),
		"golongan": str(), "position": str(), "position_kind": enum(append(posKinds, "")...),
		"unit_id": nullable("string"), "unit_name": str(), "supervisor_id": nullable("string"),
	}
	person := obj([]string{"id", "name", "nip"}, map[string]any{"id": str(), "name": str(), "nip": str()})
	detail := map[string]any{}
	for k, v := range employee {
		detail[k] = v
	}
	for k, v := range map[string]any{
		"front_title": str(), "back_title": str(), "pangkat": str(),
		"rater":       map[string]any{"oneOf": []any{ref("PersonRef"), map[string]any{"type": "null"}}},
		"upper_rater": map[string]any{"oneOf": []any{ref("PersonRef"), map[string]any{"type": "null"}}},
		"rater_title": map[string]any{"type": "string",
			"description": "The post through which the rater rates the employee: \"Plt. Sekretaris\" for one who rates as Plt or Plh, else the rater's own position"},
		"upper_rater_title": map[string]any{"type": "string", "description": "The same for the upper rater"},
		"team": map[string]any{"type": "array", "items": ref("PersonRef"), "maxItems": listPreview,
			"description": fmt.Sprintf("The people the employee rates directly today, by name: the first %d of them; team_count counts them all, GET /employees/{id}/team pages them", listPreview)},
		"team_count":  map[string]any{"type": "integer", "description": "How many people the employee rates directly today"},
		"full_record": map[string]any{"type": "boolean", "description": "Whether the personal fields below are included"},
		"can": obj([]string{"place", "override_rater", "manage_account", "end_employment", "cancel_end", "merge"}, map[string]any{
			"place":          map[string]any{"type": "boolean", "description": "Place the employee in a position or end a placement"},
			"override_rater": map[string]any{"type": "boolean", "description": "Name or end a substitute pejabat penilai"},
			"manage_account": map[string]any{"type": "boolean", "description": "See and revoke the sessions of the employee's account"},
			"end_employment": map[string]any{"type": "boolean", "description": "End the employment (POST /employees/{id}/end)"},
			"cancel_end":     map[string]any{"type": "boolean", "description": "Cancel an end recorded by mistake (POST /employees/{id}/end/cancel)"},
			"merge":          map[string]any{"type": "boolean", "description": "Merge with another record of the same person (POST /employees/{id}/merge)"}}),
		"active":     map[string]any{"type": "boolean", "description": "false once the employment ended or the record was merged"},
		"employment": ref("Employment"),
		"birth_date": map[string]any{"type": []string{"string", "null"}, "format": "date", "description": "null when unknown"},
		"gender":     enum("L", "P", ""), "email": str(), "phone": str(),
		"placements": map[string]any{"type": "array", "items": obj([]string{"can"}, map[string]any{
			"id": str(), "position": str(), "unit": str(), "kind": enum("definitif", "plt", "plh"),
			"start": map[string]any{"type": "string", "format": "date"}, "end": nullable("string"), "decree": str(),
			"can": canSchemaOf("What the signed-in user may do with this placement now", map[string]string{"end": "end it on a date (again: change the end date set, while it is not past)", "cancel": "cancel it: it has not started yet"})})},
		"reassess": map[string]any{"type": "array", "description": "To those who place the employee: the periodic assessments a back-dated transfer left outside their SKP's days, to be assessed again on the SKP in force (id, skp_id, period_id, period, status, reassess)",
			"items": map[string]any{"type": "object"}},
	} {
		detail[k] = v
	}
	user := obj([]string{"id", "name", "roles", "employee_id"}, map[string]any{
		"id": str(), "username": str(), "name": str(), "locale": enum("id", "en"),
		"roles": map[string]any{"type": "array", "items": enum(roles...)}, "employee_id": nullable("string")})
	unit := map[string]any{"id": str(), "code": str(), "name": str(), "kind": enum(unitKinds...),
		"parent_id": nullable("string"), "opd_id": nullable("string"), "head_employee_id": nullable("string"),
		"work_days": map[string]any{"type": "integer", "enum": []int{5, 6}}}
	holder := obj([]string{"employee_id", "name", "nip", "kind", "start", "end", "acting"}, map[string]any{
		"employee_id": str(), "name": map[string]any{"type": "string", "description": "With titles"}, "nip": str(),
		"kind":  enum(string(model.PlacementDefinitif), string(model.PlacementPlt), string(model.PlacementPlh)),
		"start": map[string]any{"type": "string", "format": "date"}, "end": nullable("string"),
		"acting": map[string]any{"type": []string{"string", "null"},
			"description": "For a Plt or Plh, in the reader's language: \"Plt. sejak 2 Januari 2026\" (and until when, when set); null for a definitive holder"}})
	preview := fmt.Sprintf("Who holds the post today: the definitive holders first, then the Plt, then the Plh; the first %d of them "+
		"(a functional post may have hundreds), the count beside says how many, GET /units/{id}/positions/{pid}/holders lists them all", app.UnitHolderPreview)
	holders := map[string]any{"type": "array", "items": ref("Holder"), "maxItems": app.UnitHolderPreview, "description": preview}
	unit["heads"] = holders
	unit["head_count"] = map[string]any{"type": "integer", "description": "How many hold the head post today (heads holds the first of them)"}
	unitDetail := map[string]any{
		"child_ids": map[string]any{"type": "array", "items": str(), "maxItems": listPreview,
			"description": fmt.Sprintf("The units directly below: the first %d (child_count counts them all; GET /units?parent={id} pages them)", listPreview)},
		"child_count": map[string]any{"type": "integer", "description": "How many units are directly below"},
		"employees":   map[string]any{"type": "integer"},
		"positions": map[string]any{"type": "array", "items": ref("UnitPosition"), "maxItems": listPreview,
			"description": fmt.Sprintf("The unit's posts: the first %d (position_count counts them all; GET /units/{id}/positions pages them)", listPreview)},
		"position_count": map[string]any{"type": "integer", "description": "How many posts the unit has"}}
	position := obj([]string{"id", "code", "name", "kind", "holder_id", "holders", "holder_count"}, map[string]any{
		"holder_count": map[string]any{"type": "integer", "description": "How many hold the post today (holders holds the first of them)"},
		"id":           str(), "code": str(), "name": str(), "kind": str(),
		"holder_id": map[string]any{"type": []string{"string", "null"},
			"description": "Who holds the post for its staff (rates them): a Plh or Plt before the definitive holder"},
		"holders": holders})
	for k, v := range unit {
		unitDetail[k] = v
	}
	return map[string]any{
		"Problem": obj([]string{"type", "title", "status"}, map[string]any{
			"type": str(), "title": str(), "status": map[string]any{"type": "integer"}, "detail": str(), "instance": str(),
			"errors": map[string]any{"type": "object", "additionalProperties": str(),
				"description": "Field name → message, in the reader's language (the account's language when signed in, else Accept-Language, else Indonesian), as are title and detail"},
			"codes": map[string]any{"type": "object", "additionalProperties": str(),
				"description": "Field name → message key of the same message, stable across languages, for clients that translate themselves"},
			"code":      map[string]any{"type": "string", "description": "On a 409 that names its reason (a refusal, not a stale version): the message key of detail, stable across languages"},
			"report":    map[string]any{"allOf": []any{ref("ImportReport")}, "description": "On the 422 of an import applied that cannot be applied as it stands (blocked): its preview, with the refusal, every row in error (row, column, reason), the warnings and what the file would do"},
			"backdated": map[string]any{"type": "object", "description": "On the 409 of a transfer whose TMT reaches into closed or assessed periods (type …/backdated): tmt, message, periods (id, name, start, end, status) and assessments (id, skp_id, period_id, period, status, reassess, employee, skp_year, rater: who rated it, or while it is not rated, who rates it today); send confirm_backdated to record it"}}),
		"LoginRequest": obj([]string{"username", "password"}, map[string]any{"username": map[string]any{"type": "string", "description": "NIP for an ASN"}, "password": str(),
			"otp": map[string]any{"type": "string", "description": "For an account with a second factor: the authenticator's 6-digit code, or one of its recovery codes. Without it such an account is answered 401 otp-required; a wrong or reused code 401 otp-invalid (counted like a wrong password); an administrator or auditor whose instansi requires a second factor and who has none, 403 totp-enrolment-required (enrol on the web first)"}}),
		"LoginResponse": obj([]string{"token", "expires_at", "user"}, map[string]any{
			"token": str(), "expires_at": map[string]any{"type": "string", "format": "date-time"}, "user": ref("User")}),
		"User": user,
		"Me": obj([]string{"user", "employee", "email_digest"}, map[string]any{"user": ref("User"), "employee": map[string]any{"oneOf": []any{ref("EmployeeDetail"), map[string]any{"type": "null"}}},
			"email_digest": map[string]any{"type": "boolean", "description": "One digest a day by e-mail (from 07:00 on the instansi's clock) instead of an e-mail per unread notification"},
			"acting": map[string]any{"type": "array", "description": "The posts the user holds today as Plt or Plh (with an employee record only)",
				"items": obj([]string{"position_id", "title", "unit", "kind", "start", "end", "text", "skp_id", "staff", "can"}, map[string]any{
					"position_id": str(), "title": map[string]any{"type": "string", "description": "As documents name it: \"Plt. Kepala Dinas ...\""},
					"unit": str(), "kind": enum(string(model.PlacementPlt), string(model.PlacementPlh)),
					"start": map[string]any{"type": "string", "format": "date"}, "end": nullable("string"),
					"text":   map[string]any{"type": "string", "description": "In the reader's language: \"Plt. Kepala Dinas ... sejak 2 Januari 2026\" (and until when, when set)"},
					"skp_id": map[string]any{"type": []string{"string", "null"}, "description": "The post's SKP of the year that is not closed"},
					"staff":  map[string]any{"type": "integer", "description": "How many people the user rates through the post today"},
					"can": obj([]string{"create_skp", "desk"}, map[string]any{
						"create_skp": map[string]any{"type": "boolean", "description": "POST /api/v1/skps with this position_id would start the post's SKP"},
						"desk":       map[string]any{"type": "boolean", "description": "The post's staff's work waits on the user's desk"}})})}}),
		"MePatch": obj(nil, map[string]any{"locale": enum("id", "en"),
			"email_digest": map[string]any{"type": "boolean", "description": "Choose the daily digest (true) or an e-mail per notification (false)"}}),
		"PasswordChange": obj([]string{"current_password", "new_password"}, map[string]any{"current_password": str(), "new_password": map[string]any{"type": "string", "minLength": 8, "maxLength": 200,
			"description": "refused when common or leaked, a sequence, a repetition, a keyboard row, only digits, or made of the user's NIP, username or name"}}),
		"Session": obj([]string{"can"}, map[string]any{"id": str(), "kind": enum("web", "api"), "created_at": map[string]any{"type": "string", "format": "date-time"},
			"last_seen_at": map[string]any{"type": "string", "format": "date-time"}, "expires_at": map[string]any{"type": "string", "format": "date-time"},
			"ip": str(), "user_agent": str(), "current": map[string]any{"type": "boolean"},
			"can": canSchemaOf("What the signed-in user may do with this session now", map[string]string{"revoke": "end it, signing that device out"})}),
		"SessionList": listOf("Session"),
		"SignInLimit": obj([]string{"id", "username", "user_id", "name", "address", "failures", "until", "can"}, map[string]any{
			"id":       map[string]any{"type": "string", "description": "opaque; names the limit while it lasts"},
			"username": map[string]any{"type": []string{"string", "null"}, "description": "the username tried; null for an address over every account"},
			"user_id":  map[string]any{"type": []string{"string", "null"}, "description": "the account, when the username tried is one"},
			"name":     nullable("string"),
			"address":  map[string]any{"type": []string{"string", "null"}, "description": "the client address; null for an account tried from many addresses"},
			"failures": map[string]any{"type": "integer", "description": "failed password checks counted (a count fades after an hour without failure)"},
			"until":    map[string]any{"type": []string{"string", "null"}, "format": "date-time", "description": "when the next attempt may go ahead; null when it may now (the count still slows the one after a failure)"},
			"can":      canSchemaOf("What the signed-in user may do with this limit now", map[string]string{"lift": "forget it, so that the next attempt goes ahead at once"})}),
		"SignInLimitList":  listOf("SignInLimit"),
		"UnlockResult":     obj([]string{"lifted"}, map[string]any{"lifted": map[string]any{"type": "integer", "description": "how many limits were lifted (0: the account was free)"}}),
		"Unit":             obj([]string{"id", "name", "kind", "parent_id", "head_employee_id", "heads", "head_count"}, unit),
		"UnitDetail":       obj([]string{"id", "name", "kind", "heads", "head_count", "child_ids", "child_count", "positions", "position_count"}, unitDetail),
		"Holder":           holder,
		"UnitPosition":     position,
		"UnitPositionList": withTotal(listOf("UnitPosition")),
		"HolderList":       withTotal(listOf("Holder")),
		"UnitList":         listOf("Unit"),
		"PersonRef":        person,
		"PersonRefList":    withTotal(listOf("PersonRef")),
		"Employee": obj([]string{"id", "nip", "name", "status", "golongan", "position", "position_kind", "unit_id", "supervisor_id", "can"},
			withCan(withMerged(employee), obj([]string{"place", "override_rater"}, map[string]any{
				"place":          map[string]any{"type": "boolean", "description": "Place the employee in a position or end a placement"},
				"override_rater": map[string]any{"type": "boolean", "description": "Name or end a substitute pejabat penilai"}}))),
		"EmployeeList":   withTotal(listOf("Employee")),
		"EmployeeDetail": obj([]string{"id", "nip", "name", "full_record", "can"}, detail),
		"AuditEntry": obj([]string{"at", "actor_id", "action", "entity_type", "entity_id", "before", "after"}, map[string]any{
			"id": str(), "at": map[string]any{"type": "string", "format": "date-time"}, "actor_id": nullable("string"), "actor_name": str(),
			"action": str(), "entity_type": str(), "entity_id": str(), "before": map[string]any{"description": "The record before the change (null when created)"},
			"after": map[string]any{"description": "The record after the change (null when deleted)"}, "ip": str()}),
		"AuditList": listOf("AuditEntry"),
		"ImportRow": obj(nil, map[string]any{"row": map[string]any{"type": "integer"}, "nip": str(), "name": str(),
			"action": enum("create", "update", "unchanged", "reject"), "reason": str(), "changes": map[string]any{"type": "array", "items": str()},
			"column":       map[string]any{"type": "string", "description": "On a rejected row: the column (as a SIASN export spells it: NIP, NAMA, UNOR_ID, JABATAN_ID, JABATAN_NAMA, TMT_JABATAN, ...) whose cell is refused; absent when the reason is the row as a whole"},
			"unit":         map[string]any{"type": "string", "description": "Code of the unit the row places the employee in"},
			"position":     map[string]any{"type": "string", "description": "Name of the position the row places the employee in"},
			"new_position": map[string]any{"type": "boolean", "description": "The import creates this position"},
			"status":       map[string]any{"type": "string", "description": "Employee status the row gives (pns, cpns, pppk, pppk_paruh_waktu, pejabat_negara), read from the NIP when the file has no STATUS"},
			"golongan":     map[string]any{"type": "string", "description": "Golongan the row gives (III/a, IX, ...)"},
			"old_nip":      map[string]any{"type": "string", "description": "On an update that changes the NIP (the same person under a new number): the number until now"},
			"note":         map[string]any{"type": "string", "description": "On a row that creates an employee: a record that may be the same person under another number but is not taken for them (the name agrees, the birth date or the status move does not); Kinerja does not guess"}}),
		"ImportReport": obj([]string{"applied", "created", "updated", "rejected", "rows"}, map[string]any{
			"file_name": str(), "applied": map[string]any{"type": "boolean"}, "total": map[string]any{"type": "integer"},
			"created": map[string]any{"type": "integer"}, "updated": map[string]any{"type": "integer"},
			"unchanged": map[string]any{"type": "integer"}, "rejected": map[string]any{"type": "integer"},
			"rows":      map[string]any{"type": "array", "items": ref("ImportRow")},
			"upload_id": map[string]any{"type": "string", "description": "The staged file of a dry run (web UI)"},
			"blocked":   map[string]any{"type": "string", "description": "On a dry run: why the file cannot be applied as it stands although each row is valid (it would make someone assess themselves); the rows, warnings and counts are still given in full, so that the file is fixed in one go. Applying it answers 422 with this preview in the problem's report"},
			"warnings":  map[string]any{"type": "array", "items": ref("ImportRaterWarning"), "description": "On a dry run (also a blocked one, as what it would do once fixed): what the file does to who rates whom, read from the org chart before and after it on the day its last move takes effect (today when every TMT is past). Warnings never block the file. Each group lists every person concerned, each person once: a client pages them itself, nothing is left out"}}),
		"ImportRaterWarning": obj([]string{"kind", "text", "people"}, map[string]any{
			"kind":     map[string]any{"type": "string", "enum": []string{"vacant", "no_rater", "rater_changed", "upper_changed"}, "description": "vacant: a post the file leaves without a holder (position, unit), its staff then rated by the official above it; no_rater: people left without any pejabat penilai; rater_changed: everyone else whose pejabat penilai changes; upper_changed: people whose pejabat penilai stays while their atasan pejabat penilai changes (upper_before, upper_after)"},
			"position": map[string]any{"type": "string", "description": "The vacated post (vacant)"},
			"unit":     map[string]any{"type": "string", "description": "The unit of the vacated post (vacant)"},
			"text":     map[string]any{"type": "string", "description": "The warning in the reader's language"},
			"people":   map[string]any{"type": "array", "items": ref("ImportRaterChange"), "description": "Everyone concerned, by name; may be empty for a vacant post nobody is rated through"}}),
		"ImportRaterChange": obj([]string{"employee_id", "nip", "name", "rater_before", "rater_after", "moved", "skp_waiting", "skp_in_force"}, map[string]any{
			"employee_id": str(), "nip": str(), "name": str(),
			"position":             map[string]any{"type": "string", "description": "Their post once the file is applied"},
			"rater_before":         map[string]any{"type": "string", "description": "Name of their pejabat penilai now; empty when none"},
			"rater_after":          map[string]any{"type": "string", "description": "Name of their pejabat penilai once the file is applied; empty when none"},
			"rater_after_position": map[string]any{"type": "string", "description": "The post through which rater_after rates them; absent for a substitute rater"},
			"upper_before":         map[string]any{"type": "string", "description": "On an upper_changed warning: name of their atasan pejabat penilai now; empty when none (rater_before and rater_after then name the pejabat penilai who stays)"},
			"upper_after":          map[string]any{"type": "string", "description": "On an upper_changed warning: name of their atasan pejabat penilai once the file is applied; empty when none"},
			"moved":                map[string]any{"type": "boolean", "description": "A row of the file moves or adds this person (their own SKPs close on the transfer)"},
			"skp_waiting":          map[string]any{"type": "boolean", "description": "Their SKP of the year waits for approval: it goes to the new pejabat penilai"},
			"skp_in_force":         map[string]any{"type": "boolean", "description": "Their approved SKP of the year (or the approved revision of one being revised) is in force: the document keeps the rater who approved it; the new one holds the dialogues, progress approvals and the next assessment"}}),
		"PlacementRequest": obj([]string{"kind", "start"}, map[string]any{"position_id": str(), "position_code": map[string]any{"type": "string", "description": "Instead of position_id"},
			"kind": enum("definitif", "plt", "plh"), "start": map[string]any{"type": "string", "format": "date"}, "decree": str(),
			"end":               map[string]any{"type": "string", "format": "date", "description": "Optional last day, when the SK already says it (a Plh for a known absence); checked as a separate end (POST …/placements/{pid}/end) would be"},
			"confirm_backdated": map[string]any{"type": "boolean", "description": "Confirms a transfer whose TMT reaches into closed or assessed periods; without it such a transfer is refused with 409 and the list (backdated)"}}),
		"Placement": obj([]string{"can"}, map[string]any{"id": str(), "position": str(), "unit": str(), "kind": enum("definitif", "plt", "plh"),
			"start": map[string]any{"type": "string", "format": "date"}, "end": nullable("string"), "decree": str(),
			"cancelled_at": map[string]any{"type": "string", "format": "date-time", "description": "On a placement cancelled before it started: when. It stays in the employee's history and never counts as holding the post"},
			"cancelled_by": map[string]any{"type": "string", "description": "On a cancelled placement: the name of the user who cancelled it"},
			"can":          canSchemaOf("What the signed-in user may do with this placement now", map[string]string{"end": "end it on a date (again: change the end date set, while it is not past)", "cancel": "cancel it: it has not started yet"}),
			"backdated":    map[string]any{"type": "object", "description": "On a transfer just made whose TMT reached into closed or assessed periods: tmt, message, periods (id, name, start, end, status) and assessments (id, skp_id, period_id, period, status, reassess: a sent result kept that needs a new assessment on the SKP in force; employee, skp_year, rater)"}}),
		"EndRequest": obj([]string{"end"}, map[string]any{"end": map[string]any{"type": "string", "format": "date"}}),
		"RaterOverrideRequest": obj([]string{"rater_id", "start", "reason"}, map[string]any{"rater_id": str(), "upper_rater_id": str(),
			"start": map[string]any{"type": "string", "format": "date"}, "reason": str()}),
		"RaterOverride": obj([]string{"can"}, map[string]any{"id": str(), "employee_id": str(), "rater_id": str(), "upper_rater_id": nullable("string"),
			"start": map[string]any{"type": "string", "format": "date"}, "end": nullable("string"), "reason": str(),
			"can": canSchemaOf("What the signed-in user may do with this substitute rater now", map[string]string{"end": "end it on a date"})}),
		"RaterOverrideList": listOf("RaterOverride"),
		"ImportUpload": obj([]string{"file"}, map[string]any{"file": map[string]any{"type": "string", "format": "binary", "description": "CSV or XLSX"},
			"apply": map[string]any{"type": "string", "enum": []string{"true", "false"}, "description": "true to apply; a dry run otherwise"}}),
	}
}

var statusText = map[int]string{400: "Malformed request", 401: "Not signed in", 403: "Not allowed", 404: "Not found",
	409: "Conflict", 413: "Too large", 415: "Unsupported content type", 422: "Invalid input", 429: "Too many attempts", 500: "Server error"}

// openAPIDocument describes every route of the table.
func openAPIDocument() map[string]any {
	paths := map[string]map[string]any{}
	components := schemas()
	for _, part := range []map[string]any{planningSchemas(), pkSchemas(), workSchemas(), evidenceSchemas(), teamSchemas(), coachingSchemas(), needsSchemas(), notificationSchemas(), transferSchemas(), employmentSchemas(), assessmentSchemas(), calibrationSchemas(), followUpSchemas(), unitPerformanceSchemas(), objectionSchemas(), accountSchemas(), totpSchemas()} {
		for k, v := range part {
			components[k] = v
		}
	}
	for _, rt := range routes() {
		o := map[string]any{"summary": rt.summary, "tags": []string{rt.doc.tag},
			"operationId": operationID(rt.method, rt.path)}
		var params []any
		for _, p := range rt.doc.params {
			params = append(params, map[string]any{"name": p, "in": "path", "required": true, "schema": str()})
		}
		for _, q := range rt.doc.query {
			s := str()
			if q == "limit" {
				s = map[string]any{"type": "integer", "minimum": 1, "maximum": 200, "default": 50}
			}
			if q == "revision" {
				s = map[string]any{"type": "integer", "minimum": 1}
			}
			desc := queryDocs[q]
			if d, ok := rt.doc.queryDocs[q]; ok {
				desc = d
			}
			param := map[string]any{"name": q, "in": "query", "required": false, "schema": s, "description": desc}
			if strings.HasPrefix(desc, "Deprecated") {
				param["deprecated"] = true
			}
			params = append(params, param)
		}
		if params != nil {
			o["parameters"] = params
		}
		if rt.doc.body != "" {
			ct := "application/json"
			if strings.HasSuffix(rt.doc.body, "Upload") {
				ct = "multipart/form-data"
			}
			o["requestBody"] = map[string]any{"required": true, "content": map[string]any{ct: map[string]any{"schema": ref(rt.doc.body)}}}
			if ct == "application/json" {
				// decode refuses unknown fields.
				components[rt.doc.body].(map[string]any)["additionalProperties"] = false
			}
		}
		status := rt.doc.status
		if status == 0 {
			status = 200
		}
		responses := map[string]any{}
		ok := map[string]any{"description": "Success"}
		switch rt.doc.response {
		case "":
		case "pdf":
			ok["content"] = map[string]any{"application/pdf": map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}
		case "xlsx":
			ok["content"] = map[string]any{xlsxType: map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}
		case "file":
			ok["content"] = map[string]any{"application/octet-stream": map[string]any{"schema": map[string]any{"type": "string", "format": "binary",
				"description": "The file, with the type detected from its content when it was stored (PDF, images, office documents)"}}}
		case "sse":
			ok["content"] = map[string]any{"text/event-stream": map[string]any{"schema": map[string]any{"type": "string",
				"description": "Server-Sent Events: each has an id (resume with the Last-Event-ID header), an event type and JSON data"}}}
		default:
			if status != 204 {
				schema := map[string]any{"type": "object"}
				if rt.doc.response != "object" {
					schema = ref(rt.doc.response)
				}
				ok["content"] = map[string]any{"application/json": map[string]any{"schema": schema}}
			}
		}
		responses[strconv.Itoa(status)] = ok
		errs := append([]int{500}, rt.doc.errors...)
		if !rt.public {
			errs = append(errs, 401)
		}
		if rt.doc.body != "" {
			errs = append(errs, 400, 415)
		}
		sort.Ints(errs)
		for _, e := range errs {
			responses[strconv.Itoa(e)] = map[string]any{"description": statusText[e],
				"content": map[string]any{"application/problem+json": map[string]any{"schema": ref("Problem")}}}
		}
		o["responses"] = responses
		if rt.public {
			o["security"] = []any{}
		}
		if paths[rt.path] == nil {
			paths[rt.path] = map[string]any{}
		}
		paths[rt.path][strings.ToLower(rt.method)] = o
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "Kinerja API", "version": "1",
			"description": "Performance management for Indonesian civil servants (PermenPANRB 6/2022). Errors are RFC 9457 problem documents; lists page with limit and cursor, and a report's growing lists page the same way (their arrays marked x-paged) or show their first items with a count and a route that pages them (maxItems); a query parameter an operation does not declare is a 422 naming it.",
			"license":     map[string]any{"name": "MIT", "identifier": "MIT"}},
		"servers":    []any{map[string]any{"url": "/"}},
		"security":   []any{map[string]any{"bearerAuth": []string{}}},
		"paths":      paths,
		"components": map[string]any{"schemas": components, "securitySchemes": map[string]any{"bearerAuth": map[string]any{"type": "http", "scheme": "bearer"}}},
	}
}

func operationID(method, path string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(method))
	for _, part := range strings.Split(strings.TrimPrefix(path, "/api/v1/"), "/") {
		part = strings.Trim(part, "{}")
		part = strings.NewReplacer(".", "_", "-", "_").Replace(part)
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}
