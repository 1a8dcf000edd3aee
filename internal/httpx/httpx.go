// Package httpx holds what the web UI and the JSON API share at the HTTP
// edge: the acting user in the request context, the session cookie, the
// client address, and the translation of errors to HTTP statuses.
package httpx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/model"
)

// SessionCookie is the name of the web session cookie.
const SessionCookie = "kinerja_session"

type actorKey struct{}

// WithActor returns ctx carrying the acting user.
func WithActor(ctx context.Context, a model.Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the acting user of a request, if signed in.
func ActorFrom(ctx context.Context) (model.Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(model.Actor)
	return a, ok
}

// Proxies are the reverse proxies trusted to say who the client is (the
// serve flag --trusted-proxy). Only a request whose peer is one of them
// has its X-Forwarded-For read; from anyone else the header is ignored,
// since anyone can send it.
type Proxies []netip.Prefix

// ParseProxies reads a list of addresses and CIDR ranges separated by
// commas or spaces ("10.0.0.0/8, 192.168.1.5").
func ParseProxies(s string) (Proxies, error) {
	var p Proxies
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		if pre, err := netip.ParsePrefix(f); err == nil {
			p = append(p, pre.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q is neither an address nor a CIDR range", f)
		}
		a = a.Unmap()
		p = append(p, netip.PrefixFrom(a, a.BitLen()))
	}
	return p, nil
}

func (p Proxies) trusts(a netip.Addr) bool {
	a = a.Unmap()
	for _, pre := range p {
		if pre.Contains(a) {
			return true
		}
	}
	return false
}

// ClientAddr is the address of the client of r: the peer's, or, when the
// peer is a trusted proxy, the rightmost X-Forwarded-For hop that is not
// a trusted proxy (the hops to its left are the client's to write).
func (p Proxies) ClientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !p.trusts(peer) {
		return host
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	client := peer.Unmap()
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // a hop that is no address: trust nothing to its left
		}
		client = a.Unmap()
		if !p.trusts(client) {
			break
		}
	}
	return client.String()
}

type clientKey struct{}

// ResolveClient puts the client address (Proxies.ClientAddr) in the
// context of every request, where ClientIP finds it.
func ResolveClient(p Proxies, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientKey{}, p.ClientAddr(r))))
	})
}

// ClientIP is the address the request came from, as ResolveClient found
// it; without it, the peer's.
func ClientIP(r *http.Request) string {
	if a, ok := r.Context().Value(clientKey{}).(string); ok {
		return a
	}
	return Proxies(nil).ClientAddr(r)
}

// Token returns the session token of a request: a bearer token, or else the
// session cookie.
func Token(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		if t, ok := strings.CutPrefix(h, "Bearer "); ok {
			return strings.TrimSpace(t)
		}
		return ""
	}
	if c, err := r.Cookie(SessionCookie); err == nil {
		return c.Value
	}
	return ""
}

// Authenticate resolves the session of every request and puts the actor in
// its context; requests without a valid session pass through without one,
// and each handler decides whether that is enough.
func Authenticate(a *app.App, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := Token(r)
		if tok == "" {
			next.ServeHTTP(w, r)
			return
		}
		actor, err := a.Authenticate(r.Context(), tok, ClientIP(r))
		if err != nil {
			if !errors.Is(err, model.ErrUnauthenticated) {
				a.Logger().Error("authenticate", "err", err)
			}
			next.ServeHTTP(w, r)
			return
		}
		r2 := r.WithContext(WithActor(r.Context(), actor))
		next.ServeHTTP(w, r2)
		// The mux below records the matched route on the copy; hand it back
		// to the middleware above, which labels metrics and logs with it.
		r.Pattern = r2.Pattern
	})
}

// Status maps an application error to an HTTP status.
func Status(err error) int {
	var ve *model.ValidationError
	switch {
	case err == nil:
		return http.StatusOK
	case errors.As(err, &ve):
		return http.StatusUnprocessableEntity
	case errors.Is(err, model.ErrUnauthenticated):
		return http.StatusUnauthorized
	case errors.Is(err, model.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, model.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, model.ErrConflict), errors.Is(err, model.ErrInvalidTransition):
		return http.StatusConflict
	case errors.Is(err, model.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, model.ErrRateLimited):
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// SetSessionCookie writes the session cookie: HttpOnly, SameSite=Lax, and
// Secure when the request came over TLS.
func SetSessionCookie(w http.ResponseWriter, r *http.Request, token string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil,
	})
}

// ClearSessionCookie removes the session cookie.
func ClearSessionCookie(w http.ResponseWriter, r *http.Request) {
	SetSessionCookie(w, r, "", -1)
}

// ServeFile writes a stored user file (evidence) with headers that keep a
// browser from running anything in it: its detected type, no sniffing, a
// sandbox, and a download unless it is an image or a PDF.
func ServeFile(w http.ResponseWriter, r *http.Request, contentType, name, sha string, modified time.Time, f io.ReadSeeker) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
	h.Set("Cache-Control", "private, max-age=3600")
	disposition := "attachment"
	if strings.HasPrefix(contentType, "image/") || contentType == "application/pdf" {
		disposition = "inline"
	}
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": name}))
	h.Set("ETag", strconv.Quote(sha))
	http.ServeContent(w, r, "", modified, f)
}
