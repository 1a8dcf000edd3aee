// Package api serves Kinerja's JSON API under /api/v1. One route table
// registers the handlers and describes them in the OpenAPI document the
// server publishes at /api/v1/openapi.json; a test keeps the two in step.
package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding"
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
	"unicode"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/importer"
	"github.com/kinerja-id/kinerja/internal/locale"
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

// CrossOriginDenied answers a request a browser sent from a page of another
// site with a problem in the reader's language.
func CrossOriginDenied(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	writeProblem(w, r, readerLang(r), http.StatusForbidden, "cross-origin", model.Msg("problem.crossorigin.title"),
		model.Msg("problem.crossorigin.detail"))
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
					h.fail(w, r, model.Invalid(strings.ToValidUTF8(k, "?"), "invalid.field.badtext"))
					return
				}
			}
		}
		if err := rt.doc.knownQuery(r.URL.Query()); err != nil {
			h.fail(w, r, err)
			return
		}
		// A write sent without a version goes to app all the same, so that
		// app decides who may act on the record before the input is judged
		// (a 422 would tell someone without rights that it exists); app's
		// conflict on the impossible version then becomes the 422.
		missing := new(bool)
		r = r.WithContext(context.WithValue(r.Context(), versionMissingKey{}, missing))
		if err := rt.handle(h, w, r, actor); err != nil {
			var ve *model.ValidationError
			switch {
			case !*missing:
			case httpx.Status(err) == http.StatusConflict:
				err = model.Invalid("version", "version.required")
			case errors.As(err, &ve):
				ve.Add("version", "version.required") // named with the other fields (Add keeps a field's first)
			}
			h.fail(w, r, err)
		}
	}
}

// versionMissingKey holds, in a request's context, whether a write named no
// version (see requiredVersion).
type versionMissingKey struct{}

// cleanText reports whether s is valid UTF-8 without NUL characters.
func cleanText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// fail writes err as a problem in the reader's language (see readerLang):
// validation errors with their fields, the model's sentinel errors with
// their statuses, anything else as a 500 that is logged and not shown.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	lang := readerLang(r)
	var ve *model.ValidationError
	var rl *app.RateLimitError
	var be *badRequest
	var tl *app.TooLargeError
	var sf *app.SecondFactorError
	var bd *app.BackdatedError
	var ib *app.ImportBlockedError
	switch {
	case errors.As(err, &ib) && errors.As(err, &ve):
		// A file refused as a whole: the refusal, with its preview.
		fields, codes := fieldMessages(lang, ve)
		p := newProblem(r, lang, http.StatusUnprocessableEntity, "validation", model.Msg("problem.validation.title"), validationDetail(lang, fields))
		p.Errors, p.Codes = fields, codes
		rep := ib.Report.In(lang)
		if rep.Rows == nil {
			rep.Rows = []importer.RowResult{}
		}
		p.Report = &rep
		p.write(w)
	case errors.As(err, &bd):
		b := backdatedOf(bd.Impact, lang)
		p := newProblem(r, lang, http.StatusConflict, "backdated", model.Msg("problem.conflict.title"), bd.Impact.Message())
		p.Backdated = &b
		p.write(w)
	case errors.As(err, &sf):
		secondFactorProblem(w, r, lang, sf)
	case errors.As(err, &be):
		writeProblem(w, r, lang, be.status, be.slug, be.title, be.detail)
	case errors.As(err, &ve):
		fields, codes := fieldMessages(lang, ve)
		p := newProblem(r, lang, http.StatusUnprocessableEntity, "validation", model.Msg("problem.validation.title"), validationDetail(lang, fields))
		p.Errors, p.Codes = fields, codes
		p.write(w)
	case errors.As(err, &tl):
		writeProblem(w, r, lang, http.StatusRequestEntityTooLarge, "too-large", model.Msg("problem.too-large.title"),
			model.Msg("problem.too-large.evidence", tl.Max>>20))
	case errors.As(err, &rl):
		w.Header().Set("Retry-After", strconv.Itoa(rl.RetryAfterSeconds()))
		writeProblem(w, r, lang, http.StatusTooManyRequests, "rate-limited", model.Msg("problem.rate-limited.login.title"),
			model.Msg("problem.rate-limited.login", rl.Wait()))
	default:
		status := httpx.Status(err)
		switch status {
		case http.StatusUnauthorized:
			w.Header().Set("WWW-Authenticate", `Bearer realm="kinerja"`)
			detail := model.Msg("problem.unauthenticated.detail")
			if r.URL.Path == "/api/v1/auth/login" {
				detail = model.Msg("problem.unauthenticated.login")
			}
			writeProblem(w, r, lang, status, "unauthenticated", model.Msg("problem.unauthenticated.title"), detail)
		case http.StatusForbidden:
			// A refusal that names its reason (model.StateError) says it.
			detail := model.Msg("problem.forbidden.detail")
			if se := (*model.StateError)(nil); errors.As(err, &se) {
				detail = se.Message
			}
			writeProblem(w, r, lang, status, "forbidden", model.Msg("problem.forbidden.title"), detail)
		case http.StatusNotFound:
			writeProblem(w, r, lang, status, "not-found", model.Msg("problem.not-found.title"), model.Msg("problem.not-found.detail"))
		case http.StatusConflict:
			// A stale version and an action the record's state does not
			// allow now are both conflicts; the detail says which.
			// A refusal that names its reason (model.StateError) says it.
			detail := model.Msg("problem.conflict.state")
			var se *model.StateError
			switch {
			case errors.Is(err, model.ErrStale):
				detail = model.Msg("problem.conflict.stale")
			case errors.As(err, &se):
				detail = se.Message
			}
			p := newProblem(r, lang, status, "conflict", model.Msg("problem.conflict.title"), detail)
			if se != nil {
				p.Code = se.Message.Key
			}
			p.write(w)
		case http.StatusRequestEntityTooLarge:
			writeProblem(w, r, lang, status, "too-large", model.Msg("problem.too-large.title"), model.Msg("problem.too-large.import", importer.MaxFileSize>>20))
		case http.StatusTooManyRequests:
			writeProblem(w, r, lang, status, "rate-limited", model.Msg("problem.rate-limited.title"), model.Msg("problem.rate-limited.detail"))
		default:
			h.a.Logger().Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			writeProblem(w, r, lang, http.StatusInternalServerError, "server-error", model.Msg("problem.server-error.title"), model.Msg("problem.server-error.detail"))
		}
	}
}

