package server

import (
	"compress/gzip"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// compressible are the media types worth compressing: text the server
// writes. Files already compressed (PDF, XLSX, images, evidence) and event
// streams, which must reach the browser as each event is written, pass
// through unchanged.
var compressible = map[string]bool{
	"text/html":                true,
	"text/css":                 true,
	"text/plain":               true,
	"text/csv":                 true,
	"text/javascript":          true,
	"application/javascript":   true,
	"application/json":         true,
	"application/problem+json": true,
	"image/svg+xml":            true,
}

// minCompress is the smallest body with a known length worth compressing.
const minCompress = 512

var gzipPool = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

// compress gzips text responses for a client that accepts gzip.
//
// BREACH (a secret guessed from the compressed size of responses that also
// reflect what an attacker sent) needs a secret in the body and a way to
// make the victim's browser fetch signed-in pages from another site. Kinerja
// puts no secret token in its pages (cross-origin protection goes by the
// browser's Sec-Fetch-Site and Origin headers, not a CSRF token), the
// session cookie is SameSite=Lax, so another site's requests for a page or
// an answer carry no session, and the API's bearer token is never sent by
// a browser on its own. So pages and answers are compressed, but for those
// that show a secret to a GET (an authenticator's key while it is being
// enrolled): they say Cache-Control: no-transform, and go as they are.
func compress(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		if r.Method == http.MethodHead || !acceptsGzip(r.Header.Get("Accept-Encoding")) {
			next.ServeHTTP(w, r)
			return
		}
		gw := &gzipWriter{ResponseWriter: w}
		defer gw.close()
		next.ServeHTTP(gw, r)
	})
}

// acceptsGzip reads an Accept-Encoding header: gzip (or *) with a quality
// above zero.
func acceptsGzip(header string) bool {
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "x-gzip" && name != "*" {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(strings.ToLower(params), " ", ""), "q=")
		if !ok {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}

// gzipWriter decides at the response's head whether to compress it.
type gzipWriter struct {
	http.ResponseWriter
	decided bool
	gz      *gzip.Writer // nil: the body passes through
}

func (w *gzipWriter) decide(status int) {
	if w.decided {
		return
	}
	w.decided = true
	h := w.Header()
	if status < 200 || status == http.StatusNoContent || status == http.StatusNotModified || status == http.StatusPartialContent ||
		h.Get("Content-Encoding") != "" || h.Get("Content-Range") != "" {
		return
	}
	media, _, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || !compressible[media] || strings.Contains(h.Get("Cache-Control"), "no-transform") {
		return
	}
	if n, err := strconv.Atoi(h.Get("Content-Length")); err == nil && n < minCompress {
		return // too small to gain
	}
	h.Del("Content-Length")
	h.Set("Content-Encoding", "gzip")
	// The compressed body is another representation: a strong validator of
	// the plain one would be a lie.
	if etag := h.Get("Etag"); etag != "" && !strings.HasPrefix(etag, "W/") {
		h.Set("Etag", "W/"+etag)
	}
	w.gz = gzipPool.Get().(*gzip.Writer)
	w.gz.Reset(w.ResponseWriter)
}

func (w *gzipWriter) WriteHeader(status int) {
	w.decide(status)
	w.ResponseWriter.WriteHeader(status)
}

func (w *gzipWriter) Write(b []byte) (int, error) {
	if !w.decided {
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", http.DetectContentType(b))
		}
		w.WriteHeader(http.StatusOK)
	}
	if w.gz == nil {
		return w.ResponseWriter.Write(b)
	}
	return w.gz.Write(b)
}

// FlushError sends what is written so far (compressed so far), for a
// handler that streams.
func (w *gzipWriter) FlushError() error {
	if !w.decided {
		w.WriteHeader(http.StatusOK)
	}
	if w.gz != nil {
		if err := w.gz.Flush(); err != nil {
			return err
		}
	}
	return http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the connection's own controls.
func (w *gzipWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *gzipWriter) close() {
	if w.gz == nil {
		return
	}
	_ = w.gz.Close()
	w.gz.Reset(io.Discard)
	gzipPool.Put(w.gz)
	w.gz = nil
}
