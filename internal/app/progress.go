package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// canSeeWorkOf reports whether actor may see the work records (SKP,
// progress, realisasi, evidence, feedback) of an employee: the employee,
// anyone above them in their line, and administrators within their scope.
// Others are told it does not exist.
func (a *App) canSeeWorkOf(ctx context.Context, actor model.Actor, instansiID, employeeID string) error {
	hidden := fmt.Errorf("work of %s: %w", employeeID, model.ErrNotFound)
	if instansiID != actor.InstansiID {
		return hidden
	}
	if actor.EmployeeID != "" && actor.EmployeeID == employeeID {
		return nil
	}
	e, err := a.Store.Employee(ctx, employeeID)
	if err != nil {
		return hidden
	}
	chart, err := a.OrgChart(ctx, instansiID)
	if err != nil {
		return err
	}
	t, err := a.employeeTarget(ctx, actor, chart, e)
	if err != nil {
		return err
	}
	if !authz.Can(actor, authz.ReadSKP, t) {
		return hidden
	}
	return nil
}

// currentSKP returns the SKP an employee works on at date: the one of that
// year whose period covers it and that is not a closed earlier one.
func (a *App) currentSKP(ctx context.Context, e model.Employee, date model.Date) (model.SKP, bool, error) {
	list, err := a.Store.SKPs(ctx, store.SKPFilter{InstansiID: e.InstansiID, EmployeeIDs: []string{e.ID}, Year: date.Time().Year()})
	if err != nil {
		return model.SKP{}, false, err
	}
	for _, s := range list {
		if s.PeriodStart <= date && date <= s.PeriodEnd {
			full, err := a.Store.SKP(ctx, s.ID)
			return full, err == nil, err
		}
	}
	return model.SKP{}, false, nil
}

// WorkRHK returns the RHK an employee can report progress against on a
// date, from the SKP of that date (none when there is no SKP yet).
func (a *App) WorkRHK(ctx context.Context, actor model.Actor, date model.Date) (model.SKP, error) {
	e, err := a.Store.Employee(ctx, actor.EmployeeID)
	if err != nil {
		return model.SKP{}, err
	}
	s, _, err := a.currentSKP(ctx, e, date)
	return s, err
}

// SubmitProgress records the actor's own progress entry for a working day
// and sends it to their pejabat penilai, who sees it at once.
//
// Evidence files already stored (StoreUpload) are attached in the same
// transaction.
func (a *App) SubmitProgress(ctx context.Context, actor model.Actor, p model.Progress, uploads ...Upload) (model.Progress, error) {
	if actor.EmployeeID == "" {
		return p, forbidden("record progress without an employee record")
	}
	e, err := a.prepareEntry(ctx, actor, &p)
	if err != nil {
		return p, err
	}
	chart, err := a.OrgChart(ctx, e.InstansiID)
	if err != nil {
		return p, err
	}
	p.InstansiID, p.EmployeeID, p.RaterID = e.InstansiID, e.ID, chart.Rater(e.ID)
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if p, err = tx.CreateProgress(ctx, p); err != nil {
			return err
		}
		t := workTarget{InstansiID: p.InstansiID, OwnerID: p.EmployeeID}
		if _, err := attach(ctx, tx, actor, t, TargetProgress, p.ID, uploads); err != nil {
			return err
		}
		return a.progressSent(ctx, tx, e, p)
	})
	return p, err
}

// prepareEntry checks an entry its author sends (its text, its date, the
// RHK it serves) and sets what follows from them: the SKP in force and
// whether it is late by the unit's working week.
func (a *App) prepareEntry(ctx context.Context, actor model.Actor, p *model.Progress) (model.Employee, error) {
	e, err := a.Store.Employee(ctx, actor.EmployeeID)
	if err != nil {
		return e, err
	}
	p.Description, p.OutputUnit = strings.TrimSpace(p.Description), strings.TrimSpace(p.OutputUnit)
	if err := p.Validate(a.Today()); err != nil {
		return e, err
	}
	if err := a.checkProgressRHK(ctx, e, p); err != nil {
		return e, err
	}
	p.Late = model.ProgressLate(p.WorkDate, a.Now(), a.workDays(ctx, e))
	return e, nil
}

