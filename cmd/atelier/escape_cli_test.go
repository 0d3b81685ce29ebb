package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// runEscapeCLI runs the command tree in-process, as main would, with the
// ledger and operator of the test; the error line is what main prints.
func runEscapeCLI(t *testing.T, ledger string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	g := newGlobals(strings.NewReader(""), &out, &errb)
	root := newRootCmd(g)
	root.SetArgs(append([]string{"--ledger", ledger, "--operator", "camille", "--lang", "en"}, args...))
	err := root.ExecuteContext(context.Background())
	var ex *exitError
	switch {
	case err == nil:
		return out.String(), errb.String(), 0
	case errors.As(err, &ex):
		return out.String(), errb.String() + errorLine(ex.msg), ex.code
	default:
		return out.String(), errb.String() + errorLine(oneLine(err.Error())), 1
	}
}

// hostileTexts are what an old ledger or an imported bundle may hold: an
// OSC 52 clipboard write, CSI sequences (erase, move, colour), BEL, the
// 8-bit CSI U+009B, a right-to-left override.
var hostileTexts = map[string]string{
	"osc52": "\x1b]52;c;ZWNobyBoaQ==\x07",
	"csi":   "\x1b[2J\x1b[1;1H",
	"sgr":   "\x1b[8m",
	"bel":   "\x07",
	"c1":    "\u009b31m",
	"rlo":   "\u202e",
}

// raw fails when out holds a character a terminal would act on.
func raw(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			t.Errorf("%s: raw %U at byte %d:\n%s", what, r, i, out)
			return
		}
	}
}

// Entry: every command refuses control characters and bidi overrides
// where text is typed, names the field and the character, and writes
// nothing.
func TestCLIRefusesControlCharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.db")
	if _, stderr, code := runEscapeCLI(t, path, "init"); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	if _, _, code := runEscapeCLI(t, path, "intake", "add", "--serial", "CN0ABC123"); code != 0 {
		t.Fatal("intake add")
	}
	before := ledgerEvents(t, path)
	for name, seq := range hostileTexts {
		for _, args := range [][]string{
			{"site", "add", "MDH " + seq + "Village"},
			{"unit", "note", "CN0ABC123", "ok " + seq},
			{"unit", "move", "CN0ABC123", "triaged", "--reason", "QA" + seq},
			{"unit", "destroy-disk", "CN0ABC123", "WD" + seq + "1", "--new", "--reason", "drilled"},
			{"intake", "add", "--serial", "X" + seq + "1"},
			{"intake", "add", "--serial", "X2", "--model", "Latitude" + seq},
			{"intake", "add", "--serial", "X3", "--donor", "DSI" + seq},
			{"--operator", "cam" + seq, "unit", "note", "CN0ABC123", "ok"},
		} {
			_, stderr, code := runEscapeCLI(t, path, args...)
			if code == 0 || !strings.Contains(stderr, "holds an invisible or control character (U+") {
				t.Errorf("%s %q: exit %d, %s", name, args, code, stderr)
			}
			raw(t, name+" refusal", stderr)
		}
	}
	if after := ledgerEvents(t, path); after != before {
		t.Errorf("refusals wrote %d events", after-before)
	}
}

func ledgerEvents(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Output: a ledger written before these rules (or an imported bundle) may
// already hold escape sequences; every human rendering shows them escaped,
// and --json escapes what encoding/json leaves raw (DEL, C1, bidi).
func TestCLIEscapesWhatAnOldLedgerHolds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.db")
	if _, stderr, code := runEscapeCLI(t, path, "init"); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	for _, args := range [][]string{
		{"site", "add", "MDH Village 2"},
		{"intake", "add", "--serial", "CN0ABC123", "--vendor", "Dell", "--model", "Latitude E6410"},
		{"unit", "move", "CN0ABC123", "triaged"},
		{"unit", "destroy-disk", "CN0ABC123", "WD1", "--new", "--reason", "drilled"},
		{"unit", "move", "CN0ABC123", "wiped"},
	} {
		if _, stderr, code := runEscapeCLI(t, path, args...); code != 0 {
			t.Fatalf("%q: %s", args, stderr)
		}
	}
	var all string
	for _, s := range hostileTexts {
		all += s + "|"
	}
	// What the old ledger holds, written behind the commands' back.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	site := "MDH Village 2" + all
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE sites SET name = ?`, []any{site}},
		// Reserved by hand too: only a deploy may make a unit imaged, and
		// this ledger is forged anyway.
		{`UPDATE units SET state = 'reserved', model = ?, site = ?, doc = json_set(doc, '$.state', 'reserved', '$.model', ?, '$.site', ?)`, []any{"Latitude" + all, site, "Latitude" + all, site}},
		{`INSERT INTO events (id, bench, bench_seq, unit_id, kind, at, operator, payload, prev_hash, hash)
			SELECT '01ZZZZZZZZZZZZZZZZZZZZZZZZ', 'old', 1, id, 'note', '2026-01-01T00:00:00Z', ?, json_object('text', ?), '', 'x' FROM units`,
			[]any{"old" + all, "note" + all}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	for _, args := range [][]string{
		{"site", "list"},
		{"unit", "list"},
		{"unit", "show", "CN0ABC123"},
		{"status", "CN0ABC123"},
		{"site", "list", "--json"},
		{"unit", "list", "--json"},
		{"unit", "show", "CN0ABC123", "--json"},
		{"status", "CN0ABC123", "--json"},
	} {
		stdout, stderr, code := runEscapeCLI(t, path, args...)
		if code != 0 {
			t.Errorf("%q: exit %d: %s", args, code, stderr)
			continue
		}
		raw(t, strings.Join(args, " "), stdout+stderr)
		want := `\x1b]52;c;ZWNobyBoaQ==\x07`
		if strings.Contains(strings.Join(args, " "), "--json") {
			want = `\u001b]52;c;ZWNobyBoaQ==\u0007`
		}
		if args[0] != "status" && !strings.Contains(strings.Join(args, " "), "--json") {
			want = `\x` // a table wraps long cells anywhere: an escape is all one can look for
		}
		if !strings.Contains(stdout, want) {
			t.Errorf("%q: the sequence is not shown escaped:\n%s", args, stdout)
		}
	}
	// An error message quoting such a name is escaped too.
	_, stderr, _ := runEscapeCLI(t, path, "unit", "move", "CN0ABC123", "reserved", "--site", "MDH Village 2")
	raw(t, "error", stderr)
}
