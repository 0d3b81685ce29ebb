package inventory

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
)

// uncertified records a passed wipe whose certificate could not be
// written, as atelier wipe does, and returns its outcome.
func uncertified(t *testing.T, l *Ledger, unit string, disk DiskRecord, certID string) WipeOutcome {
	t.Helper()
	ctx := context.Background()
	start, err := l.WipeStarted(ctx, cam, unit, WipeStart{Disk: disk, Device: "/dev/fake0", Method: "zero"})
	if err != nil {
		t.Fatal(err)
	}
	o := WipeOutcome{StartEvent: start, Status: ErasureUncertified, Pattern: "zero", CertificateID: certID,
		CertificateSHA256: "ab12", Certificate: json.RawMessage(`{"id":"` + certID + `"}`)}
	u, err := l.WipeFinished(ctx, cam, unit, o)
	if err != nil {
		t.Fatal(err)
	}
	if u.State != string(Triaged) {
		t.Fatalf("an uncertified wipe moved the unit to %s", u.State)
	}
	o.DiskSerial = disk.Serial
	return o
}

func TestUncertifiedWipeIsNotAnErasureUntilCertified(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	u := addUnit(t, l, "5CG1CERT01")
	disk := DiskRecord{Serial: "WD-WX41A123", Medium: "hdd"}
	if _, err := l.RecordProbe(ctx, cam, u.ID, []byte(`{}`), nil, "B", []DiskRecord{disk}); err != nil {
		t.Fatal(err)
	}
	const cert = "01KAQ7ZC0N6M5V4H0S3G3Y9T2B"
	uncertified(t, l, u.ID, disk, cert)

	if _, err := l.Move(ctx, cam, u.ID, Recycled, MoveOptions{}); !errors.Is(err, ErrRefused) {
		t.Fatalf("recycling a unit whose disk has no written certificate: %v", err)
	}
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin", DiskSerial: disk.Serial, Status: "passed"}); !errors.Is(err, ErrRefused) {
		t.Fatalf("deploy onto an uncertified disk: %v", err)
	}

	// Found by unit, by disk and by certificate id, lower case too.
	for _, ref := range []string{u.ID, u.Serial, "wd-wx41a123", cert, "01kaq7zc0n6m5v4h0s3g3y9t2b"} {
		rcs, err := l.RecordedCertificates(ctx, ref)
		if err != nil || len(rcs) != 1 || !rcs[0].Pending || rcs[0].UnitID != u.ID || rcs[0].Outcome.CertificateID != cert ||
			string(rcs[0].Outcome.Certificate) != `{"id":"`+cert+`"}` {
			t.Fatalf("RecordedCertificates(%q) = %+v, %v", ref, rcs, err)
		}
	}
	if _, err := l.RecordedCertificates(ctx, "nothing-of-that-name"); !errors.Is(err, ErrUnknownUnit) {
		t.Fatalf("unknown reference: %v", err)
	}

	rcs, _ := l.RecordedCertificates(ctx, u.ID)
	got, err := l.WipeCertified(ctx, cam, rcs[0])
	if err != nil || got.State != string(Wiped) {
		t.Fatalf("WipeCertified: %+v, %v", got, err)
	}
	disks, _ := l.UnitDisks(ctx, u.ID)
	if disks[0].Erasure != ErasurePassed || disks[0].CertificateID != cert {
		t.Fatalf("disk after certification: %+v", disks[0])
	}
	if last, _, _ := l.LastWipe(ctx, u.ID, disk.Serial); last.Status != ErasurePassed {
		t.Fatalf("LastWipe after certification: %+v", last)
	}
	// Twice is refused: nothing is pending any more.
	if _, err := l.WipeCertified(ctx, cam, rcs[0]); !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("second certification: %v", err)
	}
	if _, err := l.RecordedCertificates(ctx, u.ID); !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("nothing pending: %v", err)
	}
	// By id it is still found (to write its files again), not pending.
	if rcs, err := l.RecordedCertificates(ctx, cert); err != nil || rcs[0].Pending {
		t.Fatalf("by id after certification: %+v, %v", rcs, err)
	}

	// A rebuild from the events gives the same picture.
	if _, err := l.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if u2, _ := l.FindUnit(ctx, u.ID); u2.State != string(Wiped) {
		t.Fatalf("after rebuild: %s", u2.State)
	}
	if disks, _ := l.UnitDisks(ctx, u.ID); disks[0].Erasure != ErasurePassed {
		t.Fatalf("disk after rebuild: %+v", disks[0])
	}
}

// A certificate written for a wipe that a later wipe superseded proves
// nothing about the disk now: the certification is refused, nothing
// written.
func TestStaleCertificationIsRefused(t *testing.T) {
	ctx := context.Background()
	l := newLedger(t)
	u := addUnit(t, l, "5CG1CERT02")
	disk := DiskRecord{Serial: "S3Z9NB0K", Medium: "ssd"}
	if _, err := l.RecordProbe(ctx, cam, u.ID, []byte(`{}`), nil, "B", []DiskRecord{disk}); err != nil {
		t.Fatal(err)
	}
	first := uncertified(t, l, u.ID, disk, "01KAQ7ZC0N6M5V4H0S3G3Y9T2B")
	rcs, _ := l.RecordedCertificates(ctx, u.ID)
	start, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: disk, Device: "/dev/fake0", Method: "zero"})
	if _, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: start, Status: ErasureFailed}); err != nil {
		t.Fatal(err)
	}
	n := countEvents(t, l)
	_, err := l.WipeCertified(ctx, cam, rcs[0])
	var e *Error
	if !errors.As(err, &e) || e.Key != "wipe.certify.stale" {
		t.Fatalf("certifying a superseded wipe: %v", err)
	}
	if countEvents(t, l) != n {
		t.Fatal("a refused certification wrote an event")
	}
	if rcs, err := l.RecordedCertificates(ctx, first.CertificateID); err != nil || rcs[0].Pending {
		t.Fatalf("the superseded certificate by id: %+v, %v", rcs, err)
	}
}
