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

// CoachingRights tells what the actor may do with a session now.
type CoachingRights struct {
	Feedback   bool // answer the session feedback (B.1.8): the ASN, once
	Competence bool // fill or replace the competence evaluation (B.1.9): the coach
}

// CoachingView is a session as the actor reads it: with the ASN and the
// coach, and what the actor may do with it.
type CoachingView struct {
	model.CoachingSession
	Employee model.Employee // the ASN coached
	Coach    model.Employee
	Can      CoachingRights
}

// mayAnswerCoaching reports whether actor is the ASN of the session, who
// answers its feedback (B.1.8).
func mayAnswerCoaching(actor model.Actor, s model.CoachingSession) bool {
	return actor.EmployeeID != "" && actor.EmployeeID == s.EmployeeID
}

// mayEvaluateCompetence reports whether actor coached the session, and so
// evaluates the ASN's competence (B.1.9).
func mayEvaluateCompetence(actor model.Actor, s model.CoachingSession) bool {
	return actor.EmployeeID != "" && actor.EmployeeID == s.CoachID
}

// coachingRights is what actor may do with s now; AnswerCoachingFeedback
// and EvaluateCompetence check the same.
func coachingRights(actor model.Actor, s model.CoachingSession) CoachingRights {
	return CoachingRights{Feedback: mayAnswerCoaching(actor, s) && s.Feedback == nil, Competence: mayEvaluateCompetence(actor, s)}
}

// coachingViews names the people of each session, loading them in one
// query, and gives each what the actor may do with it.
func (a *App) coachingViews(ctx context.Context, actor model.Actor, list ...model.CoachingSession) ([]CoachingView, error) {
	ids := make([]string, 0, 2*len(list))
	for _, s := range list {
		ids = append(ids, s.EmployeeID, s.CoachID)
	}
	people, err := a.store.EmployeesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]CoachingView, 0, len(list))
	for _, s := range list {
		out = append(out, CoachingView{CoachingSession: s, Employee: people[s.EmployeeID], Coach: people[s.CoachID], Can: coachingRights(actor, s)})
	}
	return out, nil
}

// coachingView is coachingViews of one session.
func (a *App) coachingView(ctx context.Context, actor model.Actor, s model.CoachingSession) (CoachingView, error) {
	v, err := a.coachingViews(ctx, actor, s)
	if err != nil {
		return CoachingView{}, err
	}
	return v[0], nil
}

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
	people, err := a.store.EmployeesByID(ctx, chart.Team(actor.EmployeeID))
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
func (a *App) RecordCoaching(ctx context.Context, actor model.Actor, s model.CoachingSession) (CoachingView, error) {
	e, err := a.store.Employee(ctx, s.EmployeeID)
	if err != nil || e.InstansiID != actor.InstansiID {
		if s.EmployeeID == "" {
			return CoachingView{}, model.Invalid("employee_id", "invalid.coaching.employee.pick")
		}
		return CoachingView{}, fmt.Errorf("employee %s: %w", s.EmployeeID, model.ErrNotFound)
	}
	if err := a.refuseClosed(ctx, e); err != nil {
		return CoachingView{}, err
	}
	ok, err := a.CanCoach(ctx, actor, e.ID)
	if err != nil {
		return CoachingView{}, err
	}
	if !ok {
		return CoachingView{}, forbidden("record a coaching session for someone outside one's line")
	}
	s.InstansiID, s.CoachID = e.InstansiID, actor.EmployeeID
	s.Topic, s.Notes, s.Actions = strings.TrimSpace(s.Topic), strings.TrimSpace(s.Notes), strings.TrimSpace(s.Actions)
	s.HeldOn, s.NextReview = model.Date(strings.TrimSpace(string(s.HeldOn))), model.Date(strings.TrimSpace(string(s.NextReview)))
	if err := s.Validate(a.Today(ctx, actor.InstansiID)); err != nil {
		return CoachingView{}, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if s, err = tx.CreateCoachingSession(ctx, s); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.EmployeeID, Kind: "coaching.recorded",
			Args: []string{actor.Name, s.Topic, s.Actions},
			Link: "/bimbingan/" + s.ID})
	})
	if err != nil {
		return CoachingView{}, err
	}
	return a.coachingView(ctx, actor, s)
}

// CoachingSession returns a session, with its people and what the actor
// may do with it, to those who may read it.
func (a *App) CoachingSession(ctx context.Context, actor model.Actor, id string) (CoachingView, error) {
	s, err := a.coachingSession(ctx, actor, id)
	if err != nil {
		return CoachingView{}, err
	}
	return a.coachingView(ctx, actor, s)
}

