package api

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// reportRoutes are the spreadsheet exports.
func reportRoutes() []route {
	return []route{
		{method: "GET", path: "/api/v1/reports/{name}", summary: "A reconciliation report as XLSX in e-Kinerja BKN's column layout: laporan-skp.xlsx (one row per SKP) or penilaian-skp.xlsx (a sheet per month and one for the year, hasil_akhir the final predikat); BKPSDM and leaders for the instansi or an OPD, OPD admins for their OPD (without unit, their OPD; another OPD is a 404, as an id of nothing)", handle: (*handler).report,
			doc: op{tag: "penilaian", params: []string{"name"}, query: []string{"year", "unit"}, response: "xlsx", errors: []int{403, 404, 422},
				queryDocs: map[string]string{"unit": "Only this OPD's rows; one of the OPDs the actor reports on." + filterRule}}},
	}
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func (h *handler) report(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	name, ok := strings.CutSuffix(r.PathValue("name"), ".xlsx")
	if !ok {
		return model.ErrNotFound
	}
	year, err := app.ParseYear(r.URL.Query().Get("year"), h.a.Today(r.Context(), actor.InstansiID).Time().Year())
	if err != nil {
		return err
	}
	unit, err := idParam(r, "unit")
	if err != nil {
		return err
	}
	req := app.ReportRequest{Name: name, Year: year, OPDID: unit}
	var buf bytes.Buffer
	if err := h.a.WriteReport(r.Context(), actor, req, &buf, nil); err != nil {
		return err
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+req.FileName()+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	_, err = w.Write(buf.Bytes())
	return err
}
