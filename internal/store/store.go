// Package store keeps Kinerja's data in SQLite (the default, embedded) or
// PostgreSQL, through database/sql and hand-written SQL. The same queries and
// the same migrations serve both engines; dialect.go holds the differences.
//
// Reads are methods on Store. Writes happen inside Store.Write, whose Tx
// records every change in the audit log in the same transaction.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/kinerja-id/kinerja/internal/model"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// conn runs queries on a database or a transaction; the read methods of the
// store are defined on it so that they work inside Write too.
type conn struct {
	q querier
	d dialect
	// stmts caches prepared statements inside a transaction, where bulk
	// writes (an import, the demo city) run the same statements thousands
	// of times; they close with the transaction.
	stmts *stmtCache
	// raw is the connection a transaction runs on (nil outside one), for
	// what database/sql cannot say: PostgreSQL's COPY (see bulkInsert).
	raw *sql.Conn
	// statements counts every statement sent, for the operations metrics
	// and the load runs (queries per request).
	statements *atomic.Uint64
}

type stmtCache struct {
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

// prepared returns the transaction's prepared statement for query, or nil
// outside a transaction.
func (c conn) prepared(ctx context.Context, query string) *sql.Stmt {
	if c.stmts == nil {
		return nil
	}
	if st, ok := c.stmts.m[query]; ok {
		return st
	}
	st, err := c.stmts.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil // fall back to an unprepared call, which reports the error
	}
	c.stmts.m[query] = st
	return st
}

// errBadText refuses text that no engine can store alike: a NUL byte or
// bytes that are not UTF-8 (PostgreSQL rejects both, SQLite keeps them).
var errBadText = model.Invalid("input", "invalid.field.badtext.store")

func badText(args []any) bool {
	for _, a := range args {
		if s, ok := a.(string); ok && (strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s)) {
			return true
		}
	}
	return false
}

func (c conn) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if badText(args) {
		return nil, errBadText
	}
	query = c.d.rebind(query)
	c.statements.Add(1)
	if st := c.prepared(ctx, query); st != nil {
		res, err := st.ExecContext(ctx, args...)
		return res, mapError(err)
	}
	res, err := c.q.ExecContext(ctx, query, args...)
	return res, mapError(err)
}

func (c conn) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if badText(args) {
		return nil, errBadText
	}
	query = c.d.rebind(query)
	c.statements.Add(1)
	if st := c.prepared(ctx, query); st != nil {
		rows, err := st.QueryContext(ctx, args...)
		return rows, mapError(err)
	}
	rows, err := c.q.QueryContext(ctx, query, args...)
	return rows, mapError(err)
}

// queryRow looks one row up. Text that cannot be stored cannot match a
// stored row either: it is replaced, so the lookup finds nothing alike on
// both engines instead of failing on one.
func (c conn) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if badText(args) {
		clean := make([]any, len(args))
		for i, a := range args {
			if s, ok := a.(string); ok {
				a = strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", "\uFFFD"), "\uFFFD")
			}
			clean[i] = a
		}
		args = clean
	}
	query = c.d.rebind(query)
	c.statements.Add(1)
	if st := c.prepared(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.q.QueryRowContext(ctx, query, args...)
}

// Store is the database.
type Store struct {
	conn
	db     *sql.DB
	engine string
	where  string // the file or the host, for logs

	// onEvents are told, after a commit, whose event log grew.
	onEvents atomic.Pointer[[]func(employeeIDs []string)]
	// onSessionsEnded is told, after a commit, which sessions it revoked
	// (by id, or every session of a user but one).
	onSessionsEnded atomic.Pointer[[]func(SessionsEnded)]
	hooksMu         sync.Mutex

	// clock is the time every write transaction takes once (see UseClock).
	clock atomic.Pointer[func() time.Time]
}

// Statements returns how many SQL statements the store has sent since it
// was opened (queries and writes alike).
func (s *Store) Statements() uint64 { return s.statements.Load() }

// UseClock makes now the clock of every later write transaction: the rows,
// audit entries and events a transaction writes all carry the one time it
// read from now when it began. The application passes its own clock, so
// tests that fix the time see it in the audit log too. The default is the
// system clock.
func (s *Store) UseClock(now func() time.Time) {
	s.clock.Store(&now)
}

// now reads the store's clock in UTC.
func (s *Store) now() time.Time {
	if c := s.clock.Load(); c != nil {
		return (*c)().UTC()
	}
	return time.Now().UTC()
}

