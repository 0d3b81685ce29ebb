package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/inventory"
)

// Issue 14.7: wipe --unit of a disk recorded on a unit handed over to a
// beneficiary is refused outside a terminal without --move-disk, before
// anything is opened or recorded; with --move-disk it goes ahead, says so,
// and the ledger records the operator's word.
func TestWipeUnitRefusesDiskOfHandedOverUnit(t *testing.T) {
	ctx := context.Background()
	l := newTestLedger(t)
	a := inventory.Actor{Operator: "camille"}
	dev := imaging.BlockDevice{Path: "/dev/fake0", Serial: "WD-WX41A123", Medium: "hdd", SizeBytes: 500e9}
	disk := diskRecord(dev)
	gone, err := l.AddUnit(ctx, a, inventory.NewUnit{Serial: "PC-GONE"})
	if err != nil {
		t.Fatal(err)
	}
	l.RecordProbe(ctx, a, gone.ID, nil, nil, "B", []inventory.DiskRecord{disk})
	s, _ := l.WipeStarted(ctx, a, gone.ID, inventory.WipeStart{Disk: disk, Method: "zero"})
	l.WipeFinished(ctx, a, gone.ID, inventory.WipeOutcome{StartEvent: s, Status: inventory.ErasurePassed})
	l.RecordDeploy(ctx, a, gone.ID, inventory.DeployOutcome{Image: "zorin", DiskSerial: disk.Serial, Status: "passed"})
	l.AddSite(ctx, a, "MDH Village 2")
	l.Move(ctx, a, gone.ID, inventory.Ready, inventory.MoveOptions{})
	l.Move(ctx, a, gone.ID, inventory.Reserved, inventory.MoveOptions{Site: "MDH Village 2"})
	if u, err := l.Handover(ctx, a, gone.ID, "MDH Village 2", "MDH-VILLAGE2-2026-017"); err != nil || u.State != "handed_over" {
		t.Fatalf("handover: %+v %v", u, err)
	}
	other, err := l.AddUnit(ctx, a, inventory.NewUnit{Serial: "PC-NEW"})
	if err != nil {
		t.Fatal(err)
	}

	g := &globals{stderr: &bytes.Buffer{}, stdout: &bytes.Buffer{}, stdin: strings.NewReader(""), langFlag: "en"}
	targets := []*wipeTarget{{dev: dev}}
	if err := resolveUnits(ctx, g, l, other.ID, targets); err != nil {
		t.Fatal(err)
	}
	err = confirmMovedDisks(g, false, targets)
	if err == nil || !strings.Contains(err.Error(), gone.ID) || !strings.Contains(err.Error(), "--move-disk") {
		t.Fatalf("without --move-disk: %v, want a refusal naming %s and --move-disk", err, gone.ID)
	}
	if targets[0].moveDisk {
		t.Fatal("refused, yet marked as moved")
	}
	if err := confirmMovedDisks(g, true, targets); err != nil || !targets[0].moveDisk {
		t.Fatalf("with --move-disk: %v (moved %v)", err, targets[0].moveDisk)
	}
	if len(targets[0].notes) != 1 || !strings.Contains(targets[0].notes[0], gone.ID) {
		t.Errorf("notes = %q", targets[0].notes)
	}
	if _, err := l.WipeStarted(ctx, a, other.ID, inventory.WipeStart{Disk: disk, Method: "zero", MoveDisk: targets[0].moveDisk}); err != nil {
		t.Fatalf("wipe start with the operator's word: %v", err)
	}
}