// coachingSession reads a session the actor may read.
func (a *App) coachingSession(ctx context.Context, actor model.Actor, id string) (model.CoachingSession, error) {
	s, err := a.store.CoachingSession(ctx, id)
	if err != nil {
		return s, err
	}
	c, err := a.coachingReader(ctx, actor)
	if err != nil {
		return s, err
	}
	ok, err := c.readsAll(ctx, a, []model.CoachingSession{s})
	if err != nil {
		return s, err
	}
	if !ok[0] {
		return model.CoachingSession{}, fmt.Errorf("coaching session %s: %w", id, model.ErrNotFound)
	}
	return s, nil
}

// coachingReader tells which sessions an actor may read: the ASN, the
// coach, those above the ASN in the line, and whoever reaches the ASN's
// work (the admins of their OPD or instansi).
type coachingReader struct {
	actor model.Actor
	reach Reach
	opdOf map[string]string // unit → its OPD, when the reach names OPDs
}

func (a *App) coachingReader(ctx context.Context, actor model.Actor) (coachingReader, error) {
	c := coachingReader{actor: actor}
	var err error
	if c.reach, err = a.Reach(ctx, actor, authz.ReadSKP); err != nil {
		return c, err
	}
	if c.reach.Kind == ReachOPD {
		units, err := a.Units(ctx, actor)
		if err != nil {
			return c, err
		}
		c.opdOf = make(map[string]string, len(units))
		for _, u := range units {
			c.opdOf[u.ID] = u.OPDID
		}
	}
	return c, nil
}

// readsAll tells, for each session, whether the actor may read it; where
// an OPD decides, the ASNs' units are loaded in one query.
func (c coachingReader) readsAll(ctx context.Context, a *App, list []model.CoachingSession) ([]bool, error) {
	var people map[string]model.Employee
	if c.opdOf != nil {
		ids := make([]string, 0, len(list))
		for _, s := range list {
			ids = append(ids, s.EmployeeID)
		}
		var err error
		if people, err = a.store.EmployeesByID(ctx, ids); err != nil {
			return nil, err
		}
	}
	me := c.actor.EmployeeID
	out := make([]bool, len(list))
	for i, s := range list {
		out[i] = s.InstansiID == c.actor.InstansiID && ((me != "" && (me == s.EmployeeID || me == s.CoachID)) ||
			c.reach.HasEmployee(s.EmployeeID, c.opdOf[people[s.EmployeeID].UnitID]))
	}
	return out, nil
}

// CoachingQuery selects a page of sessions.
type CoachingQuery struct {
	EmployeeID string // only this ASN's sessions
	Cursor     string // the last id of the previous page
	Limit      int    // 1 to 200; 50 when zero
}

// lineCap bounds the reporting line sent to the database as a list; a
// larger line (the top of the pemda) reads the instansi and filters. A
// variable so that a test can reach it with a small organisation.
var lineCap = 500

