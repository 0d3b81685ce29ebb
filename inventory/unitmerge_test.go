package inventory

import (
	"context"
	"errors"
	"testing"
	"time"
)

// twins: B and C register the same machine before they sync, and both
// pull both intakes through the hub.
func twins(t *testing.T) (b, c, h *site, ub, uc Unit) {
	t.Helper()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	b = newSite(t, "atelier-2", "B", now)
	c = newSite(t, "atelier-3", "C", now.Add(time.Minute))
	h = newHub(t, b, c)
	ub = addUnit(t, b.l, "SAME-1")
	uc = addUnit(t, c.l, "SAME-1")
	mustMove(t, c.l, uc.ID, Triaged, MoveOptions{})
	syncVia(t, b, h)
	syncVia(t, c, h)
	syncVia(t, h, b)
	syncVia(t, h, c)
	return b, c, h, ub, uc
}

func listed(t *testing.T, l *Ledger) []Unit {
	t.Helper()
	us, err := l.ListUnits(context.Background(), ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return us
}

// The same machine at two benches is one unit after `unit merge`: the
// conflict resolved, the other unit out of the lists but its history
// kept, every ledger the same after a sync, and a rebuild agrees.
func TestUnitMergeMakesOneUnit(t *testing.T) {
	ctx := context.Background()
	b, c, h, ub, uc := twins(t)
	cs, _ := h.l.Conflicts(ctx, false)
	if len(cs) != 1 || cs[0].Reason != ConflictSerial {
		t.Fatalf("conflicts before the merge: %+v", cs)
	}
	// Keep C's unit, which went further.
	m, err := b.l.MergeUnits(ctx, cam, uc.ID, ub.ID, "one PC, two labels")
	if err != nil {
		t.Fatal(err)
	}
	if m.Keep != uc.ID || m.Other != ub.ID || m.Resolved != cs[0].Event {
		t.Fatalf("merge = %+v", m)
	}
	syncVia(t, b, h)
	syncVia(t, h, c)
	for _, s := range []*site{b, c, h} {
		l := s.l
		if open, _ := l.Conflicts(ctx, false); len(open) != 0 {
			t.Fatalf("%s: open conflicts %+v", l.BenchName(), open)
		}
		us := listed(t, l)
		if len(us) != 1 || us[0].ID != uc.ID {
			t.Fatalf("%s: listed %+v", l.BenchName(), us)
		}
		if u, err := l.FindUnit(ctx, "SAME-1"); err != nil || u.ID != uc.ID {
			t.Fatalf("%s: the serial finds %+v, %v", l.BenchName(), u, err)
		}
		if u, err := l.FindUnit(ctx, ub.ID); err != nil || u.MergedInto != uc.ID {
			t.Fatalf("%s: the merged unit %+v, %v", l.BenchName(), u, err)
		}
		if _, err := l.Move(ctx, cam, ub.ID, Triaged, MoveOptions{}); !errors.Is(err, ErrRefused) {
			t.Fatalf("%s: a move of the merged unit: %v", l.BenchName(), err)
		}
		checkHub(t, l)
	}
	if state(t, b.l) != state(t, h.l) || state(t, c.l) != state(t, h.l) {
		t.Fatal("the ledgers differ after the syncs")
	}
}

// B merges C's unit into its own while C merges B's into its own, apart:
// in any order of merges, one of the two stays listed, the later pair is
// listed as conflicts on both units, and a rebuild agrees.
func TestOppositeMergesApart(t *testing.T) {
	ctx := context.Background()
	b, c, h, ub, uc := twins(t)
	if _, err := b.l.MergeUnits(ctx, cam, ub.ID, uc.ID, "B keeps its own"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.l.MergeUnits(ctx, cam, uc.ID, ub.ID, "C keeps its own"); err != nil {
		t.Fatal(err)
	}
	// And C, not knowing, moves B's unit (merged on B's side).
	bb, cb := b.bundle(t, h), c.bundle(t, h)
	base := h.bundle(t, nil)
	var want string
	for i, order := range [][][]byte{{bb, cb}, {cb, bb}} {
		x := newSite(t, "audit", "", time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC))
		x.merge(t, base)
		for _, bu := range order {
			x.merge(t, bu)
		}
		got := checkHub(t, x.l)
		us := listed(t, x.l)
		if len(us) != 1 || us[0].ID != uc.ID && us[0].ID != ub.ID {
			t.Fatalf("order %d: listed %+v", i, us)
		}
		merged := 0
		cs, _ := x.l.Conflicts(ctx, false)
		for _, c := range cs {
			if c.Reason == ConflictMerged {
				merged++
			}
		}
		if merged != 2 {
			t.Fatalf("order %d: conflicts %+v", i, cs)
		}
		if i == 0 {
			want = got
		} else if got != want {
			t.Fatalf("orders differ:\n%s\n---\n%s", want, got)
		}
	}
}

// A bench that did not know of the merge moves the merged unit: the move
// is a conflict, the merged unit stays out of the lists.
func TestMoveOfAMergedUnitIsAConflict(t *testing.T) {
	ctx := context.Background()
	b, c, h, ub, uc := twins(t)
	if _, err := b.l.MergeUnits(ctx, cam, ub.ID, uc.ID, "same PC"); err != nil {
		t.Fatal(err)
	}
	mustMove(t, c.l, uc.ID, Recycled, MoveOptions{NoDisk: true}) // C has not synced since
	syncVia(t, c, h)
	syncVia(t, b, h)
	cs, _ := h.l.Conflicts(ctx, false)
	if len(cs) != 1 || cs[0].Reason != ConflictMerged || cs[0].Unit != uc.ID || cs[0].Bench != "atelier-3" {
		t.Fatalf("conflicts %+v", cs)
	}
	if us := listed(t, h.l); len(us) != 1 || us[0].ID != ub.ID {
		t.Fatalf("listed %+v", us)
	}
	checkHub(t, h.l)
}

func TestUnitMergeRefusals(t *testing.T) {
	ctx := context.Background()
	b, _, _, ub, uc := twins(t)
	other := addUnit(t, b.l, "OTHER-1")
	for _, tc := range []struct {
		keep, other, reason string
		want                error
	}{
		{uc.ID, ub.ID, "", ErrInvalidInput},
		{ub.ID, ub.ID, "x", ErrInvalidInput},
		{ub.ID, other.ID, "x", ErrRefused},
	} {
		if _, err := b.l.MergeUnits(ctx, cam, tc.keep, tc.other, tc.reason); !errors.Is(err, tc.want) {
			t.Errorf("merge %s %s %q: %v, want %v", tc.keep, tc.other, tc.reason, err, tc.want)
		}
	}
	// The unit that left is the one to keep.
	mustMove(t, b.l, ub.ID, Recycled, MoveOptions{NoDisk: true})
	if _, err := b.l.MergeUnits(ctx, cam, uc.ID, ub.ID, "x"); !errors.Is(err, ErrRefused) {
		t.Fatalf("merging away a unit that left: %v", err)
	}
	if _, err := b.l.MergeUnits(ctx, cam, ub.ID, uc.ID, "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.l.MergeUnits(ctx, cam, ub.ID, uc.ID, "again"); !errors.Is(err, ErrRefused) {
		t.Fatalf("merging twice: %v", err)
	}
}

// A replay of one unit of a duplicate serial (an older event arriving)
// kept flagging the other unit's intake afresh: its resolution was lost.
func TestReplayKeepsTheSerialConflictResolved(t *testing.T) {
	ctx := context.Background()
	b, c, h, ub, _ := twins(t)
	mustMove(t, c.l, ub.ID, Triaged, MoveOptions{}) // C's clock is ahead
	syncVia(t, c, h)
	cs, _ := h.l.Conflicts(ctx, false)
	if len(cs) != 1 {
		t.Fatalf("conflicts %+v", cs)
	}
	if _, err := h.l.ResolveConflict(ctx, cam, cs[0].Event, "two PCs, one serial sticker copied"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.l.Note(ctx, cam, ub.ID, "keyboard missing"); err != nil { // older than C's move
		t.Fatal(err)
	}
	mustMove(t, b.l, ub.ID, Recycled, MoveOptions{NoDisk: true})
	if res := h.merge(t, b.bundle(t, h)); res.Replayed == 0 {
		t.Fatalf("no replay: %+v", res)
	}
	for _, c := range mustConflicts(t, h.l) {
		if c.Reason == ConflictSerial && c.Resolved == "" {
			t.Fatalf("the resolved serial conflict was reopened: %+v", c)
		}
	}
	checkHub(t, h.l)
}

func mustConflicts(t *testing.T, l *Ledger) []Conflict {
	t.Helper()
	cs, err := l.Conflicts(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// The merge rules as a property: benches merge units, undo merged moves
// and act on them apart; any order of the same bundles gives the same
// ledger, which a checked rebuild gives again.
func TestAnyOrderWithUnitMergesAndUndos(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	b := newSite(t, "atelier-2", "B", now)
	c := newSite(t, "atelier-3", "C", now.Add(time.Minute))
	d := newSite(t, "atelier-4", "D", now.AddDate(-2, 0, 0)) // two years behind
	h := newHub(t, b, c, d)
	b1 := addUnit(t, b.l, "SAME-1")
	b2 := addUnit(t, b.l, "U-2")
	mustMove(t, b.l, b2.ID, Triaged, MoveOptions{})
	c1 := addUnit(t, c.l, "SAME-1")
	syncVia(t, b, h)
	syncVia(t, c, h)
	for _, s := range []*site{b, c, d} {
		syncVia(t, h, s)
	}
	// Apart.
	if _, err := d.l.MergeUnits(ctx, cam, b1.ID, c1.ID, "one PC"); err != nil {
		t.Fatal(err)
	}
	mustMove(t, c.l, b2.ID, Recycled, MoveOptions{NoDisk: true})
	if _, _, err := b.l.Undo(ctx, cam, b2.ID, "not triaged yet"); err != nil {
		t.Fatal(err)
	}
	mustMove(t, c.l, c1.ID, Recycled, MoveOptions{NoDisk: true})
	bundles := [][]byte{h.bundle(t, nil), b.bundle(t, nil), c.bundle(t, nil), d.bundle(t, nil)}
	var want string
	for round := 0; round < 10; round++ {
		x := newSite(t, "audit", "", now)
		for _, i := range perm(t, len(bundles)) {
			x.merge(t, bundles[i])
		}
		got := checkHub(t, x.l)
		if round == 0 {
			want = got
			// D's merge came first (causal ids, whatever its clock): C's
			// move of the merged unit is listed; B's undo came before C's
			// recycle (C's clock is ahead), which is listed.
			if u, _ := x.l.FindUnit(ctx, c1.ID); u.MergedInto != b1.ID {
				t.Fatalf("c1 = %+v", u)
			}
			reasons := map[string]string{}
			for _, c := range mustConflicts(t, x.l) {
				reasons[c.Unit+" "+c.Kind] = c.Reason
			}
			if reasons[c1.ID+" moved"] != ConflictMerged || reasons[b2.ID+" moved"] != ConflictDiverged {
				t.Fatalf("conflicts %v", reasons)
			}
			continue
		}
		if got != want {
			t.Fatalf("round %d: another order gave another ledger:\n%s\n---\n%s", round, want, got)
		}
	}
}
