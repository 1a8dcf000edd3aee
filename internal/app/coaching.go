package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kinerja-id/kinerja/internal/authz"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Bimbingan kinerja. A supervisor records a coaching, mentoring or
// counselling session, or a dialog kinerja, with someone in their line;
// the ASN answers the session feedback (B.1.8) once, the coach fills the
// competence evaluation (B.1.9), and both are reminded when the agreed
// review is due. Readers are the two of them, everyone above the ASN in
// the line, and administrators who may read the ASN's SKP.

// CanCoach reports whether actor may record a session for employee: they
// are the employee's pejabat penilai or above them in the line.
func (a *App) CanCoach(ctx context.Context, actor model.Actor, employeeID string) (bool, error) {
	if actor.EmployeeID == "" || employeeID == "" || actor.EmployeeID == employeeID {
		return false, nil
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return false, err
	}
	return chart.InLine(actor.EmployeeID, employeeID), nil
}

// CoachingTeam returns the people the actor rates directly, whom the
// session form offers, sorted by name.
func (a *App) CoachingTeam(ctx context.Context, actor model.Actor) ([]model.Employee, error) {
	if actor.EmployeeID == "" {
		return nil, nil
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return nil, err
	}
	people, err := a.Store.EmployeesByID(ctx, chart.Team(actor.EmployeeID))
	if err != nil {
		return nil, err
	}
	out := make([]model.Employee, 0, len(people))
	for _, e := range people {
		out = append(out, e)
	}
	slices.SortFunc(out, func(x, y model.Employee) int { return strings.Compare(x.Name, y.Name) })
	return out, nil
}

// RecordCoaching records a session the actor held with s.EmployeeID; the
// actor is the coach. The ASN is notified and asked for the B.1.8
// feedback.
func (a *App) RecordCoaching(ctx context.Context, actor model.Actor, s model.CoachingSession) (model.CoachingSession, error) {
	e, err := a.Store.Employee(ctx, s.EmployeeID)
	if err != nil || e.InstansiID != actor.InstansiID {
		if s.EmployeeID == "" {
			return s, model.Invalid("employee_id", "invalid.coaching.employee.pick")
		}
		return s, fmt.Errorf("employee %s: %w", s.EmployeeID, model.ErrNotFound)
	}
	ok, err := a.CanCoach(ctx, actor, e.ID)
	if err != nil {
		return s, err
	}
	if !ok {
		return s, forbidden("record a coaching session for someone outside one's line")
	}
	s.InstansiID, s.CoachID = e.InstansiID, actor.EmployeeID
	s.Topic, s.Notes, s.Actions = strings.TrimSpace(s.Topic), strings.TrimSpace(s.Notes), strings.TrimSpace(s.Actions)
	s.HeldOn, s.NextReview = model.Date(strings.TrimSpace(string(s.HeldOn))), model.Date(strings.TrimSpace(string(s.NextReview)))
	if err := s.Validate(a.Today()); err != nil {
		return s, err
	}
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if s, err = tx.CreateCoachingSession(ctx, s); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.EmployeeID, Kind: "coaching.recorded",
			Title: fmt.Sprintf("%s mencatat bimbingan kinerja: %s. Isi umpan balik (B.1.8).", actor.Name, s.Topic),
			Body:  s.Actions, Link: "/bimbingan/" + s.ID})
	})
	return s, err
}

// CoachingSession returns a session to those who may read it.
func (a *App) CoachingSession(ctx context.Context, actor model.Actor, id string) (model.CoachingSession, error) {
	s, err := a.Store.CoachingSession(ctx, id)
	if err != nil {
		return s, err
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return s, err
	}
	if err := a.canReadCoaching(ctx, actor, chart, s, nil); err != nil {
		return model.CoachingSession{}, err
	}
	return s, nil
}

