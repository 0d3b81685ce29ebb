package inventory

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"io/fs"
)

// engine is what differs between the two ledger engines beyond the SQL
// text: the catalogue, the integrity check, how a rebuild lets go of the
// old views, which errors mean "try again". SQLite's side is dialect.go,
// PostgreSQL's is pg.go; everything else in the package is one code path.
type engine interface {
	name() string // "sqlite" or "postgres"
	hasTable(ctx context.Context, q querier, name string) (bool, error)
	userTables(ctx context.Context, q querier) (int, error)
	hasTrigger(ctx context.Context, q querier, name string) (bool, error)
	// integrity checks the storage itself, on a connection of its own.
	integrity(ctx context.Context, db *sql.DB) damageOrErr
	// resetViews readies the projection tables for a rebuild in tx and
	// returns the statements that create them afresh (none when emptied).
	resetViews(ctx context.Context, tx *sql.Tx) ([]ddl, error)
	retryable(err error) bool
}

// sqliteEngine is the embedded engine, the default.
type sqliteEngine struct{}

func (sqliteEngine) name() string { return "sqlite" }
func (sqliteEngine) hasTable(ctx context.Context, q querier, name string) (bool, error) {
	return hasTable(ctx, q, name)
}
func (sqliteEngine) userTables(ctx context.Context, q querier) (int, error) {
	return userTables(ctx, q)
}
func (sqliteEngine) hasTrigger(ctx context.Context, q querier, name string) (bool, error) {
	return hasTrigger(ctx, q, name)
}
func (sqliteEngine) integrity(ctx context.Context, db *sql.DB) damageOrErr {
	return sqliteIntegrity(ctx, db)
}

// resetViews drops the views; the rebuild creates them from this binary's
// schema (projectionDDL), even when the file's own catalogue lost them.
func (sqliteEngine) resetViews(ctx context.Context, tx *sql.Tx) ([]ddl, error) {
	d, err := projectionDDL(ctx)
	if err != nil {
		return nil, err
	}
	return d, dropTables(ctx, tx, projectionTables)
}
func (sqliteEngine) retryable(err error) bool { return isBusy(err) }

//go:embed migrations/postgres/*.sql
var pgMigrationFS embed.FS

// migrationsFor is the one migration history with each engine's SQL: a
// file of migrations/postgres/ replaces the migration of the same name for
// PostgreSQL; a migration without one is portable SQL, run as it is.
func migrationsFor(e engine) ([]migration, error) {
	ms, err := migrations()
	if err != nil || e.name() != "postgres" {
		return ms, err
	}
	out := make([]migration, len(ms))
	for i, m := range ms {
		out[i] = m
		b, err := pgMigrationFS.ReadFile("migrations/postgres/" + m.Name)
		switch {
		case err == nil:
			out[i].SQL = string(b)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
	}
	return out, nil
}
