package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

type unitsPage struct {
	base
	Roots []*app.UnitNode
}

func (u *ui) showUnits(w http.ResponseWriter, r *http.Request, b base) error {
	tree, err := u.a.UnitTree(r.Context(), *b.Actor)
	if err != nil {
		return err
	}
	b.Title, b.Nav = b.T("units.title"), "units"
	u.render(w, r, http.StatusOK, "units", unitsPage{base: b, Roots: tree.Roots})
	return nil
}

type unitPage struct {
	base
	Unit      *app.UnitNode
	Parent    *app.UnitNode
	People    directoryList
	Positions []app.PositionHolder
	PK        pkView
}

func (u *ui) showUnit(w http.ResponseWriter, r *http.Request, b base) error {
	return u.renderUnit(w, r, b, r.PathValue("id"), http.StatusOK, nil)
}

// renderUnit shows the unit page; edit adjusts its PK section (a form
// shown again with its errors).
func (u *ui) renderUnit(w http.ResponseWriter, r *http.Request, b base, id string, status int, edit func(*pkView)) error {
	d, err := u.a.UnitDetail(r.Context(), *b.Actor, id)
	if err != nil {
		return err
	}
	// The active employees, as the unit's count beside the list counts
	// them (UnitNode.Employees): one not active is found in the directory.
	people, err := u.directory(r, b, model.EmployeeFilter{UnitID: d.ID, ActiveOnly: true, Cursor: r.URL.Query().Get("cursor"), Limit: 50})
	if err != nil {
		return err
	}
	p := unitPage{base: b, Unit: d.UnitNode, Parent: d.Parent, People: people, Positions: d.Positions}
	if p.PK, err = u.unitPK(r, b, d.ID); err != nil {
		return err
	}
	if edit != nil {
		edit(&p.PK)
	}
	p.Title, p.Nav = d.Name, "units"
	u.render(w, r, status, "unit", p)
	return nil
}

// unitHoldersPage lists everyone holding one post of a unit today, a
// page at a time.
type unitHoldersPage struct {
	base
	Unit     model.Unit
	Position model.Position
	Holders  app.PostHolders
	NextURL  string
	FirstURL string
}

// holdersPageSize is how many holders of a post one page shows.
const holdersPageSize = 50

func (u *ui) showPostHolders(w http.ResponseWriter, r *http.Request, b base) error {
	id, pid, cursor := r.PathValue("id"), r.PathValue("pid"), r.URL.Query().Get("cursor")
	page, err := u.a.PostHolders(r.Context(), *b.Actor, id, pid, app.PostHoldersQuery{Cursor: cursor, Limit: holdersPageSize})
	if err != nil && cursor != "" && !errors.Is(err, model.ErrNotFound) && !errors.Is(err, model.ErrForbidden) {
		// A stale cursor (the holder it names left the post): start again.
		cursor = ""
		page, err = u.a.PostHolders(r.Context(), *b.Actor, id, pid, app.PostHoldersQuery{Limit: holdersPageSize})
	}
	if err != nil {
		return err
	}
	p := unitHoldersPage{base: b, Unit: page.Unit, Position: page.Position, Holders: page}
	if page.Next != "" {
		p.NextURL = r.URL.Path + "?" + url.Values{"cursor": {page.Next}}.Encode()
	}
	if cursor != "" {
		p.FirstURL = r.URL.Path
	}
	p.Title, p.Nav = b.T("units.holders.title", page.Position.Name), "units"
	u.render(w, r, http.StatusOK, "unit_holders", p)
	return nil
}