// canReadCoaching allows the ASN, the coach, those above the ASN in the
// line, and whoever may read the ASN's SKP. targets caches the authz
// target of each employee across a list.
func (a *App) canReadCoaching(ctx context.Context, actor model.Actor, chart *model.OrgChart, s model.CoachingSession, targets map[string]authz.Target) error {
	hidden := fmt.Errorf("coaching session %s: %w", s.ID, model.ErrNotFound)
	if s.InstansiID != actor.InstansiID {
		return hidden
	}
	if me := actor.EmployeeID; me != "" && (me == s.EmployeeID || me == s.CoachID || chart.InLine(me, s.EmployeeID)) {
		return nil
	}
	t, ok := targets[s.EmployeeID]
	if !ok {
		e, err := a.Store.Employee(ctx, s.EmployeeID)
		if err != nil {
			return err
		}
		if t, err = a.employeeTarget(ctx, actor, chart, e); err != nil {
			return err
		}
		if targets != nil {
			targets[s.EmployeeID] = t
		}
	}
	if !authz.Can(actor, authz.ReadSKP, t) {
		return hidden
	}
	return nil
}

// CoachingQuery selects a page of sessions.
type CoachingQuery struct {
	EmployeeID string // only this ASN's sessions
	Cursor     string // the last id of the previous page
	Limit      int    // 1 to 200; 50 when zero
}

// lineCap bounds the reporting line sent to the database as a list; a
// larger line (the top of the pemda) reads the instansi and filters.
const lineCap = 500

// CoachingSessions lists the sessions the actor may read, the most
// recently recorded first, a page at a time: those of one ASN, or else the
// actor's own, those they gave and those of their line (everything they
// may read, for administrators). It answers the page and the cursor of
// the next one ("" at the end).
func (a *App) CoachingSessions(ctx context.Context, actor model.Actor, q CoachingQuery) ([]model.CoachingSession, string, error) {
	limit := q.Limit
	if limit == 0 {
		limit = 50
	}
	if limit < 1 || limit > 200 {
		return nil, "", model.Invalid("limit", "invalid.field.limit")
	}
	if q.Cursor != "" && !isID(q.Cursor) {
		return nil, "", model.Invalid("cursor", "invalid.field.cursor")
	}
	chart, err := a.OrgChart(ctx, actor.InstansiID)
	if err != nil {
		return nil, "", err
	}
	f := store.CoachingFilter{InstansiID: actor.InstansiID, Before: q.Cursor, Limit: 200}
	switch {
	case q.EmployeeID != "":
		f.EmployeeIDs = []string{q.EmployeeID}
	case authz.Widest(actor, authz.ReadSKP) >= authz.ScopeOPD:
		// everything, filtered below
	case actor.EmployeeID != "":
		if line := chart.Below(actor.EmployeeID); len(line) < lineCap {
			f.EmployeeIDs, f.PersonID = append(line, actor.EmployeeID), actor.EmployeeID
		}
	default:
		return nil, "", nil
	}
	targets := map[string]authz.Target{}
	var out []model.CoachingSession
	for len(out) <= limit {
		batch, err := a.Store.CoachingSessions(ctx, f)
		if err != nil {
			return nil, "", err
		}
		for _, s := range batch {
			if err := a.canReadCoaching(ctx, actor, chart, s, targets); err == nil {
				out = append(out, s)
			} else if !IsNotFound(err) {
				return nil, "", err
			}
		}
		if len(batch) < f.Limit {
			break
		}
		f.Before = batch[len(batch)-1].ID
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = out[limit-1].ID
	}
	return out, next, nil
}

