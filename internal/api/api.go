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
	"reflect"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/importer"
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
type handler struct {
	a *app.App

	docOnce sync.Once // the OpenAPI document, marshalled on first request
	doc     []byte
	docErr  error
}

// New returns the API handler; it expects full paths (/api/v1/...).
func New(a *app.App) http.Handler {
	h := &handler{a: a}
	mux := http.NewServeMux()
	for _, rt := range routes() {
		mux.HandleFunc(rt.method+" "+rt.path, h.wrap(rt))
	}
	return unmatched(mux)
}

// wrap checks the session and the text of the path and query, runs the
// handler and turns its error into a problem response.
func (h *handler) wrap(rt route) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				h.fail(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
			}
		}()
		w.Header().Set("Cache-Control", "no-store")
		actor, ok := httpx.ActorFrom(r.Context())
		if !rt.public && !ok {
			h.fail(w, r, model.ErrUnauthenticated)
			return
		}
		// Identifiers and search words are text: bytes that are not UTF-8,
		// or a NUL, can name nothing, and some databases refuse them.
		for _, p := range rt.doc.params {
			if !cleanText(r.PathValue(p)) {
				h.fail(w, r, model.ErrNotFound)
				return
			}
		}
		for k, vs := range r.URL.Query() {
			for _, v := range vs {
				if !cleanText(k) || !cleanText(v) {
					h.fail(w, r, model.Invalid(strings.ToValidUTF8(k, "?"), "Berisi karakter yang tidak valid"))
					return
				}
			}
		}
		if err := rt.handle(h, w, r, actor); err != nil {
			h.fail(w, r, err)
		}
	}
}

// cleanText reports whether s is valid UTF-8 without NUL characters.
func cleanText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// fail writes err as a problem: validation errors with their fields, the
// model's sentinel errors with their statuses, anything else as a 500 that
// is logged and not shown.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ve *model.ValidationError
	var rl *app.RateLimitError
	var be *badRequest
	var tl *app.TooLargeError
	switch {
	case errors.As(err, &be):
		writeProblem(w, r, be.status, be.slug, be.title, be.detail, nil)
	case errors.As(err, &ve):
		writeProblem(w, r, http.StatusUnprocessableEntity, "validation", "Data tidak valid", validationDetail(ve.Fields), ve.Fields)
	case errors.As(err, &tl):
		writeProblem(w, r, http.StatusRequestEntityTooLarge, "too-large", "Berkas terlalu besar",
			fmt.Sprintf("Bukti dukung paling besar %d MB per berkas. Perkecil berkasnya (misalnya foto dengan resolusi lebih rendah) lalu kirim lagi.", tl.Max>>20), nil)
	case errors.As(err, &rl):
		w.Header().Set("Retry-After", strconv.Itoa(int(rl.RetryAfter.Seconds())+1))
		writeProblem(w, r, http.StatusTooManyRequests, "rate-limited", "Terlalu banyak percobaan",
			fmt.Sprintf("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %d menit.", int(rl.RetryAfter.Minutes())+1), nil)
	default:
		status := httpx.Status(err)
		switch status {
		case http.StatusUnauthorized:
			w.Header().Set("WWW-Authenticate", `Bearer realm="kinerja"`)
			detail := "Silakan masuk dahulu melalui POST /api/v1/auth/login, lalu kirim token sebagai Authorization: Bearer <token>. Sesi yang sudah keluar atau kedaluwarsa tidak berlaku lagi."
			if r.URL.Path == "/api/v1/auth/login" {
				detail = "Nama pengguna atau kata sandi salah."
			}
			writeProblem(w, r, status, "unauthenticated", "Belum masuk", detail, nil)
		case http.StatusForbidden:
			writeProblem(w, r, status, "forbidden", "Tidak diizinkan", "Akun Anda tidak memiliki hak untuk tindakan ini.", nil)
		case http.StatusNotFound:
			writeProblem(w, r, status, "not-found", "Tidak ditemukan", "Data yang diminta tidak ada atau tidak dapat Anda lihat.", nil)
		case http.StatusConflict:
			writeProblem(w, r, status, "conflict", "Konflik", "Data telah berubah atau tindakan ini tidak dapat dilakukan sekarang. Muat ulang lalu coba lagi.", nil)
		case http.StatusRequestEntityTooLarge:
			writeProblem(w, r, status, "too-large", "Berkas terlalu besar", fmt.Sprintf("Berkas impor paling besar %d MB.", importer.MaxFileSize>>20), nil)
		case http.StatusTooManyRequests:
			writeProblem(w, r, status, "rate-limited", "Terlalu banyak permintaan", "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.", nil)
		default:
			h.a.Log.Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			writeProblem(w, r, http.StatusInternalServerError, "server-error", "Kesalahan server", "Terjadi kesalahan pada server. Silakan coba lagi; jika berulang, hubungi admin.", nil)
		}
	}
}

// validationDetail sums field errors up in one sentence, fields in order.
func validationDetail(fields map[string]string) string {
	if len(fields) == 0 {
		return "Periksa kembali isian Anda."
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + fields[k]
	}
	return "Periksa kembali isian berikut. " + strings.Join(parts, "; ") + "."
}

