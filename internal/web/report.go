package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Reconciliation reports: a form to ask for the Laporan SKP or the
// Laporan Penilaian SKP, built in the background with its progress shown
// (the page refreshes itself, and a script makes it smoother), then the
// file to download.

func (u *ui) reportRoutes(page func(string, func(w http.ResponseWriter, r *http.Request, b base) error)) {
	page("GET /laporan", u.showReports)
	page("POST /laporan", u.startReport)
	page("GET /laporan/{job}", u.showReportJob)
	page("GET /laporan/{job}/unduh", u.downloadReport)
}

type reportsPage struct {
	base
	Year   int
	Years  []int
	Form   app.ReportForm
	Names  []string
	Name   string // the report chosen
	OPDID  string // the OPD chosen
	Errors map[string]string
}

func (u *ui) reportsPage(r *http.Request, b base) (reportsPage, error) {
	if !b.CanMonitor {
		return reportsPage{}, fmt.Errorf("reports: %w", model.ErrForbidden)
	}
	p := reportsPage{base: b, Names: []string{app.ReportLaporanSKP, app.ReportPenilaian}, Name: app.ReportLaporanSKP}
	p.Title, p.Nav = b.T("report.title"), "monitor"
	p.Year, p.Years = u.needYear(r)
	var err error
	p.Form, err = u.a.ReportForm(r.Context(), *b.Actor)
	return p, err
}

func (u *ui) showReports(w http.ResponseWriter, r *http.Request, b base) error {
	p, err := u.reportsPage(r, b)
	if err != nil {
		return err
	}
	u.render(w, r, http.StatusOK, "reports", p)
	return nil
}

func (u *ui) startReport(w http.ResponseWriter, r *http.Request, b base) error {
	year, _ := strconv.Atoi(r.PostFormValue("year"))
	req := app.ReportRequest{Name: r.PostFormValue("name"), Year: year, OPDID: r.PostFormValue("opd")}
	id, err := u.a.StartReport(r.Context(), *b.Actor, req)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		// Refused with a reason: the form again, saying why.
		p, perr := u.reportsPage(r, b)
		if perr != nil {
			return perr
		}
		if req.Year != 0 {
			p.Year = req.Year
		}
		p.Name, p.OPDID, p.Errors = req.Name, req.OPDID, b.Errs(ve)
		u.render(w, r, http.StatusUnprocessableEntity, "reports", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/laporan/"+id, http.StatusSeeOther)
	return nil
}

type reportJobPage struct {
	base
	Job app.ReportJob
}

func (u *ui) showReportJob(w http.ResponseWriter, r *http.Request, b base) error {
	job, err := u.a.ReportStatus(*b.Actor, r.PathValue("job"))
	if err != nil {
		return err
	}
	p := reportJobPage{base: b, Job: job}
	p.Title, p.Nav = b.T("report.title"), "monitor"
	if r.URL.Query().Get("format") == "json" {
		// The script's poll: how far it got.
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_, err := fmt.Fprintf(w, `{"percent":%d,"ready":%t,"failed":%t}`, job.Percent(), job.Ready, job.Failed)
		return err
	}
	u.render(w, r, http.StatusOK, "report_job", p)
	return nil
}

func (u *ui) downloadReport(w http.ResponseWriter, r *http.Request, b base) error {
	req, data, err := u.a.ReportFile(*b.Actor, r.PathValue("job"))
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", `attachment; filename="`+req.FileName()+`"`)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	_, err = w.Write(data)
	return err
}