// isID reports whether s looks like an id NewID made.
func isID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// AnswerCoachingFeedback records the ASN's B.1.8 feedback on their own
// session, once, and tells the coach.
func (a *App) AnswerCoachingFeedback(ctx context.Context, actor model.Actor, id string, f model.CoachingFeedback) (model.CoachingSession, error) {
	s, err := a.CoachingSession(ctx, actor, id)
	if err != nil {
		return s, err
	}
	if actor.EmployeeID == "" || actor.EmployeeID != s.EmployeeID {
		return s, forbidden("answer the feedback of another employee's coaching session")
	}
	if s.Feedback != nil {
		return s, fmt.Errorf("coaching session %s was answered already: %w", id, model.ErrConflict)
	}
	f.Comment = strings.TrimSpace(f.Comment)
	if err := f.Validate(); err != nil {
		return s, err
	}
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if s, err = tx.AnswerCoachingFeedback(ctx, id, f); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.CoachID, Kind: "coaching.feedback",
			Title: fmt.Sprintf("%s mengisi umpan balik bimbingan kinerja (B.1.8): %s", actor.Name, s.Topic),
			Body:  f.Comment, Link: "/bimbingan/" + s.ID})
	})
	return s, err
}

// EvaluateCompetence records the coach's B.1.9 competence evaluation of
// the ASN after a session; a later one replaces it. The ASN is told.
func (a *App) EvaluateCompetence(ctx context.Context, actor model.Actor, id string, list []model.CompetenceScore) (model.CoachingSession, error) {
	s, err := a.CoachingSession(ctx, actor, id)
	if err != nil {
		return s, err
	}
	if actor.EmployeeID == "" || actor.EmployeeID != s.CoachID {
		return s, forbidden("evaluate competence in a session one did not lead")
	}
	kept := []model.CompetenceScore{}
	for _, c := range list {
		c.Competence, c.Reason = strings.TrimSpace(c.Competence), strings.TrimSpace(c.Reason)
		if c.Competence == "" && c.Reason == "" && c.Score == 0 {
			continue // an empty row of the form
		}
		kept = append(kept, c)
	}
	if err := model.ValidateCompetence(kept); err != nil {
		return s, err
	}
	err = a.Store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if s, err = tx.SetCoachingCompetence(ctx, id, kept); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.EmployeeID, Kind: "coaching.competence",
			Title: fmt.Sprintf("%s mengisi evaluasi kompetensi (B.1.9) atas bimbingan: %s", actor.Name, s.Topic), Link: "/bimbingan/" + s.ID})
	})
	return s, err
}

// RemindCoachingReviews tells the ASN and the coach of every session
// whose next review is today or past, once per session, and answers how
// many sessions it reminded of. Running it again reminds nobody twice.
func (a *App) RemindCoachingReviews(ctx context.Context) (int, error) {
	today := a.Today()
	sent := 0
	for {
		due, err := a.Store.CoachingReviewsDue(ctx, today, 100)
		if err != nil {
			return sent, err
		}
		for _, s := range due {
			people, err := a.Store.EmployeesByID(ctx, []string{s.EmployeeID, s.CoachID})
			if err != nil {
				return sent, err
			}
			asn, coach := people[s.EmployeeID], people[s.CoachID]
			marked := false
			err = a.Store.Write(ctx, model.SystemActor(s.InstansiID, "pengingat"), func(tx *store.Tx) error {
				var err error
				if marked, err = tx.MarkCoachingReminded(ctx, s.ID); err != nil || !marked {
					return err
				}
				when := "hari ini"
				if s.NextReview < today {
					when = "sejak " + s.NextReview.Time().Format("02-01-2006")
				}
				if err := tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.EmployeeID, Kind: "coaching.review",
					Title: fmt.Sprintf("Evaluasi tindak lanjut bimbingan kinerja bersama %s jatuh tempo %s: %s", coach.FullName(), when, s.Topic),
					Body:  s.Actions, Link: "/bimbingan/" + s.ID}); err != nil {
					return err
				}
				return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.CoachID, Kind: "coaching.review",
					Title: fmt.Sprintf("Evaluasi tindak lanjut bimbingan kinerja %s jatuh tempo %s: %s", asn.FullName(), when, s.Topic),
					Body:  s.Actions, Link: "/bimbingan/" + s.ID})
			})
			if err != nil {
				return sent, fmt.Errorf("remind coaching review %s: %w", s.ID, err)
			}
			if marked {
				sent++
			}
		}
		if len(due) < 100 {
			return sent, nil
		}
	}
}