// readerLang is the language a problem is written in: the signed-in
// actor's account language, else the request's Accept-Language, else
// Indonesian.
func readerLang(r *http.Request) string {
	if actor, ok := httpx.ActorFrom(r.Context()); ok && actor.Locale != "" {
		return locale.Normalize(actor.Locale)
	}
	return locale.FromAcceptLanguage(r.Header.Get("Accept-Language"))
}

// fieldMessages renders the field messages of ve in lang and lists the
// message key of each field, for clients that translate themselves.
func fieldMessages(lang string, ve *model.ValidationError) (fields, codes map[string]string) {
	fields = make(map[string]string, len(ve.Fields))
	codes = make(map[string]string, len(ve.Fields))
	for f, key := range ve.Fields {
		fields[f] = locale.T(lang, key, ve.Args[f]...)
		codes[f] = key
	}
	return fields, codes
}

// validationDetail sums rendered field errors up in one sentence, fields
// in order.
func validationDetail(lang string, fields map[string]string) model.Message {
	if len(fields) == 0 {
		return model.Msg("problem.validation.empty")
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + strings.TrimRight(fields[k], ".")
	}
	return model.Msg("problem.validation.detail", strings.Join(parts, "; "))
}

// badRequest is a malformed request: its status and messages are given.
type badRequest struct {
	status        int
	slug          string
	title, detail model.Message
}

func (e *badRequest) Error() string { return e.detail.Error() }

// bad returns a malformed-request error; slug names its problem type, and
// the title and detail are message keys (detail with its arguments).
func bad(status int, slug, titleKey, detailKey string, args ...any) error {
	return &badRequest{status: status, slug: slug, title: model.Msg(titleKey), detail: model.Msg(detailKey, args...)}
}

