// Package web serves Kinerja's server-rendered pages. Every page works
// without JavaScript; the one script only enhances. One route table lists
// them all; one typed struct carries each page's data.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// ui is the web UI: the application, the parsed pages and the static
// files' versioned names.
type ui struct {
	a       *app.App
	pages   map[string]*template.Template // in WIB; pagesFor gives the reader's zone
	zoned   zonedPages
	version string // content hash of the static files, part of their URLs
}

// Handler is the web UI.
type Handler struct {
	http.Handler
	u      *ui
	routes []string // every pattern served, in the order registered
}

// router is the web's route table: a mux that also lists every pattern
// registered on it, so that a test walks every page and action, including
// those added later.
type router struct {
	*http.ServeMux
	patterns []string
}

func (m *router) HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request)) {
	m.patterns = append(m.patterns, pattern)
	m.ServeMux.HandleFunc(pattern, h)
}

func (m *router) Handle(pattern string, h http.Handler) {
	m.patterns = append(m.patterns, pattern)
	m.ServeMux.Handle(pattern, h)
}

// CrossOriginDenied answers a form sent from another site: an error page in
// the reader's language, where Go's protection would write plain English
// text.
func (h *Handler) CrossOriginDenied(w http.ResponseWriter, r *http.Request) {
	b := h.u.baseFor(r)
	b.Title = b.T("err.crossorigin.title")
	p := errorPage{base: b, Status: http.StatusForbidden, Heading: b.Title, Explanation: b.T("err.crossorigin.body")}
	h.u.render(w, r, http.StatusForbidden, "error", p)
}

// New returns the web UI handler.
func New(a *app.App) *Handler {
	u := newUI(a)
	mux := &router{ServeMux: http.NewServeMux()}
	page := func(pattern string, h func(w http.ResponseWriter, r *http.Request, p base) error) {
		mux.HandleFunc(pattern, u.signedIn(h))
	}
	mux.HandleFunc("GET /masuk", u.showLogin)
	mux.HandleFunc("POST /masuk", u.login)
	mux.HandleFunc("POST /keluar", u.logout)
	mux.HandleFunc("GET /keluar", func(w http.ResponseWriter, r *http.Request) {
		// Signing out changes state, so only the header's button (a POST)
		// does it; a typed or bookmarked address just goes home.
		http.Redirect(w, r, "/", http.StatusSeeOther)
	})
	mux.HandleFunc("POST /bahasa", u.chooseLanguage)
	mux.Handle("GET /static/", http.StripPrefix("/static/", u.static()))
	page("GET /{$}", u.showHome)
	page("GET /profil", u.showProfile)
	page("POST /profil/bahasa", u.saveLanguage)
	page("POST /profil/email", u.saveEmailChoice)
	page("POST /profil/sandi", u.changePassword)
	page("GET /unit", u.showUnits)
	page("GET /unit/{id}", u.showUnit)
	page("GET /unit/{id}/jabatan/{pid}", u.showPostHolders)
	page("POST /unit/{id}/pk", u.addPKSasaran)
	page("POST /unit/{id}/pk/{sid}/hapus", u.deletePKSasaran)
	page("GET /pegawai", u.showDirectory)
	page("GET /pegawai/{id}", u.showEmployee)
	page("POST /pegawai/{id}/penempatan", u.placeEmployee)
	page("POST /pegawai/{id}/penempatan/{pid}/akhiri", u.endPlacement)
	page("POST /pegawai/{id}/penempatan/{pid}/batalkan", u.cancelPlacement)
	page("POST /pegawai/{id}/penilai", u.overrideRater)
	page("POST /pegawai/{id}/penilai/{oid}/akhiri", u.endOverride)
	page("POST /pegawai/{id}/sesi/{sid}/akhiri", u.revokeEmployeeSession)
	page("POST /pegawai/{id}/akhiri-kepegawaian", u.endEmployment)
	page("POST /pegawai/{id}/batal-akhiri", u.cancelEmploymentEnd)
	page("POST /pegawai/{id}/gabungkan", u.mergeEmployee)
	page("GET /sesi", u.showSessions)
	page("POST /sesi/{id}/akhiri", u.revokeSession)
	page("GET /audit", u.showAudit)
	page("GET /batas-masuk", u.showSignInLimits)
	page("POST /batas-masuk/{id}/cabut", u.liftSignInLimit)
	u.importRoutes(page)
	u.skpRoutes(page)
	u.monitoringRoutes(page)
	u.yearRoutes(page)
	u.progressRoutes(page)
	u.teamRoutes(page)
	u.coachingRoutes(page)
	u.needsRoutes(page)
	u.unitPerformanceRoutes(page)
	u.transferRoutes(page)
	u.calibrationRoutes(page)
	u.reportRoutes(page)
	u.followUpRoutes(page)
	u.assessmentRoutes(page)
	u.objectionRoutes(page)
	u.assessmentDocRoutes(page)
	page("GET /notifikasi", u.showNotifications)
	u.accountRoutes(mux, page)
	u.totpRoutes(mux, page)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		u.errorPage(w, r, u.baseFor(r), http.StatusNotFound)
	})
	return &Handler{Handler: mux, u: u, routes: mux.patterns}
}

