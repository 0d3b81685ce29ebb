package main

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx", for the test schemas
	"github.com/rogpeppe/go-internal/testscript"
)

// With ATELIER_TEST_ENGINE=postgres (make test's second pass) the scripts
// run against a fresh PostgreSQL schema each, in the database that
// ATELIER_TEST_PG names: ATELIER_LEDGER is its URL and the bench key lives
// in $WORK (ATELIER_KEY_DIR), where a ledger file's key would be. Lines
// about the SQLite file itself are guarded by [!postgres].

func onPostgres() bool { return os.Getenv("ATELIER_TEST_ENGINE") == "postgres" }

func pgScriptSetup(t *testing.T, env *testscript.Env) error {
	base := os.Getenv("ATELIER_TEST_PG")
	if base == "" {
		return fmt.Errorf("ATELIER_TEST_ENGINE=postgres needs ATELIER_TEST_PG (see README, PostgreSQL tests)")
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		return err
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "s_" + hex.EncodeToString(b)
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		db.Close()
		return fmt.Errorf("PostgreSQL at ATELIER_TEST_PG: %w", err)
	}
	env.Defer(func() {
		db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		db.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	env.Setenv("ATELIER_LEDGER", u.String())
	env.Setenv("ATELIER_KEY_DIR", env.WorkDir)
	env.Setenv("ATELIER_TEST_PG", base)
	return nil
}

// scriptCmds are the scripts' commands that hold for both engines:
//
//	snapshot NAME   saves the ledger's whole content in NAME
//	unchanged NAME  fails unless the ledger is still what NAME saved
//
// A SQLite ledger is saved byte for byte (the file must not change at
// all); a PostgreSQL one as the ordered rows of every table of its schema.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"snapshot": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: snapshot NAME")
		}
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), ledgerContent(ts), 0o600))
	},
	"unchanged": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 1 {
			ts.Fatalf("usage: unchanged NAME")
		}
		before, err := os.ReadFile(ts.MkAbs(args[0]))
		ts.Check(err)
		same := string(before) == string(ledgerContent(ts))
		if same == neg {
			ts.Fatalf("ledger changed since snapshot %s: %v", args[0], !same)
		}
	},
}

func ledgerContent(ts *testscript.TestScript) []byte {
	ledger := ts.Getenv("ATELIER_LEDGER")
	if !strings.HasPrefix(ledger, "postgres") {
		b, err := os.ReadFile(ledger)
		ts.Check(err)
		return b
	}
	db, err := sql.Open("pgx", ledger)
	ts.Check(err)
	defer db.Close()
	rows, err := db.Query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`)
	ts.Check(err)
	var tables []string
	for rows.Next() {
		var t string
		ts.Check(rows.Scan(&t))
		tables = append(tables, t)
	}
	rows.Close()
	var b strings.Builder
	for _, t := range tables {
		rows, err := db.Query(`SELECT * FROM ` + t + ` ORDER BY 1`)
		ts.Check(err)
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			ts.Check(rows.Scan(ptrs...))
			fmt.Fprintf(&b, "%s %v\n", t, vals)
		}
		rows.Close()
	}
	return []byte(b.String())
}
