package inventory

import (
	"context"
	"errors"
	"testing"
)

// Writes made inside a Batch check their rules as alone and are committed
// together; a refusal inside rolls back every write of the batch.
func TestBatchCommitsTogetherAndRollsBackTogether(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "SER1")
	n := countEvents(t, l)
	err := l.Batch(ctx, cam, func(bctx context.Context) error {
		if _, err := l.Note(bctx, Actor{Operator: "dominique"}, u.ID, "keyboard cleaned"); err != nil {
			return err
		}
		if countEvents(t, l) != n {
			t.Error("a batched write was visible before the batch ended")
		}
		_, err := l.Move(bctx, cam, u.ID, Ready, MoveOptions{})
		return err
	})
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("received -> ready inside a batch: %v, want the lifecycle refusal", err)
	}
	if countEvents(t, l) != n {
		t.Fatal("a refused batch left events behind")
	}
	err = l.Batch(ctx, cam, func(bctx context.Context) error {
		if _, err := l.Note(bctx, Actor{Operator: "dominique"}, u.ID, "keyboard cleaned"); err != nil {
			return err
		}
		_, err := l.Move(bctx, cam, u.ID, Recycled, MoveOptions{NoDisk: true, Reason: "no disk, broken"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := l.UnitEvents(ctx, u.ID)
	if len(evs) != 3 || evs[1].Operator != "dominique" || evs[2].Operator != "camille" {
		t.Fatalf("events %+v: want received, a note by dominique, a move by camille", evs)
	}
	if _, err := l.Verify(ctx); err != nil {
		t.Errorf("chain after a batch: %v", err)
	}
}
