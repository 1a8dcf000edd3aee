package api

import (
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/model"
)

type periodJSON struct {
	ID             string `json:"id"`
	Kind           string `json:"kind"`
	Number         int    `json:"number"`
	Name           string `json:"name"`
	Start          string `json:"start"`
	End            string `json:"end"`
	ReportDeadline string `json:"report_deadline"`
	Status         string `json:"status"`
}

func periodsJSON(ps []model.Period) list[periodJSON] {
	out := list[periodJSON]{Items: []periodJSON{}}
	for _, p := range ps {
		out.Items = append(out.Items, periodJSON{ID: p.ID, Kind: string(p.Kind), Number: p.Number, Name: p.Name(),
			Start: string(p.Start), End: string(p.End), ReportDeadline: string(p.ReportDeadline), Status: string(p.Status)})
	}
	return out
}

func (h *handler) openYear(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Year       int    `json:"year"`
		PeriodKind string `json:"period_kind"`
		ReportDays *int   `json:"report_days"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	days := model.DefaultReportDays
	if req.ReportDays != nil {
		days = *req.ReportDays
	}
	kind := model.PeriodKind(req.PeriodKind)
	if kind == "" {
		kind = model.PeriodMonthly
	}
	ps, err := h.a.OpenYear(r.Context(), actor, req.Year, kind, days)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, periodsJSON(ps))
}

func (h *handler) periods(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		return model.ErrNotFound
	}
	ps, err := h.a.Periods(r.Context(), actor, year)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, periodsJSON(ps))
}

func (h *handler) patchPeriod(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Start          string `json:"start"`
		End            string `json:"end"`
		ReportDeadline string `json:"report_deadline"`
		Status         string `json:"status"`
		Reason         string `json:"reason"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	p, err := h.a.Store.Period(r.Context(), r.PathValue("id"))
	if err != nil || p.InstansiID != actor.InstansiID {
		return model.ErrNotFound
	}
	for _, f := range []struct {
		v   string
		dst *model.Date
	}{{req.Start, &p.Start}, {req.End, &p.End}, {req.ReportDeadline, &p.ReportDeadline}} {
		if f.v != "" {
			*f.dst = model.Date(f.v)
		}
	}
	if req.Status != "" {
		p.Status = model.PeriodStatus(req.Status)
	}
	if err := h.a.MovePeriod(r.Context(), actor, p, req.Reason); err != nil {
		return err
	}
	p, err = h.a.Store.Period(r.Context(), p.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, periodsJSON([]model.Period{p}).Items[0])
}