// problem is an RFC 9457 problem document. Errors holds each invalid
// field's message in the reader's language; Codes holds the message key
// of each, stable across languages, for clients that translate.
type problem struct {
	Type     string            `json:"type"`
	Title    string            `json:"title"`
	Status   int               `json:"status"`
	Detail   string            `json:"detail,omitempty"`
	Instance string            `json:"instance,omitempty"`
	Errors   map[string]string `json:"errors,omitempty"`
	Codes    map[string]string `json:"codes,omitempty"`
	// Code is the message key of detail when a refusal names its reason
	// (model.StateError), stable across languages.
	Code string `json:"code,omitempty"`
	// Backdated lists what a transfer's TMT reaches into, on the 409 that
	// asks for confirm_backdated.
	Backdated *backdatedJSON `json:"backdated,omitempty"`
	// Report is the preview of an import refused as a whole when applied.
	Report *importer.Report `json:"report,omitempty"`
}

// problemBase prefixes the slug of every problem type.
const problemBase = "https://kinerja.id/problems/"

// newProblem renders a problem document of type problemBase+slug in lang.
func newProblem(r *http.Request, lang string, status int, slug string, title, detail model.Message) problem {
	return problem{Type: problemBase + slug, Title: locale.T(lang, title.Key, title.Args...), Status: status,
		Detail: locale.T(lang, detail.Key, detail.Args...), Instance: strings.ToValidUTF8(r.URL.Path, "\uFFFD")}
}

// write answers the problem.
func (p problem) write(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// writeProblem answers a problem document of type problemBase+slug, its
// title and detail rendered in lang.
func writeProblem(w http.ResponseWriter, r *http.Request, lang string, status int, slug string, title, detail model.Message) {
	newProblem(r, lang, status, slug, title, detail).write(w)
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
// at most 1 MB, unknown fields and keys given twice are refused, and so is
// any text or number no record may hold (see badField).
//
// An empty body (no bytes, or only white space) reads as an empty object
// whatever the content type says, so an action such as POST
// /skps/{id}/revise can be sent bare.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	if r.Body == nil {
		return nil
	}
	body := bufio.NewReader(http.MaxBytesReader(w, r.Body, maxJSONBody))
	for {
		c, err := body.ReadByte()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return readError(err)
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			_ = body.UnreadByte()
			break
		}
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/json" {
		return bad(http.StatusUnsupportedMediaType, "unsupported-media-type", "problem.unsupported-media-type.title", "problem.unsupported-media-type.detail")
	}
	data, err := io.ReadAll(body)
	if err != nil {
		return readError(err)
	}
	// Go's decoder lets the last of two equal keys win, and matches keys
	// without regard to case: {"username":"a","USERNAME":"b"} would be read
	// as b by one reader and a by another. A key given twice is refused.
	if key, ok := duplicateKey(data); ok {
		return bad(http.StatusBadRequest, "malformed-json", "problem.malformed-json.title", "problem.malformed-json.duplicate", key)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return bad(http.StatusRequestEntityTooLarge, "too-large", "problem.body-too-large.title", "problem.body-too-large.detail", maxJSONBody>>20)
		case errors.As(err, &syn):
			return bad(http.StatusBadRequest, "malformed-json", "problem.malformed-json.title", "problem.malformed-json.syntax", syn.Offset)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return bad(http.StatusBadRequest, "malformed-json", "problem.malformed-json.title", "problem.malformed-json.truncated")
		case errors.As(err, &typ):
			if typ.Field == "" {
				return bad(http.StatusBadRequest, "malformed-json", "problem.malformed-json.title", "problem.malformed-json.object")
			}
			// A number sent for a field that holds numbers did not fit it
			// (a fraction, too large); sent for any other field, it is of
			// the wrong kind, as a text sent for a number is.
			field := typ.Field
			if path, ok := wrongKey(data, reflect.TypeOf(v), "", false); ok {
				field = path // the decoder names a map's value by the map alone
			}
			if strings.HasPrefix(typ.Value, "number") && isNumberKind(typ.Type.Kind()) {
				return numberError(reflect.TypeOf(v), field, typ.Type.Kind())
			}
			return model.Invalid(field, jsonKind(typ.Type.Kind()))
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			// The decoder names the key alone; the problem names its path
			// from the body (feedback.foo, not foo).
			field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			if path, ok := wrongKey(data, reflect.TypeOf(v), "", true); ok {
				field = path
			}
			return model.Invalid(field, "invalid.field.unknown")
		}
		return bad(http.StatusBadRequest, "malformed-json", "problem.malformed-json.title", "problem.malformed-json.unreadable")
	}
	if _, err := dec.Token(); err != io.EOF {
		return bad(http.StatusBadRequest, "malformed-json", "problem.malformed-json.title", "problem.malformed-json.single")
	}
	return badField(reflect.ValueOf(v), "", nil)
}

