// Package cli is the one place that reads flags and the environment and
// wires Kinerja together: the store, the application and the HTTP server.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/kinerja-id/kinerja/internal/app"
	"github.com/kinerja-id/kinerja/internal/locale"
	"github.com/kinerja-id/kinerja/internal/model"
	"github.com/kinerja-id/kinerja/internal/store"
)

// Env is the process's surroundings, replaceable in tests.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

const usage = `kinerja — pengelolaan kinerja ASN (PermenPANRB 6/2022)

Usage:
  kinerja serve [--addr 127.0.0.1:8080] [--db PATH|postgres://...] [--demo]
  kinerja migrate [--db ...]
  kinerja import employees FILE [--apply] [--instansi ID] [--db ...]
  kinerja user create --username NAME [--nip NIP] [--name NAME] [--role ROLE] [--unit CODE] [--password-stdin]
  kinerja user reset-password --username NAME [--password-stdin]
  kinerja user grant|revoke --username NAME --role ROLE [--unit CODE]
  kinerja user list
  kinerja seed --employees N [--seed S] [--assessed] [--db ...]
  kinerja backup FILE.tar.gz [--db ...] [--data DIR]     the database and the evidence files, while serving
  kinerja restore FILE.tar.gz --db NEW.db [--data DIR]    into a new database file, never over one
  kinerja version

Every command takes --db (or KINERJA_DB): a SQLite file, by default
kinerja-data/kinerja.db, or a postgres:// URL. serve also reads KINERJA_ADDR.
Evidence files are kept in the data folder (--data or KINERJA_DATA; by default
the SQLite file's folder, or ./kinerja-data with PostgreSQL).
`

// Main runs one command and returns the process exit code.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = runServe(ctx, args[1:], env)
	case "migrate":
		err = runMigrate(ctx, args[1:], env)
	case "import":
		err = runImport(ctx, args[1:], env)
	case "user":
		err = runUser(ctx, args[1:], env)
	case "backup":
		err = runBackup(ctx, args[1:], env)
	case "restore":
		err = runRestore(ctx, args[1:], env)
	case "seed":
		err = runSeed(ctx, args[1:], env)
	case "version":
		fmt.Fprintln(env.Stdout, "kinerja", Version)
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
	default:
		fmt.Fprintf(env.Stderr, "kinerja: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(env.Stderr, "kinerja: %v\n", err)
			return 2
		}
		fmt.Fprintf(env.Stderr, "kinerja: %s\n", oneLine(err))
		return 1
	}
	return 0
}

// Version is set at build time with -ldflags "-X .../cli.Version=v1.2.3".
var Version = "dev"

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// oneLine makes an error readable in one line, with validation messages.
func oneLine(err error) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		var parts []string
		for k, key := range ve.Fields {
			// The import report the terminal shows is Indonesian: so are
			// the messages of what it refuses.
			parts = append(parts, k+": "+locale.T(locale.Default, key, ve.Args[k]...))
		}
		return strings.Join(parts, "; ")
	}
	var m model.Message
	if errors.As(err, &m) {
		// What the message wraps says where it came from ("password: ...").
		text := locale.T(locale.Default, m.Key, m.Args...)
		if full, key := err.Error(), m.Error(); strings.HasSuffix(full, key) {
			return strings.ReplaceAll(strings.TrimSuffix(full, key)+text, "\n", " ")
		}
		return text
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// dbFlag adds --db with KINERJA_DB as its default.
func dbFlag(fs *flag.FlagSet, env Env) *string {
	def := env.Getenv("KINERJA_DB")
	if def == "" {
		def = store.DefaultSQLitePath
	}
	return fs.String("db", def, "database: a SQLite file or a postgres:// URL (env KINERJA_DB)")
}

func newFlagSet(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("kinerja "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, which it returns.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// openStore opens and migrates the database.
func openStore(ctx context.Context, dsn string, log *slog.Logger) (*store.Store, error) {
	s, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		return nil, err
	}
	n, err := s.Migrate(ctx)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("migrate %s database: %w", s.Engine(), err)
	}
	if n > 0 {
		log.Info("database migrated", "engine", s.Engine(), "applied", n)
	}
	return s, nil
}

// openApp opens and migrates the database and returns the application.
func openApp(ctx context.Context, dsn string, log *slog.Logger, demo bool) (*app.App, error) {
	s, err := openStore(ctx, dsn, log)
	if err != nil {
		return nil, err
	}
	return app.New(s, log, app.Options{Demo: demo}), nil
}

func runMigrate(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("migrate", env)
	db := dbFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := store.Open(ctx, *db, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s database %s: %d migration(s) applied, schema up to date\n", s.Engine(), s.Where(), n)
	return nil
}
