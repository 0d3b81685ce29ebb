package workshop

// The wipe session over a real ledger (SQLite in a temporary folder): what
// the unit's state and disks become. No root, no loop device: the disks
// are the fakes of wipe_session_test.go.

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/internal/blockdev"
	"github.com/pcsolidaire/atelier/inventory"
	"github.com/pcsolidaire/atelier/reports"
)

func openLedger(t *testing.T) *inventory.Ledger {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ledger.db")
	if _, err := inventory.Init(ctx, path, inventory.InitOptions{Bench: "etabli-1"}); err != nil {
		t.Fatal(err)
	}
	l, err := inventory.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

var camille = inventory.Actor{Operator: "camille"}

// triaged registers a unit and records dev on it, as probe --save does.
func triaged(t *testing.T, l *inventory.Ledger, serial string, dev imaging.BlockDevice) inventory.Unit {
	t.Helper()
	ctx := context.Background()
	u, err := l.AddUnit(ctx, camille, inventory.NewUnit{Serial: serial, Vendor: "Dell", Model: "OptiPlex 7010"})
	if err != nil {
		t.Fatal(err)
	}
	if u, err = l.RecordProbe(ctx, camille, u.ID, nil, nil, "B", []inventory.DiskRecord{DiskRecord(dev)}); err != nil {
		t.Fatal(err)
	}
	return u
}

// onLedger is the bench of wipe_session_test.go over a real ledger.
func onLedger(t *testing.T, l *inventory.Ledger) *bench {
	b := newBench(t)
	b.s.Ledger = l
	return b
}

func unitState(t *testing.T, l *inventory.Ledger, id string) string {
	t.Helper()
	u, err := l.FindUnit(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return u.State
}

// The unit is found by its disk, becomes wiped when its only disk passed;
// a second wipe that is interrupted drops it back to triaged.
func TestWipeSessionRewipeInterruptedDropsTheUnitBack(t *testing.T) {
	l := openLedger(t)
	b := onLedger(t, l)
	u := triaged(t, l, "PC-1", b.guard.disks["/dev/fakea"])
	if _, err := b.wipe(t, "/dev/fakea"); err != nil {
		t.Fatal(err)
	}
	if s := unitState(t, l, u.ID); s != string(inventory.Wiped) {
		t.Fatalf("after a passed wipe: %s", s)
	}
	disks, _ := l.UnitDisks(context.Background(), u.ID)
	if len(disks) != 1 || disks[0].Erasure != inventory.ErasurePassed {
		t.Fatalf("disks %+v", disks)
	}

	b2 := onLedger(t, l)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b2.disks.media["/dev/fakea"].onWrite = cancel
	targets, err := b2.s.Plan(ctx, []string{"/dev/fakea"})
	if err != nil {
		t.Fatal(err)
	}
	if err := b2.s.Run(ctx, targets); err != nil {
		t.Fatal(err)
	}
	if s := unitState(t, l, u.ID); s != string(inventory.Triaged) {
		t.Fatalf("after an interrupted re-wipe: %s, want triaged", s)
	}
}

// A serial-less disk recorded by a triage is found again by its stand-in
// identity, the same one blockdev gives it.
func TestWipeSessionFindsASerialLessDisksUnit(t *testing.T) {
	l := openLedger(t)
	b := onLedger(t, l)
	dev := b.guard.disks["/dev/fakeb"]
	id := dev.Identity()
	if !strings.HasPrefix(id, blockdev.NoSerialPrefix) || id != blockdev.Identity(blockdev.Facts{Model: dev.Model, SizeBytes: dev.SizeBytes}) {
		t.Fatalf("identity %q is not the shared no-serial one", id)
	}
	u := triaged(t, l, "PC-NOSERIAL-1", dev)
	targets, err := b.wipe(t, "/dev/fakeb")
	if err != nil {
		t.Fatal(err)
	}
	if targets[0].Unit == nil || targets[0].Unit.ID != u.ID || len(b.warned) != 1 {
		t.Fatalf("unit %v, warned %v", targets[0].Unit, b.warned)
	}
	if s := unitState(t, l, u.ID); s != string(inventory.Wiped) {
		t.Fatalf("unit %s", s)
	}
}

// Issue 14.7 over the real ledger: --unit onto the disk of a handed-over
// unit is refused without --move-disk; with it, the ledger accepts it.
func TestWipeSessionMoveDiskOnTheLedger(t *testing.T) {
	ctx := context.Background()
	l := openLedger(t)
	b := onLedger(t, l)
	dev := b.guard.disks["/dev/fakea"]
	gone := triaged(t, l, "PC-GONE", dev)
	disk := DiskRecord(dev)
	s, _ := l.WipeStarted(ctx, camille, gone.ID, inventory.WipeStart{Disk: disk, Method: "zero"})
	l.WipeFinished(ctx, camille, gone.ID, inventory.WipeOutcome{StartEvent: s, Status: inventory.ErasurePassed})
	l.RecordDeploy(ctx, camille, gone.ID, inventory.DeployOutcome{Image: "zorin", DiskSerial: disk.Serial, Status: "passed"})
	l.AddSite(ctx, camille, "MDH Village 2")
	l.Move(ctx, camille, gone.ID, inventory.Ready, inventory.MoveOptions{})
	l.Move(ctx, camille, gone.ID, inventory.Reserved, inventory.MoveOptions{Site: "MDH Village 2"})
	if u, err := l.Handover(ctx, camille, gone.ID, "MDH Village 2", "MDH-VILLAGE2-2026-017"); err != nil || u.State != "handed_over" {
		t.Fatalf("handover: %+v %v", u, err)
	}
	other, err := l.AddUnit(ctx, camille, inventory.NewUnit{Serial: "PC-NEW"})
	if err != nil {
		t.Fatal(err)
	}
	b.s.Unit = other.ID
	if _, err := b.wipe(t, "/dev/fakea"); keyOf(err) != "wipe.disk_handed_over" {
		t.Fatalf("without --move-disk: %v", err)
	}
	b = onLedger(t, l)
	b.s.Unit, b.s.MoveDisk = other.ID, true
	targets, err := b.wipe(t, "/dev/fakea")
	if err != nil || targets[0].Status() != inventory.ErasurePassed {
		t.Fatalf("with --move-disk: %v", err)
	}
	disks, _ := l.UnitDisks(ctx, other.ID)
	if len(disks) != 1 || disks[0].Erasure != inventory.ErasurePassed {
		t.Fatalf("the moved disk on %s: %+v", other.ID, disks)
	}
}

// A certificate folder nothing can be written to: a passed wipe is
// recorded uncertified and found by its unit; a failed one stays failed
// and its signed certificate is kept, to be written by its id and
// re-signed byte for byte.
func TestWipeSessionKeepsTheCertificateItCouldNotWrite(t *testing.T) {
	ctx := context.Background()
	l := openLedger(t)
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(blocker, nil, 0o644)

	b := onLedger(t, l)
	b.s.Certs.Dir = filepath.Join(blocker, "certificates")
	u := triaged(t, l, "PC-PASS", b.guard.disks["/dev/fakea"])
	targets, err := b.wipe(t, "/dev/fakea")
	if err != nil {
		t.Fatal(err)
	}
	passed := targets[0]
	if passed.Status() != inventory.ErasureUncertified {
		t.Fatalf("status %s", passed.Status())
	}
	disks, _ := l.UnitDisks(ctx, u.ID)
	if disks[0].Erasure != inventory.ErasureUncertified || disks[0].CertificateSHA256 != passed.Signed.SHA256 {
		t.Fatalf("ledger: %+v", disks[0])
	}
	if rcs, err := l.RecordedCertificates(ctx, u.ID); err != nil || len(rcs) != 1 || !rcs[0].Pending {
		t.Fatalf("the unit's pending certificate: %+v %v", rcs, err)
	}

	b = onLedger(t, l)
	b.s.Certs.Dir = filepath.Join(blocker, "certificates")
	b.s.Disks = &failingDisks{fakeDisks: b.disks}
	f := triaged(t, l, "PC-FAIL", b.guard.disks["/dev/fakeb"])
	targets, err = b.wipe(t, "/dev/fakeb")
	if err != nil {
		t.Fatal(err)
	}
	failed := targets[0]
	rcs, err := l.RecordedCertificates(ctx, failed.Signed.ID)
	if err != nil || len(rcs) != 1 || rcs[0].Pending || rcs[0].Outcome.Status != inventory.ErasureFailed {
		t.Fatalf("the failed wipe's certificate: %+v, %v", rcs, err)
	}
	s, err := reports.Resign(rcs[0].Outcome.Certificate, rcs[0].Outcome.CertificateSHA256, b.s.Certs.Key)
	if err != nil || !bytes.Equal(s.JSON, failed.Signed.JSON) {
		t.Fatalf("Resign of the failed wipe's certificate: %v", err)
	}
	if _, err := l.RecordedCertificates(ctx, f.ID); err == nil {
		t.Fatal("a failed wipe is not waiting for its certificate to count as erased")
	}
}
