package api

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// searchParams reads the search text (q), cursor and limit of a list of
// people ordered by name (the directory, the accounts), refusing a search
// too long or a cursor that is not one of theirs.
func searchParams(r *http.Request) (search, cursor string, limit int, err error) {
	q := r.URL.Query()
	if limit, err = limitParam(r); err != nil {
		return "", "", 0, err
	}
	if search = q.Get("q"); len(search) > 200 {
		return "", "", 0, model.Invalid("q", "invalid.search.long")
	}
	if cursor = q.Get("cursor"); cursor != "" && !directoryCursor(cursor) {
		return "", "", 0, model.Invalid("cursor", "invalid.cursor.next")
	}
	return search, cursor, limit, nil
}

func (h *handler) employees(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	q := r.URL.Query()
	search, cursor, limit, err := searchParams(r)
	if err != nil {
		return err
	}
	active, inactive, ok := model.ActiveFilter(q.Get("active"))
	if !ok {
		return model.Invalid("active", "invalid.field.active")
	}
	page, err := h.a.Directory(r.Context(), actor, model.EmployeeFilter{UnitID: q.Get("unit"), Query: search,
		Cursor: cursor, Limit: limit, ActiveOnly: active, InactiveOnly: inactive})
	if err != nil {
		return err
	}
	out := pageWithTotal[directoryEntryJSON](page.NextCursor, page.Total)
	for _, e := range page.Items {
		out.Items = append(out.Items, directoryEntryJSON{employeeJSON: employeeOf(e.Employee, e.RaterID), MergedIntoID: ptr(e.MergedIntoID),
			Can: directoryCan{Place: e.Can.Place, OverrideRater: e.Can.OverrideRater}})
	}
	return writeJSON(w, http.StatusOK, out)
}

// directoryCursor reports whether c can be a next_cursor of the directory:
// base64url of a name and an id separated by one NUL.
func directoryCursor(c string) bool {
	b, err := base64.RawURLEncoding.DecodeString(c)
	return err == nil && utf8.Valid(b) && bytes.Count(b, []byte{0}) == 1
}

func (h *handler) employee(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	d, err := h.a.Employee(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, employeeDetailOf(d, readerLang(r)))
}

type employeeJSON struct {
	ID           string  `json:"id"`
	NIP          string  `json:"nip"`
	Name         string  `json:"name"`
	FullName     string  `json:"full_name"`
	Status       string  `json:"status"`
	Golongan     string  `json:"golongan"`
	Position     string  `json:"position"`
	PositionKind string  `json:"position_kind"`
	UnitID       *string `json:"unit_id"`
	UnitName     string  `json:"unit_name"`
	SupervisorID *string `json:"supervisor_id"`
}

func employeeOf(e model.Employee, supervisor string) employeeJSON {
	return employeeJSON{ID: e.ID, NIP: e.NIP, Name: e.Name, FullName: e.FullName(), Status: string(e.Status),
		Golongan: e.Golongan, Position: e.PositionName, PositionKind: string(e.PositionKind), UnitID: ptr(e.UnitID),
		UnitName: e.UnitName, SupervisorID: ptr(supervisor)}
}

type placementJSON struct {
	ID       string       `json:"id"`
	Position string       `json:"position"`
	Unit     string       `json:"unit"`
	Kind     string       `json:"kind"`
	Start    string       `json:"start"`
	End      *string      `json:"end"`
	Decree   string       `json:"decree"`
	Can      placementCan `json:"can"`
	// CancelledAt and CancelledBy (the name of who cancelled it): on a
	// placement cancelled before it started, kept in the history; it
	// never counts as holding the post.
	CancelledAt *time.Time `json:"cancelled_at,omitempty"`
	CancelledBy string     `json:"cancelled_by,omitempty"`
	// Backdated lists, on a transfer just made, what its TMT reached into.
	Backdated *backdatedJSON `json:"backdated,omitempty"`
}

// endCan is what the actor may do with a placement or a substitute
// rater: end it.
type endCan struct {
	End bool `json:"end"`
}

// placementCan is what the actor may do with a placement: end it (or
// change the end set), or cancel it while it has not started.
type placementCan struct {
	End    bool `json:"end"`
	Cancel bool `json:"cancel"`
}

