package inventory

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// Issue 8.7: a damaged page of the units table went unnoticed by verify,
// broke unit list, and rebuild could not repair it.

// damagePage overwrites the root page of table in the closed ledger file
// with garbage, as a failing disk or a stray write would.
func damagePage(t *testing.T, l *Ledger, table string) string {
	t.Helper()
	sqliteOnly(t) // PostgreSQL's pages are the server's: no client writes them
	var root int64
	var pageSize int64
	if err := l.db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = ?`, table).Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := l.db.QueryRow(`PRAGMA page_size`).Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	path := l.Path()
	l.Close() // checkpoints the journal into the file
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	garbage := bytes.Repeat([]byte{0xA5, 0x5A, 0xFF, 0x00, 0x13}, int(pageSize)/5)
	if _, err := f.WriteAt(garbage[:pageSize-8], (root-1)*pageSize+8); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func reopen(t *testing.T, path string, keys BenchKeys) *Ledger {
	t.Helper()
	l, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	l.SetBenchKeys(keys)
	t.Cleanup(func() { l.Close() })
	return l
}

func TestDamagedViewIsFoundAndRepaired(t *testing.T) {
	ctx := context.Background()
	l := busyLedger(t)
	before := dump(t, l)
	keys := l.keys
	l = reopen(t, damagePage(t, l, "units"), keys)
	if _, err := l.ListUnits(ctx, ListFilter{}); !errors.Is(l.Explain(err), ErrDamaged) {
		t.Fatalf("unit list on a damaged view: %v", err)
	}
	_, err := l.Verify(ctx)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "views are damaged (units") ||
		!strings.Contains(err.Error(), "its events are intact") {
		t.Fatalf("Verify = %v, want the units view named as damaged", err)
	}
	res, err := l.CheckedRebuild(ctx, false)
	if err != nil {
		t.Fatalf("CheckedRebuild = %v", err)
	}
	if !strings.Contains(res.Repaired, "units") || res.Units != 32 {
		t.Errorf("rebuild = %+v", res)
	}
	if _, err := l.Verify(ctx); err != nil {
		t.Fatalf("Verify after the repair = %v", err)
	}
	if after := dump(t, l); after != before {
		t.Errorf("repaired views differ:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if _, err := l.Note(ctx, cam, "HAND2", "after the repair"); err != nil {
		t.Errorf("write after the repair: %v", err)
	}
}

func TestDamagedEventsAreNotRebuiltFrom(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	addUnit(t, l, "E1")
	addUnit(t, l, "E2")
	keys := l.keys
	path := damagePage(t, l, "events")
	before, _ := os.ReadFile(path)
	l = reopen(t, path, keys)
	if _, err := l.Verify(ctx); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "damaged beyond its views (events") {
		t.Fatalf("Verify = %v, want damaged events", err)
	}
	for _, force := range []bool{false, true} {
		if _, err := l.CheckedRebuild(ctx, force); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "restore the ledger from a backup") {
			t.Errorf("CheckedRebuild(force=%v) = %v, want a refusal", force, err)
		}
	}
	l.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused rebuild changed the file")
	}
}

// A rebuild cut short between its two transactions leaves no views: said
// as such, and the next rebuild makes them again.
func TestMissingViewsAreRebuilt(t *testing.T) {
	ctx := context.Background()
	// On PostgreSQL a rebuild is one transaction: no crash leaves it
	// without views (and Explain's message is tested in pg_test.go).
	sqliteOnly(t)
	l := busyLedger(t)
	before := dump(t, l)
	if _, err := l.db.Exec(`DROP TABLE units`); err != nil {
		t.Fatal(err)
	}
	_, err := l.ListUnits(ctx, ListFilter{})
	if err = l.Explain(err); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "has lost its views") {
		t.Fatalf("unit list without views: %v", err)
	}
	if _, err := l.CheckedRebuild(ctx, false); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, l); after != before {
		t.Error("views differ after the rebuild")
	}
}
