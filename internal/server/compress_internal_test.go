package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Only text the server writes is compressed: files already compressed,
// answers without a body, ranges and tiny bodies go as they are.
func TestCompressChoosesWhatToCompress(t *testing.T) {
	big := strings.Repeat("Kinerja ", 200)
	for _, c := range []struct {
		name    string
		headers map[string]string
		status  int
		gzip    bool
	}{
		{"html", map[string]string{"Content-Type": "text/html; charset=utf-8"}, 200, true},
		{"json problem", map[string]string{"Content-Type": "application/problem+json"}, 422, true},
		{"svg", map[string]string{"Content-Type": "image/svg+xml"}, 200, true},
		{"sniffed html", map[string]string{}, 200, true},
		{"pdf", map[string]string{"Content-Type": "application/pdf"}, 200, false},
		{"xlsx", map[string]string{"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, 200, false},
		{"png", map[string]string{"Content-Type": "image/png"}, 200, false},
		{"event stream", map[string]string{"Content-Type": "text/event-stream"}, 200, false},
		{"encoded already", map[string]string{"Content-Type": "text/css", "Content-Encoding": "br"}, 200, false},
		{"range", map[string]string{"Content-Type": "text/css", "Content-Range": "bytes 0-9/99"}, 206, false},
		{"tiny", map[string]string{"Content-Type": "text/html", "Content-Length": "12"}, 200, false},
		{"a page with a secret", map[string]string{"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store, no-transform"}, 200, false},
	} {
		h := compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			for k, v := range c.headers {
				w.Header().Set(k, v)
			}
			w.WriteHeader(c.status)
			_, _ = w.Write([]byte(big))
		}))
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate")
		if c.name == "sniffed html" {
			// The type is sniffed at the first write, before the head is sent.
			h = compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = w.Write([]byte("<!doctype html><p>" + big))
			}))
		}
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Content-Encoding") == "gzip"; got != c.gzip {
			t.Errorf("%s: compressed = %v, want %v", c.name, got, c.gzip)
		}
		if !c.gzip && c.headers["Content-Encoding"] == "" && rec.Body.String() != big {
			t.Errorf("%s: the body was changed", c.name)
		}
	}
	for header, want := range map[string]bool{"gzip": true, "GZIP;q=0.5": true, "*": true, "deflate, br": false, "gzip;q=0": false, "gzip;q=0.000": false, "": false} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}
