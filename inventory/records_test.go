package inventory

import (
	"context"
	"errors"
	"testing"

	"github.com/pcsolidaire/atelier/internal/i18n"
)

func TestImagesAndDeploy(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	img := Image{Name: "zorin-17-core", Path: "/srv/zorin.img.zst", OS: "Zorin OS", Version: "17.3", Edition: "Core",
		SizeBytes: 3e9, ImageBytes: 12e9, SHA256: "aa", ImageSHA256: "bb"}
	if err := l.AddImage(ctx, cam, img); err != nil {
		t.Fatal(err)
	}
	if err := l.AddImage(ctx, cam, Image{Name: "ZORIN-17-CORE"}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("duplicate image name: %v", err)
	}
	got, err := l.FindImage(ctx, "Zorin-17-Core")
	if err != nil || got.ImageSHA256 != "bb" || got.AddedAt.IsZero() {
		t.Errorf("FindImage = %+v, %v", got, err)
	}
	if _, err := l.FindImage(ctx, "ubuntu"); !errors.Is(err, ErrUnknownImage) {
		t.Errorf("unknown image: %v", err)
	}
	if all, _ := l.Images(ctx); len(all) != 1 {
		t.Errorf("Images = %d", len(all))
	}

	u := addUnit(t, l, "SER1")
	disk := DiskRecord{Serial: "NVME-1", Medium: "NVMe"}
	l.RecordProbe(ctx, cam, u.ID, nil, nil, "A", []DiskRecord{disk})
	s, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: disk})
	if _, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: "passed"}); err != nil {
		t.Fatal(err)
	}
	// A failed deploy is recorded and leaves the unit wiped, ready for another try.
	if got, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: img.Name, DiskSerial: "NVME-1", Status: "failed"}); err != nil || got.State != "wiped" {
		t.Fatalf("failed deploy: %+v %v", got, err)
	}
	if got, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: img.Name, DiskSerial: "nvme-1", Status: "passed"}); err != nil || got.State != "imaged" {
		t.Fatalf("passed deploy: %+v %v", got, err)
	}
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: img.Name, Status: "passed"}); !errors.Is(err, ErrRefused) {
		t.Errorf("second deploy on an imaged unit: %v", err)
	}
	found, ok, err := l.FindUnitByDiskSerial(ctx, "nvme-1")
	if err != nil || !ok || found.ID != u.ID {
		t.Errorf("FindUnitByDiskSerial = %+v %v %v", found, ok, err)
	}
	if _, ok, _ := l.FindUnitByDiskSerial(ctx, "nope"); ok {
		t.Error("found a unit for an unknown disk")
	}
	disks, _ := l.UnitDisks(ctx, u.ID)
	if len(disks) != 1 || disks[0].Erasure != ErasurePassed {
		t.Errorf("UnitDisks = %+v", disks)
	}
}

func TestWipeFailureKeepsTheUnitTriaged(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "SER1")
	disk := DiskRecord{Serial: "HDD-1"}
	l.RecordProbe(ctx, cam, u.ID, nil, nil, "", []DiskRecord{disk})
	s, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: disk})
	got, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: "failed", Errors: []string{"I/O error at 4096"}})
	if err != nil || got.State != "triaged" {
		t.Fatalf("failed wipe: %+v %v", got, err)
	}
	disks, _ := l.UnitDisks(ctx, u.ID)
	if disks[0].Erasure != ErasureFailed {
		t.Errorf("erasure %s", disks[0].Erasure)
	}
	if _, err := l.Move(ctx, cam, u.ID, Recycled, MoveOptions{}); !errors.Is(err, ErrRefused) {
		t.Errorf("recycled with a failed wipe: %v", err)
	}
	if _, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: "01NOPE", Status: "passed"}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("unknown start event: %v", err)
	}
	if _, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: s, Status: "ok"}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("bad status: %v", err)
	}
}

func TestHandoverReservesAReadyUnitInOneStep(t *testing.T) {
	l := newLedger(t)
	ctx := context.Background()
	u := addUnit(t, l, "SER1")
	l.AddSite(ctx, cam, "MDH Village 2")
	disk := DiskRecord{Serial: "D1", Medium: "hdd"}
	if _, err := l.RecordProbe(ctx, cam, u.ID, nil, nil, "B", []DiskRecord{disk}); err != nil {
		t.Fatal(err)
	}
	start, _ := l.WipeStarted(ctx, cam, u.ID, WipeStart{Disk: disk, Device: "/dev/fake0", Method: "zero"})
	if _, err := l.WipeFinished(ctx, cam, u.ID, WipeOutcome{StartEvent: start, Status: ErasurePassed}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.RecordDeploy(ctx, cam, u.ID, DeployOutcome{Image: "zorin-18", DiskSerial: "D1", Status: ErasurePassed}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Move(ctx, cam, u.ID, Ready, MoveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Handover(ctx, cam, u.ID, "MDH Nowhere", "REF-1"); !errors.Is(err, ErrUnknownSite) {
		t.Fatalf("unknown site: %v", err)
	}
	if got, _ := l.FindUnit(ctx, u.ID); got.State != "ready" {
		t.Fatalf("a refused handover changed the state to %s", got.State)
	}
	got, err := l.Handover(ctx, cam, u.ID, "mdh village 2", "MDH-V2-2026-017")
	if err != nil || got.State != "handed_over" || got.Site != "MDH Village 2" {
		t.Fatalf("handover: %+v %v", got, err)
	}
	s, _ := l.StatusOf(ctx, u.ID)
	if got := s.Sentence(i18n.FR); got != "PCS-26-0001 — Dell Latitude E6410 — remis par MDH Village 2 le 3 novembre 2026" {
		t.Errorf("status: %q", got)
	}
}
