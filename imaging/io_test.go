package imaging

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/pcsolidaire/atelier/internal/looptest"
)

// mountRamfs mounts a ramfs, a filesystem that refuses O_DIRECT on every
// kernel (tmpfs accepts it since Linux 6.6), on a new folder.
func mountRamfs(t *testing.T) string {
	t.Helper()
	looptest.Require(t)
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "ramfs", "ramfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount ramfs: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// A target that refuses O_DIRECT is still opened, buffered, and IsDirect
// says so: the callers that read back then drop the cache (DropCache) and
// the wipe's certificate records it.
func TestOpenFallsBackToBufferedWhenODirectIsRefused(t *testing.T) {
	file := filepath.Join(mountRamfs(t), "target.img")
	if err := os.WriteFile(file, make([]byte, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.OpenFile(file, os.O_RDONLY|unix.O_DIRECT, 0); err == nil {
		t.Fatal("ramfs accepted O_DIRECT: the test's premise no longer holds")
	}
	for name, open := range map[string]func(string, bool) (*os.File, error){
		"OpenRead": OpenRead, "OpenWrite": OpenWrite, "OpenReadWrite": OpenReadWrite} {
		f, err := open(file, true)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if IsDirect(f) {
			t.Errorf("%s: IsDirect on a ramfs file", name)
		}
		if err := DropCache(f); err != nil {
			t.Errorf("%s: DropCache on a ramfs file: %v", name, err)
		}
		f.Close()
	}
}

// After a buffered write, a read-back reads the page cache, not the disk:
// here the disk is changed under the cache (a direct write to the loop
// device's backing file), and only after DropCache does a read see it.
func TestDropCacheMakesReadsSeeTheDisk(t *testing.T) {
	backing := looptest.File(t, 4<<20, looptest.Fill(0x11))
	dev := looptest.AttachFile(t, backing)
	f, err := OpenReadWrite(dev, false)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	written := bytes.Repeat([]byte{0xAA}, 1<<20)
	if _, err := f.WriteAt(written, 0); err != nil {
		t.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}

	under, err := os.OpenFile(backing, os.O_WRONLY|unix.O_DIRECT, 0)
	if err != nil {
		t.Fatalf("direct write to the backing file: %v", err)
	}
	changed := AlignedBuffer(1 << 20)
	for i := range changed {
		changed[i] = 0x55
	}
	if _, err := under.WriteAt(changed, 0); err != nil {
		t.Fatal(err)
	}
	under.Close()

	got := make([]byte, 1<<20)
	if _, err := f.ReadAt(got, 0); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, written) {
		t.Fatal("the buffered read already saw the disk: the test cannot show the page cache")
	}
	if err := DropCache(f); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ReadAt(got, 0); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, changed) {
		t.Fatalf("after DropCache the read still returns the cache (byte %#x, disk holds 0x55)", got[0])
	}
}
