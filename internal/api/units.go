package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

func (h *handler) units(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	parent, err := idParam(r, "parent")
	if err != nil {
		return err
	}
	tree, err := h.a.UnitTree(r.Context(), actor)
	if err != nil {
		return err
	}
	if _, ok := tree.ByID[parent]; parent != "" && !ok {
		return model.ErrNotFound
	}
	lang := readerLang(r)
	items := []unitJSON{}
	for _, n := range tree.All {
		if parent == "" || n.ParentID == parent {
			items = append(items, unitOf(n, lang))
		}
	}
	out, err := pageOf(items, func(u unitJSON) string { return u.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) unit(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	d, err := h.a.UnitDetail(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	children := []string{}
	for _, c := range d.Children[:min(len(d.Children), listPreview)] {
		children = append(children, c.ID)
	}
	lang := readerLang(r)
	positions := positionsOf(d.Positions, lang)
	return writeJSON(w, http.StatusOK, struct {
		unitJSON
		ChildIDs      []string       `json:"child_ids"`
		ChildCount    int            `json:"child_count"`
		Employees     int            `json:"employees"`
		Positions     []positionJSON `json:"positions"`
		PositionCount int            `json:"position_count"`
	}{unitOf(d.UnitNode, lang), children, len(d.Children), d.Own, positions[:min(len(positions), listPreview)], len(positions)})
}

func positionsOf(list []app.PositionHolder, lang string) []positionJSON {
	out := make([]positionJSON, 0, len(list))
	for _, p := range list {
		out = append(out, positionJSON{ID: p.ID, Code: p.Code, Name: p.Name, Kind: string(p.Kind),
			HolderID: ptr(p.HolderID), Holders: holdersOf(p.Holders, lang), HolderCount: p.HolderCount})
	}
	return out
}

// unitPositions answers a page of a unit's posts, each with its first
// holders.
func (h *handler) unitPositions(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	d, err := h.a.UnitDetail(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	positions := positionsOf(d.Positions, readerLang(r))
	page, err := pageOf(positions, func(p positionJSON) string { return p.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, totalList[positionJSON]{list: page, Total: len(positions)})
}

// holderJSON is one person holding a post today: definitive, or acting
// (Plt, Plh) with acting saying so ("Plt. sejak 2 Januari 2026").
type holderJSON struct {
	EmployeeID string  `json:"employee_id"`
	Name       string  `json:"name"`
	NIP        string  `json:"nip"`
	Kind       string  `json:"kind"`
	Start      string  `json:"start"`
	End        *string `json:"end"`
	Acting     *string `json:"acting"`
}

func holdersOf(hs []app.UnitHolder, lang string) []holderJSON {
	out := make([]holderJSON, 0, len(hs))
	for _, h := range hs {
		j := holderJSON{EmployeeID: h.EmployeeID, Name: h.Name, NIP: h.NIP, Kind: string(h.Kind), Start: string(h.Start), End: ptr(string(h.End))}
		if h.Acting.Key != "" {
			j.Acting = ptr(locale.T(lang, h.Acting.Key, h.Acting.Args...))
		}
		out = append(out, j)
	}
	return out
}

// positionJSON is a position of a unit with who holds it today: the
// first app.UnitHolderPreview holders and how many there are.
type positionJSON struct {
	ID          string       `json:"id"`
	Code        string       `json:"code"`
	Name        string       `json:"name"`
	Kind        string       `json:"kind"`
	HolderID    *string      `json:"holder_id"`
	Holders     []holderJSON `json:"holders"`
	HolderCount int          `json:"holder_count"`
}

// postHolders answers a page of the holders of a post of a unit.
func (h *handler) postHolders(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	cursor := r.URL.Query().Get("cursor")
	if cursor != "" && !isID(cursor) {
		return model.Invalid("cursor", "invalid.cursor.restart")
	}
	page, err := h.a.PostHolders(r.Context(), actor, r.PathValue("id"), r.PathValue("pid"), app.PostHoldersQuery{Cursor: cursor, Limit: limit})
	if err != nil {
		return err
	}
	out := pageWithTotal[holderJSON](page.Next, page.Total)
	out.Items = holdersOf(page.Items, readerLang(r))
	return writeJSON(w, http.StatusOK, out)
}

type unitJSON struct {
	ID             string       `json:"id"`
	Code           string       `json:"code"`
	Name           string       `json:"name"`
	Kind           string       `json:"kind"`
	ParentID       *string      `json:"parent_id"`
	OPDID          *string      `json:"opd_id"`
	HeadEmployeeID *string      `json:"head_employee_id"`
	Heads          []holderJSON `json:"heads"`
	HeadCount      int          `json:"head_count"`
	WorkDays       int          `json:"work_days"`
}

func unitOf(u *app.UnitNode, lang string) unitJSON {
	return unitJSON{ID: u.ID, Code: u.Code, Name: u.Name, Kind: string(u.Kind), ParentID: ptr(u.ParentID),
		OPDID: ptr(u.OPDID), HeadEmployeeID: ptr(u.HeadID), Heads: holdersOf(u.Heads, lang), HeadCount: u.HeadCount, WorkDays: u.WorkDays}
}