// fieldRanges are the real ranges of the whole numbers bodies take, named
// by the range tag of a request field (`range:"year"`), from the constants
// the rules in model and app check. A number no record can hold (below 0,
// above model.MaxInt, a fraction, 20 digits) is refused by the decoder,
// and told its field's real range, not the databases'; a number in
// 0..model.MaxInt goes to the field's rule, which checks it with every
// other field of the request and says the same range. A field without a
// tag takes any whole number from 0 to model.MaxInt.
var fieldRanges = map[string][2]int64{
	"year":             {model.FirstYear, model.LastYear},
	"open_year":        {model.FirstOpenYear, model.LastYear},
	"report_days":      {0, model.MaxReportDays},
	"evidence_mb":      {model.MinEvidenceMB, model.MaxEvidenceMB},
	"answer":           {model.FeedbackScaleMin, model.FeedbackScaleMax},
	"competence_score": {model.CompetenceScoreMin, model.CompetenceScoreMax},
}

// ranged is the OpenAPI schema of a whole number in the named range of
// fieldRanges, so the document states the range the decoder enforces.
func ranged(name string, description ...string) map[string]any {
	r, ok := fieldRanges[name]
	if !ok {
		panic("api: unknown range " + name)
	}
	s := map[string]any{"type": "integer", "minimum": r[0], "maximum": r[1]}
	if len(description) > 0 {
		s["description"] = description[0]
	}
	return s
}

// rangeOf is the range a struct field's range tag names (nil without one).
func rangeOf(f reflect.StructField) *[2]int64 {
	name := f.Tag.Get("range")
	if name == "" {
		return nil
	}
	r, ok := fieldRanges[name]
	if !ok {
		panic("api: unknown range tag " + name + " on " + f.Name)
	}
	return &r
}

// outOfRange is the error of a whole number outside rng (0..model.MaxInt
// when nil).
func outOfRange(field string, rng *[2]int64) error {
	if rng == nil {
		return model.Invalid(field, "invalid.field.range", model.MaxInt)
	}
	if field == "year" || strings.HasSuffix(field, ".year") {
		return model.Invalid(field, "invalid.field.year", rng[0], rng[1])
	}
	return model.Invalid(field, "invalid.field.between", rng[0], rng[1])
}

// numberError is the error of a JSON number the decoder could not put in
// the field at path of t: a fraction or a number too large for a whole
// number is told the field's range, a number too large for any field is
// told so.
func numberError(t reflect.Type, path string, k reflect.Kind) error {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return outOfRange(path, fieldRangeAt(t, path))
	}
	return model.Invalid(path, "invalid.field.large")
}

// fieldRangeAt finds the range tag of the field at a dotted JSON path of
// t (as json.UnmarshalTypeError names it), nil when it has none.
func fieldRangeAt(t reflect.Type, path string) *[2]int64 {
	var rng *[2]int64
	for _, part := range strings.Split(path, ".") {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil
		}
		found := false
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if tag == "" {
				tag = f.Name
			}
			if f.IsExported() && strings.EqualFold(tag, part) {
				t, rng, found = f.Type, rangeOf(f), true
				break
			}
		}
		if !found {
			return nil
		}
	}
	return rng
}

// duplicateKey reports the first key that an object of the JSON text data
// holds twice, comparing keys as Go's decoder matches them to fields (by
// Unicode simple case folding). Text that is not valid JSON reports none:
// the decoder then says what is wrong with it.
func duplicateKey(data []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	type level struct {
		object bool
		keys   map[string]bool
		key    bool // the next token of this object is a key
	}
	var stack []*level
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		var top *level
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.object && top.key {
			if k, ok := tok.(string); ok {
				f := foldKey(k)
				if top.keys[f] {
					return k, true
				}
				top.keys[f] = true
				top.key = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			if top != nil && top.object {
				top.key = true
			}
			stack = append(stack, &level{object: true, keys: map[string]bool{}, key: true})
		case json.Delim('['):
			if top != nil && top.object {
				top.key = true
			}
			stack = append(stack, &level{})
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return "", false
			}
		default:
			if top != nil && top.object {
				top.key = true // a value was read: a key comes next
			}
		}
	}
}