func newUI(a *app.App) *ui {
	u := &ui{a: a, pages: map[string]*template.Template{}}
	u.version = staticVersion()
	u.parse()
	return u
}

var funcs = template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.In(model.WIB).Format("02-01-2006 15:04 MST") // the zone's name: WIB, WITA or WIT
	},
	"day": func(d model.Date) string {
		if d == "" {
			return "—"
		}
		return d.Time().Format("02-01-2006")
	},
	"add":       func(a, b int) int { return a + b },
	"sub":       func(a, b int) int { return a - b },
	"hasPrefix": strings.HasPrefix,
	// kb writes a file size for people: "340 KB", "2,4 MB".
	"kb": func(n int64) string {
		if n < 1<<20 {
			return fmt.Sprintf("%d KB", (n+1023)/1024)
		}
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	},
	// hm writes minutes as hours and minutes: 90 → "1:30".
	"hm": func(m int) string { return fmt.Sprintf("%d:%02d", m/60, m%60) },
	"dict": func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	},
	"list": func(v ...any) []any { return v },
	"wrap": func(p translator, n *app.UnitNode) nodeView { return nodeView{P: p, N: n} },
}

// translator is any page: it can translate a key or a message.
type translator interface {
	T(key string, args ...any) string
	M(m model.Message) string
}

// nodeView carries a tree node and the page into the recursive template.
type nodeView struct {
	P translator
	N *app.UnitNode
}

func (u *ui) parse() { u.pages = parsePages(funcs) }

// parsePages parses every page with the template functions fm.
func parsePages(fm template.FuncMap) map[string]*template.Template {
	pages := map[string]*template.Template{}
	// Files whose names start with _ are partials shared by every page.
	layout := template.Must(template.New("layout.html").Funcs(fm).ParseFS(templateFiles, "templates/layout.html", "templates/_*.html"))
	entries, _ := fs.Glob(templateFiles, "templates/*.html")
	for _, e := range entries {
		name := strings.TrimSuffix(strings.TrimPrefix(e, "templates/"), ".html")
		if name == "layout" || strings.HasPrefix(name, "_") {
			continue
		}
		pages[name] = template.Must(template.Must(layout.Clone()).ParseFS(templateFiles, e))
	}
	return pages
}