// CoachingSessions lists the sessions the actor may read, the most
// recently recorded first, a page at a time: those of one ASN, or else the
// actor's own, those they gave and those of their line (everything they
// may read, for administrators). It answers the page and the cursor of
// the next one ("" at the end).
func (a *App) CoachingSessions(ctx context.Context, actor model.Actor, q CoachingQuery) ([]CoachingView, string, error) {
	limit := q.Limit
	if limit == 0 {
		limit = 50
	}
	if limit < 1 || limit > 200 {
		return nil, "", model.Invalid("limit", "invalid.field.limit")
	}
	if q.Cursor != "" {
		s, err := a.store.CoachingSession(ctx, q.Cursor)
		if err := cursorGiven(isID(q.Cursor) && err == nil && s.InstansiID == actor.InstansiID, "invalid.field.cursor"); err != nil {
			return nil, "", err
		}
	}
	c, err := a.coachingReader(ctx, actor)
	if err != nil {
		return nil, "", err
	}
	f := store.CoachingFilter{InstansiID: actor.InstansiID, Before: q.Cursor, Limit: 200}
	switch {
	case q.EmployeeID != "":
		f.EmployeeIDs = []string{q.EmployeeID}
	case c.reach.Kind >= ReachOPD:
		// everything, filtered below
	case actor.EmployeeID != "":
		// Their own, their line's (the reach) and those they gave.
		if line := c.reach.EmployeeIDs; len(line) <= lineCap {
			f.EmployeeIDs, f.PersonID = line, actor.EmployeeID
		}
	default:
		return nil, "", nil
	}
	var out []model.CoachingSession
	for len(out) <= limit {
		batch, err := a.store.CoachingSessions(ctx, f)
		if err != nil {
			return nil, "", err
		}
		ok, err := c.readsAll(ctx, a, batch)
		if err != nil {
			return nil, "", err
		}
		for i, s := range batch {
			if ok[i] {
				out = append(out, s)
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
	views, err := a.coachingViews(ctx, actor, out...)
	return views, next, err
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
func (a *App) AnswerCoachingFeedback(ctx context.Context, actor model.Actor, id string, f model.CoachingFeedback) (CoachingView, error) {
	s, err := a.coachingSession(ctx, actor, id)
	if err != nil {
		return CoachingView{}, err
	}
	if !mayAnswerCoaching(actor, s) {
		return CoachingView{}, forbidden("answer the feedback of another employee's coaching session")
	}
	if s.Feedback != nil {
		return CoachingView{}, fmt.Errorf("coaching session %s was answered already: %w", id, model.ErrConflict)
	}
	f.Comment = strings.TrimSpace(f.Comment)
	if err := f.Validate(); err != nil {
		return CoachingView{}, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if s, err = tx.AnswerCoachingFeedback(ctx, id, f); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.CoachID, Kind: "coaching.feedback",
			Args: []string{actor.Name, s.Topic, f.Comment},
			Link: "/bimbingan/" + s.ID})
	})
	if err != nil {
		return CoachingView{}, err
	}
	return a.coachingView(ctx, actor, s)
}

// EvaluateCompetence records the coach's B.1.9 competence evaluation of
// the ASN after a session; a later one replaces it. The ASN is told.
func (a *App) EvaluateCompetence(ctx context.Context, actor model.Actor, id string, list []model.CompetenceScore) (CoachingView, error) {
	s, err := a.coachingSession(ctx, actor, id)
	if err != nil {
		return CoachingView{}, err
	}
	if !mayEvaluateCompetence(actor, s) {
		return CoachingView{}, forbidden("evaluate competence in a session one did not lead")
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
		return CoachingView{}, err
	}
	err = a.store.Write(ctx, actor, func(tx *store.Tx) error {
		var err error
		if s, err = tx.SetCoachingCompetence(ctx, id, kept); err != nil {
			return err
		}
		return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.EmployeeID, Kind: "coaching.competence",
			Args: []string{actor.Name, s.Topic}, Link: "/bimbingan/" + s.ID})
	})
	if err != nil {
		return CoachingView{}, err
	}
	return a.coachingView(ctx, actor, s)
}

// RemindCoachingReviews tells the ASN and the coach of every session
// whose next review is today or past, once per session, and answers how
// many sessions it reminded of. Running it again reminds nobody twice.
func (a *App) RemindCoachingReviews(ctx context.Context) (int, error) {
	today := a.todayByZone()
	sent := 0
	for {
		due, err := a.store.CoachingReviewsDueOn(ctx, today, 100)
		if err != nil {
			return sent, err
		}
		for _, s := range due {
			people, err := a.store.EmployeesByID(ctx, []string{s.EmployeeID, s.CoachID})
			if err != nil {
				return sent, err
			}
			asn, coach := people[s.EmployeeID], people[s.CoachID]
			marked := false
			err = a.store.Write(ctx, model.SystemActor(s.InstansiID, "pengingat"), func(tx *store.Tx) error {
				var err error
				if marked, err = tx.MarkCoachingReminded(ctx, s.ID); err != nil || !marked {
					return err
				}
				toASN, toCoach, since := "", "coach", string(s.NextReview) // a date: shown as the reader writes dates
				if s.NextReview < a.Today(ctx, s.InstansiID) {
					toASN, toCoach = "late", "coach.late"
				}
				if err := tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.EmployeeID, Kind: "coaching.review", Variant: toASN,
					Args: []string{coach.FullName(), s.Topic, s.Actions, since},
					Link: "/bimbingan/" + s.ID}); err != nil {
					return err
				}
				return tx.Notify(ctx, model.Notification{InstansiID: s.InstansiID, EmployeeID: s.CoachID, Kind: "coaching.review", Variant: toCoach,
					Args: []string{asn.FullName(), s.Topic, s.Actions, since},
					Link: "/bimbingan/" + s.ID})
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