// foldKey maps a key to one form for all its case variants: each letter
// becomes the smallest of the letters simple case folding equates with it
// ("K", "k" and the Kelvin sign "K" alike).
func foldKey(k string) string {
	return strings.Map(func(r rune) rune {
		low := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			low = min(low, f)
		}
		return low
	}, k)
}

// readError is the problem of a body that could not be read: too large,
// or cut off.
func readError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return bad(http.StatusRequestEntityTooLarge, "too-large", "problem.body-too-large.title", "problem.body-too-large.detail", maxJSONBody>>20)
	}
	return bad(http.StatusBadRequest, "malformed-json", "problem.malformed-json.title", "problem.malformed-json.unreadable")
}

// isNumberKind reports whether a Go value of kind k holds a JSON number.
func isNumberKind(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// wrongKey finds, in the order of the JSON text data, the first key that
// names no field of t (unknown, as the decoder matches keys: by JSON
// name, without regard to case, through embedded structs), or else the
// first value of a kind its field cannot hold (a number for text, text
// for a number ...), and answers its path from the body: "feedback.foo",
// "feedback.rhk.x", "items[2].bar". With unknown it looks for unknown
// keys only.
func wrongKey(data []byte, t reflect.Type, path string, unknown bool) (string, bool) {
	if t == nil {
		return "", false
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	open, err := dec.Token()
	if err != nil {
		return "", false
	}
	if t.Kind() == reflect.Interface || (t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 && open != json.Delim('[')) {
		return "", false // any value, or raw JSON
	}
	switch {
	case open == json.Delim('{') && (t.Kind() == reflect.Struct || t.Kind() == reflect.Map):
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return "", false
			}
			k, _ := tok.(string)
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return "", false
			}
			elem := t
			if t.Kind() == reflect.Map {
				elem = t.Elem()
			} else {
				f, ok := fieldNamed(t, k)
				if !ok {
					return join(k), true
				}
				elem = f.Type
			}
			if p, ok := wrongKey(raw, elem, join(k), unknown); ok {
				return p, true
			}
		}
		return "", false
	case open == json.Delim('[') && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array):
		for i := 0; dec.More(); i++ {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return "", false
			}
			if p, ok := wrongKey(raw, t.Elem(), fmt.Sprintf("%s[%d]", path, i), unknown); ok {
				return p, true
			}
		}
		return "", false
	}
	if unknown || open == nil {
		return "", false
	}
	var fits bool
	switch open.(type) {
	case string:
		fits = t.Kind() == reflect.String || t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)
	case json.Number:
		fits = isNumberKind(t.Kind())
	case bool:
		fits = t.Kind() == reflect.Bool
	}
	if !fits && !t.Implements(jsonUnmarshaler) && !reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return path, true
	}
	return "", false
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// fieldNamed is the field of struct type t that the JSON key k fills, as
// encoding/json matches it: an exact JSON name first, else one equal
// without regard to case; fields of embedded structs count as t's own.
func fieldNamed(t reflect.Type, k string) (reflect.StructField, bool) {
	var folded *reflect.StructField
	var walk func(t reflect.Type) (reflect.StructField, bool)
	walk = func(t reflect.Type) (reflect.StructField, bool) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if tag == "-" {
				continue
			}
			if f.Anonymous && tag == "" {
				et := f.Type
				if et.Kind() == reflect.Pointer {
					et = et.Elem()
				}
				if et.Kind() == reflect.Struct {
					if g, ok := walk(et); ok {
						return g, true
					}
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if tag == "" {
				tag = f.Name
			}
			if tag == k {
				return f, true
			}
			if folded == nil && strings.EqualFold(tag, k) {
				folded = &f
			}
		}
		return reflect.StructField{}, false
	}
	if f, ok := walk(t); ok {
		return f, true
	}
	if folded != nil {
		return *folded, true
	}
	return reflect.StructField{}, false
}

// jsonKind gives the message key saying which kind of JSON value a field
// of Go kind k takes.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "invalid.field.type.text"
	case reflect.Bool:
		return "invalid.field.type.bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "invalid.field.type.number"
	case reflect.Slice, reflect.Array:
		return "invalid.field.type.list"
	}
	return "invalid.field.type.object"
}

