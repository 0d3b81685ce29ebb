package inventory

import (
	"context"
	"crypto"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"net/url"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Tests of the PostgreSQL engine itself. They need ATELIER_TEST_PG (see
// README): skipped without it, failed without it under CI=true.

func TestRebindPlaceholders(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT a FROM t WHERE b = ? AND c IN (?, ?)`:                   `SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)`,
		`SELECT '?' || ? -- why?` + "\n" + `, "a?b" FROM t WHERE x = ?`: `SELECT '?' || $1 -- why?` + "\n" + `, "a?b" FROM t WHERE x = $2`,
		`SELECT 1`: `SELECT 1`,
	} {
		if got := rebind(in); got != want {
			t.Errorf("rebind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRedactURLHidesThePassword(t *testing.T) {
	for _, u := range []string{
		"postgres://atelier:s3cret@db.example:5432/hub?sslmode=require",
		"postgres://atelier@db.example/hub?password=s3cret&sslmode=require",
		"postgresql://atelier:s3cret@[::1]:5432/hub",
	} {
		if got := RedactURL(u); strings.Contains(got, "s3cret") || !strings.Contains(got, "atelier@") {
			t.Errorf("RedactURL(%q) = %q", u, got)
		}
	}
}

// fixedLedger is a ledger whose event ids, times and signatures depend only
// on what is done to it: the same acts give the same events on any engine.
func fixedLedger(t *testing.T, path string, key ed25519.PrivateKey) *Ledger {
	t.Helper()
	l := newLedgerAt(t, path)
	l.entropy = rand.New(rand.NewSource(42))
	l.SetBenchKeys(BenchKeys{Signer: func() (crypto.Signer, error) { return key, nil },
		Public: key.Public().(ed25519.PublicKey), PublicFrom: "bench.pub"})
	return l
}

// The same acts on SQLite and on PostgreSQL give the same events, hashes,
// signed heads and views: a chain moves between engines unchanged.
func TestSameChainOnBothEngines(t *testing.T) {
	_, key, _ := ed25519.GenerateKey(nil)
	ctx := context.Background()
	var events, views [2]string
	for i, path := range []string{filepath.Join(t.TempDir(), "ledger.db"), freshPG(t)} {
		l := fixedLedger(t, path, key)
		u := addUnit(t, l, "SAME1")
		addUnit(t, l, "SAME2")
		if _, err := l.Note(ctx, cam, u.ID, "écran fêlé, « chargeur » absent"); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Move(ctx, cam, u.ID, Recycled, MoveOptions{Reason: "broken", NoDisk: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Verify(ctx); err != nil {
			t.Fatalf("%s: %v", l.Engine(), err)
		}
		events[i] = dumpQuery(t, l, `SELECT id, bench_seq, kind, at, payload, prev_hash, hash FROM events ORDER BY id`) +
			dumpQuery(t, l, `SELECT bench, seq, hash, sig FROM bench_heads`)
		views[i] = dump(t, l)
		if _, err := l.CheckedRebuild(ctx, false); err != nil {
			t.Fatal(err)
		}
		if after := dump(t, l); after != views[i] {
			t.Errorf("%s: rebuild changed the views:\n%s\n%s", l.Engine(), views[i], after)
		}
	}
	if events[0] != events[1] {
		t.Errorf("events differ:\nsqlite:\n%s\npostgres:\n%s", events[0], events[1])
	}
	if views[0] != views[1] {
		t.Errorf("views differ:\nsqlite:\n%s\npostgres:\n%s", views[0], views[1])
	}
}

func dumpQuery(t *testing.T, l *Ledger, q string) string {
	t.Helper()
	rows, err := l.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.Join(vals, "|") + "\n")
	}
	return b.String()
}

// The append-only guards hold in PostgreSQL too, TRUNCATE included.
func TestPostgresEventsAreAppendOnly(t *testing.T) {
	l := newLedgerAt(t, freshPG(t))
	addUnit(t, l, "S1")
	for _, q := range []string{`UPDATE events SET operator = 'mallory'`, `DELETE FROM events`, `TRUNCATE events`,
		`DELETE FROM bench_heads`, `TRUNCATE bench_heads`, `UPDATE bench_heads SET seq = 0`,
		`UPDATE bench_keys SET public_key = 'x'`, `TRUNCATE bench_keys`} {
		if _, err := l.db.Exec(q); err == nil || !strings.Contains(err.Error(), "append-only") && !strings.Contains(err.Error(), "forward") {
			t.Errorf("%s: %v", q, err)
		}
	}
	if _, err := l.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// One line each, naming the server or database and never the password.
func TestPostgresConnectionErrors(t *testing.T) {
	base := testPG(t)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	with := func(f func(u *url.URL)) string {
		c := *u
		f(&c)
		return c.String()
	}
	cases := []struct{ name, url, want string }{
		{"unreachable", with(func(u *url.URL) { u.Host = "127.0.0.1:1" }), "cannot reach the PostgreSQL server at 127.0.0.1:1"},
		{"password", with(func(u *url.URL) { u.User = url.UserPassword(u.User.Username(), "wrong-s3cret") }), "refused the password of user"},
		{"no database", with(func(u *url.URL) { u.Path = "/atelier_no_such_db" }), "database atelier_no_such_db does not exist"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Open(ctx, c.url)
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "wrong-s3cret") ||
				strings.Contains(err.Error(), "\n") {
				t.Fatalf("Open = %v, want one line with %q and no password", err, c.want)
			}
			if _, err := Init(ctx, c.url, InitOptions{Bench: "b"}); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Init = %v", err)
			}
		})
	}
	// On the server's unix socket, Debian's pg_hba.conf asks no password:
	// it checks the system user (peer). Refused there, the message says
	// so, not that a password was wrong.
	sock := fmt.Sprintf("/var/run/postgresql/.s.PGSQL.%s", u.Port())
	if h := u.Hostname(); (h == "localhost" || h == "127.0.0.1") && exists(sock) {
		peer := fmt.Sprintf("postgres://atelier_no_such_role@%s?host=/var/run/postgresql&port=%s", u.Path, u.Port())
		_, err := Open(ctx, peer)
		if err == nil || !strings.Contains(err.Error(), "on its local socket /var/run/postgresql") ||
			strings.Contains(err.Error(), "password of user") || strings.Contains(err.Error(), "\n") {
			t.Errorf("Open on the socket as a role peer refuses = %v", err)
		}
	}
	// An empty database or schema is no ledger yet; one with another
	// program's tables is refused, untouched.
	empty := freshPG(t)
	if _, err := Open(ctx, empty); !errors.Is(err, ErrNoLedger) || !strings.Contains(err.Error(), "atelier init") {
		t.Errorf("Open of an empty schema = %v", err)
	}
	foreign := freshPG(t)
	db, err := openPG(ctx, foreign)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE contacts (name TEXT)`); err != nil {
		t.Fatal(err)
	}
	if _, err := Init(ctx, foreign, InitOptions{Bench: "b"}); !errors.Is(err, ErrNotLedger) {
		t.Errorf("Init over another program's tables = %v", err)
	}
	var n int
	db.QueryRow(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()`).Scan(&n)
	if n != 1 {
		t.Errorf("Init left %d tables in another program's schema", n)
	}
}

// Explain names a PostgreSQL ledger whose views were dropped.
func TestPostgresMissingViewsExplained(t *testing.T) {
	l := newLedgerAt(t, freshPG(t))
	if _, err := l.db.Exec(`DROP TABLE units`); err != nil {
		t.Fatal(err)
	}
	_, err := l.ListUnits(context.Background(), ListFilter{})
	if err = l.Explain(err); !errors.Is(err, ErrDamaged) {
		t.Fatalf("unit list without views: %v", err)
	}
}

// ledger copy, both ways: SQLite → PostgreSQL → SQLite gives the same
// events, heads and views, verified on each side; a copy onto a ledger
// that has events is refused.
func TestCopyBetweenEngines(t *testing.T) {
	ctx := context.Background()
	_, key, _ := ed25519.GenerateKey(nil)
	keys := BenchKeys{Signer: func() (crypto.Signer, error) { return key, nil }, Public: key.Public().(ed25519.PublicKey), PublicFrom: "bench.pub"}
	dir := t.TempDir()
	first := filepath.Join(dir, "bench.db")
	l := fixedLedger(t, first, key)
	for i := 0; i < 450; i++ { // more than one insert of 200 rows
		u := addUnit(t, l, "C"+strconv.Itoa(i))
		if i%3 == 0 {
			if _, err := l.Note(ctx, cam, u.ID, "note"); err != nil {
				t.Fatal(err)
			}
		}
	}
	views := dump(t, l)
	pg := freshPG(t)
	res, err := Copy(ctx, first, pg, keys)
	if err != nil {
		t.Fatal(err)
	}
	if res.Events != 600 || res.Units != 450 || res.To != RedactURL(pg) {
		t.Errorf("copy to PostgreSQL: %+v", res)
	}
	back := filepath.Join(dir, "audit.db")
	if _, err := Copy(ctx, pg, back, keys); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{pg, back} {
		m, err := Open(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if got := dump(t, m); got != views {
			t.Errorf("%s: views differ after the copy", m.Engine())
		}
		if a, b := dumpQuery(t, l, `SELECT `+eventColumns+` FROM events ORDER BY id`), dumpQuery(t, m, `SELECT `+eventColumns+` FROM events ORDER BY id`); a != b {
			t.Errorf("%s: events differ after the copy", m.Engine())
		}
		m.Close()
	}
	if _, err := Copy(ctx, first, pg, keys); !errors.Is(err, ErrDuplicate) {
		t.Errorf("copy onto a ledger with events = %v", err)
	}
}

// One history: a PostgreSQL migration only replaces one of the same name.
// (A migration added without a PostgreSQL version runs as it is there: the
// contract suite's PostgreSQL run says whether its SQL is portable.)
func TestPostgresMigrationsFollowTheHistory(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, m := range ms {
		names[m.Name] = true
	}
	pg, err := fs.Glob(pgMigrationFS, "migrations/postgres/*.sql")
	if err != nil || len(pg) == 0 {
		t.Fatalf("no PostgreSQL migrations: %v", err)
	}
	for _, p := range pg {
		if !names[path.Base(p)] {
			t.Errorf("%s replaces no migration of migrations/ (same name needed)", p)
		}
	}
}
