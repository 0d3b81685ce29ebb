package workshop

import (
	"context"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/inventory"
)

// fakeDeployLedger: one unit with one disk, its last wipe and whether a
// deploy started on it since.
type fakeDeployLedger struct {
	fakeLedger
	erased  map[string]bool // disk -> passed erasure on its unit
	last    map[string]inventory.WipeOutcome
	written map[string]bool
}

func (f fakeDeployLedger) CheckDeployTarget(_ context.Context, unitID, disk string) error {
	if !f.erased[disk] {
		return inventory.ErrRefused
	}
	return nil
}

func (f fakeDeployLedger) LastWipe(_ context.Context, unitID, disk string) (inventory.WipeOutcome, bool, error) {
	w, ok := f.last[disk]
	return w, ok, nil
}

func (f fakeDeployLedger) WrittenSinceWipe(_ context.Context, unitID, disk string) (bool, error) {
	return f.written[disk], nil
}

func TestDeployTargetAndZeroWiped(t *testing.T) {
	ctx := context.Background()
	u := inventory.Unit{ID: "PCS-26-0001"}
	l := fakeDeployLedger{
		fakeLedger: fakeLedger{units: map[string]inventory.Unit{u.ID: u}, byDisk: map[string]string{"WD-1": u.ID, "WD-2": u.ID}},
		erased:     map[string]bool{"WD-1": true},
		last: map[string]inventory.WipeOutcome{"WD-1": {Status: inventory.ErasurePassed, Pattern: wipe.PatternZero},
			"WD-2": {Status: inventory.ErasurePassed, Pattern: wipe.PatternRandom}},
	}
	disk, got, found, err := DeployTarget(ctx, l, nil, imaging.BlockDevice{Serial: "WD-1"})
	if err != nil || disk != "WD-1" || got == nil || got.ID != u.ID || !found {
		t.Fatalf("disk found on its unit: %q %+v %v %v", disk, got, found, err)
	}
	if _, _, _, err := DeployTarget(ctx, l, &u, imaging.BlockDevice{Serial: "WD-2"}); err == nil {
		t.Error("a disk without a passed erasure accepted")
	}
	if _, got, _, err := DeployTarget(ctx, l, nil, imaging.BlockDevice{Serial: "LOOSE"}); err != nil || got != nil {
		t.Errorf("loose disk: %+v %v", got, err)
	}
	if !ZeroWiped(ctx, l, u.ID, "WD-1") || ZeroWiped(ctx, l, u.ID, "WD-2") || ZeroWiped(ctx, l, "", "WD-1") {
		t.Error("zero wipe: only WD-1, wiped with zeros, may skip zero blocks")
	}
	l.written = map[string]bool{"WD-1": true}
	if ZeroWiped(ctx, l, u.ID, "WD-1") {
		t.Error("a deploy started since the wipe: the zeros are no longer proven")
	}
}
