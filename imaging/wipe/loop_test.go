package wipe

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcsolidaire/atelier/imaging"
)

// needRoot skips for a developer who is not root but fails in CI, which
// runs as root so these tests must run there.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() == 0 {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("loop-device tests need root and CI=true: run CI as root")
	}
	t.Skip("needs root for loop devices (CI runs it)")
}

// newLoop attaches a loop device over a fresh file filled with fill, and
// detaches it when the test ends, whatever happens.
func newLoop(t *testing.T, size int, fill byte) string {
	t.Helper()
	needRoot(t)
	file := filepath.Join(t.TempDir(), "disk.img")
	if err := os.WriteFile(file, bytes.Repeat([]byte{fill}, size), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("losetup", "-f", "--show", file).CombinedOutput()
	if err != nil {
		t.Fatalf("losetup: %v: %s", err, out)
	}
	dev := strings.TrimSpace(string(out))
	if !strings.HasPrefix(dev, "/dev/loop") {
		t.Fatalf("losetup gave %q", dev)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("losetup", "-d", dev).CombinedOutput(); err != nil {
			t.Errorf("losetup -d %s: %v: %s", dev, err, out)
		}
	})
	return dev
}

// readDevice reads the whole device independently of the engine: a plain
// buffered open, after dropping the page cache for it.
func readDevice(t *testing.T, dev string) []byte {
	t.Helper()
	exec.Command("blockdev", "--flushbufs", dev).Run()
	f, err := os.Open(dev)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loopWipe(t *testing.T, dev, method string, seed []byte) Result {
	t.Helper()
	d, err := imaging.Inspect(context.Background(), dev, imaging.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Refusal("en"); err != nil {
		t.Fatal(err)
	}
	p, err := MakePlan(d, method, VerifyFull, Gather(context.Background(), ExecRunner{}, d))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), Job{Device: d, Plan: p, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusPassed || r.VerificationResult != StatusPassed || r.NIST != NISTClear || !r.Direct {
		t.Fatalf("%s wipe of %s: %+v", method, dev, r)
	}
	return r
}

func TestLoopZeroWipe(t *testing.T) {
	dev := newLoop(t, 24<<20+512*3, 0xA5) // a size that is not a whole number of chunks
	r := loopWipe(t, dev, MethodZero, nil)
	got := readDevice(t, dev)
	if int64(len(got)) != r.Bytes || !bytes.Equal(got, make([]byte, len(got))) {
		t.Fatalf("device is not all zeros after the wipe (%d bytes read, %d written)", len(got), r.Bytes)
	}
}

func TestLoopRandomWipe(t *testing.T) {
	dev := newLoop(t, 20<<20, 0x00)
	seed := []byte("loop-test-seed-0123456789")
	loopWipe(t, dev, MethodRandom, seed)
	got := readDevice(t, dev)
	if !bytes.Equal(got, expectAESCTR(seed, len(got))) {
		t.Fatal("device does not hold the seeded AES-CTR stream")
	}
}
