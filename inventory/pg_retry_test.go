package inventory

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"testing"
	"time"
)

// A serialization failure or a deadlock (SQLSTATE 40001, 40P01) is retried
// on PostgreSQL: by an ordinary write and by a merge (a push to the hub).
// The failure is real, raised by the server from a trigger on events for
// the first n inserts (a sequence counts them: it is not rolled back with
// the failed transaction).

func failEventInserts(t *testing.T, l *Ledger, code string, n int) {
	t.Helper()
	db := rawDB(t, l)
	script := fmt.Sprintf(`CREATE SEQUENCE test_fail_count;
CREATE FUNCTION test_fail_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF nextval('test_fail_count') <= %d THEN
    RAISE EXCEPTION 'simulated conflict' USING ERRCODE = '%s';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER test_fail_first BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION test_fail_first();`, n, code)
	if _, err := db.Exec(script); err != nil {
		t.Fatal(err)
	}
}

func pgCount(t *testing.T, l *Ledger, q string, args ...any) int {
	t.Helper()
	var n int
	if err := l.db.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPGWriteRetriesSerializationFailure(t *testing.T) {
	ctx := context.Background()
	for _, code := range []string{"40001", "40P01"} {
		l := newLedgerAt(t, freshPG(t))
		failEventInserts(t, l, code, 2)
		u := addUnit(t, l, "RETRY-"+code)
		if n := pgCount(t, l, `SELECT COUNT(*) FROM events WHERE unit_id = ?`, u.ID); n != 1 {
			t.Fatalf("%s: %d events for the unit, want 1", code, n)
		}
		if n := pgCount(t, l, `SELECT last_value FROM test_fail_count`); n != 3 {
			t.Fatalf("%s: %d attempts, want 3", code, n)
		}
		if _, err := l.Verify(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// A conflict that never ends is given up after a few tries, writing nothing.
	l := newLedgerAt(t, freshPG(t))
	failEventInserts(t, l, "40001", 1000)
	if _, err := l.AddUnit(ctx, cam, NewUnit{Serial: "NEVER", Model: "x"}); err == nil {
		t.Fatal("a write that always conflicts succeeded")
	}
	if n := pgCount(t, l, `SELECT COUNT(*) FROM units`); n != 0 {
		t.Fatalf("%d units after a failed write", n)
	}
}

// A push merged by the hub meets a serialization failure: retried from the
// start of the bundle, merged once.
func TestPGMergeRetriesSerializationFailure(t *testing.T) {
	ctx := context.Background()
	b := newSite(t, "atelier-2", "B", time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC))
	addUnit(t, b.l, "SN1")
	addUnit(t, b.l, "SN2")
	var bundle bytes.Buffer
	if _, err := b.l.Export(ctx, &bundle, map[string]int64{}, b.key); err != nil {
		t.Fatal(err)
	}
	path := freshPG(t)
	if _, err := Init(ctx, path, InitOptions{Bench: "hub", Letter: "H"}); err != nil {
		t.Fatal(err)
	}
	h, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	_, hk, _ := ed25519.GenerateKey(rand.Reader)
	h.SetBenchKeys(BenchKeys{Signer: func() (crypto.Signer, error) { return hk, nil }, Public: hk.Public().(ed25519.PublicKey)})
	if _, err := h.EnrolBench(ctx, cam, "atelier-2", b.pub(), "B"); err != nil {
		t.Fatal(err)
	}
	before := pgCount(t, h, `SELECT COUNT(*) FROM events`)
	failEventInserts(t, h, "40001", 1)
	res, err := h.Import(ctx, bytes.NewReader(bundle.Bytes()), ImportOptions{})
	if err != nil {
		t.Fatalf("merge after one serialization failure: %v", err)
	}
	if res.Events != 2 || pgCount(t, h, `SELECT COUNT(*) FROM events`) != before+2 {
		t.Fatalf("merge = %+v", res)
	}
	if _, err := h.Verify(ctx); err != nil {
		t.Fatal(err)
	}
}
