package workshop

// The deploy session over a real ledger with a fake engine: which unit a
// deploy goes to, what is refused before a byte is written, and what the
// ledger records however the deploy ends. No root, no loop device.

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
	"github.com/pcsolidaire/atelier/imaging/deploy"
	"github.com/pcsolidaire/atelier/inventory"
)

// fakeImager plans onto a known disk and "writes" with the result given.
type fakeImager struct {
	dev      imaging.BlockDevice
	prepared int
	ran      int
	result   deploy.Result
	runErr   error
	recheck  error
}

func (f *fakeImager) Prepare(_ context.Context, r deploy.Request) (*deploy.Plan, error) {
	f.prepared++
	return &deploy.Plan{Request: r, Device: f.dev, ImageSize: 1 << 20, WriteBytes: 1 << 20}, nil
}

func (f *fakeImager) Recheck(context.Context, *deploy.Plan) error { return f.recheck }

func (f *fakeImager) Run(_ context.Context, p *deploy.Plan, _ deploy.Progress) (deploy.Result, error) {
	f.ran++
	r := f.result
	r.Device = p.Device.Path
	return r, f.runErr
}

func imageFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "zorin.img")
	if err := os.WriteFile(p, make([]byte, 4096), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// wipedUnit is a unit whose only disk (/dev/fakea of the wipe bench) was
// wiped with zeros by a wipe session.
func wipedUnit(t *testing.T, l *inventory.Ledger) (inventory.Unit, imaging.BlockDevice) {
	t.Helper()
	b := onLedger(t, l)
	dev := b.guard.disks["/dev/fakea"]
	u := triaged(t, l, "PC-DEPLOY", dev)
	if _, err := b.wipe(t, "/dev/fakea"); err != nil {
		t.Fatal(err)
	}
	return u, dev
}

func deploySession(l DeploySessionLedger, im *fakeImager) *DeploySession {
	return &DeploySession{Ledger: l, Imager: im, Actor: func() (inventory.Actor, error) { return camille, nil }}
}

func TestDeploySessionOntoTheUnitsWipedDisk(t *testing.T) {
	ctx := context.Background()
	l := openLedger(t)
	u, dev := wipedUnit(t, l)
	im := &fakeImager{dev: dev, result: deploy.Result{Status: "passed", Verification: "full", WrittenBytes: 1 << 20}}
	s := deploySession(l, im)
	if err := s.Source(ctx, imageFile(t), ""); err != nil {
		t.Fatal(err)
	}
	p, err := s.Plan(ctx, deploy.Request{Personalise: true})
	if err != nil {
		t.Fatal(err)
	}
	// Found by its disk, named after its unit, zero blocks skipped (the
	// disk holds zeros, proven by the ledger).
	if s.UnitID() != u.ID || s.Disk != "WD-A" || p.Hostname != deploy.HostnameFor(u.ID) || !p.SkipZeros {
		t.Fatalf("unit %q disk %q hostname %q skip zeros %v", s.UnitID(), s.Disk, p.Hostname, p.SkipZeros)
	}
	if err := s.Begin(ctx, p); err != nil {
		t.Fatal(err)
	}
	if _, runErr, recErr := s.Write(ctx, p, nil); runErr != nil || recErr != nil {
		t.Fatal(runErr, recErr)
	}
	if st := unitState(t, l, u.ID); st != string(inventory.Imaged) {
		t.Fatalf("after a passed deploy: %s", st)
	}
}

// Refusals before anything is written: a unit not wiped (before the image
// is even opened), a disk of the unit that was never erased.
func TestDeploySessionRefusals(t *testing.T) {
	ctx := context.Background()
	l := openLedger(t)
	fresh, err := l.AddUnit(ctx, camille, inventory.NewUnit{Serial: "PC-FRESH"})
	if err != nil {
		t.Fatal(err)
	}
	im := &fakeImager{dev: imaging.BlockDevice{Path: "/dev/fakez", Serial: "WD-Z"}}
	s := deploySession(l, im)
	if err := s.Source(ctx, imageFile(t), fresh.ID); !errors.Is(err, inventory.ErrRefused) || im.prepared != 0 {
		t.Fatalf("a unit not wiped: %v (prepared %d)", err, im.prepared)
	}

	u, _ := wipedUnit(t, l)
	s = deploySession(l, im)
	if err := s.Source(ctx, imageFile(t), u.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.Plan(ctx, deploy.Request{})
	if keyOf(err) != "deploy.target.refused" || im.ran != 0 {
		t.Fatalf("a disk never erased: %v", err)
	}
	if unitState(t, l, u.ID) != string(inventory.Wiped) {
		t.Fatal("the refusal changed the unit")
	}

	s = deploySession(l, im)
	if err := s.Source(ctx, filepath.Join(t.TempDir(), "nothing.img"), ""); keyOf(err) != "deploy.image.unknown" {
		t.Fatalf("an unknown image: %v", err)
	}
}

// A deploy that fails, or is interrupted, is recorded all the same: the
// unit is not imaged, and the next deploy no longer trusts the zeros.
func TestDeploySessionFailedAndInterruptedAreRecorded(t *testing.T) {
	ctx := context.Background()
	for _, status := range []string{"failed", "interrupted"} {
		l := openLedger(t)
		u, dev := wipedUnit(t, l)
		im := &fakeImager{dev: dev, result: deploy.Result{Status: status}, runErr: errors.New(status)}
		s := deploySession(l, im)
		if err := s.Source(ctx, imageFile(t), u.ID); err != nil {
			t.Fatal(err)
		}
		p, err := s.Plan(ctx, deploy.Request{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Begin(ctx, p); err != nil {
			t.Fatal(err)
		}
		if _, runErr, recErr := s.Write(ctx, p, nil); runErr == nil || recErr != nil {
			t.Fatalf("%s: %v %v", status, runErr, recErr)
		}
		if st := unitState(t, l, u.ID); st != string(inventory.Wiped) {
			t.Fatalf("%s: unit %s", status, st)
		}
		again := deploySession(l, im)
		again.Source(ctx, imageFile(t), u.ID)
		p, err = again.Plan(ctx, deploy.Request{})
		if err != nil || p.SkipZeros {
			t.Fatalf("%s: the next deploy skips zeros (%v)", status, err)
		}
	}
}

// Without a ledger (or a unit) the deploy goes on, unrecorded.
func TestDeploySessionWithoutLedger(t *testing.T) {
	ctx := context.Background()
	im := &fakeImager{dev: imaging.BlockDevice{Path: "/dev/fakez", Model: "Generic Flash Disk", SizeBytes: 8e9},
		result: deploy.Result{Status: "passed"}}
	s := &DeploySession{Imager: im}
	if err := s.Source(ctx, imageFile(t), ""); err != nil {
		t.Fatal(err)
	}
	p, err := s.Plan(ctx, deploy.Request{Personalise: true})
	if err != nil || s.Unit != nil || p.Hostname != "" || p.SkipZeros || s.Disk != im.dev.Identity() {
		t.Fatalf("%v unit %v hostname %q disk %q", err, s.Unit, p.Hostname, s.Disk)
	}
	if err := s.Begin(ctx, p); err != nil {
		t.Fatal(err)
	}
	if _, runErr, recErr := s.Write(ctx, p, nil); runErr != nil || recErr != nil {
		t.Fatal(runErr, recErr)
	}
	if err := s.Source(ctx, imageFile(t), "PCS-26-0001"); err == nil {
		t.Fatal("--unit without a ledger")
	}
}
