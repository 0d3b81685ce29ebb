package inventory

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/stdlib" // and driver "pgx", for the test schemas

	"github.com/pcsolidaire/atelier/internal/need"
)

// The ledger contract suite: every test that makes its ledger with
// newLedger (or freshLedger) runs on the engine ATELIER_TEST_ENGINE names,
// SQLite by default. `make test` runs the package a second time with
// ATELIER_TEST_ENGINE=postgres against the server ATELIER_TEST_PG names.
// Tests of what only a SQLite file has (its header, its pages, its folder's
// permissions) call sqliteOnly.

func onPostgres() bool { return os.Getenv("ATELIER_TEST_ENGINE") == "postgres" }

// sqliteOnly skips a test of the SQLite file itself on the PostgreSQL run.
func sqliteOnly(t testing.TB) {
	t.Helper()
	if onPostgres() {
		t.Skip("not applicable: tests the SQLite file itself; a PostgreSQL ledger has no such file")
	}
}

// testPG is the test server's URL. Under CI=true a missing or unreachable
// server fails the test; elsewhere the test is skipped, saying why.
func testPG(t testing.TB) string {
	t.Helper()
	u := os.Getenv("ATELIER_TEST_PG")
	if u == "" {
		if onPostgres() {
			t.Fatal("ATELIER_TEST_ENGINE=postgres needs ATELIER_TEST_PG (see README, \"PostgreSQL tests\")")
		}
		need.Missing(t, "ATELIER_TEST_PG is not set: no PostgreSQL server to test against (see README, \"PostgreSQL tests\")")
	}
	// A setup script that lets a tool's chatter into the variable must fail
	// here, by name, not as a parse error deep in one test.
	if parsed, err := url.Parse(u); err != nil || strings.ContainsAny(u, "\n\r ") ||
		(parsed.Scheme != "postgres" && parsed.Scheme != "postgresql") {
		t.Fatalf("ATELIER_TEST_PG must be one postgres:// URL, got %q", u)
	}
	return u
}

// freshPG makes an empty schema in the test database for this test only
// (dropped at the end) and returns the URL that reaches it.
func freshPG(t testing.TB) string {
	t.Helper()
	base := testPG(t)
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("PostgreSQL at ATELIER_TEST_PG: %v", err)
	}
	t.Cleanup(func() { db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// freshLedgerPath is where a new ledger goes on the test engine: a file
// in a temporary folder, or a fresh PostgreSQL schema.
func freshLedgerPath(t testing.TB) string {
	t.Helper()
	if onPostgres() {
		return freshPG(t)
	}
	return filepath.Join(t.TempDir(), "atelier", "ledger.db")
}

// openSame opens the ledger l opened, as another process would.
func openSame(t testing.TB, l *Ledger) *Ledger {
	t.Helper()
	m, err := Open(context.Background(), l.src)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

// rawDB opens the ledger's database as a script would, bypassing atelier
// (on PostgreSQL through the same `?`-speaking connector).
func rawDB(t testing.TB, l *Ledger) *sql.DB {
	t.Helper()
	var db *sql.DB
	var err error
	if l.eng.name() == "postgres" {
		db, err = openPG(context.Background(), l.src)
	} else {
		db, err = openDB(l.Path(), false)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// dropTrigger is DROP TRIGGER in the ledger's dialect.
func dropTrigger(l *Ledger, name, table string) string {
	if l.eng.name() == "postgres" {
		return `DROP TRIGGER ` + name + ` ON ` + table
	}
	return `DROP TRIGGER ` + name
}

// refuseTrigger is a trigger that refuses op on table, in the ledger's
// dialect.
func refuseTrigger(l *Ledger, name, op, table string) string {
	if l.eng.name() == "postgres" {
		return `CREATE TRIGGER ` + name + ` BEFORE ` + op + ` ON ` + table +
			` FOR EACH ROW EXECUTE FUNCTION atelier_refuse('x')`
	}
	return `CREATE TRIGGER ` + name + ` BEFORE ` + op + ` ON ` + table + ` BEGIN SELECT RAISE(ABORT, 'x'); END`
}

var (
	dropTriggerRE   = regexp.MustCompile(`^DROP TRIGGER (\w+)$`)
	createTriggerRE = regexp.MustCompile(`^CREATE TRIGGER (\w+) BEFORE (\w+) ON (\w+)(?: WHEN (.*?))? BEGIN SELECT RAISE\(ABORT, '([^']*)'\); END$`)
)

// inDialect rewrites the SQLite trigger statements the tampering tests
// play into PostgreSQL's when db is a PostgreSQL ledger.
func inDialect(db *sql.DB, q string) string {
	if _, ok := db.Driver().(*stdlib.Driver); !ok {
		return q
	}
	if m := dropTriggerRE.FindStringSubmatch(q); m != nil {
		for _, t := range []string{"bench_heads", "bench_keys", "events"} {
			if strings.HasPrefix(m[1], t+"_") {
				return q + ` ON ` + t
			}
		}
	}
	if m := createTriggerRE.FindStringSubmatch(q); m != nil {
		when := ""
		if m[4] != "" {
			when = ` WHEN (` + m[4] + `)`
		}
		return `CREATE TRIGGER ` + m[1] + ` BEFORE ` + m[2] + ` ON ` + m[3] + ` FOR EACH ROW` + when +
			` EXECUTE FUNCTION atelier_refuse('` + m[5] + `')`
	}
	return q
}
