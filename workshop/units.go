package workshop

import (
	"context"
	"strings"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/blockdev"
	"github.com/pcsolidaire/atelier/inventory"
)

// UnitLedger is what finding a wipe's units asks of the ledger;
// *inventory.Ledger has it, and workflow tests pass a fake.
type UnitLedger interface {
	FindUnit(ctx context.Context, ref string) (inventory.Unit, error)
	FindUnitByDiskSerial(ctx context.Context, serial string) (inventory.Unit, bool, error)
	DiskHandedOver(ctx context.Context, unitID, serial string) ([]string, error)
}

// DiskUnit is the unit one disk of a wipe will be recorded on, and what
// the operator must hear about it before anything is written.
type DiskUnit struct {
	Disk string          // the disk's identity (blockdev.Identity)
	Unit *inventory.Unit // nil: a loose disk, wiped and certified, not recorded
	// NoSerial: the disk is filed under a stand-in identity, which two
	// identical serial-less disks would share.
	NoSerial bool
	// HandedOver are the other units, handed over to a beneficiary, the
	// disk is recorded on: filing it under Unit needs the operator's word.
	HandedOver []string
}

// ResolveUnits finds each disk's unit: ref (--unit) for all, else the unit
// whose probe recorded the disk under the same identity (serial, loop
// backing file or the no-serial stand-in). No unit is not an error: the
// bench often wipes loose donated disks.
func ResolveUnits(ctx context.Context, l UnitLedger, ref string, disks []imaging.BlockDevice) ([]DiskUnit, error) {
	var unit *inventory.Unit
	if ref != "" {
		u, err := l.FindUnit(ctx, ref)
		if err != nil {
			return nil, err
		}
		unit = &u
	}
	out := make([]DiskUnit, len(disks))
	for i, d := range disks {
		id := d.Identity()
		du := DiskUnit{Disk: id, Unit: unit, NoSerial: strings.HasPrefix(id, blockdev.NoSerialPrefix)}
		if unit == nil {
			u, ok, err := l.FindUnitByDiskSerial(ctx, id)
			if err != nil {
				return nil, err
			}
			if ok {
				du.Unit = &u
			}
		}
		if du.Unit != nil {
			held, err := l.DiskHandedOver(ctx, du.Unit.ID, id)
			if err != nil {
				return nil, err
			}
			du.HandedOver = held
		}
		out[i] = du
	}
	return out, nil
}
