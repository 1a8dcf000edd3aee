package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/blob"
	"github.com/kinerja-id/kinerja/internal/demo"
	"github.com/kinerja-id/kinerja/internal/httpx"
	"github.com/kinerja-id/kinerja/internal/notify"
	"github.com/kinerja-id/kinerja/internal/server"
	"github.com/kinerja-id/kinerja/internal/store"
)

// ServerConfig is what serve needs.
type ServerConfig struct {
	Addr      string // host:port; port 0 picks a free one
	DB        string
	Demo      bool
	LogFormat string // "text" or "json"
	Out       io.Writer
	Log       io.Writer
	// Password replaces the hashing cost (tests).
	Password *app.PasswordParams
	// Now replaces the clock (tests that act on a day still to come).
	Now func() time.Time
	// SMTP, when set, e-mails notifications left unread in the app
	// (smtp://[user:password@]host:port?from=address).
	SMTP string
	// PublicURL is the address users reach Kinerja at, for links in e-mail.
	PublicURL string
	// DataDir keeps the evidence files (under bukti/); by default the
	// SQLite file's folder, or ./kinerja-data with PostgreSQL.
	DataDir string
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client, for the sign-in limits and the logs.
	TrustedProxies httpx.Proxies
	// MetricsToken lets /metrics answer a request bearing it; MetricsAddr
	// serves /metrics alone on an address of its own, for operators. With
	// neither, /metrics is not served.
	MetricsToken, MetricsAddr string
}

// Server is a running Kinerja server; tests start one on a random port.
type Server struct {
	App *app.App
	// Store is the database App serves from. Only the wiring reaches it:
	// the demo city is written through it, and tests and load runs read
	// fixtures from it.
	Store *store.Store
	URL   string
	http  *http.Server
	ln    net.Listener
	done  chan error
	stop  context.CancelFunc // ends background jobs
	// MetricsURL is where /metrics is served on its own address, if it is.
	MetricsURL string
	metrics    *http.Server
}

