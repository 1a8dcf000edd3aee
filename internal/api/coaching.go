package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

type coachingFeedbackJSON struct {
	Answers    []int     `json:"answers"`
	Comment    string    `json:"comment"`
	AnsweredAt time.Time `json:"answered_at"`
}

type competenceJSON struct {
	Competence string `json:"competence"`
	Score      int    `json:"score" range:"competence_score"`
	Reason     string `json:"reason"`
}

type coachingCompetenceJSON struct {
	Items       []competenceJSON `json:"items"`
	EvaluatedAt time.Time        `json:"evaluated_at"`
}

type coachingJSON struct {
	ID         string                  `json:"id"`
	Employee   *personRef              `json:"employee"`
	Coach      *personRef              `json:"coach"`
	Kind       string                  `json:"kind"`
	HeldOn     string                  `json:"held_on"`
	Topic      string                  `json:"topic"`
	Notes      string                  `json:"notes"`
	Actions    string                  `json:"actions"`
	NextReview *string                 `json:"next_review"`
	Feedback   *coachingFeedbackJSON   `json:"feedback"`
	Competence *coachingCompetenceJSON `json:"competence"`
	RemindedAt *time.Time              `json:"reminded_at"`
	CreatedAt  time.Time               `json:"created_at"`
	UpdatedAt  time.Time               `json:"updated_at"`
	Can        coachingRightsJSON      `json:"can"`
}

type coachingRightsJSON struct {
	Feedback   bool `json:"feedback"`
	Competence bool `json:"competence"`
}

// coachingOf renders a session with its people and what the actor may do.
func coachingOf(v app.CoachingView) coachingJSON {
	s := v.CoachingSession
	j := coachingJSON{ID: s.ID, Kind: string(s.Kind), HeldOn: string(s.HeldOn), Topic: s.Topic, Notes: s.Notes, Actions: s.Actions,
		NextReview: ptr(string(s.NextReview)), RemindedAt: timeOrNil(s.RemindedAt), CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC(),
		Can: coachingRightsJSON{Feedback: v.Can.Feedback, Competence: v.Can.Competence}}
	person := func(id string, e model.Employee) *personRef {
		if e.ID != "" {
			return refOf(&e)
		}
		return &personRef{ID: id}
	}
	j.Employee, j.Coach = person(s.EmployeeID, v.Employee), person(s.CoachID, v.Coach)
	if s.Feedback != nil {
		j.Feedback = &coachingFeedbackJSON{Answers: s.Feedback.Answers, Comment: s.Feedback.Comment, AnsweredAt: s.FeedbackAt.UTC()}
	}
	if s.Competence != nil {
		j.Competence = &coachingCompetenceJSON{Items: []competenceJSON{}, EvaluatedAt: s.CompetenceAt.UTC()}
		for _, c := range s.Competence {
			j.Competence.Items = append(j.Competence.Items, competenceJSON(c))
		}
	}
	return j
}