// progressSent tells the pejabat penilai an entry waits for them.
func (a *App) progressSent(ctx context.Context, tx *store.Tx, e model.Employee, p model.Progress) error {
	if p.RaterID == "" {
		return nil
	}
	if err := tx.Emit(ctx, p.RaterID, "progress.submitted", progressEvent(e, p)); err != nil {
		return err
	}
	return tx.Notify(ctx, model.Notification{InstansiID: p.InstansiID, EmployeeID: p.RaterID, Kind: "progress.submitted",
		Title: fmt.Sprintf("%s melaporkan progres %s", e.FullName(), p.WorkDate), Body: short(p.Description, 140), Link: "/meja#progress-" + p.ID})
}

func progressEvent(e model.Employee, p model.Progress) map[string]any {
	return map[string]any{"id": p.ID, "employee_id": p.EmployeeID, "employee_name": e.FullName(), "date": p.WorkDate,
		"description": p.Description, "output": p.Output(), "minutes": p.Minutes, "status": p.Status, "late": p.Late,
		"rhk_id": p.RHKID, "version": p.Version, "review_note": p.ReviewNote}
}

func short(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// workDays is the working week of an employee's unit (5 when unknown).
func (a *App) workDays(ctx context.Context, e model.Employee) int {
	if e.UnitID != "" {
		if u, err := a.Store.Unit(ctx, e.UnitID); err == nil && u.WorkDays == 6 {
			return 6
		}
	}
	return 5
}

// checkProgressRHK checks the RHK an entry serves belongs to the SKP of its
// date, and records that SKP.
func (a *App) checkProgressRHK(ctx context.Context, e model.Employee, p *model.Progress) error {
	s, ok, err := a.currentSKP(ctx, e, p.WorkDate)
	if err != nil {
		return err
	}
	p.SKPID = ""
	if ok {
		p.SKPID = s.ID
	}
	if p.RHKID == "" {
		return nil
	}
	for _, r := range s.RHK {
		if r.ID == p.RHKID {
			return nil
		}
	}
	return model.Invalid("rhk_id", "invalid.progress.rhk.foreign")
}

// ResubmitProgress lets the author fix a returned entry and send it again.
func (a *App) ResubmitProgress(ctx context.Context, actor model.Actor, version int, p model.Progress) (model.Progress, error) {
	cur, err := a.ProgressEntry(ctx, actor, p.ID)
	if err != nil {
		return p, err
	}
	if cur.EmployeeID != actor.EmployeeID {
		return p, forbidden("change another employee's progress")
	}
	if cur.Status != model.ProgressReturned {
		return p, fmt.Errorf("progress is %s: %w", cur.Status, model.ErrInvalidTransition)
	}
	e, err := a.prepareEntry(ctx, actor, &p)
	if err != nil {
		return p, err
	}
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if p, err = tx.ResubmitProgress(ctx, version, p); err != nil {
			return err
		}
		return a.progressSent(ctx, tx, e, p)
	})
	return p, err
}

// ProgressEntry returns one entry to those who may see its author's work.
func (a *App) ProgressEntry(ctx context.Context, actor model.Actor, id string) (model.Progress, error) {
	p, err := a.Store.Progress(ctx, id)
	if err != nil {
		return p, err
	}
	if err := a.canSeeWorkOf(ctx, actor, p.InstansiID, p.EmployeeID); err != nil {
		return model.Progress{}, fmt.Errorf("progress %s: %w", id, model.ErrNotFound)
	}
	return p, nil
}

