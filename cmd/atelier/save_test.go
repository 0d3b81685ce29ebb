package main

import (
	"bytes"
	"github.com/pcsolidaire/atelier/internal/blockdev"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/probe"
	"github.com/pcsolidaire/atelier/workshop"
)

func TestSaveConfirmAcceptsOnlyAnExplicitYes(t *testing.T) {
	for answer, want := range map[string]bool{"y\n": true, "oui\n": true, " YES \n": true, "o": true,
		"\n": false, "n\n": false, "non\n": false, "": false, "yes please\n": false} {
		var out bytes.Buffer
		if got := confirm(strings.NewReader(answer), &out, "Register? [y/N] "); got != want {
			t.Errorf("answer %q: confirm = %v, want %v", answer, got, want)
		}
		if out.String() != "Register? [y/N] " {
			t.Errorf("question shown as %q", out.String())
		}
	}
}

func TestSaveRejectsPlaceholderSerials(t *testing.T) {
	for _, s := range []string{"", "unknown", "To Be Filled By O.E.M.", "System Serial Number", "Default string",
		"0000000000", "--", "FFFFFFFF", "Not Specified"} {
		if usableSerial(s) {
			t.Errorf("%q accepted as a serial", s)
		}
	}
	for _, s := range []string{"5CG7281XYZ", "PF1ABCDE", "CZC4150KQ2"} {
		if !usableSerial(s) {
			t.Errorf("%q refused as a serial", s)
		}
	}
}

func TestSaveRecordsInternalDisksEvenWithoutSerial(t *testing.T) {
	r := &probe.Report{Disks: []probe.Disk{
		{Name: "fakesata0", Model: "ST9250410AS", Serial: " 5VG3ABCD ", Vendor: "unknown", SizeBytes: 250059350016, Medium: "hdd"},
		{Name: "fakeusb0", Model: "Cruzer Blade", Serial: "4C530001220528", SizeBytes: 32015679488, Medium: "usb", Transport: "usb", Removable: true},
		{Name: "fakemmc1", Serial: "0x1234", Medium: "mmc", Removable: true},
		{Name: "fakenvme0n1", Model: "SAMSUNG MZVLB256", Serial: "unknown", SizeBytes: 256060514304, Medium: "nvme"},
	}}
	g := &globals{}
	recs, noSerial, left := workshop.DiskRecords(r)
	var skipped []string
	for _, d := range left {
		skipped = append(skipped, removableLabel(g, d))
	}
	if len(recs) != 2 || recs[0].Serial != "5VG3ABCD" || recs[0].Vendor != "" || recs[0].Model != "ST9250410AS" || recs[0].Medium != "hdd" {
		t.Fatalf("records = %+v", recs)
	}
	// The serial-less disk is filed under the very identity wipe uses, so
	// erasing it clears it on the unit.
	want := blockdev.Identity(blockdev.Facts{Model: "SAMSUNG MZVLB256", SizeBytes: 256060514304})
	if recs[1].Serial != want || recs[1].Model != "SAMSUNG MZVLB256" {
		t.Errorf("serial-less disk recorded as %+v, want identity %q", recs[1], want)
	}
	if len(noSerial) != 1 || noSerial[0] != [2]string{"fakenvme0n1", want} {
		t.Errorf("disks without serial = %v", noSerial)
	}
	if len(skipped) != 2 || !strings.HasPrefix(unbreakable.Replace(skipped[0]), "fakeusb0 (Cruzer Blade, 32") || skipped[1] != "fakemmc1" {
		t.Errorf("left-out disks = %q", skipped)
	}
}
