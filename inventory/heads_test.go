package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestVerifyDetectsRemovedNewestEvents(t *testing.T) {
	ctx := context.Background()
	l := busyLedger(t)
	var lastID string
	l.db.QueryRow(`SELECT id FROM events WHERE bench_seq = (SELECT MAX(bench_seq) - 1 FROM events)`).Scan(&lastID)
	for _, q := range []string{dropTrigger(l, "events_no_update", "events"), dropTrigger(l, "events_no_delete", "events"),
		`DELETE FROM events WHERE bench_seq = (SELECT MAX(bench_seq) FROM events)`,
		refuseTrigger(l, "events_no_delete", "DELETE", "events"),
		refuseTrigger(l, "events_no_update", "UPDATE", "events")} {
		if _, err := l.db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	res, err := l.Verify(ctx)
	if !errors.Is(err, ErrChainBroken) || !strings.Contains(err.Error(), "the newest events were removed") {
		t.Fatalf("Verify after removing the last event = %v", err)
	}
	if res.FirstBad != lastID {
		t.Errorf("first bad %q, want the last event left %q", res.FirstBad, lastID)
	}
	// Writing on top would hide the removal: refused.
	if _, err := l.Note(ctx, cam, "HAND1", "hello"); !errors.Is(err, ErrChainBroken) {
		t.Errorf("append on a truncated chain: %v", err)
	}
	if _, err := l.CheckedRebuild(ctx, false); !errors.Is(err, ErrChainBroken) {
		t.Errorf("rebuild of a broken chain: %v", err)
	}
	if _, err := l.CheckedRebuild(ctx, true); err != nil {
		t.Errorf("rebuild --force: %v", err)
	}
}

func TestVerifyReportsARemovedTrigger(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	addUnit(t, l, "S1")
	if _, err := l.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := l.db.Exec(dropTrigger(l, "events_no_update", "events")); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Verify(ctx); !errors.Is(err, ErrChainBroken) || !strings.Contains(err.Error(), "events_no_update was removed") {
		t.Fatalf("Verify without a trigger = %v", err)
	}
	// Heads cannot be rewound nor removed while the triggers stand.
	if _, err := l.db.Exec(`UPDATE bench_heads SET seq = seq - 1`); err == nil {
		t.Error("a head was rewound")
	}
	if _, err := l.db.Exec(`DELETE FROM bench_heads`); err == nil {
		t.Error("a head was removed")
	}
}

func TestMigrationRecordsTheHeadsOfAnOldLedger(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	keys := l.keys
	plain := &Ledger{db: l.db, path: l.path, eng: l.eng, prefix: l.prefix, bench: l.bench, now: l.now, entropy: newEntropy()}
	if _, err := plain.AddUnit(ctx, cam, NewUnit{Serial: "S1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := plain.AddUnit(ctx, cam, NewUnit{Serial: "S2"}); err != nil {
		t.Fatal(err)
	}
	// Make it a schema-1 ledger again, as written before bench_heads.
	qs := []string{dropTrigger(l, "bench_heads_no_delete", "bench_heads"), dropTrigger(l, "bench_heads_no_rewind", "bench_heads"),
		dropTrigger(l, "bench_heads_keep_sig", "bench_heads"), `DROP TABLE bench_heads`, `DROP TABLE bench_keys`, `DROP TABLE benches`, `DROP TABLE conflicts`, `DROP TABLE hub_challenges`, `DROP INDEX units_state_num`,
		`DELETE FROM schema_migrations WHERE version >= 2`}
	for _, tbl := range append(paperTables, webTables...) { // made by later migrations
		qs = append(qs, `DROP TABLE `+tbl)
	}
	for _, q := range qs {
		if _, err := l.db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	for _, q := range undoUnitFind {
		if _, err := l.db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	path := l.src
	l.Close()
	m, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	m.SetBenchKeys(keys)
	// Migrated: the heads are recorded but nobody signed them yet. The
	// chain is consistent, and verify says "unsigned", not "intact".
	res, err := m.Verify(ctx)
	if !errors.Is(err, ErrUnsigned) || res.Events != 2 || len(res.Unsigned) != 1 {
		t.Fatalf("Verify after migration = %+v %v, want unsigned", res, err)
	}
	// The owning bench's next write signs its head.
	if _, err := m.Note(ctx, cam, "S1", "after the migration"); err != nil {
		t.Fatal(err)
	}
	if res, err := m.Verify(ctx); err != nil || res.Events != 3 || !res.Heads[0].Signed {
		t.Fatalf("Verify after a new event = %+v %v", res, err)
	}
}
