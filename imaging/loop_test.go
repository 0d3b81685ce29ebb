package imaging

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needRoot skips a block-device test for a developer who is not root, but
// fails it in CI, which runs as root so these tests must run there.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() == 0 {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("block-device tests need root and CI=true: run CI as root")
	}
	t.Skip("needs root for loop devices (CI runs it)")
}

// newLoop attaches a loop device on a fresh sparse file of size bytes, made
// in a temporary folder, and detaches it when the test ends, failed or not.
func newLoop(t *testing.T, size int64) (dev, file string) {
	t.Helper()
	needRoot(t)
	file = filepath.Join(t.TempDir(), "disk.img")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err := exec.Command("losetup", "-f", "--show", file).CombinedOutput()
	if err != nil {
		t.Fatalf("losetup: %v: %s", err, out)
	}
	dev = strings.TrimSpace(string(out))
	if !strings.HasPrefix(dev, "/dev/loop") {
		t.Fatalf("losetup gave %q", dev)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("losetup", "-d", dev).CombinedOutput(); err != nil {
			t.Errorf("losetup -d %s: %v: %s", dev, err, out)
		}
	})
	return dev, file
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v: %s", name, args, err, out)
	}
}
