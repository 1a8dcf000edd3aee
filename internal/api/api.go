// Package api serves Kinerja's JSON API under /api/v1. One route table
// registers the handlers and describes them in the OpenAPI document the
// server publishes at /api/v1/openapi.json; a test keeps the two in step.
package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/model"
)

// route is one entry of the API's route table.
type route struct {
	method, path string
	summary      string
	public       bool // reachable without signing in
	handle       func(h *handler, w http.ResponseWriter, r *http.Request, actor model.Actor) error
	doc          op // OpenAPI details
}

// handler carries the application to every API handler.
type handler struct{ a *app.App }

// New returns the API handler; it expects full paths (/api/v1/...).
func New(a *app.App) http.Handler {
	h := &handler{a: a}
	mux := http.NewServeMux()
	for _, rt := range routes() {
		mux.HandleFunc(rt.method+" "+rt.path, h.wrap(rt))
	}
	return unmatched(mux)
}

// wrap checks the session, runs the handler and turns its error into a
// problem response.
func (h *handler) wrap(rt route) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		actor, ok := httpx.ActorFrom(r.Context())
		if !rt.public && !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="kinerja"`)
			writeProblem(w, r, http.StatusUnauthorized, "Belum masuk", "Masuk dahulu melalui POST /api/v1/auth/login dan kirim token sebagai Authorization: Bearer.", nil)
			return
		}
		if err := rt.handle(h, w, r, actor); err != nil {
			h.fail(w, r, err)
		}
	}
}

// fail writes err as a problem: validation errors with their fields, the
// model's sentinel errors with their statuses, anything else as a 500 that
// is logged and not shown.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ve *model.ValidationError
	var rl *app.RateLimitError
	var be *badRequest
	switch {
	case errors.As(err, &be):
		writeProblem(w, r, be.status, be.title, be.detail, nil)
	case errors.As(err, &ve):
		writeProblem(w, r, http.StatusUnprocessableEntity, "Data tidak valid", "Periksa kembali isian yang ditandai.", ve.Fields)
	case errors.As(err, &rl):
		w.Header().Set("Retry-After", strconv.Itoa(int(rl.RetryAfter.Seconds())+1))
		writeProblem(w, r, http.StatusTooManyRequests, "Terlalu banyak percobaan",
			fmt.Sprintf("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %d menit.", int(rl.RetryAfter.Minutes())+1), nil)
	default:
		status := httpx.Status(err)
		switch status {
		case http.StatusUnauthorized:
			w.Header().Set("WWW-Authenticate", `Bearer realm="kinerja"`)
			writeProblem(w, r, status, "Belum masuk", "Nama pengguna atau kata sandi salah, atau sesi sudah berakhir.", nil)
		case http.StatusForbidden:
			writeProblem(w, r, status, "Tidak diizinkan", "Akun Anda tidak memiliki hak untuk tindakan ini.", nil)
		case http.StatusNotFound:
			writeProblem(w, r, status, "Tidak ditemukan", "Data yang diminta tidak ada atau tidak dapat Anda lihat.", nil)
		case http.StatusConflict:
			writeProblem(w, r, status, "Konflik", "Data telah berubah atau tindakan ini tidak dapat dilakukan sekarang. Muat ulang lalu coba lagi.", nil)
		case http.StatusRequestEntityTooLarge:
			writeProblem(w, r, status, "Berkas terlalu besar", err.Error(), nil)
		default:
			h.a.Log.Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			writeProblem(w, r, http.StatusInternalServerError, "Kesalahan server", "Terjadi kesalahan pada server. Silakan coba lagi; jika berulang, hubungi admin.", nil)
		}
	}
}

// badRequest is a malformed request: its status and words are given.
type badRequest struct {
	status        int
	title, detail string
}

func (e *badRequest) Error() string { return e.detail }

func bad(status int, title, detail string) error {
	return &badRequest{status: status, title: title, detail: detail}
}

// problem is an RFC 9457 problem document.
type problem struct {
	Type     string            `json:"type"`
	Title    string            `json:"title"`
	Status   int               `json:"status"`
	Detail   string            `json:"detail,omitempty"`
	Instance string            `json:"instance,omitempty"`
	Errors   map[string]string `json:"errors,omitempty"`
}

func writeProblem(w http.ResponseWriter, r *http.Request, status int, title, detail string, fields map[string]string) {
	p := problem{Type: "about:blank", Title: title, Status: status, Detail: detail, Instance: r.URL.Path, Errors: fields}
	if fields != nil {
		p.Type = "https://kinerja.id/problems/validation"
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(p)
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, err = w.Write(append(b, '\n'))
	return err
}

// maxJSONBody bounds JSON request bodies.
const maxJSONBody = 1 << 20

// decode reads a JSON body into v: the content type must be JSON, the body
// at most 1 MB, and unknown fields are refused.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/json" {
		return bad(http.StatusUnsupportedMediaType, "Jenis isi tidak didukung", "Kirim isi permintaan sebagai application/json.")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return bad(http.StatusRequestEntityTooLarge, "Permintaan terlalu besar", "Isi permintaan melebihi 1 MB.")
		case errors.As(err, &syn), errors.Is(err, io.ErrUnexpectedEOF):
			return bad(http.StatusBadRequest, "JSON tidak valid", "Isi permintaan bukan JSON yang valid.")
		case errors.As(err, &typ):
			return model.Invalid(typ.Field, "Jenis nilai tidak sesuai")
		case errors.Is(err, io.EOF):
			return bad(http.StatusBadRequest, "Isi kosong", "Isi permintaan kosong; kirim objek JSON.")
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			return model.Invalid(field, "Kolom ini tidak dikenal")
		}
		return bad(http.StatusBadRequest, "JSON tidak valid", "Isi permintaan tidak dapat dibaca.")
	}
	if dec.More() {
		return bad(http.StatusBadRequest, "JSON tidak valid", "Isi permintaan harus satu objek JSON.")
	}
	return nil
}

// unmatched answers unknown paths (404) and wrong methods (405, with
// Allow) as problem documents where the mux would answer in plain text.
func unmatched(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern == "" {
			mux.ServeHTTP(&problemRecorder{ResponseWriter: w, r: r}, r)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// problemRecorder turns the mux's plain 404 and 405 into problems.
type problemRecorder struct {
	http.ResponseWriter
	r        *http.Request
	replaced bool
}

func (p *problemRecorder) WriteHeader(code int) {
	switch code {
	case http.StatusNotFound:
		p.replaced = true
		writeProblem(p.ResponseWriter, p.r, code, "Tidak ditemukan", "Alamat API ini tidak ada. Lihat /api/v1/openapi.json untuk daftar alamat.", nil)
	case http.StatusMethodNotAllowed:
		p.replaced = true
		writeProblem(p.ResponseWriter, p.r, code, "Metode tidak diizinkan", "Gunakan salah satu metode: "+p.ResponseWriter.Header().Get("Allow")+".", nil)
	default:
		p.ResponseWriter.WriteHeader(code)
	}
}

func (p *problemRecorder) Write(b []byte) (int, error) {
	if p.replaced {
		return len(b), nil
	}
	return p.ResponseWriter.Write(b)
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// limitParam reads ?limit=, 50 by default, 1..200.
func limitParam(r *http.Request) (int, error) {
	s := r.URL.Query().Get("limit")
	if s == "" {
		return 50, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 200 {
		return 0, model.Invalid("limit", "limit harus bilangan 1 sampai 200")
	}
	return n, nil
}
