package api

import (
	"net/http"
	"strconv"
	"strings"

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

func ptr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
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

type list[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

// totalList is a page of a list with the number of items on all its
// pages (OpenAPI: withTotal).
type totalList[T any] struct {
	list[T]
	Total int `json:"total"`
}

// pageWithTotal starts a totalList: no items yet, the next cursor and the
// total.
func pageWithTotal[T any](next string, total int) totalList[T] {
	return totalList[T]{list[T]{Items: []T{}, NextCursor: ptr(next)}, total}
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

// pageAt pages a list read whole whose items carry no id of their own (an
// SKP's history, its revisions, a period's units): the cursor names the
// position of the next item. A cursor that is not one is refused.
func pageAt[T any](items []T, r *http.Request) (list[T], error) {
	limit, err := limitParam(r)
	if err != nil {
		return list[T]{}, err
	}
	start := 0
	if c := r.URL.Query().Get("cursor"); c != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(c, "@"))
		if err != nil || !strings.HasPrefix(c, "@") || n < 1 || n > len(items) {
			return list[T]{}, model.Invalid("cursor", "invalid.cursor.restart")
		}
		start = n
	}
	out := list[T]{Items: []T{}}
	end := min(len(items), start+limit)
	out.Items = append(out.Items, items[start:end]...)
	if end < len(items) {
		out.NextCursor = ptr("@" + strconv.Itoa(end))
	}
	return out, nil
}

// trimPage shortens to limit a page the application read in its own page
// size, whose cursor is the id of the page's last item: a shorter page
// goes on from its own last item.
func trimPage[T any](items []T, next string, id func(T) string, limit int) ([]T, string) {
	if len(items) > limit {
		items = items[:limit]
		next = id(items[limit-1])
	}
	return items, next
}

// reportPages pages a report that carries several growing lists side by
// side (each marked x-paged in the document): a page holds at most limit
// items of each list, and one cursor ("@3.0.12", the next position in
// each list) goes on with all of them; next is nil once every list is
// read to its end. take cuts one list to the page.
type reportPages struct {
	limit int
	at    []int
	more  bool
	next  []int
}

// reportPagesOf reads limit and the cursor of a report of n lists. A
// cursor that is not one is refused.
func reportPagesOf(r *http.Request, n int) (*reportPages, error) {
	limit, err := limitParam(r)
	if err != nil {
		return nil, err
	}
	p := &reportPages{limit: limit, at: make([]int, n), next: make([]int, n)}
	if c := r.URL.Query().Get("cursor"); c != "" {
		parts := strings.Split(strings.TrimPrefix(c, "@"), ".")
		if !strings.HasPrefix(c, "@") || len(parts) != n {
			return nil, model.Invalid("cursor", "invalid.cursor.restart")
		}
		for i, s := range parts {
			v, err := strconv.Atoi(s)
			if err != nil || v < 0 {
				return nil, model.Invalid("cursor", "invalid.cursor.restart")
			}
			p.at[i] = v
		}
	}
	return p, nil
}

// take returns list i's items on this page (none once it was read to its
// end) and notes where its next page starts.
func take[T any](p *reportPages, i int, items []T) []T {
	start := min(p.at[i], len(items))
	end := min(len(items), start+p.limit)
	p.next[i] = end
	if end < len(items) {
		p.more = true
	}
	return append([]T{}, items[start:end]...)
}

// cursor is the cursor of the next page, nil on the last.
func (p *reportPages) cursor() *string {
	if !p.more {
		return nil
	}
	parts := make([]string, len(p.next))
	for i, v := range p.next {
		parts[i] = strconv.Itoa(v)
	}
	return ptr("@" + strings.Join(parts, "."))
}
