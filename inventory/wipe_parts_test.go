package inventory

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// handedOver takes a unit with one disk all the way to a beneficiary.
func handedOver(t *testing.T, l *Ledger, serial string, disk DiskRecord) Unit {
	t.Helper()
	ctx := context.Background()
	u := addUnit(t, l, serial)
	if _, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "B", []DiskRecord{disk}); err != nil {
		t.Fatal(err)
	}
	wipeDisk(t, l, u.ID, disk, ErasurePassed)
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin", DiskSerial: disk.Serial, Status: "passed"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddSite(ctx, cam, "MDH Village 2"); err != nil && !errors.Is(err, ErrInvalidInput) {
		t.Fatal(err)
	}
	for _, m := range []struct {
		to State
		o  MoveOptions
	}{{Ready, MoveOptions{}}, {Reserved, MoveOptions{Site: "MDH Village 2"}}} {
		if _, err := l.Move(ctx, cam, u.ID, m.to, m.o); err != nil {
			t.Fatal(err)
		}
	}
	u, err := l.Handover(ctx, cam, u.ID, "MDH Village 2", "MDH-VILLAGE2-2026-017")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func wipeDisk(t *testing.T, l *Ledger, unit string, disk DiskRecord, status string) Unit {
	t.Helper()
	ctx := context.Background()
	start, err := l.WipeStarted(ctx, cam, unit, WipeStart{Disk: disk, Device: "/dev/fake0", Method: "overwrite"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := l.WipeFinished(ctx, cam, unit, WipeOutcome{StartEvent: start, Status: status, CertificateID: "C-" + status})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Issue 14.7: a disk recorded on a unit handed over to a beneficiary is
// not silently filed under another unit by a wipe: WipeStarted refuses,
// writing nothing, unless the operator said the disk moved (MoveDisk).
func TestWipeRefusesDiskOfHandedOverUnit(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	disk := DiskRecord{Serial: "WD-WX41A123", Medium: "hdd", SizeBytes: 500e9}
	gone := handedOver(t, l, "SER-GONE", disk)
	other := addUnit(t, l, "SER-NEW")

	n := countEvents(t, l)
	_, err := l.WipeStarted(ctx, cam, other.ID, WipeStart{Disk: disk, Device: "/dev/fake0", Method: "overwrite"})
	if !errors.Is(err, ErrRefused) || !errors.Is(err, ErrDiskHandedOver) || !strings.Contains(err.Error(), gone.ID) {
		t.Fatalf("wipe of a handed-over unit's disk: %v, want a refusal naming %s", err, gone.ID)
	}
	if countEvents(t, l) != n {
		t.Fatal("the refused wipe wrote an event")
	}
	held, err := l.DiskHandedOver(ctx, other.ID, "wd-wx41a123")
	if err != nil || len(held) != 1 || held[0] != gone.ID {
		t.Fatalf("DiskHandedOver = %v %v", held, err)
	}
	if held, _ := l.DiskHandedOver(ctx, gone.ID, disk.Serial); len(held) != 0 {
		t.Errorf("its own unit counts as elsewhere: %v", held)
	}
	if _, err := l.WipeStarted(ctx, cam, other.ID, WipeStart{Disk: disk, Device: "/dev/fake0", Method: "overwrite", MoveDisk: true}); err != nil {
		t.Fatalf("wipe with MoveDisk: %v", err)
	}
	// The unit it was handed over with is not the one wiping it: wiping
	// it again on its own unit (returned) needs no confirmation.
	if _, err := l.WipeStarted(ctx, cam, gone.ID, WipeStart{Disk: disk, Device: "/dev/fake0", Method: "overwrite"}); err != nil {
		t.Fatalf("wipe on its own unit: %v", err)
	}
}

// Issue 14.7: a wiped unit whose disk is wiped again and the new wipe does
// not pass (interrupted, failed, unverified) has a disk that no longer
// proves an erasure: it drops back to triaged, and a new passed wipe makes
// it wiped again.
func TestWipedUnitDropsBackWhenRewipeDoesNotPass(t *testing.T) {
	for _, status := range []string{ErasureInterrupted, ErasureFailed, ErasureUnverified, ErasureUncertified} {
		t.Run(status, func(t *testing.T) {
			l := newLedger(t)
			ctx := context.Background()
			disk := DiskRecord{Serial: "S3Z9NB0K", Medium: "ssd"}
			u := addUnit(t, l, "SER1")
			if _, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "B", []DiskRecord{disk}); err != nil {
				t.Fatal(err)
			}
			if got := wipeDisk(t, l, u.ID, disk, ErasurePassed); got.State != "wiped" {
				t.Fatalf("after a passed wipe: %s", got.State)
			}
			if got := wipeDisk(t, l, u.ID, disk, status); got.State != "triaged" {
				t.Fatalf("after an %s re-wipe the unit is %s, want triaged", status, got.State)
			}
			if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin", DiskSerial: disk.Serial, Status: "passed"}); !errors.Is(err, ErrRefused) {
				t.Errorf("deploy after the %s re-wipe: %v, want refused", status, err)
			}
			if got := wipeDisk(t, l, u.ID, disk, ErasurePassed); got.State != "wiped" {
				t.Fatalf("after a new passed wipe: %s", got.State)
			}
			// The replay of a checked rebuild accepts the drop back.
			if _, err := l.CheckedRebuild(ctx, false); err != nil {
				t.Fatalf("checked rebuild: %v", err)
			}
			if got, _ := l.FindUnit(ctx, u.ID); got.State != "wiped" {
				t.Errorf("after rebuild: %s", got.State)
			}
		})
	}
}

// Invariant 2 lives in the ledger: a deploy for a unit that is not wiped
// is refused by CheckDeployUnit, naming the unit and its state.
func TestCheckDeployUnitRefusesAUnitNotWiped(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	disk := DiskRecord{Serial: "S3Z9NB0K", Medium: "ssd"}
	u := addUnit(t, l, "SER1")
	_, err := l.CheckDeployUnit(ctx, "SER1")
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), u.ID+" is received, not wiped") {
		t.Fatalf("deploy on a received unit: %v", err)
	}
	if _, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "B", []DiskRecord{disk}); err != nil {
		t.Fatal(err)
	}
	wipeDisk(t, l, u.ID, disk, ErasurePassed)
	if got, err := l.CheckDeployUnit(ctx, "INV-SER1"); err != nil || got.ID != u.ID {
		t.Fatalf("deploy on a wiped unit: %+v %v", got, err)
	}
	if _, err := l.CheckDeployUnit(ctx, "nobody"); !errors.Is(err, ErrUnknownUnit) {
		t.Errorf("unknown unit: %v", err)
	}
}

// The check a wipe start makes (is this disk on a handed-over unit?) looks
// the disk up by its serial: walking every handed-over unit instead made
// each wipe start cost as much as the ledger is large (a 100,000-unit
// ledger took hours to fill).
func TestDiskHandedOverStartsFromTheSerial(t *testing.T) {
	sqliteOnly(t)
	l := newLedger(t)
	rows, err := l.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+diskHandedOverSQL, "K", "U", string(HandedOver))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if len(plan) == 0 || !strings.Contains(plan[0], "unit_disks_serial") {
		t.Errorf("plan does not start from the disk serial index: %q", plan)
	}
}