// OnEvents adds a function told, after each commit that emitted events,
// the people whose event log grew (the live broker wakes their streams).
func (s *Store) OnEvents(fn func(employeeIDs []string)) {
	s.hooksMu.Lock()
	defer s.hooksMu.Unlock()
	var hooks []func([]string)
	if old := s.onEvents.Load(); old != nil {
		hooks = append(hooks, *old...)
	}
	hooks = append(hooks, fn)
	s.onEvents.Store(&hooks)
}

// SessionsEnded is what a transaction revoked: sessions by id, and every
// session of some users (a new password keeps the one in use, which the
// receiver tells apart by asking whether each is still in force).
type SessionsEnded struct {
	SessionIDs []string
	UserIDs    []string
}

// OnSessionsEnded adds a function told, after each commit that revoked
// sessions, which ones (the application ends their event streams).
func (s *Store) OnSessionsEnded(fn func(SessionsEnded)) {
	s.hooksMu.Lock()
	defer s.hooksMu.Unlock()
	var hooks []func(SessionsEnded)
	if old := s.onSessionsEnded.Load(); old != nil {
		hooks = append(hooks, *old...)
	}
	hooks = append(hooks, fn)
	s.onSessionsEnded.Store(&hooks)
}

// Options tune Open.
type Options struct {
	// SearchPath selects a PostgreSQL schema; tests use a fresh one each.
	SearchPath string
}

// DefaultSQLitePath is where the embedded database lives when no --db is
// given.
const DefaultSQLitePath = "kinerja-data/kinerja.db"

// Open connects to dsn: a postgres:// (or postgresql://) URL, or a path to a
// SQLite file (created, with its folder, when missing). It does not migrate.
func Open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	if dsn == "" {
		dsn = DefaultSQLitePath
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn, opt)
	}
	if strings.Contains(dsn, "://") {
		return nil, fmt.Errorf("database %q: use a postgres:// URL or a path to a SQLite file", redact(dsn))
	}
	return openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"))
}

func openSQLite(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create the database folder: %w", err)
		}
	}
	// busy_timeout first, so that the other pragmas wait for a lock too.
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open SQLite %s: %w", path, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open SQLite %s: %w", path, err)
	}
	return &Store{conn: conn{q: db, d: dialectSQLite, statements: new(atomic.Uint64)}, db: db, engine: "sqlite", where: path}, nil
}

func openPostgres(ctx context.Context, dsn string, opt Options) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("database URL %s: %w", redact(dsn), err)
	}
	if opt.SearchPath != "" {
		cfg.RuntimeParams["search_path"] = opt.SearchPath
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to PostgreSQL at %s: %w", redact(dsn), err)
	}
	where := cfg.Host + "/" + cfg.Database
	return &Store{conn: conn{q: db, d: dialectPostgres, statements: new(atomic.Uint64)}, db: db, engine: "postgres", where: where}, nil
}

// redact hides a password in a URL for messages.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	userinfo := dsn[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return dsn[:scheme+3] + userinfo[:i] + ":***" + dsn[at:]
	}
	return dsn
}

// Engine names the database engine: "sqlite" or "postgres".
func (s *Store) Engine() string { return s.engine }

// Where describes the database location for logs.
func (s *Store) Where() string { return s.where }

// DB exposes the pool for metrics.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database; for SQLite it checkpoints the WAL first.
func (s *Store) Close() error {
	if s.d == dialectSQLite {
		_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	}
	return s.db.Close()
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", name)
		}
		body, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// Migrate applies the embedded migrations that the database lacks, each in
// its own transaction, and returns how many it applied.
func (s *Store) Migrate(ctx context.Context) (int, error) {
	if _, err := s.exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	all, err := migrations()
	if err != nil {
		return 0, err
	}
	applied := 0
	for _, m := range all {
		err := s.inTx(ctx, func(c conn) error {
			var n int
			if err := c.queryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := c.q.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("apply migration %s: %w", m.name, err)
			}
			applied++
			_, err := c.exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, formatTime(time.Now()))
			return err
		})
		if err != nil {
			return applied, err
		}
	}
	return applied, nil
}

// PendingMigrations returns how many embedded migrations the database lacks.
func (s *Store) PendingMigrations(ctx context.Context) (int, error) {
	all, err := migrations()
	if err != nil {
		return 0, err
	}
	var have int
	err = s.queryRow(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&have)
	if err != nil {
		return len(all), nil // no table yet
	}
	return len(all) - have, nil
}

