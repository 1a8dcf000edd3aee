package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/export"
	"github.com/kinerja-id/kinerja/internal/model"
)

// Reconciliation reports: the Laporan SKP and the Laporan Penilaian SKP
// as XLSX in e-Kinerja BKN's column layout, for BKPSDM and leaders (the
// whole instansi) and OPD admins (their OPD). The API writes a report as
// it is asked; the web starts a report job and shows its progress, since
// a large instansi's report takes more than a moment.

// Report names.
const (
	ReportLaporanSKP = "laporan-skp"
	ReportPenilaian  = "penilaian-skp"
)

// ReportRequest is a report to build: its name, year and OPD ("" for
// every OPD the actor may see as a whole).
type ReportRequest struct {
	Name  string
	Year  int
	OPDID string
}

// FileName is the report's file name, e.g. "laporan-skp-2026.xlsx".
func (r ReportRequest) FileName() string {
	return fmt.Sprintf("%s-%d.xlsx", r.Name, r.Year)
}

// ReportForm is the reports page: whether the actor may build the
// reports, how far they reach (the whole instansi, or the OPDs an OPD
// admin's grant names) and the OPDs the form offers.
type ReportForm struct {
	Can   bool
	Whole bool
	// OPDs are the OPDs a report may cover: every OPD for BKPSDM and
	// leaders (who may also take the whole instansi), the granted ones for
	// an OPD admin.
	OPDs []model.Unit
}

// ReportForm tells what the reports page offers the actor.
func (a *App) ReportForm(ctx context.Context, actor model.Actor) (ReportForm, error) {
	reach, err := a.Reach(ctx, actor, authz.MonitorSKP)
	if err != nil || reach.Kind < ReachOPD {
		return ReportForm{}, err
	}
	_, units, err := a.org(ctx, actor.InstansiID)
	if err != nil {
		return ReportForm{}, err
	}
	f := ReportForm{Can: true, Whole: reach.Whole()}
	for _, u := range units {
		if isOPD(u) && u.InstansiID == actor.InstansiID && reach.HasOPD(u.ID) {
			f.OPDs = append(f.OPDs, u)
		}
	}
	sort.Slice(f.OPDs, func(i, j int) bool { return f.OPDs[i].Name < f.OPDs[j].Name })
	return f, nil
}

// checkReport validates a report request and the actor's reach for it,
// and answers the request as it will be built: an OPD admin's report
// without an OPD covers their OPD. An OPD beyond the actor's reach is
// model.ErrNotFound, as an id of nothing.
func (a *App) checkReport(ctx context.Context, actor model.Actor, r ReportRequest) (ReportRequest, error) {
	if r.Name != ReportLaporanSKP && r.Name != ReportPenilaian {
		return r, fmt.Errorf("report %q: %w", r.Name, model.ErrNotFound)
	}
	if r.Year < model.FirstOpenYear || r.Year > model.LastYear {
		return r, model.Invalid("year", "invalid.year.range", r.Year)
	}
	f, err := a.ReportForm(ctx, actor)
	if err != nil {
		return r, err
	}
	if !f.Can {
		return r, forbidden("reconciliation reports")
	}
	if f.Whole {
		if r.OPDID != "" && !slices.ContainsFunc(f.OPDs, func(u model.Unit) bool { return u.ID == r.OPDID }) {
			return r, fmt.Errorf("report unit %s: %w", r.OPDID, model.ErrNotFound)
		}
		return r, nil
	}
	names := make([]string, len(f.OPDs))
	for i, u := range f.OPDs {
		names[i] = u.Name
	}
	if r.OPDID == "" && len(f.OPDs) == 1 {
		r.OPDID = f.OPDs[0].ID
	}
	switch {
	case len(f.OPDs) == 0:
		return r, forbidden("reconciliation reports without an OPD")
	case r.OPDID == "":
		return r, model.Invalid("unit", "invalid.report.unit.choose", strings.Join(names, ", "))
	case !slices.ContainsFunc(f.OPDs, func(u model.Unit) bool { return u.ID == r.OPDID }):
		// Another OPD, or none: not found alike, so that the answer does
		// not tell which ids exist.
		return r, fmt.Errorf("report unit %s: %w", r.OPDID, model.ErrNotFound)
	}
	return r, nil
}

