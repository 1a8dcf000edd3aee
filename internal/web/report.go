package web

import (
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
	OPDs   []model.Unit
	Names  []string
	Errors map[string]string
}

func (u *ui) showReports(w http.ResponseWriter, r *http.Request, b base) error {
	if !b.CanMonitor {
		return fmt.Errorf("reports: %w", model.ErrForbidden)
	}
	p := reportsPage{base: b, Names: []string{app.ReportLaporanSKP, app.ReportPenilaian}}
	p.Title, p.Nav = b.T("report.title"), "monitor"
	p.Year, p.Years = u.needYear(r)
	opds, err := u.a.CalibrationOPDs(r.Context(), *b.Actor)
	if err != nil {
		return err
	}
	p.OPDs = opds
	u.render(w, r, http.StatusOK, "reports", p)
	return nil
}

func (u *ui) startReport(w http.ResponseWriter, r *http.Request, b base) error {
	year, _ := strconv.Atoi(r.PostFormValue("year"))
	id, err := u.a.StartReport(r.Context(), *b.Actor, app.ReportRequest{Name: r.PostFormValue("name"), Year: year, OPDID: r.PostFormValue("opd")})
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
