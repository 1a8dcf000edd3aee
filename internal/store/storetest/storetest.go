// Package storetest gives tests a fresh database on every engine Kinerja
// supports: a SQLite file always, and a fresh PostgreSQL schema when
// KINERJA_TEST_POSTGRES holds a URL (for example
// postgres://postgres@127.0.0.1:5432/test). Without it the PostgreSQL
// variants are skipped, and say so.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/kinerja-id/kinerja/internal/store"
)

// EnvPostgres names the variable holding the PostgreSQL URL for tests.
const EnvPostgres = "KINERJA_TEST_POSTGRES"

var warnOnce sync.Once

// EnvEngines names the variable that narrows the engines tests run on: a
// comma-separated list of "sqlite" and "postgres". Unset, tests run on
// both. CI's PostgreSQL pass sets it to "postgres": the README's command
// has run every SQLite variant already.
const EnvEngines = "KINERJA_TEST_ENGINES"

// Engines are the engines every storage test runs on; the PostgreSQL
// variant skips itself, loudly, when KINERJA_TEST_POSTGRES is not set.
// KINERJA_TEST_ENGINES narrows them.
var Engines = []string{"sqlite", "postgres"}

// selected reports whether KINERJA_TEST_ENGINES leaves engine in, and
// fails the test on a name that is no engine.
func selected(t testing.TB, engine string) bool {
	t.Helper()
	list := os.Getenv(EnvEngines)
	if list == "" {
		return true
	}
	in := false
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name != "sqlite" && name != "postgres" {
			t.Fatalf("%s=%q: %q is no engine (sqlite, postgres)", EnvEngines, list, name)
		}
		in = in || name == engine
	}
	return in
}

// Each runs fn once per engine as a subtest named after it, each with a
// fresh, migrated database.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, engine := range Engines {
		if !selected(t, engine) {
			continue
		}
		t.Run(engine, func(t *testing.T) {
			s := Open(t, engine)
			fn(t, s)
		})
	}
}

// Open returns a fresh, migrated store on engine ("sqlite" or "postgres"),
// closed and removed when the test ends.
func Open(t testing.TB, engine string) *store.Store {
	t.Helper()
	if !selected(t, engine) {
		t.Skipf("%s: %s=%s", engine, EnvEngines, os.Getenv(EnvEngines))
	}
	ctx := context.Background()
	var s *store.Store
	var err error
	switch engine {
	case "sqlite":
		s, err = store.Open(ctx, filepath.Join(t.TempDir(), "kinerja.db"), store.Options{})
	case "postgres":
		s, err = openPostgres(t)
	default:
		t.Fatalf("unknown engine %q", engine)
	}
	if err != nil {
		t.Fatalf("open %s: %v", engine, err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close()
		t.Fatalf("migrate %s: %v", engine, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// DSN returns a database string for engine that a test can hand to the
// command line or a started server, with the same cleanup as Open.
func DSN(t testing.TB, engine string) string {
	t.Helper()
	if !selected(t, engine) {
		t.Skipf("%s: %s=%s", engine, EnvEngines, os.Getenv(EnvEngines))
	}
	switch engine {
	case "sqlite":
		return filepath.Join(t.TempDir(), "kinerja.db")
	case "postgres":
		url := os.Getenv(EnvPostgres)
		if url == "" {
			skipPostgres(t)
		}
		schema := newSchema(t, url)
		sep := "?"
		if strings.Contains(url, "?") {
			sep = "&"
		}
		return url + sep + "search_path=" + schema
	}
	t.Fatalf("unknown engine %q", engine)
	return ""
}

func skipPostgres(t testing.TB) {
	t.Helper()
	warnOnce.Do(func() {
		fmt.Fprintf(os.Stderr, "\n*** %s is not set: PostgreSQL tests are SKIPPED. ***\n"+
			"*** Run them with %s=postgres://postgres@127.0.0.1:5432/test go test ./... ***\n\n", EnvPostgres, EnvPostgres)
	})
	t.Skipf("PostgreSQL tests SKIPPED: %s is not set", EnvPostgres)
}

func openPostgres(t testing.TB) (*store.Store, error) {
	url := os.Getenv(EnvPostgres)
	if url == "" {
		skipPostgres(t)
	}
	schema := newSchema(t, url)
	return store.Open(context.Background(), url, store.Options{SearchPath: schema})
}

// newSchema creates a uniquely named schema and drops it when the test ends.
func newSchema(t testing.TB, url string) string {
	t.Helper()
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	db := stdlib.OpenDB(*cfg)
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "kt_" + hex.EncodeToString(b[:])
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		db.Close()
		t.Fatalf("create test schema on %s: %v", EnvPostgres, err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Logf("drop test schema %s: %v", schema, err)
		}
		db.Close()
	})
	return schema
}

// Analyzed reports whether the planner's statistics of table were gathered
// by ANALYZE: on SQLite, sqlite_stat1 holds rows for it; on PostgreSQL,
// pg_stat_user_tables notes when it was last analyzed (by hand, not by
// autovacuum).
func Analyzed(t testing.TB, s *store.Store, table string) bool {
	t.Helper()
	var n int
	var err error
	if s.Engine() == "postgres" {
		err = s.DB().QueryRow(`SELECT COUNT(*) FROM pg_stat_user_tables
			WHERE schemaname = current_schema() AND relname = $1 AND last_analyze IS NOT NULL`, table).Scan(&n)
	} else {
		var exists int
		if err := s.DB().QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'`).Scan(&exists); err != nil {
			t.Fatalf("look for sqlite_stat1: %v", err)
		}
		if exists == 0 {
			return false
		}
		err = s.DB().QueryRow(`SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = ?`, table).Scan(&n)
	}
	if err != nil {
		t.Fatalf("statistics of %s: %v", table, err)
	}
	return n > 0
}