// Start opens the database, fills the demo city when asked and the database
// is empty, and starts serving in the background.
func Start(ctx context.Context, cfg ServerConfig) (*Server, error) {
	log := newLogger(cfg.Log, cfg.LogFormat)
	var mailer *notify.SMTP
	if cfg.SMTP != "" {
		var err error
		if mailer, err = notify.ParseSMTP(cfg.SMTP); err != nil {
			return nil, err
		}
	}
	db, err := openStore(ctx, cfg.DB, log)
	if err != nil {
		return nil, err
	}
	blobs, err := blob.Open(filepath.Join(dataDir(cfg), "bukti"))
	if err != nil {
		db.Close()
		return nil, err
	}
	a := app.New(db, log, app.Options{Demo: cfg.Demo, Password: cfg.Password, Blobs: blobs, PublicURL: cfg.PublicURL, Now: cfg.Now})
	if cfg.Demo {
		if err := ensureDemo(ctx, db, blobs, a, cfg.Out); err != nil {
			a.Close()
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		a.Close()
		return nil, fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	site, metricsOnly := server.Build(a, server.Config{TrustedProxies: cfg.TrustedProxies, MetricsToken: cfg.MetricsToken})
	var mln net.Listener
	if cfg.MetricsAddr != "" {
		if mln, err = net.Listen("tcp", cfg.MetricsAddr); err != nil {
			ln.Close()
			a.Close()
			return nil, fmt.Errorf("listen on %s for metrics: %w", cfg.MetricsAddr, err)
		}
	}
	srv := &http.Server{
		Handler:           site,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // large imports and uploads on slow links
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	// Event streams never end by themselves: end them when shutting down,
	// or Shutdown would wait for them.
	srv.RegisterOnShutdown(a.EndStreams)
	jobs, stop := context.WithCancel(context.WithoutCancel(ctx))
	s := &Server{App: a, Store: db, URL: "http://" + ln.Addr().String(), http: srv, ln: ln, done: make(chan error, 1), stop: stop}
	public := cfg.PublicURL
	if public == "" {
		public = s.URL
	}
	if mailer != nil {
		a.UseMailer(mailer, public)
	}
	go func() { s.done <- srv.Serve(ln) }()
	if mln != nil {
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", metricsOnly)
		s.metrics = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		s.MetricsURL = "http://" + mln.Addr().String() + "/metrics"
		go func() { _ = s.metrics.Serve(mln) }()
	}
	go reminderLoop(jobs, a, log)
	if mailer != nil {
		go emailLoop(jobs, a, mailer, public, log)
	}
	log.Info("serving", "url", s.URL, "engine", db.Engine(), "db", db.Where(), "demo", cfg.Demo)
	return s, nil
}

// dataDir is where the server keeps files beside its database.
func dataDir(cfg ServerConfig) string {
	switch {
	case cfg.DataDir != "":
		return cfg.DataDir
	case strings.HasPrefix(cfg.DB, "postgres://"), strings.HasPrefix(cfg.DB, "postgresql://"):
		return "kinerja-data"
	case cfg.DB == "":
		return filepath.Dir(store.DefaultSQLitePath)
	}
	return filepath.Dir(cfg.DB)
}

// Close stops accepting requests, lets those in flight finish (up to 20
// seconds), and closes the database.
func (s *Server) Close() error {
	s.stop()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := s.http.Shutdown(ctx)
	if s.metrics != nil {
		_ = s.metrics.Shutdown(ctx)
	}
	if cerr := s.App.Close(); err == nil {
		err = cerr
	}
	if serr := <-s.done; err == nil && !errors.Is(serr, http.ErrServerClosed) {
		err = serr
	}
	return err
}

func runServe(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("serve", env)
	addrDef := env.Getenv("KINERJA_ADDR")
	if addrDef == "" {
		addrDef = "127.0.0.1:8080"
	}
	addr := fs.String("addr", addrDef, "address to listen on (env KINERJA_ADDR)")
	db := dbFlag(fs, env)
	demoFlag := fs.Bool("demo", false, "fill an empty database with the demo city (Pemerintah Kota Sawahlunto)")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	smtpURL := fs.String("smtp", env.Getenv("KINERJA_SMTP"), "e-mail notifications unread in the app through smtp://[user:password@]host:port?from=address (env KINERJA_SMTP)")
	publicURL := fs.String("public-url", env.Getenv("KINERJA_PUBLIC_URL"), "the address users reach Kinerja at, for links in e-mail (env KINERJA_PUBLIC_URL)")
	dataFlag := fs.String("data", env.Getenv("KINERJA_DATA"), "folder for evidence files; default: the SQLite file's folder, or ./kinerja-data with PostgreSQL (env KINERJA_DATA)")
	metricsToken := fs.String("metrics-token", env.Getenv("KINERJA_METRICS_TOKEN"), "serve /metrics to requests bearing this token (Authorization: Bearer …); without it or --metrics-addr, /metrics is not served (env KINERJA_METRICS_TOKEN)")
	metricsAddr := fs.String("metrics-addr", env.Getenv("KINERJA_METRICS_ADDR"), "serve /metrics alone on this host:port, for operators only, e.g. 127.0.0.1:9090 (env KINERJA_METRICS_ADDR)")
	proxyFlag := fs.String("trusted-proxy", env.Getenv("KINERJA_TRUSTED_PROXY"), "addresses or CIDR ranges of the reverse proxies in front of Kinerja, comma-separated; only from them is X-Forwarded-For believed (env KINERJA_TRUSTED_PROXY)")
	if err := parse(fs, args); err != nil {
		return err
	}
	proxies, err := httpx.ParseProxies(*proxyFlag)
	if err != nil {
		return usageError{"--trusted-proxy: " + err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("serve takes no arguments, got %q", fs.Arg(0))}
	}
	if *logFormat != "text" && *logFormat != "json" {
		return usageError{fmt.Sprintf("--log-format must be text or json, not %q", *logFormat)}
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return usageError{fmt.Sprintf("--addr %q is not host:port", *addr)}
	}
	if _, _, err := net.SplitHostPort(*metricsAddr); *metricsAddr != "" && err != nil {
		return usageError{fmt.Sprintf("--metrics-addr %q is not host:port", *metricsAddr)}
	}
	s, err := Start(ctx, ServerConfig{Addr: *addr, DB: *db, Demo: *demoFlag, LogFormat: *logFormat, Out: env.Stdout, Log: env.Stderr,
		SMTP: *smtpURL, PublicURL: strings.TrimRight(*publicURL, "/"), DataDir: *dataFlag, TrustedProxies: proxies,
		MetricsToken: *metricsToken, MetricsAddr: *metricsAddr})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Kinerja berjalan di %s (tekan Ctrl+C untuk berhenti)\n", s.URL)
	select {
	case <-ctx.Done():
		fmt.Fprintln(env.Stdout, "Berhenti: menyelesaikan permintaan yang sedang berjalan...")
		return s.Close()
	case err := <-s.done:
		s.App.Close()
		return err
	}
}

// emailLoop sends, every half minute, the notifications left unread in
// the app for EmailDelay, until ctx ends.
func emailLoop(ctx context.Context, a *app.App, m *notify.SMTP, public string, log *slog.Logger) {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := a.SendPendingEmails(ctx, m, app.EmailDelay, public); err != nil {
				log.Warn("e-mail notifications", "err", err, "sent", n)
			} else if n > 0 {
				log.Info("e-mail notifications", "sent", n)
			}
			if n, err := a.SendDigests(ctx, m, public); err != nil {
				log.Warn("e-mail digests", "err", err, "sent", n)
			} else if n > 0 {
				log.Info("e-mail digests", "sent", n)
			}
		}
	}
}

func newLogger(w io.Writer, format string) *slog.Logger {
	if w == nil {
		w = io.Discard
	}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// ensureDemo builds the demo city when the database has no instansi yet and
// prints how to sign in.
func ensureDemo(ctx context.Context, db *store.Store, blobs *blob.Store, a *app.App, out io.Writer) error {
	if out == nil {
		out = io.Discard
	}
	empty, err := a.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if empty {
		fmt.Fprintln(out, "Membuat kota demo Pemerintah Kota Sawahlunto (sekali saja, beberapa detik)...")
		start := time.Now()
		sum, err := demo.Generate(ctx, db, a, demo.Options{Employees: 2000, Seed: 1, Blobs: blobs})
		if err != nil {
			return fmt.Errorf("build the demo city: %w", err)
		}
		fmt.Fprintf(out, "Kota demo siap: %d unit, %d pegawai (%s).\n", sum.Units, sum.Employees, time.Since(start).Round(time.Second))
		printDemoAccounts(out, sum.Accounts)
		return nil
	}
	accounts, err := demo.Accounts(ctx, db, a)
	if err != nil {
		return err
	}
	printDemoAccounts(out, accounts)
	return nil
}

func printDemoAccounts(out io.Writer, accounts []demo.Account) {
	fmt.Fprintf(out, "\nMasuk dengan salah satu akun berikut; kata sandi semuanya: %s\n", demo.Password)
	for _, a := range accounts {
		fmt.Fprintf(out, "  %-20s %-33s %s\n", a.Username, a.Role, a.Name)
	}
	fmt.Fprintln(out)
}
