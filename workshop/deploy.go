package workshop

import (
	"context"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/wipe"
	"github.com/pcsolidaire/atelier/inventory"
)

// DeployLedger is what a deploy asks of the ledger before writing;
// *inventory.Ledger has it, and workflow tests pass a fake.
type DeployLedger interface {
	FindUnitByDiskSerial(ctx context.Context, serial string) (inventory.Unit, bool, error)
	CheckDeployTarget(ctx context.Context, unitID, diskSerial string) error
	LastWipe(ctx context.Context, unitID, diskSerial string) (inventory.WipeOutcome, bool, error)
	WrittenSinceWipe(ctx context.Context, unitID, diskSerial string) (bool, error)
}

// DeployTarget names the target disk as the ledger does and settles which
// unit the deploy belongs to: unit (--unit) when given, else the unit that
// has this disk (found by itself, as wipe does), else none (the deploy
// goes on, not recorded). With a unit, the disk must be one of its disks
// with a passed erasure: an image written onto any other disk would ship
// whatever that disk held beyond the image. found says the unit was found
// by the disk rather than given.
func DeployTarget(ctx context.Context, l DeployLedger, unit *inventory.Unit, d imaging.BlockDevice) (disk string, u *inventory.Unit, found bool, err error) {
	disk, u = d.Identity(), unit
	if u == nil {
		got, ok, err := l.FindUnitByDiskSerial(ctx, disk)
		if err != nil {
			return disk, nil, false, err
		}
		if !ok {
			return disk, nil, false, nil
		}
		u, found = &got, true
	}
	return disk, u, found, l.CheckDeployTarget(ctx, u.ID, disk)
}

// ZeroWiped says whether the ledger proves the disk holds only zeros: its
// last wipe passed with the zero pattern and no deploy has started on it
// since (a deploy killed half-way leaves its start event, and data). A
// deploy may then skip the image's zero blocks.
func ZeroWiped(ctx context.Context, l DeployLedger, unitID, disk string) bool {
	if unitID == "" || disk == "" {
		return false
	}
	w, ok, err := l.LastWipe(ctx, unitID, disk)
	if err != nil || !ok || w.Status != inventory.ErasurePassed || w.Pattern != wipe.PatternZero {
		return false
	}
	written, err := l.WrittenSinceWipe(ctx, unitID, disk)
	return err == nil && !written
}
