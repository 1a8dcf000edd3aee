// Package app holds Kinerja's use cases, shared by the web UI, the JSON API
// and the command line. Every function takes the acting user explicitly and
// checks access itself, so no entry point can forget to.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/live"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/notify"
	"github.com/kinerja-id/kinerja/internal/store"
)

// App is the application: the store plus the state that lives in memory
// (the org chart cache and the sign-in limiter). It is the only door to
// the data: the web UI, the API and the command line call its methods,
// which check the actor's rights and answer with read models; none of
// them reaches the store, the evidence files or the event hub itself.
type App struct {
	store *store.Store
	log   *slog.Logger
	demo  bool
	// live wakes the event streams of the people whose event log grew.
	live *live.Hub
	// streams are the open event streams, ended when their session ends.
	streams streams
	// blobs holds the evidence files; nil when the installation keeps
	// none (uploads are then refused with a clear message).
	blobs *blob.Store

	now     func() time.Time
	limiter *limiter
	// resets counts password-reset requests (RequestPasswordReset).
	resets resetCounter
	// pending holds the web sign-ins waiting for a second factor (totp.go).
	pending pendingSignIns

	orgMu sync.Mutex
	orgs  map[string]cachedChart
	units map[string]cachedUnits

	hashCost PasswordParams
	// hashes bounds the password hashes running at once.
	hashes *hashGate
	// onPasswordCheck, when set, is told of every password checked.
	onPasswordCheck func()

	zones zoneCache // each instansi's time zone (clock.go)

	curves curveCache // the counts of recently read curves (calibration_cache.go)

	reports *reportJobs // report jobs started from the web (report.go), made on first use

	// mailer sends password reset links when the server can send e-mail
	// (UseMailer); baseURL makes their links absolute.
	mailer    notify.Mailer
	baseURL   string
	publicURL string
}

type cachedUnits struct {
	version int64
	units   []model.Unit
}

type cachedChart struct {
	version int64
	date    model.Date
	chart   *model.OrgChart
}

// Options configure New.
type Options struct {
	Demo bool
	// Now replaces the clock in tests.
	Now func() time.Time
	// Password replaces the password hashing cost (tests use a cheap one).
	Password *PasswordParams
	// Blobs is where evidence files are kept.
	Blobs *blob.Store
	// PublicURL is the address users reach Kinerja at (--public-url), for
	// the one-time links an administrator prints; empty when not set.
	PublicURL string
	// HashConcurrency bounds how many password hashes run at once (each
	// argon2id hash holds 19 MiB while it runs); by default GOMAXPROCS.
	HashConcurrency int
	// OnPasswordCheck, when set, is called for every password checked
	// against its hash (tests count them).
	OnPasswordCheck func()
}

// New returns the application over s.
func New(s *store.Store, log *slog.Logger, opt Options) *App {
	a := &App{store: s, log: log, demo: opt.Demo, now: opt.Now, orgs: map[string]cachedChart{}, units: map[string]cachedUnits{}, hashCost: DefaultPasswordParams}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if a.now == nil {
		a.now = time.Now
	}
	if opt.Password != nil {
		a.hashCost = *opt.Password
	}
	a.limiter = newLimiter(a.now)
	// Tests' cheap hashes are not worth a collection each.
	a.hashes = newHashGate(opt.HashConcurrency, a.hashCost.Memory >= 4*1024)
	a.onPasswordCheck = opt.OnPasswordCheck
	s.UseClock(a.now)
	a.blobs = opt.Blobs
	a.publicURL = strings.TrimRight(opt.PublicURL, "/")
	a.live = live.NewHub()
	s.OnEvents(func(ids []string) { a.live.Notify(ids...) })
	s.OnSessionsEnded(func(ended store.SessionsEnded) { go a.endStreams(ended) })
	return a
}

// Now returns the application clock.
func (a *App) Now() time.Time { return a.now().UTC() }

// OrgChart returns the instansi's org chart as of today, rebuilt only when
// the organisation changed since it was last built.
func (a *App) OrgChart(ctx context.Context, instansiID string) (*model.OrgChart, error) {
	v, err := a.store.OrgVersion(ctx, instansiID)
	if err != nil {
		return nil, err
	}
	return a.chartAt(ctx, instansiID, v)
}

// org returns the instansi's org chart as of today and its units, asking
// the database once whether the organisation changed.
func (a *App) org(ctx context.Context, instansiID string) (*model.OrgChart, []model.Unit, error) {
	v, err := a.store.OrgVersion(ctx, instansiID)
	if err != nil {
		return nil, nil, err
	}
	chart, err := a.chartAt(ctx, instansiID, v)
	if err != nil {
		return nil, nil, err
	}
	units, err := a.unitsAt(ctx, instansiID, v)
	return chart, units, err
}

// chartAt returns the org chart of the organisation at version v, from
// the cache when it holds that version for today.
func (a *App) chartAt(ctx context.Context, instansiID string, v int64) (*model.OrgChart, error) {
	today := a.Today(ctx, instansiID)
	a.orgMu.Lock()
	c, ok := a.orgs[instansiID]
	a.orgMu.Unlock()
	if ok && c.version == v && c.date == today {
		return c.chart, nil
	}
	chart, err := a.store.OrgChart(ctx, instansiID, today)
	if err != nil {
		return nil, fmt.Errorf("build org chart: %w", err)
	}
	a.orgMu.Lock()
	a.orgs[instansiID] = cachedChart{version: v, date: today, chart: chart}
	a.orgMu.Unlock()
	return chart, nil
}

// forbidden builds an ErrForbidden with what was refused.
func forbidden(what string) error { return fmt.Errorf("%s: %w", what, model.ErrForbidden) }

// unseen is the answer to a filter or a reference (a period, an OPD, an
// employee named in a query or a body) that names a record the actor may
// not look at through it: model.ErrNotFound, as for an id of nothing, so
// that the answer does not tell which ids exist. Other errors pass.
func unseen(err error) error {
	if errors.Is(err, model.ErrForbidden) {
		return fmt.Errorf("%w (%v)", model.ErrNotFound, err)
	}
	return err
}

// IsNotFound reports whether err is a not-found error.
func IsNotFound(err error) bool { return errors.Is(err, model.ErrNotFound) }

// Logger is where the application logs; the web UI and the API log the
// errors they answer with a 500 there too.
func (a *App) Logger() *slog.Logger { return a.log }

// IsDemo reports whether this installation serves the demo city (pages
// then show the DEMO ribbon).
func (a *App) IsDemo() bool { return a.demo }

// Engine names the database engine: "sqlite" or "postgres".
func (a *App) Engine() string { return a.store.Engine() }

// Statements tells how many SQL statements the application has sent to the
// database since it started (for the load runs and the metrics).
func (a *App) Statements() uint64 { return a.store.Statements() }
