package inventory

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func newKey(t *testing.T) ed25519.PublicKey {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// newLetterLedger is a fresh ledger whose bench gives ids with letter.
func newLetterLedger(t testing.TB, bench, letter string) *Ledger {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ledger.db")
	if _, err := Init(ctx, path, InitOptions{Bench: bench, Letter: letter}); err != nil {
		t.Fatal(err)
	}
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	clock := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	l.SetClock(func() time.Time { clock = clock.Add(time.Second); return clock })
	return l
}

func TestEnrolListRevoke(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	kb, kc := newKey(t), newKey(t)
	b, err := l.EnrolBench(ctx, cam, "atelier-2", kb, "b")
	if err != nil {
		t.Fatal(err)
	}
	if b.Letter != "B" || b.Fingerprint != KeyFingerprint(kb) || b.Revoked() {
		t.Fatalf("enrolled = %+v", b)
	}
	for _, tc := range []struct {
		name   string
		key    ed25519.PublicKey
		letter string
		want   string
	}{
		{"ATELIER-2", kc, "C", "bench.exists"},
		{"atelier-3", kb, "C", "bench.keyexists"},
		{"atelier-3", kc, "B", "bench.lettertaken"},
		{"atelier-3", kc, "B1", "bench.badletter"},
		{"bench-1", kc, "C", "bench.self"},
		{"a b", kc, "C", "bench.badname"},
		{"atelier-3", kc[:10], "C", "bench.badkey"},
	} {
		_, err := l.EnrolBench(ctx, cam, tc.name, tc.key, tc.letter)
		var e *Error
		if !errors.As(err, &e) || e.Key != tc.want {
			t.Errorf("enrol %s/%s = %v, want %s", tc.name, tc.letter, err, tc.want)
		}
	}
	// The empty letter is a letter too: only one bench may go without.
	if _, err := l.EnrolBench(ctx, cam, "old-bench", kc, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := l.EnrolBench(ctx, cam, "other", newKey(t), ""); err == nil {
		t.Fatal("a second bench without a letter was enrolled")
	}
	if _, err := l.RevokeBench(ctx, cam, "atelier-2"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.RevokeBench(ctx, cam, "atelier-2"); err == nil {
		t.Fatal("revoked twice")
	}
	if _, err := l.RevokeBench(ctx, cam, "nobody"); !errors.Is(err, ErrUnknownBench) {
		t.Fatalf("revoke unknown = %v", err)
	}
	// A revoked bench keeps its letter: its units carry it.
	if _, err := l.EnrolBench(ctx, cam, "atelier-9", newKey(t), "B"); err == nil {
		t.Fatal("a revoked bench's letter was given again")
	}
	before, err := l.Benches(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) != 2 || before[0].Name != "atelier-2" || !before[0].Revoked() || before[1].Revoked() {
		t.Fatalf("benches = %+v", before)
	}
	// The registry is a projection: a rebuild gives it back the same.
	if _, err := l.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := l.Benches(ctx)
	if len(after) != 2 || !after[0].RevokedAt.Equal(*before[0].RevokedAt) || after[1].Fingerprint != before[1].Fingerprint {
		t.Fatalf("after rebuild = %+v, want %+v", after, before)
	}
}

func TestOwnLetterTakenOnceUsed(t *testing.T) {
	ctx := context.Background()
	l := newLetterLedger(t, "hub", "H")
	// A hub that registered no unit leaves its letter free...
	if _, err := l.EnrolBench(ctx, cam, "a", newKey(t), "H"); err != nil {
		t.Fatal(err)
	}
	l2 := newLetterLedger(t, "hub", "H")
	addUnit(t, l2, "SN1")
	// ...one that did keeps it.
	if _, err := l2.EnrolBench(ctx, cam, "a", newKey(t), "H"); err == nil {
		t.Fatal("the hub's own letter was given to a bench")
	}
}

func TestLetterUnitIDs(t *testing.T) {
	ctx := context.Background()
	l := newLetterLedger(t, "atelier-2", "B")
	u1 := addUnit(t, l, "SN1")
	u2 := addUnit(t, l, "SN2")
	if u1.ID != "PCS-26-B0001" || u2.ID != "PCS-26-B0002" {
		t.Fatalf("ids = %s, %s", u1.ID, u2.ID)
	}
	if got, err := l.FindUnit(ctx, "pcs-26-b0002"); err != nil || got.Serial != "SN2" {
		t.Fatalf("find = %+v, %v", got, err)
	}
	if UnitIDLetter(u1.ID) != "B" || UnitIDLetter("PCS-26-0042") != "" {
		t.Fatal("UnitIDLetter")
	}
	if y, n := splitUnitID("PCS-26-BE0042"); y != 26 || n != 42 {
		t.Fatalf("split = %d, %d", y, n)
	}
}

// A ledger without a letter keeps its ids; one given later starts its own
// series, and ids of other letters in the ledger never move it.
func TestLetterGivenLaterKeepsOldIDs(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "ledger.db")
	if _, err := Init(ctx, path, InitOptions{Bench: "b"}); err != nil {
		t.Fatal(err)
	}
	l, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	old := addUnit(t, l, "SN1")
	l.Close()
	if old.ID[len(old.ID)-5:] != "-0001" {
		t.Fatalf("old id %s", old.ID)
	}
	if _, err := Init(ctx, path, InitOptions{Letter: "C"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Init(ctx, path, InitOptions{Letter: "D"}); err != nil {
		t.Fatal(err)
	}
	l, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.Letter() != "C" {
		t.Fatalf("letter = %q, want C (chosen once)", l.Letter())
	}
	u := addUnit(t, l, "SN2")
	if UnitIDLetter(u.ID) != "C" || u.ID[len(u.ID)-4:] != "0001" {
		t.Fatalf("new id %s", u.ID)
	}
	if got, _ := l.FindUnit(ctx, old.ID); got.Serial != "SN1" {
		t.Fatal("old id lost")
	}
}
