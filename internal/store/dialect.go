package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
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

// insertRows writes rows into table: one row as a plain INSERT, as every
// one-row write does, more through bulkInsert.
func (c conn) insertRows(ctx context.Context, table string, columns []string, rows [][]any) error {
	if len(rows) == 1 {
		_, err := c.exec(ctx, "INSERT INTO "+table+" ("+strings.Join(columns, ", ")+") VALUES ("+placeholders(len(columns))+")", rows[0]...)
		return err
	}
	return c.bulkInsert(ctx, table, columns, rows)
}

// bulkInsert writes rows (values in the order of columns) into table inside
// the transaction, in as few round trips as the engine allows: PostgreSQL
// takes them through COPY, SQLite through multi-row INSERTs on prepared
// statements. It writes no audit entry: the callers do, for each row, as
// their one-row forms do.
func (c conn) bulkInsert(ctx context.Context, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if c.raw == nil {
		return fmt.Errorf("bulk insert into %s outside a transaction", table)
	}
	for _, r := range rows {
		if len(r) != len(columns) {
			return fmt.Errorf("bulk insert into %s: %d values for %d columns", table, len(r), len(columns))
		}
		if badText(r) {
			return errBadText
		}
	}
	if c.d == dialectPostgres {
		c.statements.Add(1)
		err := c.raw.Raw(func(driverConn any) error {
			pc, ok := driverConn.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("bulk insert: unexpected driver connection %T", driverConn)
			}
			_, err := pc.Conn().CopyFrom(ctx, pgx.Identifier{table}, columns, pgx.CopyFromRows(rows))
			return err
		})
		if err != nil {
			return fmt.Errorf("copy into %s: %w", table, mapError(err))
		}
		return nil
	}
	// SQLite allows 32766 parameters in one statement; 500 rows a
	// statement is well below, and large enough that the per-statement
	// cost no longer counts.
	per := min(500, 32766/len(columns))
	row := "(" + placeholders(len(columns)) + ")"
	head := "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES "
	for start := 0; start < len(rows); start += per {
		chunk := rows[start:min(start+per, len(rows))]
		args := make([]any, 0, len(chunk)*len(columns))
		for _, r := range chunk {
			args = append(args, r...)
		}
		q := head + strings.Repeat(row+", ", len(chunk)-1) + row
		if _, err := c.exec(ctx, q, args...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}

// Analyze refreshes the planner's statistics of every table, as after a
// bulk load (the demo city, a seed, an import): without them PostgreSQL
// plans the first queries as if the tables were still empty. SQLite keeps
// them in sqlite_stat1, PostgreSQL in pg_statistic (and notes the time in
// pg_stat_user_tables.last_analyze).
func (s *Store) Analyze(ctx context.Context) error {
	q := "ANALYZE"
	if s.d == dialectPostgres {
		// Only the tables of the schema in use: a database may hold
		// others (the tests' schemas), which are not ours to analyze.
		rows, err := s.query(ctx, `SELECT table_name FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
		if err != nil {
			return fmt.Errorf("list tables to analyze: %w", err)
		}
		var names []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				rows.Close()
				return err
			}
			names = append(names, pgx.Identifier{n}.Sanitize())
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(names) == 0 {
			return nil
		}
		q = "ANALYZE " + strings.Join(names, ", ")
	}
	if _, err := s.exec(ctx, q); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}

// Restat gathers PostgreSQL's planner statistics of tables inside the
// transaction, which counts its own new rows: a bulk load that reads what
// it wrote (the demo pages through the employees it just stored) would
// otherwise have its queries planned for empty tables. Store.Analyze is
// still due after the commit. SQLite plans well enough without, and does
// nothing here.
func (tx *Tx) Restat(ctx context.Context, tables ...string) error {
	if tx.d != dialectPostgres || len(tables) == 0 {
		return nil
	}
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = pgx.Identifier{t}.Sanitize()
	}
	if _, err := tx.exec(ctx, "ANALYZE "+strings.Join(names, ", ")); err != nil {
		return fmt.Errorf("analyze %s: %w", strings.Join(tables, ", "), err)
	}
	return nil
}

// BulkLoad runs fn, which fills tables in bulk, inside the transaction. On
// PostgreSQL the schema's foreign keys are dropped for the while and added
// back after fn, as pg_restore does: each row of a COPY would otherwise be
// checked against its parents one lookup at a time, which costs more than
// the COPY itself, while adding a key back checks every row in one join.
// Nothing is committed unchecked: a row without its parent fails the
// transaction when its key comes back. SQLite checks its keys in process,
// cheaply, and runs fn as it is.
func (tx *Tx) BulkLoad(ctx context.Context, fn func() error) error {
	if tx.d != dialectPostgres {
		return fn()
	}
	type foreignKey struct{ table, name, def string }
	rows, err := tx.query(ctx, `SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
		FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
		WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY 1, 2`)
	if err != nil {
		return fmt.Errorf("list foreign keys: %w", err)
	}
	var keys []foreignKey
	for rows.Next() {
		var k foreignKey
		if err := rows.Scan(&k.table, &k.name, &k.def); err != nil {
			rows.Close()
			return err
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, k := range keys {
		if _, err := tx.exec(ctx, `ALTER TABLE `+k.table+` DROP CONSTRAINT `+pgx.Identifier{k.name}.Sanitize()); err != nil {
			return fmt.Errorf("drop foreign key %s: %w", k.name, err)
		}
	}
	if err := fn(); err != nil {
		return err
	}
	for _, k := range keys {
		if _, err := tx.exec(ctx, `ALTER TABLE `+k.table+` ADD CONSTRAINT `+pgx.Identifier{k.name}.Sanitize()+` `+k.def); err != nil {
			return fmt.Errorf("restore foreign key %s: %w", k.name, err)
		}
	}
	return nil
}

// forUpdate ends a SELECT that locks the rows it reads until the
// transaction ends, so that a check and the write it allows cannot
// interleave with another transaction's. SQLite's write transactions start
// IMMEDIATE and run one at a time, so it needs no lock.
func (d dialect) forUpdate() string {
	if d == dialectPostgres {
		return " FOR UPDATE"
	}
	return ""
}

// forShare ends a SELECT that holds the rows it reads against change
// until the transaction ends while letting other readers that hold them
// the same way go on: what is checked against them is written before they
// can change. SQLite needs no lock, as for forUpdate.
func (d dialect) forShare() string {
	if d == dialectPostgres {
		return " FOR SHARE"
	}
	return ""
}