// base is what every page's data carries.
type base struct {
	Lang       string
	Actor      *model.Actor
	Title      string
	Nav        string
	Demo       bool
	Version    string
	Flash      string
	CanImport  bool
	CanAudit   bool
	CanLimits  bool // sees and lifts sign-in limits of some accounts
	CanMonitor bool
	CanYear    bool
	IsRater    bool           // rates someone: has the supervisor's desk
	CanNeeds   bool           // records needs and constraints, or sees those of an OPD or more
	CanCoach   bool           // has coaching sessions of their own, of a team, or of an OPD or more
	CanCalib   bool           // opens the calibration of an OPD or more
	CanCapaian bool           // reads the capaian kinerja organisasi of an OPD or more
	CanPenilai bool           // has penilaian: an employee record
	CanAccount bool           // runs the accounts of an OPD or more
	Objections bool           // has keberatan of their own or to act on
	LiveFrom   int64          // the newest event when the page was made: the live stream resumes after it
	Unread     int            // unread notifications
	Here       string         // this page's local address without ?lang, to come back to
	Zone       model.TimeZone // the clock of the reader's instansi ("" for a visitor)
}

// T translates a message key into the page's language.
func (b base) T(key string, args ...any) string { return locale.T(b.Lang, key, args...) }

// M renders a message (a key with its arguments) in the page's language.
func (b base) M(m model.Message) string { return locale.T(b.Lang, m.Key, m.Args...) }

// Errs renders the field messages of a validation error in the page's
// language: field name -> text. Pages show these, never the Fields (which
// holds message keys).
func (b base) Errs(ve *model.ValidationError) map[string]string {
	out := make(map[string]string, len(ve.Fields))
	for f, key := range ve.Fields {
		out[f] = locale.T(b.Lang, key, ve.Args[f]...)
	}
	return out
}

// Named gives the catalog's name for a code under prefix (an audit action,
// a record type), or the code itself when the catalog has none.
func (b base) Named(prefix, code string) string {
	if msg, ok := locale.Lookup(b.Lang, prefix+code); ok {
		return msg
	}
	return code
}

// Other is the language the page can switch to.
func (b base) Other() string {
	if b.Lang == "en" {
		return "id"
	}
	return "en"
}

func (u *ui) baseFor(r *http.Request) base {
	b := base{Lang: locale.Default, Demo: u.a.IsDemo(), Version: u.version, Here: here(r)}
	if actor, ok := httpx.ActorFrom(r.Context()); ok {
		b.Actor = &actor
		b.Lang = locale.Normalize(actor.Locale)
		b.Zone = u.a.TimeZone(r.Context(), actor.InstansiID)
		m := u.a.Menu(actor)
		b.CanImport, b.CanAudit, b.CanMonitor, b.CanYear, b.CanNeeds = m.Import, m.Audit, m.Monitor, m.Year, m.Needs
		b.CanPenilai, b.CanAccount, b.CanCoach, b.CanLimits = m.Penilaian, m.Accounts, m.Coaching, m.SignInLimits
		b.IsRater = u.a.IsRater(r.Context(), actor)
		if opds, err := u.a.CalibrationOPDs(r.Context(), actor); err == nil {
			b.CanCalib = len(opds) > 0
		}
		// Those who set, recommend or lead an OPD rate someone; others
		// read the capaian only by a role, which costs no query.
		b.CanCapaian = m.UnitPerformance || (b.IsRater && u.a.MayReadUnitPerformance(r.Context(), actor))
		b.Objections = u.a.HasObjections(r.Context(), actor) || u.a.MayListAllObjections(actor)
		if actor.EmployeeID != "" {
			b.LiveFrom = u.a.LiveFrom(r.Context(), actor)
		}
		if n, err := u.a.UnreadNotifications(r.Context(), actor); err == nil {
			b.Unread = n
		}
	} else if c, err := r.Cookie("lang"); err == nil {
		b.Lang = locale.Normalize(c.Value)
	}
	if l := r.URL.Query().Get("lang"); l != "" {
		b.Lang = locale.Normalize(l)
	}
	return b
}

