package inventory

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered SQL file: migrations/NNNN_what.sql.
type migration struct {
	Version int
	Name    string
	SQL     string
}

// migrations lists the embedded migrations in version order.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and '_'", base)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{Version: v, Name: base, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// SchemaVersion is the newest schema this binary knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].Version
}

// schemaVersion reads the ledger's schema version; 0 when it has none yet.
func schemaVersion(ctx context.Context, eng engine, q querier) (int, bool, error) {
	has, err := eng.hasTable(ctx, q, "schema_migrations")
	if err != nil || !has {
		return 0, false, err
	}
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, true, err
	}
	return int(v.Int64), true, nil
}

// migrate applies the pending migrations, each in its own transaction. It
// refuses a ledger whose schema is newer than this binary: migrating
// backwards would lose what the newer atelier recorded.
func migrate(ctx context.Context, eng engine, db *sql.DB, path string) error {
	ms, err := migrationsFor(eng)
	if err != nil {
		return err
	}
	latest := ms[len(ms)-1].Version
	cur, has, err := schemaVersion(ctx, eng, db)
	if err != nil {
		return notLedger(path, err)
	}
	if cur > latest {
		return newErr(ErrNewerSchema, "ledger.newer", path, cur, latest)
	}
	applied, err := appliedMigrations(ctx, db, has)
	if err != nil {
		return notLedger(path, err)
	}
	if cur == latest && len(applied) == len(ms) {
		return nil
	}
	if !has {
		n, err := eng.userTables(ctx, db)
		if err != nil {
			return notLedger(path, err)
		}
		if n > 0 {
			return newErr(ErrNotLedger, foreignKey(eng), path)
		}
	}
	// Every migration not yet applied, not only those above the newest:
	// branches add theirs in parallel, so the numbers may have gaps.
	for _, m := range ms {
		if applied[m.Version] {
			continue
		}
		if err := applyMigration(ctx, eng, db, m); err != nil {
			return fmt.Errorf("ledger %s: migration %s: %w", path, m.Name, err)
		}
	}
	return nil
}

// appliedMigrations lists the versions recorded in schema_migrations.
func appliedMigrations(ctx context.Context, q querier, has bool) (map[int]bool, error) {
	out := map[int]bool{}
	if !has {
		return out, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}

func applyMigration(ctx context.Context, eng engine, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil) // IMMEDIATE (see dsn): one process migrates at a time
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	// Another process may have applied it while we waited for the lock.
	var done int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&done); err != nil {
		return err
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if err := afterMigration(ctx, eng, tx, m); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, formatTime(time.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

// querier is what both *sql.DB and *sql.Tx offer for reads.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// checkSchema is migrate for a ledger opened read-only: it can only say
// whether this binary reads the ledger as it is.
func checkSchema(ctx context.Context, db *sql.DB, path string) error {
	latest := SchemaVersion()
	cur, has, err := schemaVersion(ctx, sqliteEngine{}, db)
	if err != nil {
		return notLedger(path, err)
	}
	switch {
	case cur > latest:
		return newErr(ErrNewerSchema, "ledger.newer", path, cur, latest)
	case cur == latest:
		return nil
	case !has:
		if n, err := userTables(ctx, db); err != nil {
			return notLedger(path, err)
		} else if n > 0 {
			return newErr(ErrNotLedger, "ledger.foreign", path)
		}
		return newErr(ErrNoLedger, "ledger.missing", path)
	}
	return newErr(ErrNotWritable, "ledger.readonlyold", path, cur, latest)
}

// foreignKey is the message for a database that holds another program's
// tables and no atelier schema.
func foreignKey(eng engine) string {
	if eng.name() == "postgres" {
		return "ledger.pgforeign"
	}
	return "ledger.foreign"
}