// WriteReport builds a report and writes it to w, telling progress how far
// it got.
func (a *App) WriteReport(ctx context.Context, actor model.Actor, r ReportRequest, w io.Writer, progress export.Progress) error {
	r, err := a.checkReport(ctx, actor, r)
	if err != nil {
		return err
	}
	skps, err := a.store.ReportSKPs(ctx, actor.InstansiID, r.Year, r.OPDID)
	if err != nil {
		return err
	}
	if r.Name == ReportLaporanSKP {
		return export.WriteLaporanSKP(w, skps, progress)
	}
	list, err := a.store.ReportAssessments(ctx, actor.InstansiID, r.Year, r.OPDID)
	if err != nil {
		return err
	}
	for i := range list {
		if list[i].Status != model.AssessmentFinal {
			// The report carries results sent: a rating not yet sent is
			// the rater's draft, not a result.
			list[i].HasilKerja, list[i].PerilakuKerja, list[i].Predikat = "", "", ""
		}
	}
	periods, err := a.store.Periods(ctx, actor.InstansiID, r.Year)
	if err != nil {
		return err
	}
	sheets := map[string]model.Period{}
	for _, p := range periods {
		if name := export.SheetOfPeriod(p); name != "" {
			sheets[name] = p
		}
	}
	return export.WriteLaporanPenilaian(w, r.Year, skps, list, sheets, progress)
}

// reportJobs holds the report jobs started from the web, for an hour.
type reportJobs struct {
	mu   sync.Mutex
	jobs map[string]*reportJob
}

type reportJob struct {
	owner      string // the user who asked
	req        ReportRequest
	done       int
	total      int
	finished   bool
	failed     bool
	data       []byte
	started    time.Time
	finishedAt time.Time
}

// ReportJob is a report being built: how far it got and whether its file
// is ready.
type ReportJob struct {
	ID          string
	Request     ReportRequest
	Done, Total int
	Ready       bool
	Failed      bool
}

// Percent is how far the report got, 0 to 100.
func (j ReportJob) Percent() int {
	if j.Ready {
		return 100
	}
	if j.Total == 0 {
		return 0
	}
	return min(99, j.Done*100/j.Total)
}

// reportKeep is how long a finished report's file is kept for download.
const reportKeep = time.Hour

func (a *App) reportStore() *reportJobs {
	a.orgMu.Lock()
	defer a.orgMu.Unlock()
	if a.reports == nil {
		a.reports = &reportJobs{jobs: map[string]*reportJob{}}
	}
	return a.reports
}

// StartReport starts building a report in the background and returns its
// job id; ReportStatus tells its progress and ReportFile gives the file
// once ready. A report is built for the actor who asked and only they see
// it.
func (a *App) StartReport(ctx context.Context, actor model.Actor, r ReportRequest) (string, error) {
	r, err := a.checkReport(ctx, actor, r)
	if err != nil {
		return "", err
	}
	rs := a.reportStore()
	id := model.NewID()
	job := &reportJob{owner: actor.UserID, req: r, started: a.now()}
	rs.mu.Lock()
	for k, j := range rs.jobs { // forget the old ones
		if j.finished && a.now().Sub(j.finishedAt) > reportKeep {
			delete(rs.jobs, k)
		}
	}
	rs.jobs[id] = job
	rs.mu.Unlock()
	go func() {
		var buf bytes.Buffer
		err := a.WriteReport(context.Background(), actor, r, &buf, func(done, total int) {
			rs.mu.Lock()
			job.done, job.total = done, total
			rs.mu.Unlock()
		})
		rs.mu.Lock()
		defer rs.mu.Unlock()
		job.finished, job.finishedAt = true, a.now()
		if err != nil {
			job.failed = true
			a.log.Error("build report", "report", r.Name, "year", r.Year, "err", err)
			return
		}
		job.data = buf.Bytes()
	}()
	return id, nil
}

func (a *App) reportJob(actor model.Actor, id string) (*reportJob, *reportJobs, error) {
	rs := a.reportStore()
	rs.mu.Lock()
	defer rs.mu.Unlock()
	j, ok := rs.jobs[id]
	if !ok || j.owner != actor.UserID {
		return nil, rs, fmt.Errorf("report job %s: %w", id, model.ErrNotFound)
	}
	return j, rs, nil
}

// ReportStatus tells how far a report job got.
func (a *App) ReportStatus(actor model.Actor, id string) (ReportJob, error) {
	j, rs, err := a.reportJob(actor, id)
	if err != nil {
		return ReportJob{}, err
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return ReportJob{ID: id, Request: j.req, Done: j.done, Total: j.total, Ready: j.finished && !j.failed, Failed: j.failed}, nil
}

// ReportFile gives a finished report's file.
func (a *App) ReportFile(actor model.Actor, id string) (ReportRequest, []byte, error) {
	j, rs, err := a.reportJob(actor, id)
	if err != nil {
		return ReportRequest{}, nil, err
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if !j.finished || j.failed {
		return j.req, nil, &model.StateError{Message: model.Msg("conflict.report.notready"), Err: model.ErrConflict}
	}
	return j.req, j.data, nil
}
