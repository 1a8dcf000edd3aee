package api

import (
	"net/http"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

func (h *handler) units(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	tree, err := h.a.UnitTree(r.Context(), actor)
	if err != nil {
		return err
	}
	var items []unitJSON
	for _, n := range tree.All {
		items = append(items, unitOf(n))
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
	for _, c := range d.Children {
		children = append(children, c.ID)
	}
	return writeJSON(w, http.StatusOK, struct {
		unitJSON
		ChildIDs  []string `json:"child_ids"`
		Employees int      `json:"employees"`
	}{unitOf(d.UnitNode), children, d.Own})
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

func unitOf(u *app.UnitNode) unitJSON {
	return unitJSON{ID: u.ID, Code: u.Code, Name: u.Name, Kind: string(u.Kind), ParentID: ptr(u.ParentID),
		OPDID: ptr(u.OPDID), HeadEmployeeID: ptr(u.HeadID), WorkDays: u.WorkDays}
}
