package workshop

import (
	"context"
	"errors"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/inventory"
)

// fakeLedger answers from maps: the workflow runs without a database,
// without root and without a disk.
type fakeLedger struct {
	units    map[string]inventory.Unit
	byDisk   map[string]string   // disk identity -> unit id
	handedOn map[string][]string // disk identity -> handed-over units
}

func (f fakeLedger) FindUnit(_ context.Context, ref string) (inventory.Unit, error) {
	u, ok := f.units[ref]
	if !ok {
		return u, inventory.ErrUnknownUnit
	}
	return u, nil
}

func (f fakeLedger) FindUnitByDiskSerial(_ context.Context, serial string) (inventory.Unit, bool, error) {
	id, ok := f.byDisk[serial]
	return f.units[id], ok, nil
}

func (f fakeLedger) DiskHandedOver(_ context.Context, unitID, serial string) ([]string, error) {
	var out []string
	for _, u := range f.handedOn[serial] {
		if u != unitID {
			out = append(out, u)
		}
	}
	return out, nil
}

func TestResolveUnits(t *testing.T) {
	ctx := context.Background()
	l := fakeLedger{
		units:    map[string]inventory.Unit{"PCS-26-0001": {ID: "PCS-26-0001"}, "PCS-26-0002": {ID: "PCS-26-0002"}},
		byDisk:   map[string]string{"WD-1": "PCS-26-0001", "noserial:generic_flash_disk:8000000000": "PCS-26-0002"},
		handedOn: map[string][]string{"WD-1": {"PCS-26-0001"}},
	}
	disks := []imaging.BlockDevice{
		{Path: "/dev/fakea", Serial: "WD-1", SizeBytes: 500e9},
		{Path: "/dev/fakeb", Model: "Generic Flash Disk", SizeBytes: 8e9},
		{Path: "/dev/fakec", Serial: "LOOSE-1", SizeBytes: 1e9},
	}
	got, err := ResolveUnits(ctx, l, "", disks)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Unit == nil || got[0].Unit.ID != "PCS-26-0001" || len(got[0].HandedOver) != 0 || got[0].NoSerial {
		t.Errorf("disk recorded on its own unit: %+v", got[0])
	}
	if got[1].Unit == nil || got[1].Unit.ID != "PCS-26-0002" || !got[1].NoSerial {
		t.Errorf("serial-less disk found by its stand-in: %+v", got[1])
	}
	if got[2].Unit != nil {
		t.Errorf("loose disk given a unit: %+v", got[2])
	}

	// --unit: every disk goes there, and the disk of a handed-over unit
	// is named for the operator to confirm.
	got, err = ResolveUnits(ctx, l, "PCS-26-0002", disks[:1])
	if err != nil || got[0].Unit.ID != "PCS-26-0002" || len(got[0].HandedOver) != 1 || got[0].HandedOver[0] != "PCS-26-0001" {
		t.Fatalf("--unit over a handed-over unit's disk: %+v %v", got, err)
	}
	if _, err := ResolveUnits(ctx, l, "nobody", disks); !errors.Is(err, inventory.ErrUnknownUnit) {
		t.Errorf("unknown --unit: %v", err)
	}
}
