package workshop

import (
	"testing"

	"github.com/pcsolidaire/atelier/internal/blockdev"
	"github.com/pcsolidaire/atelier/probe"
)

func TestUsableSerial(t *testing.T) {
	for _, s := range []string{"", "unknown", "To Be Filled By O.E.M.", "System Serial Number", "Default string",
		"0000000000", "--", "FFFFFFFF", "Not Specified"} {
		if UsableSerial(s) {
			t.Errorf("%q accepted as a serial", s)
		}
	}
	for _, s := range []string{"5CG7281XYZ", "PF1ABCDE", "CZC4150KQ2"} {
		if !UsableSerial(s) {
			t.Errorf("%q refused as a serial", s)
		}
	}
}

// A triage records every internal disk, a serial-less one under the very
// identity wipe computes for it, and leaves out removable and USB disks.
func TestDiskRecordsAndWalkIn(t *testing.T) {
	r := &probe.Report{Disks: []probe.Disk{
		{Name: "fakesata0", Model: "ST9250410AS", Serial: " 5VG3ABCD ", Vendor: "unknown", SizeBytes: 250059350016, Medium: "hdd"},
		{Name: "fakeusb0", Model: "Cruzer Blade", Serial: "4C530001220528", SizeBytes: 32015679488, Medium: "usb", Transport: "usb", Removable: true},
		{Name: "fakenvme0n1", Model: "SAMSUNG MZVLB256", Serial: "unknown", SizeBytes: 256060514304, Medium: "nvme"},
	}}
	recs, noSerial, skipped := DiskRecords(r)
	want := blockdev.Identity(blockdev.Facts{Model: "SAMSUNG MZVLB256", SizeBytes: 256060514304})
	if len(recs) != 2 || recs[0].Serial != "5VG3ABCD" || recs[0].Vendor != "" || recs[1].Serial != want {
		t.Fatalf("records = %+v", recs)
	}
	if len(noSerial) != 1 || noSerial[0] != [2]string{"fakenvme0n1", want} || len(skipped) != 1 || skipped[0].Name != "fakeusb0" {
		t.Errorf("no serial %v, left out %+v", noSerial, skipped)
	}
	r.System = probe.System{Vendor: "Dell Inc.", Product: "unknown", Chassis: probe.Unknown}
	if nu := WalkIn(r, "5CG7281XYZ"); nu.Serial != "5CG7281XYZ" || nu.Vendor != "Dell Inc." || nu.Model != "" || nu.Type != "" {
		t.Errorf("walk-in %+v", nu)
	}
}
