package store

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/kinerja-id/kinerja/internal/model"
)

// dialect is the only place that knows SQLite from PostgreSQL. Every query
// is written once with ? placeholders and the common subset of SQL.
type dialect int

const (
	dialectSQLite dialect = iota
	dialectPostgres
)

func (d dialect) String() string {
	if d == dialectPostgres {
		return "postgres"
	}
	return "sqlite"
}

// rebind rewrites ? placeholders to $1, $2... for PostgreSQL. Question marks
// inside string literals are left alone.
func (d dialect) rebind(q string) string {
	if d != dialectPostgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n, inString := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			inString = !inString
			b.WriteByte(c)
		case c == '?' && !inString:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// mapError turns driver errors into model errors: a unique or foreign-key
// violation is a conflict with the data already stored.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505", "23503":
			return errors.Join(model.ErrConflict, err)
		}
		return err
	}
	var sqErr *sqlite.Error
	if errors.As(err, &sqErr) {
		switch sqErr.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY, sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return errors.Join(model.ErrConflict, err)
		}
	}
	return err
}

// tableColumnsQuery lists (table, column) pairs of the current schema.
func (d dialect) tableColumnsQuery() string {
	if d == dialectPostgres {
		return `SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() ORDER BY table_name, column_name`
	}
	return `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.name`
}

// BackupTo writes a consistent copy of an SQLite database to path (which
// must not exist), while the database stays in use. PostgreSQL is backed up
// with its own tools (pg_dump).
func (s *Store) BackupTo(ctx context.Context, path string) error {
	if s.d != dialectSQLite {
		return errors.New("backup of a PostgreSQL database: use pg_dump")
	}
	_, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path)
	return err
}
