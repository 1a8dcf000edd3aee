package api

import (
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

type feedbackJSON struct {
	ID         string    `json:"id"`
	TargetType string    `json:"target_type"`
	TargetID   string    `json:"target_id"`
	AuthorID   string    `json:"author_id"`
	AuthorName string    `json:"author_name"`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
}

func feedbackOf(f model.Feedback) feedbackJSON {
	return feedbackJSON{ID: f.ID, TargetType: f.TargetType, TargetID: f.TargetID, AuthorID: f.AuthorID, AuthorName: f.AuthorName,
		Body: f.Body, CreatedAt: f.CreatedAt.UTC()}
}

func (h *handler) addFeedback(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	var req struct {
		TargetType string `json:"target_type"`
		TargetID   string `json:"target_id"`
		Body       string `json:"body"`
	}
	if err := decode(w, r, &req); err != nil {
		return err
	}
	f, err := h.a.AddFeedback(r.Context(), actor, req.TargetType, req.TargetID, req.Body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, feedbackOf(f))
}

type threadCanJSON struct {
	Post bool `json:"post"`
}

func (h *handler) feedbackThread(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	q := r.URL.Query()
	if q.Get("target_type") == "" || q.Get("target_id") == "" {
		return model.Invalid("target_type", "invalid.target.required")
	}
	thread, err := h.a.Thread(r.Context(), actor, q.Get("target_type"), q.Get("target_id"))
	if err != nil {
		return err
	}
	items := make([]feedbackJSON, 0, len(thread.Items))
	for _, f := range thread.Items {
		items = append(items, feedbackOf(f))
	}
	page, err := pageOf(items, func(f feedbackJSON) string { return f.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, struct {
		list[feedbackJSON]
		Can threadCanJSON `json:"can"`
	}{page, threadCanJSON{Post: thread.Can.Post}})
}

func feedbackSchemas() map[string]any {
	targets := enum(app.TargetSKP, app.TargetRHK, app.TargetProgress, app.TargetRealisasi, app.TargetAssessment)
	return map[string]any{
		"Feedback": obj([]string{"id", "target_type", "target_id", "author_id", "author_name", "body", "created_at"}, map[string]any{"id": str(),
			"target_type": targets, "target_id": str(), "author_id": str(),
			"author_name": str(), "body": str(), "created_at": map[string]any{"type": "string", "format": "date-time"}}),
		"FeedbackList": obj([]string{"items", "next_cursor", "can"}, map[string]any{
			"items":       map[string]any{"type": "array", "items": ref("Feedback")},
			"next_cursor": nullable("string"),
			"can":         obj([]string{"post"}, map[string]any{"post": map[string]any{"type": "boolean", "description": "Whether the actor may add a message"}}),
		}),
		"FeedbackRequest": obj([]string{"target_type", "target_id", "body"}, map[string]any{
			"target_type": targets, "target_id": str(), "body": str()}),
	}
}
