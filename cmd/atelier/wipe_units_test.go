package main

import (
	"bytes"
	"context"
	"github.com/pcsolidaire/atelier/internal/blockdev"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/inventory"
)

// A disk that reports no serial is filed under the shared no-serial
// identity: the operator is warned before anything is written, and the
// unit it was recorded on is found again by that identity.
func TestResolveUnitsNoSerialDisk(t *testing.T) {
	ctx := context.Background()
	l := newTestLedger(t)
	a := inventory.Actor{Operator: "camille"}
	u, err := l.AddUnit(ctx, a, inventory.NewUnit{Serial: "PC-NOSERIAL-1"})
	if err != nil {
		t.Fatal(err)
	}
	dev := imaging.BlockDevice{Path: "/dev/fake-usb", Model: "Generic Flash Disk", SizeBytes: 8_000_000_000}
	id := wipeDiskID(dev)
	if !strings.HasPrefix(id, "noserial:") || id != blockdev.Identity(blockdev.Facts{Model: dev.Model, SizeBytes: dev.SizeBytes}) {
		t.Fatalf("identity %q is not the shared no-serial one", id)
	}
	if _, err := l.WipeStarted(ctx, a, u.ID, inventory.WipeStart{Disk: diskRecord(dev), Device: dev.Path, Method: "zero"}); err != nil {
		t.Fatal(err)
	}

	var errOut bytes.Buffer
	g := &globals{stderr: &errOut, stdout: &bytes.Buffer{}, langFlag: "en"}
	targets := []*wipeTarget{{dev: dev}}
	if err := resolveUnits(ctx, g, l, "", targets); err != nil {
		t.Fatal(err)
	}
	if targets[0].unit == nil || targets[0].unit.ID != u.ID {
		t.Fatalf("the unit holding %s was not found", id)
	}
	if !strings.Contains(errOut.String(), "warning: /dev/fake-usb reports no serial number") || !strings.Contains(errOut.String(), id) {
		t.Fatalf("no warning about the missing serial: %q", errOut.String())
	}
}

// newTestLedger is a new ledger of bench "test" in the test's folder,
// closed when the test ends.
func newTestLedger(t *testing.T) *inventory.Ledger {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ledger.db")
	if _, err := inventory.Init(ctx, path, inventory.InitOptions{Bench: "test"}); err != nil {
		t.Fatal(err)
	}
	l, err := inventory.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}