// badField refuses the first value of v, named by its JSON path, that no
// record may hold: text the model refuses (model.TextFault: control,
// bidirectional and zero-width characters) and whole numbers outside
// 0..model.MaxInt (the databases' integer; no number a client sends
// counts below zero). Every body passes here, so PostgreSQL never sees a
// number it would refuse with an error where SQLite would quietly compare.
//
// rng is the range of the field v is (or the elements of a list), named by
// its range tag (fieldRanges), the range a refusal names; nil gives
// 0..model.MaxInt.
func badField(v reflect.Value, name string, rng *[2]int64) error {
	at := func() string {
		if name == "" {
			return "body"
		}
		return name
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return badField(v.Elem(), name, rng)
	case reflect.String:
		return model.TextError(at(), v.String(), true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n := v.Int(); n < 0 || n > model.MaxInt {
			return outOfRange(at(), rng)
		}
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.Uint() > model.MaxInt {
			return outOfRange(at(), rng)
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
			if err := badField(v.Field(i), tag, rangeOf(f)); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // raw JSON (json.RawMessage), read by its own parser
		}
		for i := 0; i < v.Len(); i++ {
			if err := badField(v.Index(i), fmt.Sprintf("%s[%d]", name, i), rng); err != nil {
				return err
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if err := badField(k, name, nil); err != nil {
				return err
			}
			if err := badField(v.MapIndex(k), name+"."+fmt.Sprint(k), nil); err != nil {
				return err
			}
		}
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
		writeProblem(p.ResponseWriter, p.r, readerLang(p.r), code, "not-found", model.Msg("problem.not-found.title"), model.Msg("problem.not-found.route"))
	case http.StatusMethodNotAllowed:
		p.replaced = true
		writeProblem(p.ResponseWriter, p.r, readerLang(p.r), code, "method-not-allowed", model.Msg("problem.method-not-allowed.title"),
			model.Msg("problem.method-not-allowed.detail", p.ResponseWriter.Header().Get("Allow")))
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
		return 0, model.Invalid("limit", "invalid.field.limit")
	}
	return n, nil
}

// decodeVersioned reads a JSON body into req (see decode) and returns the
// version it names through version, a pointer to req's Version field:
// every write to a versioned record must send one (see requiredVersion).
func decodeVersioned(w http.ResponseWriter, r *http.Request, req any, version **int) (int, error) {
	if err := decode(w, r, req); err != nil {
		return 0, err
	}
	return requiredVersion(r, *version), nil
}

// requiredVersion returns the version a write was sent with. Every write to
// a versioned record names the version it read: a missing one is a 422
// field error on "version", never a conflict (a stale one is the store's
// 409). It is judged after access: a missing version is passed on as
// model.NoVersion, which no record has, so app refuses whoever may not
// act as it always does and answers the others with a conflict, which the
// route's wrapper turns into the 422.
func requiredVersion(r *http.Request, v *int) int {
	if v == nil {
		if missing, ok := r.Context().Value(versionMissingKey{}).(*bool); ok {
			*missing = true
		}
		return model.NoVersion
	}
	return *v
}

// isID reports whether s has the shape of an identifier: at most 64
// letters and digits.
// flagParam reads a yes/no filter: 1 or true, 0 or false, false when
// absent; anything else is a 422 naming the parameter.
func flagParam(r *http.Request, name string) (bool, error) {
	switch r.URL.Query().Get(name) {
	case "":
		return false, nil
	case "1", "true":
		return true, nil
	case "0", "false":
		return false, nil
	}
	return false, model.Invalid(name, "invalid.query.flag")
}

// idParam reads a filter or reference by id of the query (period, unit,
// employee ...), the one rule every route follows (filterRule): "" when
// absent; a value that is not an id (model.IsID) is a 422 naming the
// parameter, before anything is read; a well-formed id of nothing the
// actor may see through it is the use case's 404, whether it exists or
// not, so that the answer does not tell.
func idParam(r *http.Request, name string) (string, error) {
	return idValue(name, r.URL.Query().Get(name))
}

// idValue is idParam for a reference sent in a JSON body (period_id ...).
func idValue(name, v string) (string, error) {
	if v != "" && !model.IsID(v) {
		return "", model.Invalid(name, "invalid.query.id")
	}
	return v, nil
}

func isID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
