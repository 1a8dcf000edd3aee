// Package server assembles Kinerja's HTTP handler: the web UI, the JSON API
// and the operational endpoints, behind the middleware every request passes
// (recovery, request log and metrics, security headers, cross-origin
// protection, session resolution).
package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/api"
	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/web"
)

// Config is how the handler is deployed.
type Config struct {
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client (see httpx.Proxies); none by default.
	TrustedProxies httpx.Proxies
	// MetricsToken, when set, lets GET /metrics answer a request bearing
	// it (Authorization: Bearer …, as Prometheus sends); without it
	// /metrics is not served with the site (see Build for an address of
	// its own).
	MetricsToken string
}

// New returns the whole HTTP handler of Kinerja, serving clients directly.
func New(a *app.App) http.Handler { return NewWith(a, Config{}) }

// NewWith returns the whole HTTP handler of Kinerja as cfg deploys it.
func NewWith(a *app.App, cfg Config) http.Handler {
	h, _ := Build(a, cfg)
	return h
}

// Build returns the whole HTTP handler of Kinerja as cfg deploys it, and
// the metrics alone, unguarded, for an address of their own that only the
// operators reach (serve --metrics-addr). When the public URL is https,
// every request counts as secure (TLS ends at a proxy in front): session
// cookies are Secure and HSTS is sent.
func Build(a *app.App, cfg Config) (site, metricsOnly http.Handler) {
	m := newMetrics(a.DBStats)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) { ready(a, w, r) })
	if cfg.MetricsToken != "" {
		mux.Handle("GET /metrics", bearer(cfg.MetricsToken, m))
	}
	mux.Handle("/api/", api.New(a))
	ui := web.New(a)
	mux.Handle("/", ui)

	// A request a browser sends from another site is refused with a page
	// (or, under /api/, a problem) in the reader's language.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(httpx.Authenticate(a, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			api.CrossOriginDenied(w, r)
			return
		}
		ui.CrossOriginDenied(w, r)
	})))
	var h http.Handler = mux
	h = httpx.Authenticate(a, h)
	h = cop.Handler(h)
	h = securityHeaders(h)
	h = compress(h)
	h = observe(a.Logger(), m, h)
	h = httpx.ResolveClient(cfg.TrustedProxies, strings.HasPrefix(a.PublicURL(), "https://"), h)
	return h, m
}

// bearer lets through only a request whose Authorization header carries
// token, compared in constant time; others get 401.
func bearer(token string, next http.Handler) http.Handler {
	want := []byte("Bearer " + token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func ready(a *app.App, w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	var nr *app.NotReadyError
	switch err := a.Ready(ctx); {
	case err == nil:
		fmt.Fprintln(w, "ready")
	case errors.As(err, &nr) && !nr.Unreachable:
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "migrations pending: %d\n", nr.Pending)
	default:
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "database unreachable")
	}
}

// ContentSecurityPolicy allows only the server's own scripts and styles: no
// inline script, no framing.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(self), geolocation=(), microphone=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if httpx.Secure(r) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += n
	return n, err
}

// Unwrap lets http.ResponseController reach Flush for event streams.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe recovers panics, logs one line per request and records metrics.
func observe(log *slog.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				if sw.status == 0 {
					http.Error(sw, "Terjadi kesalahan pada server. Silakan coba lagi.", http.StatusInternalServerError)
				}
			}
			elapsed := time.Since(start)
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			if sw.status == 0 {
				sw.status = http.StatusOK
			}
			m.observe(route, sw.status, elapsed)
			log.Info("request", "method", r.Method, "path", r.URL.Path, "route", route, "status", sw.status,
				"bytes", sw.size, "ms", float64(elapsed.Microseconds())/1000, "ip", httpx.ClientIP(r))
		}()
		next.ServeHTTP(sw, r)
	})
}
