package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// Undo meets the hub. The rules: an undo is an event like any other, so a
// bench may undo a move the hub already merged; on a merged ledger it applies
// only if the move it names is still the unit's last fact when it comes (in
// id order), else it is a conflict (undo_late), listed, never applied; and
// `unit undo` refuses while the unit has an open conflict on a move, which
// would make it unclear which move is undone.

// checkHub verifies and rebuilds l, which must give the same views.
func checkHub(t *testing.T, l *Ledger) string {
	t.Helper()
	ctx := context.Background()
	got := state(t, l)
	if _, err := l.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := l.CheckedRebuild(ctx, false); err != nil {
		t.Fatalf("%s: checked rebuild: %v", l.BenchName(), err)
	}
	if rebuilt := state(t, l); rebuilt != got {
		t.Fatalf("%s: views differ from a rebuild:\n%s\n---\n%s", l.BenchName(), got, rebuilt)
	}
	return got
}

// triagedOnTwoBenches sets the scene of these tests: benches B and C (C's
// clock cShift after B's), their hub, and a unit B registered and triaged,
// known to all three.
func triagedOnTwoBenches(t *testing.T, serial string, cShift time.Duration) (b, c, h *site, u Unit) {
	t.Helper()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	b = newSite(t, "atelier-2", "B", now)
	c = newSite(t, "atelier-3", "C", now.Add(cShift))
	h = newHub(t, b, c)
	u = addUnit(t, b.l, serial)
	mustMove(t, b.l, u.ID, Triaged, MoveOptions{})
	syncVia(t, b, h)
	syncVia(t, h, c)
	return b, c, h, u
}

// B undoes a move the hub merged and C acted on meanwhile: whichever came
// first (by id) stands, the other is a conflict, in any order of merges.
func TestUndoOfAMergedMoveAgainstAnotherBench(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name       string
		cShift     time.Duration // C's clock against B's
		wantState  State
		loserBench string
		reason     string
	}{
		// C recycles first: B's undo comes late and does not apply.
		{"recycle first", -time.Hour, Recycled, "atelier-2", ConflictUndoLate},
		// B undoes first: C's recycle starts from a state the unit left.
		{"undo first", time.Hour, Received, "atelier-3", ConflictDiverged},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, c, h, u := triagedOnTwoBenches(t, "SN-UNDO", tc.cShift+time.Minute)
			mustMove(t, c.l, u.ID, Recycled, MoveOptions{NoDisk: true})
			if _, _, err := b.l.Undo(ctx, cam, u.ID, "triaged by mistake"); err != nil {
				t.Fatal(err)
			}
			bb, cb := b.bundle(t, h), c.bundle(t, h)
			var want string
			for i, order := range [][][]byte{{bb, cb}, {cb, bb}} {
				x := newSite(t, "audit", "", now)
				x.merge(t, h.bundle(t, nil))
				for _, bu := range order {
					x.merge(t, bu)
				}
				got := checkHub(t, x.l)
				gu, err := x.l.FindUnit(ctx, u.ID)
				if err != nil || State(gu.State) != tc.wantState {
					t.Fatalf("order %d: unit %+v, %v; want %s", i, gu, err, tc.wantState)
				}
				cs, _ := x.l.Conflicts(ctx, false)
				if len(cs) != 1 || cs[0].Bench != tc.loserBench || cs[0].Reason != tc.reason {
					t.Fatalf("order %d: conflicts %+v", i, cs)
				}
				if i == 0 {
					want = got
				} else if got != want {
					t.Fatalf("orders differ:\n%s\n---\n%s", want, got)
				}
			}
		})
	}
}

// Two benches undo the same merged move while apart: the second undo is a
// conflict, not a second reversal, and the hub still verifies.
func TestTwoBenchesUndoTheSameMove(t *testing.T) {
	ctx := context.Background()
	b, c, h, u := triagedOnTwoBenches(t, "SN-TWICE", time.Minute)
	for _, s := range []*site{b, c} {
		if _, _, err := s.l.Undo(ctx, cam, u.ID, "not triaged yet"); err != nil {
			t.Fatal(err)
		}
	}
	h.merge(t, b.bundle(t, h))
	h.merge(t, c.bundle(t, h))
	checkHub(t, h.l)
	cs, _ := h.l.Conflicts(ctx, false)
	if len(cs) != 1 || cs[0].Bench != "atelier-3" || cs[0].Reason != ConflictUndoLate || cs[0].Kind != KindMoveUndone {
		t.Fatalf("conflicts %+v", cs)
	}
	if gu, _ := h.l.FindUnit(ctx, u.ID); State(gu.State) != Received {
		t.Fatalf("unit %s", gu.State)
	}
}

// A move that did not apply (a conflict) is not the move `unit undo`
// reverses: while the conflict is open the command refuses, naming it; once
// resolved, it undoes the move that did apply.
func TestUndoRefusedWhileAConflictIsOpen(t *testing.T) {
	ctx := context.Background()
	b, c, h, u := triagedOnTwoBenches(t, "SN-OPEN", time.Minute)
	mustMove(t, b.l, u.ID, Recycled, MoveOptions{NoDisk: true}) // first
	mustMove(t, c.l, u.ID, Parts, MoveOptions{NoDisk: true})    // later: a conflict
	h.merge(t, b.bundle(t, h))
	h.merge(t, c.bundle(t, h))
	syncVia(t, h, c)
	cs, _ := c.l.Conflicts(ctx, false)
	if len(cs) != 1 || cs[0].Wanted != Parts {
		t.Fatalf("conflicts on C: %+v", cs)
	}
	_, _, err := c.l.Undo(ctx, cam, u.ID, "parts by mistake")
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), cs[0].Event) {
		t.Fatalf("undo with an open conflict: %v", err)
	}
	if gu, _ := c.l.FindUnit(ctx, u.ID); State(gu.State) != Recycled {
		t.Fatalf("unit %s after a refused undo", gu.State)
	}
	if _, err := c.l.ResolveConflict(ctx, cam, cs[0].Event, "recycled indeed"); err != nil {
		t.Fatal(err)
	}
	// The resolution is a later fact on the unit: the recycle stands.
	if _, _, err := c.l.Undo(ctx, cam, u.ID, "x"); !errors.Is(err, ErrRefused) {
		t.Fatalf("undo after the resolution: %v", err)
	}
	checkHub(t, c.l)
}