func (h *handler) coachingSessions(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	limit, err := limitParam(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	sessions, next, err := h.a.CoachingSessions(r.Context(), actor, app.CoachingQuery{EmployeeID: q.Get("employee"), Cursor: q.Get("cursor"), Limit: limit})
	if err != nil {
		return err
	}
	out := list[coachingJSON]{Items: []coachingJSON{}, NextCursor: ptr(next)}
	for _, s := range sessions {
		out.Items = append(out.Items, coachingOf(s))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) recordCoaching(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		EmployeeID string `json:"employee_id"`
		Kind       string `json:"kind"`
		HeldOn     string `json:"held_on"`
		Topic      string `json:"topic"`
		Notes      string `json:"notes"`
		Actions    string `json:"actions"`
		NextReview string `json:"next_review"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	s, err := h.a.RecordCoaching(r.Context(), actor, model.CoachingSession{EmployeeID: req.EmployeeID, Kind: model.CoachingKind(req.Kind),
		HeldOn: model.Date(req.HeldOn), Topic: req.Topic, Notes: req.Notes, Actions: req.Actions, NextReview: model.Date(req.NextReview)})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, coachingOf(s))
}

func (h *handler) coachingSession(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	s, err := h.a.CoachingSession(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, coachingOf(s))
}

func (h *handler) answerCoachingFeedback(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Answers []int  `json:"answers" range:"answer"`
		Comment string `json:"comment"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	s, err := h.a.AnswerCoachingFeedback(r.Context(), actor, r.PathValue("id"), model.CoachingFeedback{Answers: req.Answers, Comment: req.Comment})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, coachingOf(s))
}

func (h *handler) evaluateCompetence(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		Competences []competenceJSON `json:"competences"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	list := make([]model.CompetenceScore, len(req.Competences))
	for i, c := range req.Competences {
		list[i] = model.CompetenceScore(c)
	}
	s, err := h.a.EvaluateCompetence(r.Context(), actor, r.PathValue("id"), list)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, coachingOf(s))
}

func coachingSchemas() map[string]any {
	date := map[string]any{"type": "string", "format": "date"}
	dateTime := map[string]any{"type": "string", "format": "date-time"}
	var kinds []string
	for _, k := range model.CoachingKinds {
		kinds = append(kinds, string(k))
	}
	var statements []string
	for i, s := range model.FeedbackStatements {
		statements = append(statements, fmt.Sprintf("%d. %s", i+1, s))
	}
	answers := map[string]any{"type": "array", "minItems": len(model.FeedbackStatements), "maxItems": len(model.FeedbackStatements),
		"items": ranged("answer"),
		"description": fmt.Sprintf("One answer per statement of format B.1.8, in order, from %d (sangat tidak setuju) to %d (sangat setuju): %s",
			model.FeedbackScaleMin, model.FeedbackScaleMax, strings.Join(statements, "; "))}
	competence := obj([]string{"competence", "score", "reason"}, map[string]any{"competence": str(),
		"score": ranged("competence_score"), "reason": str()})
	return map[string]any{
		"CoachingSession": obj([]string{"id", "employee", "coach", "kind", "held_on", "topic", "notes", "actions", "next_review", "feedback", "competence", "can"},
			map[string]any{"id": str(), "employee": ref("PersonRef"), "coach": ref("PersonRef"), "kind": enum(kinds...), "held_on": date,
				"topic": str(), "notes": str(), "actions": map[string]any{"type": "string", "description": "The actions agreed"},
				"next_review": map[string]any{"type": []string{"string", "null"}, "format": "date", "description": "When the actions are reviewed; both are reminded that day"},
				"feedback": map[string]any{"oneOf": []any{obj([]string{"answers", "comment", "answered_at"}, map[string]any{"answers": answers,
					"comment": str(), "answered_at": dateTime}), map[string]any{"type": "null"}}, "description": "The ASN's B.1.8 answer; null until given"},
				"competence": map[string]any{"oneOf": []any{obj([]string{"items", "evaluated_at"}, map[string]any{
					"items": map[string]any{"type": "array", "items": competence}, "evaluated_at": dateTime}), map[string]any{"type": "null"}},
					"description": "The coach's B.1.9 evaluation; null until filled"},
				"reminded_at": map[string]any{"type": []string{"string", "null"}, "format": "date-time"},
				"created_at":  dateTime, "updated_at": dateTime,
				"can": canSchemaOf("What the signed-in user may do with the session now", map[string]string{
					"feedback":   "Answer the session feedback (B.1.8): the ASN, until answered",
					"competence": "Fill or replace the competence evaluation (B.1.9): the coach"})}),
		"CoachingList": listOf("CoachingSession"),
		"CoachingRequest": obj([]string{"employee_id", "kind", "held_on", "topic"}, map[string]any{
			"employee_id": map[string]any{"type": "string", "description": "The ASN coached: someone the actor rates, or below in their line"},
			"kind":        enum(kinds...), "held_on": map[string]any{"type": "string", "format": "date", "description": "Not after today"},
			"topic": str(), "notes": str(), "actions": map[string]any{"type": "string", "description": "The actions agreed"},
			"next_review": map[string]any{"type": "string", "format": "date", "description": "Optional; not before held_on"}}),
		"CoachingFeedbackRequest": obj([]string{"answers"}, map[string]any{"answers": answers, "comment": str()}),
		"CompetenceRequest": obj([]string{"competences"}, map[string]any{"competences": map[string]any{"type": "array", "minItems": 1,
			"maxItems": model.MaxCompetences, "items": competence}}),
	}
}
