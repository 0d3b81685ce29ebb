package inventory

import (
	"context"
	"errors"
	"math/rand"
	"strings"
	"testing"
)

// unit list --state S on PostgreSQL reads the documents from the covering
// index units_list alone, in the list's order: no table page, no sort. (It
// read one table page per listed unit, then sorted them: at 100,000 units,
// most of the command's time.) The table is tiny here, so the planner is
// told to leave sequential and bitmap scans aside; what it may not do is
// sort, or visit the table.
func TestPGListByStateReadsOneIndex(t *testing.T) {
	l := newLedgerAt(t, freshPG(t))
	for _, s := range []string{"IDX1", "IDX2", "IDX3"} {
		addUnit(t, l, s)
	}
	ctx := context.Background()
	if _, err := l.db.ExecContext(ctx, `VACUUM ANALYZE units`); err != nil {
		t.Fatal(err)
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, set := range []string{`SET LOCAL enable_seqscan = off`, `SET LOCAL enable_bitmapscan = off`} {
		if _, err := tx.ExecContext(ctx, set); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := tx.QueryContext(ctx, `EXPLAIN `+pgListByStateQuery(0), "received")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan strings.Builder
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(line + "\n")
	}
	p := plan.String()
	if !strings.Contains(p, "Index Only Scan using units_list on units") || strings.Contains(p, "Sort") {
		t.Fatalf("unit list --state does not read the covering index alone:\n%s", p)
	}
}

// A unit whose document is longer than the covering index takes (the
// DSI's texts have no bound; an index entry over ~2,700 bytes would make
// PostgreSQL refuse the unit's row) is listed in its place on both
// engines: the list then reads the table for that state.
// (Identifiers stop at MaxIdentifier characters: three of them written in
// a script of 3-byte characters make a document of more than 2,300 bytes.)
func TestListLongDocumentInItsPlace(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	r := rand.New(rand.NewSource(1))
	field := func() string { // characters at random: no compression brings the document under pgListDocMax
		var b strings.Builder
		for i := 0; i < MaxIdentifier; i++ {
			b.WriteRune(rune(0x4E00 + r.Intn(20000)))
		}
		return b.String()
	}
	long := field()
	a := addUnit(t, l, "LONG1")
	b, err := l.AddUnit(ctx, cam, NewUnit{Serial: "LONG2", Vendor: field(), Model: long, Name: field()})
	if err != nil {
		t.Fatalf("a unit with three %d-character fields: %v", MaxIdentifier, err)
	}
	c := addUnit(t, l, "LONG3")
	ids := func(f ListFilter) string {
		us, err := l.ListUnits(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range us {
			if u.ID == b.ID && u.Model != string(long) {
				t.Errorf("%s listed with a model of %d bytes, want %d", u.ID, len(u.Model), len(long))
			}
			out = append(out, u.ID)
		}
		return strings.Join(out, " ")
	}
	if got, want := ids(ListFilter{State: "received"}), a.ID+" "+b.ID+" "+c.ID; got != want {
		t.Errorf("unit list --state received = %s, want %s", got, want)
	}
	if got, want := ids(ListFilter{State: "received", Limit: 2}), a.ID+" "+b.ID; got != want {
		t.Errorf("first two = %s, want %s", got, want)
	}
	for _, u := range []Unit{a, c} {
		if _, err := l.Move(ctx, cam, u.ID, Recycled, MoveOptions{Reason: "broken", NoDisk: true}); err != nil {
			t.Fatal(err)
		}
	}
	if got := ids(ListFilter{State: "received"}); got != b.ID {
		t.Errorf("a state holding only the long one lists %q, want %s", got, b.ID)
	}
	if got, want := ids(ListFilter{State: "recycled"}), a.ID+" "+c.ID; got != want {
		t.Errorf("unit list --state recycled = %s, want %s", got, want)
	}
}

// Opening a PostgreSQL ledger already at this binary's schema is one
// statement (version, schema, meta), where it was four round trips; any
// other ledger takes the long way, which still says why it cannot open.
func TestPGOpenCurrentInOneStatement(t *testing.T) {
	l := newLedgerAt(t, freshPG(t))
	ctx := context.Background()
	m := &Ledger{db: l.db, eng: pgEngine{}}
	if !m.pgOpenCurrent(ctx) || m.prefix != l.prefix || m.bench != l.bench || m.letter != l.letter {
		t.Fatalf("current ledger: prefix %q bench %q letter %q, want %q %q %q",
			m.prefix, m.bench, m.letter, l.prefix, l.bench, l.letter)
	}
	if _, err := l.db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	if (&Ledger{db: l.db, eng: pgEngine{}}).pgOpenCurrent(ctx) {
		t.Error("a ledger of a newer schema taken as current")
	}
	if _, err := Open(ctx, l.src); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("Open of a newer schema = %v, want %v", err, ErrNewerSchema)
	}
}