// ReviewProgress approves an entry or returns it with a note. Only the
// author's pejabat penilai (or someone above them in the line) may, never
// the author.
func (a *App) ReviewProgress(ctx context.Context, actor model.Actor, id string, version int, approve bool, note string) (model.Progress, error) {
	p, err := a.ProgressEntry(ctx, actor, id)
	if err != nil {
		return p, err
	}
	if err := a.mayReview(ctx, actor, p); err != nil {
		return p, err
	}
	note = strings.TrimSpace(note)
	status := model.ProgressApproved
	if !approve {
		status = model.ProgressReturned
		if note == "" {
			return p, model.Invalid("note", "invalid.review.note.required")
		}
	}
	if len(note) > 2000 {
		return p, model.Invalid("note", "invalid.progress.note.long")
	}
	e, err := a.Store.Employee(ctx, p.EmployeeID)
	if err != nil {
		return p, err
	}
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if p, err = tx.ReviewProgress(ctx, id, version, status, note, actor.EmployeeID); err != nil {
			return err
		}
		if err := tx.Emit(ctx, p.EmployeeID, "progress.reviewed", progressEvent(e, p)); err != nil {
			return err
		}
		title := fmt.Sprintf("Progres %s Anda disetujui", p.WorkDate)
		if !approve {
			title = fmt.Sprintf("Progres %s Anda dikembalikan untuk diperbaiki", p.WorkDate)
		}
		return tx.Notify(ctx, model.Notification{InstansiID: p.InstansiID, EmployeeID: p.EmployeeID, Kind: "progress." + string(status),
			Title: title, Body: note, Link: "/progres?tanggal=" + string(p.WorkDate) + "#progress-" + p.ID})
	})
	return p, err
}

func (a *App) mayReview(ctx context.Context, actor model.Actor, p model.Progress) error {
	if actor.EmployeeID == "" || actor.EmployeeID == p.EmployeeID {
		return forbidden("review one's own progress")
	}
	chart, err := a.OrgChart(ctx, p.InstansiID)
	if err != nil {
		return err
	}
	if actor.EmployeeID != p.RaterID && actor.EmployeeID != chart.Rater(p.EmployeeID) && !chart.InLine(actor.EmployeeID, p.EmployeeID) {
		return forbidden("review progress outside one's line")
	}
	return nil
}

// ApproveProgress approves several waiting entries at once (the desk's
// "approve selected"); entries already reviewed or not the actor's to
// review are skipped and counted out.
func (a *App) ApproveProgress(ctx context.Context, actor model.Actor, ids []string) (approved int, err error) {
	for _, id := range ids {
		p, err := a.ProgressEntry(ctx, actor, id)
		if err != nil || p.Status != model.ProgressSubmitted || a.mayReview(ctx, actor, p) != nil {
			continue
		}
		if _, err := a.ReviewProgress(ctx, actor, id, p.Version, true, ""); err != nil {
			if errors.Is(err, model.ErrConflict) {
				continue
			}
			return approved, err
		}
		approved++
	}
	return approved, nil
}

// ProgressQuery selects the progress an actor asks for.
type ProgressQuery struct {
	EmployeeID string // one person; empty: the actor's own
	Team       bool   // the actor's team (people they rate) instead
	Status     model.ProgressStatus
	From, To   model.Date
	RHKID      string
	Cursor     string
	Limit      int
}

// ProgressList returns progress entries the actor may see, newest first.
func (a *App) ProgressList(ctx context.Context, actor model.Actor, q ProgressQuery) ([]model.Progress, error) {
	f := store.ProgressFilter{InstansiID: actor.InstansiID, Status: q.Status, From: q.From, To: q.To, Cursor: q.Cursor, Limit: q.Limit}
	switch {
	case q.Team:
		if actor.EmployeeID == "" {
			return nil, nil
		}
		chart, err := a.OrgChart(ctx, actor.InstansiID)
		if err != nil {
			return nil, err
		}
		f.EmployeeIDs = append([]string{}, chart.Team(actor.EmployeeID)...)
	case q.EmployeeID != "" && q.EmployeeID != actor.EmployeeID:
		if err := a.canSeeWorkOf(ctx, actor, actor.InstansiID, q.EmployeeID); err != nil {
			return nil, err
		}
		f.EmployeeIDs = []string{q.EmployeeID}
	default:
		if actor.EmployeeID == "" {
			return nil, model.Invalid("employee", "invalid.field.employee.pick")
		}
		f.EmployeeIDs = []string{actor.EmployeeID}
	}
	if q.RHKID != "" {
		f.RHKIDs = []string{q.RHKID}
	}
	for _, d := range []model.Date{q.From, q.To} {
		if _, err := model.ParseDate(string(d)); d != "" && err != nil {
			return nil, model.Invalid("date", "invalid.date.format")
		}
	}
	return a.Store.ProgressList(ctx, f)
}