// badRequest is a malformed request: its status and words are given.
type badRequest struct {
	status              int
	slug, title, detail string
}

func (e *badRequest) Error() string { return e.detail }

// bad returns a malformed-request error; slug names its problem type.
func bad(status int, slug, title, detail string) error {
	return &badRequest{status: status, slug: slug, title: title, detail: detail}
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

// problemBase prefixes the slug of every problem type.
const problemBase = "https://kinerja.id/problems/"

// writeProblem answers a problem document of type problemBase+slug.
func writeProblem(w http.ResponseWriter, r *http.Request, status int, slug, title, detail string, fields map[string]string) {
	p := problem{Type: problemBase + slug, Title: title, Status: status, Detail: detail,
		Instance: strings.ToValidUTF8(r.URL.Path, "\uFFFD"), Errors: fields}
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
// at most 1 MB, unknown fields are refused, and no text may hold a NUL.
//
// A request with no body at all (Content-Length 0, no Content-Type) reads
// as an empty object, so an action such as POST /skps/{id}/revise can be
// sent bare.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	if r.ContentLength == 0 && r.Header.Get("Content-Type") == "" {
		return nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/json" {
		return bad(http.StatusUnsupportedMediaType, "unsupported-media-type", "Jenis isi tidak didukung",
			"Kirim isi permintaan sebagai JSON dengan header Content-Type: application/json.")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return bad(http.StatusRequestEntityTooLarge, "too-large", "Permintaan terlalu besar", "Isi permintaan melebihi batas 1 MB.")
		case errors.As(err, &syn):
			return bad(http.StatusBadRequest, "malformed-json", "JSON tidak valid",
				fmt.Sprintf("Isi permintaan bukan JSON yang valid (kesalahan pada byte ke-%d).", syn.Offset))
		case errors.Is(err, io.ErrUnexpectedEOF):
			return bad(http.StatusBadRequest, "malformed-json", "JSON tidak valid", "Isi permintaan terpotong: JSON tidak lengkap.")
		case errors.As(err, &typ):
			if typ.Field == "" {
				return bad(http.StatusBadRequest, "malformed-json", "JSON tidak valid", "Isi permintaan harus berupa satu objek JSON.")
			}
			return model.Invalid(typ.Field, "Jenis nilai tidak sesuai; seharusnya "+jsonKind(typ.Type.Kind()))
		case errors.Is(err, io.EOF):
			return bad(http.StatusBadRequest, "malformed-json", "Isi kosong", "Isi permintaan kosong; kirim satu objek JSON.")
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			return model.Invalid(field, "Kolom ini tidak dikenal")
		}
		return bad(http.StatusBadRequest, "malformed-json", "JSON tidak valid", "Isi permintaan tidak dapat dibaca sebagai JSON.")
	}
	if _, err := dec.Token(); err != io.EOF {
		return bad(http.StatusBadRequest, "malformed-json", "JSON tidak valid", "Isi permintaan harus berupa satu objek JSON saja.")
	}
	if field := nulField(reflect.ValueOf(v), ""); field != "" {
		return model.Invalid(field, "Berisi karakter yang tidak valid")
	}
	return nil
}

// jsonKind names a Go kind as JSON calls it, in the user's words.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "teks"
	case reflect.Bool:
		return "true atau false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "angka"
	case reflect.Slice, reflect.Array:
		return "daftar"
	}
	return "objek"
}

// nulField returns the JSON name of the first string in v that holds a NUL
// character (JSON allows \u0000; the databases do not), or "".
func nulField(v reflect.Value, name string) string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return ""
		}
		return nulField(v.Elem(), name)
	case reflect.String:
		if strings.ContainsRune(v.String(), 0) {
			if name == "" {
				return "body"
			}
			return name
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if tag == "-" {
				continue
			}
			if tag == "" {
				tag = f.Name
			}
			if name != "" {
				tag = name + "." + tag
			}
			if got := nulField(v.Field(i), tag); got != "" {
				return got
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if got := nulField(v.Index(i), fmt.Sprintf("%s[%d]", name, i)); got != "" {
				return got
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if got := nulField(v.MapIndex(k), name+"."+fmt.Sprint(k)); got != "" {
				return got
			}
		}
	}
	return ""
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
		writeProblem(p.ResponseWriter, p.r, code, "not-found", "Tidak ditemukan", "Alamat API ini tidak ada. Lihat /api/v1/openapi.json untuk daftar alamat.", nil)
	case http.StatusMethodNotAllowed:
		p.replaced = true
		writeProblem(p.ResponseWriter, p.r, code, "method-not-allowed", "Metode tidak diizinkan", "Gunakan salah satu metode: "+p.ResponseWriter.Header().Get("Allow")+".", nil)
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

// requiredVersion returns the version a write was sent with. Every write to
// a versioned record names the version it read: a missing one is a 422
// field error on "version", never a conflict (a stale one is the store's
// 409).
func requiredVersion(v *int) (int, error) {
	if v == nil {
		return 0, model.Invalid("version", "version.required")
	}
	return *v, nil
}