// signedIn sends visitors without a session to the sign-in page, then back.
func (u *ui) signedIn(h func(w http.ResponseWriter, r *http.Request, p base) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b := u.baseFor(r)
		if b.Actor == nil {
			if r.Method != http.MethodGet {
				http.Redirect(w, r, "/masuk", http.StatusSeeOther)
				return
			}
			http.Redirect(w, r, "/masuk?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if status := formProblem(w, r); status != 0 {
			u.errorPage(w, r, b, status)
			return
		}
		if cleanParam(r.URL.Path, len(r.URL.Path)) != r.URL.Path {
			// No page or record has a name with control characters or
			// broken UTF-8; say so before a database is asked.
			u.errorPage(w, r, b, http.StatusNotFound)
			return
		}
		if err := h(w, r, b); err != nil {
			u.fail(w, r, b, err)
		}
	}
}

// fail shows the page that fits an error.
func (u *ui) fail(w http.ResponseWriter, r *http.Request, b base, err error) {
	status := httpx.Status(err)
	if status == http.StatusUnauthorized {
		http.Redirect(w, r, "/masuk", http.StatusSeeOther)
		return
	}
	if status >= 500 || status == http.StatusOK {
		u.a.Logger().Error("web request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		status = http.StatusInternalServerError
	}
	// A conflict (the record changed, or the step no longer applies:
	// already sent, period locked) has its own page; only unreadable
	// input is the 400 page's "check what you typed".
	if status == http.StatusUnprocessableEntity {
		status = http.StatusBadRequest
	}
	if status == http.StatusTooManyRequests {
		status = http.StatusBadRequest
	}
	var se *model.StateError
	if (status == http.StatusConflict || status == http.StatusForbidden) && errors.As(err, &se) {
		// The conflict names its reason: say it rather than list the
		// possible ones.
		u.errorPageSaying(w, r, b, status, b.M(se.Message)+" "+b.T("err.409.reload"))
		return
	}
	u.errorPage(w, r, b, status)
}

type errorPage struct {
	base
	Status      int
	Heading     string
	Explanation string
}

func (u *ui) errorPage(w http.ResponseWriter, r *http.Request, b base, status int) {
	key := fmt.Sprint(status)
	if _, ok := locale.Lookup(b.Lang, "err."+key+".title"); !ok {
		key = "500"
	}
	u.errorPageSaying(w, r, b, status, b.T("err."+key+".body"))
}

// errorPageSaying is the error page of status with its own explanation.
func (u *ui) errorPageSaying(w http.ResponseWriter, r *http.Request, b base, status int, explanation string) {
	key := fmt.Sprint(status)
	if _, ok := locale.Lookup(b.Lang, "err."+key+".title"); !ok {
		key = "500"
	}
	b.Title = b.T("err." + key + ".title")
	p := errorPage{base: b, Status: status, Heading: b.Title, Explanation: explanation}
	u.render(w, r, status, "error", p)
}

// render executes a page into a buffer and writes it only when complete.
func (u *ui) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t, ok := u.pagesFor(r)[name]
	if !ok {
		panic("web: no template " + name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		u.a.Logger().Error("render page", "page", name, "err", err)
		http.Error(w, "Terjadi kesalahan saat menampilkan halaman.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	if s, ok := data.(secretPage); ok && s.showsSecret() {
		// Kept out of compression (see server's compress): a secret on a
		// page beside text the address chose is what BREACH guesses.
		h.Set("Cache-Control", "no-store, no-transform")
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// secretPage is a page that may show a secret (an authenticator's key,
// recovery codes): it is never compressed.
type secretPage interface{ showsSecret() bool }

// renderFragment writes one named template of a page without the layout,
// for a script to insert into the page it is on.
func (u *ui) renderFragment(w http.ResponseWriter, r *http.Request, page, name string, data any) {
	var buf bytes.Buffer
	if err := u.pagesFor(r)[page].ExecuteTemplate(&buf, name, data); err != nil {
		u.a.Logger().Error("render fragment", "page", page, "fragment", name, "err", err)
		http.Error(w, "Terjadi kesalahan saat menampilkan halaman.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}

func staticVersion() string {
	h := sha256.New()
	_ = fs.WalkDir(staticFiles, "static", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := staticFiles.ReadFile(path)
			h.Write([]byte(path))
			h.Write(b)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// static serves /static/<version>/<file> with a year-long cache: the
// version changes whenever a file does.
func (u *ui) static() http.Handler {
	sub, _ := fs.Sub(staticFiles, "static")
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		version, rest, ok := strings.Cut(r.URL.Path, "/")
		if !ok || rest == "" || strings.HasSuffix(rest, "/") {
			http.NotFound(w, r)
			return
		}
		if version == u.version {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rest
		files.ServeHTTP(w, r2)
	})
}

// safeNext keeps a redirect target on this site: a local absolute path.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsAny(next, "\r\n") {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return next
}

// cleanParam makes a query parameter safe to search with: valid UTF-8
// without control characters (PostgreSQL refuses both), trimmed, and at
// most max characters long.
func cleanParam(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > max {
		s = string(r[:max])
	}
	return s
}

// formProblem checks a posted form before any handler sees it and
// answers the status to refuse it with, or 0 when it is fine: 413 for a
// body over the limit, 400 for a body that cannot be parsed or text no
// record can keep (model.TextFault: invalid UTF-8, a control character
// other than tab and line breaks, a direction or zero-width character).
// A refused request changes nothing. A multipart form is read by its
// handler; what it carries is checked by the use case it reaches.
func formProblem(w http.ResponseWriter, r *http.Request) int {
	if r.Method != http.MethodPost {
		return 0
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody(r))
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return http.StatusRequestEntityTooLarge
		}
		return http.StatusBadRequest
	}
	for k, vs := range r.PostForm {
		if model.TextFault(k, false) >= 0 {
			return http.StatusBadRequest
		}
		for _, v := range vs {
			if badText(v) {
				return http.StatusBadRequest
			}
		}
	}
	return 0
}

// badText reports text no record can keep (model.TextFault: invalid
// UTF-8, control, direction and zero-width characters; tab and line
// breaks allowed): an urlencoded form carrying it is refused whole.
func badText(v string) bool { return model.TextFault(v, true) >= 0 }

// unreadableText reports a multipart field no form can be read with
// (invalid UTF-8, a NUL or another control character); direction and
// zero-width characters are left to the record's own check, which names
// the field and the character.
func unreadableText(v string) bool {
	return !utf8.ValidString(v) || strings.ContainsFunc(v, func(c rune) bool {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
	})
}

// maxFormBody is the largest body a form may send: a small form, or one
// with files. A file's own limit (the instansi's evidence limit, up to
// 100 MB, or an import's) is checked while it is read, part by part
// (readMultipart), so that a file over it is answered with the limit and
// the rest of the form; beyond this cap the form's later fields are lost.
func maxFormBody(r *http.Request) int64 {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return maxUploadBody
	}
	return 64 << 10
}

// maxUploadBody caps a form with files: the largest evidence limit an
// instansi may set, and room for the form's other fields.
const maxUploadBody = 101 << 20

// here is the request's local address without the lang parameter. A page
// rendered in answer to a form (a POST) has no address of its own to
// return to: the page the form was on is used instead.
func here(r *http.Request) string {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if ref, err := url.Parse(r.Referer()); err == nil && ref.Host == r.Host {
			return safeNext(ref.RequestURI())
		}
		return "/"
	}
	q := r.URL.Query()
	if !q.Has("lang") {
		return r.URL.RequestURI()
	}
	q.Del("lang")
	if len(q) == 0 {
		return r.URL.Path
	}
	return r.URL.Path + "?" + q.Encode()
}

func isValidation(err error) (*model.ValidationError, bool) {
	var ve *model.ValidationError
	ok := errors.As(err, &ve)
	return ve, ok
}
