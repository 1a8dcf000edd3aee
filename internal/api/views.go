package api

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// The JSON shapes of the API. Field names follow the contract in API.md.

type userJSON struct {
	ID         string   `json:"id"`
	Username   string   `json:"username"`
	Name       string   `json:"name"`
	Roles      []string `json:"roles"`
	EmployeeID *string  `json:"employee_id"`
	Locale     string   `json:"locale"`
}

func userOf(a model.Actor) userJSON {
	u := userJSON{ID: a.UserID, Username: a.Username, Name: a.Name, Roles: a.RoleNames(), Locale: a.Locale}
	if u.Roles == nil {
		u.Roles = []string{}
	}
	if a.EmployeeID != "" {
		id := a.EmployeeID
		u.EmployeeID = &id
	}
	return u
}

type unitJSON struct {
	ID             string  `json:"id"`
	Code           string  `json:"code"`
	Name           string  `json:"name"`
	Kind           string  `json:"kind"`
	ParentID       *string `json:"parent_id"`
	OPDID          *string `json:"opd_id"`
	HeadEmployeeID *string `json:"head_employee_id"`
	WorkDays       int     `json:"work_days"`
}

func ptr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func unitOf(u model.Unit, chart *model.OrgChart) unitJSON {
	j := unitJSON{ID: u.ID, Code: u.Code, Name: u.Name, Kind: string(u.Kind), ParentID: ptr(u.ParentID),
		OPDID: ptr(u.OPDID), WorkDays: u.WorkDays}
	if u.HeadPositionID != "" && chart != nil {
		j.HeadEmployeeID = ptr(chart.Holder(u.HeadPositionID))
	}
	return j
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

type personRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	NIP  string `json:"nip"`
}

func refOf(e *model.Employee) *personRef {
	if e == nil {
		return nil
	}
	return &personRef{ID: e.ID, Name: e.FullName(), NIP: e.NIP}
}

type placementJSON struct {
	ID       string  `json:"id"`
	Position string  `json:"position"`
	Unit     string  `json:"unit"`
	Kind     string  `json:"kind"`
	Start    string  `json:"start"`
	End      *string `json:"end"`
	Decree   string  `json:"decree"`
}

type employeeDetailJSON struct {
	employeeJSON
	FrontTitle string          `json:"front_title"`
	BackTitle  string          `json:"back_title"`
	Pangkat    string          `json:"pangkat"`
	Rater      *personRef      `json:"rater"`
	UpperRater *personRef      `json:"upper_rater"`
	Team       []personRef     `json:"team"`
	Full       bool            `json:"full_record"`
	BirthDate  *nullableText   `json:"birth_date,omitempty"`
	Gender     *string         `json:"gender,omitempty"`
	Email      *string         `json:"email,omitempty"`
	Phone      *string         `json:"phone,omitempty"`
	Placements []placementJSON `json:"placements,omitempty"`
}

func employeeDetailOf(d app.EmployeeDetail) employeeDetailJSON {
	e := d.Employee
	sup := ""
	if d.Rater != nil {
		sup = d.Rater.ID
	}
	j := employeeDetailJSON{employeeJSON: employeeOf(e, sup), FrontTitle: e.FrontTitle, BackTitle: e.BackTitle,
		Pangkat: e.Pangkat, Rater: refOf(d.Rater), UpperRater: refOf(d.UpperRater), Full: d.Full, Team: []personRef{}}
	for i := range d.Team {
		j.Team = append(j.Team, *refOf(&d.Team[i]))
	}
	if d.Full {
		birth, gender, email, phone := nullableText(e.BirthDate), e.Gender, e.Email, e.Phone
		j.BirthDate, j.Gender, j.Email, j.Phone = &birth, &gender, &email, &phone
		j.Placements = []placementJSON{}
		for _, p := range d.Placements {
			j.Placements = append(j.Placements, placementJSON{ID: p.ID, Position: p.PositionName, Unit: p.UnitName,
				Kind: string(p.Kind), Start: string(p.Start), End: ptr(string(p.End)), Decree: p.Decree})
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

type sessionJSON struct {
	ID         string    `json:"id"`
	Kind       string    `json:"kind"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	IP         string    `json:"ip"`
	UserAgent  string    `json:"user_agent"`
	Current    bool      `json:"current"`
}

type auditJSON struct {
	ID         string          `json:"id"`
	At         time.Time       `json:"at"`
	ActorID    *string         `json:"actor_id"`
	ActorName  string          `json:"actor_name"`
	Action     string          `json:"action"`
	EntityType string          `json:"entity_type"`
	EntityID   string          `json:"entity_id"`
	Before     json.RawMessage `json:"before"`
	After      json.RawMessage `json:"after"`
	IP         string          `json:"ip"`
}

func rawOrNull(s string) json.RawMessage {
	if s == "" || !json.Valid([]byte(s)) {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}

type list[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

// pageOf pages a list that is read whole (SKPs, a thread, a record's
// evidence, a person's teams): the items after the one named by cursor, at
// most limit of them, with the cursor of the next page when there is one.
// A cursor that names no item is refused.
func pageOf[T any](items []T, id func(T) string, r *http.Request) (list[T], error) {
	limit, err := limitParam(r)
	if err != nil {
		return list[T]{}, err
	}
	start := 0
	if c := r.URL.Query().Get("cursor"); c != "" {
		start = -1
		for i, it := range items {
			if id(it) == c {
				start = i + 1
			}
		}
		if start < 0 {
			return list[T]{}, model.Invalid("cursor", "invalid.cursor.restart")
		}
	}
	out := list[T]{Items: []T{}}
	end := min(len(items), start+limit)
	out.Items = append(out.Items, items[start:end]...)
	if end < len(items) {
		out.NextCursor = ptr(id(items[end-1]))
	}
	return out, nil
}