type employeeDetailJSON struct {
	employeeJSON
	FrontTitle string     `json:"front_title"`
	BackTitle  string     `json:"back_title"`
	Pangkat    string     `json:"pangkat"`
	Rater      *personRef `json:"rater"`
	UpperRater *personRef `json:"upper_rater"`
	// RaterTitle and UpperRaterTitle: the posts through which they rate
	// ("Plt. Sekretaris"); omitted without a rater.
	RaterTitle      string          `json:"rater_title,omitempty"`
	UpperRaterTitle string          `json:"upper_rater_title,omitempty"`
	Team            []personRef     `json:"team"`
	TeamCount       int             `json:"team_count"`
	Full            bool            `json:"full_record"`
	Can             employeeCan     `json:"can"`
	BirthDate       *nullableText   `json:"birth_date,omitempty"`
	Gender          *string         `json:"gender,omitempty"`
	Email           *string         `json:"email,omitempty"`
	Phone           *string         `json:"phone,omitempty"`
	Placements      []placementJSON `json:"placements,omitempty"`
	Active          bool            `json:"active"`
	Employment      employmentJSON  `json:"employment"`
	// Reassess: to those who place the employee, the periodic assessments
	// a back-dated transfer left outside their SKP's days.
	Reassess []backdatedAssessmentJSON `json:"reassess,omitempty"`
}

func employeeDetailOf(d app.EmployeeDetail, lang string) employeeDetailJSON {
	e := d.Employee
	sup := ""
	if d.Rater != nil {
		sup = d.Rater.ID
	}
	j := employeeDetailJSON{employeeJSON: employeeOf(e, sup), FrontTitle: e.FrontTitle, BackTitle: e.BackTitle,
		Pangkat: e.Pangkat, Rater: refOf(d.Rater), UpperRater: refOf(d.UpperRater), RaterTitle: d.RaterTitle, UpperRaterTitle: d.UpperRaterTitle, Full: d.Full, Team: []personRef{},
		Can: employeeCan{Place: d.Can.Place, OverrideRater: d.Can.OverrideRater, ManageAccount: d.Can.ManageAccount,
			EndEmployment: d.Can.EndEmployment, CancelEnd: d.Can.CancelEnd, Merge: d.Can.Merge},
		Active: e.Active, Employment: employmentOf(d.Employment, lang)}
	// The first of the team; GET /employees/{id}/team pages them all.
	j.TeamCount = len(d.Team)
	for i := range d.Team[:min(len(d.Team), listPreview)] {
		j.Team = append(j.Team, *refOf(&d.Team[i]))
	}
	if d.Full {
		birth, gender, email, phone := nullableText(e.BirthDate), e.Gender, e.Email, e.Phone
		j.BirthDate, j.Gender, j.Email, j.Phone = &birth, &gender, &email, &phone
		j.Placements = []placementJSON{}
		for _, p := range d.Placements {
			j.Placements = append(j.Placements, placementJSON{ID: p.ID, Position: p.PositionName, Unit: p.UnitName,
				Kind: string(p.Kind), Start: string(p.Start), End: ptr(string(p.End)), Decree: p.Decree, Can: placementCan{End: d.CanEndPlacement[p.ID], Cancel: d.CanCancelPlacement[p.ID]}})
			if p.Cancelled {
				at := p.CancelledAt.UTC()
				last := &j.Placements[len(j.Placements)-1]
				last.CancelledAt, last.CancelledBy = &at, p.CancelledBy
			}
		}
	}
	if len(d.Reassess) > 0 {
		for _, it := range d.Reassess {
			j.Reassess = append(j.Reassess, backdatedAssessmentOf(it, lang))
		}
	}
	return j
}

// nullableText is a string that reads as JSON null when empty: a field of
// the full record that is present but unknown.
type nullableText string

// MarshalJSON writes the text, or null when it is empty.
func (t nullableText) MarshalJSON() ([]byte, error) {
	if t == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(t))
}

// employeeCan is what the signed-in user may do with an employee now.
type employeeCan struct {
	Place         bool `json:"place"`
	OverrideRater bool `json:"override_rater"`
	ManageAccount bool `json:"manage_account"`
	EndEmployment bool `json:"end_employment"`
	CancelEnd     bool `json:"cancel_end"`
	Merge         bool `json:"merge"`
}

// directoryEntryJSON is an employee in the directory, with what the
// signed-in user may do with them from the list.
type directoryEntryJSON struct {
	employeeJSON
	// MergedIntoID is the record kept, for a record merged into another;
	// omitted otherwise.
	MergedIntoID *string      `json:"merged_into_id,omitempty"`
	Can          directoryCan `json:"can"`
}

// directoryCan is the part of employeeCan a list knows.
type directoryCan struct {
	Place         bool `json:"place"`
	OverrideRater bool `json:"override_rater"`
}

// listPreview is how many items an answer names of a list it shows in
// part (the people an employee rates, a team's members, the people on a
// desk: a head of a large school rates hundreds). A count beside it says
// how many there are, and a route of its own pages them all.
const listPreview = 10

// employeeTeam answers a page of the people an employee rates, by name.
func (h *handler) employeeTeam(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	team, err := h.a.EmployeeTeam(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	refs := make([]personRef, 0, len(team))
	for i := range team {
		refs = append(refs, *refOf(&team[i]))
	}
	page, err := pageOf(refs, func(p personRef) string { return p.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, totalList[personRef]{list: page, Total: len(refs)})
}
