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

// ForwardedHTTPS reports whether a trusted proxy says the client reached
// it over TLS (X-Forwarded-Proto: https, its last value being the nearest
// proxy's); a header from any other peer means nothing.
func (p Proxies) ForwardedHTTPS(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !p.trusts(peer) {
		return false
	}
	vals := r.Header.Values("X-Forwarded-Proto")
	if len(vals) == 0 {
		return false
	}
	last := vals[len(vals)-1]
	if i := strings.LastIndex(last, ","); i >= 0 {
		last = last[i+1:]
	}
	return strings.EqualFold(strings.TrimSpace(last), "https")
}

type clientKey struct{}

// client is what ResolveClient finds about who sent a request.
type client struct {
	addr   string
	secure bool
}

// ResolveClient puts the client address (Proxies.ClientAddr) and whether
// the client reached Kinerja over TLS in the context of every request,
// where ClientIP and Secure find them. The request is secure when it came
// over TLS, when a trusted proxy says so, or always when https is true
// (the public URL is https: TLS ends at a proxy in front).
func ResolveClient(p Proxies, https bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := client{addr: p.ClientAddr(r), secure: https || r.TLS != nil || p.ForwardedHTTPS(r)}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientKey{}, c)))
	})
}

// BaseURL is the address users reach this site at, for a link to print
// or send: public (the --public-url) when set, else the scheme (Secure)
// and host the request came with.
func BaseURL(r *http.Request, public string) string {
	if public != "" {
		return public
	}
	if Secure(r) {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// ClientIP is the address the request came from, as ResolveClient found
// it; without it, the peer's.
func ClientIP(r *http.Request) string {
	if c, ok := r.Context().Value(clientKey{}).(client); ok {
		return c.addr
	}
	return Proxies(nil).ClientAddr(r)
}

// Secure reports whether the client reached Kinerja over TLS, as
// ResolveClient found; without it, whether the request came over TLS.
// Cookies are then Secure and HSTS is sent.
func Secure(r *http.Request) bool {
	if c, ok := r.Context().Value(clientKey{}).(client); ok {
		return c.secure
	}
	return r.TLS != nil
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
// Secure when the client reached Kinerja over TLS (Secure).
func SetSessionCookie(w http.ResponseWriter, r *http.Request, token string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: Secure(r),
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