// TableColumns returns "table.column" for every column of the schema, sorted;
// the schema-parity test compares it across engines.
func (s *Store) TableColumns(ctx context.Context) ([]string, error) {
	rows, err := s.query(ctx, s.d.tableColumnsQuery())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			return nil, err
		}
		out = append(out, t+"."+c)
	}
	return out, rows.Err()
}

func (s *Store) inTx(ctx context.Context, fn func(c conn) error) error {
	// The transaction holds its own connection, so that a bulk load can
	// reach the driver's connection inside it.
	raw, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", mapError(err))
	}
	defer raw.Close()
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", mapError(err))
	}
	if err := fn(conn{q: tx, d: s.d, statements: s.statements, stmts: &stmtCache{tx: tx, m: map[string]*sql.Stmt{}}, raw: raw}); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", mapError(err))
	}
	return nil
}

// Tx is a write transaction on behalf of an actor. Its mutation methods write
// the audit log themselves, so no change can skip it.
type Tx struct {
	conn
	actor    model.Actor
	now      time.Time
	instansi string
	*told    // who is told after commit, shared by every view of the transaction (At)
}

// told is what a transaction tells after it commits.
type told struct {
	woken []string      // people with new events
	ended SessionsEnded // sessions revoked
}

// At returns the same transaction acting as actor at the instant now: its
// later changes, audit entries, notifications and events carry actor and
// now, and they commit or roll back with everything else in it. It is for
// writing history in one transaction: the demo city replays a year of
// acts, each by the person the rules name, at the moment it would have
// happened.
func (tx *Tx) At(actor model.Actor, now time.Time) *Tx {
	c := *tx
	c.actor, c.now = actor, now.UTC()
	return &c
}

// Actor returns who acts in this transaction.
func (tx *Tx) Actor() model.Actor { return tx.actor }

// Now is the transaction's clock: every change in it has the same time.
func (tx *Tx) Now() time.Time { return tx.now }

// Write runs fn in one transaction on behalf of actor. When fn returns an
// error nothing is written, neither the changes nor their audit entries.
func (s *Store) Write(ctx context.Context, actor model.Actor, fn func(tx *Tx) error) error {
	var tx *Tx
	err := s.inTx(ctx, func(c conn) error {
		tx = &Tx{conn: c, actor: actor, now: s.now(), instansi: actor.InstansiID, told: &told{}}
		return fn(tx)
	})
	if err == nil && len(tx.ended.SessionIDs)+len(tx.ended.UserIDs) > 0 {
		if hooks := s.onSessionsEnded.Load(); hooks != nil {
			for _, hook := range *hooks {
				hook(tx.ended)
			}
		}
	}
	if err == nil && len(tx.woken) > 0 {
		if hooks := s.onEvents.Load(); hooks != nil {
			for _, hook := range *hooks {
				hook(tx.woken)
			}
		}
	}
	return err
}

// ErrNoRows reports whether err means "no row".
func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// notFound wraps sql.ErrNoRows as model.ErrNotFound with what was sought.
func notFound(err error, what string) error {
	if isNoRows(err) {
		return fmt.Errorf("%s: %w", what, model.ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

const timeLayout = "2006-01-02T15:04:05.000000Z"

// formatTime writes t in UTC with a fixed width; the zero time is "".
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// parseTime reads what formatTime wrote; "" is the zero time.
func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t.UTC()
}

// nullable maps "" to NULL for optional references.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullString scans a nullable text column into a string.
type nullString struct{ s *string }

func (n nullString) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*n.s = ""
	case string:
		*n.s = x
	case []byte:
		*n.s = string(x)
	default:
		return fmt.Errorf("unexpected %T for text", v)
	}
	return nil
}

// placeholders returns "?, ?, ?" for n values.
// anys passes ids as query arguments, for an IN (placeholders(n)) list.
func anys(ids []string) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// eachByID runs query once for every 500 of ids, its "%s" replaced by
// their placeholders, and hands each row to scan: a read of many records
// by id in a few statements instead of one per record. Duplicate ids are
// sent once.
func (c conn) eachByID(ctx context.Context, query string, ids []string, scan func(*sql.Rows) error) error {
	seen := make(map[string]bool, len(ids))
	uniq := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
		}
	}
	for start := 0; start < len(uniq); start += 500 {
		chunk := anys(uniq[start:min(start+500, len(uniq))])
		rows, err := c.query(ctx, fmt.Sprintf(query, placeholders(len(chunk))), chunk...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := scan(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}
