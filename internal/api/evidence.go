package api

import (
	"errors"
	"net/http"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

type evidenceCanJSON struct {
	Delete bool `json:"delete"`
}

type evidenceJSON struct {
	ID          string          `json:"id"`
	TargetType  string          `json:"target_type"`
	TargetID    string          `json:"target_id"`
	Kind        string          `json:"kind"`
	SHA256      string          `json:"sha256"`
	Size        int64           `json:"size"`
	ContentType string          `json:"content_type"`
	FileName    string          `json:"file_name"`
	URL         string          `json:"url"`
	CreatedAt   time.Time       `json:"created_at"`
	Can         evidenceCanJSON `json:"can"`
}

func evidenceOf(e app.EvidenceView) evidenceJSON {
	return evidenceJSON{ID: e.ID, TargetType: e.TargetType, TargetID: e.TargetID, Kind: e.Kind, SHA256: e.SHA256, Size: e.Size,
		ContentType: e.ContentType, FileName: e.FileName, URL: e.URL, CreatedAt: e.CreatedAt.UTC(), Can: evidenceCanJSON{Delete: e.Can.Delete}}
}

// maxUpload caps any evidence request body; the instansi's own limit is
// checked while the file is stored.
const maxUpload = 101 << 20

func (h *handler) addEvidence(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &app.TooLargeError{Max: h.a.EvidenceLimit(r.Context(), actor.InstansiID)}
		}
		return model.Invalid("file", "invalid.evidence.multipart")
	}
	defer r.MultipartForm.RemoveAll()
	typ, id := r.FormValue("target_type"), r.FormValue("target_id")
	if link := r.FormValue("url"); link != "" {
		e, err := h.a.AddEvidenceLink(r.Context(), actor, typ, id, link, r.FormValue("title"))
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusCreated, evidenceOf(e))
	}
	file, header, err := r.FormFile("file")
	if err != nil {
		return model.Invalid("file", "invalid.evidence.file")
	}
	defer file.Close()
	e, err := h.a.AttachFile(r.Context(), actor, typ, id, header.Filename, file)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, evidenceOf(e))
}

func (h *handler) evidenceList(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if _, err := limitParam(r); err != nil {
		return err
	}
	q := r.URL.Query()
	if q.Get("target_type") == "" || q.Get("target_id") == "" {
		return model.Invalid("target_type", "invalid.target.required")
	}
	items, err := h.a.EvidenceOf(r.Context(), actor, q.Get("target_type"), q.Get("target_id"))
	if err != nil {
		return err
	}
	all := make([]evidenceJSON, 0, len(items))
	for _, e := range items {
		all = append(all, evidenceOf(e))
	}
	out, err := pageOf(all, func(e evidenceJSON) string { return e.ID }, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, out)
}

func (h *handler) evidenceFile(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	e, f, err := h.a.EvidenceFile(r.Context(), actor, r.PathValue("id"))
	if err != nil {
		return err
	}
	defer f.Close()
	httpx.ServeFile(w, r, e.ContentType, e.FileName, e.SHA256, e.CreatedAt, f)
	return nil
}

func (h *handler) deleteEvidence(w http.ResponseWriter, r *http.Request, actor model.Actor) error {
	if err := h.a.DeleteEvidence(r.Context(), actor, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func evidenceSchemas() map[string]any {
	targets := enum(app.TargetProgress, app.TargetRealisasi, app.TargetSKP, app.TargetRHK, app.TargetObjection)
	return map[string]any{
		"Evidence": obj([]string{"id", "target_type", "target_id", "kind", "sha256", "size", "content_type", "can"}, map[string]any{"id": str(),
			"target_type": targets, "target_id": str(), "kind": enum("file", "link"), "sha256": str(),
			"size": map[string]any{"type": "integer"}, "content_type": str(), "file_name": str(), "url": str(),
			"created_at": map[string]any{"type": "string", "format": "date-time"},
			"can":        obj([]string{"delete"}, map[string]any{"delete": map[string]any{"type": "boolean", "description": "Remove it from the record (the owner of the work)"}})}),
		"EvidenceList": listOf("Evidence"),
		"EvidenceUpload": obj([]string{"target_type", "target_id"}, map[string]any{"target_type": targets, "target_id": str(),
			"file": map[string]any{"type": "string", "format": "binary", "description": "PDF, image (JPEG, PNG, HEIC, WebP, GIF), office document or text"},
			"url":  map[string]any{"type": "string", "description": "Instead of a file: a link (https://)"}, "title": str()}),
	}
}
